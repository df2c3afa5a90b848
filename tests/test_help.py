"""Help that fits the child: words and services per age group, and unknown countries.

Also the help services lesson text names through placeholders (game, plans, family packs).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.loader import load_lesson
from game.content.taxonomy import AVOID_WORDS
from game.helplines import ADULT, YOUNG_BANDS, load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.family import family_document
from game.printing.html import render_html
from game.printing.plan import PlanBuilder, plan_document
from game.profile import UNKNOWN_COUNTRY, Profile, default_country
from game.scenes.choose_list import CountryScene
from game.scenes.grownups import GrownUpsScene
from game.scenes.help import HelpScene
from game.scenes.settings import SettingsScene
from game.services import fill_services
from tests.pilot import Pilot
from tests.test_teacher import open_grownups

PATHS = ContentPaths.discover()
HELPLINES = load_helplines(PATHS.assets / "safety" / "helplines.yaml")
COUNTRIES = [*HELPLINES.countries, UNKNOWN_COUNTRY, "DE"]
#: Words a child under 11 must not read on the help screen (safety-education.md §5.3).
YOUNG_AVOID = sorted(
    {*AVOID_WORDS["K2"], *AVOID_WORDS["G35"], "suicide", "abuse", "sextortion", "exploitation"}
)
AVOID_PATTERN = re.compile(r"\b(" + "|".join(YOUNG_AVOID) + r")\b", re.IGNORECASE)
#: What the US help lists for older children and grown-ups (never shown elsewhere).
US_ONLY = ("988", "1-800-843-5678", "CyberTipline", "Take It Down")


def help_text(app: App, audience: str | None = None) -> str:
    """Every string the help screen draws for *audience*, one per line."""
    app.reset_to(HelpScene(app, audience))
    app.text.recorder = []
    try:
        app.render()
        return "\n".join(app.text.recorder)
    finally:
        app.text.recorder = None


@pytest.mark.parametrize("band", YOUNG_BANDS)
@pytest.mark.parametrize("country", COUNTRIES)
def test_young_help_screen_uses_no_avoided_word(app: App, band: str, country: str) -> None:
    """K2 and G35 children read no "sexual", "nude", "suicide", "abuse"... on Help (English)."""
    app.profile.settings.band = band
    app.profile.settings.country = country
    text = help_text(app)
    assert AVOID_PATTERN.search(text) is None, AVOID_PATTERN.search(text)
    expected = {"K2": "Uh-oh feeling? Stop - Ask - Tell", "G35": "Block & Report"}[band]
    assert expected in text


def test_older_help_keeps_the_full_sequence_and_detail(app: App) -> None:
    """G68 and G912 see the longer sequence and every US service, with the adult wording."""
    app.profile.settings.country = "US"
    for band in ("G68", "G912"):
        app.profile.settings.band = band
        text = help_text(app)
        assert "Never save or forward a private picture." in text
        assert "988 Suicide & Crisis Lifeline" in text
        assert "participating apps and sites" in text  # Take It Down, as it works
        assert "taken down from the internet" not in text


def test_help_before_a_group_is_chosen_uses_the_youngest_words(app: App) -> None:
    """With no age group yet, Help speaks as to a 5-year-old."""
    app.profile.settings.band = None
    text = help_text(app)
    assert "Uh-oh feeling? Stop - Ask - Tell" in text
    assert "988" not in text


def test_k2_help_lists_no_crisis_line(app: App) -> None:
    """No country's K2 help lists a crisis-only line; the US K2 screen shows no 988."""
    for code, country in HELPLINES.countries.items():
        for service in country.services:
            if "K2" in service.bands:
                assert service.roles != ["crisis"], (code, service.name)
    app.profile.settings.band = "K2"
    app.profile.settings.country = "US"
    text = help_text(app)
    assert not any(word in text for word in US_ONLY)
    assert "Your trusted grown-ups are your helpers." in text


def test_every_young_description_is_in_young_words() -> None:
    """Each service a K2 or G35 child sees has a description and a name without avoided words."""
    for service in HELPLINES.every_service():
        if set(service.bands) & set(YOUNG_BANDS):
            assert service.what_young, service.name
            assert AVOID_PATTERN.search(service.what_young) is None, service.name
            assert AVOID_PATTERN.search(service.name) is None, service.name


