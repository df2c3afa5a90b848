"""The extra touches that make each avatar kind its own: manes, stripes, masks, beaks...

``draw.avatar`` paints the shared round face; these functions add what tells one animal
from another at a glance (a shape, not only a colour), so no two characters look alike.
"""

from __future__ import annotations

import math

import pygame

from game.ui import theme
from game.ui.theme import Color

#: Kinds whose eyes get a white ring (they sit on a dark patch or are big and round).
RINGED_EYES = frozenset(
    {"owl", "robot", "frog", "scout", "raccoon", "penguin", "sheep", "chick", "koala"}
)
#: Kinds with their own nose or beak instead of the small round nose and smile.
OWN_NOSE = frozenset({"pig", "cow", "penguin", "chick", "koala", "dog", "mouse"})

_DARK = (40, 40, 48)


def behind(surface: pygame.Surface, kind: str, cx: float, cy: float, r: float) -> None:
    """What sits behind the head: a lion's mane, wool, spikes, a horn, a crest."""
    if kind == "lion":
        for i in range(12):
            a = i * math.pi / 6
            pygame.draw.circle(
                surface,
                (196, 112, 40),
                (cx + r * 1.0 * math.cos(a), cy + r * 1.0 * math.sin(a)),
                r * 0.42,
            )
    elif kind == "sheep":
        for i in range(9):
            a = math.pi + i * math.pi / 8
            pygame.draw.circle(
                surface,
                (250, 250, 244),
                (cx + r * 0.95 * math.cos(a), cy + r * 0.9 * math.sin(a)),
                r * 0.4,
            )
            pygame.draw.circle(
                surface,
                theme.INK_SOFT,
                (cx + r * 0.95 * math.cos(a), cy + r * 0.9 * math.sin(a)),
                r * 0.4,
                1,
            )
    elif kind == "hedgehog":
        for i in range(9):
            a = math.pi * (0.95 + i * 1.1 / 8)
            tip = (cx + r * 1.32 * math.cos(a), cy + r * 1.32 * math.sin(a))
            left = (cx + r * 0.8 * math.cos(a - 0.3), cy + r * 0.8 * math.sin(a - 0.3))
            right = (cx + r * 0.8 * math.cos(a + 0.3), cy + r * 0.8 * math.sin(a + 0.3))
            pygame.draw.polygon(surface, (112, 80, 58), [left, tip, right])
    elif kind == "unicorn":
        pygame.draw.polygon(
            surface,
            (240, 190, 50),
            [(cx - r * 0.2, cy - r * 0.8), (cx, cy - r * 1.6), (cx + r * 0.2, cy - r * 0.8)],
        )
        pygame.draw.line(
            surface, (190, 130, 20), (cx - r * 0.1, cy - r * 1.1), (cx + r * 0.1, cy - r * 1.2), 2
        )
    elif kind == "chick":
        for dx, tall in ((-0.2, 1.25), (0.0, 1.4), (0.2, 1.25)):
            pygame.draw.ellipse(
                surface,
                (250, 190, 40),
                pygame.Rect(cx + r * (dx - 0.09), cy - r * tall, r * 0.18, r * 0.5),
            )
    elif kind == "cow":
        for side in (-1, 1):
            pygame.draw.polygon(
                surface,
                (228, 214, 180),
                [
                    (cx + side * r * 0.35, cy - r * 0.75),
                    (cx + side * r * 0.8, cy - r * 1.3),
                    (cx + side * r * 0.65, cy - r * 0.6),
                ],
            )


def ears(surface: pygame.Surface, style: str, cx: float, cy: float, r: float, color: Color) -> bool:
    """The new ear styles (behind the head); False when *style* is not one of them."""
    if style == "big":  # a mouse's or koala's big round ears with a pale inside
        for side in (-1, 1):
            centre = (cx + side * r * 0.85, cy - r * 0.65)
            pygame.draw.circle(surface, color, centre, r * 0.55)
            pygame.draw.circle(surface, theme.INK, centre, r * 0.55, max(1, round(r / 20)))
    elif style == "side":  # a monkey's ears at the sides of the head
        for side in (-1, 1):
            centre = (cx + side * r * 1.0, cy - r * 0.05)
            pygame.draw.circle(surface, color, centre, r * 0.36)
            pygame.draw.circle(surface, (236, 204, 164), centre, r * 0.2)
    elif style in ("floppy", "none"):  # floppy ears are drawn over the head, in front()
        pass
    else:
        return False
    return True


