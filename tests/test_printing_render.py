"""The HTML and PDF renderers of printable documents (plans, family letters, certificates)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest
from babel.messages.pofile import read_po

from game.printing.document import (
    Block,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Terms,
    WriteLine,
)
from game.printing.html import render_html
from game.printing.pdf import _first_bad_break, render_pdf

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
ZH_CATALOG = ROOT / "locales" / "zh_Hans" / "LC_MESSAGES" / "messages.po"

EN = {
    "title": "Lesson plan: Spotting tricks",
    "sections": ("Before the lesson", "Discussion questions", "Family follow-up"),
    "sub": "Ground rules",
    "body": "Children learn to spot the signs of a tricky online stranger and to tell an adult.",
    "item": "Tell a trusted adult",
}
AR = {
    "title": "خطة الدرس",
    "sections": ("قبل الدرس", "أسئلة للنقاش", "متابعة مع الأسرة"),
    "sub": "قواعد الصف",
    "body": "يتعلم الأطفال كيف يلاحظون علامات الغريب المخادع على الإنترنت وأن يخبروا شخصًا بالغًا.",
    "item": "أخبر شخصًا بالغًا تثق به",
}


def zh_strings() -> dict[str, object]:
    """Chinese texts taken from the catalog, so every character is in the CJK subset font."""
    with ZH_CATALOG.open("rb") as handle:
        catalog = read_po(handle)

    def tr(msgid: str) -> str:
        message = catalog.get(msgid)
        assert message is not None and message.string, f"{msgid!r} is not translated"
        return str(message.string)

    return {
        "title": tr("Choose a mission"),
        "sections": (tr("Settings"), tr("Too-nice compliments"), tr("Photo pressure")),
        "sub": tr("Secret-keeper trap"),
        "body": tr("Lots of praise to win your trust fast."),
        "item": tr("Asking you to hide the chat from grown-ups."),
    }


def sample(strings: dict, lang: str, rtl: bool, *, repeat: int = 1) -> Document:
    """A plan-like document that uses every block type; *repeat* lengthens it."""
    title, body, item, sub = strings["title"], strings["body"], strings["item"], strings["sub"]
    blocks: list[Block] = [Heading(title, 1), Paragraph(body, "lead")]
    for number, section in enumerate(strings["sections"]):
        blocks += [
            Heading(section, 2),
            Paragraph(" ".join([body] * 3 * repeat)),
            Paragraph(body, "callout"),
            Bullets((item, body), ordered=number == 1),
            Heading(sub, 3),
            Bullets((item,) * 2, checkbox=True),
            Terms(((item, body), (sub, body))),
            Table((sub, item, "3"), ((body, item, "1"), (item, body, "2")), widths=(2, 3, 1)),
            Paragraph(body, "note"),
        ]
    blocks.append(WriteLine(item))
    return Document(title=title, lang=lang, rtl=rtl, blocks=tuple(blocks), footer=sub)


class TagCollector(HTMLParser):
    """Records every start tag (with attributes) and the text inside each element."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self._open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in {"meta", "col", "br"}:
            self._open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self._open:
            while self._open.pop() != tag:
                pass

    def handle_data(self, data: str) -> None:
        if self._open:
            self.texts.setdefault(self._open[-1], []).append(data)

    def named(self, tag: str) -> list[dict[str, str | None]]:
        return [attrs for name, attrs in self.tags if name == tag]


def parse(page: str) -> TagCollector:
    """The tags and texts of an HTML page."""
    collector = TagCollector()
    collector.feed(page)
    collector.close()
    return collector


def squash(text: str) -> str:
    """*text* without spacing, for comparisons.

    NFKC turns Arabic presentation forms back into letters. NULs go because pypdf puts
    one before each character of the CJK font: it decodes that font's custom encoding
    CMap one byte at a time (the PDF's ToUnicode map is right; pdftotext reads it fine).
    """
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\x00\u200b]+", "", text)


def pdf_text(data: bytes) -> str:
    """The text pypdf extracts from every page, plus the CJK text decoded by :func:`cid_text`."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join([page.extract_text() for page in reader.pages] + [cid_text(reader)])


def _to_unicode(font: pypdf.generic.DictionaryObject) -> dict[bytes, str]:
    """A Type0 font's ToUnicode map: 2-byte glyph code -> text (bfchar entries)."""
    stream = font.get("/ToUnicode")
    if stream is None:
        return {}
    cmap = stream.get_object().get_data().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block):
            out[bytes.fromhex(code)] = bytes.fromhex(text).decode("utf-16-be")
    return out


