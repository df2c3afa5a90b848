"""Right-to-left details: arrow keys, icons that lead their text, quiz letters, bidi order."""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest
from babel.messages.pofile import read_po
from fpdf.bidi import BidiParagraph
from fpdf.enums import TextDirection

from game.app import App
from game.i18n import Translator
from game.paths import ContentPaths
from game.scenes.choose_list import LanguageScene
from game.scenes.quiz import option_letters
from game.session import Entry
from game.ui import draw
from game.ui.chat_bubbles import BubbleRenderer
from game.ui.text import LineRenderer, is_arabic
from game.ui.widgets import Button
from tests.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent


def _languages(app: App, language: str) -> LanguageScene:
    app.set_language(language)
    scene = LanguageScene(app)
    app.push(scene)
    app.render()
    return scene


def _focused_rect(app: App) -> pygame.Rect:
    button = app.scene.focused_button()
    assert button is not None
    return app.scene.on_screen(button)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_left_and_right_move_the_focus_that_way_on_screen(
    app: App, pilot: Pilot, language: str
) -> None:
    """Right moves the focus to the button on its right and Left back, in Arabic as in English."""
    _languages(app, language)
    pilot.tab_to("lang:ar")
    start = _focused_rect(app)
    pilot.press(pygame.K_RIGHT if language == "en" else pygame.K_LEFT)
    moved = _focused_rect(app)
    assert app.scene.focused_key() == "lang:zh_Hans"  # the other button of the same row
    assert moved.centery == start.centery
    pilot.press(pygame.K_LEFT if language == "en" else pygame.K_RIGHT)
    assert app.scene.focused_key() == "lang:ar"
    assert (moved.centerx < start.centerx) == (language == "ar")


def test_right_still_steps_right_on_the_keypad_in_arabic(app: App, pilot: Pilot) -> None:
    """The grown-ups' keypad keeps 1-2-3 left to right in Arabic; Right goes from 1 to 2."""
    app.set_language("ar")
    pilot.click("grownups")
    pilot.tab_to("key:1")
    pilot.press(pygame.K_RIGHT)
    assert app.scene.focused_key() == "key:2"
    pilot.press(pygame.K_LEFT)
    assert app.scene.focused_key() == "key:1"


def _drawn_at(monkeypatch: pytest.MonkeyPatch, module: object, name: str) -> list[int]:
    xs: list[int] = []
    real = getattr(module, name)

    def record(surface: pygame.Surface, center: tuple[int, int], *args: object) -> None:
        xs.append(center[0])
        real(surface, center, *args)

    monkeypatch.setattr(module, name, record)
    return xs


