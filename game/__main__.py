"""``python -m game`` runs the game (same as the ``signal-scouts`` command)."""

import sys

from game.cli import main

if __name__ == "__main__":  # a helper process (see game/printing/export.py) imports this too
    sys.exit(main())
