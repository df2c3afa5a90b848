"""Screens and controls: help everywhere, keyboard reach, settings, broken lessons, resizing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.paths import ContentPaths
from game.scenes.groups import GroupScene
from game.scenes.help import HelpScene
from game.scenes.lessons import LessonListScene, lessons_for_band
from game.scenes.problems import ProblemsScene
from game.scenes.settings import SettingsScene
from game.scenes.title import TitleScene
from tests.pilot import Pilot

FIXTURES = Path(__file__).parent / "fixtures"


def _walk_screens(pilot: Pilot) -> list[type]:
    """Visit title, groups, lessons, chat and settings; return the screen types seen."""
    seen = [type(pilot.app.scene)]
    pilot.click("play")
    seen.append(type(pilot.app.scene))
    pilot.click("band:G35")
    seen.append(type(pilot.app.scene))
    pilot.click("lesson:g35-gift-or-trick")
    seen.append(type(pilot.app.scene))
    return seen


def test_help_button_on_every_screen(pilot: Pilot) -> None:
    """Every screen but Help itself shows the Help button, and it opens the help screen."""
    screens = [TitleScene, GroupScene, LessonListScene]
    pilot.app.profile.settings.band = "G35"
    for scene_type in screens:
        pilot.app.push(scene_type(pilot.app))
        assert "help" in pilot.button_keys()
        pilot.click("help")
        assert isinstance(pilot.app.scene, HelpScene)
        assert "help" not in pilot.button_keys()
        pilot.press(pygame.K_ESCAPE)
        assert isinstance(pilot.app.scene, scene_type)


def test_f1_opens_help_in_a_lesson(pilot: Pilot) -> None:
    """F1 opens help from the middle of a lesson, and Escape returns to the same moment."""
    _walk_screens(pilot)
    chat = pilot.app.scene
    pilot.press(pygame.K_RETURN)
    shown = len(chat.session.history)
    pilot.press(pygame.K_F1)
    assert isinstance(pilot.app.scene, HelpScene)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.scene is chat
    assert len(chat.session.history) == shown


def test_help_screen_is_static(pilot: Pilot) -> None:
    """Help has only Back and the speaker: no text box, no buttons that send or save anything."""
    pilot.click("help")
    assert pilot.button_keys() == ["back", "read"]
    before = sorted(p.name for p in pilot.app.profile.settings_store.path.parent.iterdir())
    pilot.press(pygame.K_TAB)
    pilot.press(pygame.K_a)
    after = sorted(p.name for p in pilot.app.profile.settings_store.path.parent.iterdir())
    assert before == after


def test_tab_reaches_every_button_and_wraps(pilot: Pilot) -> None:
    """Tab visits every button once, in order, then wraps; Shift+Tab goes back."""
    keys = pilot.button_keys()
    seen = []
    for _ in keys:
        seen.append(pilot.app.scene.focused_key())
        pilot.press(pygame.K_TAB)
    assert seen == keys
    assert pilot.app.scene.focused_key() == keys[0]
    pilot.press(pygame.K_TAB, pygame.KMOD_SHIFT)
    assert pilot.app.scene.focused_key() == keys[-1]


def test_settings_change_and_persist(pilot: Pilot) -> None:
    """Text size and sound change at once, are saved, and text really gets bigger."""
    pilot.click("settings")
    assert isinstance(pilot.app.scene, SettingsScene)
    body_before = pilot.app.metrics.body
    pilot.click("text_size")
    pilot.click("sound")
    assert pilot.app.metrics.body > body_before
    saved = pilot.app.profile.settings_store.load()
    assert saved.text_size == "large"
    assert saved.sound is False  # sound starts on; one press switches it off
    assert pilot.app.profile.settings.sound is saved.sound


def test_fullscreen_toggle(pilot: Pilot) -> None:
    """Full screen can be switched on and off from settings and is remembered."""
    pilot.click("settings")
    pilot.click("fullscreen")
    assert pilot.app.fullscreen
    assert pilot.app.profile.settings_store.load().fullscreen
    pilot.click("fullscreen")
    assert not pilot.app.fullscreen


def test_group_choice_is_only_a_band(pilot: Pilot) -> None:
    """Choosing a group stores a band code and nothing else about the child."""
    pilot.click("play")
    pilot.click("band:K2")
    saved = pilot.app.profile.settings_store.path.read_text()
    assert '"band": "K2"' in saved


def test_younger_profiles_never_see_high_sensitivity(paths: ContentPaths) -> None:
    """Level 3-4 lessons are never offered to the K2 or G35 groups."""
    from game.content.loader import load_pack

    lessons = load_pack([paths.lessons], root=paths.lessons.parent).lessons
    for band in ("K2", "G35"):
        assert all(lesson.sensitivity_level <= 2 for lesson in lessons_for_band(lessons, band))


def test_broken_lesson_is_named_in_the_menu(tmp_path: Path, data_dir: Path) -> None:
    """A broken lesson file: the others still play and the menu names the broken file."""
    real = ContentPaths.discover()
    lessons = tmp_path / "lessons"
    shutil.copytree(real.lessons, lessons)
    shutil.copy(FIXTURES / "bad" / "dead_end.yaml", lessons / "broken-lesson.yaml")
    paths = ContentPaths(lessons=lessons, assets=real.assets, locales=real.locales)
    app = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.band = "G35"
    app.push(LessonListScene(app))
    pilot = Pilot(app)
    assert "lesson:g35-gift-or-trick" in pilot.button_keys()
    problems = next(b for b in app.scene.buttons if b.key == "problems")
    assert "lessons/broken-lesson.yaml" in problems.label
    pilot.click("problems")
    assert isinstance(app.scene, ProblemsScene)
    app.render()
    pygame.quit()


@pytest.mark.parametrize("text_size", ["normal", "extra_large"])
@pytest.mark.parametrize("size", [(1024, 600), (1280, 720), (1920, 1080)])
def test_layout_fits_the_window(paths: ContentPaths, data_dir: Path, size, text_size) -> None:
    """At each size and text size, every screen and every lesson step draws, and fits.

    Fits the window's width, and its page: a page taller than the window scrolls.
    """
    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.band = "G35"
    app.profile.settings.text_size = text_size
    app.refresh_layout()

    def page() -> pygame.Rect:
        return pygame.Rect(0, 0, app.screen.get_width(), app.scene.page_height())

    for scene_type in (TitleScene, GroupScene, LessonListScene, SettingsScene, HelpScene):
        app.push(scene_type(app))
        app.render()
        for button in app.scene.all_buttons():
            assert page().contains(button.rect), (scene_type.__name__, button.key, button.rect)
            assert button.rect.height >= 44, "targets must be big enough for small hands"
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    for lesson in app.pack.lessons:
        for step in lesson.steps:
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            app.push(scene_for(app, lesson, session))
            app.render()
            for button in app.scene.all_buttons():
                assert page().contains(button.rect), (lesson.id, step.id, button.key)
            app.pop()
    pygame.quit()


def test_resize_relayouts(pilot: Pilot) -> None:
    """A window resize rebuilds the layout for the new size."""
    pygame.event.post(pygame.event.Event(pygame.VIDEORESIZE, w=1600, h=900, size=(1600, 900)))
    pilot.app.pump()
    assert pilot.app.metrics.width == pilot.app.screen.get_width()


def test_idle_game_does_not_redraw(pilot: Pilot) -> None:
    """With no input, the loop draws no new frames (idle CPU stays near zero)."""
    pilot.app.render()
    frames = pilot.app.frames_drawn
    for _ in range(20):
        pilot.app.pump()
    assert pilot.app.frames_drawn == frames
    pilot.press(pygame.K_TAB)
    assert pilot.app.frames_drawn == frames + 1


def test_quit_button_stops_the_game(pilot: Pilot) -> None:
    """Quit on the title screen ends the loop."""
    pilot.click("quit")
    assert not pilot.app.running


def test_touch_presses_buttons_once(pilot: Pilot) -> None:
    """A finger tap presses a button; SDL's copied mouse events for it are ignored."""
    rect = pilot.rect_of("play")
    w, h = pilot.app.screen.get_size()
    x, y = rect.centerx / w, rect.centery / h
    for kind in (pygame.FINGERDOWN, pygame.FINGERUP):
        pygame.event.post(
            pygame.event.Event(kind, x=x, y=y, dx=0, dy=0, finger_id=0, touch_id=1, pressure=1.0)
        )
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1, touch=True)
    )
    pygame.event.post(
        pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1, touch=True)
    )
    pilot.app.pump()
    assert isinstance(pilot.app.scene, GroupScene)
    assert len(pilot.app.stack) == 2



def _choice_screen_text(app: App, lesson_id: str, step_id: str) -> list[str]:
    """Every string drawn on the chat screen of *step_id* once its choices show."""
    from game.scenes.chat import ChatScene
    from game.session import LessonSession, Phase

    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None
    session = LessonSession(lesson, step_id=step_id)
    session.reveal_all()
    if session.phase is Phase.CHECK_IN:
        session.answer_check_in("uhoh")
    assert session.phase is Phase.CHOOSING
    app.push(ChatScene(app, lesson, session))
    app.text.recorder = []
    try:
        app.scene.relayout()
        app.render()
        return app.text.recorder
    finally:
        app.text.recorder = None


def test_chat_choices_stand_under_the_steps_own_question(app: App) -> None:
    """A chat step's prompt ("What could Lina do?") heads its choices; else "What do you do?"."""
    k2 = _choice_screen_text(app, "k2-secrets-and-surprises", "prize")
    assert "What could Lina do?" in k2 and "What do you do?" not in k2
    assert "What do you do?" in _choice_screen_text(app, "g35-gift-or-trick", "gift")