@pytest.mark.parametrize("language", ["ar", "en"])
def test_the_red_flag_icon_starts_its_tag(
    app: App, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """The flag icon sits at the start of the red-flag tag: the right end in Arabic."""
    app.set_language(language)
    xs = _drawn_at(monkeypatch, draw, "flag")
    entry = Entry("m1", "them", "hi", "ctx", tactic="T06", revealed=True)
    tag = BubbleRenderer(app, "G68")._flag_tag(entry, 600)
    assert len(xs) == 1
    assert (xs[0] > tag.get_width() * 0.8) == (language == "ar")
    assert (xs[0] < tag.get_width() * 0.2) == (language == "en")


@pytest.mark.parametrize("language", ["ar", "en"])
def test_a_centred_button_icon_leads_its_label(
    app: App, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A centred button's icon is left of its label in English and right of it in Arabic."""
    app.set_language(language)
    monkeypatch.setattr(Button, "keep_drawings", False)  # drawn in place, not kept aside
    xs: list[int] = []
    button = Button(
        "go",
        "متابعة" if language == "ar" else "Continue",
        pygame.Rect(100, 100, 400, 80),
        icon=lambda surface, center, size: xs.append(center[0]),
    )
    button.draw(pygame.Surface((800, 400)), app.text, app.metrics, False)
    assert len(xs) == 1
    assert (xs[0] > button.rect.centerx) == (language == "ar")


def test_quiz_options_are_lettered_in_the_reader_s_alphabet(app: App) -> None:
    """Arabic quiz options are lettered أ ب ج د on screen; other languages keep A B C D."""
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    assert option_letters("ar")[:4] == "أبجد"
    assert option_letters("en")[:4] == option_letters("zh_Hans")[:4] == "ABCD"
    app.set_language("ar")
    lesson = app.pack.by_id("g68-threat-trap")
    app.push(scene_for(app, lesson, play_to(app, lesson, "quiz", choose=None, check_in=False)))
    app.text.recorder = []
    app.text.clear()
    app.render()
    drawn = set(app.text.recorder)
    assert {"أ", "ب"} <= drawn and not {"A", "B"} & drawn


def test_each_draft_language_says_draft_in_its_own_language(app: App, paths: ContentPaths) -> None:
    """On the language picker each draft language's note is written in that language."""
    scene = _languages(app, "en")
    notes = {b.key: b.sublabel for b in scene.buttons}
    drafts = [key for key, note in notes.items() if note]
    assert drafts, "no draft language to check"
    for key in drafts:
        code = key.split(":", 1)[1]
        assert notes[key] == Translator(code, paths.locales)._("Draft translation")
    assert notes.get("lang:ar", "") == "" or is_arabic(notes["lang:ar"][0])
    assert notes.get("lang:es", "") != "Draft translation"


def _visual(renderer: LineRenderer, line: str) -> str:
    """*line* in the order the game draws it, left to right (mirroring aside)."""
    return "".join(
        text if kind == "L" else text[::-1] for kind, text in reversed(renderer._runs(line))
    )


def _arabic_lines() -> list[tuple[str, str]]:
    """(msgctxt, line) for every line of an Arabic msgstr, placeholders as an Arabic word."""
    with open(ROOT / "locales/ar/LC_MESSAGES/messages.po", "rb") as handle:
        catalog = read_po(handle)
    lines = []
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for string in strings:
            for line in re.sub(r"\{[^{}]*\}", "س", string or "").split("\n"):
                line = line.strip()
                if message.id and any(is_arabic(c) and not c.isdigit() for c in line):
                    lines.append((message.context or str(message.id)[:40], line))
    return lines


def test_arabic_lines_are_ordered_as_the_unicode_bidi_algorithm_orders_them(app: App) -> None:
    """Every Arabic line of the catalog is drawn in the order of a reference UAX #9 (fpdf2)."""
    renderer = LineRenderer(app.fonts, 20, False, "ar")
    lines = _arabic_lines()
    assert len(lines) > 1000
    wrong = [
        f"{context}: {line}"
        for context, line in lines
        if _visual(renderer, line)
        != BidiParagraph(line, TextDirection.RTL).get_reordered_string()
    ]
    assert not wrong, f"{len(wrong)} lines out of order, e.g. {wrong[:3]}"


def test_two_names_around_an_arabic_comma_keep_their_order(app: App) -> None:
    """The Arabic comma is a separator, not a letter: two Latin names around it stay in order."""
    renderer = LineRenderer(app.fonts, 20, False, "ar")
    shown = _visual(renderer, "نهج (Pattie Fitzgerald، Safely Ever After) المعروف")
    assert "Pattie Fitzgerald، Safely Ever After" in shown


def test_a_phone_number_in_arabic_text_keeps_its_written_order(app: App) -> None:
    """A help-line number set in Arabic text reads as written, not with its groups reversed."""
    renderer = LineRenderer(app.fonts, 20, False, "ar")
    for number in ("1-800-843-5678", "0800 1111", "1800 55 1800"):
        assert number in _visual(renderer, f"اتصل بالرقم {number} الآن")
    assert "7-5" in _visual(renderer, "للأعمار 5-7 سنوات")  # an age range is not a number


def test_a_file_path_in_arabic_text_keeps_its_leading_slash_at_its_start(app: App) -> None:
    """'Saved to /home/…/plan.pdf' in Arabic shows the path as written, '/' first."""
    renderer = LineRenderer(app.fonts, 20, False, "ar")
    for path in ("/home/sam/Documents/Signal Scouts/plan.pdf", "C:\\Users\\Sam\\plan.pdf"):
        shown = _visual(renderer, f"تم الحفظ في {path}.")
        assert path in shown, shown
    for slash in ("و/أو", "الإجابات من 02\u200f/03\u200f/2026"):  # no paths: kept as UAX #9
        reference = BidiParagraph(slash, TextDirection.RTL).get_reordered_string()
        assert _visual(renderer, slash) == reference


@pytest.mark.parametrize("language", ["en", "ar"])
def test_chat_screen_fits_the_window_beside_the_phone(app: App, language: str) -> None:
    """A chat screen with one short prompt fits 1280x720 in Arabic as in English: no scrolling.

    (The Arabic "Next" needs a taller button; it used to push the panel under the window.)
    """
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    app.profile.settings.country = "US"
    app.set_language(language)
    lesson = app.pack.by_id("g68-pressure-for-pics")
    session = play_to(app, lesson, lesson.steps[0].id, choose=None, check_in=False)
    scene = scene_for(app, lesson, session)
    app.reset_to(scene)
    assert scene.max_scroll() == 0
    assert not scene.stacked
    assert all(scene.panel.contains(b.rect) for b in scene.buttons)
