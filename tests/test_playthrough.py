"""The scripted player plays every branch of every shipped lesson, by mouse and by keyboard."""

from __future__ import annotations

import pygame
import pytest

from game.content.loader import load_pack
from game.content.routes import Route, branch_routes
from game.paths import ContentPaths
from game.scenes.chat import ChatScene
from game.scenes.debrief import DebriefScene
from game.session import FEELINGS, Phase
from tests.pilot import Pilot


def _cases() -> list[tuple[str, int, Route]]:
    paths = ContentPaths.discover()
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    return [
        (lesson.id, index, route)
        for lesson in pack.lessons
        for index, route in enumerate(branch_routes(lesson))
    ]


CASES = _cases()


def open_lesson(pilot: Pilot, lesson_id: str, band: str, *, keyboard: bool) -> ChatScene:
    """From the title screen: Play, pick the band, pick the lesson."""
    pilot.activate("play", keyboard=keyboard)
    pilot.activate(f"band:{band}", keyboard=keyboard)
    pilot.activate(f"lesson:{lesson_id}", keyboard=keyboard)
    scene = pilot.app.scene
    assert isinstance(scene, ChatScene)
    return scene


def play_route(pilot: Pilot, scene: ChatScene, route: Route, *, keyboard: bool) -> None:
    """Follow *route* through the chat with real input events, then finish the mission."""
    session = scene.session
    for turn, (step_id, choice_id) in enumerate(route):
        assert session.step_id == step_id
        while session.phase is Phase.READING:
            pilot.activate("next", keyboard=keyboard)
        if session.phase is Phase.CHECK_IN:
            pilot.activate(f"feel:{FEELINGS[turn % len(FEELINGS)]}", keyboard=keyboard)
        if choice_id is not None:
            assert session.phase is Phase.CHOOSING
            pilot.activate(f"choice:{choice_id}", keyboard=keyboard)
            assert session.phase is Phase.FEEDBACK
            pilot.activate("next", keyboard=keyboard)
        elif session.phase is Phase.CONTINUE:
            pilot.activate("next", keyboard=keyboard)
    assert session.phase is Phase.FINISHED
    pilot.activate("finish", keyboard=keyboard)


@pytest.mark.parametrize("keyboard", [False, True], ids=["mouse", "keyboard"])
@pytest.mark.parametrize(
    ("lesson_id", "index", "route"), CASES, ids=[f"{c[0]}-branch{c[1]}" for c in CASES]
)
def test_branch_plays_to_debrief(
    pilot: Pilot, lesson_id: str, index: int, route: Route, keyboard: bool
) -> None:
    """A branch plays from the title screen to the debrief, and progress is saved."""
    lesson = pilot.app.pack.by_id(lesson_id)
    assert lesson is not None
    scene = open_lesson(pilot, lesson_id, lesson.grade_band, keyboard=keyboard)
    play_route(pilot, scene, route, keyboard=keyboard)
    assert isinstance(pilot.app.scene, DebriefScene)
    saved = pilot.app.profile.progress_store.load()
    assert saved.lessons[lesson_id].completed
    assert "R12" in saved.lessons[lesson_id].skills


def test_every_choice_is_covered() -> None:
    """The branch routes together take every choice of every shipped lesson."""
    paths = ContentPaths.discover()
    for lesson in load_pack([paths.lessons], root=paths.lessons.parent).lessons:
        taken = {c for route in branch_routes(lesson) for _, c in route if c}
        every = {c.id for step in lesson.steps for c in step.choices or []}
        assert taken == every, lesson.id


def test_number_keys_pick_choices(pilot: Pilot) -> None:
    """Pressing 1-4 picks the matching choice, as a shortcut for keyboard players."""
    scene = open_lesson(pilot, "g35-gift-or-trick", "G35", keyboard=True)
    while scene.session.phase is not Phase.CHOOSING:
        pilot.press(pygame.K_RETURN)
    pilot.press(pygame.K_1)
    assert scene.session.phase is Phase.FEEDBACK
    assert scene.session.chosen is not None
    assert scene.session.chosen.id == scene.session.step.choices[0].id


def test_wrong_choice_gets_kind_feedback_and_repair(pilot: Pilot) -> None:
    """An unsafe choice shows 'Let's think about that' and leads on to a repair step."""
    scene = open_lesson(pilot, "g35-gift-or-trick", "G35", keyboard=False)
    session = scene.session
    while session.step_id != "gift":
        while session.phase is not Phase.CHOOSING:
            pilot.click("next")
        pilot.click(f"choice:{session.step.choices[0].id}")
        pilot.click("next")
    while session.phase is not Phase.CHOOSING:
        pilot.click("feel:uhoh" if session.phase is Phase.CHECK_IN else "next")
    pilot.click("choice:gift-yes")
    assert not session.chosen.safe
    assert session.flags_spotted()[-2:] == ["T04", "T05"]
    pilot.click("next")
    assert session.step_id == "secret-repair"
