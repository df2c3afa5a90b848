"""Teacher and home mode, driven with real input events.

The grown-up gate, lessons on/off, previews, classroom mode, the parent guide and
the printable screens.
"""

from __future__ import annotations

import random

import pygame
import pytest

from game.app import App
from game.content.routes import route_between
from game.scenes.classroom import ClassroomScene
from game.scenes.debrief import DebriefScene
from game.scenes.gate import MAX_FAILURES, TRIES_PER_VISIT, GateScene
from game.scenes.grownups import GrownUpsScene
from game.scenes.pause import PauseScene
from game.scenes.step_base import StepScene
from game.scenes.teacher_lessons import LessonStepsScene, TeacherLessonsScene
from game.session import Phase
from tests.pilot import Pilot
from tests.test_playthrough import PLAYERS


def open_grownups(pilot: Pilot) -> GrownUpsScene:
    """From the title screen, through the gate with the right answer typed on the keyboard."""
    pilot.click("grownups")
    gate = pilot.app.scene
    assert isinstance(gate, GateScene)
    for digit in str(gate.a * gate.b):
        pilot.press(getattr(pygame, f"K_{digit}"))
    pilot.press(pygame.K_RETURN)
    scene = pilot.app.scene
    assert isinstance(scene, GrownUpsScene)
    return scene


def test_gate_opens_with_the_right_answer_on_the_keypad(pilot: Pilot) -> None:
    """Clicking the digits of the product and OK opens the grown-ups' menu."""
    pilot.click("grownups")
    gate = pilot.app.scene
    assert isinstance(gate, GateScene)
    for digit in str(gate.a * gate.b):
        pilot.click(f"key:{digit}")
    pilot.click("key:ok")
    assert isinstance(pilot.app.scene, GrownUpsScene)


def test_gate_closes_after_three_wrong_answers(pilot: Pilot) -> None:
    """Three wrong answers send the child back to the title; nothing opens."""
    pilot.click("grownups")
    for _ in range(3):
        gate = pilot.app.scene
        assert isinstance(gate, GateScene)
        wrong = gate.a * gate.b + 1
        for digit in str(wrong):
            pilot.click(f"key:{digit}")
        pilot.click("key:ok")
    assert type(pilot.app.scene).__name__ == "TitleScene"
    assert pilot.app.gate_failures == 3


def test_gate_resists_a_burst_of_random_taps_and_keys(app: App, pilot: Pilot) -> None:
    """Thousands of random taps and key presses from the title never reach the grown-ups."""
    rng = random.Random(20261129)
    keys = [getattr(pygame, f"K_{d}") for d in range(10)] + [
        pygame.K_RETURN,
        pygame.K_TAB,
        pygame.K_BACKSPACE,
        pygame.K_SPACE,
        pygame.K_LEFT,
        pygame.K_RIGHT,
    ]
    width, height = app.screen.get_size()
    opened = 0
    for turn in range(3000):
        if rng.random() < 0.7:
            pos = (rng.randrange(width), rng.randrange(height))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1))
            pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONUP, pos=pos, button=1))
            app.pump()
        else:
            pilot.press(rng.choice(keys))
        if any(isinstance(scene, GrownUpsScene) for scene, _ in app.stack):
            opened += 1
            break
        if not app.running or turn % 200 == 0:
            # Random taps also find Quit or Back: start again from the title each time.
            from game.scenes.title import TitleScene

            app.running = True
            if not isinstance(app.scene, GateScene):
                app.reset_to(TitleScene(app))
    assert opened == 0
    assert app.gate_failures >= TRIES_PER_VISIT, "the burst should have met the gate"


def test_gate_stays_shut_after_too_many_wrong_answers(app: App, pilot: Pilot) -> None:
    """After the failure limit the gate shows no keypad, so luck cannot open it."""
    app.gate_failures = MAX_FAILURES
    pilot.click("grownups")
    gate = app.scene
    assert isinstance(gate, GateScene) and gate.locked
    assert not any(key.startswith("key:") for key in pilot.button_keys())


