"""Small shapes of movement for per-item feedback: a pop, a bump, a flight along an arc.

These are curves and drawing helpers only: the timing always comes from a
:class:`~game.ui.motion.Tween` (``app.motion.tween``), so reduced motion finishes every
animation before it starts and a press finishes it at once. A screen reads how far its
tween is (``tween.progress() * total_ms``) and asks :func:`phase` how far each part is.
"""

from __future__ import annotations

import math

import pygame

from game.ui.flow import IconPainter


def phase(elapsed_ms: float, start_ms: float, ms: float) -> float:
    """How far (0.0 to 1.0) a part that starts at *start_ms* and lasts *ms* is at *elapsed_ms*."""
    if ms <= 0:
        return 1.0 if elapsed_ms >= start_ms else 0.0
    return min(1.0, max(0.0, (elapsed_ms - start_ms) / ms))


def pop(t: float) -> float:
    """A scale that grows from nothing to a little over full size, then settles at 1.0."""
    if t <= 0.0:
        return 0.0
    if t >= 1.0:
        return 1.0
    lift = 1.7  # how far past full size it springs (an ease-out "back" curve)
    u = t - 1.0
    return 1.0 + (lift + 1.0) * u**3 + lift * u**2


def bump(t: float, amount: float = 0.06) -> float:
    """A scale that swells by *amount* and comes back: 1.0 at the start and the end."""
    if t <= 0.0 or t >= 1.0:
        return 1.0
    return 1.0 + amount * math.sin(math.pi * t)


def along_arc(
    start: tuple[float, float], end: tuple[float, float], t: float, lift: float
) -> tuple[int, int]:
    """The point *t* of the way from *start* to *end* (gently in and out), *lift* px up midway."""
    t = min(1.0, max(0.0, t))
    e = t * t * (3.0 - 2.0 * t)
    x = start[0] + (end[0] - start[0]) * e
    y = start[1] + (end[1] - start[1]) * e - lift * math.sin(math.pi * e)
    return round(x), round(y)


def zoom(surface: pygame.Surface, rect: pygame.Rect, scale: float) -> None:
    """Swell what is drawn in *rect* of *surface* about its centre by *scale* (a bump).

    Drawn in place over what was there: call it after the thing itself is drawn.
    """
    if abs(scale - 1.0) < 0.005:
        return
    area = rect.clip(surface.get_rect())
    if area.width < 2 or area.height < 2:
        return
    size = (max(1, round(area.width * scale)), max(1, round(area.height * scale)))
    grown = pygame.transform.smoothscale(surface.subsurface(area).copy(), size)
    surface.blit(grown, grown.get_rect(center=area.center))


def scaled_icon(icon: IconPainter, scale: float) -> IconPainter:
    """*icon* drawn at *scale* of the size it is given (nothing while it is too small)."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        shown = round(size * scale)
        if shown >= 2:
            icon(surface, center, shown)

    return paint
