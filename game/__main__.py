"""``python -m game`` runs the game (same as the ``signal-scouts`` command)."""

import sys

from game.cli import main

sys.exit(main())
