"""Screens glide in when they change, briefly and cheaply; buttons look pushed in when pressed.

A change of screen blends the old screen's last frame with the new screen's first one
for a moment; any press ends it at once, reduced motion has none, the loop naps again
afterwards, and tests or snapshots that draw once (transitions off) see the final screen.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.scenes.base import PRESS_LOOK_MS
from game.scenes.groups import GroupScene
from game.scenes.title import TitleScene
from game.ui import theme
from game.ui.transition import TRANSITION_MS
from game.ui.widgets import Button, sink
from tests.pilot import Pilot


def pixels(surface: pygame.Surface) -> bytes:
    """The surface's pixels, for comparing two frames."""
    return pygame.image.tobytes(surface, "RGB")


def ink_top(surface: pygame.Surface, rect: pygame.Rect, colour: tuple[int, int, int]) -> int:
    """The first row inside *rect* (under its edge and focus ring) with *colour* near its middle."""
    for y in range(rect.top + rect.height // 5, rect.bottom):
        for x in range(rect.centerx - rect.width // 4, rect.centerx + rect.width // 4):
            if surface.get_at((x, y))[:3] == colour:
                return y
    raise AssertionError(f"no {colour} in {rect}")


def own_frame(app: App) -> bytes:
    """The top screen drawn by itself once, as it would look with no transition."""
    frame = pygame.Surface(app.screen.get_size(), 0, app.screen)
    app.scene.draw(frame)
    return pixels(frame)


@pytest.fixture
def gliding(pilot: Pilot) -> Pilot:
    """A pilot in a game whose screens glide (as the real game's do)."""
    pilot.app.transitions = True
    return pilot


def test_a_new_screen_starts_with_a_transition(gliding: Pilot) -> None:
    """Opening a screen shows a blend first (not yet the new screen), and the loop animates."""
    app = gliding.app
    gliding.click("play")
    assert isinstance(app.scene, GroupScene)
    assert app.transition is not None
    assert pixels(app.screen) != own_frame(app)
    assert app.animating()


def test_a_key_press_ends_the_transition_on_the_new_screen(gliding: Pilot) -> None:
    """A key pressed while the screen glides shows the new screen at once, whole."""
    app = gliding.app
    gliding.click("play")
    assert app.transition is not None
    gliding.press(pygame.K_TAB, after_ms=TRANSITION_MS // 4)
    assert app.transition is None
    assert isinstance(app.scene, GroupScene)
    assert pixels(app.screen) == own_frame(app)


def test_a_press_during_a_transition_is_guarded_as_without_one(gliding: Pilot) -> None:
    """A double click still lands in the input guard (not on the new screen), glide or not."""
    app = gliding.app
    gliding.click("play")
    gliding.click("band:G35", after_ms=TRANSITION_MS // 2)
    assert isinstance(app.scene, GroupScene)
    gliding.click("band:G35")  # a deliberate press a moment later works
    assert not isinstance(app.scene, GroupScene)


def test_reduced_motion_changes_screen_at_once(gliding: Pilot) -> None:
    """With reduced motion the first frame after a press is the new screen: no blend."""
    app = gliding.app
    app.motion.reduced = True
    drawn = app.frames_drawn
    gliding.click("play")
    assert app.transition is None
    assert app.frames_drawn == drawn + 1
    assert pixels(app.screen) == own_frame(app)
    assert not app.animating()


def test_the_loop_stops_asking_for_frames_when_the_transition_ends(gliding: Pilot) -> None:
    """Once the glide is over the new screen is shown whole and the loop naps (no frames)."""
    app = gliding.app
    gliding.click("play")
    assert app.animating()
    gliding.wait(TRANSITION_MS)
    assert app.render()  # the last frame: the new screen itself
    assert app.transition is None
    assert pixels(app.screen) == own_frame(app)
    assert not app.animating()
    assert not app.render()  # nothing changed: nothing drawn


def test_closing_a_screen_glides_back_and_right_to_left_mirrors_it(gliding: Pilot) -> None:
    """A new screen comes from the right, one revealed by closing from the left; Arabic mirrors."""
    app = gliding.app
    gliding.click("play")
    assert app.transition is not None and app.transition.way == 1
    gliding.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    assert app.transition is not None and app.transition.way == -1
    app.set_language("ar")
    gliding.wait()
    app.render()
    gliding.click("play")
    assert app.transition is not None and app.transition.way == -1


def test_games_without_transitions_draw_the_final_screen(pilot: Pilot) -> None:
    """Tests and snapshots (transitions off, the default) see the new screen in one draw."""
    app = pilot.app
    assert not app.transitions
    pilot.click("play")
    assert app.transition is None
    assert pixels(app.screen) == own_frame(app)


# -- pressed buttons ---------------------------------------------------------------
def test_a_pressed_button_sits_lower_not_just_darker(app: App) -> None:
    """Pressed, a button's top edge moves down (a shape change) and its bottom stays put."""
    m = app.metrics
    rect = pygame.Rect(100, 100, 300, m.button_h)
    up = pygame.Surface((600, 400))
    down = pygame.Surface((600, 400))
    for surface, pressed in ((up, False), (down, True)):
        surface.fill(theme.BG)
        Button("go", "Go", rect, "primary").draw(surface, app.text, m, False, pressed=pressed)
    x = rect.centerx
    assert up.get_at((x, rect.top))[:3] != tuple(theme.BG)
    assert down.get_at((x, rect.top))[:3] == tuple(theme.BG)
    assert down.get_at((x, rect.top + sink(m)))[:3] != tuple(theme.BG)
    shadow_end = rect.bottom + m.px(4) - 1
    assert up.get_at((x, shadow_end)) == down.get_at((x, shadow_end))


def test_mouse_down_shows_the_button_pressed_until_release(pilot: Pilot) -> None:
    """Holding the mouse button on Play draws Play pushed in; releasing it presses Play."""
    app = pilot.app
    rect = pilot.rect_of("play")
    at_rest = ink_top(app.screen, rect, tuple(theme.WHITE))
    pilot.wait()
    move = pygame.event.Event(pygame.MOUSEMOTION, pos=rect.center, rel=(0, 0), buttons=(0, 0, 0))
    pygame.event.post(move)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=rect.center, button=1))
    app.pump()
    assert app.scene.pressed_key() == "play"
    assert ink_top(app.screen, rect, tuple(theme.WHITE)) == at_rest + sink(app.metrics)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=rect.center, button=1))
    app.pump()
    assert isinstance(app.scene, GroupScene)


