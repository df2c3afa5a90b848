"""A corpus of broken save files, for every file the game saves, each with its outcome.

Two outcomes only. A file that cannot be used at all (not JSON, nested too deeply, a
number too long, not an object, too large, a pipe, a link to a device, a folder) is set
aside beside itself, untouched, and the game starts from defaults. A file that is fine
except for some values keeps everything else: only the values that fail are dropped.
Either way the game starts and its screens draw.
"""

from __future__ import annotations

import json
import math
import os
import signal
import stat
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pygame
import pytest
from pydantic import BaseModel

from game.app import App
from game.learning_check import FILE_NAME as CHECK_FILE
from game.learning_check import CheckLog, CheckStore
from game.paths import SETTINGS_MAX_BYTES, ContentPaths, peek_display_settings
from game.profile import Profile, Progress, Settings, default_country
from game.storage import MAX_FILE_BYTES

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="pipes and /dev/zero are POSIX")


@dataclass(frozen=True)
class Kind:
    """One file the game saves: its name, its model, how the game loads it, its size limit."""

    name: str
    file: str
    model: type[BaseModel]
    max_bytes: int

    def load(self, folder: Path) -> tuple[BaseModel, Path | None]:
        """Load the file the way the game does: (what the game uses, where it was set aside)."""
        if self.name == "learning-check":
            store = CheckStore(folder)
            return store.log, store.backup
        profile = Profile(folder, countries={"US", "GB"})
        if self.name == "settings":
            return profile.settings, profile.settings_store.backup
        return profile.progress, profile.progress_store.backup


KINDS = [
    Kind("settings", "settings.json", Settings, SETTINGS_MAX_BYTES),
    Kind("progress", "progress.json", Progress, MAX_FILE_BYTES),
    Kind("learning-check", CHECK_FILE, CheckLog, MAX_FILE_BYTES),
]


class Blocked(Exception):
    """A read blocked (not an OSError, so no ``except OSError`` can swallow it)."""


@pytest.fixture
def no_hang() -> Iterator[None]:
    """Fail (instead of hanging the suite) if reading a special file blocks for 20 s."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def stuck(*_args: object) -> None:
        raise Blocked("reading a save file blocked")

    previous = signal.signal(signal.SIGALRM, stuck)
    signal.setitimer(signal.ITIMER_REAL, 20, 5)  # again every 5 s, in case one is caught
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- files that cannot be used at all: set aside, defaults --------------------------------
def _bytes(data: bytes) -> Callable[[Path, Kind], None]:
    return lambda path, _kind: path.write_bytes(data)


def _too_large(path: Path, kind: Kind) -> None:
    """Valid JSON, padded with spaces to one byte over the kind's limit."""
    path.write_bytes(b"{}" + b" " * (kind.max_bytes - 1))


def _fifo(path: Path, _kind: Kind) -> None:
    os.mkfifo(path)


def _dev_zero(path: Path, _kind: Kind) -> None:
    path.symlink_to("/dev/zero")


def _folder(path: Path, _kind: Kind) -> None:
    path.mkdir()
    (path / "keep.txt").write_text("a grown-up's file")


UNUSABLE: dict[str, Callable[[Path, Kind], None]] = {
    "not-json": _bytes(b"{broken"),
    "not-utf8": _bytes(b'{"version": "\xff\xfe"}'),
    "empty": _bytes(b""),
    "nested-100000-deep": _bytes(b"[" * 100_000),
    "number-of-5000-digits": _bytes(b'{"version": ' + b"9" * 5000 + b"}"),
    "a-list-not-an-object": _bytes(b"[1, 2, 3]"),
    "null": _bytes(b"null"),
    "too-large": _too_large,
}
SPECIAL: dict[str, Callable[[Path, Kind], None]] = {
    "fifo": _fifo,
    "link-to-dev-zero": _dev_zero,
    "folder": _folder,
}


def _snapshot(path: Path) -> tuple[str, Any]:
    """What is at *path*, to show a set-aside thing is the very same, untouched."""
    info = os.lstat(path)
    if stat.S_ISLNK(info.st_mode):
        return ("link", os.readlink(path))
    if stat.S_ISFIFO(info.st_mode):
        return ("fifo", None)
    if stat.S_ISDIR(info.st_mode):
        return ("folder", sorted((p.name, p.read_bytes()) for p in path.iterdir()))
    return ("file", path.read_bytes())


