"""The grown-up gate: a sum a young child cannot answer by tapping around.

Nothing secret is stored: each visit asks a new multiplication (6-9 times 13-19),
typed on a keypad or the keyboard. Three wrong answers close the gate; after
:data:`MAX_FAILURES` wrong answers it stays shut until the game restarts, so a
burst of random taps cannot get through by luck.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.layout import grid, split
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App

TRIES_PER_VISIT = 3
MAX_FAILURES = 6
MAX_DIGITS = 3
DIGIT_KEYS = {getattr(pygame, f"K_{d}"): str(d) for d in range(10)} | {
    getattr(pygame, f"K_KP{d}"): str(d) for d in range(10)
}


class GateScene(Scene):
    """Ask a grown-up question; on the right answer, replace the gate with the next screen."""

    def __init__(
        self,
        app: App,
        opens: Callable[[App], Scene],
        rng: random.Random | None = None,
    ) -> None:  # noqa: D107
        super().__init__(app)
        self.opens = opens
        self.rng = rng or random.SystemRandom()
        self.entry = ""
        self.tries = 0
        self.wrong = False
        self.a, self.b = self._question()

    def _question(self) -> tuple[int, int]:
        return self.rng.randint(6, 9), self.rng.randint(13, 19)

    @property
    def locked(self) -> bool:
        """True after too many wrong answers in this run of the game."""
        return self.app.gate_failures >= MAX_FAILURES

    def title(self) -> str:
        """Header title."""
        return self._("For grown-ups")

    def build(self) -> None:
        """The question on the left; a big keypad on the right.

        With large text the question goes on top and the keypad under it, across the
        window (the page scrolls if need be).
        """
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        self.text_area, pad_area = split(area, 0.5, 2 * m.pad)
        self.extent = self.text_area.top + self._text_height(self.text_area.width)
        if self.locked:
            return
        keys = [str(d) for d in range(1, 10)] + ["clear", "0", "ok"]
        for key in keys:
            if key == "clear":
                label, style = self._("Clear"), "quiet"
            elif key == "ok":
                label, style = self._("OK"), "primary"
            else:
                label, style = self.app.tr.number(int(key)), "choice"
            rect = pygame.Rect(0, 0, (pad_area.width - 2 * m.pad) // 3, 1)
            self.buttons.append(Button(f"key:{key}", label, rect, style, text_size=m.font(30)))
        needed = max(b.needed_height(self.app.text, m) for b in self.buttons)
        widest = max(self._label_width(b) for b in self.buttons)
        cell_h = min(m.button_h + m.px(8), (pad_area.height - 3 * m.pad) // 4)
        for button in self.buttons:
            button.rect.height = cell_h
        fits = all(b.label_fits(self.app.text, m) for b in self.buttons)
        if not fits or widest > (pad_area.width - 2 * m.pad) // 3:
            # Large text: the question across the top, the keypad under it.
            self.text_area = pygame.Rect(area.left, area.top, area.width, 0)
            self.text_area.height = self._text_height(area.width)
            top = self.text_area.bottom + m.pad
            pad_area = pygame.Rect(area.left, top, area.width, max(0, area.bottom - top))
            cell_h = max(cell_h, needed)
        rects = grid(pad_area, len(keys), 3, cell_h, m.pad, center=cell_h * 4 <= pad_area.height)
        for button, rect in zip(self.buttons, rects, strict=True):
            if m.rtl:  # the screen mirrors afterwards; a keypad keeps 1-2-3 left to right
                rect.x = pad_area.left + pad_area.right - rect.right
            button.rect = rect
        self.extent = max(self.extent, self.text_area.top + self._text_height(self.text_area.width))

    def _label_width(self, button: Button) -> int:
        """How wide *button* must be to show its label on one line."""
        m = self.m
        label = self.app.text.render(button.label, button.text_size or m.body, theme.INK, bold=True)
        return label.get_width() + 2 * m.pad

    def on_button(self, key: str) -> None:
        """Type a digit, clear, or check the answer."""
        if not key.startswith("key:"):
            return
        value = key.split(":", 1)[1]
        if value == "clear":
            self.entry = ""
        elif value == "ok":
            self.check()
            return
        elif len(self.entry) < MAX_DIGITS:
            self.entry += value
        self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        """Enter checks a typed answer; everything else as on any screen."""
        enter = (pygame.K_RETURN, pygame.K_KP_ENTER)
        if event.type == pygame.KEYDOWN and event.key in enter and self.entry:
            self.check()
            self.dirty = True
            return
        super().handle(event)

    def on_key(self, event: pygame.event.Event) -> None:
        """Digits type and Backspace deletes."""
        if self.locked:
            return
        if event.key in DIGIT_KEYS and len(self.entry) < MAX_DIGITS:
            self.entry += DIGIT_KEYS[event.key]
            self.dirty = True
        elif event.key == pygame.K_BACKSPACE:
            self.entry = self.entry[:-1]
            self.dirty = True

    def check(self) -> None:
        """Open the grown-up screens on the right answer; else a new question, or close."""
        if not self.entry:
            return
        if int(self.entry) == self.a * self.b:
            self.app.replace(self.opens(self.app))
            return
        self.app.gate_failures += 1
        self.tries += 1
        self.entry = ""
        if self.tries >= TRIES_PER_VISIT or self.locked:
            self.app.pop()
            return
        self.wrong = True
        self.a, self.b = self._question()
        self.relayout()

    def _lines(self, width: int) -> list[pygame.Surface]:
        """The explanation and the question (or the note that the gate is locked)."""
        m = self.m
        lines: list[tuple[str, int, tuple[int, int, int], bool]] = [
            (self._("This part is for teachers and parents."), m.body, theme.INK, True)
        ]
        if self.locked:
            lines.append(
                (
                    self._("Too many wrong answers. Restart Signal Scouts to try again."),
                    m.body,
                    theme.INK_SOFT,
                    False,
                )
            )
        else:
            question = self._("What is {a} × {b}?").format(
                a=self.app.tr.number(self.a), b=self.app.tr.number(self.b)
            )
            lines.append((question, m.font(40), theme.PRIMARY_DARK, True))
            if self.wrong:
                retry = self._("Not quite. Here is a new one.")
                lines.append((retry, m.small, theme.INK_SOFT, False))
        return [
            self.app.text.render(line, size, colour, width, bold=bold)
            for line, size, colour, bold in lines
        ]

    def _text_height(self, width: int) -> int:
        """How tall the explanation, question and answer box are in a column *width* wide."""
        m = self.m
        height = sum(label.get_height() + m.pad for label in self._lines(width))
        if not self.locked:
            height += m.pad + self._box_height()
        return height

    def _box_height(self) -> int:
        """The answer box: room for three digits at full size."""
        m = self.m
        digits = self.app.text.render(self.app.tr.number(888), m.font(40), theme.INK, bold=True)
        return max(m.button_h, digits.get_height() + m.px(16)) + m.px(10)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The explanation, the question and what has been typed so far."""
        m = self.m
        text = self.app.text
        area = self.text_area
        width = area.width
        y = area.top
        for label in self._lines(width):
            surface.blit(label, self.start_pos(area, label, y))
            y += label.get_height() + m.pad
        if self.locked:
            return
        box = pygame.Rect(area.left, y + m.pad, min(width, m.px(260)), self._box_height())
        if m.rtl:
            box.right = area.right
        draw.card(surface, box, theme.WHITE, m.radius, border=theme.PRIMARY)
        shown = self.app.tr.number(int(self.entry)) if self.entry else ""
        typed = text.render(shown or "_", m.font(40), theme.INK, bold=True)
        surface.blit(typed, typed.get_rect(center=box.center))
