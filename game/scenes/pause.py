"""A classroom pause point: the plan's discussion questions, big, for the whole class."""

from __future__ import annotations

import pygame

from game.content.model import Lesson
from game.printing.lesson_text import LessonText
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.flow import Block, draw_blocks, fit, height_of
from game.ui.widgets import Button


class PauseScene(Scene):
    """Questions to discuss; the teacher can reveal a model answer, then goes on."""

    def __init__(self, app, lesson: Lesson, step_id: str) -> None:  # noqa: D107
        super().__init__(app)
        self.lesson = lesson
        self.questions = [q for q in lesson.discussion_questions if q.pause_after == step_id]
        self.text = LessonText(lesson, app.tr, app.local_help())
        self.showing: set[int] = set()

    def help_audience(self) -> str | None:
        """The lesson's own age group (a class lesson may not be the settings' group)."""
        return self.lesson.grade_band

    def title(self) -> str:
        """Header title."""
        return self._("Pause point: let's talk")

    def build(self) -> None:
        """A card for the questions; answer buttons and Continue underneath.

        The card grows to hold the questions at full size (the page then scrolls).
        """
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        buttons = []
        for index in range(len(self.questions)):
            label = (
                self._("Hide the model answer")
                if index in self.showing
                else self._("Show the model answer")
            )
            if len(self.questions) > 1:
                label = f"{self.app.tr.number(index + 1)}. {label}"
            rect = pygame.Rect(area.left, 0, area.width // 2, m.button_h)
            buttons.append(Button(f"answer:{index}", label, rect, "secondary"))
        go = pygame.Rect(area.right - area.width // 3, 0, area.width // 3, m.button_h)
        buttons.append(Button("continue", self._("Continue"), go, "primary"))
        for button in buttons:
            button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
        below = sum(b.rect.height + m.pad for b in buttons)
        self.card = pygame.Rect(area.left, area.top, area.width, area.height - below)
        inner_w = self.card.width - 3 * m.pad
        needed = height_of(self._blocks(inner_w, 1.0)) + 3 * m.pad
        self.card.height = max(self.card.height, needed)
        y = self.card.bottom + m.pad
        for button in buttons:
            button.rect.top = y
            y += button.rect.height + m.pad
        self.buttons = buttons
        self.focus = len(self.buttons) - 1

    def on_button(self, key: str) -> None:
        """Reveal or hide an answer, or go back to the lesson."""
        if key == "continue":
            self.app.pop()
        elif key.startswith("answer:"):
            index = int(key.split(":", 1)[1])
            self.showing ^= {index}
            self.relayout()
            self.focus_on(key)

    def _blocks(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        owner = "discussion_questions"
        blocks = []
        for index, q in enumerate(self.questions):
            words = self.text(owner, q.question)
            if len(self.questions) > 1:
                words = f"{self.app.tr.number(index + 1)}. {words}"
            blocks.append(
                Block(
                    text.render(words, round(m.font(40) * scale), theme.INK, width, bold=True),
                    gap_before=m.pad if index else 0,
                )
            )
            if index in self.showing:
                answer = self._("Model answer: {answer}").format(
                    answer=self.text(owner, q.model_answer)
                )
                blocks.append(
                    Block(
                        text.render(answer, round(m.font(28) * scale), theme.PRIMARY_DARK, width),
                        gap_before=m.px(8),
                    )
                )
        return blocks

    def draw_content(self, surface: pygame.Surface) -> None:
        """The questions in a big card."""
        m = self.m
        draw.card(surface, self.card, theme.SCOUT_BG, m.radius, shadow=m.px(4))
        inner = self.card.inflate(-3 * m.pad, -3 * m.pad)
        blocks = fit(lambda scale: self._blocks(inner.width, scale), inner.height)
        draw_blocks(surface, blocks, inner.left, inner.top, inner.width, m.rtl)
