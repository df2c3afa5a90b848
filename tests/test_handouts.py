"""Printable handouts: made only from the game's own lines, every kind prints in en/ar/zh."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from game.content.handout_refs import RefError, resolve
from game.content.loader import load_pack
from game.content.model import Handout, Lesson
from game.i18n import Translator
from game.printing.document import Card, CardSheet, Document, Heading, Terms
from game.printing.export import Exporter
from game.printing.handout_pictures import story_picture
from game.printing.handouts import (
    PICTURES,
    SUPPORT_PLAN,
    handout_blocks,
    handout_documents,
    handouts_document,
    poster_names,
)
from game.printing.lesson_text import LessonText
from game.printing.pdf import render_pdf
from game.printing.poster import poster_document
from tests.test_pdf_validity import shows_without_font

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "assets" / "fonts"
LOCALES = ROOT / "locales"
KINDS = {"message_cards", "sort_cards", "worksheet", "exit_ticket", "picture_cards"}
KINDS |= {"family_agreement", "support_plan", "step_cards", "chant_cards", "hand_sheet"}
KINDS |= {"icon_cards"}


@pytest.fixture(scope="module")
def lessons() -> dict[str, Lesson]:
    """The shipped lessons by id."""
    pack = load_pack(sorted((ROOT / "lessons").glob("*.yaml")))
    return {lesson.id: lesson for lesson in pack.lessons}


def _pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() or "" for page in reader.pages).replace("\x00", "")
    return re.sub(r"\s+", " ", text)


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _game_lines(lesson: Lesson, tr: Translator) -> set[str]:
    """Every child-facing string of the lesson's steps, translated as the game shows it."""
    text = LessonText(lesson, tr)
    found: set[str] = set()
    for step in lesson.steps:
        owners = dict(step.item_ids())
        for path, value in step.child_texts():
            owner = step.id
            if len(path) > 1 and (*path[:-1], "id") in owners:
                owner = owners[(*path[:-1], "id")]
            found.add(text.line(owner, value))
    return found


def test_every_shipped_lesson_has_handouts_of_known_kinds(lessons: dict[str, Lesson]) -> None:
    """All 16 shipped lessons describe handouts, each with an exit ticket and an agreement."""
    assert len(lessons) == 16
    for lesson in lessons.values():
        kinds = {h.kind for h in lesson.handouts}
        assert {"exit_ticket", "family_agreement"} <= kinds <= KINDS, lesson.id
        assert len(kinds) >= 3, lesson.id


def _fixed_captions(lesson: Lesson, tr: Translator) -> set[str]:
    """The few fixed texts a handout may print besides game lines (captions, headings, steps)."""
    from game.content.taxonomy import BANDS
    from game.help_steps import STEPS

    band = BANDS[lesson.grade_band].sequence
    fixed = {tr._(t) for t in (*PICTURES.values(), *SUPPORT_PLAN, *band)}
    return fixed | {tr._(t) for t in STEPS[lesson.grade_band].steps} | {""}


def test_references_resolve_only_to_usable_lines(lessons: dict[str, Lesson]) -> None:
    """A contact's message makes a card; Scout's narration and unknown ids are refused."""
    lesson = lessons["g35-gift-or-trick"]
    cards = Handout(id="c", kind="message_cards", uses=[])
    assert [x.text for x in resolve(lesson, cards, "gift.gift-2")] == [
        "Just don't tell your parents. They'll think it's weird."
    ]
    with pytest.raises(RefError) as scout:
        resolve(lesson, cards, "intro.intro-1")
    assert not scout.value.missing
    with pytest.raises(RefError) as missing:
        resolve(lesson, cards, "gift.nope")
    assert missing.value.missing
    with pytest.raises(RefError):
        resolve(lesson, Handout(id="s", kind="sort_cards", uses=[]), "gift")


@pytest.mark.parametrize("language", ["en", "ar", "zh_Hans"])
def test_cards_print_only_the_games_own_lines(lessons: dict[str, Lesson], language: str) -> None:
    """Every card and quoted message is a game line, or a fixed caption, step or heading."""
    tr = Translator(language, LOCALES)
    for lesson in lessons.values():
        lines = _game_lines(lesson, tr)
        fixed = _fixed_captions(lesson, tr)
        doc = handouts_document(lesson, tr)
        assert doc is not None
        current = ""
        for block in doc.blocks:
            if isinstance(block, Heading):
                current = block.text
            if isinstance(block, CardSheet) and current not in (
                tr._("Exit ticket"),
                tr._("Box labels"),
            ):
                for card in block.cards:
                    plan = current == tr._("Friend-support plan")
                    allowed = lines | fixed if card.icon or plan else lines
                    assert card.text in allowed, (lesson.id, current, card.text)
            if isinstance(block, Terms):
                assert {quote for _who, quote in block.items} <= lines, (lesson.id, current)