def _expect_set_aside(kind: Kind, data_dir: Path, make: Callable[[Path, Kind], None]) -> None:
    path = data_dir / kind.file
    make(path, kind)
    before = _snapshot(path)
    value, backup = kind.load(data_dir)
    assert value == kind.model()
    assert backup is not None and backup.name.startswith(f"{path.stem}.corrupt-")
    assert _snapshot(backup) == before
    assert not os.path.lexists(path)


@pytest.mark.parametrize("case", sorted(UNUSABLE))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_unusable_file_is_set_aside_untouched(kind: Kind, case: str, data_dir: Path) -> None:
    """A file the game cannot use is renamed beside itself byte for byte; defaults are used."""
    _expect_set_aside(kind, data_dir, UNUSABLE[case])


@posix_only
@pytest.mark.parametrize("case", sorted(SPECIAL))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_special_file_is_set_aside_never_read(
    kind: Kind, case: str, data_dir: Path, no_hang: None
) -> None:
    """A pipe, a link to /dev/zero or a folder in a save's place is moved aside, not read."""
    _expect_set_aside(kind, data_dir, SPECIAL[case])


@posix_only
@pytest.mark.parametrize("case", sorted(SPECIAL))
@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_saving_after_a_special_file_writes_a_plain_file(
    kind: Kind, case: str, data_dir: Path, no_hang: None
) -> None:
    """Once the odd thing is set aside, the next save writes a regular file that loads back."""
    if kind.name == "learning-check":
        SPECIAL[case](data_dir / kind.file, kind)
        store = CheckStore(data_dir)
        store.save()
    else:
        SPECIAL[case](data_dir / kind.file, kind)
        profile = Profile(data_dir)
        assert profile.save_settings() and profile.save_progress()
    assert stat.S_ISREG(os.lstat(data_dir / kind.file).st_mode)
    value, backup = kind.load(data_dir)
    assert backup is None and value == kind.model()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_byte_order_mark_is_accepted(kind: Kind, data_dir: Path) -> None:
    """A file saved by Notepad with a UTF-8 byte-order mark loads as it is, not set aside."""
    data = GOOD[kind.name]
    (data_dir / kind.file).write_bytes(b"\xef\xbb\xbf" + json.dumps(data).encode("utf-8"))
    value, backup = kind.load(data_dir)
    assert backup is None
    assert value == kind.model.model_validate(data)
    assert value != kind.model()


def test_byte_order_mark_is_accepted_for_the_first_frame(data_dir: Path) -> None:
    """The first frame's quick read of settings also accepts a byte-order mark."""
    (data_dir / "settings.json").write_bytes(b"\xef\xbb\xbf" + b'{"text_size": "large"}')
    assert peek_display_settings(data_dir / "settings.json").text_size == "large"


GOOD: dict[str, dict[str, Any]] = {
    "settings": {"text_size": "large", "language": "fr", "band": "G35"},
    "progress": {"lessons": {"g35-gift-or-trick": {"completed": True, "plays": 2}}},
    "learning-check": {
        "tallies": [
            {
                "day": "2026-03-02",
                "lesson": "g35-gift-or-trick",
                "item": "check-one",
                "phase": "pre",
                "answered": 3,
                "correct": 1,
            }
        ]
    },
}


# -- files with some bad values: those are dropped, the rest is kept ----------------------
TALLY = GOOD["learning-check"]["tallies"][0]


@dataclass(frozen=True)
class Drop:
    """A file with bad values, and what the game must see after loading it."""

    kind: str
    data: dict[str, Any]
    expect: Callable[[Any], bool]


