"""Nothing gives the answer away and no stray press skips the end of a mission.

Choices look alike whatever their safety; the feedback heading follows the choice's
verdict; a new screen ignores presses for a moment, a held key is one press, and a
double click or a run of Enter presses never skips the debrief.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content.loader import load_pack
from game.content.routes import branch_routes
from game.paths import ContentPaths
from game.scenes.debrief import DebriefScene
from game.scenes.groups import GroupScene
from game.scenes.step_base import VERDICT_LOOK, StepScene, scene_for
from game.scenes.title import TitleScene
from game.session import Phase
from game.snapshot import play_to
from game.ui import theme
from game.ui.input_guard import INPUT_GUARD_MS
from tests.pilot import Pilot
from tests.test_playthrough import PLAYERS, open_lesson

PACK = load_pack([ContentPaths.discover().lessons], root=ContentPaths.discover().lessons.parent)
LESSONS = [lesson.id for lesson in PACK.lessons]


def ends_on_a_page(lesson_id: str) -> bool:
    """True when the lesson ends on a chat or story step (a Finish button, not an activity)."""
    lesson = PACK.by_id(lesson_id)
    return lesson is not None and lesson.step(branch_routes(lesson)[0][-1][0]).type in (
        "chat",
        "story",
    )


def play_to_finish(pilot: Pilot, lesson_id: str, *, keyboard: bool) -> StepScene:
    """Play the lesson's first branch to its end (Finish not yet pressed).

    A lesson that ends on an activity is played to the debrief: its last Continue was
    the finishing press.
    """
    lesson = pilot.app.pack.by_id(lesson_id)
    assert lesson is not None
    scene = open_lesson(pilot, lesson_id, lesson.grade_band, keyboard=keyboard)
    for turn, (_step_id, choice_id) in enumerate(branch_routes(lesson)[0]):
        scene = pilot.app.scene
        assert isinstance(scene, StepScene)
        PLAYERS[scene.session.step.type](pilot, scene, choice_id, turn, keyboard)
    if ends_on_a_page(lesson_id):
        scene = pilot.app.scene
        assert isinstance(scene, StepScene) and scene.session.phase is Phase.FINISHED
    return scene


def rendered_text(app: App) -> list[str]:
    """Every string drawn when the top screen is drawn once more."""
    app.text.recorder = []
    app.scene.dirty = True
    app.render()
    texts, app.text.recorder = app.text.recorder, None
    return texts


# -- the input guard -------------------------------------------------------------
def test_guard_default_is_a_short_moment(app: App) -> None:
    """The game uses the default guard: longer than a quick double click, under half a second."""
    assert app.guard.quiet_ms == INPUT_GUARD_MS
    assert 250 <= INPUT_GUARD_MS < 500


def test_new_screen_ignores_a_press_for_a_moment(pilot: Pilot) -> None:
    """A click right after a screen appears does nothing; the same click a moment later works."""
    pilot.click("play")
    assert isinstance(pilot.app.scene, GroupScene)
    pilot.click("band:G35", after_ms=INPUT_GUARD_MS // 2)
    assert isinstance(pilot.app.scene, GroupScene)
    pilot.click("band:G35", after_ms=INPUT_GUARD_MS)
    assert not isinstance(pilot.app.scene, GroupScene)


def test_held_key_is_one_press(pilot: Pilot) -> None:
    """Holding Enter (auto-repeat) reveals one message, not a run of them."""
    scene = open_lesson(pilot, "g68-pressure-for-pics", "G68", keyboard=True)
    shown = len(scene.session.history)
    pilot.hold(pygame.K_RETURN, repeats=9)
    assert len(scene.session.history) == shown + 1


def test_release_on_a_new_screen_without_its_press_does_nothing(pilot: Pilot) -> None:
    """A mouse button pressed on one screen and released on the next presses nothing there."""
    pilot.click("play")
    band = pilot.rect_of("band:G35").center
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.scene, TitleScene)
    pilot.wait()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=band, button=1))
    pilot.app.pump()
    pilot.tab_to("play")
    pilot.press(pygame.K_RETURN)  # Enter opens the groups while the mouse button is down
    assert isinstance(pilot.app.scene, GroupScene)
    pilot.wait()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=band, button=1))
    pilot.app.pump()
    assert isinstance(pilot.app.scene, GroupScene)


# -- the end of a mission --------------------------------------------------------
@pytest.mark.parametrize("gap", [150, 400], ids=["150ms", "400ms"])
@pytest.mark.parametrize("lesson_id", LESSONS)
def test_double_click_on_finish_never_skips_the_debrief(
    pilot: Pilot, lesson_id: str, gap: int
) -> None:
    """Two clicks on Finish (0.15 s or 0.4 s apart) open the debrief and stay on it.

    A lesson that ends on an activity opens the debrief from its last Continue: the
    second click lands where that one did.
    """
    scene = play_to_finish(pilot, lesson_id, keyboard=False)
    session = scene.session
    if ends_on_a_page(lesson_id):
        pilot.click_at(pilot.rect_of("finish").center)
    assert isinstance(pilot.app.scene, DebriefScene) and pilot.last_click
    pilot.click_at(pilot.last_click, after_ms=gap)
    debrief = pilot.app.scene
    assert isinstance(debrief, DebriefScene)
    assert debrief.session is session  # not restarted by "Play again"
    assert pilot.app.profile.progress.lessons[lesson_id].plays == 1


@pytest.mark.parametrize("lesson_id", [x for x in LESSONS if ends_on_a_page(x)][:3])
def test_ten_enter_presses_never_skip_the_debrief(pilot: Pilot, lesson_id: str) -> None:
    """Enter pressed ten times on Finish shows the debrief and its key message, and stays."""
    scene = play_to_finish(pilot, lesson_id, keyboard=True)
    session = scene.session
    pilot.tab_to("finish")
    for _ in range(10):
        pilot.press(pygame.K_RETURN, after_ms=120)
    pilot.wait(1000)
    pilot.press(pygame.K_RETURN)  # one more, long after: still nothing is pre-selected
    debrief = pilot.app.scene
    assert isinstance(debrief, DebriefScene) and debrief.session is session
    assert pilot.app.profile.progress.lessons[lesson_id].plays == 1
    texts = rendered_text(pilot.app)
    first_sentence = session.lesson.key_message.split(".")[0]
    assert any(first_sentence in text for text in texts), texts
    assert "It's not your fault." in texts


def test_debrief_buttons_never_sit_under_a_way_on(paths: ContentPaths, data_dir) -> None:
    """No step's Continue / Finish / Done button overlaps More missions or Play again."""
    for size, text_size in (((1280, 720), "normal"), ((1024, 600), "extra_large")):
        app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
        app.profile.settings.text_size = text_size
        app.refresh_layout()
        for lesson in app.pack.lessons:
            session = play_to(app, lesson, None, choose=None, check_in=False)
            app.reset_to(DebriefScene(app, session))
            leave = [b.rect for b in app.scene.buttons if b.key in ("again", "missions")]
            assert len(leave) == 2
            for step in lesson.steps:
                session = play_to(app, lesson, step.id, choose=None, check_in=False)
                choices = session.step.choice_list
                if choices and session.phase is Phase.CHOOSING:
                    session.choose(choices[0].id)
                app.reset_to(scene_for(app, lesson, session))
                ways_on = [
                    b for b in app.scene.buttons if b.key in ("next", "finish", "done", "check")
                ]
                for button in ways_on:
                    assert not any(button.rect.colliderect(r) for r in leave), (
                        lesson.id,
                        step.id,
                        button.key,
                        size,
                    )
        pygame.quit()


