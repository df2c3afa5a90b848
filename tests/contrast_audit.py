"""Measure, on a drawn screen, which text colour sits on which background, and under the ring.

:func:`text_on_backgrounds` draws the screen on top twice: once with every piece of text
drawn solid (no anti-aliasing, exactly its colour) and once with all text left out.
Where the two differ is text; the first drawing gives its colour and the second the
background under it. Backgrounds are named by the palette colour they match
(``None`` for anything else: a picture, the dimmed screen behind a question).

:func:`ring_backgrounds` draws the focus ring of each button into a mask and counts the
palette colours under it on the unfocused screen.

Both draw the whole page (every part of a page taller than the window) and the header.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import fields

import pygame

from game.app import App
from game.ui import draw, theme
from game.ui.widgets import Button

EXACT = (1, 1, 1, 255)


def palette_names() -> dict[tuple[int, int, int], str]:
    """Each colour of the palette in use, by value (the first field name that has it)."""
    names: dict[tuple[int, int, int], str] = {}
    for field in fields(theme.PALETTE):
        value = getattr(theme.PALETTE, field.name)
        if isinstance(value, tuple):
            names.setdefault(value, field.name)
    return names


def _solid(surface: pygame.Surface, color) -> pygame.Surface:
    mask = pygame.mask.from_surface(surface, 127)
    out = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
    return mask.to_surface(out, setcolor=(*color[:3], 255), unsetcolor=(0, 0, 0, 0))


def _drawings(app: App) -> list[pygame.Surface]:
    """The page (content and page buttons) and the header, as they are drawn now."""
    scene = app.scene
    scene.release()
    page = scene.draw_page(app.screen).copy()
    header = pygame.Surface((app.screen.get_width(), scene.header_height()))
    header.fill(theme.BG)
    scene.draw_header(header)
    for button in scene.header_buttons:
        button.draw(header, app.text, app.metrics, False)
    return [page, header]


def text_on_backgrounds(app: App) -> Counter:
    """Pixels of text per (text colour name, background name or None) on the screen on top."""
    render = app.text.render
    used: set[tuple[int, int, int]] = set()

    def solid(text, size, color, *args, **kwargs):
        used.add(tuple(color[:3]))
        return _solid(render(text, size, color, *args, **kwargs), color)

    def blank(text, size, color, *args, **kwargs):
        shown = render(text, size, color, *args, **kwargs)
        return pygame.Surface(shown.get_size(), pygame.SRCALPHA)

    Button.keep_drawings = False  # each drawing below draws every label afresh
    try:
        app.text.clear()
        app.text.render = solid  # type: ignore[method-assign]
        with_text = _drawings(app)
        app.text.clear()
        app.text.render = blank  # type: ignore[method-assign]
        without = _drawings(app)
    finally:
        app.text.render = render  # type: ignore[method-assign]
        Button.keep_drawings = True
        app.text.clear()
        app.scene.release()
        app.scene.dirty = True
    names = palette_names()
    counts: Counter = Counter()
    for a, b in zip(with_text, without, strict=True):
        differ = pygame.mask.from_threshold(a, (0, 0, 0, 255), EXACT, b)
        differ.invert()
        backgrounds = {c: pygame.mask.from_threshold(b, (*c, 255), EXACT) for c in names}
        for fg in used:
            text = pygame.mask.from_threshold(a, (*fg, 255), EXACT).overlap_mask(differ, (0, 0))
            left = text.count()
            for color, mask in backgrounds.items():
                n = text.overlap_area(mask, (0, 0))
                if n:
                    counts[(names.get(fg, str(fg)), names[color])] += n
                    left -= n
            if left:
                counts[(names.get(fg, str(fg)), None)] += left
    return counts


def ring_backgrounds(app: App) -> Counter:
    """Pixels of focus ring per background name (None: not a palette colour), every button."""
    scene = app.scene
    scene.release()
    focus = scene.focus
    scene.focus = -1
    try:
        page, header = _drawings(app)
    finally:
        scene.focus = focus
        scene.release()
        scene.dirty = True
    names = palette_names()
    m = app.metrics
    counts: Counter = Counter()
    for surface, buttons in ((page, scene.buttons), (header, scene.header_buttons)):
        backgrounds = {c: pygame.mask.from_threshold(surface, (*c, 255), EXACT) for c in names}
        for button in buttons:
            ring = pygame.Surface(surface.get_size())
            ring.fill((0, 0, 0))
            draw.focus_ring(ring, button.rect, m.radius, m.unit)
            mask = pygame.mask.from_threshold(ring, (*theme.FOCUS, 255), EXACT)
            left = mask.count()
            for color, under in backgrounds.items():
                n = mask.overlap_area(under, (0, 0))
                if n:
                    counts[names[color]] += n
                    left -= n
            if left:
                counts[None] += left
    return counts
