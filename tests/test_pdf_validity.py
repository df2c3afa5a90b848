"""Every text-show operator in a printed PDF has a font selected (poppler: "No font in show").

The content streams are parsed with pypdf, so the check needs no poppler in the test run.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from pypdf.generic import ContentStream, DictionaryObject

from game.printing.document import Bullets, Document, Heading, Paragraph, Table, Terms
from game.printing.pdf import render_pdf
from game.printing.runs import english, isolated

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
SHOW = {b"Tj", b"TJ", b"'", b'"'}
AR_LINE = "يتعلم الأطفال كيف يلاحظون علامات الغريب المخادع على الإنترنت وأن يخبروا شخصًا بالغًا."
ZH_LINE = "如果有人让你保守秘密，告诉你信任的大人。你没有做错任何事。"
EN_LINE = "Common Sense Education - Digital Citizenship curriculum, 2024"


def shows_without_font(data: bytes) -> list[str]:
    """Where a PDF shows text with no font selected: "page N, operator K" for each.

    Follows the graphics-state stack (``q`` saves the font, ``Q`` restores it); a form
    XObject is checked on its own, starting with no font.
    """
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: list[str] = []
    for number, page in enumerate(reader.pages, start=1):
        streams = [(f"page {number}", page.get_contents())]
        resources = page.get("/Resources")
        xobjects = resources.get_object().get("/XObject") if resources else None
        for name, ref in (xobjects.get_object() if xobjects else {}).items():
            form = ref.get_object()
            if isinstance(form, DictionaryObject) and form.get("/Subtype") == "/Form":
                streams.append((f"page {number} form {name}", form))
        for where, stream in streams:
            if stream is None:
                continue
            font, saved = None, []
            for index, (operands, operator) in enumerate(ContentStream(stream, reader).operations):
                if operator == b"Tf":
                    font = operands[0]
                elif operator == b"q":
                    saved.append(font)
                elif operator == b"Q":
                    font = saved.pop() if saved else None
                elif operator in SHOW and font is None:
                    found.append(f"{where}, operator {index}")
    return found


def mixed_document(lang: str, rtl: bool, line: str) -> Document:
    """Lines that start in a fallback font, then in the primary one, across page breaks."""
    blocks: list = []
    for number in range(14):
        blocks += [
            Heading(f"{line[:12]} {number}", 2),
            Paragraph(f"{line}\n{EN_LINE}\n{line} {EN_LINE}\n{EN_LINE} {line}"),
            Terms(((english("ISTE Standards for Students"), f"{line} {english(EN_LINE)}"),)),
            Bullets((english(EN_LINE), f"{line} {isolated('1-800-843-5678')}", line)),
            Table(("A", line[:8]), ((EN_LINE, line), (line, EN_LINE))),
        ]
    return Document(f"{line[:10]}", lang, rtl, tuple(blocks), footer=f"Signal Scouts - {line[:10]}")


def test_documents_printed_one_after_another_always_select_a_font() -> None:
    """Arabic, Chinese and English documents printed in one run show no text without a font."""
    documents = [
        mixed_document("ar", True, AR_LINE),
        mixed_document("zh-Hans", False, ZH_LINE),
        mixed_document("en", False, EN_LINE),
        mixed_document("ar", True, AR_LINE),
        mixed_document("zh-Hans", False, ZH_LINE),
    ]
    for doc in documents:
        data = render_pdf(doc, FONTS)
        assert len(pypdf.PdfReader(io.BytesIO(data)).pages) > 1, doc.lang
        assert shows_without_font(data) == [], doc.lang


def test_the_font_check_finds_text_shown_before_any_font() -> None:
    """The checker itself: text shown after ``Q`` dropped the only font is reported."""
    pdf = pypdf.PdfWriter()
    page = pdf.add_blank_page(100, 100)
    content = pypdf.generic.DecodedStreamObject()
    content.set_data(b"q BT /F1 11 Tf (a) Tj ET Q BT (b) Tj ET")
    page[pypdf.generic.NameObject("/Contents")] = pdf._add_object(content)
    out = io.BytesIO()
    pdf.write(out)
    assert shows_without_font(out.getvalue()) == ["page 1, operator 7"]
