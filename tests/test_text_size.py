"""Text that grows: double size at 1024x600 with nothing shrunk, clipped or overlapping.

Every screen and every lesson step (and every state of every activity) is drawn at the
largest text size on the smallest window, in every shipped language (left to right, right
to left, Chinese), and checked by ``tests/layout_audit.py``. Pages taller than the window
scroll: by the wheel, by dragging, by Page Up / Page Down, and by moving the focus.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App
from game.i18n import LANGUAGES
from game.paths import ContentPaths
from game.scenes.settings import SettingsScene
from game.ui.theme import TEXT_SCALES
from tests.layout_audit import audit
from tests.pilot import Pilot
from tests.screen_walk import every_screen


def _double_app(paths: ContentPaths, data_dir: Path, language: str = "en") -> App:
    app = App(paths, size=(1024, 600), data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.text_size = "double"
    app.profile.settings.country = "US"
    app.set_language(language)
    return app


def test_largest_text_is_twice_the_normal_size() -> None:
    """The text sizes go up to 2x (not 1.4x)."""
    assert max(TEXT_SCALES.values()) == 2.0
    assert list(TEXT_SCALES) == ["normal", "large", "extra_large", "double"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_screen_fits_at_double_text(
    paths: ContentPaths, data_dir: Path, language: str
) -> None:
    """At 2x on 1024x600 no text shrinks, clips, breaks a word or overlaps, on any screen."""
    app = _double_app(paths, data_dir, language)
    problems: dict[str, list[str]] = {}
    try:
        seen = 0
        for where in every_screen(app):
            seen += 1
            found = audit(app)
            if found:
                problems[where] = found
    finally:
        pygame.quit()
    assert seen > 300, "the walk missed screens"
    report = "\n".join(f"{where}: {found[:3]}" for where, found in list(problems.items())[:15])
    assert problems == {}, f"{len(problems)} screens do not fit:\n{report}"


def test_the_audit_sees_a_label_bigger_than_its_button(paths: ContentPaths, data_dir: Path) -> None:
    """The audit is not blind: a button squeezed below its label's height is reported."""
    app = _double_app(paths, data_dir)
    app.push(SettingsScene(app))
    assert audit(app) == []
    app.scene.buttons[0].rect.height = 30
    assert any("bigger than its button" in problem for problem in audit(app))
    pygame.quit()


def test_a_tall_page_scrolls_to_the_focused_button(paths: ContentPaths, data_dir: Path) -> None:
    """At 2x the settings page is taller than the window; Tab brings each button into view."""
    app = _double_app(paths, data_dir)
    app.push(SettingsScene(app))
    pilot = Pilot(app)
    scene = app.scene
    assert scene.max_scroll() > 0
    view = pygame.Rect(0, scene.header_height(), 1024, 600 - scene.header_height())
    for _ in scene.buttons:
        pilot.press(pygame.K_TAB)
        button = scene.focused_button()
        if button in scene.buttons:
            assert view.contains(scene.on_screen(button)), button.key
    assert scene.scroll_y > 0
    pygame.quit()


def test_wheel_keys_and_drag_scroll_the_page(paths: ContentPaths, data_dir: Path) -> None:
    """The wheel, Page Down / Page Up and a finger drag scroll a tall page, never past its ends."""
    app = _double_app(paths, data_dir)
    app.push(SettingsScene(app))
    pilot = Pilot(app)
    scene = app.scene
    pilot.wait()
    pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False))
    app.pump()
    assert scene.scroll_y > 0
    pilot.press(pygame.K_PAGEDOWN)
    pilot.press(pygame.K_PAGEDOWN)
    pilot.press(pygame.K_PAGEDOWN)
    assert scene.scroll_y == scene.max_scroll()
    pilot.press(pygame.K_PAGEUP)
    pilot.press(pygame.K_PAGEUP)
    pilot.press(pygame.K_PAGEUP)
    assert scene.scroll_y == 0
    # A finger drags the page up: it scrolls, and lifting the finger presses nothing.
    start = (512, 500)
    pilot.wait()
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=start, button=1))
    for y in (460, 380, 300):
        pygame.event.post(
            pygame.event.Event(pygame.MOUSEMOTION, pos=(512, y), rel=(0, -80), buttons=(1, 0, 0))
        )
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=(512, 300), button=1))
    app.pump()
    assert scene.scroll_y == min(200, scene.max_scroll())
    assert isinstance(app.scene, SettingsScene)
    pygame.quit()


def test_a_scrolled_button_is_pressed_where_it_is_seen(paths: ContentPaths, data_dir: Path) -> None:
    """A click on a button of a scrolled page presses that button (not what was there before)."""
    app = _double_app(paths, data_dir)
    app.push(SettingsScene(app))
    pilot = Pilot(app)
    pilot.click("access")  # far down the page: the pilot scrolls to it with the wheel first
    assert type(app.scene).__name__ == "AccessScene"
    pygame.quit()


def test_way_on_never_lands_on_the_debrief(paths: ContentPaths, data_dir: Path) -> None:
    """At 2x a step's Continue, scrolled into view, never sits on the debrief's buttons."""
    from game.scenes.debrief import DebriefScene
    from game.scenes.step_base import scene_for
    from game.session import Phase
    from game.snapshot import play_to

    app = _double_app(paths, data_dir)
    for lesson in app.pack.lessons:
        session = play_to(app, lesson, None, choose=None, check_in=False)
        app.reset_to(DebriefScene(app, session))
        debrief = app.scene
        view = pygame.Rect(0, debrief.header_height(), 1024, 600)
        leave = [debrief.on_screen(b).clip(view) for b in debrief.buttons]
        for step in lesson.steps:
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            if session.step.choice_list and session.phase is Phase.CHOOSING:
                session.choose(session.step.choice_list[0].id)
            app.reset_to(scene_for(app, lesson, session))
            scene = app.scene
            for button in scene.buttons:
                if button.key in ("next", "finish", "done", "check"):
                    scene.reveal(button.rect)
                    seen = scene.on_screen(button)
                    assert not any(seen.colliderect(r) for r in leave if r.width), (
                        lesson.id,
                        step.id,
                    )
    pygame.quit()
