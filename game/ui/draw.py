"""Shapes drawn in code: cards, icons (flag, star, help...) and friendly avatars.

Drawing in code keeps the game crisp at every window size and free of image files
whose licence we would have to track.
"""

from __future__ import annotations

import math

import pygame

from game.ui import avatar_kinds, theme
from game.ui.theme import Color


def card(
    surface: pygame.Surface,
    rect: pygame.Rect,
    color: Color,
    radius: int,
    *,
    border: Color | None = None,
    shadow: int = 0,
) -> None:
    """A rounded card, optionally with a soft drop shadow and a border.

    In high contrast every card gets the palette's outline when it has no border of
    its own, and outlines are drawn bolder.
    """
    if shadow:
        pygame.draw.rect(surface, theme.SHADOW, rect.move(0, shadow), border_radius=radius)
    pygame.draw.rect(surface, color, rect, border_radius=radius)
    border = border or theme.EDGE
    if border:
        width = max(2, round(radius // 8 * theme.EDGE_SCALE))
        pygame.draw.rect(surface, border, rect, width=width, border_radius=radius)


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int, unit: float) -> None:
    """The keyboard focus ring: a thick orange outline with a white inner edge.

    Its colour reaches 3:1 against every background it is drawn on (a bolder ring in
    high contrast). It stays within the smallest gap between two buttons, so it never
    runs onto the next one.
    """
    gap = max(2, round(2.5 * unit))
    width = max(3, round(5 * unit * theme.EDGE_SCALE))
    outer = rect.inflate(gap * 2 + width * 2, gap * 2 + width * 2)
    pygame.draw.rect(surface, theme.FOCUS, outer, width=width, border_radius=radius + gap + width)
    pygame.draw.rect(
        surface,
        theme.WHITE,
        rect.inflate(gap * 2, gap * 2),
        width=max(2, gap // 2),
        border_radius=radius + gap,
    )


def flag(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A red-flag icon: a pole with a waving triangle."""
    cx, cy = center
    h = size
    pole_x = cx - h // 3
    pygame.draw.line(
        surface, theme.INK, (pole_x, cy - h // 2), (pole_x, cy + h // 2), max(2, h // 10)
    )
    pygame.draw.polygon(
        surface,
        color,
        [(pole_x, cy - h // 2), (cx + h // 2, cy - h // 4), (pole_x, cy + h // 12)],
    )


def star(
    surface: pygame.Surface,
    center: tuple[int, int],
    size: int,
    color: Color,
    outline: Color | None = None,
) -> None:
    """A five-point star."""
    cx, cy = center
    points = []
    for i in range(10):
        angle = -math.pi / 2 + i * math.pi / 5
        r = size / 2 if i % 2 == 0 else size / 4.6
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    pygame.draw.polygon(surface, color, points)
    if outline:
        pygame.draw.polygon(surface, outline, points, max(1, size // 14))


def check(surface: pygame.Surface, center: tuple[int, int], size: int, color: Color) -> None:
    """A tick mark."""
    cx, cy = center
    s = size / 2
    pygame.draw.lines(
        surface,
        color,
        False,
        [(cx - s * 0.8, cy), (cx - s * 0.2, cy + s * 0.6), (cx + s * 0.8, cy - s * 0.6)],
        max(3, size // 6),
    )


def bulb(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A light bulb: 'let's think again', never a red cross."""
    cx, cy = center
    r = size // 3
    pygame.draw.circle(surface, theme.ACCENT, (cx, cy - size // 8), r)
    base = pygame.Rect(0, 0, r, size // 4)
    base.midtop = (cx, cy - size // 8 + r - 2)
    pygame.draw.rect(surface, theme.INK_SOFT, base, border_radius=3)


def arrow(
    surface: pygame.Surface, center: tuple[int, int], size: int, color: Color, direction: int = 1
) -> None:
    """A chunky arrow pointing right (direction=1) or left (-1)."""
    cx, cy = center
    s = size / 2
    d = direction
    points = [
        (cx - d * s, cy - s * 0.3),
        (cx, cy - s * 0.3),
        (cx, cy - s * 0.8),
        (cx + d * s, cy),
        (cx, cy + s * 0.8),
        (cx, cy + s * 0.3),
        (cx - d * s, cy + s * 0.3),
    ]
    pygame.draw.polygon(surface, color, points)


def question(
    surface: pygame.Surface, center: tuple[int, int], size: int, text_surface: pygame.Surface
) -> None:
    """A help badge: a white circle with a question mark (pre-rendered glyph)."""
    pygame.draw.circle(surface, theme.WHITE, center, size // 2)
    surface.blit(text_surface, text_surface.get_rect(center=center))


def face(surface: pygame.Surface, center: tuple[int, int], size: int, mood: str) -> None:
    """A feelings face: 'good', 'unsure' or 'uhoh'."""
    cx, cy = center
    r = size // 2
    fill = {"good": (255, 214, 92), "unsure": (200, 220, 255), "uhoh": (255, 190, 160)}[mood]
    pygame.draw.circle(surface, fill, center, r)
    pygame.draw.circle(surface, theme.INK, center, r, max(2, size // 22))
    eye = max(2, size // 12)
    pygame.draw.circle(surface, theme.INK, (cx - r // 3, cy - r // 5), eye)
    pygame.draw.circle(surface, theme.INK, (cx + r // 3, cy - r // 5), eye)
    w = max(2, size // 18)
    mouth = pygame.Rect(0, 0, r, r // 2)
    if mood == "good":
        mouth.center = (cx, cy + r // 6)
        pygame.draw.arc(surface, theme.INK, mouth, math.pi, 2 * math.pi, w)
    elif mood == "unsure":
        pygame.draw.line(
            surface, theme.INK, (cx - r // 3, cy + r // 3), (cx + r // 3, cy + r // 4), w
        )
    else:
        mouth.center = (cx, cy + r // 2)
        pygame.draw.arc(surface, theme.INK, mouth, 0, math.pi, w)


def hidden_picture(surface: pygame.Surface, rect: pygame.Rect, unit: float) -> None:
    """The placeholder for a picture the game never shows: a grey tile with a crossed eye."""
    pygame.draw.rect(surface, (200, 205, 215), rect, border_radius=max(6, round(12 * unit)))
    cx, cy = rect.center
    w = rect.width // 5
    eye = pygame.Rect(0, 0, w, w // 2)
    eye.center = (cx, cy - rect.height // 8)
    pygame.draw.ellipse(surface, theme.INK_SOFT, eye, max(2, round(3 * unit)))
    pygame.draw.circle(surface, theme.INK_SOFT, eye.center, w // 8)
    pygame.draw.line(surface, theme.INK_SOFT, eye.bottomleft, eye.topright, max(2, round(4 * unit)))


# name: (head colour, ear style, ear colour, muzzle colour)
_AVATARS: dict[str, tuple[Color, str, Color, Color | None]] = {
    "fox": ((244, 140, 50), "pointy", (200, 96, 30), (255, 240, 225)),
    "owl": ((150, 112, 80), "tufts", (110, 80, 56), (240, 226, 200)),
    "cat": ((160, 160, 176), "pointy", (120, 120, 140), (236, 236, 244)),
    "bear": ((160, 110, 72), "round", (128, 84, 52), (226, 196, 160)),
    "bunny": ((238, 232, 240), "long", (250, 190, 210), None),
    "robot": ((150, 196, 220), "antenna", (90, 120, 160), None),
    "panda": ((250, 250, 250), "round", (40, 40, 48), None),
    "frog": ((110, 196, 96), "eyes", (110, 196, 96), None),
    "scout": ((52, 100, 220), "antenna", (255, 186, 52), None),
    # Contacts' own kinds (avatar_kinds adds the manes, stripes, beaks...).
    "tiger": ((250, 152, 46), "round", (226, 118, 30), (255, 244, 230)),
    "lion": ((244, 196, 96), "round", (214, 150, 60), (255, 236, 200)),
    "raccoon": ((156, 156, 168), "pointy", (96, 96, 108), (240, 240, 246)),
    "koala": ((176, 180, 192), "big", (176, 180, 192), None),
    "monkey": ((142, 92, 60), "side", (142, 92, 60), None),
    "penguin": ((44, 48, 62), "none", (44, 48, 62), None),
    "dog": ((226, 190, 130), "floppy", (140, 92, 56), (250, 236, 216)),
    "sheep": ((96, 84, 84), "none", (96, 84, 84), None),
    "unicorn": ((250, 244, 255), "pointy", (226, 206, 240), None),
    "mouse": ((196, 186, 180), "big", (250, 184, 196), None),
    "pig": ((250, 186, 198), "pointy", (236, 142, 166), None),
    "chick": ((255, 222, 70), "none", (255, 222, 70), None),
    "hedgehog": ((236, 206, 166), "none", (112, 80, 58), None),
    "cow": ((250, 250, 250), "round", (120, 96, 80), None),
}


def avatar(surface: pygame.Surface, center: tuple[int, int], size: int, kind: str) -> None:
    """A friendly round animal face (or Scout, the game's guide)."""
    head, ears, ear_color, muzzle = _AVATARS.get(kind, _AVATARS["fox"])
    cx, cy = center
    r = size // 2 - max(2, size // 12)
    avatar_kinds.behind(surface, kind, cx, cy, r)
    if avatar_kinds.ears(surface, ears, cx, cy, r, ear_color):
        pass
    elif ears == "pointy":
        for side in (-1, 1):
            pygame.draw.polygon(
                surface,
                ear_color,
                [
                    (cx + side * r * 0.95, cy - r * 0.25),
                    (cx + side * r * 0.75, cy - r * 1.25),
                    (cx + side * r * 0.15, cy - r * 0.8),
                ],
            )
    elif ears == "round":
        for side in (-1, 1):
            pygame.draw.circle(surface, ear_color, (cx + side * r * 0.72, cy - r * 0.72), r * 0.38)
    elif ears == "long":
        for side in (-1, 1):
            ear = pygame.Rect(0, 0, r * 0.5, r * 1.3)
            ear.midbottom = (cx + side * r * 0.4, cy - r * 0.5)
            pygame.draw.ellipse(surface, head, ear)
            pygame.draw.ellipse(surface, ear_color, ear.inflate(-ear.width // 2, -ear.height // 3))
    elif ears == "tufts":
        for side in (-1, 1):
            pygame.draw.polygon(
                surface,
                ear_color,
                [
                    (cx + side * r * 0.9, cy - r * 0.4),
                    (cx + side * r * 0.9, cy - r * 1.15),
                    (cx + side * r * 0.35, cy - r * 0.8),
                ],
            )
    elif ears == "antenna":
        pygame.draw.line(surface, theme.INK, (cx, cy - r), (cx, cy - r * 1.35), max(2, size // 20))
        pygame.draw.circle(surface, ear_color, (cx, cy - r * 1.4), max(3, r // 5))
    elif ears == "eyes":
        for side in (-1, 1):
            pygame.draw.circle(surface, head, (cx + side * r * 0.45, cy - r * 0.8), r * 0.38)
    pygame.draw.circle(surface, head, center, r)
    pygame.draw.circle(surface, theme.INK, center, r, max(2, size // 28))
    if muzzle:
        snout = pygame.Rect(0, 0, r * 1.1, r * 0.8)
        snout.center = (cx, cy + r * 0.35)
        pygame.draw.ellipse(surface, muzzle, snout)
    if kind == "panda":
        for side in (-1, 1):
            patch = pygame.Rect(0, 0, r * 0.55, r * 0.68)
            patch.center = (cx + side * r * 0.38, cy - r * 0.12)
            pygame.draw.ellipse(surface, (40, 40, 48), patch)
    avatar_kinds.front(surface, kind, cx, cy, r, ear_color)
    eye_r = max(2, r // 7)
    eye_y = cy - r * (0.75 if ears == "eyes" else 0.15)
    for side in (-1, 1):
        ex = cx + side * r * (0.45 if ears == "eyes" else 0.36)
        if kind in avatar_kinds.RINGED_EYES:
            pygame.draw.circle(surface, theme.WHITE, (ex, eye_y), eye_r * 2)
        pygame.draw.circle(surface, theme.INK, (ex, eye_y), eye_r)
    nose_y = cy + r * 0.22
    if kind in avatar_kinds.OWN_NOSE:
        avatar_kinds.nose(surface, kind, cx, cy, r)
    elif kind == "owl":
        pygame.draw.polygon(
            surface,
            theme.ACCENT,
            [
                (cx - r * 0.15, nose_y - r * 0.1),
                (cx + r * 0.15, nose_y - r * 0.1),
                (cx, nose_y + r * 0.2),
            ],
        )
    elif kind in ("robot", "scout"):
        smile = pygame.Rect(0, 0, r * 0.8, r * 0.5)
        smile.center = (cx, cy + r * 0.3)
        pygame.draw.arc(
            surface,
            theme.WHITE if kind == "scout" else theme.INK,
            smile,
            math.pi,
            2 * math.pi,
            max(2, size // 24),
        )
    else:
        pygame.draw.circle(surface, theme.INK, (cx, nose_y), max(2, r // 8))
        smile = pygame.Rect(0, 0, r * 0.5, r * 0.3)
        smile.midtop = (cx, nose_y)
        pygame.draw.arc(surface, theme.INK, smile, math.pi, 2 * math.pi, max(1, size // 30))


def signal_logo(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """The Signal Scouts badge: Scout with signal waves on both sides."""
    cx, cy = center
    for i, color in enumerate((theme.ACCENT, (255, 150, 90), theme.PRIMARY)):
        r = size * (0.62 + i * 0.16)
        box = pygame.Rect(0, 0, r * 2, r * 2)
        box.center = center
        width = max(3, size // 16)
        pygame.draw.arc(surface, color, box, -math.pi / 5, math.pi / 5, width)
        pygame.draw.arc(surface, color, box, math.pi - math.pi / 5, math.pi + math.pi / 5, width)
    avatar(surface, (cx, cy + size // 10), size, "scout")


def padlock(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A closed padlock: a setting the school locked (always shown with words too)."""
    cx, cy = center
    line = max(2, size // 9)
    body = pygame.Rect(0, 0, round(size * 0.72), round(size * 0.52))
    body.midbottom = (cx, cy + size // 2)
    shackle = pygame.Rect(0, 0, round(size * 0.48), round(size * 0.62))
    shackle.midtop = (cx, cy - size // 2)
    pygame.draw.ellipse(surface, theme.INK, shackle, line)
    pygame.draw.rect(surface, theme.INK, body, border_radius=max(2, size // 10))
    hole = max(2, size // 10)
    pygame.draw.circle(surface, theme.WHITE, (cx, body.centery - hole // 2), hole)
    pygame.draw.line(
        surface, theme.WHITE, (cx, body.centery), (cx, body.centery + hole * 2), max(2, hole)
    )
