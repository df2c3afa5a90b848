"""Settings and progress: saved atomically, broken files set aside, never lost."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from game.profile import Profile, Progress, Settings
from game.storage import JsonStore, atomic_write


def test_settings_and_progress_round_trip(data_dir: Path) -> None:
    """What is saved is what comes back in a new session."""
    profile = Profile(data_dir)
    profile.settings.text_size = "large"
    profile.settings.band = "G68"
    profile.save_settings()
    profile.progress.record("lesson-a", {"T01": 2, "T05": 1}, {"R12", "R10"})
    profile.progress.record("lesson-a", {"T01": 1, "T06": 1}, {"R14"})
    profile.save_progress()

    again = Profile(data_dir)
    assert again.settings.text_size == "large"
    assert again.settings.band == "G68"
    entry = again.progress.lessons["lesson-a"]
    assert entry.completed and entry.plays == 2
    assert entry.stars == {"T01": 2, "T05": 1, "T06": 1}
    assert entry.skills == ["R10", "R12", "R14"]
    assert again.progress.stars_per_tactic() == {"T01": 2, "T05": 1, "T06": 1}


def test_interrupted_write_keeps_the_old_file(tmp_path: Path, monkeypatch) -> None:
    """A crash while writing leaves the previous file intact and no temp files behind."""
    target = tmp_path / "settings.json"
    atomic_write(target, '{"sound": false}\n')

    def explode(*_args, **_kwargs):
        raise OSError("disk pulled out")

    monkeypatch.setattr(os, "replace", explode)
    with pytest.raises(OSError):
        atomic_write(target, '{"sound": true}\n')
    assert json.loads(target.read_text()) == {"sound": False}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


@pytest.mark.parametrize("garbage", ["{not json", '["text_size", "gigantic"]', "\udcff"])
def test_corrupt_file_is_set_aside_not_destroyed(tmp_path: Path, garbage: str) -> None:
    """A file that cannot be read is renamed to a backup and defaults are used."""
    target = tmp_path / "settings.json"
    target.write_bytes(garbage.encode("utf-8", "surrogateescape"))
    store = JsonStore(target, Settings)
    assert store.load() == Settings()
    assert store.backup is not None and store.backup.exists()
    assert store.backup.read_bytes() == garbage.encode("utf-8", "surrogateescape")
    assert not target.exists()
    store.save(Settings(sound=False))
    assert JsonStore(target, Settings).load().sound is False


def test_missing_files_start_fresh(data_dir: Path) -> None:
    """A first start has default settings and no progress, and writes nothing yet."""
    profile = Profile(data_dir)
    assert profile.settings == Settings()
    assert profile.progress == Progress()
    assert list(data_dir.iterdir()) == []


def test_profile_holds_no_personal_data() -> None:
    """Settings and progress have no field for a name, birthday, email or free text."""
    fields = set(Settings.model_fields) | set(Progress.model_fields)
    for banned in ("name", "email", "birthday", "age", "school", "notes", "message"):
        assert banned not in fields


def test_title_screen_tells_a_grown_up_about_a_reset(paths, data_dir: Path) -> None:
    """After a corrupt file is set aside, the game starts and the backup is reported."""
    import pygame

    from game.app import App
    from game.scenes.title import TitleScene

    (data_dir / "progress.json").write_text("{broken")
    app = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    app.push(TitleScene(app))
    assert app.render()
    assert [p.name[:17] for p in app.profile.backups] == ["progress.corrupt-"]
    assert app.profile.backups[0].read_text() == "{broken"
    assert any(p.name.startswith("progress.corrupt-") for p in data_dir.iterdir())
    pygame.quit()


def test_renamed_lessons_keep_their_progress(data_dir: Path, paths) -> None:
    """Progress, switched-off lessons and check counts under an old lesson id load under the new."""
    from game.content.loader import load_pack
    from game.learning_check import CheckStore
    from game.profile import LESSON_RENAMES

    old_kai, old_spot = "k2-mo-and-the-tricky-game", "g35-red-flag-detectives"
    new_kai, new_spot = LESSON_RENAMES[old_kai], LESSON_RENAMES[old_spot]
    shipped = {lesson.id for lesson in load_pack([paths.lessons]).lessons}
    assert {new_kai, new_spot} <= shipped and not {old_kai, old_spot} & shipped
    (data_dir / "settings.json").write_text(
        json.dumps({"disabled_lessons": [old_spot, "g35-gift-or-trick", new_spot]})
    )
    (data_dir / "progress.json").write_text(
        json.dumps(
            {
                "lessons": {
                    old_kai: {
                        "completed": True,
                        "plays": 2,
                        "stars": {"T05": 1},
                        "skills": ["R09"],
                    },
                    new_kai: {"plays": 1, "stars": {"T05": 3}, "skills": ["R18"]},
                    old_spot: {"completed": True, "plays": 1, "skills": ["R10"]},
                }
            }
        )
    )
    tally = {"day": "2026-03-02", "item": "check-trouble", "phase": "pre", "answered": 2}
    (data_dir / "learning-check.json").write_text(
        json.dumps({"tallies": [{**tally, "lesson": old_kai, "correct": 1}]})
    )
    profile = Profile(data_dir)
    assert profile.settings.disabled_lessons == [new_spot, "g35-gift-or-trick"]
    lessons = profile.progress.lessons
    assert set(lessons) == {new_kai, new_spot}
    kai = lessons[new_kai]
    assert (kai.completed, kai.plays, kai.stars) == (True, 3, {"T05": 3})
    assert kai.skills == ["R09", "R18"]
    assert lessons[new_spot].skills == ["R10"]
    assert [s.key for s in CheckStore(data_dir).log.by_lesson()] == [new_kai]
    assert profile.backups == []


def test_failed_save_is_reported_not_raised(data_dir: Path, monkeypatch) -> None:
    """A full disk makes a save return False and tell the callback; the old file stays."""
    import errno

    heard: list[OSError] = []
    profile = Profile(data_dir, on_save_error=heard.append)
    profile.settings.band = "K2"
    assert profile.save_settings() is True
    before = (data_dir / "settings.json").read_bytes()

    def full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    profile.settings.band = "G35"
    assert profile.save_settings() is False
    assert profile.save_progress() is False
    assert [e.errno for e in heard] == [errno.ENOSPC, errno.ENOSPC]
    assert (data_dir / "settings.json").read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == ["settings.json"]
    monkeypatch.undo()
    assert profile.save_settings() is True
    assert Profile(data_dir).settings.band == "G35"


def test_folder_is_fsynced_after_the_rename(tmp_path: Path, monkeypatch) -> None:
    """After the new file is renamed into place, its folder is fsynced (POSIX), in that order."""
    import stat

    if os.name == "nt":
        pytest.skip("Windows cannot open a folder to fsync it")
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync-folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync-file")
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    atomic_write(tmp_path / "progress.json", "{}\n")
    assert events == ["fsync-file", "rename", "fsync-folder"]


def test_a_folder_that_refuses_fsync_still_saves(tmp_path: Path, monkeypatch) -> None:
    """A file system that cannot fsync a folder (EINVAL) does not make the save fail."""
    import errno
    import stat

    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "Invalid argument")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    atomic_write(tmp_path / "settings.json", '{"sound": false}\n')
    assert json.loads((tmp_path / "settings.json").read_text()) == {"sound": False}


def _age(path: Path, seconds: float) -> None:
    """Make *path* look last written *seconds* ago."""
    import time

    when = time.time() - seconds
    os.utime(path, (when, when), follow_symlinks=False)


def test_stale_temp_files_are_removed_at_start(data_dir: Path) -> None:
    """Old temp files of killed saves go at start; fresh ones (another copy saving) stay."""
    stale = [data_dir / ".progress.json.a1b2c3d4.tmp", data_dir / ".settings.json.x_9yz123.tmp"]
    stale.append(data_dir / ".learning-check.json.k2k2k2k2.tmp")
    fresh = data_dir / ".progress.json.fresh123.tmp"
    others = [
        data_dir / ".notes.txt.a1b2c3d4.tmp",  # not one of our files
        data_dir / "progress.json.a1b2c3d4.tmp",  # not our temp name
        data_dir / ".progress.json.a1b2c3d4.tmp.keep",
    ]
    for path in [*stale, fresh, *others]:
        path.write_bytes(b"{half a save")
        _age(path, 3600)
    _age(fresh, 5)
    folder = data_dir / ".progress.json.folder12.tmp"
    folder.mkdir()
    _age(folder, 3600)
    link = data_dir / ".settings.json.link1234.tmp"
    link.symlink_to(others[0])
    _age(link, 3600)
    from game.learning_check import CheckStore

    Profile(data_dir)
    CheckStore(data_dir)
    left = {p.name for p in data_dir.iterdir()}
    assert not {p.name for p in stale} & left
    assert {fresh.name, folder.name, link.name, *(p.name for p in others)} <= left


def test_unreadable_file_that_cannot_be_set_aside_is_never_overwritten(
    data_dir: Path, monkeypatch
) -> None:
    """If a broken file cannot be moved aside, saving refuses rather than overwrite it."""
    import game.storage

    (data_dir / "progress.json").write_text("{broken")

    def stuck(_path):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(game.storage, "set_aside", stuck)
    heard: list[OSError] = []
    profile = Profile(data_dir, on_save_error=heard.append)
    assert profile.progress == Progress()
    assert profile.save_progress() is False and len(heard) == 1
    assert (data_dir / "progress.json").read_text() == "{broken"


def test_a_save_too_large_to_read_back_is_refused(tmp_path: Path) -> None:
    """The store never writes a file bigger than it would read back at the next start."""
    store = JsonStore(tmp_path / "settings.json", Settings, max_bytes=64)
    with pytest.raises(OSError):
        store.save(Settings())
    assert not (tmp_path / "settings.json").exists()


@pytest.mark.skipif(os.name == "nt", reason="named pipes are POSIX")
def test_first_frame_read_skips_a_pipe_and_a_deep_file(data_dir: Path) -> None:
    """The first frame's quick settings read never blocks on a pipe or dies on deep nesting."""
    import signal

    from game.paths import EarlySettings, peek_display_settings

    class Blocked(Exception):
        """Not an OSError: no ``except OSError`` in the code under test swallows it."""

    def stuck(*_args) -> None:
        raise Blocked("the read blocked on a pipe")

    path = data_dir / "settings.json"
    os.mkfifo(path)
    previous = signal.signal(signal.SIGALRM, stuck)
    signal.setitimer(signal.ITIMER_REAL, 20, 5)  # a read that blocks fails the test instead
    try:
        assert peek_display_settings(path) == EarlySettings()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    path.unlink()
    path.write_text("[" * 100_000)
    assert peek_display_settings(path) == EarlySettings()
    path.write_text(json.dumps({"language": "../../tmp/evil", "text_size": "large"}))
    assert peek_display_settings(path) == EarlySettings(text_size="large")
