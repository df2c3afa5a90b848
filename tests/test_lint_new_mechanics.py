"""Lint catches a reply builder or privacy-settings step that cannot teach, at file:line:col."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.loader import load_lesson
from game.content.problems import LessonError
from game.paths import ContentPaths

LESSONS = ContentPaths.discover().lessons


def _broken(tmp_path: Path, lesson_id: str, *changes: tuple[str, str]) -> Path:
    """A copy of a shipped lesson with each (old, new) change made (old must be there)."""
    text = (LESSONS / f"{lesson_id}.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new, 1)
    path = tmp_path / f"{lesson_id}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _errors(path: Path) -> list[str]:
    """The lesson's errors as the lint prints them (none: an empty list)."""
    try:
        load_lesson(path)
    except LessonError as exc:
        return [str(problem) for problem in exc.problems]
    return []


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        (  # a soft tile with nothing for the contact to say back
            "        firm: false\n        comeback: ok later then. i'll ask again tonight\n",
            "        firm: false\n",
            "has no 'comeback:'",
        ),
        (  # a firm action with no result to show
            "        result: Alex saved screenshots of the chat and the username, then blocked"
            " and reported jay_skates.\n",
            "",
            "has no 'result:'",
        ),
    ],
)
def test_a_reply_builder_that_cannot_teach_is_an_error(
    tmp_path: Path, old: str, new: str, says: str
) -> None:
    """A soft tile without a comeback, or a firm action without a result, is located."""
    assert _errors(LESSONS / "g68-pressure-for-pics.yaml") == []
    path = _broken(tmp_path, "g68-pressure-for-pics", (old, new))
    errors = _errors(path)
    assert any(says in error and f"{path}:" in error for error in errors), errors


def test_a_reply_builder_without_a_firm_no_is_an_error(tmp_path: Path) -> None:
    """Every way to say no soft: lint says the best reply cannot be built, and where."""
    path = _broken(
        tmp_path,
        "g68-pressure-for-pics",
        (
            "        text: No.\n        explain: A short",
            "        text: No.\n        firm: false\n        comeback: ok\n"
            "        explain: A short",
        ),
        (
            "        text: No. I'm not sending pics like that.\n",
            "        text: No. I'm not sending pics like that.\n        firm: false\n"
            "        comeback: fine\n",
        ),
    )
    errors = _errors(path)
    assert any("no firm way to say no" in error and f"{path}:" in error for error in errors)


def test_a_privacy_setting_without_a_safe_option_is_an_error(tmp_path: Path) -> None:
    """A setting the child cannot make safer is reported at its place in the file."""
    assert _errors(LESSONS / "g35-camera-on-meet-me.yaml") == []
    path = _broken(
        tmp_path,
        "g35-camera-on-meet-me",
        (
            "            text: Only real-life friends\n            safe: true\n",
            "            text: Only real-life friends\n            safe: false\n",
        ),
    )
    errors = _errors(path)
    assert any("'profile-message'" in e and "safe: true" in e for e in errors), errors
    assert all(f"{path}:" in e for e in errors)