def test_a_lesson_turned_off_disappears_for_children(pilot: Pilot) -> None:
    """The teacher's on/off switch hides a lesson from the child's list, and brings it back."""
    open_grownups(pilot)
    pilot.click("lessons")
    assert isinstance(pilot.app.scene, TeacherLessonsScene)
    pilot.click("lesson:g35-gift-or-trick")
    assert isinstance(pilot.app.scene, LessonStepsScene)
    pilot.click("toggle")
    assert "g35-gift-or-trick" in pilot.app.profile.settings.disabled_lessons
    from game.scenes.lessons import LessonListScene

    pilot.app.profile.settings.band = "G35"
    listing = LessonListScene(pilot.app)
    assert "g35-gift-or-trick" not in [lesson.id for lesson in listing.lessons()]
    pilot.click("toggle")
    assert "g35-gift-or-trick" in [lesson.id for lesson in listing.lessons()]


def test_preview_opens_any_step_and_records_nothing(pilot: Pilot) -> None:
    """A preview starts at the chosen step, and finishing it earns no badges."""
    open_grownups(pilot)
    pilot.click("lessons")
    pilot.click("lesson:k2-secrets-and-surprises")
    steps = pilot.app.scene
    assert isinstance(steps, LessonStepsScene)
    last = steps.lesson.steps[-1]
    while f"step:{last.id}" not in pilot.button_keys():
        pilot.click("page")
    pilot.click(f"step:{last.id}")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    assert scene.session.step_id == last.id and scene.session.mode == "preview"
    assert scene.title().startswith("Preview")
    pilot.app.replace(DebriefScene(pilot.app, scene.session))
    assert pilot.app.profile.progress.lessons == {}


@pytest.mark.parametrize("lesson_id", ["g35-spot-the-red-flags", "g68-pressure-for-pics"])
def test_classroom_mode_plays_a_whole_lesson(pilot: Pilot, lesson_id: str) -> None:
    """The teacher picks each answer; every pause point shows; big text; nothing saved."""
    open_grownups(pilot)
    pilot.click("classroom")
    assert isinstance(pilot.app.scene, ClassroomScene)
    normal = pilot.app.metrics.text_scale
    for _page in range(10):  # the list pages when there are many lessons
        if f"lesson:{lesson_id}" in pilot.button_keys():
            break
        pilot.click("page")
    pilot.click(f"lesson:{lesson_id}")
    scene = pilot.app.scene
    assert isinstance(scene, StepScene) and scene.session.mode == "classroom"
    assert pilot.app.metrics.text_scale > normal
    lesson = scene.lesson
    route = route_between(lesson, lesson.start_id, None)
    assert route is not None
    paused: list[str] = []

    def discuss() -> None:
        while isinstance(pilot.app.scene, PauseScene):
            pause = pilot.app.scene
            paused.extend(q.question for q in pause.questions)
            pilot.click("answer:0")
            assert pause.showing == {0}
            pilot.click("continue")

    for turn, (step_id, choice_id) in enumerate(route):
        discuss()
        scene = pilot.app.scene
        assert isinstance(scene, StepScene), type(scene)
        assert scene.session.step_id == step_id
        PLAYERS[scene.session.step.type](pilot, scene, choice_id, turn, False)
    scene = pilot.app.scene
    if isinstance(scene, StepScene) and scene.session.phase is Phase.FINISHED:
        pilot.click("finish")
    discuss()
    assert isinstance(pilot.app.scene, DebriefScene)
    on_route = {step for step, _choice in route}
    expected = [q.question for q in lesson.discussion_questions if q.pause_after in on_route]
    assert expected and sorted(paused) == sorted(expected)
    assert pilot.app.profile.progress.lessons == {}
    pilot.click("missions")
    assert isinstance(pilot.app.scene, ClassroomScene)
    assert pilot.app.metrics.text_scale == normal


def test_parent_guide_shows_each_band_and_saves_a_family_pack(pilot: Pilot) -> None:
    """A parent picks an age group, pages through its lessons and saves a family pack."""
    open_grownups(pilot)
    pilot.click("home")
    pilot.click("band:G35")
    guide = pilot.app.scene
    assert [x.grade_band for x in guide.lessons()][0] == "G35"
    pilot.click("next")
    assert guide.index == 1
    pilot.click("save")
    saved = list((pilot.app.print_folder / "en").glob("*-family.pdf"))
    assert len(saved) == 1 and saved[0].read_bytes().startswith(b"%PDF")
    assert str(pilot.app.print_folder) in guide.status


