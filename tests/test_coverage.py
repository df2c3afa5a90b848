"""Curriculum coverage: the reference's expectations, what counts, the CLI and the book."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from game.content.coverage import coverage_of, skills_in_play, tactics_in_play
from game.content.coverage_command import run_coverage
from game.content.loader import load_pack
from game.content.model import Lesson
from game.content.taxonomy import SKILL_BANDS, TACTIC_BANDS
from game.paths import ContentPaths

ROOT = Path(__file__).resolve().parent.parent
FLOOR = ROOT / "tests" / "data" / "coverage-floor.txt"


@pytest.fixture(scope="module")
def lessons() -> list[Lesson]:
    """Every shipped lesson, loaded and linted."""
    pack = load_pack([ContentPaths.discover().lessons])
    assert not pack.failures, pack.failures
    return pack.lessons


def test_reference_expects_62_tactic_and_59_skill_cells() -> None:
    """The taxonomy encodes §5.1 and §5.2: 62 tactic x band cells and 59 skill x band cells."""
    assert sum(len(bands) for bands in TACTIC_BANDS.values()) == 62
    assert sum(len(bands) for bands in SKILL_BANDS.values()) == 59
    assert TACTIC_BANDS["T21"] == {"G912": "full"}
    assert TACTIC_BANDS["T13"]["K2"] == "gentle"
    assert SKILL_BANDS["R08"] == ("G68", "G912")
    assert SKILL_BANDS["R18"] == ("K2", "G35")
    assert SKILL_BANDS["R06"] == ("G35", "G68", "G912")


def test_summary_lists_alone_never_count(lessons: list[Lesson]) -> None:
    """Claiming every tactic and skill in a lesson's summary lists changes no cell."""
    lesson = lessons[0]
    inflated = lesson.model_copy(
        update={
            "tactics_covered": list(TACTIC_BANDS),
            "skills_practised": list(SKILL_BANDS),
        }
    )
    assert tactics_in_play(inflated) == tactics_in_play(lesson)
    assert coverage_of([inflated]).tactics == coverage_of([lesson]).tactics
    assert coverage_of([inflated]).skills == coverage_of([lesson]).skills


def test_unsafe_choices_award_no_coverage(lessons: list[Lesson]) -> None:
    """A skill reachable only by an unsafe choice would not count as practised."""
    lesson = next(item for item in lessons if any(s.choice_list for s in item.steps))
    step_index, step = next((i, s) for i, s in enumerate(lesson.steps) if s.choice_list)
    choice = step.choice_list[0].model_copy(update={"safe": False, "skills": ["R17"]})
    new_step = step.model_copy(update={"choices": [choice, *step.choice_list[1:]]})
    steps = list(lesson.steps)
    steps[step_index] = new_step
    changed = lesson.model_copy(update={"steps": steps})
    assert "R17" not in skills_in_play(changed)


def test_every_band_column_counts_only_its_own_lessons(lessons: list[Lesson]) -> None:
    """A code taught in a G35 lesson does not fill the K2 or G68 cell."""
    cov = coverage_of(lessons)
    for cell in [*cov.tactics.values(), *cov.skills.values()]:
        for lesson_id in cell.lessons:
            assert next(x for x in lessons if x.id == lesson_id).grade_band == cell.band


def test_shipped_lessons_keep_their_coverage(lessons: list[Lesson]) -> None:
    """No expected cell recorded in tests/data/coverage-floor.txt is lost by a later change."""
    cov = coverage_of(lessons)
    covered = {
        f"{c.code}/{c.band}"
        for c in [*cov.tactics.values(), *cov.skills.values()]
        if c.status == "covered"
    }
    floor = {line.strip() for line in FLOOR.read_text().splitlines() if line.strip()}
    floor = {line for line in floor if not line.startswith("#")}
    assert floor, "the floor file lists the cells the shipped lessons cover"
    assert sorted(floor - covered) == []


@pytest.mark.parametrize(
    ("band", "totals"),
    [
        ("K2", (7, 7, 11, 11)),
        ("G35", (14, 14, 14, 14)),
        ("G68", (20, 20, 17, 17)),
        ("G912", (21, 21, 17, 17)),
    ],
)
def test_every_band_column_is_complete(
    lessons: list[Lesson], band: str, totals: tuple[int, int, int, int]
) -> None:
    """Every age group meets each expected tactic and skill in play, in a four-session series."""
    cov = coverage_of(lessons)
    assert cov.totals(band) == totals
    assert cov.series_gaps(band) == []


def test_series_gaps_are_named(lessons: list[Lesson]) -> None:
    """A band with sessions missing says which; a band with none says so."""
    cov = coverage_of(
        [x for x in lessons if x.grade_band == "K2" and (x.session_of or (0,))[0] == 1]
    )
    gaps = cov.series_gaps("K2")
    assert "session 2 of 4 is missing" in gaps
    assert cov.series_gaps("G912")[0].startswith("no lessons yet")


@pytest.mark.parametrize("fmt", ["text", "md", "csv"])
def test_coverage_command_prints_both_matrices(fmt: str) -> None:
    """`signal-scouts coverage` prints every tactic and skill row for every band."""
    out, err = io.StringIO(), io.StringIO()
    assert run_coverage([ROOT / "lessons"], fmt, out, err) == 0
    text = out.getvalue()
    for code in ("T01", "T21", "R01", "R18"):
        assert code in text
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert len(rows) == (21 + 18) * 4
        assert {r["status"] for r in rows} <= {"covered", "missing", "not expected", "extra"}
        t21 = [r for r in rows if r["code"] == "T21"]
        assert [r["expected"] for r in t21] == ["False", "False", "False", "True"]
    elif fmt == "text":
        assert "covered / expected" in text and "Series per band" in text


def test_coverage_command_reports_a_broken_lesson(tmp_path: Path) -> None:
    """A lesson that does not load is named on stderr, not counted, and the exit code is 1."""
    (tmp_path / "broken.yaml").write_text("id: [unclosed\n")
    out, err = io.StringIO(), io.StringIO()
    assert run_coverage([tmp_path], "text", out, err) == 1
    assert "broken.yaml" in err.getvalue()
    assert "(0 lessons)" in out.getvalue()


def test_curriculum_book_shows_the_matrix(lessons: list[Lesson]) -> None:
    """The teacher's curriculum book carries 'What these lessons teach' with both tables."""
    from game.helplines import load_helplines
    from game.i18n import Translator
    from game.printing.document import Table
    from game.printing.plan import curriculum_document

    paths = ContentPaths.discover()
    tr = Translator("en", paths.locales)
    helplines = load_helplines(paths.assets / "safety" / "helplines.yaml")
    local = helplines.for_country("GB")
    doc = curriculum_document(lessons, tr, local)
    assert "What these lessons teach" in doc.headings(2)
    tables = [b for b in doc.blocks if isinstance(b, Table) and b.header[0] == "Code"]
    assert [len(t.rows) for t in tables[:2]] == [21, 18]
    assert tables[0].rows[20][-1].startswith("✓")  # T21 is taught to ages 14-18
