"""Loading and linting lesson files: every kind of author mistake gets a precise message."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from game.content.lint_command import run_lint
from game.content.loader import load_lesson, load_pack
from game.content.problems import LessonError

FIXTURES = Path(__file__).parent / "fixtures"
BAD = sorted((FIXTURES / "bad").glob("*.yaml"))


def _expectation(path: Path) -> str:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    return first.removeprefix("# expect: ")


@pytest.mark.parametrize("name", ["minimal", "all_modes"])
def test_good_fixtures_load(name: str) -> None:
    """The known-good fixtures (one with every step type) load with no problems at all."""
    lesson, warnings = load_lesson(FIXTURES / "good" / f"{name}.yaml")
    assert warnings == []
    if name == "all_modes":
        assert {step.type for step in lesson.steps} == {
            "chat",
            "story",
            "spot",
            "sort",
            "quiz",
            "help_plan",
            "privacy",
        }


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_bad_file_reports_location_and_fix(path: Path) -> None:
    """Each broken fixture fails (or, for 'warning:', loads with a warning) at file:line:col."""
    expected = _expectation(path)
    if expected.split(": ", 2)[1:2] == ["warning"]:
        _lesson, problems = load_lesson(path, path.name)  # a warning never stops a lesson
    else:
        with pytest.raises(LessonError) as caught:
            load_lesson(path, path.name)
        problems = caught.value.problems
    messages = [str(p) for p in problems]
    assert any(f"{path.name}:{expected}" in m or expected in m for m in messages), messages
    if expected[0].isdigit():
        assert any(m.startswith(f"{path.name}:{expected.split(': ', 1)[0]}:") for m in messages)


def test_unsafe_tag_is_never_constructed(tmp_path: Path) -> None:
    """A !!python tag is refused before any object is built (safe loader only)."""
    marker = tmp_path / "pwned"
    evil = tmp_path / "evil.yaml"
    evil.write_text(f"id: x\ntitle: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(LessonError):
        load_lesson(evil)
    assert not marker.exists()


def test_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    """A pack with one broken file still loads the good ones and names the broken one."""
    shutil.copy(FIXTURES / "good" / "minimal.yaml", tmp_path / "good.yaml")
    shutil.copy(FIXTURES / "bad" / "dead_end.yaml", tmp_path / "broken.yaml")
    pack = load_pack([tmp_path], root=tmp_path)
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    assert [f.problems[0].file for f in pack.failures] == ["broken.yaml"]


def test_duplicate_lesson_ids_are_reported(tmp_path: Path) -> None:
    """Two files with the same lesson id: the second is refused with a clear message."""
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(FIXTURES / "good" / "minimal.yaml", tmp_path / name)
    pack = load_pack([tmp_path], root=tmp_path)
    assert len(pack.lessons) == 1
    assert "already used by a.yaml" in str(pack.failures[0])


def test_lint_command_exit_codes() -> None:
    """`lint` exits 0 on good files and 1 on any error, printing file:line:col."""
    out = io.StringIO()
    assert run_lint([FIXTURES / "good" / "minimal.yaml"], out) == 0
    out = io.StringIO()
    assert run_lint([FIXTURES / "bad" / "dead_end.yaml"], out) == 1
    assert "dead_end.yaml:31:5:" in out.getvalue()


def test_lint_reports_missing_path() -> None:
    """A path that does not exist is an error, not a silent pass."""
    out = io.StringIO()
    assert run_lint([FIXTURES / "nope"], out) == 1
    assert "no such file or folder" in out.getvalue()


def test_every_shipped_lesson_lints_clean(paths) -> None:
    """Every lesson in lessons/ loads with no errors and no warnings."""
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    assert pack.failures == []
    assert pack.warnings == []
    assert len(pack.lessons) >= 3
    assert {lesson.grade_band for lesson in pack.lessons} >= {"K2", "G35", "G68"}


def test_dont_pay_only_in_sextortion_lessons() -> None:
    """The debrief teaches "don't pay" only at sensitivity 4 (rule 18), "don't send" below."""
    from game.content.taxonomy import DONT_PAY, DONT_SEND, response_sequence

    assert DONT_PAY in response_sequence("G68", 4)
    assert DONT_PAY not in response_sequence("G68", 3)
    assert DONT_SEND in response_sequence("G68", 3)
    assert all(DONT_PAY not in response_sequence(band, 2) for band in ("K2", "G35"))


def test_release_lint_refuses_drafts(tmp_path: Path) -> None:
    """A draft (reviewed_by: null) lints clean, but `lint --release` warns and exits 1."""
    text = (FIXTURES / "good" / "minimal.yaml").read_text(encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    draft.write_text(
        text.replace("reviewed_by: Test fixture", "reviewed_by: null").replace(
            "last_reviewed: 2026-11-29", "last_reviewed: null"
        ),
        encoding="utf-8",
    )
    out = io.StringIO()
    assert run_lint([draft], out) == 0
    assert "0 error(s), 0 warning(s)" in out.getvalue()
    out = io.StringIO()
    assert run_lint([draft], out, release=True) == 1
    assert "draft.yaml:2:5: warning: this lesson is a draft" in out.getvalue()
    out = io.StringIO()
    assert run_lint([FIXTURES / "good" / "minimal.yaml"], out, release=True) == 0
