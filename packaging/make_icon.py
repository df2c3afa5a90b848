"""Draw the app icon (the title's badge: Scout and signal waves) as PNG, ICO and ICNS.

Run ``.venv/bin/python packaging/make_icon.py`` after changing how Scout looks; the
results (``packaging/icon.png``, ``icon.ico`` for Windows, ``icon.icns`` for macOS) are
committed so a build needs no drawing step. Scout is drawn large with the game's own
:func:`game.ui.draw.signal_logo` and scaled down smoothly, so small sizes are not jagged.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pygame

HERE = Path(__file__).resolve().parent
#: Drawn at this size, then scaled down for every icon size.
CANVAS = 1024
#: Sizes in the Windows .ico (Explorer picks the nearest) and the macOS .icns.
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def draw_icon(size: int = CANVAS) -> pygame.Surface:
    """The badge on a rounded cream tile, *size* pixels square, with transparent corners."""
    import pygame

    from game.ui import draw

    big = pygame.Surface((CANVAS, CANVAS), pygame.SRCALPHA)
    tile = big.get_rect().inflate(-CANVAS // 16, -CANVAS // 16)
    pygame.draw.rect(big, (255, 244, 214), tile, border_radius=CANVAS // 5)
    pygame.draw.rect(big, (52, 100, 220), tile, width=CANVAS // 40, border_radius=CANVAS // 5)
    # The title screen's badge: its outer waves span about 1.9 times the face size.
    draw.signal_logo(big, (CANVAS // 2, CANVAS // 2), round(CANVAS * 0.45))
    return big if size == CANVAS else pygame.transform.smoothscale(big, (size, size))


def main() -> int:
    """Write icon.png (256 px), icon.ico and icon.icns next to this script."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    sys.path.insert(0, str(HERE.parent))
    import pygame
    from PIL import Image

    pygame.init()
    big = draw_icon()
    png = HERE / "icon.png"
    pygame.image.save(pygame.transform.smoothscale(big, (256, 256)), str(png))
    full = Image.frombytes("RGBA", (CANVAS, CANVAS), pygame.image.tobytes(big, "RGBA"))
    full.save(HERE / "icon.ico", sizes=[(s, s) for s in ICO_SIZES])
    full.save(HERE / "icon.icns", sizes=[(s, s) for s in ICNS_SIZES])
    for path in (png, HERE / "icon.ico", HERE / "icon.icns"):
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
