"""The reply builder: tiles picked by keyboard, mouse or one switch; each kind of reaction."""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.loader import load_lesson
from game.paths import ContentPaths
from game.printing.plan_steps import StepsSection
from game.scenes.reply import ReplyScene
from game.scenes.step_base import scene_for
from game.snapshot import play_to
from game.ui.theme import TEXT_SCALES
from tests.layout_audit import audit
from tests.pilot import Pilot
from tests.test_switch_access import SwitchPilot

LESSON = "g68-pressure-for-pics"


def open_reply(app: App) -> ReplyScene:
    """The reply step of the pressure-for-pics lesson, as reached in play."""
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    session = play_to(app, lesson, "reply", choose=None, check_in=False)
    app.reset_to(scene_for(app, lesson, session))
    scene = app.scene
    assert isinstance(scene, ReplyScene)
    return scene


def keyboard_pick(pilot: Pilot, key: str) -> None:
    """Tab to button *key*, then press Enter."""
    pilot.tab_to(key)
    pilot.press(pygame.K_RETURN)


def test_best_reply_by_keyboard_is_great_and_goes_on(pilot: Pilot) -> None:
    """No, "No reason" and a firm action, sent by keyboard: a great reply, and Continue goes on."""
    scene = open_reply(pilot.app)
    assert "send" not in pilot.button_keys(), "Send waits for a pick in each row"
    for key in ("tile:say_no:reply-no", "tile:reasons:", "tile:actions:reply-block", "send"):
        keyboard_pick(pilot, key)
    assert scene.sent and scene.verdict() == "great"
    keys = pilot.button_keys()
    assert "next" in keys and "no-reason" not in keys and "again" not in keys
    assert pilot.app.scene.focused_key() == "next"
    pilot.press(pygame.K_RETURN)
    assert pilot.app.scene is not scene
    assert pilot.app.scene.session.step_id == "tell"
    assert {"R03", "R07"} <= pilot.app.scene.session.skills


def test_a_tile_left_open_needs_building_again(pilot: Pilot) -> None:
    """A "Maybe later" gets pushback and only "Build it again", which keeps the firm picks."""
    scene = open_reply(pilot.app)
    for key in ("tile:say_no:reply-maybe", "tile:reasons:", "tile:actions:reply-block", "send"):
        pilot.click(key)
    assert scene.verdict() == "unsafe"
    keys = [b.key for b in scene.buttons]
    assert keys == ["again"], "no way on before the reply is built again"
    said = [text for _kind, text, _owner, _field in scene.reaction()]
    assert "ok later then. i'll ask again tonight" in said
    assert scene.verdict_heading() == "Let's think about that"
    pilot.click("again")
    assert not scene.sent
    assert scene.picks == {"reasons": "", "actions": "reply-block"}
    assert scene.focused_key() == "tile:say_no:reply-no"
    pilot.click("tile:say_no:reply-no")
    pilot.click("send")
    assert scene.verdict() == "great"


def test_a_reason_works_but_offers_trying_without(pilot: Pilot) -> None:
    """A reason: the contact argues back; Continue and "Try it without a reason" are offered."""
    scene = open_reply(pilot.app)
    for key in ("tile:say_no:reply-no", "tile:reasons:reply-parents", "tile:actions:reply-tell"):
        pilot.click(key)
    assert scene.message_text() == "No. My parents check my phone."
    pilot.click("send")
    assert scene.verdict() == "okay"
    assert {"next", "no-reason"} <= set(pilot.button_keys())
    kinds = [(kind, text) for kind, text, _owner, _field in scene.reaction()]
    assert ("them", "so delete it after. they'll never know") in kinds
    assert kinds[-1] == ("system", "Alex stops replying and goes to find a trusted adult.")
    pilot.click("no-reason")
    assert not scene.sent and scene.picks["reasons"] == ""
    assert scene.focused_key() == "send"
    pilot.press(pygame.K_RETURN)
    assert scene.verdict() == "great"


def test_number_keys_pick_in_the_focused_row(pilot: Pilot) -> None:
    """Keys 1-4 pick a tile of the row the focus ring is in (1 is "No reason" for reasons)."""
    scene = open_reply(pilot.app)
    pilot.press(pygame.K_2)
    assert scene.picks == {"say_no": "reply-no-pics"}, "no focus yet: the first row to pick"
    pilot.tab_to("tile:reasons:")
    pilot.press(pygame.K_3)
    assert scene.picks["reasons"] == "reply-not-allowed"
    pilot.tab_to("tile:actions:reply-block")
    pilot.press(pygame.K_1)
    assert scene.picks["actions"] == "reply-block"


