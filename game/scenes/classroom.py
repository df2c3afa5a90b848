"""Classroom (projector) mode: pick a lesson and teach it to the whole class.

The lesson plays with extra-large text, the teacher paces it, the class votes on
each choice by show of hands and the teacher presses the winner; at each pause
point the plan's discussion questions fill the screen. Nothing is recorded.
"""

from __future__ import annotations

from typing import Any

from game.content.model import Lesson
from game.printing.lesson_text import LessonText
from game.scenes.carry_on import left_part_way, open_lesson
from game.scenes.lessons import lesson_picture
from game.scenes.list_base import Item, ListScene
from game.scenes.teacher_lessons import teaching_order
from game.session import LessonSession

CLASSROOM_TEXT_SIZE = "extra_large"


class ClassroomScene(ListScene):
    """How classroom mode works, and the lessons to teach."""

    def title(self) -> str:
        """Header title."""
        return self._("Classroom mode")

    def intro(self) -> str:
        """The three things a teacher needs to know."""
        return self._(
            "Show this on the projector. At each choice the class votes by show of hands "
            "and you press the answer they chose. At pause points, talk about the question "
            "together. Badges and results are not saved."
        )

    def items(self) -> list[Item]:
        """Every lesson, youngest age group first."""
        out = []
        for lesson in teaching_order(self.app.pack.lessons):
            text = LessonText(lesson, self.app.tr)
            minutes = self.app.tr.ngettext("{n} minute", "{n} minutes", lesson.duration_min)
            details = f"{text.ages} - {minutes.format(n=self.app.tr.number(lesson.duration_min))}"
            if left_part_way(self.app, lesson, "classroom"):
                details += "\n" + self._("Started - you can carry on")
            out.append(
                Item(
                    f"lesson:{lesson.id}",
                    text.title,
                    details,
                    icon=lesson_picture(lesson),
                )
            )
        return out

    def on_button(self, key: str) -> None:
        """Start the lesson in classroom mode (asking "Carry on?" if it was left part-way)."""
        lesson = self.app.pack.by_id(key.split(":", 1)[1]) if key.startswith("lesson:") else None
        if lesson:
            open_lesson(
                self.app,
                lesson,
                "classroom",
                self,
                lambda session: start_classroom(self.app, lesson, session),
            )

    def resume(self, result: Any = None) -> None:
        """Back from a class lesson: return to the normal text size."""
        if self.app.text_size_override == CLASSROOM_TEXT_SIZE:
            self.app.text_size_override = None
            self.app.refresh_layout()
        super().resume(result)


def start_classroom(app, lesson: Lesson, session: LessonSession | None = None) -> None:
    """Play *lesson* for a class: big text, pause points, nothing recorded.

    *session* carries on a class lesson left part-way (None: from the beginning).
    """
    from game.scenes.step_base import scene_for

    app.text_size_override = CLASSROOM_TEXT_SIZE
    app.refresh_layout()
    app.push(scene_for(app, lesson, session or LessonSession(lesson, mode="classroom")))
