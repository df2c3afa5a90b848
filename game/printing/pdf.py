"""Render a :class:`~game.printing.document.Document` to PDF with fpdf2.

Andika (made for beginning readers) is the primary font; Noto Sans Arabic and a
Noto Sans SC subset are fallbacks that fpdf2 switches to character by character,
registered only for documents that use those scripts (right-to-left Arabic documents
make Noto Sans Arabic primary instead). When Arabic is present, HarfBuzz shaping
(uharfbuzz) joins the letters and fpdf2's Unicode bidi algorithm orders each
paragraph. Chinese wraps between characters, with light line-breaking rules on top.

Layouts: ``document`` is A4 portrait with a running footer and page numbers;
``certificate`` is one A4 landscape page, centred, inside a double border.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fpdf import FPDF
from fpdf.enums import MethodReturnValue, TableCellFillMode, TextMode, WrapMode, XPos, YPos
from fpdf.fonts import FontFace
from fpdf.line_break import TextLine
from fpdf.prefs import ViewerPreferences

from game.printing import fpdf_speedups
from game.printing.document import (
    Bars,
    Block,
    Bullets,
    CardSheet,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Terms,
    WriteLine,
    map_text,
)
from game.printing.runs import isolate_latin, plain

Color = tuple[int, int, int]

MM_PER_PT = 25.4 / 72
MARGIN = 18.0
CERT_MARGIN = 30.0
KEEP_WITH_NEXT = 30.0  # mm a heading needs below it, or it moves to the next page

INK: Color = (33, 37, 41)
MUTED: Color = (92, 99, 106)
ACCENT: Color = (0, 112, 102)
ACCENT_SOFT: Color = (224, 241, 238)
RULE: Color = (186, 196, 202)
ROW_FILL: Color = (241, 245, 247)
GOLD: Color = (191, 144, 0)

LATIN_FONT = "andika"
ARABIC_FONT = "notoarabic"
CJK_FONT = "notosc"
FONT_FILES: dict[str, tuple[tuple[str, str], ...]] = {
    LATIN_FONT: (("", "Andika-Regular.ttf"), ("B", "Andika-Bold.ttf")),
    ARABIC_FONT: (("", "NotoSansArabic-Regular.ttf"), ("B", "NotoSansArabic-Bold.ttf")),
    # One weight only: bold CJK falls back to it because exact weight matching is off.
    CJK_FONT: (("", "NotoSansSC-Subset.otf"),),
}
SCRIPTS = (
    (
        ARABIC_FONT,
        re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefe]"),
    ),
    (CJK_FONT, re.compile("[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]")),
)
COMPLEX_SCRIPT = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")  # Hebrew, Arabic
CHAR_WRAP_LANGS = ("zh", "ja")  # scripts written without spaces between words
# Line-breaking rules for those scripts (a light "kinsoku"): never start a line with
# closing punctuation, never end one with opening punctuation, never split a Latin word.
NO_LINE_START = frozenset("、。，．：；！？）】》」』〉〕〗〙〛｝’”…—·ー々〜,.:;!?)]}%")
NO_LINE_END = frozenset("（【《「『〈〔〖〘〚｛‘“([{")
LATIN_TAIL = re.compile(r"[A-Za-z0-9'’-]+$")
MAX_BREAK_FIXES = 12
FAKE_BOLD_EM = 0.035  # stroke width, in em, that thickens the single-weight CJK font


@dataclass(frozen=True)
class TextStyle:
    """Font size (pt), weight, colour and line spacing of one kind of text."""

    size: float
    bold: bool = False
    color: Color = INK
    leading: float = 1.45

    @property
    def line_height(self) -> float:
        """Height of one line of text, in mm."""
        return self.size * MM_PER_PT * self.leading


DOC_STYLES: dict[str, TextStyle] = {
    "h1": TextStyle(22, bold=True, color=ACCENT, leading=1.25),
    "h2": TextStyle(15, bold=True, leading=1.3),
    "h3": TextStyle(12.5, bold=True, leading=1.35),
    "h4": TextStyle(11.5, bold=True, leading=1.35),
    "body": TextStyle(11),
    "lead": TextStyle(13, leading=1.4),
    "note": TextStyle(9, color=MUTED),
    "callout": TextStyle(11.5, bold=True),
    "table": TextStyle(10, leading=1.35),
    "label": TextStyle(11),
    "footer": TextStyle(8.5, color=MUTED),
}
CERT_STYLES: dict[str, TextStyle] = {
    **DOC_STYLES,
    "h1": TextStyle(36, bold=True, color=ACCENT, leading=1.2),
    "h2": TextStyle(22, bold=True, leading=1.3),
    "h3": TextStyle(16, bold=True, leading=1.3),
    "body": TextStyle(14),
    "lead": TextStyle(17, leading=1.35),
    "note": TextStyle(10.5, color=MUTED),
    "callout": TextStyle(15, bold=True, color=ACCENT),
    "label": TextStyle(10.5, color=MUTED),
}
#: Text sizes a certificate tries, largest first, until everything fits on its one page.
CERT_SCALES = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6, 0.55, 0.5)
#: A certificate list longer than this is set in two columns.
CERT_ONE_COLUMN = 6
SPACE_BEFORE = {1: 0.0, 2: 6.0, 3: 4.0, 4: 3.0}
SPACE_AFTER = {1: 4.0, 2: 3.0, 3: 1.5, 4: 1.0}
MAX_HEADING = 4
BLOCK_GAP = 3.0
TABLE_PAD_Y, TABLE_PAD_X = 1.4, 2.0


def render_pdf(doc: Document, font_dir: Path) -> bytes:
    """Lay out *doc* as a PDF (fonts from *font_dir*) and return the file's bytes."""
    fpdf_speedups.install()
    doc = _bidi_ready(doc)
    pdf = _new_pdf(doc, font_dir)
    renderer = _Renderer(pdf, doc)
    if doc.layout == "certificate":
        renderer.render_certificate()
    else:
        renderer.render_document()
    with _quiet_font_subsetter():
        return bytes(pdf.output())


