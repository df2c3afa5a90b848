"""Text that flows down a card and shrinks, if it must, until it fits.

Screens describe a card's content as :class:`Block` objects built for a given
scale; :func:`fit` picks the largest scale whose blocks fit the card, so long
translations and the largest text size never spill out of their box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import draw
from game.ui.theme import Color, Metrics

IconPainter = Callable[[pygame.Surface, tuple[int, int], int], None]
SCALES = (1.0, 0.92, 0.84, 0.76, 0.68, 0.6, 0.52, 0.45)
#: Set to a list by tests to collect content that did not fit even at the smallest scale.
overflow_log: list[int] | None = None


@dataclass
class Block:
    """One piece of a card: a rendered surface, an optional icon to its left, spacing above."""

    surface: pygame.Surface
    gap_before: int = 0
    indent: int = 0
    icon: IconPainter | None = None
    icon_size: int = 0


def height_of(blocks: list[Block]) -> int:
    """Total height of *blocks* stacked top to bottom."""
    return sum(b.gap_before + max(b.surface.get_height(), b.icon_size) for b in blocks)


def fit(build: Callable[[float], list[Block]], max_height: int) -> list[Block]:
    """Blocks from *build* at the largest scale that fits *max_height* (the smallest if none)."""
    blocks: list[Block] = []
    for scale in SCALES:
        blocks = build(scale)
        if height_of(blocks) <= max_height:
            break
    else:
        if overflow_log is not None:
            overflow_log.append(height_of(blocks) - max_height)
    return blocks


def draw_blocks(
    surface: pygame.Surface,
    blocks: list[Block],
    left: int,
    top: int,
    width: int = 0,
    rtl: bool = False,
) -> int:
    """Draw *blocks* from (*left*, *top*); return the y below the last one.

    With *rtl*, lines start at the right edge of the *width* column and icons sit on
    the right.
    """
    y = top
    right = left + width
    for block in blocks:
        y += block.gap_before
        if block.icon:
            x = right - block.icon_size // 2 if rtl else left + block.icon_size // 2
            center = (x, y + min(block.icon_size, block.surface.get_height()) // 2)
            block.icon(surface, center, block.icon_size)
        x = right - block.indent - block.surface.get_width() if rtl else left + block.indent
        surface.blit(block.surface, (x, y))
        y += max(block.surface.get_height(), block.icon_size)
    return y


CardBuilder = Callable[[int, float], list[Block]]


def card_row(
    surface: pygame.Surface,
    area: pygame.Rect,
    m: Metrics,
    cards: list[tuple[float, Color, CardBuilder]],
) -> None:
    """Cards side by side across *area*: (share of width, fill, builder(width, scale)) each."""
    left = area.left
    for index, (share, fill, build) in enumerate(cards):
        last = index == len(cards) - 1
        width = area.right - left if last else round(area.width * share)
        card = pygame.Rect(left, area.top, width, area.height)
        if m.rtl:  # the first card goes on the right
            card.x = area.right - (left - area.left) - width
        draw.card(surface, card, fill, m.radius, shadow=m.px(4))
        inner = card.inflate(-2 * m.pad, -2 * m.pad)
        blocks = fit(lambda scale, b=build, w=inner.width: b(w, scale), inner.height)
        draw_blocks(surface, blocks, inner.left, inner.top, inner.width, m.rtl)
        left += width + m.pad
