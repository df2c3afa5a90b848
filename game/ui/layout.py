"""Tiny layout helpers: stack rectangles in a column or a grid inside an area."""

from __future__ import annotations

import pygame


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
