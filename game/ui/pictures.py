"""Picture-book illustrations drawn in code: a few places and a recurring cast.

Characters are friendly, simple figures; nobody is drawn as scary, and no picture
ever shows anything unsafe (safety-education.md §5.5 rule 2).
"""

from __future__ import annotations

import math

import pygame

from game.ui import draw
from game.ui.theme import Color

# place: (wall or sky, floor or ground, accent)
PLACES: dict[str, tuple[Color, Color, Color]] = {
    "bedroom": ((255, 232, 214), (196, 150, 110), (120, 170, 230)),
    "park": ((176, 222, 255), (130, 200, 110), (255, 214, 92)),
    "school": ((250, 244, 220), (190, 190, 200), (90, 140, 90)),
    "kitchen": ((226, 246, 236), (220, 200, 170), (250, 160, 120)),
    "bus": ((190, 226, 255), (120, 120, 130), (255, 196, 60)),
    "library": ((240, 228, 255), (170, 130, 100), (200, 90, 90)),
}

# character: (skin, hair, shirt, height factor, hair style)
CAST: dict[str, tuple[Color, Color, Color, float, str]] = {
    "kai": ((141, 93, 62), (40, 30, 30), (255, 150, 60), 0.72, "short"),
    "pip": ((236, 194, 160), (120, 70, 30), (80, 160, 230), 0.75, "spiky"),
    "lina": ((198, 140, 100), (30, 25, 25), (180, 100, 200), 0.74, "long"),
    "grandpa": ((230, 190, 160), (220, 220, 220), (110, 140, 110), 0.95, "bald"),
    "teacher": ((110, 75, 55), (30, 25, 25), (60, 120, 180), 1.0, "bun"),
    "mum": ((245, 205, 175), (150, 60, 40), (230, 90, 110), 0.98, "long"),
    "dad": ((176, 120, 86), (40, 30, 30), (70, 110, 90), 1.0, "short"),
    "scout": ((52, 100, 220), (52, 100, 220), (52, 100, 220), 0.6, "robot"),
}


