"""The window fits the desktop, remembers its size, and the game stops clearly with no display."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame

from game.app import App
from game.paths import ContentPaths, peek_display_settings
from game.ui.theme import MIN_H, MIN_W
from game.window import WindowPlan, fit_window, no_display_reason

ROOT = Path(__file__).resolve().parent.parent


def test_default_window_fits_a_large_desktop() -> None:
    """On a big monitor the first start opens at 1280x720 in a window."""
    assert fit_window((1920, 1080)) == WindowPlan((1280, 720), fullscreen=False)


def test_window_shrinks_to_fit_a_small_laptop() -> None:
    """A 1280x800 laptop gets a window short enough for its title bar and taskbar."""
    plan = fit_window((1280, 800))
    assert not plan.fullscreen
    assert plan.size[0] <= 1280 - 32 and plan.size[1] <= 800 - 96
    assert plan.size[0] >= MIN_W and plan.size[1] >= MIN_H


def test_netbook_starts_full_screen() -> None:
    """A 1024x600 netbook cannot show Back and Help in a window, so the game fills the screen."""
    assert fit_window((1024, 600)).fullscreen
    assert fit_window((800, 480)).fullscreen


def test_remembered_size_is_used_and_clamped() -> None:
    """The last size comes back, but never larger than the desktop or smaller than the minimum."""
    assert fit_window((1920, 1080), (1500, 900)).size == (1500, 900)
    assert fit_window((1366, 768), (1900, 1000)).size == (1366 - 32, 768 - 96)
    assert fit_window((1920, 1080), (300, 200)).size == (MIN_W, MIN_H)
    assert fit_window(None, (1100, 650)).size == (1100, 650)


def test_saved_window_size_is_read_early_and_junk_is_ignored(tmp_path: Path) -> None:
    """The settings peek reads a saved [w, h] and ignores anything that is not two sane numbers."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"window_size": [1100, 650]}))
    assert peek_display_settings(path).window_size == (1100, 650)
    for junk in ([1100], ["a", 3], [True, 650], [0, 600], {"w": 1}, [10**9, 600]):
        path.write_text(json.dumps({"window_size": junk}))
        assert peek_display_settings(path).window_size is None


def test_game_reopens_at_the_size_it_was_closed_at(paths: ContentPaths, data_dir: Path) -> None:
    """Resizing the window and quitting saves the size; the next start opens at it."""
    app = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    assert app.screen.get_size() == (1280, 720)
    app.finish_loading()
    app.handle(pygame.event.Event(pygame.VIDEORESIZE, w=1100, h=660, size=(1100, 660)))
    app.remember_window_size()
    pygame.quit()
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["window_size"] == [1100, 660]
    again = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    assert again.windowed_size == (1100, 660)
    pygame.quit()


def test_headless_driver_is_refused_unless_asked_for() -> None:
    """SDL's silent fallback to 'offscreen' is an error; a requested dummy driver is not."""
    assert no_display_reason("x11", None) is None
    assert no_display_reason("windows", None) is None
    assert no_display_reason("dummy", "dummy") is None
    assert "no display" in (no_display_reason("offscreen", None) or "")
    assert no_display_reason("offscreen", "x11") is not None


def test_play_without_a_display_says_so_and_exits_non_zero(tmp_path: Path) -> None:
    """`signal-scouts` with no display prints why and exits 3 instead of running invisibly."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER")
    }
    env["SIGNAL_SCOUTS_DATA_DIR"] = str(tmp_path)
    done = subprocess.run(
        [sys.executable, "-m", "game", "play"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 3, done.stderr
    assert "found no display" in done.stderr
    assert not (tmp_path / "settings.json").exists()