@pytest.mark.parametrize("code", [UNKNOWN_COUNTRY, "DE"])
@pytest.mark.parametrize("audience", ["K2", "G912", ADULT])
def test_unknown_country_shows_the_directory_never_us_numbers(
    app: App, code: str, audience: str
) -> None:
    """An unlisted country: the international directory and a line for grown-ups, no US lines."""
    app.profile.settings.country = code
    text = help_text(app, audience)
    assert "Child Helpline International" in text
    assert "childhelplineinternational.org/helplines" in text
    assert "A grown-up can choose your country in Settings." in text
    assert not any(word in text for word in US_ONLY)


def test_unlisted_locale_is_not_taken_for_the_us(monkeypatch: pytest.MonkeyPatch) -> None:
    """The system locale gives its own country, or "unknown", never the US by default."""
    import locale

    monkeypatch.setattr(locale, "getlocale", lambda *a: ("de_DE", "UTF-8"))
    assert default_country() == "DE"
    monkeypatch.setattr(locale, "getlocale", lambda *a: (None, None))
    assert default_country() == UNKNOWN_COUNTRY
    assert not HELPLINES.for_country(UNKNOWN_COUNTRY).known


def test_old_settings_files_still_load(data_dir: Path) -> None:
    """A settings file from before this version keeps its country; the grown-ups get asked."""
    (data_dir / "settings.json").write_text(json.dumps({"version": 1, "country": "GB"}))
    profile = Profile(data_dir)
    assert profile.settings.country == "GB"
    assert profile.settings.country_confirmed is False
    assert profile.backups == []


def test_help_follows_the_screen_it_opens_from(app: App, pilot: Pilot) -> None:
    """A lesson's Help uses that lesson's group; grown-ups' screens use the grown-ups' help."""
    from game.scenes.step_base import scene_for
    from game.session import LessonSession

    app.profile.settings.band = "K2"
    lesson = app.pack.by_id("g68-pressure-for-pics")
    assert lesson is not None
    app.push(scene_for(app, lesson, LessonSession(lesson, mode="preview")))
    pilot.press(pygame.K_F1)
    assert isinstance(app.scene, HelpScene) and app.scene.audience == "G68"
    from game.scenes.title import TitleScene

    app.reset_to(TitleScene(app))
    pilot.press(pygame.K_F1)
    assert isinstance(app.scene, HelpScene) and app.scene.audience == "K2"
    app.reset_to(TitleScene(app))
    open_grownups(pilot)
    pilot.press(pygame.K_F1)
    assert isinstance(app.scene, HelpScene) and app.scene.audience == ADULT


def test_first_grownups_visit_asks_for_the_country_once(app: App, pilot: Pilot) -> None:
    """The first pass through the gate asks for the country; the answer is kept, not re-asked."""
    app.profile.settings.country_confirmed = False
    pilot.click("grownups")
    gate = app.scene
    for digit in str(gate.a * gate.b):
        pilot.press(getattr(pygame, f"K_{digit}"))
    pilot.press(pygame.K_RETURN)
    question = app.scene
    assert isinstance(question, CountryScene) and question.first_visit
    assert f"country:{UNKNOWN_COUNTRY}" in pilot.button_keys()
    pilot.click("country:GB")
    assert isinstance(app.scene, GrownUpsScene)
    saved = app.profile.settings_store.load()
    assert (saved.country, saved.country_confirmed) == ("GB", True)
    pilot.press(pygame.K_ESCAPE)
    open_grownups(pilot)  # straight to the menu this time


def test_settings_offer_a_country_that_is_not_listed(app: App, pilot: Pilot) -> None:
    """Settings can pick "Not listed / other country"; Help then shows the directory."""
    pilot.click("settings")
    assert isinstance(app.scene, SettingsScene)
    pilot.click("country")
    pilot.click(f"country:{UNKNOWN_COUNTRY}")
    assert app.profile.settings_store.load().country == UNKNOWN_COUNTRY
    label = next(b.label for b in app.scene.buttons if b.key == "country")
    assert label == "Help lines for: Not listed / other country"
    assert "Child Helpline International" in help_text(app)