@pytest.mark.parametrize("reduced", [False, True], ids=["motion", "reduced-motion"])
def test_enter_shows_a_pressed_look_for_a_moment(pilot: Pilot, reduced: bool) -> None:
    """Enter on the speaker button draws it pushed in, then at rest again (reduced motion too)."""
    app = pilot.app
    app.motion.reduced = reduced
    pilot.tab_to("read")
    rect = pilot.rect_of("read")
    pilot.press(pygame.K_RETURN)
    assert app.scene.pressed_key() == "read"
    assert app.screen.get_at((rect.centerx, rect.top))[:3] != app.screen.get_at(
        (rect.centerx, rect.top + sink(app.metrics) + 1)
    )[:3]
    pressed = pixels(app.screen)
    pilot.wait(PRESS_LOOK_MS)
    assert not app.animating()  # a still look: the loop keeps napping meanwhile
    assert app.render()
    assert app.scene.pressed_key() is None
    assert pixels(app.screen) != pressed


def test_a_key_press_that_changes_screen_glides_from_the_pressed_look(gliding: Pilot) -> None:
    """Enter on Play: the frame the new screen glides in over shows Play pushed in."""
    app = gliding.app
    gliding.tab_to("play")
    rect = gliding.rect_of("play")
    at_rest = ink_top(app.screen, rect, tuple(theme.WHITE))
    gliding.press(pygame.K_RETURN)
    assert isinstance(app.scene, GroupScene) and app.transition is not None
    pushed_in = ink_top(app.transition.old, rect, tuple(theme.WHITE))
    assert pushed_in == at_rest + sink(app.metrics)
