"""The plan a teacher teaches from: every branch, a first page at a glance, honest timings.

Issue #15, "Plans a teacher can teach from": the game-step section shows every step and
every choice with its verdict and where it leads (repair paths too), quoting in full; the
plan opens with a one-page "Lesson at a glance"; the timed flow counts the learning check.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from game.content.loader import load_lesson, load_pack
from game.content.model import Lesson
from game.helplines import load_helplines
from game.i18n import Translator, bcp47
from game.paths import ContentPaths
from game.printing.document import (
    Block,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Terms,
)
from game.printing.glance import GLANCE
from game.printing.html import render_html
from game.printing.lesson_text import LessonText, _first_text
from game.printing.pdf import render_pdf
from game.printing.plan import CHECK_AFTER, CHECK_BEFORE, PlanBuilder, plan_document
from game.printing.plan_steps import MARKERS, VERDICTS
from tests.test_printing_render import contains, pdf_text

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
LANGS = ["en", "ar", "zh_Hans"]
FIXTURES = Path(__file__).parent / "fixtures"


def _plan(lesson: Lesson, tr: Translator) -> list[Block]:
    return PlanBuilder(lesson, tr, HELPLINES.for_country("US")).blocks()


def _steps_section(blocks: list[Block], tr: Translator) -> list[Block]:
    """The blocks under "Game steps and pause points", up to the next section."""
    start = blocks.index(Heading(tr._("Game steps and pause points"), 3)) + 1
    end = next(i for i in range(start, len(blocks)) if _level(blocks[i]) in (1, 2))
    return blocks[start:end]


def _level(block: Block) -> int | None:
    return block.level if isinstance(block, Heading) else None


def _texts(blocks: list[Block]) -> list[str]:
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Heading | Paragraph):
            out.append(b.text)
        elif isinstance(b, Bullets):
            out += b.items
        elif isinstance(b, Terms):
            out += [x for pair in b.items for x in pair]
    return out


def _shows(block: Block, line: str) -> bool:
    return isinstance(block, Bullets) and any(line in item for item in block.items)


@pytest.mark.parametrize("language", LANGS)
def test_every_choice_of_every_lesson_is_in_its_plan(language: str) -> None:
    """Each choice shows its verdict marker and the number of the step it leads to, in full."""
    tr = Translator(language, PATHS.locales)
    for lesson in PACK.lessons:
        text = LessonText(lesson, tr, HELPLINES.for_country("US"))
        section = _steps_section(_plan(lesson, tr), tr)
        headings = [i for i, b in enumerate(section) if _level(b) == 4] + [len(section)]
        for step in lesson.steps:
            if not step.choice_list:
                continue
            first = text.line(*_first_text(step))
            at = next(i for i in headings[:-1] if _shows(section[i + 1], first))
            own = section[at : headings[headings.index(at) + 1]]  # this step's blocks
            pairs = [pair for b in own if isinstance(b, Terms) for pair in b.items]
            assert len(pairs) == len(step.choice_list), (lesson.id, step.id)
            for choice, (term, explained) in zip(step.choice_list, pairs, strict=True):
                words = text.line(choice.id, choice.text)
                assert term == f"{MARKERS[choice.verdict]} {tr._(VERDICTS[choice.verdict])}"
                assert explained.startswith(words), (lesson.id, language, choice.id)
                number = int(re.findall(r"\d+", explained[len(words) :])[-1])
                target = section[headings[number - 1] + 1]  # what the child meets there
                owner, line = _first_text(lesson.step(choice.next))
                assert not line or _shows(target, text.line(owner, line)), choice.id


@pytest.mark.parametrize("language", LANGS)
def test_game_steps_quote_every_line_in_full(language: str) -> None:
    """No line of the game-step section is cut with "…"; every chat message is there whole."""
    tr = Translator(language, PATHS.locales)
    for lesson in PACK.lessons:
        text = LessonText(lesson, tr, HELPLINES.for_country("US"))
        lines = _texts(_steps_section(_plan(lesson, tr), tr))
        messages = [m for s in lesson.steps for m in getattr(s, "messages", None) or []]
        for message in messages:
            full = text.line(message.id, message.text)
            assert any(full in line for line in lines), (lesson.id, language, message.id)
        cut = [x for x in lines if x.endswith("…")]  # what excerpt() leaves after a cut
        assert cut == [], (lesson.id, language, cut)


def test_pressure_for_pics_plan_shows_the_sent_a_photo_repair_path() -> None:
    """The plan of g68-pressure-for-pics prints its repair path and pause points on their own."""
    tr = Translator("en", PATHS.locales)
    lesson = PACK.by_id("g68-pressure-for-pics")
    assert lesson is not None
    section = _steps_section(_plan(lesson, tr), tr)
    headings = [b.text for b in section if _level(b) == 4]
    assert "Step 6: Chat (repair path)" in headings
    assert "Step 1: Chat" in headings and "Step 4: Build a reply" in headings
    callouts = [b.text for b in section if isinstance(b, Paragraph) and b.style == "callout"]
    pauses = [q for q in lesson.discussion_questions if q.pause_after]
    assert len(callouts) == len(pauses) and all(c.startswith("Pause point: ask") for c in callouts)
    assert not [x for x in _texts(section) if "Pause point" in x and x not in callouts]
    doc = plan_document(lesson, tr, HELPLINES.for_country("US"))
    page = render_html(doc)
    assert "<h4>Step 6: Chat (repair path)</h4>" in page
    text = pdf_text(render_pdf(doc, PATHS.fonts))
    for phrase in (
        "You sent a photo.",
        "[!] Unsafe choice ok fine. sending one (then step 6)",
        "[!] Unsafe choice ok. deleting it now (then step 7)",
        "Step 7: Chat (repair path)",
        "Maybe later (leaves the door open)",
    ):
        assert contains(text, phrase), phrase


@pytest.mark.parametrize("language", LANGS)
def test_lesson_at_a_glance_is_the_first_page(language: str) -> None:
    """Every plan opens with "Lesson at a glance", which fits on one page before a page break."""
    tr = Translator(language, PATHS.locales)
    for lesson in PACK.lessons:
        blocks = _plan(lesson, tr)
        first = blocks[: blocks.index(PageBreak())]
        assert first[1] == Heading(tr._(GLANCE), 2), lesson.id
        assert [b for b in first if _level(b) == 2] == [first[1]]  # no section before it
        table = next(b for b in first if isinstance(b, Table))
        text = " ".join([cell for row in table.rows for cell in row] + _texts(first))
        for part in (LessonText(lesson, tr).key_message, tr._("Safeguarding reminders")):
            assert part in text, (lesson.id, part)
        alone = Document(title="x", lang=bcp47(language), rtl=tr.rtl, blocks=tuple(first))
        pages = pypdf.PdfReader(io.BytesIO(render_pdf(alone, PATHS.fonts))).pages
        assert len(pages) == 1, (lesson.id, language)


def test_flow_counts_the_learning_check_and_adds_up() -> None:
    """The flow's rows run from 0 to the lesson's minutes, the check's minutes out of the game's."""
    tr = Translator("en", PATHS.locales)
    for lesson in PACK.lessons:
        rows = PlanBuilder(lesson, tr, HELPLINES.for_country("US")).timings()
        assert rows[0][0] == 0 and rows[-1][1] == lesson.duration_min, lesson.id
        assert all(a[1] == b[0] for a, b in zip(rows, rows[1:], strict=False)), lesson.id
        minutes = {name: end - start for start, end, name, _label in rows}
        labels = [label for *_rest, label in rows]
        assert labels[0] == CHECK_BEFORE and CHECK_AFTER in labels, lesson.id
        game = next(p.minutes for p in lesson.flow if p.part == "game")
        assert minutes["check_before"] + minutes["game"] + minutes["check_after"] == game
        assert minutes["game"] >= game // 2, lesson.id  # the check never eats the game


def test_timing_warning_goes_when_the_game_has_enough_minutes(tmp_path: Path) -> None:
    """The bad fixture's warning disappears once its game part gets the minutes it needs."""
    bad = (FIXTURES / "bad" / "timing_game_too_long.yaml").read_text(encoding="utf-8")
    _lesson, problems = load_lesson(FIXTURES / "bad" / "timing_game_too_long.yaml")
    assert any("the game part has 2 minutes" in str(p) for p in problems)
    fixed = tmp_path / "fixed.yaml"
    fixed.write_text(
        bad.replace("warm_up, minutes: 10", "warm_up, minutes: 9").replace(
            "game, minutes: 2", "game, minutes: 3"
        ),
        encoding="utf-8",
    )
    _lesson, problems = load_lesson(fixed)
    assert problems == []
