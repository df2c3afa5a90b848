"""For grown-ups: which lesson files could not be opened, and why."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme


class ProblemsScene(Scene):
    """Lists every problem as ``file:line:col: message`` (the same text as ``lint``)."""

    def title(self) -> str:
        """Header title."""
        return self._("Lesson files with problems")

    def _lines(self, width: int) -> list[tuple[pygame.Surface, int]]:
        """The note, then every problem, each with the gap above it."""
        m = self.m
        intro = self.app.text.render(
            self._(
                "The other lessons still work. A grown-up can fix these files, or run "
                "'signal-scouts lint' to check them."
            ),
            m.small,
            theme.INK_SOFT,
            width,
        )
        lines = [(intro, 0)]
        gap = m.pad
        for failure in self.app.pack.failures:
            for problem in failure.problems:
                line = self.app.text.render(str(problem), m.font(18), theme.INK, width)
                lines.append((line, gap))
                gap = m.px(8)
        return lines

    def build(self) -> None:
        """A card as tall as every problem needs (the page scrolls if it is taller)."""
        m = self.m
        self.card = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        width = self.card.width - 2 * m.pad
        needed = sum(line.get_height() + gap for line, gap in self._lines(width)) + 2 * m.pad
        self.card.height = max(self.card.height, needed)
        self.extent = self.card.bottom

    def draw_content(self, surface: pygame.Surface) -> None:
        """Every problem, in a card."""
        m = self.m
        draw.card(surface, self.card, theme.WHITE, m.radius, shadow=m.px(4))
        inner = self.card.inflate(-2 * m.pad, -2 * m.pad)
        y = inner.top
        for line, gap in self._lines(inner.width):
            y += gap
            surface.blit(line, self.start_pos(inner, line, y))
            y += line.get_height()
