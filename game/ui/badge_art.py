"""Badge pictures: one bold, drawn picture per response skill (R01-R18).

Each earned badge is a coloured medal with ribbon tails and a white picture of the skill
(a pause sign, a padlock, a phone...), clear at 64 px. A badge not earned yet is a dashed
ring around a faint outline of the same picture, so the two differ in shape, not only in
colour; the badges screen always writes the skill's name and "Earned" or "Not yet" too.
Pictures are rendered once per skill, size and palette (:func:`badge_surface`).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

import pygame

from game.ui import theme
from game.ui.theme import Color, Palette

Point = tuple[float, float]
#: Draws a picture in a box of side 1 scaled by *s* around *c*, in *fg* (lines *w* wide).
Painter = Callable[[pygame.Surface, Point, float, Color, int], None]

#: Medal colours, dark enough for a white picture on them (4.5:1 or more).
MEDAL_COLORS: dict[str, Color] = {
    "R01": (196, 60, 110),
    "R02": (40, 110, 190),
    "R03": (200, 52, 40),
    "R04": (100, 70, 170),
    "R05": (20, 120, 130),
    "R06": (40, 120, 70),
    "R07": (170, 60, 150),
    "R08": (150, 100, 20),
    "R09": (60, 80, 140),
    "R10": (180, 40, 60),
    "R11": (190, 80, 20),
    "R12": (30, 100, 160),
    "R13": (110, 80, 40),
    "R14": (200, 60, 90),
    "R15": (70, 100, 60),
    "R16": (20, 110, 110),
    "R17": (120, 60, 170),
    "R18": (180, 70, 120),
}


def _p(c: Point, s: float, x: float, y: float) -> Point:
    """A point at (*x*, *y*) in a unit box around *c* (-0.5..0.5 each way)."""
    return (c[0] + x * s, c[1] + y * s)


def _rect(c: Point, s: float, x: float, y: float, w: float, h: float) -> pygame.Rect:
    """A rect whose top-left is (*x*, *y*) and size (*w*, *h*) in the unit box."""
    left, top = _p(c, s, x, y)
    return pygame.Rect(round(left), round(top), round(w * s), round(h * s))


def _heart(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    for dx in (-0.17, 0.17):
        pygame.draw.circle(surface, fg, _p(c, s, dx, -0.12), s * 0.2)
    pygame.draw.polygon(
        surface, fg, [_p(c, s, -0.36, -0.06), _p(c, s, 0.36, -0.06), _p(c, s, 0, 0.36)]
    )


def _feeling(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R01: an exclamation mark sending out signal waves (the uh-oh feeling)."""
    pygame.draw.rect(surface, fg, _rect(c, s, -0.07, -0.36, 0.14, 0.4), border_radius=w)
    pygame.draw.circle(surface, fg, _p(c, s, 0, 0.21), s * 0.075)
    for r in (0.28, 0.44):
        box = pygame.Rect(0, 0, r * 2 * s, r * 2 * s)
        box.center = (round(c[0]), round(c[1]))
        pygame.draw.arc(surface, fg, box, -math.pi / 5, math.pi / 5, w)
        pygame.draw.arc(surface, fg, box, math.pi * 4 / 5, math.pi * 6 / 5, w)