class _SignalPDF(FPDF):
    """An FPDF that draws the running footer, or the certificate frame, on every page."""

    def __init__(self, doc: Document) -> None:
        certificate = doc.layout == "certificate"
        paper = "A4" if certificate else doc.paper
        super().__init__(orientation="L" if certificate else "P", unit="mm", format=paper)
        self.doc = doc
        self.certificate = certificate
        self.family = LATIN_FONT  # the primary font, chosen by _add_fonts

    def _render_styled_text_line(self, text_line: TextLine, *args: Any, **kwargs: Any) -> bool:
        """Select the current font at page level before a line that would otherwise not.

        fpdf2 2.8.9 bug: when a page's font is not yet set and a line starts with a
        fallback-font fragment (Latin in an Arabic page, Chinese in a Latin-primary page),
        fpdf2 selects the primary font inside that line's ``q … Q`` block yet marks it as
        set for the whole page; the next line in the primary font then shows text with no
        font ("No font in show"). Selecting it here, outside any line, keeps the mark true.
        """
        if text_line.fragments and not kwargs.get("prevent_font_change", False):
            self._select_font_on_page()
        return super()._render_styled_text_line(text_line, *args, **kwargs)

    def _perform_page_break(self) -> None:
        """Break the page, then select the font on the new one (see above: a line may follow)."""
        super()._perform_page_break()
        self._select_font_on_page()

    def _select_font_on_page(self) -> None:
        """Write the current font and size into the page, outside any text line, if not yet."""
        if not self.current_font_is_set_on_page and self.current_font is not None:
            self._out(self._set_font_for_page(self.current_font, self.font_size_pt))

    def header(self) -> None:
        """Draw the certificate's double border (documents have no header)."""
        if self.certificate:
            _draw_certificate_frame(self)

    def footer(self) -> None:
        """Draw the footer text and, on documents, "page / total"."""
        style = DOC_STYLES["footer"]
        _use_style(self, style)
        if self.certificate:
            if self.doc.footer:
                self.set_y(-CERT_MARGIN + 4)
                self.cell(0, style.line_height, self.doc.footer, align="C")
            return
        self.set_y(-MARGIN + 5)
        self.set_draw_color(*RULE)
        self.set_line_width(0.2)
        self.line(self.l_margin, self.y - 1.5, self.w - self.r_margin, self.y - 1.5)
        start, end = ("R", "L") if self.doc.rtl else ("L", "R")
        room = self.epw * 0.8  # keep clear of the page number
        width = self.get_string_width(self.doc.footer)
        if width > room:  # shrink a long footer to one line
            self.set_font_size(max(5.0, style.size * room / width))
        self.cell(0, style.line_height, self.doc.footer, align=start)
        self.set_font_size(style.size)
        self.set_x(self.l_margin)
        if self.doc.rtl:  # "1 / 3" reads left to right, as in the HTML page counter
            self.set_text_shaping(use_shaping_engine=True, direction="ltr")
        self.cell(0, style.line_height, f"{self.page_no()} / {{nb}}", align=end)
        if self.doc.rtl:
            self.set_text_shaping(use_shaping_engine=True, direction="rtl")


def _shaped(doc: Document, text: str) -> bool:
    """Whether *doc* (all of its text: *text*) is laid out with shaping and bidi."""
    return bool(doc.rtl or COMPLEX_SCRIPT.search(text))


def _bidi_ready(doc: Document) -> Document:
    """*doc* with its isolates kept where the bidi algorithm runs, and dropped elsewhere.

    With bidi, a right-to-left document also isolates each text with no right-to-left
    letter (see :func:`~game.printing.runs.isolate_latin`); without it, fpdf2 would draw
    the isolate marks as characters.
    """
    if _shaped(doc, _all_text(doc)):
        return map_text(doc, lambda text: isolate_latin(text, doc.rtl))
    return map_text(doc, plain)