# -- lesson text names services through placeholders --------------------------------

TAKEDOWN = {
    "US": "Take It Down",
    "GB": "Report Remove",
    UNKNOWN_COUNTRY: "a take-down service for your country",
}


def test_fill_names_the_services_of_the_country_and_band() -> None:
    """{role} becomes the country's services the band sees, "A or B", or a generic phrase."""
    tr = Translator("en")
    for code, name in TAKEDOWN.items():
        local = HELPLINES.for_country(code)
        assert fill_services("Use {takedown}.", local, tr, "G68") == f"Use {name}."
    france = HELPLINES.for_country("FR")
    both = fill_services("{helpline}", france, tr, "G68")
    assert both == "3018 or Allô Enfance en Danger"
    spanish = fill_services("{helpline}", france, Translator("es"), "G68")
    assert spanish == both.replace(" or ", " o ")
    assert fill_services("{helpline}", france, tr, "K2") == "Allô Enfance en Danger"
    us = HELPLINES.for_country("US")
    assert fill_services("{crisis}", us, tr, "G35") == "a crisis line for your country"
    assert fill_services("{nope} and {}", us, tr, "G68") == "{nope} and {}"


@pytest.mark.parametrize("code", list(TAKEDOWN))
def test_lesson_chat_names_the_countrys_takedown_service(app: App, code: str) -> None:
    """The chat of g68-pressure-for-pics shows the chosen country's take-down service."""
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    app.profile.settings.country = code
    lesson = app.pack.by_id("g68-pressure-for-pics")
    assert lesson is not None
    session = play_to(app, lesson, "help", choose=None, check_in=False)
    app.reset_to(scene_for(app, lesson, session))
    app.text.recorder = []
    try:
        app.render()
        text = "\n".join(app.text.recorder)
    finally:
        app.text.recorder = None
    assert f"If a photo has been shared, {TAKEDOWN[code]} can help" in text
    assert "{" not in text
    others = {n for c, n in TAKEDOWN.items() if c != code}
    assert not any(other in text for other in others)


@pytest.mark.parametrize("code", list(TAKEDOWN))
def test_plan_and_family_pack_fill_the_placeholders(code: str) -> None:
    """The plan and the family pack name the country's take-down service, never a brace."""
    tr = Translator("en", PATHS.locales)
    lesson = load_lesson(PATHS.lessons / "g68-pressure-for-pics.yaml")[0]
    local = HELPLINES.for_country(code)
    for page in (
        render_html(plan_document(lesson, tr, local)),
        render_html(family_document(lesson, tr, local)),
    ):
        assert TAKEDOWN[code] in page
        assert "{takedown}" not in page
    plan = render_html(plan_document(lesson, tr, local))
    family = render_html(family_document(lesson, tr, local))
    if code == UNKNOWN_COUNTRY:
        assert "Child Helpline International" in plan and "Child Helpline International" in family
        assert "The school should add local help and reporting services" in plan
        assert "Ask your child's school for local help" in family
        assert "CyberTipline" not in plan and "988" not in family


def test_young_plan_shows_the_help_the_children_see(app: App) -> None:
    """A K2 plan's plenary points to the K2 help, which the plan shows in K2 words."""
    tr = Translator("en", PATHS.locales)
    lesson = next(x for x in app.pack.lessons if x.grade_band == "K2")
    builder = PlanBuilder(lesson, tr, HELPLINES.for_country("US"))
    flow = render_html_blocks(builder.flow())
    assert "What the Help screen shows this age group" in flow
    help_part = render_html_blocks(builder.signposts())
    children, adults = help_part.split("Help and reporting services for adults", 1)
    assert "Uh-oh feeling? Stop - Ask - Tell" in children
    assert "988" not in children and AVOID_PATTERN.search(children) is None
    assert "988 Suicide &amp; Crisis Lifeline" in adults  # the teacher still gets every line


def render_html_blocks(blocks: list) -> str:
    """*blocks* as HTML (a one-section document)."""
    from game.printing.document import Document

    return render_html(Document(title="t", lang="en", rtl=False, blocks=tuple(blocks), footer=""))