def _pause(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R02: the pause sign."""
    for x in (-0.25, 0.07):
        pygame.draw.rect(surface, fg, _rect(c, s, x, -0.3, 0.18, 0.6), border_radius=w // 2)


def _hand(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R03: a raised hand saying stop."""
    pygame.draw.rect(surface, fg, _rect(c, s, -0.22, -0.08, 0.44, 0.42), border_radius=round(s / 8))
    for i, top in enumerate((-0.3, -0.38, -0.36, -0.28)):
        x = -0.22 + i * 0.115
        pygame.draw.rect(surface, fg, _rect(c, s, x, top, 0.095, 0.4), border_radius=round(s / 20))
    pygame.draw.polygon(
        surface,
        fg,
        [_p(c, s, -0.2, 0.02), _p(c, s, -0.38, -0.12), _p(c, s, -0.42, -0.04), _p(c, s, -0.2, 0.2)],
    )


def _lock(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R04: a padlock."""
    pygame.draw.rect(surface, fg, _rect(c, s, -0.3, -0.05, 0.6, 0.42), border_radius=round(s / 12))
    shackle = _rect(c, s, -0.19, -0.4, 0.38, 0.6)
    pygame.draw.ellipse(surface, fg, shackle, max(2, round(s * 0.09)))


def _magnifier(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R05: a magnifying glass (check first)."""
    pygame.draw.circle(surface, fg, _p(c, s, -0.08, -0.08), s * 0.24, max(2, round(s * 0.09)))
    pygame.draw.line(
        surface, fg, _p(c, s, 0.09, 0.09), _p(c, s, 0.34, 0.34), max(3, round(s * 0.13))
    )


def _bubble(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    pygame.draw.rect(surface, fg, _rect(c, s, -0.38, -0.32, 0.76, 0.5), border_radius=round(s / 7))
    pygame.draw.polygon(
        surface, fg, [_p(c, s, -0.2, 0.1), _p(c, s, 0.02, 0.1), _p(c, s, -0.24, 0.36)]
    )


def _safe_chat(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R06: a chat bubble with a tick (stay in the safe chat)."""
    _bubble(surface, c, s, fg, w)
    ink = MEDAL_COLORS["R06"]
    pygame.draw.lines(
        surface,
        ink if fg == theme.WHITE else theme.WHITE,
        False,
        [_p(c, s, -0.16, -0.08), _p(c, s, -0.04, 0.04), _p(c, s, 0.18, -0.18)],
        max(2, round(s * 0.08)),
    )


def _slash(surface: pygame.Surface, c: Point, s: float, fg: Color) -> None:
    """A 'no' ring with a bar across, over a picture."""
    width = max(2, round(s * 0.08))
    pygame.draw.circle(surface, fg, c, s * 0.45, width)
    pygame.draw.line(surface, fg, _p(c, s, -0.31, -0.31), _p(c, s, 0.31, 0.31), width)


def _no_camera(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R07: a camera crossed out (no pictures under pressure)."""
    pygame.draw.rect(
        surface, fg, _rect(c, s, -0.26, -0.14, 0.52, 0.34), border_radius=round(s / 14)
    )
    pygame.draw.rect(surface, fg, _rect(c, s, -0.1, -0.22, 0.2, 0.1))
    back = theme.WHITE if fg != theme.WHITE else MEDAL_COLORS["R07"]
    pygame.draw.circle(surface, back, _p(c, s, 0, 0.03), s * 0.1)
    _slash(surface, c, s, fg)


def _no_coin(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R08: a coin crossed out (don't pay)."""
    back = theme.WHITE if fg != theme.WHITE else MEDAL_COLORS["R08"]
    pygame.draw.circle(surface, fg, c, s * 0.25)
    pygame.draw.circle(surface, back, c, s * 0.17, max(1, round(s * 0.04)))
    _slash(surface, c, s, fg)


def _evidence(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R09: a phone inside screenshot corners (keep the evidence)."""
    phone = _rect(c, s, -0.17, -0.29, 0.34, 0.58)
    pygame.draw.rect(surface, fg, phone, max(2, round(s * 0.07)), round(s * 0.06))
    for y in (-0.17, -0.03, 0.11):  # lines of a saved chat
        pygame.draw.rect(surface, fg, _rect(c, s, -0.09, y, 0.18, 0.07))
    line = max(2, round(s * 0.06))
    for sx in (-1, 1):
        for sy in (-1, 1):
            corner = _p(c, s, sx * 0.38, sy * 0.38)
            pygame.draw.line(surface, fg, corner, _p(c, s, sx * 0.24, sy * 0.38), line)
            pygame.draw.line(surface, fg, corner, _p(c, s, sx * 0.38, sy * 0.24), line)


def _person(surface: pygame.Surface, c: Point, s: float, fg: Color, x: float, k: float) -> None:
    """A simple person (head and shoulders) centred at *x*, scaled by *k*."""
    pygame.draw.circle(surface, fg, _p(c, s, x, -0.16 * k), s * 0.13 * k)
    body = _rect(c, s, x - 0.2 * k, 0.02 * k, 0.4 * k, 0.3 * k)
    pygame.draw.ellipse(surface, fg, body)


def _block(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R10: a person behind a 'no entry' sign (block)."""
    _person(surface, c, s, fg, 0, 0.9)
    _slash(surface, c, s, fg)


def _report_flag(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R11: a flag raised on a pole (report)."""
    pygame.draw.line(
        surface, fg, _p(c, s, -0.24, -0.36), _p(c, s, -0.24, 0.38), max(2, round(s * 0.08))
    )
    pygame.draw.polygon(
        surface,
        fg,
        [_p(c, s, -0.22, -0.36), _p(c, s, 0.34, -0.22), _p(c, s, -0.22, 0.04)],
    )


def _tell(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R12: a child and a grown-up side by side (tell a trusted adult)."""
    _person(surface, c, s, fg, -0.18, 1.15)
    _person(surface, _p(c, s, 0, 0.08), s, fg, 0.22, 0.75)


def _clock(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R13: a clock (it is never too late)."""
    pygame.draw.circle(surface, fg, c, s * 0.36, max(2, round(s * 0.08)))
    line = max(2, round(s * 0.08))
    pygame.draw.line(surface, fg, c, _p(c, s, 0, -0.22), line)
    pygame.draw.line(surface, fg, c, _p(c, s, 0.16, 0.06), line)


def _shield_shape(c: Point, s: float) -> list[Point]:
    return [
        _p(c, s, -0.32, -0.32),
        _p(c, s, 0, -0.4),
        _p(c, s, 0.32, -0.32),
        _p(c, s, 0.28, 0.08),
        _p(c, s, 0, 0.4),
        _p(c, s, -0.28, 0.08),
    ]


def _not_your_fault(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R14: a big heart (not your fault: you are cared for)."""
    _heart(surface, _p(c, s, 0, 0.02), s * 1.15, fg, w)


def _take_down(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R15: a picture with an arrow taking it down."""
    frame = _rect(c, s, -0.36, -0.36, 0.48, 0.4)
    pygame.draw.rect(surface, fg, frame, max(2, round(s * 0.06)), 3)
    pygame.draw.polygon(
        surface, fg, [_p(c, s, -0.3, -0.02), _p(c, s, -0.16, -0.2), _p(c, s, -0.04, -0.02)]
    )
    pygame.draw.line(
        surface, fg, _p(c, s, 0.24, -0.1), _p(c, s, 0.24, 0.22), max(3, round(s * 0.1))
    )
    pygame.draw.polygon(
        surface, fg, [_p(c, s, 0.08, 0.16), _p(c, s, 0.4, 0.16), _p(c, s, 0.24, 0.38)]
    )


def _phone(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R16: a telephone handset (reach a helpline)."""
    width = max(4, round(s * 0.16))
    box = _rect(c, s, -0.34, -0.34, 0.68, 0.68)
    pygame.draw.arc(surface, fg, box, math.pi * 0.75, math.pi * 1.75, width)
    for x, y in ((-0.3, -0.14), (0.14, 0.3)):
        end = _rect(c, s, x - 0.1, y - 0.1, 0.2, 0.2)
        pygame.draw.ellipse(surface, fg, end)


def _upstander(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R17: a shield with a star (be an upstander)."""
    pygame.draw.polygon(surface, fg, _shield_shape(c, s))
    back = theme.WHITE if fg != theme.WHITE else MEDAL_COLORS["R17"]
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = 0.17 if i % 2 == 0 else 0.075
        points.append(_p(c, s, r * math.cos(angle), -0.02 + r * math.sin(angle)))
    pygame.draw.polygon(surface, back, points)


def _gift(surface: pygame.Surface, c: Point, s: float, fg: Color, w: int) -> None:
    """R18: a gift box (secrets versus surprises)."""
    back = theme.WHITE if fg != theme.WHITE else MEDAL_COLORS["R18"]
    pygame.draw.rect(surface, fg, _rect(c, s, -0.3, -0.1, 0.6, 0.44), border_radius=2)
    pygame.draw.rect(surface, fg, _rect(c, s, -0.36, -0.22, 0.72, 0.14), border_radius=2)
    pygame.draw.rect(surface, back, _rect(c, s, -0.04, -0.22, 0.08, 0.56))
    for side in (-1, 1):
        loop = _rect(c, s, -0.2 if side < 0 else 0.02, -0.38, 0.18, 0.16)
        pygame.draw.ellipse(surface, fg, loop, max(2, round(s * 0.05)))


PAINTERS: dict[str, Painter] = {
    "R01": _feeling,
    "R02": _pause,
    "R03": _hand,
    "R04": _lock,
    "R05": _magnifier,
    "R06": _safe_chat,
    "R07": _no_camera,
    "R08": _no_coin,
    "R09": _evidence,
    "R10": _block,
    "R11": _report_flag,
    "R12": _tell,
    "R13": _clock,
    "R14": _not_your_fault,
    "R15": _take_down,
    "R16": _phone,
    "R17": _upstander,
    "R18": _gift,
}


def draw_badge(surface: pygame.Surface, center: Point, size: int, code: str, earned: bool) -> None:
    """Draw skill *code*'s badge, *size* px across, centred on *center*.

    Earned: a coloured medal with ribbon tails and a white picture. Not yet: a dashed
    ring around a thin, faint copy of the picture (a shape change, not only colour).
    """
    paint = PAINTERS.get(code, _feeling)
    cx, cy = center
    r = size / 2
    if earned:
        medal = MEDAL_COLORS.get(code, theme.PRIMARY)
        for side in (-1, 1):  # ribbon tails below the medal
            pygame.draw.polygon(
                surface,
                theme.ACCENT,
                [
                    (cx + side * r * 0.2, cy + r * 0.4),
                    (cx + side * r * 0.62, cy + r * 0.4),
                    (cx + side * r * 0.56, cy + r),
                    (cx + side * r * 0.4, cy + r * 0.84),
                    (cx + side * r * 0.26, cy + r),
                ],
            )
        disc_r = r * 0.86
        pygame.draw.circle(surface, theme.ACCENT, (cx, cy - r * 0.1), disc_r)
        pygame.draw.circle(surface, medal, (cx, cy - r * 0.1), disc_r * 0.84)
        pygame.draw.circle(surface, theme.INK, (cx, cy - r * 0.1), disc_r, max(1, size // 32))
        paint(surface, (cx, cy - r * 0.1), disc_r * 1.3, theme.WHITE, max(2, size // 20))
        return
    ring = max(2, size // 22)
    dashes = 16
    box = pygame.Rect(0, 0, round(size * 0.9), round(size * 0.9))
    box.center = (round(cx), round(cy))
    for i in range(dashes):
        start = i * 2 * math.pi / dashes
        pygame.draw.arc(surface, theme.INK_SOFT, box, start, start + math.pi / dashes, ring)
    faint = theme.OUTLINE
    paint(surface, (cx, cy), size * 0.62, faint, max(1, size // 28))


@lru_cache(maxsize=256)
def badge_surface(code: str, size: int, earned: bool, palette: Palette) -> pygame.Surface:
    """Skill *code*'s badge as a transparent *size* x *size* surface, drawn once.

    *palette* is part of the cache key: the same badge in high contrast is drawn anew.
    """
    surface = pygame.Surface((size, size), pygame.SRCALPHA)
    draw_badge(surface, (size / 2, size / 2), size, code, earned)
    return surface
