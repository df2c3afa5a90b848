"""Pictures for learning-check answers, drawn in code (lessons name them, never a file).

Each picture backs up the words of an answer read aloud to a young child: a present, a
padlock for a secret, a speech bubble for telling, a grown-up with a child, a stop hand
and a tablet. Every answer also has its words, so no picture carries meaning alone.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.ui import theme
from game.ui.pictures import draw_figure

Point = tuple[int, int]


def _gift(surface: pygame.Surface, center: Point, size: int) -> None:
    """A wrapped present with a ribbon and a bow."""
    cx, cy = center
    box = pygame.Rect(0, 0, round(size * 0.8), round(size * 0.6))
    box.midbottom = (cx, cy + size // 2)
    lid = pygame.Rect(0, 0, round(size * 0.9), round(size * 0.18))
    lid.midbottom = (cx, box.top + 2)
    ribbon = max(3, size // 9)
    pygame.draw.rect(surface, (230, 90, 110), box, border_radius=max(2, size // 20))
    pygame.draw.rect(surface, (240, 120, 140), lid, border_radius=max(2, size // 20))
    pygame.draw.rect(
        surface, theme.ACCENT, (cx - ribbon // 2, lid.top, ribbon, box.bottom - lid.top)
    )
    pygame.draw.rect(
        surface, theme.ACCENT, (box.left, box.centery - ribbon // 2, box.width, ribbon)
    )
    loop = round(size * 0.17)
    for side in (-1, 1):
        bow = pygame.Rect(0, 0, loop * 2, loop + 2)
        bow.midbottom = (cx + side * loop, lid.top + 2)
        pygame.draw.ellipse(surface, theme.ACCENT, bow, max(2, size // 16))
    for rect in (box, lid):
        pygame.draw.rect(
            surface, theme.INK, rect, max(1, size // 40), border_radius=max(2, size // 20)
        )


def _padlock(surface: pygame.Surface, center: Point, size: int) -> None:
    """A closed padlock: something locked away and kept secret."""
    cx, cy = center
    body = pygame.Rect(0, 0, round(size * 0.7), round(size * 0.52))
    body.midbottom = (cx, cy + size // 2)
    arc = pygame.Rect(0, 0, round(size * 0.48), round(size * 0.62))
    arc.midtop = (cx, cy - size // 2)
    pygame.draw.arc(surface, theme.INK_SOFT, arc, 0, math.pi, max(4, size // 9))
    for side in (-1, 1):
        x = cx + side * (arc.width // 2 - max(4, size // 9) // 2)
        pygame.draw.line(
            surface, theme.INK_SOFT, (x, arc.centery), (x, body.top + 2), max(4, size // 9)
        )
    pygame.draw.rect(surface, theme.ACCENT, body, border_radius=max(3, size // 12))
    pygame.draw.rect(surface, theme.INK, body, max(1, size // 40), border_radius=max(3, size // 12))
    hole = (cx, body.centery - size // 20)
    pygame.draw.circle(surface, theme.INK, hole, max(2, size // 14))
    pygame.draw.rect(
        surface, theme.INK, (cx - max(1, size // 30), hole[1], max(2, size // 15), size // 7)
    )


def _speech(surface: pygame.Surface, center: Point, size: int) -> None:
    """A speech bubble with three dots: telling someone."""
    cx, cy = center
    bubble = pygame.Rect(0, 0, round(size * 0.95), round(size * 0.66))
    bubble.midtop = (cx, cy - size // 2)
    tail = [
        (bubble.left + bubble.width // 4, bubble.bottom - 4),
        (bubble.left + bubble.width // 6, cy + size // 2),
        (bubble.left + bubble.width // 2, bubble.bottom - 4),
    ]
    pygame.draw.polygon(surface, theme.WHITE, tail)
    pygame.draw.lines(surface, theme.INK, False, tail, max(2, size // 28))
    pygame.draw.ellipse(surface, theme.WHITE, bubble)
    pygame.draw.ellipse(surface, theme.INK, bubble, max(2, size // 28))
    for i in (-1, 0, 1):
        pygame.draw.circle(
            surface, theme.PRIMARY, (cx + i * size // 5, bubble.centery), max(2, size // 14)
        )


def _grown_up(surface: pygame.Surface, center: Point, size: int) -> None:
    """A grown-up standing beside a child."""
    cx, cy = center
    foot = cy + size // 2
    draw_figure(surface, (cx - size // 6, foot), round(size * 1.05), "teacher")
    draw_figure(surface, (cx + size // 4, foot), round(size * 0.82), "kai")


def _stop(surface: pygame.Surface, center: Point, size: int) -> None:
    """A stop sign with a raised hand."""
    cx, cy = center
    r = size / 2
    corners = [
        (
            cx + r * math.cos(math.pi / 8 + i * math.pi / 4),
            cy + r * math.sin(math.pi / 8 + i * math.pi / 4),
        )
        for i in range(8)
    ]
    pygame.draw.polygon(surface, theme.FLAG, corners)
    pygame.draw.polygon(surface, theme.INK, corners, max(1, size // 40))
    palm = pygame.Rect(0, 0, round(size * 0.36), round(size * 0.3))
    palm.midtop = (cx, cy - size // 20)
    finger_w = max(3, round(size * 0.08))
    for i in range(4):
        x = palm.left + round(i * (palm.width - finger_w) / 3)
        top = cy - round(size * (0.3 if i in (1, 2) else 0.25))
        pygame.draw.rect(
            surface,
            theme.WHITE,
            (x, top, finger_w, palm.top - top + 4),
            border_radius=finger_w // 2,
        )
    pygame.draw.rect(surface, theme.WHITE, palm, border_radius=max(2, size // 12))
    thumb = [
        (palm.left + 2, palm.top + palm.height // 3),
        (palm.left - size // 9, palm.top - size // 30),
    ]
    pygame.draw.line(surface, theme.WHITE, thumb[0], thumb[1], finger_w)


def _tablet(surface: pygame.Surface, center: Point, size: int) -> None:
    """A tablet with its screen on: carrying on playing."""
    body = pygame.Rect(0, 0, round(size * 0.9), round(size * 0.66))
    body.center = center
    pygame.draw.rect(surface, (40, 44, 60), body, border_radius=max(4, size // 10))
    screen = body.inflate(-size // 7, -size // 7)
    pygame.draw.rect(surface, (150, 220, 255), screen, border_radius=max(3, size // 16))
    for i, color in enumerate(((255, 214, 92), (130, 200, 110))):
        blob = pygame.Rect(0, 0, screen.width // 3, screen.height // 3)
        blob.center = (screen.left + screen.width * (1 + 2 * i) // 4, screen.centery)
        pygame.draw.ellipse(surface, color, blob)


PictureFn = Callable[[pygame.Surface, Point, int], None]

#: Every picture a learning-check answer can name (model.CheckPicture).
PICTURES: dict[str, PictureFn] = {
    "gift": _gift,
    "secret": _padlock,
    "tell": _speech,
    "grown_up": _grown_up,
    "stop": _stop,
    "tablet": _tablet,
}


def draw_answer_picture(surface: pygame.Surface, center: Point, size: int, name: str) -> None:
    """Draw the answer picture *name* in a square *size* pixels wide around *center*."""
    PICTURES[name](surface, center, size)
