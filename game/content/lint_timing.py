"""A warning when the game part of a lesson cannot be played in its minutes of the flow.

The estimate (:mod:`game.content.timing`) counts the messages, story pages, choices,
cards and questions a class meets on the safe route, plus the learning check before and
after, at seconds per item that depend on the age group.
"""

from __future__ import annotations

from game.content.model import Lesson
from game.content.problems import Problem
from game.content.source import SourceMap
from game.content.timing import minutes, play_time


def lint_timing(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """A warning at the flow's ``game`` minutes when the estimated play time is longer."""
    index = next((i for i, part in enumerate(lesson.flow) if part.part == "game"), None)
    if index is None:
        return []  # the plan check reports a flow without a game part
    budget = lesson.flow[index].minutes
    estimate = play_time(lesson)
    # Whole minutes per part, as the plan's flow table prints them.
    check = minutes(estimate.check_before) + minutes(estimate.check_after)
    needed = minutes(estimate.steps) + check
    if needed <= budget:
        return []
    with_check = f", plus {check} for the learning check before and after" if check else ""
    return [
        smap.problem(
            ("flow", index, "minutes"),
            f"the game part has {budget} minutes but playing it takes about {needed} "
            f"({minutes(estimate.steps)} for the steps on the safe route{with_check}, at "
            f"{lesson.grade_band} reading pace): give the game more minutes (and another "
            "part fewer) or shorten the steps (see docs/lesson-authoring.md, 'Timing')",
            severity="warning",
        )
    ]
