"""A short question over the screen below: 'Leave this mission?', 'Carry on?'.

The screen below stays visible, dimmed. The first answer is the safe one and has the
focus, and Escape gives the *cancel* answer, so a stray key never throws anything away.
The chosen answer's key is handed back to the screen below (None for no answer).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line

#: How dark the veil over the screen below is (0-255).
VEIL_ALPHA = 150


class AskScene(Scene):
    """A question with a few answers, drawn as a card over the dimmed screen below."""

    has_back = False
    has_help = False

    def __init__(
        self,
        app: App,
        question: str,
        note: str,
        options: list[tuple[str, str]],
        *,
        cancel: str | None,
        behind: Scene | None = None,
    ) -> None:
        """*options* are (key, label) pairs, safest first; Escape answers *cancel*."""
        super().__init__(app)
        self.question = question
        self.note = note
        self.options = options
        self.cancel = cancel
        self.behind = behind
        self.card = pygame.Rect(0, 0, 0, 0)

    # -- layout ----------------------------------------------------------------
    def _text(self, width: int) -> tuple[pygame.Surface, pygame.Surface | None]:
        m = self.m
        question = self.app.text.render(
            self.question, m.font(36), theme.INK, width, bold=True, align="center"
        )
        note = (
            self.app.text.render(self.note, m.body, theme.INK_SOFT, width, align="center")
            if self.note
            else None
        )
        return question, note

    def build(self) -> None:
        """The card, centred, with the answers stacked under the question."""
        m = self.m
        width = min(m.px(680), m.width - 4 * m.pad)
        inner = width - 2 * m.pad
        question, note = self._text(inner)
        avatar = m.px(84)
        text_h = question.get_height() + (note.get_height() + m.px(10) if note else 0)
        gap = m.px(14)
        for index, (key, label) in enumerate(self.options):
            rect = pygame.Rect(self.card.left + m.pad, 0, inner, m.button_h)
            button = Button(key, label, rect, "primary" if index == 0 else "secondary")
            rect.height = max(m.button_h, button.needed_height(self.app.text, m))
            self.buttons.append(button)
        buttons_h = sum(b.rect.height for b in self.buttons) + (len(self.buttons) - 1) * gap
        height = 2 * m.pad + avatar + m.px(12) + text_h + m.pad + buttons_h
        self.card = pygame.Rect(0, 0, width, height)
        self.card.center = (m.width // 2, m.height // 2)
        if height > m.height - 2 * m.pad:  # large text: the card runs down the page (it scrolls)
            self.card.top = self.header_height() + m.pad
            self.extent = self.card.bottom
        y = self.card.bottom - m.pad - buttons_h
        for button in self.buttons:
            button.rect.topleft = (self.card.left + m.pad, y)
            y += button.rect.height + gap

    def narration_body(self) -> list[Line]:
        """The question, its note, then the answers in order."""
        lines = [self.say.said(self.question)]
        if self.note:
            lines.append(self.say.said(self.note))
        return lines + [self.say.said(label, key=key) for key, label in self.options]

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Hand the answer to the screen below."""
        self.app.pop(key)

    def on_key(self, event: pygame.event.Event) -> None:
        """Escape answers the safe way (or not at all)."""
        if event.key == pygame.K_ESCAPE:
            self.app.sound.play("tap")
            self.app.pop(self.cancel)

    # -- drawing ---------------------------------------------------------------
    def draw_header(self, surface: pygame.Surface) -> None:
        """No header of its own over another screen (that screen's header shows, dimmed)."""
        if self.behind is None:
            super().draw_header(surface)

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The screen below, dimmed, then the card with Scout and the question."""
        m = self.m
        if self.behind is not None:
            self.behind.draw(surface)
            self.behind.release()  # it keeps no copy of itself while hidden
            veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            veil.fill((*theme.INK, VEIL_ALPHA))
            surface.blit(veil, (0, 0))
        draw.card(surface, self.card, theme.WHITE, m.radius, border=theme.PRIMARY, shadow=m.px(6))
        avatar = m.px(84)
        center = (self.card.centerx, self.card.top + m.pad + avatar // 2)
        draw.avatar(surface, center, avatar, "scout")
        question, note = self._text(self.card.width - 2 * m.pad)
        y = self.card.top + m.pad + avatar + m.px(12)
        surface.blit(question, question.get_rect(midtop=(self.card.centerx, y)))
        if note:
            y += question.get_height() + m.px(10)
            surface.blit(note, note.get_rect(midtop=(self.card.centerx, y)))
