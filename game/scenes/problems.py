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

    def draw_content(self, surface: pygame.Surface) -> None:
        """The problems, in a card, as many as fit."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        draw.card(surface, area, theme.WHITE, m.radius, shadow=m.px(4))
        inner = area.inflate(-2 * m.pad, -2 * m.pad)
        y = inner.top
        intro = self.app.text.render(
            self._(
                "The other lessons still work. A grown-up can fix these files, or run "
                "'signal-scouts lint' to check them."
            ),
            m.small,
            theme.INK_SOFT,
            inner.width,
        )
        surface.blit(intro, (inner.left, y))
        y += intro.get_height() + m.pad
        for failure in self.app.pack.failures:
            for problem in failure.problems:
                line = self.app.text.render(str(problem), m.font(18), theme.INK, inner.width)
                if y + line.get_height() > inner.bottom:
                    return
                surface.blit(line, (inner.left, y))
                y += line.get_height() + m.px(8)
