"""Lesson plans, family packs and certificates from the shipped lessons, checked for real.

PDF page counts and extracted text, HTML structure, in English, Arabic (RTL) and Chinese (CJK).
"""

from __future__ import annotations

import datetime
import io
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from game.cli import main
from game.content.loader import load_pack
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.certificate import certificate_document
from game.printing.family import family_document
from game.printing.html import render_html
from game.printing.pdf import render_pdf
from game.printing.plan import SECTIONS, plan_document
from tests.test_printing_render import contains, pdf_text

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
LANGS = ["en", "ar", "zh_Hans"]
FAMILY_SECTIONS = (
    "Conversation starters",
    "Our family agreement",
    "If your child tells you something happened",
    "Where to get help and report",
)


class Headings(HTMLParser):
    """Collects heading texts by level, and the html element's attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.levels: dict[str, list[str]] = {"h1": [], "h2": [], "h3": []}
        self.html_attrs: dict[str, str | None] = {}
        self._open: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.html_attrs = dict(attrs)
        if tag in self.levels:
            self._open = tag
            self.levels[tag].append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == self._open:
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open:
            self.levels[self._open][-1] += data


def headings(page: str) -> Headings:
    """Parse *page* and return its headings."""
    parser = Headings()
    parser.feed(page)
    return parser


def pages_of(data: bytes) -> list[pypdf.PageObject]:
    """The pages of a PDF."""
    return list(pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("language", LANGS)
def test_plan_pdf_has_every_section_in_each_script(language: str) -> None:
    """Each lesson's plan PDF runs several pages and its text holds every section heading."""
    tr = Translator(language, PATHS.locales)
    if language != "en":  # the headings really are in the language, not English fallbacks
        assert all(tr._(section) != section for section in SECTIONS)
    for lesson in PACK.lessons:
        doc = plan_document(lesson, tr, HELPLINES.for_country("US"))
        data = render_pdf(doc, PATHS.fonts)
        assert len(pages_of(data)) >= 3, lesson.id
        text = pdf_text(data)
        for section in SECTIONS:
            assert contains(text, tr._(section)), (lesson.id, language, section)
        title = tr.pgettext(f"{lesson.id}/title", lesson.title)
        assert contains(text, title)


@pytest.mark.parametrize("language", LANGS)
def test_plan_html_has_the_template_structure(language: str) -> None:
    """The HTML plan has one h1, the template's sections as h2 in order, and the right direction."""
    tr = Translator(language, PATHS.locales)
    lesson = PACK.by_id("g35-gift-or-trick")
    assert lesson is not None
    page = render_html(plan_document(lesson, tr, HELPLINES.for_country("GB")))
    found = headings(page)
    assert len(found.levels["h1"]) == 1
    assert [h.strip() for h in found.levels["h2"]] == [tr._(s) for s in SECTIONS]
    assert found.html_attrs["dir"] == ("rtl" if language == "ar" else "ltr")
    assert found.html_attrs["lang"] == language.replace("_", "-")
    assert "Childline" in page  # the GB help lines, from the locale data


@pytest.mark.parametrize("language", LANGS)
def test_family_pack_has_letter_agreement_and_disclosure_guidance(language: str) -> None:
    """The family pack PDF and HTML carry every part a parent needs."""
    tr = Translator(language, PATHS.locales)
    lesson = PACK.by_id("g68-pressure-for-pics")
    assert lesson is not None
    doc = family_document(lesson, tr, HELPLINES.for_country("US"))
    text = pdf_text(render_pdf(doc, PATHS.fonts))
    page = headings(render_html(doc))
    for section in FAMILY_SECTIONS:
        assert contains(text, tr._(section)), section
        assert tr._(section) in [h.strip() for h in page.levels["h2"]]
    device = "Do not take the device away: children stop telling when they fear losing it."
    assert contains(text, tr._(device))


def test_certificate_has_a_blank_name_line_and_the_skills() -> None:
    """The certificate is one landscape page with the skills and a line to write a name on."""
    tr = Translator("en", PATHS.locales)
    doc = certificate_document("G35", ["R10", "R12"], tr, datetime.date(2026, 11, 29))
    data = render_pdf(doc, PATHS.fonts)
    pages = pages_of(data)
    assert len(pages) == 1 and pages[0].mediabox.width > pages[0].mediabox.height
    text = pdf_text(data)
    for phrase in ("Write your name here", "Block", "Tell a trusted adult", "Ages 8-10"):
        assert contains(text, phrase)


def test_plans_command_writes_every_file(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`signal-scouts plans` writes plan and family pack per lesson, the book and an index."""
    code = main(["plans", "--lang", "en", "--lang", "ar", "--out", str(tmp_path)])
    assert code == 0
    for language in ("en", "ar"):
        for lesson in PACK.lessons:
            for kind in ("plan", "family"):
                for fmt in ("pdf", "html"):
                    assert (tmp_path / language / f"{lesson.id}-{kind}.{fmt}").stat().st_size
        book = (tmp_path / language / "curriculum-book.pdf").read_bytes()
        assert len(pages_of(book)) > 3 * len(PACK.lessons)
    assert "index.html" in capsys.readouterr().out
    assert (tmp_path / "index.html").read_text().count("<a href=") == 2 * (4 * 5 + 2)


def test_plans_command_refuses_unknown_lessons_and_languages(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    """A typo in --lesson or --lang exits 2 and lists what exists; nothing is written."""
    assert main(["plans", "--lesson", "g35-gift", "--out", str(tmp_path)]) == 2
    assert "g35-gift-or-trick" in capsys.readouterr().err
    assert main(["plans", "--lang", "de", "--out", str(tmp_path)]) == 2
    assert "zh_Hans" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_plan_names_the_game_steps_and_pause_points() -> None:
    """The lesson flow lists the steps a class plays and marks each pause point's question."""
    tr = Translator("en", PATHS.locales)
    lesson = PACK.by_id("g35-red-flag-detectives")
    assert lesson is not None
    doc = plan_document(lesson, tr, HELPLINES.for_country("US"))
    text = render_html(doc)
    pauses = [q for q in lesson.discussion_questions if q.pause_after]
    assert pauses and text.count("Pause point: ask") == len(pauses)
    elapsed = 0
    for part in lesson.flow:
        assert f"{elapsed}-{elapsed + part.minutes} min" in text
        elapsed += part.minutes
