"""The plan's story hook, myths to avoid, teachers' questions, skills rubric and change log."""

from __future__ import annotations

import datetime
from pathlib import Path

from game.content.extract import lesson_messages
from game.content.lint_plan_extras import check_plan_extras
from game.content.loader import load_pack
from game.content.model import Change, Lesson, RubricRow
from game.content.source import SourceMap, parse_yaml
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.document import Block, Heading, Paragraph, Table, Terms
from game.printing.html import render_html
from game.printing.myths_faqs import FAQS, MYTHS
from game.printing.plan import plan_document
from game.printing.plan_extras import RUBRIC_DEFAULT, STORY_HOOK_NOTE

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
EN = Translator("en", PATHS.locales)


def _lesson(lesson_id: str) -> Lesson:
    lesson = PACK.by_id(lesson_id)
    assert lesson is not None
    return lesson


def _blocks(lesson: Lesson) -> list[Block]:
    return list(plan_document(lesson, EN, HELPLINES.for_country("US")).blocks)


def _table_after(blocks: list[Block], heading: str) -> Table:
    """The first table after the heading *heading*."""
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == heading)
    return next(b for b in blocks[index:] if isinstance(b, Table))


def _all_text(blocks: list[Block]) -> str:
    out = []
    for b in blocks:
        if isinstance(b, Table):
            out += [cell for row in (b.header, *b.rows) for cell in row]
        elif isinstance(b, Terms):
            out += [text for pair in b.items for text in pair]
        elif hasattr(b, "text"):
            out.append(b.text)
        elif hasattr(b, "items"):
            out += list(b.items)
    return "\n".join(out)


def test_pressure_for_pics_plan_has_every_new_part() -> None:
    """The g68 plan prints its story hook, a myth, a FAQ, one rubric row per objective, the log."""
    lesson = _lesson("g68-pressure-for-pics")
    blocks = _blocks(lesson)
    flow = _table_after(blocks, "Lesson flow")
    story = next(row for row in flow.rows if row[1] == "Story hook")
    assert lesson.story_hook and story[2].startswith(lesson.story_hook)
    assert story[2].endswith(STORY_HOOK_NOTE)
    myths = _table_after(blocks, "Myths to avoid")
    assert myths.header == ("Don't say", "Say instead")
    blame = "If a young person sent a picture, it is partly their fault."
    assert blame in [r[0] for r in myths.rows]
    faq = next(b for b in blocks if isinstance(b, Terms) and b.items[0][0] == FAQS[0].question)
    assert "What if a young person has already sent a picture?" in [q for q, _a in faq.items]
    rubric = _table_after(blocks, "Skills rubric")
    assert rubric.header == ("Objective", "Beginning", "Developing", "Secure")
    assert [r[0] for r in rubric.rows] == lesson.objectives
    assert all(r[1:] == RUBRIC_DEFAULT for r in rubric.rows)
    log = _table_after(blocks, "Change log")
    assert [r[0] for r in log.rows] == [c.version for c in lesson.changes]
    assert log.rows[0][2] == lesson.changes[0].note
    page = render_html(plan_document(lesson, EN, HELPLINES.for_country("US")))
    assert "Myths to avoid" in page and "Change log" in page and "Skills rubric" in page


def test_myths_and_faqs_follow_age_group_and_tactics() -> None:
    """K2 gets no statistics or picture question; 'don't pay' only where sextortion is taught."""
    k2 = _all_text(_blocks(_lesson("k2-secrets-and-surprises")))
    assert "Scary stories and warnings keep children safe." in k2
    assert "1 in 25" not in k2
    assert "already sent a picture" not in k2
    pics = _all_text(_blocks(_lesson("g68-pressure-for-pics")))
    threat = _all_text(_blocks(_lesson("g68-threat-trap")))
    paying = "Paying the blackmailer, or sending more, makes it stop."
    assert paying not in pics  # level 3: "don't pay" belongs to the sextortion lesson (§5.5 r18)
    assert paying in threat


def test_every_myth_is_sourced_and_its_sources_are_listed() -> None:
    """Each myth cites at least one source, and the plan's source list carries its address."""
    assert 6 <= len(MYTHS) <= 8 and 5 <= len(FAQS) <= 8
    assert all(m.sources and all(s.url.startswith("http") for s in m.sources) for m in MYTHS)
    lesson = _lesson("g68-pressure-for-pics")
    blocks = _blocks(lesson)
    index = next(i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Sources")
    sources = _all_text(blocks[index:])
    for myth in MYTHS:
        if myth.applies_to(lesson):
            for source in myth.sources:
                assert source.url in sources, source.url


def test_a_lesson_rubric_replaces_the_standard_descriptors() -> None:
    """A lesson's own rubric row prints for its objective instead of the standard words."""
    lesson = _lesson("g68-pressure-for-pics")
    rows = [RubricRow(beginning=f"b{i}", developing=f"d{i}", secure=f"s{i}") for i in range(3)]
    assert len(lesson.objectives) == 3
    rubric = _table_after(_blocks(lesson.model_copy(update={"rubric": rows})), "Skills rubric")
    assert [r[1:] for r in rubric.rows] == [(f"b{i}", f"d{i}", f"s{i}") for i in range(3)]


def test_a_flow_without_a_story_part_prints_the_hook_before_the_game_steps() -> None:
    """K2 flows have no story row: the hook is printed after the flow table, with the reminder."""
    lesson = _lesson("k2-private-things")
    assert all(p.part != "story" for p in lesson.flow)
    blocks = _blocks(lesson)
    index = next(
        i for i, b in enumerate(blocks) if isinstance(b, Heading) and b.text == "Story hook"
    )
    assert isinstance(blocks[index + 1], Paragraph)
    assert blocks[index + 1].text == lesson.story_hook
    assert blocks[index + 2].text == STORY_HOOK_NOTE


def test_change_dated_today_passes_and_tomorrow_does_not() -> None:
    """The change-log date rule compares with today's date, not a fixed one."""
    lesson = _lesson("g35-gift-or-trick")
    smap = SourceMap("x.yaml")
    day = lesson.changes[0].date
    assert check_plan_extras(lesson, smap, today=lambda: day) == []
    later = [Change(version=lesson.version, date=day + datetime.timedelta(days=1), note="x")]
    problems = check_plan_extras(lesson.model_copy(update={"changes": later}), smap, lambda: day)
    assert len(problems) == 1 and "after today" in problems[0].message


def test_new_lesson_strings_reach_the_catalog() -> None:
    """The extractor picks up story hooks, change notes, FAQs and rubric cells for translation."""
    text = (
        "id: x\nstory_hook: Meet Zed.\nchanges: [{version: 1.0.0, date: 2026-11-29, note: New.}]\n"
        "faqs: [{question: Why?, answer: Because.}]\n"
        "rubric: [{beginning: Some., developing: More., secure: All.}]\n"
    )
    data, smap, _problems = parse_yaml(text, str(Path("x.yaml")))
    found = {msg for _line, _fn, msg, _c in lesson_messages(data, smap)}
    assert {
        ("x/story_hook", "Meet Zed."),
        ("x/changes", "New."),
        ("x/faqs", "Why?"),
        ("x/faqs", "Because."),
        ("x/rubric", "Some."),
        ("x/rubric", "All."),
    } <= found