# -- choices that look alike -----------------------------------------------------
def test_choice_buttons_of_a_step_share_one_style_and_size(app: App) -> None:
    """Every step's choices are drawn alike: one style, one size (g68 'push' included)."""
    checked = []
    for lesson in app.pack.lessons:
        for step in lesson.steps:
            if not step.choice_list:
                continue
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            app.reset_to(scene_for(app, lesson, session))
            choices = [b for b in app.scene.buttons if b.key.startswith("choice:")]
            assert len(choices) == len(step.choice_list), (lesson.id, step.id)
            assert {b.style for b in choices} == {"choice"}, (lesson.id, step.id)
            assert len({b.rect.size for b in choices}) == 1, (lesson.id, step.id)
            checked.append(f"{lesson.id}/{step.id}")
    assert "g68-pressure-for-pics/push" in checked


def test_help_plan_phrases_share_one_size(app: App) -> None:
    """The help plan's phrases are one size and, until picked, one style (helpful or not)."""
    from game.scenes.help_plan import HelpPlanScene

    for lesson in app.pack.lessons:
        for step in (s for s in lesson.steps if s.type == "help_plan"):
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            app.reset_to(scene_for(app, lesson, session))
            scene = app.scene
            assert isinstance(scene, HelpPlanScene)
            scene.stage = "say"
            scene.relayout()
            phrases = [b for b in scene.buttons if b.key.startswith("say:")]
            assert len({b.rect.size for b in phrases}) == 1, (lesson.id, step.id)
            assert {b.style for b in phrases} == {"choice"}, (lesson.id, step.id)
            assert all(app.screen.get_rect().contains(b.rect) for b in phrases)


