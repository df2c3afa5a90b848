"""Checks that a screen's text is whole, unshrunk and never on top of anything else.

:func:`audit` draws the screen on top as one full page (the whole scrollable height)
onto a surface that records every blit, with the game's text cache, cards and flowing
text watched. It reports, in words, every place where:

- a piece of text runs off the page, or under the fixed header;
- two pieces of text overlap, or text sticks out of a card or a button it is drawn on;
- two buttons overlap, a button sticks out of the page, or a label is bigger than its
  button;
- flowing text was given less room than it needs (``flow.overflow_log``);
- a word is wider than the line it is wrapped to, so it gets cut in two;
- text is smaller than the smallest size of the design (``m.font(16)``): shrunk to fit;
- on request (``figures=True``), a drawn figure (an avatar, the logo, a character in a
  story picture) covers text or another figure (:func:`figure_overlaps`, by their pixels),
  and (``clearance``) two pieces of text come closer than that many pixels.

Text is never shrunk to fit any more (buttons, cards and titles draw at their full
size), so anything too big for its room shows up here as overflow or overlap.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

import pygame

from game.app import App
from game.ui import draw, flow, pictures, theme
from game.ui.text import LineRenderer, _tokens
from game.ui.widgets import Button

#: Pixels two rectangles may share before they count as overlapping (anti-aliased edges,
#: a descender touching the next line).
SLACK = 3


@dataclass
class Drawn:
    """One piece of text blitted onto the page."""

    text: str
    rect: pygame.Rect


@dataclass
class Figure:
    """One drawn figure: which, its pixels and where they are on the page."""

    name: str
    mask: pygame.mask.Mask
    rect: pygame.Rect


#: Pixels a figure may share with text or another figure (anti-aliased edges).
FIGURE_SLACK = 12

#: Figures drawn on a surface that is not the page yet (a story picture), by surface id:
#: they are moved onto the page when that surface is blitted onto it.
_pending: dict[int, list[Figure]] = {}
#: How many recorded figures are being drawn right now (one inside another is not noted).
_depth = [0]


class RecordingSurface(pygame.Surface):
    """A surface that remembers where each surface of *watched* was blitted."""

    def __init__(self, size: tuple[int, int], watched: dict[int, str]) -> None:
        super().__init__(size)
        self.watched = watched
        self.texts: list[Drawn] = []
        self.figures: list[Figure] = []

    def blit(self, source, dest, area=None, special_flags=0):  # type: ignore[override]
        """Blit as usual; note the rectangle when *source* is a piece of text."""
        rect = super().blit(source, dest, area, special_flags)
        if area is None and id(source) in _pending:
            x, y = pygame.Rect(dest).topleft if isinstance(dest, pygame.Rect) else dest[:2]
            for figure in _pending.pop(id(source)):
                self.figures.append(Figure(figure.name, figure.mask, figure.rect.move(x, y)))
        text = self.watched.get(id(source))
        if text is not None and area is None:
            # The letters themselves (a line box is taller than its letters), where they
            # were meant to go (before any clipping at the page's edge).
            x, y = pygame.Rect(dest).topleft if isinstance(dest, pygame.Rect) else dest[:2]
            self.texts.append(Drawn(text, source.get_bounding_rect().move(x, y)))
        return rect


#: Glyphs drawn inside icons (a choice's number, the help "?"), sized by their icon.
ICON_GLYPHS = set("?ABCD0123456789١٢٣٤٥٦٧٨٩٠")


def _figure_recorder(real, name_of):
    """*real* (a function drawing a figure on its first argument) that notes what it drew.

    Only the outermost figure is noted (the logo, not the avatar inside it).
    """
    depth = _depth

    def recording(surface: pygame.Surface, *args, **kwargs):
        if depth[0] or not isinstance(surface, pygame.Surface):
            return real(surface, *args, **kwargs)
        depth[0] += 1
        try:
            scratch = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            real(scratch, *args, **kwargs)
            box = scratch.get_bounding_rect()
            if box.width and box.height:
                mask = pygame.mask.from_surface(scratch.subsurface(box))
                figure = Figure(name_of(args), mask, box)
                if isinstance(surface, RecordingSurface):
                    surface.figures.append(figure)
                else:
                    _pending.setdefault(id(surface), []).append(figure)
            return real(surface, *args, **kwargs)
        finally:
            depth[0] -= 1

    return recording


def _third(args: tuple) -> str:
    """The kind of avatar or the character's name, given after the surface, place and size."""
    return str(args[2]) if len(args) > 2 else "?"


