"""Game feel: chat messages arriving, Scout's faces, confetti, reduced motion, the loop."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.scenes.chat import SLIDE_MS, TYPING_MS, ChatScene
from game.scenes.debrief import DebriefScene
from game.session import LessonSession, Phase
from game.ui.confetti import CONFETTI_MS
from game.ui.motion import Motion
from game.ui.scout_faces import MOODS, scout
from tests.pilot import Pilot

LESSON_ID = "g35-gift-or-trick"


def _chat(app: App) -> ChatScene:
    lesson = app.pack.by_id(LESSON_ID)
    assert lesson is not None
    scene = ChatScene(app, lesson)
    app.push(scene)
    app.render()
    return scene


def test_a_tween_runs_on_its_clock_and_a_press_finishes_it() -> None:
    """A tween is part-way along on its clock, done at its end, and finish() ends it at once."""
    now = [0.0]
    tween = Motion().tween(200, lambda: now[0])
    now[0] = 100
    assert tween.progress() == 0.5 and not tween.done
    tween.finish()
    assert tween.done and tween.progress() == 1.0
    late = Motion().tween(200, lambda: now[0])
    now[0] += 250
    assert late.done


def test_reduced_motion_shows_a_new_message_with_no_animation_frame(app: App) -> None:
    """With reduced motion a new message is there at once: the chat never reports animating."""
    app.motion.reduced = True
    scene = _chat(app)
    count = len(scene.session.history)
    scene.press("next")
    assert len(scene.session.history) == count + 1
    assert not scene.animating and not app.animating()
    assert Motion(reduced=True).tween(5000, lambda: 0).done


def test_a_message_types_then_enter_shows_it_at_once(app: App) -> None:
    """Next brings the typing dots first; Enter then shows the message and does not skip on."""
    scene = _chat(app)
    pilot = Pilot(app)
    count = len(scene.session.history)
    pilot.press(pygame.K_RETURN)
    assert len(scene.session.history) == count + 1
    assert scene.animating and scene._arrival is not None and scene._arrival.typing_now()
    pilot.press(pygame.K_RETURN, after_ms=TYPING_MS // 3)
    assert not scene.animating
    assert len(scene.session.history) == count + 1, "the press showed the message, no more"
    app.render()
    assert scene._phone_view is not None and len(scene._phone_view.bubbles) == count + 1


def test_a_press_after_the_dots_finishes_the_slide_and_goes_on(app: App) -> None:
    """Once the message is in sight (sliding in), Next finishes it and brings the next one."""
    scene = _chat(app)
    pilot = Pilot(app)
    count = len(scene.session.history)
    pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_RETURN, after_ms=TYPING_MS + SLIDE_MS // 3)
    assert len(scene.session.history) == count + 2


def test_the_loop_draws_frames_only_while_a_message_arrives(app: App) -> None:
    """While a message arrives every turn draws a frame; at rest the loop draws none (naps)."""
    scene = _chat(app)
    now = [0]
    app.guard.clock = lambda: now[0]
    scene.press("next")
    app.render()
    frames = app.frames_drawn
    for step in (100, 300, 500):
        now[0] = step
        assert app.animating()
        assert app.render()
    assert app.frames_drawn == frames + 3
    now[0] = TYPING_MS + SLIDE_MS + 1
    assert not app.animating()
    assert app.render(), "one last frame at rest"
    for _ in range(3):
        assert not app.animating() and not app.render()


def _debrief(app: App) -> DebriefScene:
    lesson = app.pack.by_id(LESSON_ID)
    assert lesson is not None
    scene = DebriefScene(app, LessonSession(lesson, mode="preview"))
    app.push(scene)
    return scene


def test_the_end_of_a_mission_bursts_into_confetti_then_rests(app: App) -> None:
    """The debrief animates its confetti for a moment, then the loop goes back to napping."""
    now = [0]
    app.guard.clock = lambda: now[0]
    scene = _debrief(app)
    now[0] = CONFETTI_MS // 2
    assert app.animating() and scene.confetti is not None
    before = app.screen.copy()
    app.render()
    assert app.screen.get_view("2").raw != before.get_view("2").raw
    now[0] = CONFETTI_MS + 1
    assert not app.animating() and app.render(), "one frame without the confetti"
    assert not app.animating() and not app.render()


def test_reduced_motion_has_no_confetti_and_a_press_ends_it(app: App) -> None:
    """Reduced motion: no confetti frame at all; otherwise any key press ends it at once."""
    app.motion.reduced = True
    assert not _debrief(app).animating and not app.animating()
    app.motion.reduced = False
    scene = _debrief(app)
    assert scene.animating
    scene.handle(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_TAB, mod=0, unicode=""))
    assert not scene.animating


@pytest.mark.parametrize(
    ("choice", "mood"),
    [(None, "thinking"), ("gift-yes", "concerned"), ("gift-no-secret", "proud")],
)
def test_scout_shows_the_face_of_the_moment(app: App, choice: str | None, mood: str) -> None:
    """Scout thinks while choosing, is kindly concerned after a risky pick, proud after a great."""
    scene = _chat(app)
    session = scene.session
    session.jump_to("gift")
    session.reveal_all()
    assert session.phase is Phase.CHECK_IN and scene.scout_mood() == "thinking"
    session.answer_check_in("uhoh")
    if choice is not None:
        session.choose(choice)
    assert scene.scout_mood() == mood


def test_scout_is_happy_while_reading_and_proud_at_the_end(app: App) -> None:
    """While messages are read Scout is happy; at the end of the mission Scout is proud."""
    scene = _chat(app)
    assert scene.session.phase is Phase.READING and scene.scout_mood() == "happy"
    scene.session.phase = Phase.FINISHED
    assert scene.scout_mood() == "proud"


def test_every_scout_mood_is_drawn_differently() -> None:
    """The four moods are four different pictures of Scout."""
    pictures = set()
    for mood in MOODS:
        surface = pygame.Surface((120, 120))
        scout(surface, (60, 64), 100, mood)
        pictures.add(bytes(surface.get_view("2").raw))
    assert len(pictures) == len(MOODS)
