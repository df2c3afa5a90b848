"""Saving plans stays fast: fonts are subset without re-measuring glyphs, CJK breaks once a run."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from fontTools.ttLib import TTFont

from game.printing import pdf as pdf_module
from game.printing.document import Bullets, Document, Heading, Paragraph, Terms
from game.printing.pdf import TextStyle, _new_pdf, render_pdf

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
CHINESE = "孩子们学习识别网上陌生人的骗局，并告诉一位信任的大人。"  # all in the subset font


def chinese_doc(title: str = "课程计划") -> Document:
    """A Chinese plan-like document with a callout and terms (measured before drawn)."""
    return Document(
        title=title,
        lang="zh-Hans",
        rtl=False,
        blocks=(
            Heading(title, 1),
            Paragraph(CHINESE * 4),
            Paragraph(CHINESE, "callout"),
            Bullets((CHINESE, "Tell a trusted adult（信任的大人）。")),
            Terms(((title, CHINESE * 2),)),
        ),
        footer=title,
    )


def embedded_fonts(data: bytes) -> dict[str, bytes]:
    """The font programs embedded in a PDF, by base font name."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    found: dict[str, bytes] = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            for key in ("/FontFile2", "/FontFile3"):
                if key in descriptor:
                    found[str(font["/BaseFont"])] = descriptor[key].get_object().get_data()
    return found


def test_fonts_are_subset_without_recomputing_glyph_boxes() -> None:
    """Every font of a Chinese + Arabic document skips fontTools' per-glyph box pass."""
    doc = Document(title="t", lang="en", rtl=False, blocks=(Paragraph(f"{CHINESE} مرحبا"),))
    pdf = _new_pdf(doc, FONTS)
    assert len(pdf.fonts) == 5  # Andika and Noto Sans Arabic regular and bold, Noto Sans SC
    assert all(font.ttfont.recalcBBoxes is False for font in pdf.fonts.values())


def test_embedded_subset_fonts_still_parse() -> None:
    """The subsets saved that way are whole fonts: every embedded font program reads back."""
    fonts = embedded_fonts(render_pdf(chinese_doc(), FONTS))
    assert any("NotoSansCJKSC" in name for name in fonts)
    for name, program in fonts.items():
        if program[:4] in (b"\x00\x01\x00\x00", b"OTTO", b"true"):
            assert TTFont(io.BytesIO(program)).getGlyphOrder(), name
        else:  # a bare CFF program (the CID-keyed CJK font)
            assert program[:1] == b"\x01", name


def test_chinese_breaks_are_measured_once_per_run(monkeypatch: pytest.MonkeyPatch) -> None:
    """A second Chinese document with the same texts measures no line breaks again."""
    pdf_module._CJK_BREAKS.clear()
    calls: list[tuple] = []
    measure = pdf_module._Renderer._find_cjk_breaks

    def counted(self: pdf_module._Renderer, text: str, style: TextStyle, width: float) -> str:
        calls.append((text, style.size, style.bold, round(width, 6)))
        return measure(self, text, style, width)

    monkeypatch.setattr(pdf_module._Renderer, "_find_cjk_breaks", counted)
    first = render_pdf(chinese_doc(), FONTS)
    measured = len(calls)
    assert measured > 0
    assert len(set(calls)) == measured  # a callout is measured, then drawn: one pass
    second = render_pdf(chinese_doc(), FONTS)
    assert len(calls) == measured
    text = [
        "".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)
        for data in (first, second)
    ]
    assert text[0] == text[1]


def test_remembered_breaks_equal_freshly_measured_ones() -> None:
    """The memo returns exactly what measuring finds, for the same fonts, size and width."""
    pdf_module._CJK_BREAKS.clear()
    doc = chinese_doc()
    renderer = pdf_module._Renderer(_new_pdf(doc, FONTS), doc)
    style = pdf_module.DOC_STYLES["body"]
    text = "你好，世界。" * 20 + "一个App聊天。" * 5
    remembered = renderer._cjk_breaks(text, style, 60.0)
    assert remembered == renderer._find_cjk_breaks(text, style, 60.0)
    assert renderer._cjk_breaks(text, style, 60.0) is remembered
    assert renderer._cjk_breaks(text, style, 50.0) == renderer._find_cjk_breaks(text, style, 50.0)


MIXED = {
    "en": "Kai's new game friend says: keep it secret, switch apps, and I'll send you coins. "
    "Stop, block, report, and tell a trusted grown-up. It is never your fault. " * 3,
    "ar": "يقول صديق اللعبة الجديد: احتفظ بالسرّ وانتقل إلى تطبيق آخر (Signal Scouts). "
    "توقّف، احظر، أبلغ، وأخبر شخصًا بالغًا تثق به. ليس ذنبك أبدًا. " * 3,
    "zh-Hans": CHINESE * 5 + " Stop, block, report (Take It Down). " + CHINESE * 3,
}


def _lines(lang: str, width: float) -> list[tuple[str, float]]:
    """The lines fpdf2 breaks MIXED[lang] into at *width* mm, with each line's width."""
    doc = Document(title="t", lang=lang, rtl=lang == "ar", blocks=(Paragraph(MIXED[lang]),))
    pdf = _new_pdf(doc, FONTS)
    pdf.set_font(pdf.family, "", 11)
    lines = pdf.multi_cell(width, 5, MIXED[lang], dry_run=True, output="LINES")
    pdf.set_font_size(11)
    return [(line, round(pdf.get_string_width(line), 6)) for line in lines]


@pytest.mark.parametrize("lang", sorted(MIXED))
def test_linear_line_measuring_breaks_lines_where_fpdf2_does(lang: str) -> None:
    """The faster line measuring gives exactly fpdf2's own line breaks at several widths."""
    from game.printing import fpdf_speedups

    widths = (38.0, 61.5, 90.0, 170.0)
    fpdf_speedups.uninstall()
    try:
        own = [_lines(lang, width) for width in widths]
    finally:
        fpdf_speedups.install()
    assert [_lines(lang, width) for width in widths] == own
    assert all(len(lines) > 1 for lines in own)


def test_subsetting_drops_unused_tables_first_and_embeds_the_same_fonts() -> None:
    """Deleting the layout tables before subsetting leaves every embedded font byte-identical."""
    from game.printing import fpdf_speedups

    doc = Document(
        title="t",
        lang="ar",
        rtl=True,
        blocks=(Paragraph(MIXED["ar"]), Paragraph(MIXED["en"]), Paragraph(MIXED["zh-Hans"])),
    )
    fpdf_speedups.uninstall()
    try:
        pdf_module.fpdf_speedups.install, keep = (lambda: None), pdf_module.fpdf_speedups.install
        try:
            own = embedded_fonts(render_pdf(doc, FONTS))
        finally:
            pdf_module.fpdf_speedups.install = keep
    finally:
        fpdf_speedups.install()
    assert embedded_fonts(render_pdf(doc, FONTS)) == own
    assert len(own) >= 3


def test_installing_the_speedups_again_changes_nothing() -> None:
    """Every render installs the speed-ups; the second time leaves fpdf2's methods as they are."""
    from fontTools.subset import Subsetter
    from fpdf.line_break import CurrentLine, Fragment

    from game.printing import fpdf_speedups

    fpdf_speedups.install()
    before = (CurrentLine.width, Fragment.get_character_width, Subsetter.subset)
    render_pdf(chinese_doc(), FONTS)
    fpdf_speedups.install()
    assert (CurrentLine.width, Fragment.get_character_width, Subsetter.subset) == before
