"""A mission that earns a badge the child did not have celebrates it, after the debrief.

The debrief always shows first; leaving it (More missions, Play again, Back) shows the
new badges growing in with confetti and "New badge: {skill}!", read aloud too; Enter,
Continue or Escape goes on to where the child was going. A mission that earns nothing
new goes straight on. Reduced motion shows the badges at rest, with no confetti.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.content.routes import route_between
from game.scenes.badges import earned_skills
from game.scenes.debrief import DebriefScene
from game.scenes.lessons import LessonListScene
from game.scenes.new_badge import NewBadgeScene, new_badges
from game.scenes.title import TitleScene
from game.snapshot import play_to
from tests.pilot import Pilot
from tests.test_input_guard import LESSONS, ends_on_a_page, play_to_finish

#: A lesson ending on a chat or story page (its Finish button opens the debrief).
LESSON = next(x for x in LESSONS if ends_on_a_page(x) and x.startswith("g35"))


def finish_by_keyboard(pilot: Pilot) -> DebriefScene:
    """Play LESSON with the keyboard and press Finish: the debrief shows."""
    play_to_finish(pilot, LESSON, keyboard=True)
    pilot.tab_to("finish")
    pilot.press(pygame.K_RETURN)
    debrief = pilot.app.scene
    assert isinstance(debrief, DebriefScene)
    return debrief


def debrief_for(app: App, lesson_id: str) -> DebriefScene:
    """Open the debrief of a whole play of *lesson_id* (the child's own play)."""
    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None
    end = route_between(lesson, lesson.start_id, None)
    assert end is not None
    session = play_to(app, lesson, end[-1][0], choose=None, check_in=False)
    app.push(DebriefScene(app, session))
    app.render()
    return app.scene  # type: ignore[return-value]


def test_new_badges_are_the_ones_not_earned_before() -> None:
    """Only skills newly earned count, in curriculum order."""
    assert new_badges({"R02"}, {"R09", "R02", "R01"}) == ["R01", "R09"]
    assert new_badges({"R02"}, {"R02"}) == []


def test_a_first_mission_celebrates_its_badges_after_the_debrief(pilot: Pilot) -> None:
    """Finish shows the debrief; More missions shows the new badges; Enter goes to the list."""
    debrief = finish_by_keyboard(pilot)
    app = pilot.app
    band = app.profile.settings.band
    assert band is not None
    assert debrief.new_badges and set(debrief.new_badges) <= earned_skills(app, band)
    pilot.tab_to("missions")
    pilot.press(pygame.K_RETURN)
    celebration = app.scene
    assert isinstance(celebration, NewBadgeScene)
    assert celebration.codes == debrief.new_badges
    said = [line.text for line in celebration.narration()]
    count = len(debrief.new_badges)
    assert said[0] == (
        "You earned a new badge!" if count == 1 else f"You earned {count} new badges!"
    ), said
    assert len(said) == 1 + count, said  # then each badge, as written under it
    pilot.press(pygame.K_RETURN)  # Continue has the focus
    assert isinstance(app.scene, LessonListScene)


def test_a_mission_with_nothing_new_goes_straight_on(pilot: Pilot) -> None:
    """Playing a finished mission again earns no new badge: More missions opens the list."""
    app = pilot.app
    app.profile.settings.band = "G35"
    first = debrief_for(app, LESSON)
    assert first.new_badges
    app.pop()
    again = debrief_for(app, LESSON)
    assert again.new_badges == []
    pilot.tab_to("missions")
    pilot.press(pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)  # the screen under this debrief, no badges


def test_escape_on_the_celebration_goes_on(pilot: Pilot) -> None:
    """Escape on the debrief shows the new badges first; Escape there goes on back."""
    app = pilot.app
    app.profile.settings.band = "G35"
    debrief_for(app, LESSON)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, NewBadgeScene)
    assert "back" not in pilot.button_keys()  # no Back button: nothing to go back to
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    assert not any(isinstance(s, DebriefScene) for s, _ in app.stack)


def test_the_celebration_shows_once(pilot: Pilot) -> None:
    """Help from the celebration and back, then Continue: the debrief never shows it twice."""
    app = pilot.app
    app.profile.settings.band = "G35"
    debrief = debrief_for(app, LESSON)
    pilot.click("again")
    assert isinstance(app.scene, NewBadgeScene)
    pilot.press(pygame.K_F1)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(app.scene, NewBadgeScene)
    pilot.click("continue")
    assert debrief not in [s for s, _ in app.stack]  # "Play again" went on to the lesson
    assert not isinstance(app.scene, NewBadgeScene)


@pytest.mark.parametrize("reduced", [False, True], ids=["motion", "reduced-motion"])
def test_badges_grow_in_with_confetti_unless_motion_is_reduced(pilot: Pilot, reduced: bool) -> None:
    """The badges grow and confetti falls, then all rests; reduced motion rests from the start."""
    app = pilot.app
    app.motion.reduced = reduced
    app.profile.settings.band = "G35"
    debrief_for(app, LESSON)
    pilot.click("missions")
    scene = app.scene
    assert isinstance(scene, NewBadgeScene) and scene.grow and scene.confetti
    assert scene.animating is not reduced
    assert scene.grow.done is reduced
    pilot.press(pygame.K_TAB)  # any press shows everything at rest at once
    assert not scene.animating
    assert isinstance(app.scene, NewBadgeScene)
