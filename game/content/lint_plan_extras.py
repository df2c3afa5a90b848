"""Lint for the plan's skills rubric and change log (safety-education.md §5.4 items 11, 17).

A missing story hook or change log is a warning (``PLAN_SECTIONS`` in lint.py); what
is there must be well formed: one rubric row per objective, and a change log newest
first whose newest entry is the lesson's version, dated no later than today.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from game.content.model import Lesson
from game.content.problems import Problem
from game.content.source import SourceMap


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def check_plan_extras(
    lesson: Lesson,
    smap: SourceMap,
    today: Callable[[], datetime.date] = datetime.date.today,
) -> list[Problem]:
    """Rubric rows match the objectives; the change log is ordered, current and dated."""
    out: list[Problem] = []
    if lesson.rubric is not None and len(lesson.rubric) != len(lesson.objectives):
        out.append(
            smap.problem(
                ("rubric",),
                f"the rubric has {len(lesson.rubric)} row(s) but the lesson has "
                f"{len(lesson.objectives)} objective(s): give one row (beginning, developing, "
                "secure) per objective, in the same order, or leave 'rubric:' out for the "
                "standard descriptors",
            )
        )
    changes = lesson.changes
    for index in range(1, len(changes)):
        newer, older = changes[index - 1], changes[index]
        if (older.date, _version(older.version)) > (newer.date, _version(newer.version)):
            out.append(
                smap.problem(
                    ("changes", index),
                    f"the change log is not newest first: {older.version} ({older.date}) comes "
                    f"after {newer.version} ({newer.date}); put the newest entry at the top",
                )
            )
            break
    if changes and changes[0].version != lesson.version:
        out.append(
            smap.problem(
                ("changes", 0, "version"),
                f"the newest change is version {changes[0].version} but the lesson is "
                f"version {lesson.version}: add an entry for {lesson.version} at the top "
                "of 'changes:' (or correct the version)",
            )
        )
    now = today()
    for index, change in enumerate(changes):
        if change.date > now:
            out.append(
                smap.problem(
                    ("changes", index, "date"),
                    f"this change is dated {change.date}, after today ({now}): write the "
                    "date the change was made",
                )
            )
    return out