def _new_pdf(doc: Document, font_dir: Path) -> _SignalPDF:
    """Create the FPDF for *doc*: page setup, metadata, fonts and text shaping."""
    pdf = _SignalPDF(doc)
    margin = CERT_MARGIN if pdf.certificate else MARGIN
    pdf.set_margins(margin, margin, margin)
    pdf.set_auto_page_break(True, margin=margin)
    pdf.set_title(plain(doc.title))
    pdf.set_lang(doc.lang)
    pdf.set_creator("Signal Scouts")
    # (ViewerPreferences' ``direction`` is left out: fpdf2 2.8.9 writes it as an invalid name.)
    pdf.viewer_preferences = ViewerPreferences(display_doc_title=True)
    pdf.alias_nb_pages()
    text = _all_text(doc)
    _add_fonts(pdf, doc, text, font_dir)
    # HarfBuzz shaping (with fpdf2's bidi algorithm) is needed for joined, right-to-left
    # scripts; it roughly doubles layout time, so Latin and CJK documents go without.
    # Right-to-left documents set every paragraph's base direction; in left-to-right ones
    # each paragraph takes it from its first strong letter, so an Arabic line reads right.
    if _shaped(doc, text):
        _memoise_shaped_widths()
        pdf.set_text_shaping(use_shaping_engine=True, direction="rtl" if doc.rtl else None)
    pdf.set_text_color(*INK)
    pdf.add_page()
    return pdf


def _add_fonts(pdf: _SignalPDF, doc: Document, text: str, font_dir: Path) -> None:
    """Register the primary font and the fallbacks for the scripts that *text* uses.

    Andika is primary, except in right-to-left Arabic documents: there Noto Sans Arabic
    is, so that Arabic words and the spaces between them stay in one font run (fewer
    runs to shape and measure: about twice as fast), and Latin text falls back to Andika.
    A font is registered only when used: fpdf2 parses and subsets every registered font.

    Each font's subset is saved without recomputing bounding boxes: fontTools would
    otherwise draw every kept glyph (CFF charstrings of the CJK font, TrueType glyphs
    of the others) to measure it, for every PDF, which took about 40 % of the time of a
    Chinese plan. The PDF's own font box is read from the whole font before subsetting,
    so the embedded fonts keep a box that is merely a little larger; pages and text are
    unchanged.
    """
    families = [LATIN_FONT] + [family for family, script in SCRIPTS if script.search(text)]
    if doc.rtl and ARABIC_FONT in families:
        families.remove(ARABIC_FONT)
        families.insert(0, ARABIC_FONT)
    for family in families:
        for style, filename in FONT_FILES[family]:
            pdf.add_font(family, style, str(font_dir / filename))
    for font in pdf.fonts.values():
        ttfont = getattr(font, "ttfont", None)  # core fonts (never used here) have none
        if ttfont is not None:
            ttfont.recalcBBoxes = False
    pdf.family = families[0]
    pdf.set_fallback_fonts(families[1:], exact_match=False)


#: Shaped widths by (font key, text, size, direction, script, language, features).
_SHAPED_WIDTHS: dict[tuple, tuple[int, float]] = {}
_SHAPED_WIDTHS_MAX = 200_000

#: Texts with their rule-keeping hard breaks (:meth:`_Renderer._cjk_breaks`), by (fonts,
#: text, size, weight, column width): a run of documents measures each text once, though
#: a callout or a term is measured before it is drawn and the book repeats the plans.
_CJK_BREAKS: dict[tuple, str] = {}
_CJK_BREAKS_MAX = 50_000


def _memoise_shaped_widths() -> None:
    """Make fpdf2 remember shaped text widths (installed on the first render, not on import).

    fpdf2's line breaker re-measures every growing prefix of a line, so one Arabic plan
    asks HarfBuzz for ~285,000 widths of only ~7,000 distinct strings: 4 s instead of
    0.4 s. ``TTFFont`` has ``__slots__``, so the memo wraps the class method; it is keyed
    by the font's key (family and style, each always the same bundled file here), is
    bounded, and returns exactly what fpdf2 computed the first time.
    """
    from fpdf.fonts import TTFFont

    measure = TTFFont.shaped_text_width
    if getattr(measure, "memoised", False):
        return

    def shaped_text_width(self, text, font_size_pt, params):  # noqa: ANN001, ANN202
        if params:  # (built without a throw-away dict or sort: this runs ~10^5 times a plan)
            features = params.get("features")
            key: tuple = (
                self.fontkey,
                text,
                font_size_pt,
                params.get("fragment_direction"),
                params.get("script"),
                params.get("language"),
                tuple(sorted(features.items())) if features else (),
            )
        else:
            key = (self.fontkey, text, font_size_pt)
        found = _SHAPED_WIDTHS.get(key)
        if found is None:
            if len(_SHAPED_WIDTHS) >= _SHAPED_WIDTHS_MAX:
                _SHAPED_WIDTHS.clear()
            found = _SHAPED_WIDTHS[key] = measure(self, text, font_size_pt, params)
        return found

    shaped_text_width.memoised = True  # type: ignore[attr-defined]
    TTFFont.shaped_text_width = shaped_text_width  # type: ignore[method-assign]


