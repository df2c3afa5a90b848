"""How long the game part of a lesson takes in class: an estimate from what a child meets.

The estimate counts items, not words (authors see the counts; word counts change with
every translation), with seconds per item for each age group. Each figure is the item's
average length in the shipped lessons read at the group's pace, plus the taps and the
thinking:

- **Reading pace.** K2 (5-7) listens: Read to me is on, at the narrator's slow pace,
  115 words a minute (game/narration/voices.py). G35 read at about 110 words a minute,
  G68 at about 140 (Hasbrouck and Tindal's 2017 oral reading fluency norms, 50th
  percentile, grades 3-5 and 6-8), G912 at about 180 (silent reading, teenagers).
- **Items** (average words in the shipped lessons, per age group K2 / G35 / G68 / G912):
  a chat message 9 / 11 / 13 / 13 words, plus 2 s to press Next; a story page 35 / 39 /
  47 / 45 words, plus a look at the picture; a choice is read with its two or three
  neighbours (7-10 words each), one feedback (18-22 words) and about 10 s of thinking;
  a sort card with its explanation 16-22 words, plus the move; a spot message 10-12 words
  plus the decision; a quiz question with its options and explanation 38-55 words.
- **Help plan**: choosing three trusted adults, the app's save / block / report and the
  words to say, about a minute and a half for the youngest, a minute from 11.
- **Pause points** are not counted here: a pause point asks one of the lesson's
  discussion questions, and the flow's ``discuss`` part holds the time for them.
- **Learning check** (when the teacher turns it on): before the lesson a child reads or
  hears each item and answers; after it, each answer also gets its explanation (about 35
  words an item, both phases together).

The class is timed on the safe route (the plan's ``main_route``: the shortest way to the
end, taking the best choices): a lesson whose quickest play does not fit its minutes
overruns for every class. Children on a repair path take longer.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from game.content.model import AnyStep, Lesson
from game.content.routes import route_between


@dataclass(frozen=True)
class Pace:
    """Seconds per item for one age group (see the module docstring for the reasons)."""

    message: int
    story: int
    choice: int
    check_in: int
    spot_message: int
    card: int
    question: int
    help_plan: int
    check_before: int
    check_after: int


#: Seconds per item, by age group.
PACES: dict[str, Pace] = {
    "K2": Pace(8, 25, 30, 10, 10, 15, 30, 90, 20, 35),
    "G35": Pace(8, 25, 35, 10, 10, 15, 35, 75, 15, 25),
    "G68": Pace(8, 25, 30, 8, 10, 12, 30, 60, 12, 20),
    "G912": Pace(7, 20, 25, 8, 8, 12, 25, 60, 10, 16),
}


def step_seconds(step: AnyStep, pace: Pace) -> int:
    """Estimated seconds a class spends on *step* (one choice, when it has choices)."""
    seconds = 0
    if step.type == "chat":
        seconds += pace.message * len(step.messages)
        seconds += pace.check_in if step.check_in else 0
    elif step.type == "story":
        seconds += pace.story
    elif step.type == "spot":
        seconds += pace.spot_message * len(step.messages)
    elif step.type == "sort":
        seconds += pace.card * len(step.cards)
    elif step.type == "quiz":
        seconds += pace.question * len(step.questions)
    elif step.type == "help_plan":
        seconds += pace.help_plan
    elif step.type == "reply":  # a tile from each row, the reaction, maybe a second build
        seconds += pace.choice + pace.card * len(step.parts)
    elif step.type == "privacy":  # each setting, then the scenario with its effects
        seconds += pace.card * len(step.settings) + pace.choice
    if step.has_choices:
        seconds += pace.choice
    return seconds


def safe_route(lesson: Lesson) -> list[AnyStep]:
    """The steps of the shortest route to an end, taking the best choices first."""
    route = route_between(lesson, lesson.start_id, None) or []
    return [lesson.step(step_id) for step_id, _choice in route]


@dataclass(frozen=True)
class PlayTime:
    """The estimated game time of a lesson, in seconds, and what it is made of."""

    steps: int
    check_before: int
    check_after: int

    @property
    def total(self) -> int:
        """Every part together, in seconds."""
        return self.steps + self.check_before + self.check_after


def play_time(lesson: Lesson) -> PlayTime:
    """The estimated time of *lesson*'s game part: its steps and the learning check."""
    pace = PACES[lesson.grade_band]
    items = len(lesson.learning_check)
    return PlayTime(
        steps=sum(step_seconds(step, pace) for step in safe_route(lesson)),
        check_before=items * pace.check_before,
        check_after=items * pace.check_after,
    )


def minutes(seconds: int) -> int:
    """Whole minutes, rounded up (0 stays 0)."""
    return math.ceil(seconds / 60)


def check_minutes(lesson: Lesson) -> tuple[int, int]:
    """Minutes of the learning check before and after the game (0, 0 when it has none)."""
    estimate = play_time(lesson)
    return minutes(estimate.check_before), minutes(estimate.check_after)