DROPS: dict[str, Drop] = {
    # settings
    "language-unknown": Drop(
        "settings",
        {"language": "xx", "text_size": "large"},
        lambda s: s.language == "en" and s.text_size == "large",
    ),
    "language-path": Drop(
        "settings",
        {"language": "../../tmp/evil", "band": "G35"},
        lambda s: s.language == "en" and s.band == "G35",
    ),
    "language-nul": Drop(
        "settings",
        {"language": "e\x00n", "sound": False},
        lambda s: (s.language, s.sound) == ("en", False),
    ),
    "language-not-text": Drop("settings", {"language": 42}, lambda s: s.language == "en"),
    "country-3000-characters": Drop(
        "settings",
        {"country": "A" * 3000, "country_confirmed": True, "sound": False},
        lambda s: s.country == default_country() and not s.country_confirmed and not s.sound,
    ),
    "country-without-help-lines": Drop(
        "settings",
        {"country": "XX", "country_confirmed": True, "theme": "high_contrast"},
        lambda s: s.country != "XX" and not s.country_confirmed and s.theme == "high_contrast",
    ),
    "country-lower-case": Drop(
        "settings", {"country": "us", "country_confirmed": True}, lambda s: s.country != "us"
    ),
    "text-size-unknown": Drop(
        "settings",
        {"text_size": "gigantic", "sound": False},
        lambda s: s.text_size == "normal" and not s.sound,
    ),
    "scan-seconds-not-a-number": Drop(
        "settings",
        {"scan_seconds": math.nan, "switch_access": "one"},
        lambda s: s.scan_seconds == 2.0 and s.switch_access == "one",
    ),
    "window-size-10^30": Drop(
        "settings",
        {"window_size": [10**30, 600], "fullscreen": True},
        lambda s: s.window_size is None and s.fullscreen,
    ),
    "disabled-lesson-ids": Drop(
        "settings",
        {"disabled_lessons": ["g35-gift-or-trick", "x" * 3000, "../evil", 7]},
        lambda s: s.disabled_lessons == ["g35-gift-or-trick"],
    ),
    "read-to-me-unknown-group": Drop(
        "settings",
        {"read_to_me": {"K2": False, "XX": True}},
        lambda s: s.read_to_me == {"K2": False},
    ),
    "version-10^30": Drop(
        "settings", {"version": 10**30, "band": "K2"}, lambda s: s.version == 1 and s.band == "K2"
    ),
    # progress
    "stars-10^30": Drop(
        "progress",
        {
            "lessons": {
                "g35-gift-or-trick": {
                    "completed": True,
                    "plays": 2,
                    "stars": {"T01": 10**30, "T02": 3},
                }
            }
        },
        lambda p: p.lessons["g35-gift-or-trick"].stars == {"T02": 3}
        and p.lessons["g35-gift-or-trick"].plays == 2,
    ),
    "plays-negative": Drop(
        "progress",
        {"lessons": {"g35-gift-or-trick": {"completed": True, "plays": -1}}},
        lambda p: (p.lessons["g35-gift-or-trick"].completed, p.lessons["g35-gift-or-trick"].plays)
        == (True, 0),
    ),
    "lesson-id-path": Drop(
        "progress",
        {"lessons": {"../../evil": {"plays": 1}, "g35-gift-or-trick": {"plays": 1}}},
        lambda p: list(p.lessons) == ["g35-gift-or-trick"],
    ),
    "skill-codes": Drop(
        "progress",
        {"lessons": {"g35-gift-or-trick": {"skills": ["R01", "<b>R02</b>", "R0\x00"]}}},
        lambda p: p.lessons["g35-gift-or-trick"].skills == ["R01"],
    ),
    "resume-missing-path": Drop(
        "progress",
        {
            "resume": {
                "g35-gift-or-trick": {"picks": [None]},
                "g35-spot-the-red-flags": {"path": ["start"], "picks": [None]},
            }
        },
        lambda p: list(p.resume) == ["g35-spot-the-red-flags"],
    ),
    "resume-stars-10^30": Drop(
        "progress",
        {
            "classroom_resume": {
                "g35-gift-or-trick": {"path": ["start"], "picks": [None], "stars": {"T05": 10**30}}
            }
        },
        lambda p: p.classroom_resume["g35-gift-or-trick"].stars == {}
        and p.classroom_resume["g35-gift-or-trick"].path == ["start"],
    ),
    "resume-flags-not-tactics": Drop(
        "progress",
        {
            "resume": {
                "g35-gift-or-trick": {"path": ["start"], "picks": [None], "flags": ["T05", "evil"]}
            }
        },
        lambda p: p.resume["g35-gift-or-trick"].flags == ["T05"],
    ),
    # learning check
    "answered-10^30": Drop(
        "learning-check",
        {"tallies": [{**TALLY, "answered": 10**30, "correct": 1}, TALLY]},
        lambda log: log.tallies == CheckLog.model_validate({"tallies": [TALLY]}).tallies,
    ),
    "correct-more-than-answered": Drop(
        "learning-check",
        {"tallies": [TALLY, {**TALLY, "phase": "post", "answered": 1, "correct": 5}]},
        lambda log: [t.phase for t in log.tallies] == ["pre"],
    ),
    "impossible-day": Drop(
        "learning-check",
        {"tallies": [{**TALLY, "day": "2026-13-45"}, TALLY]},
        lambda log: len(log.tallies) == 1 and log.tallies[0].day.month == 3,
    ),
    "tally-lesson-path": Drop(
        "learning-check",
        {"tallies": [{**TALLY, "lesson": "../../evil"}, TALLY]},
        lambda log: [t.lesson for t in log.tallies] == ["g35-gift-or-trick"],
    ),
    "tallies-not-a-list": Drop(
        "learning-check", {"tallies": "lots", "version": 1}, lambda log: log.tallies == []
    ),
}


