"""English runs (standards, source titles, web addresses) and phone numbers in Arabic printables.

In right-to-left text they are isolated, so the PDF prints them in reading order and
the HTML marks them ``lang="en" dir="ltr"`` (or ``<bdi>`` for a number).
"""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser

import pypdf

from game.content.loader import load_pack
from game.helplines import ADULT, load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.document import Block, Bullets, Document, Heading, Paragraph, Table, Terms
from game.printing.html import render_html
from game.printing.pdf import render_pdf
from game.printing.plan import plan_document
from game.printing.runs import FSI, LRI, PDI, english, isolate_latin, isolated, plain

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
AR = Translator("ar", PATHS.locales)
STANDARD = "1.2 Digital Citizen: 1.2.b positive, safe, legal and ethical behaviour"
URL = "https://www.kidpower.org/blog/why-problems-should-not-be-secrets/"
PHONE = "1-800-843-5678"


def squash(text: str) -> str:
    """*text* without isolate marks or spacing (lines may wrap anywhere)."""
    return re.sub(r"\s+", "", plain(text))


def pdf_text(data: bytes) -> str:
    """The text pypdf extracts from every page."""
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def section(doc: Document, heading: str) -> list[Block]:
    """The blocks of *doc* from the level-2 *heading* up to the next level-2 heading."""
    blocks = list(doc.blocks)
    start = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    ends = (
        i for i, b in enumerate(blocks) if i > start and isinstance(b, Heading) and b.level <= 2
    )
    end = next(ends, len(blocks))
    return blocks[start:end]


def arabic_plan() -> tuple[Document, object]:
    """The Arabic plan of the first lesson that maps standards and cites a source."""
    lesson = next(x for x in PACK.lessons if x.standards and x.sources)
    return plan_document(lesson, AR, HELPLINES.for_country("US")), lesson


def test_english_standard_url_and_phone_read_in_order_in_an_arabic_pdf() -> None:
    """A standard starting with a number, a URL ending in "/" and a phone number stay in order."""
    doc = Document(
        "خطة الدرس",
        "ar",
        True,
        (
            Heading("التوافق مع المعايير", 2),
            Terms(((english("ISTE Standards for Students"), english(STANDARD)),)),
            Bullets(
                (
                    f"{english('Kidpower - Why problems should not be secrets')} (د.ت.): "
                    f"{english(URL)}",
                )
            ),
            Table(
                ("الخدمة", "كيفية التواصل معها"),
                (("CyberTipline", f"اتصل بالرقم {isolated(PHONE)}"),),
            ),
        ),
    )
    text = squash(pdf_text(render_pdf(doc, PATHS.fonts)))
    for run in (STANDARD, URL, PHONE):
        assert squash(run) in text, run


def test_untranslated_english_in_an_arabic_pdf_keeps_its_punctuation_at_the_end() -> None:
    """A text with no Arabic letter is isolated as a whole: its final "!" stays last."""
    doc = Document("خطة", "ar", True, (Paragraph("Uh-oh? Stop - Ask - Tell!"),))
    text = squash(pdf_text(render_pdf(doc, PATHS.fonts)))
    assert "Uh-oh?Stop-Ask-Tell!" in text


def test_arabic_plan_pdf_prints_the_lessons_standards_and_sources_in_order() -> None:
    """The real plan's standards and web addresses come out of the Arabic PDF as written."""
    doc, lesson = arabic_plan()
    blocks = section(doc, AR._("Standards alignment")) + section(doc, AR._("Sources"))
    part = Document(doc.title, doc.lang, doc.rtl, tuple(blocks))
    text = squash(pdf_text(render_pdf(part, PATHS.fonts)))
    for name, items in lesson.standards.items():
        assert squash(name) in text, name
        assert squash(items[0]) in text, items[0]
    for source in lesson.sources:
        assert squash(source.url) in text, source.url


def test_plan_marks_standards_sources_and_phone_numbers_as_isolated_runs() -> None:
    """Builders wrap standards, source titles and URLs as English, and phone numbers as isolates."""
    doc, lesson = arabic_plan()
    standards = section(doc, AR._("Standards alignment"))
    terms = next(b for b in standards if isinstance(b, Terms))
    for (name, items), (term, explanation) in zip(
        lesson.standards.items(), terms.items, strict=True
    ):
        assert term == english(name) and explanation == english("; ".join(items))
    sources = next(b for b in section(doc, AR._("Sources")) if isinstance(b, Bullets))
    for source, item in zip(lesson.sources, sources.items, strict=True):
        assert english(source.title) in item and english(source.url) in item
    table = next(  # the help services' table ("How to reach it": phone numbers)
        b for b in doc.blocks if isinstance(b, Table) and b.header[0] == AR._("Service")
    )
    assert any(FSI in cell for row in table.rows for cell in row)


class Runs(HTMLParser):
    """Collects the text inside ``<span lang="en" dir="ltr">`` and ``<bdi>``, and open tags."""

    def __init__(self) -> None:
        super().__init__()
        self.english: list[str] = []
        self.bdi: list[str] = []
        self.stack: list[tuple[str, list[str] | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        target = None
        if tag == "span" and found.get("lang") == "en" and found.get("dir") == "ltr":
            target = self.english
        elif tag == "bdi":
            target = self.bdi
        if target is not None:
            target.append("")
        if tag not in ("br", "meta", "col"):
            self.stack.append((tag, target))

    def handle_endtag(self, tag: str) -> None:
        opened, _ = self.stack.pop()
        assert opened == tag, (opened, tag)

    def handle_data(self, data: str) -> None:
        for _, target in self.stack:
            if target is not None:
                target[-1] += data


def test_arabic_plan_html_marks_english_runs_lang_en_dir_ltr() -> None:
    """Standards, source titles and URLs are English spans; phone numbers and services are bdi."""
    doc, lesson = arabic_plan()
    page = render_html(doc)
    runs = Runs()
    runs.feed(page)
    assert not runs.stack[2:], "unclosed tags"
    for name, items in lesson.standards.items():
        assert name in runs.english and "; ".join(items) in runs.english
    for source in lesson.sources:
        assert source.title in runs.english and source.url in runs.english
    service = HELPLINES.for_country("US").services(ADULT)[0]
    assert service.phone in runs.bdi
    assert LRI not in page and FSI not in page and PDI not in page


def test_isolation_rules_and_english_documents() -> None:
    """Latin-only text is isolated in right-to-left documents only; HTML nests runs."""
    assert isolate_latin("Stop - Ask - Tell!", True) == isolated("Stop - Ask - Tell!")
    assert isolate_latin("Stop - Ask - Tell!", False) == "Stop - Ask - Tell!"
    assert isolate_latin("قف - اسأل", True) == "قف - اسأل"
    assert isolate_latin(english("ISTE"), True) == english("ISTE")
    html = render_html(Document("Plan", "fr", False, (Paragraph(f"Norme : {english(STANDARD)}"),)))
    assert f'<p>Norme : <span lang="en" dir="ltr">{STANDARD}</span></p>' in html
    html = render_html(Document("خطة", "ar", True, (Paragraph(f"{english('A')} (2019)"),)))
    assert '<p><bdi><span lang="en" dir="ltr">A</span> (2019)</bdi></p>' in html