def _all_text(doc: Document) -> str:
    """Every string of *doc* that may be drawn, joined (to detect the scripts it uses)."""
    parts = [doc.title, doc.footer]
    for block in doc.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, Bullets):
            parts.extend(block.items)
        elif isinstance(block, Terms):
            parts.extend(part for pair in block.items for part in pair)
        elif isinstance(block, Table):
            parts.extend(block.header)
            parts.extend(cell for row in block.rows for cell in row)
        elif isinstance(block, WriteLine):
            parts.append(block.label)
        elif isinstance(block, CardSheet):
            parts.extend(f"{c.label}\n{c.text}\n" + "\n".join(c.prompts) for c in block.cards)
        elif isinstance(block, Bars):
            parts.extend(block.header)
            for row in block.rows:
                parts.extend((row.label, *(text for _, text in row.values)))
    return "\n".join(parts)


@contextmanager
def _quiet_font_subsetter() -> Iterator[None]:
    """Hide fontTools' notes about tables it drops while subsetting (Andika's ``Silt``)."""
    logger = logging.getLogger("fontTools.subset")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _use_style(pdf: _SignalPDF, style: TextStyle) -> None:
    """Select the font, size and colour of *style*."""
    pdf.set_font(pdf.family, "B" if style.bold else "", style.size)
    pdf.set_text_color(*style.color)


def _scaled(styles: dict[str, TextStyle], scale: float) -> dict[str, TextStyle]:
    """*styles* with every font size multiplied by *scale*."""
    return {
        name: TextStyle(style.size * scale, style.bold, style.color, style.leading)
        for name, style in styles.items()
    }


def _draw_certificate_frame(pdf: FPDF) -> None:
    """A thick accent border with a thin gold one inside it, and corner dots."""
    outer, inner = 9.0, 13.5
    pdf.set_draw_color(*ACCENT)
    pdf.set_line_width(1.6)
    pdf.rect(outer, outer, pdf.w - 2 * outer, pdf.h - 2 * outer)
    pdf.set_draw_color(*GOLD)
    pdf.set_line_width(0.5)
    pdf.rect(inner, inner, pdf.w - 2 * inner, pdf.h - 2 * inner)
    pdf.set_fill_color(*GOLD)
    for x in (inner, pdf.w - inner):
        for y in (inner, pdf.h - inner):
            pdf.circle(x, y, 1.6, style="F")