def cid_text(reader: pypdf.PdfReader) -> str:
    """Text drawn with the CJK font, decoded two bytes per glyph through its ToUnicode map.

    pypdf 7 decodes that font's codes one byte at a time, so once a document uses more
    than 255 CJK glyphs its text comes out wrong (the PDF is right: pdftotext reads it).
    """
    lines = []
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        maps = {
            name: _to_unicode(ref.get_object())
            for name, ref in fonts.items()
            if "CJK" in str(ref.get_object().get("/BaseFont", ""))
        }
        current: dict[bytes, str] | None = None
        content = pypdf.generic.ContentStream(page.get_contents(), reader)
        for operands, operator in content.operations:
            if operator == b"Tf":
                current = maps.get(operands[0])
            elif operator in (b"Tj", b"TJ") and current is not None:
                shown = operands[0]
                parts = (
                    [shown]
                    if operator == b"Tj"
                    else [x for x in shown if isinstance(x, str | bytes)]
                )
                for part in parts:
                    raw = (
                        part.get_original_bytes()
                        if hasattr(part, "get_original_bytes")
                        else bytes(part)
                    )
                    lines.append(
                        "".join(current.get(raw[i : i + 2], "") for i in range(0, len(raw), 2))
                    )
            elif operator == b"ET":
                lines.append("\n")
    return "".join(lines)


def contains(extracted: str, phrase: str) -> bool:
    """Whether *phrase* is in the extracted text, in logical or visual word order.

    pypdf returns each run of a right-to-left line in logical order but may return the
    runs (words) in visual, left-to-right order; both are correct renderings of *phrase*.
    Visual order also mirrors paired punctuation (« » become » «) and moves a final
    question mark to the other end, so punctuation is compared only where it sits inside
    a word: the words themselves must all be there, in one of the two orders (or, for a
    line whose runs come back in yet another order, all on one line).
    """
    haystack = squash(extracted)
    words = phrase.split()
    if any(squash(candidate) in haystack for candidate in (phrase, " ".join(reversed(words)))):
        return True
    letters = squash(_words_only(extracted))
    bare = _words_only(phrase).split()
    if any(squash(" ".join(order)) in letters for order in (bare, bare[::-1])):
        return True
    # A right-to-left line with a quoted run («...») may come back as runs in a third order;
    # then every word of the phrase must still be on one line of the extracted text.
    return any(
        not Counter(bare) - Counter(_words_only(line).split()) for line in extracted.splitlines()
    )


def _words_only(text: str) -> str:
    """*text* with punctuation and symbols turned into spaces (letters, marks, digits stay)."""
    return "".join(
        c if unicodedata.category(c)[0] in "LMN" else " "
        for c in unicodedata.normalize("NFKC", text)
    )


def pages(data: bytes) -> list[pypdf.PageObject]:
    """The pages of a PDF."""
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


# -- HTML --------------------------------------------------------------------------


@pytest.mark.parametrize(("strings", "lang", "rtl"), [(EN, "en", False), (AR, "ar", True)])
def test_html_declares_language_and_direction(strings: dict, lang: str, rtl: bool) -> None:
    """The html element carries the document's language and text direction."""
    page = parse(render_html(sample(strings, lang, rtl)))
    (html_attrs,) = page.named("html")
    assert html_attrs == {"lang": lang, "dir": "rtl" if rtl else "ltr"}
    assert {"charset": "utf-8"} in page.named("meta")
    assert any(meta.get("name") == "viewport" for meta in page.named("meta"))
    assert page.texts["title"] == [strings["title"]]


def test_html_heading_hierarchy_follows_the_document() -> None:
    """One h1, then one h2 per level-2 heading in order, and h3 for sub-sections."""
    doc = sample(EN, "en", False)
    page = parse(render_html(doc))
    assert len(page.named("h1")) == 1
    assert page.texts["h1"] == [EN["title"]]
    assert page.texts["h2"] == list(doc.headings(level=2))
    assert page.texts["h3"] == list(doc.headings(level=3))
    assert len(page.named("main")) == 1


def test_html_uses_the_title_as_h1_when_no_heading_is_level_one() -> None:
    """A document without a level-1 heading still gets exactly one h1 (its title)."""
    doc = Document(title="Family letter", lang="en", rtl=False, blocks=(Heading("Dear family"),))
    page = parse(render_html(doc))
    assert page.texts["h1"] == ["Family letter"]
    assert page.texts["h2"] == ["Dear family"]


