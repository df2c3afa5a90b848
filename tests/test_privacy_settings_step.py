"""The privacy-settings step: pick a pretend profile's settings, see what happens, repair.

Played with real key presses, clicks and one switch through the game loop, read aloud,
printed in the plan, and laid out without overlap in English, Arabic and at large text.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.model import PrivacyStep
from game.paths import ContentPaths
from game.scenes.privacy import PrivacyScene
from game.scenes.step_base import scene_for
from game.snapshot import play_to
from game.ui.theme import TEXT_SCALES
from tests.layout_audit import audit
from tests.pilot import Pilot
from tests.test_switch_access import SwitchPilot

LESSON = "g35-camera-on-meet-me"
STEP = "profile"


def _open(app: App) -> PrivacyScene:
    """The lesson's privacy step on top, as a child reaches it."""
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    session = play_to(app, lesson, STEP, choose=None, check_in=False)
    app.reset_to(scene_for(app, lesson, session))
    app.render()
    scene = app.scene
    assert isinstance(scene, PrivacyScene)
    return scene


def _safer(scene: PrivacyScene, setting_index: int) -> str:
    setting = scene.step.settings[setting_index]
    option = next(o for o in setting.options if o.safe)
    return f"opt:{setting.id}:{option.id}"


def _focus_by_arrows(pilot: Pilot, key: str) -> None:
    """Move the focus ring with the Down arrow only until it is on *key*."""
    for _ in range(len(pilot.button_keys()) + 1):
        if pilot.app.scene.focused_key() == key:
            return
        pilot.press(pygame.K_DOWN)
    raise AssertionError(f"the arrows never reached {key!r}")


def test_a_new_profile_starts_on_each_first_option(app: App) -> None:
    """Every setting starts on its first value, shown picked by a tick and the word."""
    scene = _open(app)
    for setting in scene.step.settings:
        assert scene.picked[setting.id] == setting.options[0].id
        first = next(b for b in scene.buttons if b.key.endswith(f":{setting.options[0].id}"))
        other = next(b for b in scene.buttons if b.key.endswith(f":{setting.options[1].id}"))
        assert first.sublabel == "Picked" and other.sublabel == ""
        assert first.icon is not other.icon  # a shape tells them apart too, not colour alone
    assert [b.key for b in scene.buttons][-1] == "see"


def test_keyboard_all_safe_shows_the_verdict_and_continue_goes_on(app: App) -> None:
    """Arrows reach each safer value, Enter picks it; the result praises and Continue goes on."""
    pilot = Pilot(app)
    scene = _open(app)
    for index in range(len(scene.step.settings)):
        key = _safer(scene, index)
        _focus_by_arrows(pilot, key)
        pilot.press(pygame.K_RETURN)
        assert scene.focused_key() == key
    assert all(scene.chosen(s).safe for s in scene.step.settings)
    _focus_by_arrows(pilot, "see")
    pilot.press(pygame.K_SPACE)
    assert scene.showing and scene.all_safe
    keys = pilot.button_keys()
    assert "next" in keys and "change" not in keys
    assert scene.focused_key() == "next"
    words = [line.text for line in scene.narration_body()]
    assert "Great settings!" in words
    pilot.press(pygame.K_RETURN)
    assert app.scene is not scene
    assert app.scene.session.step_id == "quiz"
    assert STEP in app.scene.session.path


def test_an_open_setting_leads_back_to_change_it_with_choices_kept(app: App) -> None:
    """One open setting: no Continue, only "Change my settings"; back there the choices stay."""
    pilot = Pilot(app)
    scene = _open(app)
    pilot.activate(_safer(scene, 0), keyboard=True)
    pilot.activate(_safer(scene, 1), keyboard=True)
    pilot.activate("see", keyboard=True)
    assert scene.showing and not scene.all_safe
    keys = pilot.button_keys()
    assert "change" in keys and "next" not in keys
    heading, _note = scene._verdict_words()
    assert heading == "Let's change a setting"
    open_setting = scene.step.settings[2]
    status = [line.text for line in scene.narration_body()]
    value = open_setting.options[0].text
    assert f"Open: {value}" in status
    pilot.press(pygame.K_RETURN)  # the ring is on "Change my settings"
    assert not scene.showing and scene.tried
    assert scene.chosen(scene.step.settings[0]).safe and scene.chosen(scene.step.settings[1]).safe
    assert scene.focused_key() == f"opt:{open_setting.id}:{open_setting.options[0].id}"
    lines = [line.text for line in scene.narration_body()]
    assert "Still open: try another choice" in lines
    pilot.activate(_safer(scene, 2), keyboard=False)  # a click (a finger) picks too
    pilot.activate("see", keyboard=False)
    assert scene.all_safe and "next" in pilot.button_keys()


