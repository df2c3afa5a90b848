"""Leaving part-way asks first and keeps the place; coming back offers Carry on / Start again.

Classroom mode asks too (one Escape on a projector must not end the lesson) and lets
the teacher go to any step. A teacher's preview leaves at once.
"""

from __future__ import annotations

import json

import pygame

from game.profile import ResumePoint
from game.resume import restore
from game.scenes.ask import AskScene
from game.scenes.classroom import ClassroomScene
from game.scenes.debrief import DebriefScene
from game.scenes.go_to_step import GoToStepScene
from game.scenes.lessons import LessonListScene
from game.scenes.pause import PauseScene
from game.scenes.step_base import StepScene
from game.scenes.teacher_lessons import LessonStepsScene
from game.session import Phase
from tests.pilot import Pilot
from tests.test_playthrough import PLAYERS, open_lesson, play_route
from tests.test_teacher import open_grownups

LESSON = "g35-gift-or-trick"


def play_steps(pilot: Pilot, count: int) -> StepScene:
    """Play the lesson's first branch for *count* steps; return the screen of the next one."""
    from game.content.routes import branch_routes

    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    for turn, (_step_id, choice_id) in enumerate(branch_routes(scene.lesson)[0][:count]):
        scene = pilot.app.scene
        PLAYERS[scene.session.step.type](pilot, scene, choice_id, turn, False)
        while isinstance(pilot.app.scene, PauseScene):  # a class lesson's pause point
            pilot.click("continue")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    return scene


def test_escape_mid_lesson_asks_and_carry_on_returns_to_the_same_moment(pilot: Pilot) -> None:
    """Escape asks "Leave this mission?"; Carry on playing (focused) returns to the same step."""
    open_lesson(pilot, LESSON, "G35", keyboard=True)
    scene = play_steps(pilot, 2)
    pilot.press(pygame.K_RETURN)  # read one more message
    step_id, shown, history = scene.session.step_id, scene.session.shown, len(scene.session.history)
    pilot.press(pygame.K_ESCAPE)
    ask = pilot.app.scene
    assert isinstance(ask, AskScene) and ask.behind is scene
    assert [b.key for b in ask.buttons] == ["carry", "leave"]
    assert ask.focused_key() == "carry"
    pilot.press(pygame.K_RETURN)
    assert pilot.app.scene is scene
    assert (scene.session.step_id, scene.session.shown) == (step_id, shown)
    assert len(scene.session.history) == history
    pilot.press(pygame.K_ESCAPE)
    pilot.press(pygame.K_ESCAPE)  # Escape again means "carry on", never "leave"
    assert pilot.app.scene is scene
    assert pilot.app.profile.progress.resume == {}


def test_leave_then_reopen_carries_on_at_the_same_step(pilot: Pilot) -> None:
    """Leave keeps the place (saved to disk); reopening offers Carry on, which resumes there."""
    open_lesson(pilot, LESSON, "G35", keyboard=False)
    scene = play_steps(pilot, 2)
    step_id = scene.session.step_id
    stars, flags = dict(scene.session.stars), list(scene.session.flags)
    history = [entry.key for entry in scene.session.history]
    assert stars, "the route should have earned a star by now"
    pilot.click("back")
    pilot.click("leave")
    listing = pilot.app.scene
    assert isinstance(listing, LessonListScene)
    saved = json.loads((pilot.app.data_folder / "progress.json").read_text())
    assert saved["resume"][LESSON]["path"][-1] == step_id
    card = next(b for b in listing.buttons if b.key == f"lesson:{LESSON}")
    assert "Carry on" in card.sublabel.splitlines()
    pilot.click(f"lesson:{LESSON}")
    ask = pilot.app.scene
    assert isinstance(ask, AskScene)
    assert [b.key for b in ask.buttons] == ["carry", "again"]
    pilot.click("carry")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    assert scene.session.step_id == step_id
    assert (scene.session.stars, scene.session.flags) == (stars, flags)
    assert [entry.key for entry in scene.session.history][: len(history) - 1] == history[:-1]


def test_finishing_forgets_the_place(pilot: Pilot) -> None:
    """A lesson carried on and finished is no longer 'started' (no Carry on next time)."""
    from game.content.routes import branch_routes

    open_lesson(pilot, LESSON, "G35", keyboard=False)
    play_steps(pilot, 1)
    pilot.click("back")
    pilot.click("leave")
    pilot.click(f"lesson:{LESSON}")
    pilot.click("carry")
    scene = pilot.app.scene
    lesson = scene.lesson
    play_route(pilot, scene, branch_routes(lesson)[0][1:], keyboard=False)
    assert isinstance(pilot.app.scene, DebriefScene)
    assert pilot.app.profile.progress_store.load().resume == {}
    assert pilot.app.profile.progress.lessons[LESSON].completed


