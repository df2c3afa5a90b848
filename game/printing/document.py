"""A small, renderer-neutral document model shared by the PDF and HTML writers.

A :class:`Document` is a flat list of blocks. Builders produce text already
translated; renderers only lay it out, so a plan reads the same in both formats.
Text may hold Unicode isolates around runs with their own direction (see
:mod:`game.printing.runs`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Literal


@dataclass(frozen=True)
class Heading:
    """A section heading. Level 1 is the document title, 2 a section, 3 a sub-section."""

    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    """A paragraph: ``lead`` is larger, ``note`` small print, ``callout`` a boxed message."""

    text: str
    style: Literal["body", "lead", "note", "callout"] = "body"


@dataclass(frozen=True)
class Bullets:
    """A list. ``ordered`` numbers it; ``checkbox`` draws a box to tick on paper."""

    items: tuple[str, ...]
    ordered: bool = False
    checkbox: bool = False


@dataclass(frozen=True)
class Terms:
    """Term / explanation pairs (vocabulary, questions and model answers, header facts)."""

    items: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row. *widths* are relative column widths."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...] | None = None


@dataclass(frozen=True)
class WriteLine:
    """A blank line to write on by hand (a name on a certificate, a signature)."""

    label: str


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (PDF) or a new printed page (HTML, via CSS)."""


@dataclass(frozen=True)
class BarRow:
    """A bar chart row: a label, then per column a share (0-1; None: no data) and its text."""

    label: str
    values: tuple[tuple[float | None, str], ...]


@dataclass(frozen=True)
class Bars:
    """A compact bar chart: *header* names the label column and each bar column.

    Every bar has its value written beside it, so the chart reads in black and white.
    """

    header: tuple[str, ...]
    rows: tuple[BarRow, ...]


@dataclass(frozen=True)
class Card:
    """One card of a :class:`CardSheet`.

    *label* is a small line on top (who says it, what the card is); *text* the card's
    main text; each of *prompts* is followed by *write_lines* lines to write on (with no
    prompts, the lines follow *text*). *icon* names a drawn black-and-white icon (see
    :mod:`game.printing.pdf_icons`); *image* is a greyscale PNG shown above the text.
    """

    text: str
    label: str = ""
    prompts: tuple[str, ...] = ()
    write_lines: int = 0
    icon: str = ""
    image: bytes | None = None
    big: bool = False


@dataclass(frozen=True)
class CardSheet:
    """Cards to cut out: *columns* x *rows* per page, with crop marks outside each corner.

    Without *crop_marks* the cards are a plain framed grid (a poster's rows).
    """

    cards: tuple[Card, ...]
    columns: int = 3
    rows: int = 3
    crop_marks: bool = True


Block = (
    Heading | Paragraph | Bullets | Terms | Table | WriteLine | PageBreak | Bars | CardSheet
)


@dataclass(frozen=True)
class Document:
    """A whole printable: its title, language, direction and blocks.

    *lang* is a BCP 47 tag (``en``, ``pt-BR``, ``zh-Hans``); *layout* is
    ``document`` (A4 portrait, flowing) or ``certificate`` (A4 landscape, centred);
    *paper* is the sheet size of a document (A3 for a poster).
    """

    title: str
    lang: str
    rtl: bool
    blocks: tuple[Block, ...]
    footer: str = ""
    layout: Literal["document", "certificate"] = "document"
    paper: Literal["A4", "A3"] = "A4"
    meta: dict[str, str] = field(default_factory=dict)

    def headings(self, level: int | None = None) -> list[str]:
        """Texts of the headings, optionally of one level only."""
        return [
            b.text
            for b in self.blocks
            if isinstance(b, Heading) and (level is None or b.level == level)
        ]


def map_text(doc: Document, change: Callable[[str], str]) -> Document:
    """*doc* with *change* applied to every string a reader sees (title, footer, blocks)."""

    def block(b: Block) -> Block:
        if isinstance(b, Heading | Paragraph):
            return replace(b, text=change(b.text))
        if isinstance(b, Bullets):
            return replace(b, items=tuple(change(x) for x in b.items))
        if isinstance(b, Terms):
            return replace(b, items=tuple((change(t), change(e)) for t, e in b.items))
        if isinstance(b, Table):
            return replace(
                b,
                header=tuple(change(x) for x in b.header),
                rows=tuple(tuple(change(x) for x in row) for row in b.rows),
            )
        if isinstance(b, WriteLine):
            return replace(b, label=change(b.label))
        if isinstance(b, CardSheet):
            return replace(b, cards=tuple(_card_text(c, change) for c in b.cards))
        if isinstance(b, Bars):
            return replace(
                b,
                header=tuple(change(x) for x in b.header),
                rows=tuple(
                    BarRow(change(r.label), tuple((v, change(t)) for v, t in r.values))
                    for r in b.rows
                ),
            )
        return b

    return replace(
        doc,
        title=change(doc.title),
        footer=change(doc.footer),
        blocks=tuple(block(b) for b in doc.blocks),
    )


def demoted(blocks: list[Block], levels: int = 1) -> list[Block]:
    """*blocks* with every heading *levels* deeper (a plan's h1 becomes a book chapter's h2)."""
    return [replace(b, level=b.level + levels) if isinstance(b, Heading) else b for b in blocks]


def _card_text(card: Card, change: Callable[[str], str]) -> Card:
    """*card* with *change* applied to its texts."""
    return replace(
        card,
        text=change(card.text),
        label=change(card.label),
        prompts=tuple(change(p) for p in card.prompts),
    )
