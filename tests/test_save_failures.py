"""Saving fails (a full disk, a read-only folder, a file-size limit): play goes on.

Each test drives the game with real input events (tests/pilot.py) while writes fail, and
checks that the child's action still happens, the old files stay as they were, and a
calm note says once that progress can't be saved on this computer right now.
"""

from __future__ import annotations

import errno
import io
import json
import os
import resource
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pygame
import pytest

from game import storage
from game.app import App
from game.content.routes import branch_routes
from game.scenes.check import CheckScene
from game.scenes.debrief import DebriefScene
from game.scenes.groups import GroupScene
from game.scenes.lessons import LessonListScene
from game.scenes.settings import SettingsScene
from game.ui.save_notice import MESSAGE
from tests.pilot import Pilot, start_app
from tests.test_playthrough import open_lesson, play_route

#: The saved files as they were before the failing saves (they must stay so).
OLD_SETTINGS = {"sound": True, "country": "US", "country_confirmed": True}
OLD_PROGRESS = {"lessons": {"g35-gift-or-trick": {"completed": True, "plays": 1}}}


class _FullDisk(io.BufferedWriter):
    """A file whose every write fails the way a full disk does."""

    def write(self, _data: object) -> int:  # noqa: D102
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on every file the game writes fails with ENOSPC (no space left on device)."""
    real = os.fdopen

    def fdopen(fd: int, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            return _FullDisk(io.FileIO(fd, "w"))
        return real(fd, mode, *args, **kwargs)

    monkeypatch.setattr(os, "fdopen", fdopen)


def read_only_file_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on no file can be created in the data folder (EROFS)."""

    def temp_file(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(storage, "_temp_file", temp_file)


@contextmanager
def _size_limit() -> Iterator[None]:
    """``ulimit -f 0`` for the duration: any write to a file fails (EFBIG), for real."""
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))


@contextmanager
def _chmod_read_only(folder: Path) -> Iterator[None]:
    """The data folder made read-only with chmod (not enforced for root: skipped then)."""
    mode = folder.stat().st_mode
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        yield
    finally:
        folder.chmod(mode)


WAYS = ["full-disk", "read-only-file-system", "file-size-limit", "chmod-read-only"]


@pytest.fixture(params=WAYS)
def failing_saves(request: pytest.FixtureRequest, data_dir: Path) -> Callable[[], object]:
    """A context manager factory: inside it, every save of the game fails one way."""
    way = request.param
    if way == "chmod-read-only" and hasattr(os, "geteuid") and os.geteuid() == 0:
        pytest.skip("root ignores a read-only folder's permissions")

    @contextmanager
    def failing() -> Iterator[None]:
        if way == "file-size-limit":
            with _size_limit():
                yield
        elif way == "chmod-read-only":
            with _chmod_read_only(data_dir):
                yield
        else:
            with pytest.MonkeyPatch.context() as patch:
                (full_disk if way == "full-disk" else read_only_file_system)(patch)
                yield

    return failing


@pytest.fixture
def old_files(data_dir: Path) -> Callable[..., None]:
    """Write settings and progress as a previous session left them; return a checker.

    The checker asserts the named files (default: both) hold what they held, and that
    no other file (a temporary one) was left in the folder.
    """
    (data_dir / "settings.json").write_text(json.dumps(OLD_SETTINGS))
    (data_dir / "progress.json").write_text(json.dumps(OLD_PROGRESS))
    before = {p.name: p.read_bytes() for p in data_dir.iterdir()}

    def unchanged(*names: str) -> None:
        now = {p.name: p.read_bytes() for p in data_dir.iterdir()}
        assert sorted(now) == sorted(before)
        for name in names or before:
            assert now[name] == before[name]

    return unchanged


@pytest.fixture
def game(paths, data_dir: Path, old_files: Callable[..., None]) -> Iterator[Pilot]:
    """The game at its title screen, on a profile a previous session saved."""
    app = start_app(paths, data_dir, in_us=False)
    app.finish_loading()
    yield Pilot(app)
    pygame.quit()


def note_on_screen(app: App) -> bool:
    """Whether the save note is drawn on the screen in front now (drawn afresh to check)."""
    app.text.recorder = []
    try:
        app.scene.dirty = True
        app.render()
        return app.tr._(MESSAGE) in app.text.recorder
    finally:
        app.text.recorder = None


