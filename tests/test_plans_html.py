"""HTML plans: a caption on every table, one h1 per page (the book too), no named fonts."""

from __future__ import annotations

import datetime
import re
from html.parser import HTMLParser

import pytest

from game.content.loader import load_pack
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.certificate import certificate_document
from game.printing.family import family_document
from game.printing.html import render_html
from game.printing.plan import curriculum_document, plan_document

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
GENERIC_FAMILIES = {
    "serif",
    "sans-serif",
    "monospace",
    "cursive",
    "fantasy",
    "system-ui",
    "ui-serif",
    "ui-sans-serif",
    "ui-monospace",
    "ui-rounded",
    "math",
    "emoji",
    "fangsong",
    "inherit",
    "initial",
    "unset",
}


class Outline(HTMLParser):
    """Headings in order (level, text), tables, and each table's caption text."""

    def __init__(self) -> None:
        super().__init__()
        self.headings: list[tuple[int, str]] = []
        self.tables = 0
        self.captions: list[str] = []
        self.style = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append((int(tag[1]), ""))
            self._in = tag
        elif tag == "table":
            self.tables += 1
        elif tag == "caption":
            self.captions.append("")
            self._in = tag
        elif tag == "style":
            self._in = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in and self._in.startswith("h"):
            level, text = self.headings[-1]
            self.headings[-1] = (level, text + data)
        elif self._in == "caption":
            self.captions[-1] += data
        elif self._in == "style":
            self.style += data


def outline(page: str) -> Outline:
    """The parsed outline of an HTML page."""
    parsed = Outline()
    parsed.feed(page)
    return parsed


def pages(language: str) -> dict[str, str]:
    """A plan, a family pack and a certificate in *language*, as HTML."""
    tr = Translator(language, PATHS.locales)
    lesson = PACK.lessons[0]
    local = HELPLINES.for_country("US")
    return {
        "plan": render_html(plan_document(lesson, tr, local)),
        "family": render_html(family_document(lesson, tr, local)),
        "certificate": render_html(
            certificate_document("G35", ["R10"], tr, datetime.date(2026, 12, 1))
        ),
    }


@pytest.mark.parametrize("language", ["en", "ar", "zh_Hans"])
def test_every_table_has_a_caption_naming_it(language: str) -> None:
    """Each table carries a non-empty caption: the heading it sits under."""
    for kind, page in pages(language).items():
        found = outline(page)
        assert len(found.captions) == found.tables, kind
        assert all(caption.strip() for caption in found.captions), kind
    plan = outline(pages(language)["plan"])
    assert plan.tables and set(plan.captions) <= {text for _, text in plan.headings}


def test_curriculum_book_has_one_h1_and_lessons_as_h2() -> None:
    """The book is one h1; each lesson plan's title is an h2; no heading skips a level."""
    tr = Translator("en", PATHS.locales)
    lessons = PACK.lessons
    found = outline(render_html(curriculum_document(lessons, tr, HELPLINES.for_country("US"))))
    assert [level for level, _ in found.headings].count(1) == 1
    h2 = [text for level, text in found.headings if level == 2]
    for lesson in lessons:
        title = tr.pgettext(f"{lesson.id}/title", lesson.title)
        assert tr._("Lesson plan: {title}").format(title=title) in h2
    levels = [level for level, _ in found.headings]
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    assert 4 in levels  # the plans' sub-sections, one level under their sections
    assert len(found.captions) == found.tables > 0


@pytest.mark.parametrize("language", ["en", "ar", "zh_Hans"])
def test_css_names_no_font_the_page_does_not_ship(language: str) -> None:
    """The pages ship no font, so every font-family lists generic families only."""
    for kind, page in pages(language).items():
        css = outline(page).style
        assert "@font-face" not in css and "url(" not in css, kind
        families = re.findall(r"font-family\s*:\s*([^;}]+)", css)
        assert families, kind
        for value in families:
            names = {name.strip().strip("\"'").lower() for name in value.split(",")}
            assert names <= GENERIC_FAMILIES, (kind, names - GENERIC_FAMILIES)
