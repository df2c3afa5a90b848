"""A lesson's strings in one language, looked up by the same ids the extractor writes.

The Babel extractor gives each lesson string the context ``lesson-id/owner``, where
the owner is the nearest enclosing item with an ``id`` (a step, message, check item)
or else the top-level key (``objectives``, ``home``...). :class:`LessonText` asks
the catalog with exactly those contexts, so printed plans and the game agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from game.content.model import AnyStep, Lesson
from game.content.routes import route_between
from game.content.taxonomy import BANDS
from game.helplines import LocalHelp
from game.i18n import Translator, script_of
from game.services import fill_services


@dataclass(frozen=True)
class LessonText:
    """Translated access to one lesson's teacher- and family-facing text.

    *local* is the help for the reader's country: it names the services behind the
    lesson's ``{takedown}``-style placeholders (None: generic phrases).
    """

    lesson: Lesson
    tr: Translator
    local: LocalHelp | None = None

    def __call__(self, owner: str, text: str) -> str:
        """The translation of *text* whose owner (item id or top-level key) is *owner*."""
        translated = self.tr.pgettext(f"{self.lesson.id}/{owner}", text)
        return fill_services(translated, self.local, self.tr, self.lesson.grade_band)

    @property
    def title(self) -> str:
        """The lesson title."""
        return self("title", self.lesson.title)

    @property
    def key_message(self) -> str:
        """The one sentence every child should leave with."""
        return self("key_message", self.lesson.key_message)

    @property
    def ages(self) -> str:
        """The band's age label, e.g. 'Ages 8-10'."""
        return self.tr._(BANDS[self.lesson.grade_band].label)

    def starters(self) -> list[str]:
        """Conversation starters for home (empty when the lesson has none)."""
        home = self.lesson.home
        return [self("home", s) for s in home.starters] if home else []

    def main_route(self) -> list[AnyStep]:
        """The steps a class meets when it takes the safe choice each time, in order."""
        route = route_between(self.lesson, self.lesson.start_id, None) or []
        return [self.lesson.step(step_id) for step_id, _choice in route]

    def line(self, owner: str, text: str) -> str:
        """The translation of *text* on one line, in full (a plan wraps it, never cuts it)."""
        # Line breaks and runs of spaces become one space; no-break spaces (French « ») stay.
        return _SPACES.sub(" ", self(owner, text)).strip()

    def excerpt(self, step: AnyStep, limit: int = 90) -> str:
        """A short quote from the step, to name it in a plan or on the teacher's screen."""
        owner, text = _first_text(step)
        if not text:
            return ""
        words = self.line(owner, text)
        if script_of(self.tr.language) == "cjk":
            limit = limit * 2 // 5  # a Chinese character is about as wide as 2.5 letters
        return words if len(words) <= limit else words[: limit - 1].rstrip() + "…"


#: Breakable white space (not the no-break spaces of French punctuation).
_SPACES = re.compile(r"[ \t\r\n]+")


def _first_text(step: AnyStep) -> tuple[str, str]:
    """(owner id, text) of the first thing a child reads in *step*."""
    messages = getattr(step, "messages", None)
    if step.type == "chat" and messages:
        first = next((m for m in messages if m.sender == "contact"), messages[0])
        return first.id, first.text
    if step.type == "story":
        return step.id, step.text
    if step.type in ("spot", "sort", "reply", "privacy"):
        return step.id, step.prompt
    if step.type == "quiz":
        question = step.questions[0]
        return question.id, question.text
    if step.type == "help_plan" and step.app_message:
        return step.id, step.app_message
    return step.id, ""
