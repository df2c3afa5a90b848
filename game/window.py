"""Choosing the window: a size that fits this desktop, and a clear stop when there is no display.

School laptops range from 1024x600 netbooks to large monitors. The game opens at the
size the player last used (or 1280x720), shrunk to fit the desktop with room for the
title bar and taskbar; when even the smallest layout would not fit, it starts full screen.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from game.ui.theme import MIN_H, MIN_W

#: The size a first start opens at, when the desktop has room for it.
DEFAULT_SIZE = (1280, 720)
#: Room left around the window for its title bar, borders and the desktop's taskbar.
DESKTOP_MARGIN = (32, 96)
#: SDL's video drivers that draw to no screen at all (used only when asked for by name).
HEADLESS_DRIVERS = frozenset({"offscreen", "dummy"})


@dataclass(frozen=True)
class WindowPlan:
    """How to open the window: its size, and whether to start full screen instead."""

    size: tuple[int, int]
    fullscreen: bool


def fit_window(
    desktop: tuple[int, int] | None, remembered: tuple[int, int] | None = None
) -> WindowPlan:
    """The window for a *desktop* size, starting from the *remembered* size (or the default).

    The window keeps at least the game's minimum size (1024x600). If the desktop cannot
    hold that with room for its title bar and taskbar, the game starts full screen.
    """
    want_w, want_h = remembered or DEFAULT_SIZE
    want_w, want_h = max(want_w, MIN_W), max(want_h, MIN_H)
    if desktop is None or desktop[0] <= 0 or desktop[1] <= 0:
        return WindowPlan((want_w, want_h), fullscreen=False)
    room_w, room_h = desktop[0] - DESKTOP_MARGIN[0], desktop[1] - DESKTOP_MARGIN[1]
    if room_w < MIN_W or room_h < MIN_H:
        return WindowPlan((MIN_W, MIN_H), fullscreen=True)
    return WindowPlan((min(want_w, room_w), min(want_h, room_h)), fullscreen=False)


def no_display_reason(driver: str, requested: str | None) -> str | None:
    """Why the game cannot open a window, or None when it can.

    SDL quietly falls back to its "offscreen" driver when it finds no display, and the
    game would then run invisibly. That is only wanted when a driver was asked for by
    name (tests and snapshots set ``SDL_VIDEODRIVER=dummy``).
    """
    if driver not in HEADLESS_DRIVERS or (requested or "").strip().lower() == driver:
        return None
    return (
        "Signal Scouts found no display to open its window on (SDL video driver: "
        f"{driver}).\nRun it from a desktop session. On a remote or headless machine, "
        "start a display first (for example `xvfb-run signal-scouts`), or use "
        "`signal-scouts snapshot` to draw screens to PNG files."
    )


def requested_driver() -> str | None:
    """The video driver named in ``SDL_VIDEODRIVER``, if any."""
    return os.environ.get("SDL_VIDEODRIVER")