def test_card_sheets_fit_eight_or_nine_cards_to_a_page(lessons: dict[str, Lesson]) -> None:
    """Message cards are 9 to an A4 page, sort cards 8, and both have crop marks."""
    doc = handouts_document(lessons["k2-private-things"], Translator("en", LOCALES))
    assert doc is not None
    sheets = [b for b in doc.blocks if isinstance(b, CardSheet)]
    grids = {(s.columns * s.rows, s.crop_marks) for s in sheets}
    assert (9, True) in grids and (8, True) in grids


def test_ten_cards_flow_onto_a_second_page() -> None:
    """A sheet with more cards than one page holds continues on a new page, same grid."""
    cards = tuple(Card(f"Line {n}", label="Zed") for n in range(10))
    doc = Document("Cards", "en", False, (Heading("Cards", 2), CardSheet(cards, 3, 3)))
    reader = pypdf.PdfReader(io.BytesIO(render_pdf(doc, FONTS)))
    assert len(reader.pages) == 2
    assert "Line 9" in (reader.pages[1].extract_text() or "")
    assert "Line 9" not in (reader.pages[0].extract_text() or "")


@pytest.mark.parametrize("language", ["en", "ar", "zh_Hans"])
def test_every_kind_builds_as_pdf(lessons: dict[str, Lesson], language: str) -> None:
    """Each handout kind renders to a valid PDF (fonts set) holding the lesson's lines."""
    tr = Translator(language, LOCALES)
    kinds: set[str] = set()
    for lesson_id in (
        "k2-private-things",
        "g35-gift-or-trick",
        "k2-secrets-and-surprises",
        "k2-happy-or-uh-oh",
        "g912-too-good-to-be-true",
    ):
        lesson = lessons[lesson_id]
        doc = handouts_document(lesson, tr, story_picture)
        assert doc is not None
        data = render_pdf(doc, FONTS)
        assert data.startswith(b"%PDF") and not shows_without_font(data)
        kinds |= {h.kind for h in lesson.handouts}
        if language == "ar":
            continue  # shaped Arabic does not extract back to the same letters
        text = _squash(_pdf_text(data))
        first_card = next(b for b in doc.blocks if isinstance(b, CardSheet)).cards[0].text
        assert _squash(first_card) in text
    assert kinds == KINDS


def test_poster_is_a4_or_a3_with_every_step(lessons: dict[str, Lesson]) -> None:
    """The band poster is one page, A4 or A3, and prints each of the band's steps."""
    tr = Translator("en", LOCALES)
    for paper, height in (("A4", 841.89), ("A3", 1190.55)):
        data = render_pdf(poster_document("G35", tr, paper), FONTS)  # type: ignore[arg-type]
        reader = pypdf.PdfReader(io.BytesIO(data))
        assert len(reader.pages) == 1
        assert abs(float(reader.pages[0].mediabox.height) - height) < 1
        text = _pdf_text(data)
        assert "Block and report" in text and "Spot it: a red flag" in text
    assert [n for n, _b, _p in poster_names(list(lessons.values()))] == [
        "poster-k2-a4",
        "poster-k2-a3",
        "poster-g35-a4",
        "poster-g35-a3",
        "poster-g68-g912-a4",
        "poster-g68-g912-a3",
    ]


def _exporter(lesson: Lesson) -> Exporter:
    """An exporter of *lesson* alone, with the UK's help services."""
    from game.helplines import load_helplines

    helplines = load_helplines(ROOT / "assets" / "safety" / "helplines.yaml")
    return Exporter([lesson], FONTS, LOCALES, helplines, "GB")

def test_export_writes_handouts_and_the_plan_names_them(
    lessons: dict[str, Lesson], tmp_path: Path
) -> None:
    """Exporting a lesson writes its handouts PDF and posters; its plan's materials name it."""
    lesson = lessons["g35-gift-or-trick"]
    result = _exporter(lesson).write(tmp_path, ["en"], [lesson.id], formats=("pdf",))
    names = {p.name for p in result.files["en"]}
    assert {"g35-gift-or-trick-handouts.pdf", "poster-g35-a4.pdf", "poster-g35-a3.pdf"} <= names
    plan = _pdf_text((tmp_path / "en" / "g35-gift-or-trick-plan.pdf").read_bytes())
    assert "g35-gift-or-trick-handouts.pdf" in plan
    assert len(handout_documents([lesson], Translator("en", LOCALES))) == 3


def test_export_without_handouts_writes_only_plans_and_family_packs(
    lessons: dict[str, Lesson], tmp_path: Path
) -> None:
    """handouts=False (the benchmark's plans-and-packs run) writes the plan and pack, no cards."""
    lesson = lessons["g35-gift-or-trick"]
    exporter = _exporter(lesson)
    result = exporter.write(tmp_path, ["en"], [lesson.id], formats=("pdf",), handouts=False)
    names = sorted(p.name for p in result.files["en"])
    assert names == ["g35-gift-or-trick-family.pdf", "g35-gift-or-trick-plan.pdf"]
    assert not list((tmp_path / "en").glob("poster-*"))


def _handout(lesson: Lesson, kind: str) -> Handout:
    return next(h for h in lesson.handouts if h.kind == kind)