def test_no_choice_is_preselected(pilot: Pilot) -> None:
    """When choices appear nothing has the focus, so Enter alone never picks one."""
    scene = open_lesson(pilot, "g35-gift-or-trick", "G35", keyboard=True)
    while scene.session.phase is not Phase.CHOOSING:
        pilot.press(pygame.K_RETURN)
    assert scene.focused_key() is None
    for _ in range(3):
        pilot.press(pygame.K_RETURN)
    assert scene.session.phase is Phase.CHOOSING
    pilot.press(pygame.K_DOWN)
    assert scene.focused_key() == f"choice:{scene.session.step.choice_list[0].id}"


# -- the feedback heading follows the verdict ------------------------------------
@pytest.mark.parametrize(
    ("choice_id", "heading"),
    [
        ("hello-thanks", "Okay, but…"),
        ("hello-pause", "Great choice!"),
        ("hello-realname", "Let's think about that"),
    ],
)
def test_feedback_heading_follows_the_verdict(app: App, choice_id: str, heading: str) -> None:
    """'Fine, but...' feedback is headed 'Okay, but…', never 'Great choice!'."""
    lesson = app.pack.by_id("g35-gift-or-trick")
    session = play_to(app, lesson, "hello", choose=choice_id, check_in=False)
    app.reset_to(scene_for(app, lesson, session))
    texts = rendered_text(app)
    headings = {"Okay, but…", "Great choice!", "Let's think about that"}
    assert [t for t in texts if t in headings] == [heading]


def test_story_feedback_is_headed_too(app: App) -> None:
    """A story page's feedback has the same verdict heading as a chat's."""
    lesson = next(x for x in app.pack.lessons if x.steps[0].type == "story")
    step = next(s for s in lesson.steps if s.type == "story" and s.choice_list)
    choice = next(c for c in step.choice_list if c.verdict == "unsafe")
    session = play_to(app, lesson, step.id, choose=choice.id, check_in=False)
    app.reset_to(scene_for(app, lesson, session))
    assert "Let's think about that" in rendered_text(app)


def test_okay_looks_neutral() -> None:
    """An 'okay' choice is neither the success green nor red: neutral ink on a plain card."""
    ink, card, sound = VERDICT_LOOK["okay"]
    assert ink != theme.GOOD and card != theme.GOOD_BG and sound != "good"
    assert theme.FLAG not in (ink, card)