@contextmanager
def watching_figures() -> Iterator[None]:
    """Meanwhile, avatars, the logo and story characters note where they are drawn."""
    saved = draw.avatar, draw.signal_logo, pictures._person
    draw.avatar = _figure_recorder(saved[0], lambda args: f"avatar {_third(args)}")
    draw.signal_logo = _figure_recorder(saved[1], lambda args: "logo")
    pictures._person = _figure_recorder(saved[2], lambda args: f"figure {_third(args)}")
    try:
        yield
    finally:
        draw.avatar, draw.signal_logo, pictures._person = saved
        _pending.clear()


def figure_overlaps(texts: list[Drawn], figures: list[Figure]) -> list[str]:
    """Where a figure covers a piece of text or another figure, in words."""
    problems = []
    for i, figure in enumerate(figures):
        for drawn in texts:
            box = drawn.rect.clip(figure.rect)
            if box.width and box.height:
                area = pygame.mask.Mask(box.size, fill=True)
                offset = (box.left - figure.rect.left, box.top - figure.rect.top)
                if figure.mask.overlap_area(area, offset) > FIGURE_SLACK:
                    problems.append(f"the {figure.name} covers text {drawn.text!r}")
        for other in figures[i + 1 :]:
            offset = (other.rect.left - figure.rect.left, other.rect.top - figure.rect.top)
            if figure.mask.overlap_area(other.mask, offset) > FIGURE_SLACK:
                problems.append(f"the {figure.name} covers the {other.name}")
    return problems


@contextmanager
def _watching(
    app: App, smallest: int, small: list[str], broken: list[str]
) -> Iterator[tuple[dict[int, str], list[pygame.Rect]]]:
    """Note every text surface the cache hands out and every card drawn, meanwhile.

    Text asked for below *smallest* pixels (shrunk to fit somewhere) goes in *small*;
    a word too wide for the width the text is wrapped to (cut in two) in *broken*.
    """
    watched: dict[int, str] = {}
    keep: list[pygame.Surface] = []
    cards: list[pygame.Rect] = []
    render = app.text.render
    card = draw.card

    def recording_render(text: str, size: int, *args, **kwargs) -> pygame.Surface:
        surface = render(text, size, *args, **kwargs)
        watched[id(surface)] = text
        keep.append(surface)  # ids stay unique while the audit runs
        if size < smallest and text.strip() and not set(text) <= ICON_GLYPHS:
            small.append(f"{text!r} at {size} px")
        width = args[1] if len(args) > 1 else kwargs.get("width", 0)
        if width:
            language = kwargs.get("lang") or app.text.language
            line = LineRenderer(app.fonts, size, kwargs.get("bold", False), language)
            for paragraph in text.split("\n"):
                for _joiner, token in _tokens(paragraph):
                    if len(token) > 1 and line.width(token) > width:
                        broken.append(token)
        return surface

    def recording_card(surface, rect, *args, **kwargs):
        if isinstance(surface, RecordingSurface):
            cards.append(pygame.Rect(rect))
        return card(surface, rect, *args, **kwargs)

    app.text.render = recording_render  # type: ignore[method-assign]
    draw.card = recording_card
    Button.keep_drawings = False  # every label and card drawn where it lands, to be seen
    try:
        yield watched, cards
    finally:
        app.text.render = render  # type: ignore[method-assign]
        draw.card = card
        Button.keep_drawings = True


def _overlap(a: pygame.Rect, b: pygame.Rect) -> bool:
    clip = a.clip(b)
    return clip.width > SLACK and clip.height > SLACK


def _inside(inner: pygame.Rect, outer: pygame.Rect) -> bool:
    return outer.inflate(2 * SLACK, 2 * SLACK).contains(inner)


