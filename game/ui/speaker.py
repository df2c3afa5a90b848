"""The speaker button ("read it to me"): a drawn speaker, no words, no image file."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.ui.text import TextCache
from game.ui.theme import Color, Metrics
from game.ui.widgets import STYLES, Button, sink


def speaker(surface: pygame.Surface, center: tuple[int, int], size: int, ink: Color) -> None:
    """A speaker with two sound waves, *size* pixels across."""
    cx, cy = center
    unit = size / 10
    body = pygame.Rect(0, 0, round(unit * 2.2), round(unit * 3.2))
    body.midright = (round(cx - unit * 1.6), cy)
    pygame.draw.rect(surface, ink, body)
    cone = [
        (body.right - 1, body.top),
        (round(cx + unit * 0.6), round(cy - unit * 3.6)),
        (round(cx + unit * 0.6), round(cy + unit * 3.6)),
        (body.right - 1, body.bottom),
    ]
    pygame.draw.polygon(surface, ink, cone)
    width = max(2, round(unit * 0.7))
    for radius in (unit * 2.4, unit * 4.2):
        arc = pygame.Rect(0, 0, round(radius * 2), round(radius * 2))
        arc.center = (round(cx + unit * 0.2), cy)
        pygame.draw.arc(surface, ink, arc, -math.pi / 4, math.pi / 4, width)


@dataclass
class SpeakerButton(Button):
    """A square button showing only the speaker, centred (it is read as "Read to me")."""

    def draw(
        self,
        surface: pygame.Surface,
        text: TextCache,
        m: Metrics,
        focused: bool,
        *,
        pressed: bool = False,
    ) -> None:
        """The button's card and focus ring, then the speaker in the style's text colour."""
        super().draw(surface, text, m, focused, pressed=pressed)
        ink = STYLES[self.style][1]
        size = round(min(self.rect.width, self.rect.height) * 0.55)
        y = self.rect.centery + (sink(m) if pressed else 0)
        speaker(surface, (self.rect.centerx + size // 10, y), size, ink)