def front(
    surface: pygame.Surface, kind: str, cx: float, cy: float, r: float, ear_color: Color
) -> None:
    """Marks on the face, drawn before the eyes: stripes, masks, patches, a pale face."""
    line = max(2, round(r / 9))
    if kind == "tiger":
        for dx in (-0.25, 0.0, 0.25):
            pygame.draw.line(
                surface, _DARK, (cx + r * dx, cy - r * 0.98), (cx + r * dx, cy - r * 0.6), line
            )
        for side in (-1, 1):
            for dy in (-0.05, 0.2):
                pygame.draw.line(
                    surface,
                    _DARK,
                    (cx + side * r * 0.98, cy + r * dy),
                    (cx + side * r * 0.7, cy + r * (dy + 0.06)),
                    line,
                )
    elif kind == "raccoon":
        mask = pygame.Rect(0, 0, r * 1.6, r * 0.5)
        mask.center = (round(cx), round(cy - r * 0.15))
        pygame.draw.ellipse(surface, _DARK, mask)
    elif kind == "cow":
        pygame.draw.ellipse(
            surface, _DARK, pygame.Rect(cx - r * 0.95, cy - r * 0.7, r * 0.6, r * 0.5)
        )
        pygame.draw.ellipse(
            surface, _DARK, pygame.Rect(cx + r * 0.35, cy - r * 0.95, r * 0.45, r * 0.4)
        )
    elif kind == "monkey":
        pale = (236, 204, 164)
        for side in (-1, 1):
            pygame.draw.circle(surface, pale, (cx + side * r * 0.3, cy - r * 0.15), r * 0.36)
        pygame.draw.ellipse(surface, pale, pygame.Rect(cx - r * 0.6, cy, r * 1.2, r * 0.75))
    elif kind == "penguin":
        for side in (-1, 1):
            pygame.draw.circle(
                surface, theme.WHITE, (cx + side * r * 0.32, cy - r * 0.05), r * 0.45
            )
        pygame.draw.ellipse(surface, theme.WHITE, pygame.Rect(cx - r * 0.7, cy, r * 1.4, r * 0.85))
    elif kind == "sheep":
        for side in (-1, 1):  # small ears pointing sideways
            ear = pygame.Rect(0, 0, r * 0.55, r * 0.28)
            ear.center = (round(cx + side * r * 0.95), round(cy - r * 0.25))
            pygame.draw.ellipse(surface, ear_color, ear)
    elif kind == "unicorn":
        for i, color in enumerate(((240, 120, 200), (150, 120, 240), (90, 190, 240))):
            pygame.draw.circle(
                surface, color, (cx + r * (0.35 + i * 0.2), cy - r * (0.8 - i * 0.28)), r * 0.2
            )
    elif kind == "dog":
        for side in (-1, 1):
            ear = pygame.Rect(0, 0, r * 0.5, r * 1.1)
            ear.center = (round(cx + side * r * 0.9), round(cy - r * 0.05))
            pygame.draw.ellipse(surface, ear_color, ear)
            pygame.draw.ellipse(surface, theme.INK, ear, max(1, round(r / 20)))
        spot = pygame.Rect(0, 0, r * 0.42, r * 0.42)
        spot.center = (round(cx - r * 0.35), round(cy - r * 0.6))
        pygame.draw.ellipse(surface, (170, 120, 70), spot)
    elif kind == "mouse":
        for side in (-1, 1):
            for dy in (-0.06, 0.1):
                pygame.draw.line(
                    surface,
                    theme.INK_SOFT,
                    (cx + side * r * 0.25, cy + r * 0.25),
                    (cx + side * r * 0.85, cy + r * (0.2 + dy)),
                    max(1, round(r / 18)),
                )


def nose(surface: pygame.Surface, kind: str, cx: float, cy: float, r: float) -> None:
    """A kind's own nose or beak, with a small smile where it has a mouth."""
    if kind in ("pig", "cow"):
        snout = pygame.Rect(0, 0, r * (0.7 if kind == "pig" else 0.95), r * 0.5)
        snout.center = (round(cx), round(cy + r * 0.42))
        pygame.draw.ellipse(surface, (240, 150, 170), snout)
        pygame.draw.ellipse(surface, theme.INK, snout, max(1, round(r / 16)))
        for side in (-1, 1):
            pygame.draw.circle(surface, theme.INK, (cx + side * r * 0.14, cy + r * 0.42), r * 0.07)
    elif kind in ("penguin", "chick"):
        pygame.draw.polygon(
            surface,
            (250, 150, 40),
            [(cx - r * 0.2, cy + r * 0.18), (cx + r * 0.2, cy + r * 0.18), (cx, cy + r * 0.5)],
        )
    else:  # koala, dog, mouse: a big dark (or pink) nose over a small smile
        big = {"koala": (0.38, 0.3), "dog": (0.3, 0.2), "mouse": (0.16, 0.12)}[kind]
        tip = pygame.Rect(0, 0, r * big[0], r * big[1])
        tip.center = (round(cx), round(cy + r * 0.22))
        pygame.draw.ellipse(surface, (240, 130, 160) if kind == "mouse" else _DARK, tip)
        smile = pygame.Rect(0, 0, r * 0.5, r * 0.3)
        smile.midtop = (round(cx), tip.bottom)
        pygame.draw.arc(surface, theme.INK, smile, math.pi, 2 * math.pi, max(1, round(r / 15)))
