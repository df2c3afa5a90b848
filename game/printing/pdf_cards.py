"""Draw a :class:`~game.printing.document.CardSheet`: cards in a grid, with crop marks.

Every card of a sheet has the same size: the grid fills the rest of the first page
(under the sheet's heading), and later pages repeat it from the top. Crop marks are
short black lines in the gutters, in line with each card's edges, so a teacher can cut
with a guillotine or scissors; the card's own frame is light grey. A card's drawn icon
sits beside the text on big (poster) cards and large, centred, above it on the others.
Text shrinks a step at a time until it fits its card; right-to-left documents fill rows
from the right.
"""

from __future__ import annotations

import io
from typing import Any, Protocol

from game.printing.document import Card, CardSheet
from game.printing.pdf_icons import draw_icon

GUTTER = 8.0  # mm between cards (the crop marks live here)
ROW_GAP = 3.0  # mm between the framed cards of a sheet without crop marks
MARK, MARK_GAP = 4.0, 1.2  # crop-mark length, and its gap from the card corner
PAD = 4.0
FRAME = (170, 170, 170)
SIZES = (18.0, 16.5, 15.0, 13.5, 12.0, 11.0, 10.0, 9.0, 8.0, 7.0)
BIG_SIZES = (30.0, 26.0, 22.0, 19.0, 16.0, 14.0, 12.0, 10.0)
WRITE_GAP = 9.0  # mm between lines to write on
MIN_CARD_H = 24.0
ICON_SHARE = 0.55  # of a card's height for a drawn icon above the text (picture cards)
LABELLED_ICON_SHARE = 0.35  # the same for cards that also carry a label and a longer text


class CardRenderer(Protocol):
    """What the card drawer needs from the PDF renderer."""

    pdf: Any
    doc: Any
    fresh: bool

    def _text(
        self, text: str, style: Any, *, x: float | None = ..., w: float = ..., align: str = ...
    ) -> None: ...

    def _height(self, text: str, style: Any, w: float) -> float: ...

    def _new_page(self) -> None: ...


def draw_card_sheet(r: CardRenderer, block: CardSheet, style_of: Any) -> None:
    """Draw *block*'s cards; *style_of(size, bold)* makes a text style of that size."""
    pdf = r.pdf
    cols, rows = max(1, block.columns), max(1, block.rows)
    gutter = GUTTER if block.crop_marks else ROW_GAP
    card_w = (pdf.epw - (cols - 1) * gutter) / cols
    bottom = pdf.h - pdf.b_margin
    top = pdf.y + (MARK + MARK_GAP if block.crop_marks else 2.0)
    if (bottom - top - (rows - 1) * gutter) / rows < MIN_CARD_H and not r.fresh:
        r._new_page()
        top = pdf.y + MARK + MARK_GAP
    card_h = (bottom - top - (rows - 1) * gutter) / rows
    auto, margin = pdf.auto_page_break, pdf.b_margin
    pdf.set_auto_page_break(False)
    try:
        size = _sheet_size(r, block.cards, card_w, card_h, style_of)
        for index, card in enumerate(block.cards):
            slot = index % (cols * rows)
            if index and slot == 0:
                r._new_page()
                top = pdf.t_margin + MARK + MARK_GAP
            row, col = divmod(slot, cols)
            if r.doc.rtl:
                col = cols - 1 - col
            x = pdf.l_margin + col * (card_w + gutter)
            y = top + row * (card_h + gutter)
            _frame(pdf, x, y, card_w, card_h, block.crop_marks)
            _card(r, card, x, y, card_w, card_h, style_of, size)
        used = min(len(block.cards), cols * rows) if block.cards else 0
        last_rows = -(-((len(block.cards) - 1) % (cols * rows) + 1) // cols) if used else 0
        pdf.set_y(top + last_rows * (card_h + gutter))
    finally:
        pdf.set_auto_page_break(auto, margin=margin)
    r.fresh = False


def _frame(pdf: Any, x: float, y: float, w: float, h: float, marks: bool) -> None:
    """The card's light frame and, with *marks*, black crop marks outside its corners."""
    pdf.set_draw_color(*FRAME)
    pdf.set_line_width(0.2)
    pdf.rect(x, y, w, h)
    if not marks:
        return
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.25)
    for cx, dx in ((x, -1), (x + w, 1)):
        for cy, dy in ((y, -1), (y + h, 1)):
            pdf.line(cx + dx * MARK_GAP, cy, cx + dx * (MARK_GAP + MARK), cy)
            pdf.line(cx, cy + dy * MARK_GAP, cx, cy + dy * (MARK_GAP + MARK))


