"""Lessons load in a background thread: the title answers at once, and nothing waits badly.

A loader that is held back (a slow disk, a thousand lessons) is passed into the game;
the pilot then drives real SDL events through the game's loop while it is held.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.loader import load_pack
from game.paths import ContentPaths
from game.scenes.groups import GroupScene
from game.scenes.lessons import LessonListScene
from game.scenes.settings import SettingsScene
from game.scenes.title import TitleScene
from game.ui.loading_note import MESSAGE
from tests.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent


class HeldLoader:
    """A lesson loader that reports some progress, then waits until it is let go."""

    def __init__(self) -> None:  # noqa: D107
        self.go = threading.Event()
        self.started = threading.Event()
        self.app: App | None = None

    def __call__(self, progress) -> object:
        """Report 3 of 10 files read, wait to be let go, then load the real lessons."""
        self.started.set()
        progress(3, 10)
        self.go.wait(30)
        assert self.app is not None
        return self.app.load_lessons(progress)


@pytest.fixture
def held() -> Iterator[HeldLoader]:
    """A held-back loader, let go at the end of the test (its thread never lingers)."""
    loader = HeldLoader()
    yield loader
    loader.go.set()


@pytest.fixture
def slow_game(paths: ContentPaths, data_dir: Path, held: HeldLoader) -> Iterator[Pilot]:
    """The game at its title, started as ``App.run`` starts it, with the lessons held back."""
    app = App(
        paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False,
        lesson_loader=held,
    )
    held.app = app
    app.profile.settings.country = "US"
    app.push(TitleScene(app))
    app.render()
    app.finish_loading()
    assert held.started.wait(10)
    yield Pilot(app)
    held.go.set()
    pygame.quit()


def drawn_text(app: App) -> list[str]:
    """Every string the screen in front draws when drawn afresh now."""
    app.text.recorder = []
    try:
        app.scene.redraw_all()
        app.render()
        return app.text.recorder
    finally:
        app.text.recorder = None


def test_the_title_answers_keys_and_clicks_while_lessons_load(slow_game: Pilot) -> None:
    """With the lessons still loading, Tab moves the focus and Settings opens and closes."""
    app = slow_game.app
    assert not app.lessons_ready
    frames = app.frames_drawn
    slow_game.press(pygame.K_TAB)
    assert app.scene.focused_key() == "settings"
    assert app.frames_drawn > frames  # the window redraws
    slow_game.click("settings")
    assert isinstance(app.scene, SettingsScene)
    slow_game.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    assert not app.lessons_ready


def test_a_progress_line_shows_only_after_a_moment(slow_game: Pilot) -> None:
    """No note at first; after half a second the words and a bar, with no button moved."""
    app = slow_game.app
    message = app.tr._(MESSAGE)
    places = [b.rect.copy() for b in app.scene.buttons]
    assert message not in drawn_text(app)
    slow_game.wait(600)
    app.pump()
    assert app.loading_progress() == pytest.approx(0.3)
    assert message in drawn_text(app)
    assert [b.rect for b in app.scene.buttons] == places
    assert app.scene.page_height() == app.metrics.height  # the line fits: no scrolling
    slow_game.app.lessons_job.wait(0)  # still loading
    held = app.lesson_loader
    held.go.set()  # type: ignore[attr-defined]
    assert app.lessons_job.wait(30)
    app.pump()
    assert message not in drawn_text(app)


def test_choosing_missions_before_they_are_ready_waits_kindly(slow_game: Pilot) -> None:
    """Picking an age group while loading waits (a card, no crash), then lists the missions."""
    app = slow_game.app
    slow_game.click("play")
    assert isinstance(app.scene, GroupScene)
    slow_game.wait(600)
    threading.Timer(0.8, app.lesson_loader.go.set).start()  # type: ignore[attr-defined]
    slow_game.click("band:G35")
    assert isinstance(app.scene, LessonListScene)
    assert app.lessons_ready and app.pack.lessons
    assert any(key.startswith("lesson:") for key in slow_game.button_keys())


def test_closing_the_window_while_a_screen_waits_ends_the_game(slow_game: Pilot) -> None:
    """A QUIT while waiting for the lessons ends the loop at once, with no exception."""
    app = slow_game.app
    slow_game.click("play")
    slow_game.wait()
    where = slow_game.rect_of("band:G35").center
    for kind in (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
        pygame.event.post(pygame.event.Event(kind, pos=where, button=1))
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    started = time.monotonic()
    app.pump()
    assert not app.running
    assert time.monotonic() - started < 5
    assert not app.lessons_ready


def test_load_pack_reports_its_progress(paths: ContentPaths) -> None:
    """The loader calls back before each file and once at the end, with the total."""
    calls: list[tuple[int, int]] = []
    root = paths.lessons.parent
    pack = load_pack([paths.lessons], root=root, progress=lambda *call: calls.append(call))
    total = calls[-1][1]
    assert total >= len(pack.lessons) > 0
    assert calls == [(done, total) for done in range(total + 1)]


GAME_HELD_BACK = textwrap.dedent(
    """
    import os, sys, threading
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ["SDL_AUDIODRIVER"] = "dummy"
    os.environ["SIGNAL_SCOUTS_MANAGED_SETTINGS"] = ""
    import pygame
    from game.app import App
    from game.paths import ContentPaths
    from game.scenes.title import TitleScene

    never = threading.Event()

    def held(progress):
        progress(0, 10)
        print("loading", flush=True)
        never.wait()

    pygame.init()
    from pathlib import Path
    app = App(ContentPaths.discover(), size=(1280, 720), data_folder=Path(sys.argv[1]),
              fullscreen=False, sound=False, lesson_loader=held)
    app.push(TitleScene(app))
    app.run()
    pygame.quit()
    print("closed", flush=True)
    """
)


def test_sigterm_ends_the_game_while_lessons_load(tmp_path: Path) -> None:
    """SIGTERM (a QUIT from SDL) closes the game promptly even while the lessons never finish."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    game = subprocess.Popen(
        [sys.executable, "-c", GAME_HELD_BACK, str(tmp_path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env=env,
    )
    try:
        assert game.stdout is not None
        assert game.stdout.readline().strip() == "loading"
        time.sleep(0.3)
        game.send_signal(signal.SIGTERM)
        out, err = game.communicate(timeout=10)
    finally:
        game.kill()
    assert game.returncode == 0, err
    assert "closed" in out
