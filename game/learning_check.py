"""The anonymous learning check: how many answers were right before and after each lesson.

Only counts are kept. A tally says: on this day, for this item of this lesson, in
this phase ("pre" before the lesson, "post" after it), so many answers were given
and so many were right. There are no names, no ids for children, no times finer
than a day and no record of any single answer, so nothing here can say who
answered what. The log lives in ``learning-check.json`` in the profile folder,
written atomically; a file that cannot be read is set aside, never destroyed.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from game.content.model import CheckItem
from game.profile import MAX_COUNT, current_lesson_id
from game.storage import JsonStore

Phase = Literal["pre", "post"]
#: Phases in the order they happen (and are sorted in).
PHASES: tuple[Phase, ...] = ("pre", "post")
#: The log's file name in the profile folder.
FILE_NAME = "learning-check.json"
#: The columns of the CSV export, in order. Nothing in them identifies a child.
CSV_COLUMNS = ("date", "lesson", "tactic", "phase", "answered", "correct", "percent_correct")

#: Ids and codes only: free text (a name, a note) can never be stored in a tally.
_Id = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
_Tactic = Annotated[str, StringConstraints(pattern=r"^T[0-9][0-9]$")]


class Tally(BaseModel):
    """Answers to one item of one lesson, on one day, in one phase: two counts."""

    model_config = ConfigDict(extra="ignore")

    day: datetime.date
    lesson: _Id
    item: _Id
    tactic: _Tactic | None = None
    phase: Phase
    answered: int = Field(0, ge=0, le=MAX_COUNT)
    correct: int = Field(0, ge=0, le=MAX_COUNT)

    @field_validator("lesson", mode="after")
    @classmethod
    def _renamed_lesson(cls, lesson_id: str) -> str:
        """Counts kept under a renamed lesson's old id belong to its new id."""
        return current_lesson_id(lesson_id)

    @model_validator(mode="after")
    def _correct_within_answered(self) -> Tally:
        if self.correct > self.answered:
            raise ValueError("correct cannot be more than answered")
        return self


@dataclass(frozen=True)
class Summary:
    """Answers before and after, added up for one lesson or one tactic."""

    key: str
    pre_answered: int = 0
    pre_correct: int = 0
    post_answered: int = 0
    post_correct: int = 0

    def answered(self, phase: Phase) -> int:
        """Answers given in *phase*."""
        return self.pre_answered if phase == "pre" else self.post_answered

    def correct(self, phase: Phase) -> int:
        """Right answers in *phase*."""
        return self.pre_correct if phase == "pre" else self.post_correct

    def share(self, phase: Phase) -> float | None:
        """Right answers as a fraction of the answers in *phase* (None with no answers)."""
        answered = self.answered(phase)
        return self.correct(phase) / answered if answered else None


def percent(correct: int, answered: int) -> int:
    """*correct* out of *answered* as a whole percentage, rounded half up (0 with no answers)."""
    if answered <= 0:
        return 0
    return (200 * correct + answered) // (2 * answered)


class CheckLog(BaseModel):
    """Every tally on this device. Counts only: see the module docstring."""

    model_config = ConfigDict(extra="ignore")

    version: int = Field(1, ge=0, le=MAX_COUNT)
    tallies: list[Tally] = Field(default_factory=list)

    def record(
        self,
        day: datetime.date,
        lesson_id: str,
        item: CheckItem,
        phase: Phase,
        correct: bool,
    ) -> None:
        """Count one answer to *item* ("not sure" is an answer that is not correct)."""
        for tally in self.tallies:
            if (tally.day, tally.lesson, tally.item, tally.phase) == (
                day,
                lesson_id,
                item.id,
                phase,
            ):
                break
        else:
            tally = Tally(day=day, lesson=lesson_id, item=item.id, tactic=item.tactic, phase=phase)
            self.tallies.append(tally)
        tally.tactic = item.tactic
        tally.answered += 1
        tally.correct += int(correct)

    @property
    def answers(self) -> int:
        """How many answers were counted in all."""
        return sum(t.answered for t in self.tallies)

    def days(self) -> tuple[datetime.date, datetime.date] | None:
        """The first and the last day with answers (None when there are none)."""
        days = [t.day for t in self.tallies if t.answered]
        return (min(days), max(days)) if days else None

    def by_lesson(self) -> list[Summary]:
        """Before and after counts per lesson id, sorted by lesson id."""
        return _summaries((t.lesson, t) for t in self.tallies)

    def by_tactic(self) -> list[Summary]:
        """Before and after counts per tactic code (items without a tactic left out)."""
        return _summaries((t.tactic, t) for t in self.tallies if t.tactic)

    def csv_text(self) -> str:
        """The log as CSV: one row per day, lesson, tactic and phase, sorted, counts only."""
        rows: dict[tuple[datetime.date, str, str, Phase], list[int]] = {}
        for tally in self.tallies:
            key = (tally.day, tally.lesson, tally.tactic or "", tally.phase)
            counts = rows.setdefault(key, [0, 0])
            counts[0] += tally.answered
            counts[1] += tally.correct
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(CSV_COLUMNS)
        for (day, lesson, tactic, phase), (answered, correct) in sorted(
            rows.items(), key=lambda row: (*row[0][:3], PHASES.index(row[0][3]))
        ):
            writer.writerow(
                [
                    day.isoformat(),
                    lesson,
                    tactic,
                    phase,
                    answered,
                    correct,
                    percent(correct, answered),
                ]
            )
        return out.getvalue()

    def clear(self) -> None:
        """Forget every tally."""
        self.tallies.clear()


def _summaries(pairs: Iterable[tuple[str, Tally]]) -> list[Summary]:
    totals: dict[str, dict[str, int]] = {}
    for key, tally in pairs:
        counts = totals.setdefault(key, {})
        for name, value in (("answered", tally.answered), ("correct", tally.correct)):
            field = f"{tally.phase}_{name}"
            counts[field] = counts.get(field, 0) + value
    return [Summary(key, **counts) for key, counts in sorted(totals.items())]


class CheckStore:
    """The learning-check log kept in the profile folder (atomic writes, broken file set aside).

    Answers are counted in memory even when the log can't be written (a read-only
    folder, a full disk): :meth:`record` never raises, *on_save_error* hears about it.
    """

    def __init__(
        self, folder: Path, on_save_error: Callable[[OSError], None] | None = None
    ) -> None:
        """Load the log from *folder* (a tally that fails its checks is dropped)."""
        self._store = JsonStore(folder / FILE_NAME, CheckLog)
        self.on_save_error = on_save_error
        self.log = self._store.load()

    @property
    def path(self) -> Path:
        """Where the log is saved."""
        return self._store.path

    @property
    def backup(self) -> Path | None:
        """Where an unreadable log was set aside when it was loaded (None if it was fine)."""
        return self._store.backup

    def save(self) -> None:
        """Write the log atomically (raises :class:`OSError` when it cannot be written)."""
        self._store.save(self.log)

    def record(
        self,
        lesson_id: str,
        item: CheckItem,
        phase: Phase,
        correct: bool,
        day: datetime.date | None = None,
    ) -> None:
        """Count one answer (today unless *day* is given) and save the log if it can be."""
        self.log.record(day or datetime.date.today(), lesson_id, item, phase, correct)
        try:
            self.save()
        except OSError as exc:
            if self.on_save_error is not None:
                self.on_save_error(exc)