class _Renderer:
    """Draws the blocks of one document onto one FPDF."""

    def __init__(self, pdf: _SignalPDF, doc: Document) -> None:
        self.pdf = pdf
        self.doc = doc
        self.certificate = doc.layout == "certificate"
        self.styles = CERT_STYLES if self.certificate else DOC_STYLES
        self.start = "R" if doc.rtl else "L"
        self.align = "C" if self.certificate else self.start
        primary = doc.lang.split("-")[0].split("_")[0].lower()
        self.wrap = WrapMode.CHAR if primary in CHAR_WRAP_LANGS else WrapMode.WORD
        self.fresh = True  # nothing drawn on the current page yet
        #: What line breaking depends on besides the text: the fonts and shaping in use.
        self.fonts_key = (
            tuple((key, str(getattr(font, "ttffile", ""))) for key, font in pdf.fonts.items()),
            pdf.family,
            bool(pdf.text_shaping),
        )
        # Bookmarks: every heading level but the deepest (sub-sections), and at least 1-2.
        deepest = max(
            (min(b.level, MAX_HEADING) for b in doc.blocks if isinstance(b, Heading)), default=1
        )
        self.outline_depth = max(2, deepest - 1)
        self.draw: dict[type, Callable[[Block], None]] = {
            Heading: self._heading,
            Paragraph: self._paragraph,
            Bullets: self._bullets,
            Terms: self._terms,
            Table: self._table,
            WriteLine: self._write_line,
            PageBreak: self._page_break,
            Bars: self._bars,
            CardSheet: self._card_sheet,
        }

    # -- whole documents ---------------------------------------------------

    def render_document(self) -> None:
        """Draw every block, flowing onto as many pages as needed."""
        for block in self.doc.blocks:
            self.draw[type(block)](block)

    def render_certificate(self) -> None:
        """Fit everything on one page, then draw it vertically centred.

        The blocks are measured off-page; while they are taller than the page, the text
        shrinks a step (long skill lists already sit in two columns), so a certificate
        is always one page, whatever the language or the number of skills.
        """
        pdf = self.pdf
        top = pdf.y
        room = pdf.h - pdf.t_margin - pdf.b_margin
        pdf.set_auto_page_break(False)
        for scale in CERT_SCALES:
            self.styles = _scaled(CERT_STYLES, scale)
            height = self._measure(top)
            if height <= room:
                break
        self.fresh = True
        pdf.set_y(top + max(0.0, (room - height) / 2))
        self.render_document()

    def _measure(self, top: float) -> float:
        """Height in mm that every block takes from *top* (drawn off-page, then discarded)."""
        pdf = self.pdf
        self.fresh = True
        pdf.set_y(top)
        with pdf.offset_rendering():
            self.render_document()
            height = pdf.y - top
        pdf.set_y(top)
        return height

    # -- helpers -----------------------------------------------------------

    def _use(self, style: TextStyle) -> None:
        """Select the font and colour of *style*."""
        _use_style(self.pdf, style)

    @contextmanager
    def _outlined(self, style: TextStyle) -> Iterator[None]:
        """Draw bold CJK text with a thin outline in a local context (the font has one weight)."""
        if self.wrap is not WrapMode.CHAR or not style.bold:
            yield
            return
        # fpdf2 2.8.9 writes a text fragment's line width without converting mm to pt.
        stroke = style.size * MM_PER_PT * FAKE_BOLD_EM * self.pdf.k
        with self.pdf.local_context(
            text_mode=TextMode.FILL_STROKE, line_width=stroke, draw_color=style.color
        ):
            yield

    def _text(
        self, text: str, style: TextStyle, *, x: float | None = None, w: float = 0, align: str = ""
    ) -> None:
        """Write a wrapped paragraph at *x* (default: left margin), *w* mm wide (0: to margin)."""
        pdf = self.pdf
        x = pdf.l_margin if x is None else x
        text = self._cjk_breaks(text, style, w or pdf.w - pdf.r_margin - x)
        self._use(style)
        pdf.set_x(x)
        with self._outlined(style):
            pdf.multi_cell(
                w,
                style.line_height,
                text,
                align=align or self.align,
                wrapmode=self.wrap,
                new_x=XPos.LMARGIN,
                new_y=YPos.NEXT,
            )
        self.fresh = False

    def _height(self, text: str, style: TextStyle, w: float) -> float:
        """Height in mm that *text* would take in a column *w* mm wide."""
        self._use(style)
        return float(
            self.pdf.multi_cell(
                w,
                style.line_height,
                self._cjk_breaks(text, style, w),
                align=self.align,
                wrapmode=self.wrap,
                dry_run=True,
                output=MethodReturnValue.HEIGHT,
            )
        )

    def _cjk_breaks(self, text: str, style: TextStyle, width: float) -> str:
        """*text* with hard breaks added where character wrapping would break a rule.

        Only for scripts wrapped between characters. Each pass measures the lines
        and fixes the first bad break, so a paragraph without one costs one pass. The
        result is remembered for the run (it depends only on what the key holds).
        """
        if self.wrap is not WrapMode.CHAR:
            return text
        key = (self.fonts_key, text, style.size, style.bold, round(width, 6))
        found = _CJK_BREAKS.get(key)
        if found is None:
            if len(_CJK_BREAKS) >= _CJK_BREAKS_MAX:
                _CJK_BREAKS.clear()
            found = _CJK_BREAKS[key] = self._find_cjk_breaks(text, style, width)
        return found

    def _find_cjk_breaks(self, text: str, style: TextStyle, width: float) -> str:
        """:meth:`_cjk_breaks` without the memo: measure, fix the first bad break, repeat."""
        self._use(style)
        for _ in range(MAX_BREAK_FIXES):
            lines = self.pdf.multi_cell(
                width,
                style.line_height,
                text,
                wrapmode=WrapMode.CHAR,
                dry_run=True,
                output=MethodReturnValue.LINES,
            )
            cut = _first_bad_break(text, lines)
            if cut is None:
                break
            text = f"{text[:cut]}\n{text[cut:]}"
        return text

    def _ensure_room(self, height: float) -> None:
        """Start a new page unless *height* mm still fit on this one (or it is empty)."""
        if not self.fresh and self.pdf.will_page_break(height):
            self._new_page()

    def _new_page(self) -> None:
        """Add a page and mark it empty."""
        self.pdf.add_page()
        self.fresh = True

    def _gap(self, height: float = BLOCK_GAP) -> None:
        """Leave vertical space after a block (none at the top of a page)."""
        if not self.fresh:
            self.pdf.ln(height)

    def _columns(self, lead: float, indent: float = 0.0) -> tuple[float, float, float]:
        """Marker-column x, then text x and width, for a *lead*-mm marker on the start side."""
        pdf = self.pdf
        width = pdf.epw - lead - indent
        if self.doc.rtl:
            return pdf.l_margin + width, pdf.l_margin, width
        return pdf.l_margin + indent, pdf.l_margin + indent + lead, width

    # -- blocks ------------------------------------------------------------

    def _heading(self, block: Heading) -> None:
        """Headings: bold, larger; level 2 gets an accent rule; all keep with what follows."""
        level = min(max(block.level, 1), MAX_HEADING)
        style = self.styles[f"h{level}"]
        self._gap(SPACE_BEFORE[level])
        if not self.certificate:
            self._ensure_room(KEEP_WITH_NEXT)
        if level <= self.outline_depth:
            self.pdf.start_section(plain(block.text), level - 1, strict=False)
        self._text(block.text, style)
        if level == 2 and not self.certificate:
            self._rule(ACCENT, 0.6)
        self.pdf.ln(SPACE_AFTER[level])

    def _rule(self, color: Color, width: float) -> None:
        """A horizontal line across the text column, just under the current line."""
        pdf = self.pdf
        pdf.set_draw_color(*color)
        pdf.set_line_width(width)
        y = pdf.y + 0.6
        pdf.line(pdf.l_margin, y, pdf.w - pdf.r_margin, y)
        pdf.set_y(y + width)

    def _paragraph(self, block: Paragraph) -> None:
        """Body, lead or note text; a callout is boxed."""
        if block.style == "callout":
            self._callout(block.text)
        else:
            self._text(block.text, self.styles[block.style])
        self.pdf.ln(BLOCK_GAP)

    def _callout(self, text: str) -> None:
        """A key message in a softly filled box with an accent bar on the start side."""
        pdf, style = self.pdf, self.styles["callout"]
        pad, bar = 3.5, 1.6
        text_w = pdf.epw - 2 * pad - bar
        height = self._height(text, style, text_w) + 2 * pad
        if height > pdf.eph:  # too long to box: plain text
            self._text(text, style)
            return
        self._ensure_room(height)
        y = pdf.y
        pdf.set_fill_color(*ACCENT_SOFT)
        pdf.rect(pdf.l_margin, y, pdf.epw, height, style="F", round_corners=True, corner_radius=2)
        pdf.set_fill_color(*ACCENT)
        bar_x = pdf.w - pdf.r_margin - bar if self.doc.rtl else pdf.l_margin
        pdf.rect(bar_x, y, bar, height, style="F")
        text_x = pdf.l_margin + pad + (0 if self.doc.rtl else bar)
        pdf.set_y(y + pad)
        self._text(text, style, x=text_x, w=text_w)
        pdf.set_y(y + height)

    def _bullets(self, block: Bullets) -> None:
        """Bulleted, numbered or tick-box items; the marker sits on the start side."""
        if self.certificate and len(block.items) > CERT_ONE_COLUMN:
            self._bullets_in_columns(block)
            return
        style = self.styles["body"]
        lead = 8.0 if block.ordered else 6.5
        marker_x, text_x, text_w = self._columns(lead, indent=1.5)
        for number, item in enumerate(block.items, start=1):
            self._ensure_room(style.line_height)
            y = self.pdf.y
            self._marker(block, number, marker_x, lead, y, style)
            self.pdf.set_y(y)
            self._text(item, style, x=text_x, w=text_w, align=self.start)
            self.pdf.ln(1.2)
        self.pdf.ln(BLOCK_GAP - 1.2)

    def _bullets_in_columns(self, block: Bullets) -> None:
        """A long list in two columns, read down the first (the start side) then the second."""
        pdf, style = self.pdf, self.styles["body"]
        lead, gap = 6.5, 8.0
        half = (len(block.items) + 1) // 2
        column_w = (pdf.epw - gap) / 2
        starts = [pdf.l_margin, pdf.l_margin + column_w + gap]
        if self.doc.rtl:
            starts.reverse()
        for row in range(half):
            y = pdf.y
            bottom = y
            for column, start in enumerate(starts):
                index = row + column * half
                if index >= len(block.items):
                    continue
                marker_x = start + column_w - lead if self.doc.rtl else start
                text_x = start if self.doc.rtl else start + lead
                self._marker(block, index + 1, marker_x, lead, y, style)
                pdf.set_y(y)
                self._text(block.items[index], style, x=text_x, w=column_w - lead, align=self.start)
                bottom = max(bottom, pdf.y)
            pdf.set_y(bottom + 1.2)
        pdf.ln(BLOCK_GAP - 1.2)

    def _marker(
        self, block: Bullets, number: int, x: float, lead: float, y: float, style: TextStyle
    ) -> None:
        """Draw one list marker: a tick box, a number or a bullet."""
        pdf = self.pdf
        if block.checkbox:
            side = 3.6
            pdf.set_draw_color(*INK)
            pdf.set_line_width(0.35)
            box_x = x + (lead - side) / 2
            pdf.rect(box_x, y + (style.line_height - side) / 2, side, side)
            return
        self._use(style)
        pdf.set_xy(x, y)
        if block.ordered:
            align = "L" if self.doc.rtl else "R"
            pdf.cell(lead - 1.5, style.line_height, f"{number}.", align=align)
        else:
            self._use(TextStyle(style.size, bold=True, color=ACCENT))
            pdf.cell(lead, style.line_height, "\u2022", align="C")

    def _terms(self, block: Terms) -> None:
        """Term / explanation pairs: two columns when every term is short, else stacked."""
        bold = TextStyle(self.styles["body"].size, bold=True)
        self._use(bold)
        widest = max((self.pdf.get_string_width(term) for term, _ in block.items), default=0)
        if widest <= self.pdf.epw * 0.3 and not self.certificate:
            self._terms_in_columns(block, widest + 6)
        else:
            self._terms_stacked(block)
        self.pdf.ln(BLOCK_GAP - 1.2)

    def _terms_in_columns(self, block: Terms, term_w: float) -> None:
        """Short terms in a start-side column, explanations beside them."""
        pdf, body = self.pdf, self.styles["body"]
        bold = TextStyle(body.size, bold=True)
        term_w = max(term_w, 28.0)
        expl_w = pdf.epw - term_w
        term_x, expl_x = (
            (pdf.l_margin + expl_w, pdf.l_margin)
            if self.doc.rtl
            else (
                pdf.l_margin,
                pdf.l_margin + term_w,
            )
        )
        for term, explanation in block.items:
            height = max(self._height(term, bold, term_w), self._height(explanation, body, expl_w))
            if height < pdf.eph:
                self._ensure_room(height)
            y = pdf.y
            self._text(term, bold, x=term_x, w=term_w, align=self.start)
            pdf.set_y(y)
            self._text(explanation, body, x=expl_x, w=expl_w, align=self.start)
            pdf.set_y(max(pdf.y, y + height) + 1.2)

    def _terms_stacked(self, block: Terms) -> None:
        """Each term in bold on its own line, its explanation indented below."""
        pdf, body = self.pdf, self.styles["body"]
        bold = TextStyle(body.size, bold=True)
        _, expl_x, expl_w = self._columns(6.0)
        if self.certificate:
            expl_x, expl_w = pdf.l_margin, pdf.epw
        for term, explanation in block.items:
            self._ensure_room(2 * body.line_height)
            self._text(term, bold)
            self._text(explanation, body, x=expl_x, w=expl_w)
            pdf.ln(1.2)

    def _table(self, block: Table) -> None:
        """A table with a shaded header row, wrapping cells and relative column widths."""
        pdf, style = self.pdf, self.styles["table"]
        rows = [_fit_row(row, len(block.header)) for row in (block.header, *block.rows)]
        widths: Sequence[float] = block.widths or (1,) * len(block.header)
        if self.doc.rtl:  # columns read from the right, as in the HTML version
            rows = [row[::-1] for row in rows]
            widths = tuple(widths)[::-1]
        rows = self._cjk_table_breaks(rows, widths, style)
        self._use(style)
        pdf.set_draw_color(*RULE)
        pdf.set_line_width(0.25)
        # fpdf2 2.8.9 fills the cells that cell_fill_mode skips with the current fill colour.
        pdf.set_fill_color(255, 255, 255)
        with pdf.table(
            rows=rows,
            col_widths=tuple(widths),
            width=pdf.epw,
            text_align="RIGHT" if self.doc.rtl else "LEFT",
            v_align="TOP",
            wrapmode=self.wrap,
            line_height=style.line_height,
            padding=(TABLE_PAD_Y, TABLE_PAD_X),
            headings_style=FontFace(emphasis="BOLD", color=INK, fill_color=ACCENT_SOFT),
            cell_fill_color=ROW_FILL,
            cell_fill_mode=TableCellFillMode.EVEN_ROWS,
        ):
            pass  # every row was given up front
        self.fresh = False
        pdf.ln(BLOCK_GAP + 1)

    def _bars(self, block: Bars) -> None:
        """A compact bar chart: the label, then per column an outlined bar and its value.

        The first columns' bars are grey and the last one's ink-dark, and every bar has
        its value written beside it, so the chart reads in black and white; right to
        left, each row is mirrored (label on the right, bars filling from the right).
        """
        pdf = self.pdf
        style, head = TextStyle(9, leading=1.22), TextStyle(9, bold=True, leading=1.22)
        columns = max(1, len(block.header) - 1)
        label_w = pdf.epw * 0.34
        col_w = (pdf.epw - label_w) / columns
        gap, pad, bar_h = 2.0, 0.45, 3.0
        track_w = col_w * 0.4
        text_w = col_w - track_w - 2 * gap

        def x_of(offset: float, width: float) -> float:
            """The left edge of a piece *offset* mm from the start side, *width* mm wide."""
            return pdf.w - pdf.r_margin - offset - width if self.doc.rtl else pdf.l_margin + offset

        self._ensure_room(3 * style.line_height + 2 * pad)
        y = pdf.y
        for index, text in enumerate(block.header):
            offset, width = (0.0, label_w - gap) if index == 0 else (
                label_w + (index - 1) * col_w, col_w - gap
            )
            pdf.set_y(y)
            self._text(text, head, x=x_of(offset, width), w=width)
        pdf.set_y(y + head.line_height + pad)
        self._rule(RULE, 0.3)
        for row in block.rows:
            height = max(
                self._height(row.label, style, label_w - gap),
                *(self._height(text, style, text_w) for _, text in row.values[:columns]),
            )
            self._ensure_room(height + 2 * pad)
            y = pdf.y + pad
            pdf.set_y(y)
            self._text(row.label, style, x=x_of(0.0, label_w - gap), w=label_w - gap)
            for index, (share, text) in enumerate(row.values[:columns]):
                start = label_w + index * col_w
                track = x_of(start, track_w)
                top = y + (style.line_height - bar_h) / 2
                if share:
                    fill_w = track_w * min(1.0, max(0.0, share))
                    fill_x = track + track_w - fill_w if self.doc.rtl else track
                    shade = INK if index == columns - 1 else (165, 165, 165)
                    pdf.set_fill_color(*shade)
                    pdf.rect(fill_x, top, fill_w, bar_h, style="F")
                pdf.set_draw_color(*INK)
                pdf.set_line_width(0.25)
                pdf.rect(track, top, track_w, bar_h, style="D")
                pdf.set_y(y)
                self._text(text, style, x=x_of(start + track_w + gap, text_w), w=text_w)
            pdf.set_y(y + height + pad)
            self._rule(RULE, 0.15)
        self.fresh = False
        pdf.ln(BLOCK_GAP)

    def _cjk_table_breaks(
        self, rows: list[tuple[str, ...]], widths: Sequence[float], style: TextStyle
    ) -> list[tuple[str, ...]]:
        """Table rows with :meth:`_cjk_breaks` applied to every cell (a no-op elsewhere)."""
        if self.wrap is not WrapMode.CHAR:
            return rows
        total = sum(widths)
        inner = [self.pdf.epw * w / total - 2 * TABLE_PAD_X for w in widths]
        bold = TextStyle(style.size, bold=True, leading=style.leading)
        return [
            tuple(
                self._cjk_breaks(cell, bold if number == 0 else style, width)
                for cell, width in zip(row, inner, strict=True)
            )
            for number, row in enumerate(rows)
        ]

    def _write_line(self, block: WriteLine) -> None:
        """A label and a long line to write on (certificates: a centred line, label below)."""
        if self.certificate:
            self._certificate_line(block.label)
            return
        pdf, style = self.pdf, self.styles["label"]
        height = 11.0
        self._ensure_room(height + style.line_height)
        self._use(style)
        label_w = pdf.get_string_width(block.label) + 2 * pdf.c_margin
        if label_w > pdf.epw * 0.6:  # a long label goes above a full-width line
            self._text(block.label, style)
            label_w = 0.0
        y = pdf.y
        if label_w:
            label_x = pdf.w - pdf.r_margin - label_w if self.doc.rtl else pdf.l_margin
            pdf.set_xy(label_x, y + height - style.line_height)
            pdf.cell(label_w, style.line_height, block.label, align=self.start)
        gap = 2.0 if label_w else 0.0
        left = pdf.l_margin + (0.0 if self.doc.rtl else label_w + gap)
        right = pdf.w - pdf.r_margin - (label_w + gap if self.doc.rtl else 0.0)
        base = y + height - 1.2
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.3)
        pdf.line(left, base, right, base)
        self.fresh = False
        pdf.set_y(y + height + BLOCK_GAP)

    def _certificate_line(self, label: str) -> None:
        """A centred line with its label underneath, for a name or signature."""
        pdf, style = self.pdf, self.styles["label"]
        length = min(120.0, pdf.epw)
        x = (pdf.w - length) / 2
        y = pdf.y + 14
        pdf.set_draw_color(*INK)
        pdf.set_line_width(0.35)
        pdf.line(x, y, x + length, y)
        pdf.set_y(y + 1)
        self._text(label, style, align="C")
        pdf.ln(BLOCK_GAP)

    def _card_sheet(self, block: CardSheet) -> None:
        """Cards to cut out, in a grid with crop marks (see :mod:`game.printing.pdf_cards`)."""
        from game.printing.pdf_cards import draw_card_sheet

        draw_card_sheet(self, block, lambda size, bold: TextStyle(size, bold, leading=1.3))

    def _page_break(self, block: PageBreak) -> None:
        """Start a new page, unless the current one is still empty."""
        if not self.fresh:
            self._new_page()


