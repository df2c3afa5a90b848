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


@pytest.mark.parametrize("garbage", ["{not json", '{"text_size": "gigantic"}', "\udcff"])
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