def test_start_again_begins_at_the_start(pilot: Pilot) -> None:
    """Start again plays from the first step and forgets the old place."""
    open_lesson(pilot, LESSON, "G35", keyboard=True)
    play_steps(pilot, 2)
    pilot.press(pygame.K_ESCAPE)
    pilot.tab_to("leave")
    pilot.press(pygame.K_RETURN)
    pilot.activate(f"lesson:{LESSON}", keyboard=True)
    pilot.activate("again", keyboard=True)
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    assert scene.session.step_id == scene.lesson.start_id
    assert scene.session.stars == {}
    assert pilot.app.profile.progress.resume == {}


def test_escape_on_the_carry_on_question_starts_nothing(pilot: Pilot) -> None:
    """Escape closes the Carry on question and stays on the list, keeping the place."""
    open_lesson(pilot, LESSON, "G35", keyboard=True)
    play_steps(pilot, 1)
    pilot.press(pygame.K_ESCAPE)
    pilot.click("leave")
    pilot.click(f"lesson:{LESSON}")
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.scene, LessonListScene)
    assert LESSON in pilot.app.profile.progress.resume


def test_a_changed_lesson_starts_from_the_beginning(pilot: Pilot) -> None:
    """A saved place the lesson no longer has (a step removed) starts the lesson afresh."""
    lesson = pilot.app.pack.by_id(LESSON)
    gone = ResumePoint(path=[lesson.start_id, "no-such-step"], picks=[None, None])
    assert restore(lesson, gone, "play") is None
    pilot.app.profile.progress.set_resume(LESSON, "play", gone)
    pilot.click("play")
    pilot.click("band:G35")
    pilot.click(f"lesson:{LESSON}")
    pilot.click("carry")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene) and scene.session.step_id == lesson.start_id
    assert pilot.app.profile.progress.resume == {}


def test_classroom_escape_asks_and_go_to_step_jumps(pilot: Pilot) -> None:
    """In classroom mode Escape asks too; Go to step lists every step and jumps to one."""
    open_grownups(pilot)
    pilot.click("classroom")
    pilot.click(f"lesson:{LESSON}")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene) and scene.session.mode == "classroom"
    pilot.press(pygame.K_ESCAPE)
    ask = pilot.app.scene
    assert isinstance(ask, AskScene)
    assert [b.key for b in ask.buttons] == ["carry", "steps", "leave"]
    pilot.click("steps")
    steps = pilot.app.scene
    assert isinstance(steps, GoToStepScene)
    assert steps.focused_key() == f"step:{scene.lesson.start_id}"
    target = scene.lesson.steps[3]
    while f"step:{target.id}" not in pilot.button_keys():
        pilot.click("page")
    pilot.click(f"step:{target.id}")
    jumped = pilot.app.scene
    assert isinstance(jumped, StepScene)
    assert jumped.session.step_id == target.id and jumped.session.mode == "classroom"
    assert pilot.app.text_size_override is not None  # still the big classroom text


def test_classroom_lesson_left_part_way_carries_on(pilot: Pilot) -> None:
    """A class lesson left part-way carries on at the same step; nothing is recorded."""
    open_grownups(pilot)
    pilot.click("classroom")
    pilot.click(f"lesson:{LESSON}")
    scene = play_steps(pilot, 2)
    step_id = scene.session.step_id
    pilot.press(pygame.K_ESCAPE)
    pilot.click("leave")
    assert isinstance(pilot.app.scene, ClassroomScene)
    assert pilot.app.text_size_override is None
    pilot.click(f"lesson:{LESSON}")
    assert [b.key for b in pilot.app.scene.buttons] == ["carry", "steps", "again"]
    pilot.click("carry")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    assert scene.session.step_id == step_id and scene.session.mode == "classroom"
    progress = pilot.app.profile.progress
    assert progress.lessons == {} and progress.resume == {}
    assert LESSON in progress.classroom_resume


def test_preview_back_leaves_at_once(pilot: Pilot) -> None:
    """A teacher's preview is a grown-up tool: Back goes straight back to the step list."""
    open_grownups(pilot)
    pilot.click("lessons")
    pilot.click(f"lesson:{LESSON}")
    pilot.click(f"step:{pilot.app.pack.by_id(LESSON).steps[1].id}")
    assert isinstance(pilot.app.scene, StepScene)
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.scene, LessonStepsScene)
    assert pilot.app.profile.progress.resume == {}


def test_saved_place_holds_only_ids_and_codes(pilot: Pilot) -> None:
    """The resume entry is step and choice ids, tactic and skill codes: nothing personal."""
    open_lesson(pilot, LESSON, "G35", keyboard=False)
    scene = play_steps(pilot, 2)
    while scene.session.phase is Phase.READING:
        pilot.click("next")
    pilot.click("back")
    pilot.click("leave")
    saved = json.loads((pilot.app.data_folder / "progress.json").read_text())
    entry = saved["resume"][LESSON]
    assert set(entry) == {"path", "picks", "stars", "skills", "flags", "paused"}
    lesson = pilot.app.pack.by_id(LESSON)
    ids = {s.id for s in lesson.steps} | {c.id for s in lesson.steps for c in s.choice_list}
    assert set(entry["path"]) | {p for p in entry["picks"] if p} <= ids
    codes = [*entry["stars"], *entry["skills"], *entry["flags"]]
    assert all(len(code) == 3 and code[0] in "TR" for code in codes)