def _sheets(lesson: Lesson, kind: str, tr: Translator) -> list[CardSheet]:
    blocks = handout_blocks(lesson, _handout(lesson, kind), tr)
    return [b for b in blocks if isinstance(b, CardSheet)]


def test_support_plan_quotes_the_games_requests_then_five_headings(
    lessons: dict[str, Lesson],
) -> None:
    """Leo's requests from the game head the plan; five headings follow, each with lines."""
    tr = Translator("en", LOCALES)
    lesson = lessons["g912-too-good-to-be-true"]
    blocks = handout_blocks(lesson, _handout(lesson, "support_plan"), tr)
    quotes = next(b for b in blocks if isinstance(b, Terms)).items
    assert [who for who, _q in quotes] == ["gearloop.collabs"] * 3
    assert quotes[2][1] == "reply in 1 hour or the spot goes to someone else"
    (rows,) = [b for b in blocks if isinstance(b, CardSheet)]
    assert [c.text for c in rows.cards] == [
        "First message to my friend",
        "What not to do",
        "Who we could tell",
        "Getting it taken down",
        "Looking after yourself",
    ]
    assert all(c.write_lines >= 2 for c in rows.cards)
    plain = handout_blocks(
        lessons["g912-send-it-on"], _handout(lessons["g912-send-it-on"], "support_plan"), tr
    )
    assert not any(isinstance(b, Terms) for b in plain)


def test_step_cards_are_the_bands_steps_shuffled_each_with_an_icon(
    lessons: dict[str, Lesson],
) -> None:
    """Seven G912 step cards with crop marks: every step once, an icon each, not in order."""
    from game.help_steps import STEPS

    tr = Translator("en", LOCALES)
    (sheet,) = _sheets(lessons["g912-too-good-to-be-true"], "step_cards", tr)
    steps = list(STEPS["G912"].steps)
    assert sorted(c.text for c in sheet.cards) == sorted(steps)
    assert [c.text for c in sheet.cards] != steps
    assert all(c.icon for c in sheet.cards) and sheet.crop_marks
    assert sheet.columns * sheet.rows == 9
    assert {c.label for c in sheet.cards} >= {"Spot the red flag", "Get it taken down"}


def test_chant_cards_are_the_k2_chant_with_drawn_pictures(lessons: dict[str, Lesson]) -> None:
    """Four cards, 4 to a page: tummy Uh-oh?, flat-hand Stop, question-mark Ask, bubble Tell."""
    tr = Translator("en", LOCALES)
    for lesson_id in ("k2-happy-or-uh-oh", "k2-kai-and-the-tricky-game"):
        (sheet,) = _sheets(lessons[lesson_id], "chant_cards", tr)
        assert [(c.text, c.icon) for c in sheet.cards] == [
            ("Uh-oh?", "tummy"),
            ("Stop", "flat_hand"),
            ("Ask", "ask"),
            ("Tell", "tell"),
        ]
        assert (sheet.columns, sheet.rows, sheet.crop_marks) == (2, 2, True)


def test_hand_sheet_is_one_page_with_a_numbered_hand_and_five_lines(
    lessons: dict[str, Lesson],
) -> None:
    """The hand sheet prints on one page: a drawn hand, five numbered lines and no names."""
    tr = Translator("ar", LOCALES)
    lesson = lessons["k2-secrets-and-surprises"]
    (sheet,) = _sheets(lesson, "hand_sheet", tr)
    (card,) = sheet.cards
    assert card.icon == "hand_numbers" and card.write_lines == 1 and len(card.prompts) == 5
    blocks = handout_blocks(lesson, _handout(lesson, "hand_sheet"), tr)
    doc = Document("Hand", "ar", True, tuple(blocks))
    assert len(pypdf.PdfReader(io.BytesIO(render_pdf(doc, FONTS))).pages) == 1


def test_icon_cards_print_drawn_pictures_with_captions_and_game_lines(
    lessons: dict[str, Lesson],
) -> None:
    """Warm-up cards: six captioned pictures; the secrets set adds two of Blip's own lines."""
    tr = Translator("en", LOCALES)
    (private,) = _sheets(lessons["k2-private-things"], "icon_cards", tr)
    assert [c.icon for c in private.cards] == ["splash", "dog", "house", "gate", "padlock", "ball"]
    assert private.cards[4].text == "A password"
    (secrets,) = _sheets(lessons["k2-secrets-and-surprises"], "icon_cards", tr)
    assert len(secrets.cards) == 5
    assert secrets.cards[3].text == "But it is our secret. Don't tell your grown-ups."
    assert secrets.cards[3].label == "Blip"


def test_every_picture_and_chant_icon_is_drawn() -> None:
    """Each picture a lesson may name has a caption and a drawing, and so has each chant word."""
    from typing import get_args

    from game.content.model import HandoutPicture
    from game.printing.handouts import CHANT_ICONS
    from game.printing.pdf_icons import ICONS

    assert set(get_args(HandoutPicture)) == set(PICTURES) <= set(ICONS)
    assert {i for icons in CHANT_ICONS.values() for i in icons} <= set(ICONS)