def test_html_table_has_column_header_cells() -> None:
    """Tables have a thead whose th cells are scoped to their column."""
    page = parse(render_html(sample(EN, "en", False)))
    headers = page.named("th")
    assert headers and all(th.get("scope") == "col" for th in headers)
    assert len(page.named("thead")) == len(page.named("table")) == 3
    assert len(headers) == 3 * 3


def test_html_renders_lists_terms_lines_and_breaks_without_form_controls() -> None:
    """Bullets, numbers, tick boxes, terms, write-on lines and page breaks are plain markup."""
    doc = Document(
        title="All blocks",
        lang="en",
        rtl=False,
        footer="Signal Scouts",
        blocks=(
            Bullets(("a", "b")),
            Bullets(("one",), ordered=True),
            Bullets(("tick me",), checkbox=True),
            Terms((("Grooming", "Building trust to exploit it"),)),
            Paragraph("Key message", "callout"),
            WriteLine("Signature"),
            PageBreak(),
        ),
    )
    page = parse(render_html(doc))
    assert len(page.named("ul")) == 2 and len(page.named("ol")) == 1
    assert {"class": "checklist"} in page.named("ul")
    assert page.texts["dt"] == ["Grooming"] and page.texts["dd"] == ["Building trust to exploit it"]
    assert {"class": "callout"} in page.named("p")
    assert page.texts["span"][0] == "Signature"
    assert {"class": "page-break"} in page.named("div")
    assert page.named("footer") and not page.named("input")


def test_html_is_self_contained_with_no_scripts_or_remote_resources() -> None:
    """No script, no link, no src/href attributes, no url() or @import in the CSS."""
    for doc in (sample(EN, "en", False), sample(AR, "ar", True)):
        source = render_html(doc)
        page = parse(source)
        assert not page.named("script") and not page.named("link")
        assert all("src" not in attrs and "href" not in attrs for _, attrs in page.tags)
        assert "url(" not in source and "@import" not in source and "http" not in source


def test_html_escapes_document_text() -> None:
    """Markup in document text is shown as text, never interpreted."""
    nasty = '<script>alert("x")</script> & <b>bold</b>'
    doc = Document(
        title=nasty, lang="en", rtl=False, blocks=(Heading(nasty, 1), Table((nasty,), ((nasty,),)))
    )
    source = render_html(doc)
    page = parse(source)
    assert not page.named("script") and not page.named("b")
    assert "&lt;script&gt;" in source and "&amp;" in source
    assert "".join(page.texts["h1"]) == nasty


def test_html_certificate_prints_landscape() -> None:
    """A certificate page asks for A4 landscape and keeps its footer inside the frame."""
    doc = Document(
        title="Certificate",
        lang="en",
        rtl=False,
        layout="certificate",
        footer="Signal Scouts",
        blocks=(Heading("Certificate of courage", 1), WriteLine("Name")),
    )
    source = render_html(doc)
    assert "size: A4 landscape" in source and 'class="certificate"' in source
    assert source.index("<footer>") < source.index("</main>")


# -- PDF ---------------------------------------------------------------------------


def test_pdf_long_document_flows_onto_several_pages() -> None:
    """Text longer than a page continues on further A4 portrait pages with the same size."""
    data = render_pdf(sample(EN, "en", False, repeat=4), FONTS)
    assert data.startswith(b"%PDF-")
    sheets = pages(data)
    assert len(sheets) > 1
    width, height = float(sheets[0].mediabox.width), float(sheets[0].mediabox.height)
    assert height > width and round(width) == 595  # A4 in points


def test_pdf_page_break_starts_a_new_page() -> None:
    """A PageBreak block adds exactly one page; one at the top of a page adds none."""
    short = (Heading("One", 1), Paragraph("First page."))
    base = Document(title="t", lang="en", rtl=False, blocks=short)
    broken = Document(title="t", lang="en", rtl=False, blocks=(*short, PageBreak(), Heading("Two")))
    doubled = Document(
        title="t", lang="en", rtl=False, blocks=(*short, PageBreak(), PageBreak(), Heading("Two"))
    )
    assert len(pages(render_pdf(base, FONTS))) == 1
    assert len(pages(render_pdf(broken, FONTS))) == 2
    assert len(pages(render_pdf(doubled, FONTS))) == 2