def _scenery(surface: pygame.Surface, rect: pygame.Rect, place: str) -> None:
    wall, floor, accent = PLACES.get(place, PLACES["bedroom"])
    horizon = rect.top + round(rect.height * 0.68)
    pygame.draw.rect(surface, wall, (rect.left, rect.top, rect.width, horizon - rect.top))
    pygame.draw.rect(surface, floor, (rect.left, horizon, rect.width, rect.bottom - horizon))
    w, h = rect.width, rect.height
    if place == "park":
        pygame.draw.circle(
            surface, (255, 214, 92), (rect.right - w // 8, rect.top + h // 6), h // 10
        )
        for x in (rect.left + w // 10, rect.left + w // 4):
            pygame.draw.rect(
                surface, (130, 90, 60), (x - w // 80, horizon - h // 4, w // 40, h // 4)
            )
            pygame.draw.circle(surface, (80, 160, 80), (x, horizon - h // 4), h // 8)
    elif place == "school":
        board = pygame.Rect(rect.left + w // 3, rect.top + h // 8, w // 3, h // 4)
        pygame.draw.rect(surface, accent, board, border_radius=6)
        pygame.draw.rect(surface, (150, 110, 70), board, 6, border_radius=6)
    elif place == "kitchen":
        pygame.draw.rect(
            surface,
            (240, 240, 245),
            (rect.left + w // 12, horizon - h // 5, w // 3, h // 5),
            border_radius=6,
        )
        pygame.draw.circle(surface, accent, (rect.right - w // 6, rect.top + h // 4), h // 12)
    elif place == "bus":
        for i in range(4):
            window = pygame.Rect(
                rect.left + w // 16 + i * w // 4, rect.top + h // 8, w // 5, h // 4
            )
            pygame.draw.rect(surface, (230, 245, 255), window, border_radius=8)
            pygame.draw.rect(surface, accent, window, 5, border_radius=8)
    elif place == "library":
        for i in range(3):
            shelf = pygame.Rect(rect.left + w // 12 + i * w // 3, rect.top + h // 8, w // 4, h // 2)
            pygame.draw.rect(surface, (150, 110, 80), shelf, border_radius=4)
            for j in range(6):
                book = pygame.Rect(
                    shelf.left + 6 + j * (shelf.width - 12) // 6,
                    shelf.top + 8,
                    (shelf.width - 12) // 6 - 3,
                    shelf.height // 3,
                )
                pygame.draw.rect(surface, [accent, (90, 140, 200), (240, 200, 80)][j % 3], book)
    else:  # bedroom
        window = pygame.Rect(rect.left + w // 10, rect.top + h // 8, w // 5, h // 4)
        pygame.draw.rect(surface, (200, 230, 255), window, border_radius=6)
        pygame.draw.rect(surface, (255, 255, 255), window, 6, border_radius=6)
        bed = pygame.Rect(rect.right - w // 3, horizon - h // 7, w // 4, h // 7)
        pygame.draw.rect(surface, accent, bed, border_radius=10)


def _person(surface: pygame.Surface, foot: tuple[int, int], height: int, name: str) -> None:
    skin, hair, shirt, factor, style = CAST[name]
    if style == "robot":  # Scout floats beside the others, a head no wider than theirs
        size = round(height * factor * 0.75)
        draw.avatar(surface, (foot[0], foot[1] - height // 2), size, "scout")
        return
    h = round(height * factor)
    x, y = foot
    head_r = h // 7
    body = pygame.Rect(0, 0, round(h * 0.36), round(h * 0.42))
    body.midbottom = (x, y - round(h * 0.28))
    legs = pygame.Rect(0, 0, round(h * 0.26), round(h * 0.3))
    legs.midtop = (x, body.bottom - 4)
    pygame.draw.rect(surface, (60, 70, 110), legs, border_radius=6)
    pygame.draw.rect(surface, shirt, body, border_radius=max(6, h // 16))
    for side in (-1, 1):
        arm = pygame.Rect(0, 0, h // 12, round(h * 0.34))
        arm.midtop = (x + side * (body.width // 2 + h // 30), body.top + 6)
        pygame.draw.rect(surface, skin, arm, border_radius=h // 24)
    head = (x, body.top - head_r + 4)
    if style == "long":
        pygame.draw.ellipse(
            surface, hair, (head[0] - head_r * 1.2, head[1] - head_r, head_r * 2.4, head_r * 2.9)
        )
    pygame.draw.circle(surface, skin, head, head_r)
    if style in ("short", "long", "bun", "spiky"):
        pygame.draw.arc(
            surface,
            hair,
            (head[0] - head_r, head[1] - head_r, head_r * 2, head_r * 2),
            0,
            math.pi,
            max(4, head_r // 2),
        )
    if style == "bun":
        pygame.draw.circle(surface, hair, (head[0], head[1] - head_r), head_r // 2)
    if style == "spiky":
        for i in range(-2, 3):
            tip = (head[0] + i * head_r // 2, head[1] - head_r - head_r // 3)
            pygame.draw.polygon(
                surface,
                hair,
                [
                    (tip[0] - head_r // 4, head[1] - head_r + 4),
                    tip,
                    (tip[0] + head_r // 4, head[1] - head_r + 4),
                ],
            )
    eye = max(2, head_r // 6)
    for side in (-1, 1):
        pygame.draw.circle(
            surface, (30, 30, 40), (head[0] + side * head_r // 3, head[1] - head_r // 8), eye
        )
    smile = pygame.Rect(0, 0, head_r, head_r // 2)
    smile.center = (head[0], head[1] + head_r // 3)
    pygame.draw.arc(surface, (30, 30, 40), smile, math.pi, 2 * math.pi, max(2, head_r // 8))


#: A character's width (arms out, long hair) as a share of its drawn height.
WIDTH_SHARE = 0.52


def figure_width(name: str, height: int) -> int:
    """How wide a character of the cast is when drawn *height* pixels tall."""
    factor = CAST[name][3]
    if CAST[name][4] == "robot":
        return round(height * factor * 0.75)
    return round(height * factor * WIDTH_SHARE)


def figure_height(characters: list[str], width: int, height: int) -> int:
    """The tallest the cast can stand side by side in a picture *width* x *height*.

    Everyone fits across with a gap of at least a tenth of a figure between them, so no
    one covers another (the usual height is 62% of the picture).
    """
    tallest = round(height * 0.62)
    if not characters:
        return tallest
    across = sum(figure_width(name, 1000) for name in characters) / 1000
    gaps = 0.1 * (len(characters) + 1) * max(figure_width(n, 1000) for n in characters) / 1000
    return max(1, min(tallest, int(width / (across + gaps))))


def draw_figure(surface: pygame.Surface, foot: tuple[int, int], height: int, name: str) -> None:
    """One character of the cast standing with its feet at *foot*, *height* pixels tall."""
    _person(surface, foot, height, name)


def _tablet(surface: pygame.Surface, foot: tuple[int, int], height: int) -> None:
    """A tablet held in front of a character, its screen glowing."""
    w, h = round(height * 0.3), round(height * 0.22)
    body = pygame.Rect(0, 0, w, h)
    body.center = (foot[0], foot[1] - round(height * 0.5))
    pygame.draw.rect(surface, (40, 44, 60), body, border_radius=max(4, h // 8))
    pygame.draw.rect(
        surface, (150, 220, 255), body.inflate(-h // 5, -h // 5), border_radius=max(3, h // 10)
    )


def draw_picture(
    surface: pygame.Surface,
    rect: pygame.Rect,
    place: str,
    characters: list[str],
    radius: int = 16,
    device: bool = False,
) -> None:
    """A picture-book illustration of *place* with *characters* standing in it."""
    art = pygame.Surface(rect.size, pygame.SRCALPHA)
    local = art.get_rect()
    _scenery(art, local, place)
    height = figure_height(characters, local.width, local.height)
    widths = [figure_width(name, height) for name in characters]
    gap = (local.width - sum(widths)) / (len(characters) + 1)
    x = local.left + gap
    for index, name in enumerate(characters):
        foot = (round(x + widths[index] / 2), local.bottom - local.height // 12)
        x += widths[index] + gap
        _person(art, foot, height, name)
        if device and index == 0:
            _tablet(art, foot, round(height * CAST[name][3]))
    mask = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(mask, (255, 255, 255, 255), local, border_radius=radius)
    art.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MIN)
    surface.blit(art, rect)