def test_picking_an_age_group_goes_on_when_saving_fails(
    game: Pilot, failing_saves: Callable[[], object], old_files: Callable[..., None]
) -> None:
    """The missions open for the group picked; the note shows; the old settings stay."""
    app = game.app
    game.click("play")
    with failing_saves():
        game.click("band:G35")
    assert isinstance(app.scene, LessonListScene)
    assert app.profile.settings.band == "G35"
    assert note_on_screen(app)
    old_files()


def test_finishing_a_lesson_goes_on_when_saving_fails(
    game: Pilot, failing_saves: Callable[[], object], old_files: Callable[..., None]
) -> None:
    """The debrief opens and counts the play; the note shows; the old progress stays."""
    app = game.app
    lesson = next(x for x in app.pack.lessons if x.id == "g35-gift-or-trick")
    route = min(branch_routes(lesson), key=len)
    scene = open_lesson(game, lesson.id, lesson.grade_band, keyboard=False)
    with failing_saves():
        play_route(game, scene, route, keyboard=False)
    assert isinstance(app.scene, DebriefScene)
    assert app.profile.progress.lessons[lesson.id].plays == 2
    assert note_on_screen(app)
    old_files("progress.json")


def test_changing_a_setting_goes_on_when_saving_fails(
    game: Pilot, failing_saves: Callable[[], object], old_files: Callable[..., None]
) -> None:
    """Sound turns off at once although it cannot be saved; the note shows on Settings."""
    app = game.app
    game.click("settings")
    with failing_saves():
        game.click("sound")
    assert isinstance(app.scene, SettingsScene)
    assert app.profile.settings.sound is False
    assert note_on_screen(app)
    old_files()


def test_answering_the_learning_check_goes_on_when_saving_fails(
    game: Pilot, failing_saves: Callable[[], object], old_files: Callable[..., None]
) -> None:
    """Each answer moves the check on and is counted in memory; the note shows."""
    app = game.app
    app.profile.settings.learning_check = True
    lesson = next(x for x in app.pack.lessons if x.learning_check)
    app.push(LessonListScene(app))
    check = CheckScene(app, lesson, "pre")
    app.push(check)
    with failing_saves():
        for _ in lesson.learning_check:
            game.press(pygame.K_1)
    assert app.scene is check and check.item is None
    assert check.store.log.answers == len(lesson.learning_check)
    assert note_on_screen(app)
    old_files()


def test_the_note_shows_once_per_session(game: Pilot, monkeypatch: pytest.MonkeyPatch) -> None:
    """The note stays on its screen until the child leaves it, and never comes back."""
    app = game.app
    full_disk(monkeypatch)
    game.click("play")
    game.click("band:G35")
    assert note_on_screen(app)
    game.click("page")  # still the same screen: the note stays, with no timer
    assert note_on_screen(app)
    game.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, GroupScene) and not note_on_screen(app)
    game.click("band:K2")  # fails again: no second note
    assert isinstance(app.scene, LessonListScene) and not note_on_screen(app)


def test_the_note_takes_no_focus_and_covers_no_button(
    game: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With the note up: the same buttons, Tab visits them all, none is under it, presses work."""
    app = game.app
    full_disk(monkeypatch)
    game.click("play")
    game.click("band:G35")
    scene = app.scene
    same_screen = LessonListScene(app)
    same_screen.relayout()
    keys = game.button_keys()
    assert keys == [b.key for b in same_screen.all_buttons()]
    assert scene.focused_key() == same_screen.focused_key()
    note = app.save_notice.draw(app.screen, scene, app)
    assert note is not None
    assert note.collidelist([scene.on_screen(b) for b in scene.all_buttons()]) < 0
    visited = set()
    for _ in keys:
        game.press(pygame.K_TAB)
        visited.add(scene.focused_key())
    assert visited == set(keys)
    game.click(next(key for key in keys if key.startswith("lesson:")))
    assert app.scene is not scene


def test_the_note_is_read_aloud_with_the_screen(
    game: Pilot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A screen that reads itself aloud reads the note too (once, as a new line)."""
    from game.narration.reader import fresh_lines

    app = game.app
    full_disk(monkeypatch)
    game.click("play")
    game.click("band:G35")
    seen: set[str] = set()
    texts = [line.text for line in fresh_lines(app.scene, seen)]
    assert app.tr._(MESSAGE) in texts
    assert fresh_lines(app.scene, seen) == []


def test_no_note_when_saving_works(game: Pilot) -> None:
    """Without a failing save there is no note anywhere."""
    game.click("play")
    game.click("band:G35")
    assert not note_on_screen(game.app)
    assert json.loads((game.app.data_folder / "settings.json").read_text())["band"] == "G35"
