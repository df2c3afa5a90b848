"""Scout's expressions: happy, thinking, concerned and proud, drawn over the usual Scout.

The guide's face follows the moment (see ``mood_for`` in the screens that show Scout):
thinking while the child chooses, concerned (kind and caring, never cross) after a
risky pick, proud after a great pick and at the end of a mission, happy otherwise.
Every mood keeps Scout's look (blue head, antenna): only the eyes, brows and mouth change.
"""

from __future__ import annotations

import math

import pygame

from game.ui import draw, theme

#: The moods Scout can show.
MOODS = ("happy", "thinking", "concerned", "proud")
#: Scout's head colour (the face is painted over with it before a mood's features).
HEAD = (52, 100, 220)


def scout(surface: pygame.Surface, center: tuple[int, int], size: int, mood: str = "happy") -> None:
    """Scout at *center*, *size* pixels across, showing *mood* (unknown moods: happy)."""
    draw.avatar(surface, center, size, "scout")
    if mood not in MOODS or mood == "happy":
        return
    cx, cy = center
    r = size // 2 - max(2, size // 12)
    eye_r = max(2, r // 7)
    eye_y = cy - r * 0.15
    line = max(2, size // 24)
    for side in (-1, 1):  # the eyes and the smile are drawn again for the mood
        pygame.draw.circle(surface, HEAD, (cx + side * r * 0.36, eye_y), eye_r * 2 + 2)
    mouth = pygame.Rect(0, 0, r * 0.95, r * 0.6)
    mouth.center = (cx, cy + r * 0.32)
    pygame.draw.ellipse(surface, HEAD, mouth)
    if mood == "thinking":
        _thinking(surface, cx, cy, r, eye_r, eye_y, line)
    elif mood == "concerned":
        _concerned(surface, cx, cy, r, eye_r, eye_y, line)
    else:
        _proud(surface, cx, cy, r, eye_r, eye_y, line)


def _eyes(
    surface: pygame.Surface,
    cx: float,
    r: float,
    eye_r: int,
    eye_y: float,
    look: tuple[float, float],
) -> None:
    """Two ringed eyes whose pupils look towards *look* (a fraction of the ring)."""
    for side in (-1, 1):
        ex = cx + side * r * 0.36
        pygame.draw.circle(surface, theme.WHITE, (ex, eye_y), eye_r * 2)
        pupil = (ex + look[0] * eye_r, eye_y + look[1] * eye_r)
        pygame.draw.circle(surface, theme.INK, pupil, eye_r)


def _thinking(
    surface: pygame.Surface, cx: float, cy: float, r: float, eye_r: int, eye_y: float, line: int
) -> None:
    """Eyes looking up to one side, one brow raised, a small sideways mouth, three dots."""
    _eyes(surface, cx, r, eye_r, eye_y, (0.6, -0.7))
    brow_y = eye_y - eye_r * 3
    pygame.draw.line(
        surface,
        theme.WHITE,
        (cx + r * 0.18, brow_y - r * 0.08),
        (cx + r * 0.55, brow_y - r * 0.16),
        line,
    )
    pygame.draw.line(
        surface, theme.WHITE, (cx - r * 0.16, cy + r * 0.42), (cx + r * 0.16, cy + r * 0.36), line
    )
    for dot in range(3):
        pygame.draw.circle(
            surface,
            theme.ACCENT,
            (cx + r * (0.75 + dot * 0.22), cy - r * (0.95 + dot * 0.15)),
            max(2, r // 10),
        )


def _concerned(
    surface: pygame.Surface, cx: float, cy: float, r: float, eye_r: int, eye_y: float, line: int
) -> None:
    """Caring, not cross: brows lifted in the middle, soft eyes, a small gentle mouth."""
    _eyes(surface, cx, r, eye_r, eye_y, (0.0, 0.2))
    brow_y = eye_y - eye_r * 3
    for side in (-1, 1):
        inner = (cx + side * r * 0.18, brow_y - r * 0.1)
        outer = (cx + side * r * 0.55, brow_y + r * 0.04)
        pygame.draw.line(surface, theme.WHITE, inner, outer, line)
    mouth = pygame.Rect(0, 0, r * 0.62, r * 0.2)
    mouth.center = (cx, cy + r * 0.45)
    pygame.draw.arc(surface, theme.WHITE, mouth, 0.1 * math.pi, 0.9 * math.pi, line)


def _proud(
    surface: pygame.Surface, cx: float, cy: float, r: float, eye_r: int, eye_y: float, line: int
) -> None:
    """Eyes closed in a grin, a wide open smile and a small star beside the head."""
    for side in (-1, 1):
        eye = pygame.Rect(0, 0, eye_r * 3.4, eye_r * 3)
        eye.center = (cx + side * r * 0.36, eye_y + eye_r * 0.6)
        pygame.draw.arc(surface, theme.WHITE, eye, 0.1 * math.pi, 0.9 * math.pi, line)
    smile = pygame.Rect(0, 0, r * 0.84, r * 0.56)
    smile.midtop = (cx, cy + r * 0.08)
    pygame.draw.ellipse(surface, theme.WHITE, smile)
    cover = smile.move(0, -smile.height // 2)
    pygame.draw.rect(surface, HEAD, cover)
    star_c = (cx + r * 1.05, cy - r * 0.85)
    points = [
        (
            star_c[0]
            + math.cos(math.pi / 2 + i * math.pi / 5) * (r * 0.28 if i % 2 == 0 else r * 0.12),
            star_c[1]
            - math.sin(math.pi / 2 + i * math.pi / 5) * (r * 0.28 if i % 2 == 0 else r * 0.12),
        )
        for i in range(10)
    ]
    pygame.draw.polygon(surface, theme.ACCENT, points)