def crowded_texts(texts: list[Drawn], clearance: int) -> list[str]:
    """Pieces of text whose letters come closer than *clearance* pixels (or overlap)."""
    problems = []
    for i, a in enumerate(texts):
        near = a.rect.inflate(2 * clearance, 2 * clearance)
        for b in texts[i + 1 :]:
            if a.rect != b.rect and near.colliderect(b.rect):
                problems.append(f"text {a.text!r} is closer than {clearance} px to {b.text!r}")
    return problems


def audit(app: App, clearance: int | None = None, figures: bool = False) -> list[str]:
    """Everything wrong with the layout of the screen on top (an empty list when none).

    With *clearance*, separate pieces of text must also stay that many pixels apart
    (letters that touch read as one); with *figures*, no drawn figure may cover text or
    another figure. The text cache is kept: checks look at what each drawing asks for.
    """
    scene = app.scene
    m = app.metrics
    scene.release()
    page_h = scene.page_height()
    problems: list[str] = []
    flow.overflow_log = []
    # A question over another screen is checked alone (the screen below has its own turn).
    behind = getattr(scene, "behind", None)
    if behind is not None:
        scene.behind = None
    small: list[str] = []
    broken: list[str] = []
    try:
        noting = watching_figures() if figures else nullcontext()
        with noting, _watching(app, m.font(16), small, broken) as (watched, cards):
            header = RecordingSurface((m.width, scene.header_height()), watched)
            header.fill(theme.BG)
            scene.draw_header(header)
            page = RecordingSurface((m.width, page_h), watched)
            page.fill(theme.BG)
            scene._draw_page_title(page)
            scene.draw_backdrop(page)
            scene.draw_content(page)
            scene.draw_page_buttons(page)
            labels = {b.key: b._label(app.text, m, (0, 0, 0)) for b in scene.all_buttons()}
        if flow.overflow_log:
            problems.append(f"flowing text needs {max(flow.overflow_log)} px more room")
        problems += [f"text {what} is smaller than any text size" for what in small]
        problems += [f"the word {word!r} is cut in two" for word in broken]
    finally:
        flow.overflow_log = None
        if behind is not None:
            scene.behind = behind
        scene.release()
        scene.dirty = True
    buttons = scene.buttons
    top = scene.header_height()
    page_rect = pygame.Rect(0, 0, m.width, page_h)
    for drawn in header.texts:
        for button in scene.header_buttons:
            if _overlap(drawn.rect, button.rect) and not _inside(drawn.rect, button.rect):
                problems.append(f"title {drawn.text!r} runs into the {button.key!r} button")
    for drawn in page.texts:
        if not _inside(drawn.rect, page_rect):
            problems.append(f"text {drawn.text!r} runs off the page at {drawn.rect}")
        if drawn.rect.top < top - SLACK:
            problems.append(f"text {drawn.text!r} is under the header at {drawn.rect}")
    texts = page.texts
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if a.rect != b.rect and _overlap(a.rect, b.rect):
                problems.append(f"text {a.text!r} overlaps {b.text!r}")
        for button in buttons:
            if _overlap(a.rect, button.rect) and not _inside(a.rect, button.rect):
                problems.append(f"text {a.text!r} runs into the {button.key!r} button")
        for card in cards:
            if _overlap(a.rect, card) and not _inside(a.rect, card):
                problems.append(f"text {a.text!r} sticks out of a card at {card}")
    if figures:
        problems += figure_overlaps(header.texts, header.figures)
        problems += figure_overlaps(page.texts, page.figures)
    if clearance is not None:
        problems += crowded_texts(page.texts, clearance)
    for i, a in enumerate(buttons):
        if not _inside(a.rect, page_rect) or a.rect.top < top:
            problems.append(f"button {a.key!r} is off the page at {a.rect}")
        for b in buttons[i + 1 :]:
            if _overlap(a.rect, b.rect):
                problems.append(f"buttons {a.key!r} and {b.key!r} overlap")
    for button in scene.all_buttons():
        label = labels[button.key]
        if label.get_height() > button.rect.height or label.get_width() > button.rect.width:
            problems.append(f"the label of {button.key!r} is bigger than its button")
    return list(dict.fromkeys(problems))