def test_one_switch_reaches_every_option_and_see_what_happens(app: App) -> None:
    """With scanning on, Space alone picks each safer value and reaches "See what happens"."""
    app.set_switch_access("one", 1.0)
    player = SwitchPilot(app)
    scene = _open(app)
    app.pump()
    for index in range(len(scene.step.settings)):
        player.activate(_safer(scene, index), keyboard=True)
    player.activate("see", keyboard=True)
    assert scene.showing and scene.all_safe
    player.activate("next", keyboard=True)
    assert app.scene.session.step_id == "quiz"


def test_narration_reads_settings_then_effects(app: App) -> None:
    """Read aloud: the task, profile, each setting and value; then what happens and each effect."""
    scene = _open(app)
    step = scene.step
    text = [line.text for line in scene.narration_body()]
    assert text[0] == step.prompt and step.profile in text
    for setting in step.settings:
        assert setting.label in text
        assert all(o.text in text for o in setting.options)
    assert text.count("Picked") == len(step.settings)
    scene.show_state("safe")
    text = [line.text for line in scene.narration_body()]
    assert text[0] == step.scenario
    for setting in step.settings:
        safer = next(o for o in setting.options if o.safe)
        assert safer.effect in text and f"Safer: {safer.text}" in text
    scene.show_state("open")
    text = [line.text for line in scene.narration_body()]
    assert all(s.options[0].effect in text for s in step.settings)


def test_plan_lists_the_safer_values() -> None:
    """The teacher's plan names each setting with its values, the safer ones marked."""
    from game.content.loader import load_pack
    from game.helplines import load_helplines
    from game.i18n import Translator
    from game.printing.html import render_html
    from game.printing.plan import plan_document

    paths = ContentPaths.discover()
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    lesson = pack.by_id(LESSON)
    assert lesson is not None
    tr = Translator("en", paths.locales)
    text = render_html(
        plan_document(
            lesson, tr, load_helplines(paths.assets / "safety" / "helplines.yaml").for_country("US")
        )
    )
    step = next(s for s in lesson.steps if isinstance(s, PrivacyStep))
    for setting in step.settings:
        safer = next(o for o in setting.options if o.safe)
        opener = next(o for o in setting.options if not o.safe)
        assert f"{safer.text} (safer)" in text
        assert f"{opener.text} (safer)" not in text


@pytest.mark.parametrize(
    ("size", "language"),
    [((1280, 720), "en"), ((800, 600), "en"), ((1280, 720), "ar"), ((800, 600), "ar")],
    ids=["en-1280", "en-800", "ar-1280", "ar-800"],
)
def test_nothing_overlaps_in_any_state(
    paths: ContentPaths, data_dir: Path, size: tuple[int, int], language: str
) -> None:
    """Settings, the open and the safe result: no text on text, at every text size."""
    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.country = "US"
    app.set_language(language)
    problems: dict[str, list[str]] = {}
    try:
        for text_size in TEXT_SCALES:
            app.profile.settings.text_size = text_size
            app.refresh_layout()
            scene = _open(app)
            for state in ("", "open", "change", "safe"):
                if state:
                    scene.show_state(state)
                found = audit(app, 4, figures=True)
                if found:
                    problems[f"{text_size} {state or 'settings'}"] = found[:3]
    finally:
        pygame.quit()
    assert problems == {}


def test_right_to_left_puts_labels_and_first_value_on_the_right(
    paths: ContentPaths, data_dir: Path
) -> None:
    """In Arabic a row reads from the right: its label on the right, the first value there too."""
    app = App(paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.country = "US"
    app.set_language("ar")
    try:
        scene = _open(app)
        setting = scene.step.settings[0]
        first, second = (
            next(b for b in scene.buttons if b.key == f"opt:{setting.id}:{o.id}")
            for o in setting.options[:2]
        )
        assert first.rect.centerx > second.rect.centerx
        assert scene.label_rects[0].right == scene.area.right == first.rect.right
    finally:
        pygame.quit()