def _card(
    r: CardRenderer, card: Card, x: float, y: float, w: float, h: float, style_of: Any, size: float
) -> None:
    """Lay out one card's picture or icon, label, text and lines to write on."""
    pdf = r.pdf
    inner_x, inner_w = x + PAD, w - 2 * PAD
    cy, room = y + PAD, h - 2 * PAD
    if card.image:
        img_h = room * 0.58
        pdf.image(
            io.BytesIO(card.image), x=inner_x, y=cy, w=inner_w, h=img_h, keep_aspect_ratio=True
        )
        cy += img_h + 2
        room -= img_h + 2
    icon_w = 0.0
    if card.icon:
        icon_w = min(h - 2 * PAD, 42.0) if card.big else min(inner_w, room * _icon_share(card))
        ix = x + w - PAD - icon_w if r.doc.rtl else inner_x
        if not card.big:  # a picture card: the icon centred above its caption
            ix = x + (w - icon_w) / 2
        iy = y + (h - icon_w) / 2 if card.big else cy
        draw_icon(pdf, card.icon, ix, iy, icon_w, rtl=r.doc.rtl)
        if card.big:
            inner_w -= icon_w + PAD
            if not r.doc.rtl:
                inner_x += icon_w + PAD
        else:
            cy += icon_w + 1.5
            room -= icon_w + 1.5
    label_style = style_of(9.0, True)
    label_h = r._height(card.label, label_style, inner_w) + 1.5 if card.label else 0.0
    writes = max(1, len(card.prompts)) * card.write_lines * WRITE_GAP if card.write_lines else 0.0
    main = style_of(size, card.big)
    prompt = style_of(min(size, 11.0), False)
    body_h = r._height(card.text, main, inner_w) if card.text else 0.0
    body_h += sum(r._height(p, prompt, inner_w) for p in card.prompts)
    if not writes:  # centre what there is; cards to write on start at the top
        cy += max(0.0, (room - label_h - body_h) / 2)
    align = "C" if not writes else ""
    if card.label:
        pdf.set_y(cy)
        r._text(card.label, label_style, x=inner_x, w=inner_w, align=align)
        cy = pdf.y + 1.5
    if card.text:
        pdf.set_y(cy)
        r._text(card.text, main, x=inner_x, w=inner_w, align=align)
        cy = pdf.y
    for text in card.prompts or ([""] if card.write_lines else []):
        if text:
            pdf.set_y(cy + 1)
            r._text(text, prompt, x=inner_x, w=inner_w)
            cy = pdf.y
        pdf.set_draw_color(0, 0, 0)
        pdf.set_line_width(0.2)
        for _ in range(card.write_lines):
            cy += WRITE_GAP
            pdf.line(x + PAD, cy, x + w - PAD, cy)
        cy += 1


def _sheet_size(
    r: CardRenderer, cards: tuple[Card, ...], w: float, h: float, style_of: Any
) -> float:
    """One text size for the whole sheet: the largest at which every card fits.

    The longest card is fitted first; the others are then checked at that size and
    refitted (from there, downwards) only if they do not fit: about one measurement a card.
    """
    if not cards:
        return SIZES[0]
    order = sorted(cards, key=lambda c: len(c.text) + sum(map(len, c.prompts)), reverse=True)
    sizes = BIG_SIZES if order[0].big else SIZES
    size = sizes[0]
    for card in order:
        size = _fit(r, card, _text_width(card, w, h), _room(card, h), style_of, start=size)
    return size


def _icon_share(card: Card) -> float:
    """How much of a (not big) card's height its icon takes: less when it has a label."""
    return LABELLED_ICON_SHARE if card.label else ICON_SHARE


def _text_width(card: Card, w: float, h: float) -> float:
    """Width of *card*'s text column (a big card's icon sits beside it)."""
    if card.icon and card.big:
        return w - 2 * PAD - min(h - 2 * PAD, 42.0) - PAD
    return w - 2 * PAD


def _room(card: Card, h: float) -> float:
    """Height left for the card's text and prompts (an estimate used to pick one size)."""
    room = h - 2 * PAD
    if card.image:
        room -= room * 0.58 + 2
    if card.icon and not card.big:
        room -= room * _icon_share(card) + 1.5
    if card.label:
        room -= 6.0
    if card.write_lines:
        room -= max(1, len(card.prompts)) * (card.write_lines * WRITE_GAP + 1)
    return room


def _fit(
    r: CardRenderer, card: Card, width: float, room: float, style_of: Any, start: float = 99.0
) -> float:
    """The largest text size, at most *start*, at which the card's text fits *room* mm."""
    sizes = [size for size in (BIG_SIZES if card.big else SIZES) if size <= start] or [start]
    for size in sizes:
        height = r._height(card.text, style_of(size, card.big), width) if card.text else 0.0
        prompt = style_of(min(size, 11.0), False)
        height += sum(r._height(p, prompt, width) for p in card.prompts)
        if height <= room:
            return size
    return sizes[-1]
