"""The typed lesson model. A YAML lesson file is validated into a :class:`Lesson`.

Every step, message and choice carries an author-written id: translations and
progress are keyed by those ids, so they never derive from text.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="Stable id: lowercase letters, digits, '-' and '_'. Never change it."),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
TacticCode = Annotated[str, StringConstraints(pattern=r"^T\d\d$")]
SkillCode = Annotated[str, StringConstraints(pattern=r"^R\d\d$")]
BandCode = Literal["K2", "G35", "G68", "G912"]
Avatar = Literal["fox", "owl", "cat", "bear", "bunny", "robot", "panda", "frog"]
Sender = Literal["contact", "me", "scout", "system"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Vocabulary(_Strict):
    """A key word taught in the lesson, with a child-friendly definition."""

    term: Text
    definition: Text


class DiscussionQuestion(_Strict):
    """A question for the class, with the answer a teacher listens for."""

    question: Text
    model_answer: Text
    misconception: Text | None = None


class Source(_Strict):
    """A source for a fact in the lesson (every statistic needs one, with its year)."""

    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    year: int = Field(ge=1990, le=2100)


class Contact(_Strict):
    """The online contact the child chats with in this lesson."""

    name: Text
    avatar: Avatar = "fox"
    app: Text = Field("Game chat", description="Name shown in the phone's title bar.")


class Message(_Strict):
    """One chat bubble (from the contact or the child) or a note from Scout or the phone."""

    id: Id
    sender: Sender = Field("contact", alias="from")
    text: Text
    tactic: TacticCode | None = Field(None, description="The tactic this message uses (T01-T21).")
    hidden_picture: bool = Field(
        False, description="Show a hidden-picture placeholder; the picture is never shown."
    )


class Choice(_Strict):
    """A reply or action the child can pick. Every choice, safe or not, leads somewhere kind."""

    id: Id
    text: Text
    safe: bool
    feedback: Text
    next: Id
    action: bool = Field(
        False, description="An action (block, tell) rather than a chat reply the child types."
    )
    skills: list[SkillCode] = Field(default_factory=list)


class Step(_Strict):
    """A beat of the story: messages revealed one at a time, then choices or a next step."""

    id: Id
    messages: list[Message] = Field(default_factory=list)
    check_in: bool = Field(False, description="Ask 'How does this make you feel?' first.")
    choices: list[Choice] | None = None
    next: Id | None = None
    end: bool = Field(False, description="The lesson's debrief follows this step.")
    skills: list[SkillCode] = Field(default_factory=list)


class Lesson(_Strict):
    """A whole lesson: teacher-facing metadata plus the playable story graph."""

    id: Id
    title: Text
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")] = "1.0.0"
    grade_band: BandCode
    age_range: tuple[int, int]
    duration_min: int = Field(ge=10, le=120)
    session_of: tuple[int, int] | None = None
    sensitivity_level: int = Field(ge=1, le=4)
    reviewed_by: Text
    last_reviewed: datetime.date
    big_idea: Text
    essential_question: Text
    objectives: list[Text] = Field(min_length=1)
    success_criteria: list[Text] = Field(default_factory=list)
    vocabulary: list[Vocabulary] = Field(default_factory=list)
    tactics_covered: list[TacticCode] = Field(default_factory=list)
    skills_practised: list[SkillCode] = Field(min_length=1)
    discussion_questions: list[DiscussionQuestion] = Field(default_factory=list)
    key_message: Text
    teacher_notes: Text | None = None
    sources: list[Source] = Field(default_factory=list)
    contact: Contact
    start: Id | None = Field(None, description="First step id; defaults to the first step.")
    steps: list[Step] = Field(min_length=1)

    @property
    def start_id(self) -> str:
        """The id of the step the lesson starts at."""
        return self.start or self.steps[0].id

    def step(self, step_id: str) -> Step:
        """Return the step with *step_id* (lint guarantees every reference exists)."""
        return self.step_map[step_id]

    @cached_property
    def step_map(self) -> dict[str, Step]:
        """Steps by id."""
        return {s.id: s for s in self.steps}