@pytest.mark.parametrize("case", sorted(DROPS))
def test_bad_values_are_dropped_and_the_rest_kept(case: str, data_dir: Path) -> None:
    """Each bad value is dropped on load; the file's other values stay; nothing is set aside."""
    drop = DROPS[case]
    kind = next(k for k in KINDS if k.name == drop.kind)
    (data_dir / kind.file).write_text(json.dumps(drop.data), encoding="utf-8")
    value, backup = kind.load(data_dir)
    assert backup is None
    assert drop.expect(value), value


def test_known_country_and_not_listed_are_kept(data_dir: Path) -> None:
    """A country with help lines, and "Not listed" (ZZ), survive the check."""
    for country in ("GB", "ZZ"):
        (data_dir / "settings.json").write_text(
            json.dumps({"country": country, "country_confirmed": True})
        )
        settings = Profile(data_dir, countries={"US", "GB"}).settings
        assert (settings.country, settings.country_confirmed) == (country, True)


# -- the game itself starts and draws with each broken file --------------------------------
def _start(paths: ContentPaths, data_dir: Path) -> App:
    """A headless game on *data_dir*, its profile loaded, the title drawn."""
    from game.scenes.title import TitleScene

    app = App(paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False)
    app.push(TitleScene(app))
    app.render()
    _ = app.profile
    return app


def _draw_lessons_and_settings(app: App) -> None:
    """Open the mission list and Settings and draw them (where bad values used to crash)."""
    from game.scenes.lessons import LessonListScene
    from game.scenes.settings import SettingsScene

    app.profile.settings.band = app.profile.settings.band or "G35"
    for scene in (LessonListScene(app), SettingsScene(app)):
        app.push(scene)
        assert app.render()


GAME_CASES = [
    *[(file, case) for file in ("settings.json", "progress.json") for case in sorted(UNUSABLE)],
    *[(file, case) for file in ("settings.json", "progress.json") for case in sorted(SPECIAL)],
]


@pytest.mark.parametrize(("file", "case"), GAME_CASES)
def test_game_starts_with_an_unusable_file(
    paths: ContentPaths, data_dir: Path, file: str, case: str, no_hang: None
) -> None:
    """The game starts, says it started fresh, and draws its screens; the file is kept aside."""
    if case in SPECIAL and sys.platform == "win32":
        pytest.skip("pipes and /dev/zero are POSIX")
    kind = next(k for k in KINDS if k.file == file)
    {**UNUSABLE, **SPECIAL}[case](data_dir / file, kind)
    app = _start(paths, data_dir)
    try:
        assert [p.name.split(".corrupt-")[0] for p in app.profile.backups] == [kind.file[:-5]]
        _draw_lessons_and_settings(app)
    finally:
        pygame.quit()


@pytest.mark.parametrize(
    "case",
    [
        "language-unknown",
        "language-path",
        "language-nul",
        "country-3000-characters",
        "stars-10^30",
    ],
)
def test_game_draws_after_bad_values_are_dropped(
    paths: ContentPaths, data_dir: Path, case: str
) -> None:
    """Bad values that crashed the mission list or froze Settings are dropped: both draw."""
    drop = DROPS[case]
    kind = next(k for k in KINDS if k.name == drop.kind)
    (data_dir / kind.file).write_text(json.dumps(drop.data), encoding="utf-8")
    if kind.name == "progress":
        (data_dir / "settings.json").write_text(json.dumps({"band": "G35"}))
    app = _start(paths, data_dir)
    try:
        assert app.profile.backups == []
        assert len(app.profile.settings.country) == 2
        assert app.tr.language in ("en", "fr")
        _draw_lessons_and_settings(app)
    finally:
        pygame.quit()
