"""Text that flows down a card, always at its full size.

Screens describe a card's content as :class:`Block` objects built for a given scale
(always 1.0 now: text is never shrunk to fit, whatever the text size or the length of a
translation). A card is made as tall as its blocks (:func:`height_of`) and the page
scrolls when that is taller than the window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import draw
from game.ui.theme import Color, Metrics

IconPainter = Callable[[pygame.Surface, tuple[int, int], int], None]
#: Cards side by side stay side by side (and grow taller) while each line holds at least
#: this many times the body text size: about 35 letters, comfortable to read.
READABLE = 18
#: Set to a list by tests to collect content taller than the room it was given.
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
    """Blocks from *build* at full size (scale 1.0), never shrunk.

    Blocks taller than *max_height* are noted in :data:`overflow_log` (for tests): the
    screen should have made the room taller, or let the page scroll.
    """
    blocks = build(1.0)
    if overflow_log is not None and height_of(blocks) > max_height:
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
    """Cards side by side across *area*: (share of width, fill, builder(width, scale)) each.

    When their text does not fit, they go one under another instead (:func:`card_places`;
    the screen gives the page room for them with :func:`cards_bottom`).
    """
    for rect, (_share, fill, build) in zip(card_places(area, m, cards), cards, strict=True):
        draw_card(surface, rect, m, fill, build)


def cards_bottom(
    area: pygame.Rect, m: Metrics, cards: list[tuple[float, Color, CardBuilder]]
) -> int:
    """The bottom of the cards :func:`card_row` draws in *area* (below it when they stack)."""
    return max(rect.bottom for rect in card_places(area, m, cards))


def card_height(m: Metrics, width: int, build: CardBuilder) -> int:
    """How tall a card *width* wide must be to hold what *build* makes, padding included."""
    return height_of(build(width - 2 * m.pad, 1.0)) + 2 * m.pad


def draw_card(
    surface: pygame.Surface, rect: pygame.Rect, m: Metrics, fill: Color, build: CardBuilder
) -> None:
    """One card at *rect* with what *build* makes in it, at full size."""
    draw.card(surface, rect, fill, m.radius, shadow=m.px(4))
    inner = rect.inflate(-2 * m.pad, -2 * m.pad)
    blocks = fit(lambda scale: build(inner.width, scale), inner.height)
    draw_blocks(surface, blocks, inner.left, inner.top, inner.width, m.rtl)


def card_places(
    area: pygame.Rect, m: Metrics, cards: list[tuple[float, Color, CardBuilder]]
) -> list[pygame.Rect]:
    """Where the cards of :func:`card_row` go so that all their text fits at full size.

    Side by side across *area* (each its share of the width, as tall as *area*) when
    every card's content fits. Otherwise still side by side, as tall as the tallest
    content, while every card keeps a comfortable line length (:data:`READABLE` times the
    body size); else one under another across the whole width, each as tall as its
    content (at least as tall as *area* when it is the only card). Cards taller than
    *area* run below it (the page scrolls).
    """
    rects = []
    left = area.left
    for index, (share, _fill, _build) in enumerate(cards):
        last = index == len(cards) - 1
        width = area.right - left if last else round(area.width * share)
        rect = pygame.Rect(left, area.top, width, area.height)
        if m.rtl:  # the first card goes on the right
            rect.x = area.right - (left - area.left) - width
        rects.append(rect)
        left += width + m.pad
    heights = [card_height(m, r.width, c[2]) for r, c in zip(rects, cards, strict=True)]
    if all(h <= r.height for h, r in zip(heights, rects, strict=True)):
        return rects
    if len(cards) > 1 and min(r.width for r in rects) - 2 * m.pad >= READABLE * m.body:
        for rect in rects:
            rect.height = max(heights)
        return rects
    y = area.top
    out = []
    for _share, _fill, build in cards:
        height = card_height(m, area.width, build)
        if len(cards) == 1:
            height = max(height, area.height)
        out.append(pygame.Rect(area.left, y, area.width, height))
        y += height + m.pad
    return out
