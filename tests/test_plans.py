"""Lesson plans, family packs and certificates from the shipped lessons, checked for real.

PDF page counts and extracted text, HTML structure, in English, Arabic (RTL) and Chinese (CJK).
"""

from __future__ import annotations

import datetime
import html
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pypdf
import pytest

from game.cli import main
from game.content.loader import load_pack
from game.content.timing import check_minutes
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.certificate import certificate_document
from game.printing.family import family_document
from game.printing.glance import GLANCE
from game.printing.handouts import handout_count
from game.printing.html import render_html
from game.printing.pdf import render_pdf
from game.printing.plan import SECTIONS, plan_document
from tests.test_pdf_validity import shows_without_font
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
    """Each lesson's plan PDF runs several pages, selects a font for all text, has every section."""
    tr = Translator(language, PATHS.locales)
    if language != "en":  # the headings really are in the language, not English fallbacks
        assert all(tr._(section) != section for section in SECTIONS)
    for lesson in PACK.lessons:
        doc = plan_document(lesson, tr, HELPLINES.for_country("US"))
        data = render_pdf(doc, PATHS.fonts)
        assert len(pages_of(data)) >= 3, lesson.id
        assert shows_without_font(data) == [], lesson.id  # every lesson, one process
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
    assert [h.strip() for h in found.levels["h2"]] == [tr._(s) for s in (GLANCE, *SECTIONS)]
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
    page = (tmp_path / "index.html").read_text()
    links = page.count("<a href=") - page.count('<a href="#')  # documents, not the languages
    handouts = handout_count(PACK.lessons)  # each lesson's handouts and the posters (PDF only)
    assert links == 2 * (4 * len(PACK.lessons) + 2 + handouts)


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
    lesson = PACK.by_id("g35-spot-the-red-flags")
    assert lesson is not None
    doc = plan_document(lesson, tr, HELPLINES.for_country("US"))
    text = render_html(doc)
    pauses = [q for q in lesson.discussion_questions if q.pause_after]
    assert pauses and text.count("Pause point: ask") == len(pauses)
    before, after = check_minutes(lesson)
    assert lesson.learning_check and before and after
    elapsed = before  # the learning check's baseline comes first, out of the game's minutes
    assert f"0-{before} min</td><td>Learning check (before)" in text
    for part in lesson.flow:
        minutes = part.minutes - before - after if part.part == "game" else part.minutes
        assert f"{elapsed}-{elapsed + minutes} min" in text, part.part
        elapsed += minutes
        if part.part == "game":
            assert f"{elapsed}-{elapsed + after} min</td><td>Learning check (after)" in text
            elapsed += after
    assert elapsed == lesson.duration_min


# -- review status, sources without a year, the book's order, the one-page certificate --
def test_draft_plans_say_they_are_not_yet_reviewed() -> None:
    """Unsigned lessons print the draft line and no review date; a signed one, reviewer and date."""
    from game.printing.plan import DRAFT

    tr = Translator("en", PATHS.locales)
    for lesson in PACK.lessons:
        draft = lesson.model_copy(update={"reviewed_by": None, "last_reviewed": None})
        page = render_html(plan_document(draft, tr, HELPLINES.for_country("US")))
        assert tr._(DRAFT) in page and "Last reviewed" not in page, lesson.id
    signed = PACK.lessons[0].model_copy(
        update={"reviewed_by": "A. Reviewer", "last_reviewed": datetime.date(2026, 11, 29)}
    )
    page = render_html(plan_document(signed, tr, HELPLINES.for_country("US")))
    assert "A. Reviewer" in page and "Last reviewed" in page and tr._(DRAFT) not in page


def test_sources_without_a_year_print_nd() -> None:
    """A source with no year prints "n.d." in the sources and the background, never a guess."""
    tr = Translator("en", PATHS.locales)
    lesson = PACK.by_id("k2-secrets-and-surprises")
    assert lesson is not None
    undated = [s for s in lesson.sources if s.year is None]
    dated = [s for s in lesson.sources if s.year is not None]
    assert undated and dated
    page = render_html(plan_document(lesson, tr, HELPLINES.for_country("US")))
    page = re.sub(r"<[^>]+>", "", page)  # titles sit in <span lang="en"> runs
    for source in undated:
        assert html.escape(f"{source.title} (n.d.)", quote=False) in page
    for source in dated:
        assert html.escape(f"{source.title} ({source.year})", quote=False) in page
    assert "Zero Abuse Project - Personal safety (surprises and secrets), n.d." in page


def test_curriculum_book_runs_from_youngest_to_oldest() -> None:
    """The book lists and prints the plans by age group, then session, whatever order it gets."""
    from game.content.taxonomy import BAND_ORDER
    from game.printing.document import Bullets, Heading, PageBreak
    from game.printing.plan import curriculum_document

    tr = Translator("en", PATHS.locales)
    shuffled = sorted(PACK.lessons, key=lambda x: x.id, reverse=True)
    doc = curriculum_document(shuffled, tr, HELPLINES.for_country("US"))
    contents = next(b for b in doc.blocks if isinstance(b, Bullets))
    plans = [  # each plan starts a page with its title
        b.text
        for a, b in zip(doc.blocks, doc.blocks[1:], strict=False)
        if isinstance(a, PageBreak) and isinstance(b, Heading)
    ]
    expected = sorted(
        PACK.lessons,
        key=lambda x: (BAND_ORDER.index(x.grade_band), x.session_of or (0, 0)),
    )
    assert [b.grade_band for b in expected][0] == "K2"
    assert [item.split(" (")[0] for item in contents.items] == [x.title for x in expected]
    first = expected[0]
    assert contents.items[0] == (
        f"{first.title} ({_ages(first)}, session 1 of 4): {first.about}"
    ), "a series lesson's entry names its session and what it is about"
    assert plans == [f"Lesson plan: {x.title}" for x in expected]


def _ages(lesson) -> str:  # noqa: ANN001
    from game.printing.lesson_text import LessonText

    return LessonText(lesson, Translator("en", PATHS.locales)).ages


@pytest.mark.parametrize("language", LANGS)
@pytest.mark.parametrize("band", ["K2", "G35", "G68", "G912"])
def test_certificate_is_one_page_with_every_skill(language: str, band: str) -> None:
    """With every skill (the longest list) each band's certificate is one landscape page."""
    from game.content.taxonomy import SKILLS

    tr = Translator(language, PATHS.locales)
    doc = certificate_document(band, list(SKILLS), tr, datetime.date(2026, 11, 29))
    data = render_pdf(doc, PATHS.fonts)
    pages = pages_of(data)
    assert len(pages) == 1 and pages[0].mediabox.width > pages[0].mediabox.height
    if language == "ar":  # shaped Arabic text does not extract back reliably
        return
    text = pdf_text(data)
    assert contains(text, tr._("Skills practised"))
    for code in ("R01", "R18"):  # the first and the last skill both made it onto the page
        assert contains(text, tr._(SKILLS[code].phrase)), (band, language, code)
