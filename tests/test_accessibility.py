"""Settings > Accessibility: colours, reading font, reduced motion, switch access, kept."""

from __future__ import annotations

import json
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.fonts_subset import catalog_characters
from game.paths import ContentPaths, peek_display_settings
from game.scenes.access import AccessScene
from game.ui import theme
from game.ui.motion import Motion
from game.ui.text import READING_FONTS, FontBook, TextCache
from tests.pilot import Pilot

ROOT = Path(__file__).resolve().parent.parent


def _open_access(pilot: Pilot) -> AccessScene:
    pilot.click("settings")
    pilot.click("access")
    scene = pilot.app.scene
    assert isinstance(scene, AccessScene)
    return scene


def test_every_setting_changes_at_once_and_is_kept(pilot: Pilot, data_dir: Path) -> None:
    """Each button changes its setting at once, saves it, and a new start uses it."""
    app = pilot.app
    _open_access(pilot)
    pilot.click("font")
    assert app.fonts.reading == "atkinson"
    pilot.click("motion")
    assert app.motion.reduced and not app.motion.allowed
    pilot.click("switch")
    assert app.switches.mode == "one"
    assert "pace" in pilot.button_keys(), "the pace is offered with one switch"
    pilot.click("pace")
    assert app.switches.seconds == 3.0
    pilot.click("theme")
    assert theme.PALETTE is theme.HIGH_CONTRAST
    saved = json.loads((data_dir / "settings.json").read_text())
    assert saved["reading_font"] == "atkinson" and saved["reduced_motion"] is True
    assert saved["switch_access"] == "one" and saved["scan_seconds"] == 3.0
    assert saved["theme"] == "high_contrast"
    pygame.quit()
    theme.use_palette(theme.NORMAL)
    again = App(ContentPaths.discover(), size=(1280, 720), data_folder=data_dir, sound=False)
    assert theme.PALETTE is theme.HIGH_CONTRAST, "the first frame already has high contrast"
    assert again.fonts.reading == "atkinson", "and the reading font"
    _ = again.profile
    assert again.motion.reduced and again.switches.mode == "one"
    assert again.switches.seconds == 3.0
    pygame.quit()
    theme.use_palette(theme.NORMAL)


def test_switch_access_cycles_off_one_two(pilot: Pilot) -> None:
    """Switch access goes off, one switch, two switches, off; the pace shows with one only."""
    app = pilot.app
    _open_access(pilot)
    seen = []
    for _ in range(3):
        pilot.click("switch")
        seen.append((app.switches.mode, "pace" in pilot.button_keys()))
    assert seen == [("one", True), ("two", False), ("off", False)]


def test_pace_goes_from_one_to_five_seconds(pilot: Pilot) -> None:
    """The scanning pace steps through 1 to 5 seconds and wraps round."""
    app = pilot.app
    app.set_switch_access("one", 1.0)
    _open_access(pilot)
    paces = []
    for _ in range(6):
        pilot.click("pace")
        paces.append(app.switches.seconds)
    assert paces == [1.5, 2.0, 3.0, 4.0, 5.0, 1.0]


def test_early_settings_read_the_look_and_ignore_junk(tmp_path: Path) -> None:
    """The first frame reads the colours and font; anything odd gives the defaults."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "high_contrast", "reading_font": "atkinson"}))
    early = peek_display_settings(path)
    assert (early.theme, early.reading_font) == ("high_contrast", "atkinson")
    path.write_text(json.dumps({"theme": "neon", "reading_font": 3, "text_size": "double"}))
    early = peek_display_settings(path)
    assert (early.theme, early.reading_font, early.text_size) == ("normal", "andika", "double")


@pytest.fixture
def fonts(paths: ContentPaths):
    """A font book and text cache on the shipped fonts."""
    pygame.font.init()
    book = FontBook(paths.fonts)
    yield book, TextCache(book)
    pygame.font.quit()


def test_reading_font_changes_latin_text_only(fonts) -> None:
    """Atkinson Hyperlegible replaces Andika for Latin text; Arabic and Chinese keep theirs."""
    book, cache = fonts
    samples = {
        "en": "Stop, block and tell.",
        "ar": "توقّف واحظر وأخبر.",
        "zh_Hans": "停下，告诉大人。",
    }
    before = {
        lang: pygame.image.tobytes(cache.render(t, 30, (0, 0, 0), lang=lang), "RGBA")
        for lang, t in samples.items()
    }
    book.set_reading("atkinson")
    cache.clear()
    after = {
        lang: pygame.image.tobytes(cache.render(t, 30, (0, 0, 0), lang=lang), "RGBA")
        for lang, t in samples.items()
    }
    assert before["en"] != after["en"]
    assert before["ar"] == after["ar"]
    assert before["zh_Hans"] == after["zh_Hans"]


def test_a_character_the_reading_font_lacks_comes_from_andika(fonts) -> None:
    """A tick (not in Atkinson Hyperlegible) is drawn with Andika, never as an empty box."""
    book, cache = fonts
    andika = cache.render("✓ 1, 3", 30, (0, 0, 0)).get_size()
    book.set_reading("atkinson")
    cache.clear()
    assert not book.covers("✓") and book.covers("Stop, block and tell.")
    assert cache.render("✓ 1, 3", 30, (0, 0, 0)).get_size() == andika


def test_atkinson_has_every_latin_letter_the_game_uses(paths: ContentPaths) -> None:
    """Every Latin letter of the catalogs and lessons is in the reading font (or Andika)."""
    from fontTools.ttLib import TTFont

    def cmap(name: str) -> set[int]:
        return set(TTFont(str(paths.fonts / name)).getBestCmap())

    atkinson = cmap(READING_FONTS["atkinson"][0])
    andika = cmap(READING_FONTS["andika"][0])
    chars: set[str] = set()
    for code in ("es", "fr", "pt_BR"):
        chars |= catalog_characters(paths.locales / code / "LC_MESSAGES" / "messages.po")
    chars |= set((paths.locales / "messages.pot").read_text(encoding="utf-8"))
    for lesson in paths.lessons.glob("*.yaml"):
        chars |= set(lesson.read_text(encoding="utf-8"))
    latin = {c for c in chars if not c.isspace() and ord(c) < 0x0600}
    missing = {c for c in latin if ord(c) not in atkinson}
    assert {c for c in missing if ord(c) not in andika} == set()
    assert len(missing) <= 5, f"more than a few signs fall back to Andika: {sorted(missing)}"


def test_reading_font_licence_is_shipped(paths: ContentPaths) -> None:
    """The reading font ships with its SIL Open Font License."""
    licence = (paths.fonts / "OFL-AtkinsonHyperlegible.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence
    assert "Braille Institute" in licence
    for name in READING_FONTS["atkinson"]:
        assert (paths.fonts / name).stat().st_size < 200_000


def test_reduced_motion_ends_every_animation_at_once() -> None:
    """With reduced motion an animation takes no time and is finished from its first frame."""
    moving, still = Motion(False), Motion(True)
    assert moving.duration(300) == 300 and moving.progress(150, 300) == 0.5
    assert still.duration(300) == 0 and still.progress(0, 300) == 1.0
    assert moving.allowed and not still.allowed