def test_certificate_waits_until_the_band_is_finished(pilot: Pilot) -> None:
    """No certificate before every K2 mission is done; then a one-page PDF is saved."""
    open_grownups(pilot)
    pilot.click("certificates")
    pilot.click("cert:K2")
    assert not list(pilot.app.print_folder.glob("certificate-*.pdf"))
    for lesson in pilot.app.pack.lessons:
        if lesson.grade_band == "K2":
            pilot.app.profile.progress.record(lesson.id, {}, {"R12", "R18"})
    pilot.app.scene.relayout()
    pilot.click("cert:K2")
    saved = pilot.app.print_folder / "certificate-K2-en.pdf"
    assert saved.exists()


def test_child_saves_a_certificate_from_the_badges_screen(app: App, pilot: Pilot) -> None:
    """Once every mission of the group is done, the badges screen offers the certificate."""
    from game.scenes.badges import BadgesScene

    app.profile.settings.band = "K2"
    app.reset_to(BadgesScene(app))
    assert "certificate" not in pilot.button_keys()
    for lesson in app.pack.lessons:
        if lesson.grade_band == "K2":
            app.profile.progress.record(lesson.id, {}, {"R12"})
    app.reset_to(BadgesScene(app))
    pilot.click("certificate")
    assert app.scene.saved
    assert (app.print_folder / "certificate-K2-en.pdf").read_bytes().startswith(b"%PDF")


def test_teacher_saves_plans_while_the_window_keeps_answering(pilot: Pilot) -> None:
    """Save in English writes every plan and family pack in the background, with progress."""
    import time

    from game.scenes.printables import PrintablesScene

    open_grownups(pilot)
    pilot.click("plans")
    scene = pilot.app.scene
    assert isinstance(scene, PrintablesScene)
    pilot.click("save:current")
    seen: set[str] = set()
    deadline = time.monotonic() + 600  # a hang guard, not a speed test (see make bench)
    while scene.busy or not scene.status.startswith("Saved"):
        assert time.monotonic() < deadline, scene.status
        pilot.press(pygame.K_TAB)  # the screen still answers while it saves
        seen.add(scene.status.split(" ")[0])
        time.sleep(0.01)
    pilot.app.pump()
    assert "Saving..." in seen
    folder = pilot.app.print_folder
    lessons = pilot.app.pack.lessons
    assert len(list((folder / "en").glob("*-plan.pdf"))) == len(lessons)
    assert len(list((folder / "en").glob("*-family.html"))) == len(lessons)
    assert (folder / "en" / "curriculum-book.pdf").exists() and (folder / "index.html").exists()
    assert str(folder) in scene.status


def test_gate_keypad_keeps_its_order_in_arabic(app: App, pilot: Pilot) -> None:
    """In a right-to-left layout the keypad moves across but still reads 1-2-3."""
    app.set_language("ar")
    pilot.click("grownups")
    keys = {key: pilot.rect_of(key) for key in ("key:1", "key:3", "key:ok")}
    assert keys["key:1"].x < keys["key:3"].x
    assert keys["key:ok"].centerx < app.screen.get_width() // 2  # the pad sits on the left


def test_teacher_sees_what_the_lessons_teach(pilot: Pilot) -> None:
    """Lessons -> 'What these lessons teach' shows the tricks table, then skills, page by page."""
    from game.scenes.coverage import CoverageScene

    open_grownups(pilot)
    pilot.click("lessons")
    pilot.click("coverage")
    scene = pilot.app.scene
    assert isinstance(scene, CoverageScene) and scene.kind == "tactics"
    pilot.activate("kind:skills", keyboard=True)
    assert scene.kind == "skills" and scene.page == 0
    if "page" in pilot.button_keys():
        pilot.click("page")
        assert scene.page == 1
    pilot.press(pygame.K_ESCAPE)
    assert not isinstance(pilot.app.scene, CoverageScene)
