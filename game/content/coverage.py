"""What a set of lessons teaches: tactics and skills per age band, against the reference.

A tactic counts for a band only where something the child meets in play carries it
(a chat or spot message, a sort card, a quiz question, a story page); a skill only
where play awards it (a step's or a safe choice's ``skills``). The lesson's summary
lists (``tactics_covered``, ``skills_practised``) never count on their own.
The expectations come from :data:`game.content.taxonomy.TACTIC_BANDS` and
:data:`game.content.taxonomy.SKILL_BANDS` (safety-education.md §5.1-§5.2).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from game.content.model import Lesson
from game.content.taxonomy import BANDS, SKILL_BANDS, SKILLS, TACTIC_BANDS, TACTICS

Status = Literal["covered", "missing", "not expected", "extra"]
BAND_CODES: tuple[str, ...] = tuple(BANDS)
#: Sessions the reference asks for in each band (safety-education.md §3.1-§3.2, §5.4).
SERIES_LENGTH = 4


@dataclass(frozen=True)
class Cell:
    """One code in one band: whether the reference expects it and which lessons teach it."""

    code: str
    band: str
    expected: bool
    gentle: bool
    lessons: tuple[str, ...]

    @property
    def status(self) -> Status:
        """covered, missing (expected, not taught), not expected, or extra (taught anyway)."""
        if self.expected:
            return "covered" if self.lessons else "missing"
        return "extra" if self.lessons else "not expected"


@dataclass(frozen=True)
class Session:
    """One lesson's place in its band's series."""

    lesson_id: str
    number: int | None
    of: int | None


@dataclass
class Coverage:
    """The tactic x band and skill x band matrices and each band's series of lessons."""

    tactics: dict[tuple[str, str], Cell] = field(default_factory=dict)
    skills: dict[tuple[str, str], Cell] = field(default_factory=dict)
    series: dict[str, list[Session]] = field(default_factory=dict)

    def totals(self, band: str) -> tuple[int, int, int, int]:
        """(tactics covered, tactics expected, skills covered, skills expected) in *band*."""
        t = [c for (_, b), c in self.tactics.items() if b == band and c.expected]
        s = [c for (_, b), c in self.skills.items() if b == band and c.expected]
        return (
            sum(c.status == "covered" for c in t),
            len(t),
            sum(c.status == "covered" for c in s),
            len(s),
        )

    def missing(self) -> list[Cell]:
        """Every expected cell no lesson teaches in play, tactics first."""
        cells = [*self.tactics.values(), *self.skills.values()]
        return [c for c in cells if c.status == "missing"]

    def series_gaps(self, band: str) -> list[str]:
        """What is wrong with *band*'s series: missing sessions, clashes, unnumbered lessons."""
        sessions = self.series.get(band, [])
        if not sessions:
            return [f"no lessons yet (the reference asks for {SERIES_LENGTH} sessions)"]
        problems = [f"{s.lesson_id} has no session_of" for s in sessions if s.number is None]
        numbered = [s for s in sessions if s.number is not None]
        length = max([SERIES_LENGTH, *(s.of or 0 for s in numbered)])
        for number in range(1, length + 1):
            taken = [s.lesson_id for s in numbered if s.number == number]
            if not taken:
                problems.append(f"session {number} of {length} is missing")
            elif len(taken) > 1:
                problems.append(f"session {number} is claimed by {', '.join(taken)}")
        lengths = sorted({s.of for s in numbered if s.of})
        if len(lengths) > 1:
            problems.append(
                "lessons disagree on the series length ("
                + ", ".join(f"of {n}" for n in lengths)
                + ")"
            )
        return problems


def tactics_in_play(lesson: Lesson) -> set[str]:
    """Tactic codes carried by something the child meets in play."""
    return {code for step in lesson.steps for _where, code in step.tactic_refs()}


def skills_in_play(lesson: Lesson) -> set[str]:
    """Skill codes play awards: a step's skills and those of choices that are not unsafe."""
    out: set[str] = set()
    for step in lesson.steps:
        out.update(step.skills)
        for choice in step.choice_list:
            if choice.verdict != "unsafe":
                out.update(choice.skills)
    return out


def coverage_of(lessons: Iterable[Lesson]) -> Coverage:
    """Build the matrices for *lessons* (each counts only in its own band)."""
    lessons = list(lessons)
    taught_t: dict[tuple[str, str], list[str]] = {}
    taught_s: dict[tuple[str, str], list[str]] = {}
    cov = Coverage()
    for lesson in sorted(lessons, key=_series_key):
        band = lesson.grade_band
        for code in tactics_in_play(lesson):
            taught_t.setdefault((code, band), []).append(lesson.id)
        for code in skills_in_play(lesson):
            taught_s.setdefault((code, band), []).append(lesson.id)
        number, of = lesson.session_of or (None, None)
        cov.series.setdefault(band, []).append(Session(lesson.id, number, of))
    for code in TACTICS:
        for band in BAND_CODES:
            level = TACTIC_BANDS[code].get(band)
            cov.tactics[(code, band)] = Cell(
                code,
                band,
                level is not None,
                level == "gentle",
                tuple(taught_t.get((code, band), ())),
            )
    for code in SKILLS:
        for band in BAND_CODES:
            cov.skills[(code, band)] = Cell(
                code, band, band in SKILL_BANDS[code], False, tuple(taught_s.get((code, band), ()))
            )
    return cov


def _series_key(lesson: Lesson) -> tuple[int, int, str]:
    """Youngest band first, then by session number, then by id."""
    number = lesson.session_of[0] if lesson.session_of else 99
    return (BAND_CODES.index(lesson.grade_band), number, lesson.id)
