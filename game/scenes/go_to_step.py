"""Classroom mode's "Go to step": every step of the lesson, to jump to any of them.

A teacher may need to go back over a moment with the class, or skip ahead when time
runs short. Each step is named by its kind and first words; the current one is marked.
The chosen step id is handed back to the screen that opened this list (None for Back).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.model import Lesson
from game.helplines import ADULT
from game.printing.lesson_text import LessonText
from game.scenes.list_base import Item, ListScene
from game.scenes.teacher_lessons import step_items

if TYPE_CHECKING:
    from game.app import App


class GoToStepScene(ListScene):
    """The lesson's steps; pressing one goes there."""

    help_for = ADULT
    min_cell = 84

    def __init__(self, app: App, lesson: Lesson, current: str | None = None) -> None:
        """List *lesson*'s steps, marking *current* (the step the class is on)."""
        super().__init__(app)
        self.lesson = lesson
        self.current = current
        self.text = LessonText(lesson, app.tr, app.local_help())

    def enter(self) -> None:
        """Open on the page that shows the current step, with the focus on it."""
        super().enter()
        key = f"step:{self.current}"
        for _ in range(len(self.lesson.steps)):
            if self.current is None or key in [b.key for b in self.buttons]:
                break
            self.page += 1
            self.relayout()
        self.focus_on(key)

    def title(self) -> str:
        """Header title."""
        return self._("Go to step")

    def intro(self) -> str:
        """What pressing a step does."""
        return self._("Press a step to carry on the lesson from there.")

    def items(self) -> list[Item]:
        """Every step, in file order, named by its kind and first words."""
        return step_items(self.app, self.lesson, self.text, self.current)

    def on_button(self, key: str) -> None:
        """Go to the step pressed."""
        if key.startswith("step:"):
            self.app.pop(key.split(":", 1)[1])
