"""Teacher mode: every lesson, turned on or off for this device, and previewed step by step."""

from __future__ import annotations

import pygame

from game.content.model import Lesson
from game.helplines import ADULT
from game.printing import guidance
from game.printing.lesson_text import LessonText
from game.scenes.lessons import BAND_ORDER, lesson_picture
from game.scenes.list_base import Item, ListScene
from game.scenes.managed import mark_locked
from game.ui.widgets import Button


def teaching_order(lessons: list[Lesson]) -> list[Lesson]:
    """Lessons from the youngest age group to the oldest, in series order."""
    return sorted(
        lessons,
        key=lambda x: (BAND_ORDER.index(x.grade_band), x.session_of or (0, 0), x.id),
    )


class TeacherLessonsScene(ListScene):
    """All lessons, with their age group and whether children can see them."""

    help_for = ADULT

    def title(self) -> str:
        """Header title."""
        return self._("Lessons")

    def intro(self) -> str:
        """How the list works."""
        return self._("Choose a lesson to preview its steps or to turn it on or off.")

    def items(self) -> list[Item]:
        """One item per lesson."""
        off = set(self.app.profile.settings.disabled_lessons)
        out = []
        for lesson in teaching_order(self.app.pack.lessons):
            text = LessonText(lesson, self.app.tr)
            state = self._("Off for children") if lesson.id in off else self._("On for children")
            if self.app.managed.lesson_locked(lesson.id):
                state = self._("Off: set by your school")
            out.append(
                Item(
                    f"lesson:{lesson.id}",
                    text.title,
                    f"{text.ages} - {state}",
                    "quiet" if lesson.id in off else "choice",
                    icon=lesson_picture(lesson),
                )
            )
        return out

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """What the lessons on this device teach, as a table."""
        return [Button("coverage", self._("What these lessons teach"), area, "secondary")]

    def on_button(self, key: str) -> None:
        """Open the lesson's steps, or the table of what the lessons teach."""
        if key == "coverage":
            from game.scenes.coverage import CoverageScene

            self.app.push(CoverageScene(self.app))
            return
        lesson = self.app.pack.by_id(key.split(":", 1)[1]) if key.startswith("lesson:") else None
        if lesson:
            self.app.push(LessonStepsScene(self.app, lesson))


class LessonStepsScene(ListScene):
    """One lesson: its on/off switch and every step, each opening a preview."""

    help_for = ADULT

    min_cell = 84

    def __init__(self, app, lesson: Lesson) -> None:  # noqa: D107
        super().__init__(app)
        self.lesson = lesson
        self.text = LessonText(lesson, app.tr, app.local_help())

    def title(self) -> str:
        """The lesson title."""
        return self.text.title

    def intro(self) -> str:
        """What a preview is."""
        return self._("Press a step to preview it. Previews do not change any badges.")

    @property
    def enabled(self) -> bool:
        """True when children on this device can play the lesson."""
        return self.lesson.id not in self.app.profile.settings.disabled_lessons

    def items(self) -> list[Item]:
        """Every step, in file order, named by its kind and first words."""
        return step_items(self.app, self.lesson, self.text)

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """The on/off switch."""
        label = self._("On for children") if self.enabled else self._("Off for children")
        button = Button("toggle", label, area, "action" if self.enabled else "quiet")
        if self.app.managed.lesson_locked(self.lesson.id):
            mark_locked(button, self._)
        return [button]

    def on_button(self, key: str) -> None:
        """Switch the lesson on or off, or preview a step."""
        settings = self.app.profile.settings
        if key == "toggle" and self.app.managed.lesson_locked(self.lesson.id):
            return  # the school's managed settings keep this lesson off
        if key == "toggle":
            if self.enabled:
                settings.disabled_lessons = sorted({*settings.disabled_lessons, self.lesson.id})
            else:
                settings.disabled_lessons = [
                    x for x in settings.disabled_lessons if x != self.lesson.id
                ]
            self.app.profile.save_settings()
            self.relayout()
            self.focus_on("toggle")
        elif key.startswith("step:"):
            from game.scenes.step_base import scene_for
            from game.session import LessonSession

            session = LessonSession(self.lesson, step_id=key.split(":", 1)[1], mode="preview")
            self.app.push(scene_for(self.app, self.lesson, session))


def step_items(app, lesson: Lesson, text: LessonText, current: str | None = None) -> list[Item]:
    """One item per step, in file order: "3. Chat" and the step's first words.

    The *current* step (where a class lesson is) is marked.
    """
    out = []
    for number, step in enumerate(lesson.steps, 1):
        kind = app.tr._(guidance.STEP_KINDS[step.type])
        out.append(
            Item(
                f"step:{step.id}",
                app.tr._("{n}. {kind}").format(n=app.tr.number(number), kind=kind),
                text.excerpt(step, 70),
                "selected" if step.id == current else "choice",
            )
        )
    return out
