"""Tiny layout helpers: stack rectangles in a column or a grid inside an area, and buttons."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

#: A height for laying out on a page that scrolls: as tall as the content needs.
UNLIMITED = 1 << 20

if TYPE_CHECKING:
    from game.ui.text import TextCache
    from game.ui.theme import Metrics
    from game.ui.widgets import Button


def column(
    area: pygame.Rect, heights: list[int], gap: int, *, center: bool = True
) -> list[pygame.Rect]:
    """Rects of the given heights stacked top to bottom in *area* (centred vertically)."""
    total = sum(heights) + gap * max(0, len(heights) - 1)
    y = area.top + max(0, (area.height - total) // 2) if center else area.top
    rects = []
    for height in heights:
        rects.append(pygame.Rect(area.left, y, area.width, height))
        y += height + gap
    return rects


def grid(
    area: pygame.Rect, count: int, columns: int, cell_h: int, gap: int, *, center: bool = True
) -> list[pygame.Rect]:
    """*count* equal cells laid out in rows of *columns*, centred in *area*."""
    rows = max(1, -(-count // columns))
    cell_w = (area.width - gap * (columns - 1)) // columns
    total_h = rows * cell_h + (rows - 1) * gap
    top = area.top + max(0, (area.height - total_h) // 2) if center else area.top
    return [
        pygame.Rect(
            area.left + (i % columns) * (cell_w + gap),
            top + (i // columns) * (cell_h + gap),
            cell_w,
            cell_h,
        )
        for i in range(count)
    ]


def split(area: pygame.Rect, share: float, gap: int) -> tuple[pygame.Rect, pygame.Rect]:
    """Two columns across *area*: the first *share* of its width, then the rest after *gap*."""
    first = pygame.Rect(area.left, area.top, round(area.width * share), area.height)
    second = pygame.Rect(first.right + gap, area.top, area.right - first.right - gap, area.height)
    return first, second


def stack_buttons(
    buttons: list[Button],
    area: pygame.Rect,
    gap: int,
    text: TextCache,
    m: Metrics,
    *,
    max_width: int = 0,
    columns: int = 2,
) -> int:
    """Place *buttons* at their full text size in *area*; return the bottom of the last.

    One centred column (at most *max_width* wide) when it fits the height of *area*;
    else up to *columns* columns across *area* when they fit (no word cut in two);
    else one column across *area* from its top, running below it (the page then
    scrolls). Each button is as tall as :meth:`Button.needed_height` says for its
    width: nothing is shrunk.
    """
    if not buttons:
        return area.top
    width = min(max_width or area.width, area.width)
    for button in buttons:
        button.rect.width = width
    heights = [b.needed_height(text, m) for b in buttons]
    total = sum(heights) + gap * (len(heights) - 1)
    rects: list[pygame.Rect] = []
    if total <= area.height and all(b.fits_words(text, m) for b in buttons):
        left = area.left + (area.width - width) // 2
        rects = column(pygame.Rect(left, area.top, width, area.height), heights, gap)
    else:
        for count in range(columns, 1, -1):
            cell_w = (area.width - gap * (count - 1)) // count
            for button in buttons:
                button.rect.width = cell_w
            if not all(b.fits_words(text, m) for b in buttons):
                continue
            cell = max(b.needed_height(text, m) for b in buttons)
            rows = -(-len(buttons) // count)
            if rows * cell + (rows - 1) * gap <= area.height:
                rects = grid(area, len(buttons), count, cell, gap)
                break
    if not rects:
        for button in buttons:
            button.rect.width = area.width
        heights = [b.needed_height(text, m) for b in buttons]
        rects = column(area, heights, gap, center=False)
    for button, rect in zip(buttons, rects, strict=True):
        button.rect = rect
    return max(rect.bottom for rect in rects)


def grid_buttons(
    buttons: list[Button],
    area: pygame.Rect,
    columns: int,
    cell_h: int,
    gap: int,
    text: TextCache,
    m: Metrics,
    *,
    center: bool = True,
) -> int:
    """Place *buttons* in a grid of *columns*, cells *cell_h* tall; return the bottom.

    Text is never shrunk and no word is cut in two. When a label needs more room than
    a cell, fewer columns are tried (half as many, down to one); when none will do,
    the cells grow to the tallest label (the most columns whose words fit, if that grid
    fits the height of *area*), else the buttons go in one column across *area*, each
    as tall as it needs, running below *area* (the page scrolls).
    """
    if not buttons:
        return area.top
    counts = []
    count = columns
    while count >= 1:
        counts.append(count)
        count //= 2

    def widths(count: int) -> bool:
        """Give every button the width of a column of *count*; True if every word fits."""
        cell_w = (area.width - gap * (count - 1)) // count
        for button in buttons:
            button.rect.width = cell_w
        return all(b.fits_words(text, m) for b in buttons)

    def fit_cells(count: int) -> bool:
        """True when every label fits a cell of a grid of *count* columns, *cell_h* tall."""
        if not widths(count):
            return False
        for button in buttons:
            button.rect.height = cell_h
        return all(b.label_fits(text, m) for b in buttons)

    rects: list[pygame.Rect] = []
    for count in counts:
        if fit_cells(count):
            rows = -(-len(buttons) // count)
            fits = rows * cell_h + (rows - 1) * gap <= area.height
            rects = grid(area, len(buttons), count, cell_h, gap, center=center and fits)
            break
    else:
        for count in counts:
            if not widths(count):
                continue
            cell = max(b.needed_height(text, m) for b in buttons)
            rows = -(-len(buttons) // count)
            if rows * cell + (rows - 1) * gap <= area.height:
                rects = grid(area, len(buttons), count, cell, gap, center=center)
            break
    if not rects:
        for button in buttons:
            button.rect.width = area.width
        heights = [max(cell_h, b.needed_height(text, m)) for b in buttons]
        rects = column(area, heights, gap, center=False)
    for button, rect in zip(buttons, rects, strict=True):
        button.rect = rect
    return max(rect.bottom for rect in rects)