def test_pdf_certificate_is_one_landscape_page() -> None:
    """A certificate is a single A4 landscape page with its texts on it."""
    doc = Document(
        title="Certificate",
        lang="en",
        rtl=False,
        layout="certificate",
        footer="Signal Scouts",
        blocks=(
            Heading("Certificate of courage", 1),
            Paragraph("awarded to", "lead"),
            WriteLine("Name"),
            Paragraph("for learning how to spot tricks online and ask for help."),
            WriteLine("Teacher"),
        ),
    )
    data = render_pdf(doc, FONTS)
    (sheet,) = pages(data)
    assert float(sheet.mediabox.width) > float(sheet.mediabox.height)
    text = pdf_text(data)
    for phrase in ("Certificate of courage", "awarded to", "Name", "Teacher", "Signal Scouts"):
        assert contains(text, phrase)


@pytest.mark.parametrize(
    ("strings", "lang", "rtl"),
    [(EN, "en", False), (AR, "ar", True), (None, "zh-Hans", False)],
    ids=["en", "ar", "zh"],
)
def test_pdf_text_contains_every_heading(strings: dict | None, lang: str, rtl: bool) -> None:
    """Every heading can be found in the PDF's text, in Latin, Arabic and Chinese."""
    doc = sample(strings or zh_strings(), lang, rtl)
    text = pdf_text(render_pdf(doc, FONTS))
    for heading in doc.headings():
        assert contains(text, heading), heading
    assert contains(text, str(doc.blocks[1].text))  # type: ignore[union-attr]


def test_pdf_has_title_language_page_numbers_and_outline() -> None:
    """Metadata carries title and language; pages say "n / total"; headings form the outline."""
    doc = sample(AR, "ar", True, repeat=3)
    data = render_pdf(doc, FONTS)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.metadata is not None and reader.metadata.title == AR["title"]
    assert reader.trailer["/Root"]["/Lang"] == "ar"
    total = len(reader.pages)
    assert f"1 / {total}" in reader.pages[0].extract_text()
    assert contains(reader.pages[0].extract_text(), AR["sub"])  # the footer text

    def titles(outline: list) -> list[str]:
        flat: list[str] = []
        for item in outline:
            flat += titles(item) if isinstance(item, list) else [item.title]
        return flat

    assert titles(reader.outline) == [AR["title"], *AR["sections"]]


def test_pdf_embeds_fallback_fonts_only_for_the_scripts_used() -> None:
    """Arabic and Chinese quoted in an English document render; English alone embeds Andika."""
    chinese = str(zh_strings()["title"])
    mixed = Document(
        title="Mixed",
        lang="en",
        rtl=False,
        blocks=(Paragraph(f"Say {AR['title']} or {chinese} to the class."),),
    )
    plain = Document(title="Plain", lang="en", rtl=False, blocks=(Paragraph("Hello."),))

    def font_names(data: bytes) -> set[str]:
        fonts = pages(data)[0]["/Resources"]["/Font"]
        return {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in fonts.values()}

    data = render_pdf(mixed, FONTS)
    assert contains(pdf_text(data), AR["title"]) and contains(pdf_text(data), chinese)
    assert {"Andika", "NotoSansArabic", "NotoSansCJKSC"} <= font_names(data)
    assert font_names(render_pdf(plain, FONTS)) == {"Andika"}


def test_pdf_survives_awkward_input() -> None:
    """Ragged table rows, an empty document, a very long label and footer all still render."""
    table = Table(("a", "b", "c"), (("1",), ("1", "2", "3", "4")), widths=None)
    long_text = "A long label for the grown-up who signs this letter, explained in detail. " * 3
    for rtl, blocks in ((False, (table,)), (False, ()), (True, (WriteLine(long_text),))):
        doc = Document(title="t", lang="en", rtl=rtl, blocks=blocks, footer=long_text)
        assert len(pages(render_pdf(doc, FONTS))) == 1


def test_cjk_line_breaks_avoid_punctuation_at_line_start_and_split_words() -> None:
    """Character wrapping is corrected before closing punctuation and inside Latin words."""
    assert _first_bad_break("你好。世界", ["你好", "。世界"]) == 1
    assert _first_bad_break("你好“世界”", ["你好“", "世界”"]) == 2
    assert _first_bad_break("一个App聊天", ["一个Ap", "p聊天"]) == 2
    assert _first_bad_break("你好世界", ["你好", "世界"]) is None
    assert _first_bad_break("你好\n。世界", ["你好", "。世界"]) is None  # a hard break stays
