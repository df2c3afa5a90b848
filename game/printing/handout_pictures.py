"""The game's own story pictures, drawn off-screen as greyscale PNGs for picture cards.

The pictures are the same code-drawn scenes the game shows (:mod:`game.ui.pictures`);
they are converted to grey so they print the same on a black-and-white printer.
pygame is imported only when a picture is asked for.
"""

from __future__ import annotations

import io
from functools import lru_cache

from game.content.model import StoryStep

SIZE = (720, 480)


def story_picture(step: StoryStep) -> bytes:
    """A greyscale PNG of *step*'s picture (its place, characters and tablet)."""
    return _picture(step.picture, tuple(step.characters), step.device)


@lru_cache(maxsize=64)
def _picture(place: str, characters: tuple[str, ...], device: bool) -> bytes:
    import pygame
    from PIL import Image

    from game.ui.pictures import draw_picture

    surface = pygame.Surface(SIZE)
    surface.fill((255, 255, 255))
    draw_picture(surface, surface.get_rect(), place, list(characters), radius=0, device=device)
    image = Image.frombytes("RGB", SIZE, pygame.image.tobytes(surface, "RGB")).convert("L")
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