def _first_bad_break(text: str, lines: Sequence[str]) -> int | None:
    """Index in *text* where a line should break instead, for the first bad soft break.

    A soft break is bad when the next line starts with closing punctuation, the line
    ends with opening punctuation, or it splits a Latin word or number. Returns None
    when every break is fine (or the lines cannot be matched to the text).
    """
    start = end = 0
    for number, line in enumerate(lines):
        found = text.find(line, end) if line else end
        if found < 0:
            return None
        soft = number > 0 and found == end and line
        if soft:
            cut = _better_break(text, start, end)
            if cut is not None:
                return cut
        start, end = found, found + len(line)
    return None


def _better_break(text: str, start: int, end: int) -> int | None:
    """Where to break instead of *end*, for a line text[start:end]; None if *end* is fine."""
    cut = end
    if text[end] in NO_LINE_START or text[end - 1] in NO_LINE_END:
        cut = end - 1
        while cut > start + 1 and (text[cut] in NO_LINE_START or text[cut - 1] in NO_LINE_END):
            cut -= 1
    elif text[end].isascii() and text[end].isalnum():
        tail = LATIN_TAIL.search(text, start, end)
        if tail:
            cut = tail.start()
    return cut if start < cut < end else None


def _fit_row(row: Sequence[str], columns: int) -> tuple[str, ...]:
    """*row* cut or padded with empty cells to exactly *columns* cells."""
    return tuple(row[:columns]) + ("",) * (columns - len(row))