def test_one_switch_builds_and_sends_a_reply(pilot: Pilot) -> None:
    """With scanning on, the switch alone reaches every row and Send, and goes on."""
    pilot.app.set_switch_access("one", 1.0)
    player = SwitchPilot(pilot.app)
    scene = open_reply(pilot.app)
    for key in ("tile:say_no:reply-no", "tile:reasons:", "tile:actions:reply-keep", "send"):
        player.activate(key, keyboard=True)
    assert scene.verdict() == "unsafe"
    player.activate("again", keyboard=True)
    player.activate("tile:actions:reply-tell", keyboard=True)
    player.activate("send", keyboard=True)
    assert scene.verdict() == "great"
    player.activate("next", keyboard=True)
    assert pilot.app.scene.session.step_id == "tell"


def test_picked_tile_shows_by_icon_and_words(pilot: Pilot) -> None:
    """The picked tile gets a tick (the others an empty ring) and is read as "Picked"."""
    scene = open_reply(pilot.app)
    pilot.click("tile:say_no:reply-no")
    tiles = {b.key: b for b in scene.buttons if b.key.startswith("tile:say_no:")}
    picked = tiles.pop("tile:say_no:reply-no")
    assert all(b.icon is not picked.icon for b in tiles.values())
    spoken = [line.text for line in scene.spoken_button(picked)]
    assert spoken == ["Say no", "No.", "Picked"]
    assert [line.text for line in scene.spoken_button(tiles["tile:say_no:reply-maybe"])] == [
        "Say no",
        "Maybe later",
    ]


def test_narration_reads_the_rows_then_the_reaction(pilot: Pilot) -> None:
    """Read aloud: the prompt, each row and its numbered tiles; then the chat and Scout's word."""
    scene = open_reply(pilot.app)
    texts = [line.text for line in scene.narration_body()]
    assert texts[0] == "jay_skates wants a private pic. Build a reply for Alex."
    for words in ("Say no", "A reason?", "Then", "No reason", "Maybe later", "Keep chatting."):
        assert words in texts
    assert texts.index("Say no") < texts.index("A reason?") < texts.index("Then")
    scene.show_state("reply-no,reply-parents,reply-block,send")
    texts = [line.text for line in scene.narration_body()]
    assert texts[:2] == ["No. My parents check my phone.", "so delete it after. they'll never know"]
    assert scene.verdict_heading() in texts
    assert "The screenshots keep the evidence, and blocking stops the messages." in texts


def test_plan_lists_every_tile(paths: ContentPaths, app: App) -> None:
    """The teacher's plan lists the prompt and every tile, marking those left open."""
    from game.printing.lesson_text import LessonText

    lesson = app.pack.by_id(LESSON)
    section = StepsSection(lesson, app.tr, LessonText(lesson, app.tr))
    lines = section.meets(lesson.step("reply"))
    joined = "\n".join(lines)
    for tile in ("No.", "Maybe later (leaves the door open)", "My parents check my phone."):
        assert tile in joined
    assert "Keep chatting. (leaves the door open)" in joined


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_every_state_lays_out_cleanly(
    paths: ContentPaths, data_dir: Path, language: str, size: tuple[int, int]
) -> None:
    """Building, great, okay and repair: nothing overlaps or runs off, at every text size."""
    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.country = "US"
    app.set_language(language)
    problems = {}
    try:
        for text_size in TEXT_SCALES:
            app.profile.settings.text_size = text_size
            app.refresh_layout()
            for state in (
                "",
                "reply-no,none,reply-block",
                "reply-no,none,reply-block,send",
                "reply-no-pics,reply-parents,reply-tell,send",
                "reply-maybe,reply-not-allowed,reply-keep,send",
            ):
                scene = open_reply(app)
                if state:
                    scene.show_state(state)
                found = audit(app, 4)
                if found:
                    problems[f"{text_size} {state}"] = found[:3]
    finally:
        pygame.quit()
    assert problems == {}


def test_reply_yaml_needs_no_in_quotes(tmp_path: Path) -> None:
    """The lesson's reply step loads with its three rows ."""
    paths = ContentPaths.discover()
    lesson, warnings = load_lesson(paths.lessons / f"{LESSON}.yaml")
    assert warnings == []
    step = lesson.step("reply")
    assert [t.id for t in step.say_no] == ["reply-no", "reply-no-pics", "reply-maybe"]
    assert [t.firm for t in step.actions] == [True, True, False]
