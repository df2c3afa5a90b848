"""The first frame loads only what the title screen needs (start-up time on school laptops)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: Modules the title's first frame must not load: each costs start-up time and is only
#: needed later (lessons, the saved profile, printing, dates, clip names, narration).
NOT_BEFORE_FIRST_FRAME = (
    "babel",
    "datetime",
    "fontTools",
    "fpdf",
    "game.content.loader",
    "game.printing",
    "game.profile",
    "hashlib",
    "pydantic",
    "uharfbuzz",
    "yaml",
)

FIRST_FRAME = """
import json, sys
import pygame
from game.app import App
from game.paths import ContentPaths
from game.scenes.title import TitleScene

pygame.init()
app = App(ContentPaths.discover(), size=(1280, 720), fullscreen=False, sound=False)
app.push(TitleScene(app))
assert app.render()
print(json.dumps(sorted(sys.modules)))
"""


def test_first_frame_imports_nothing_the_title_does_not_need(tmp_path: Path) -> None:
    """Start to the title's first frame (a fresh process) without the heavy modules."""
    env = dict(
        os.environ,
        SDL_VIDEODRIVER="dummy",
        SDL_AUDIODRIVER="dummy",
        PYGAME_HIDE_SUPPORT_PROMPT="1",
        SIGNAL_SCOUTS_DATA_DIR=str(tmp_path),
    )
    out = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    loaded = set(json.loads(out.stdout.strip().splitlines()[-1]))
    early = sorted(
        name
        for name in NOT_BEFORE_FIRST_FRAME
        if name in loaded or any(module.startswith(name + ".") for module in loaded)
    )
    assert early == []
