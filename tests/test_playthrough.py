"""The scripted player plays every branch of every shipped lesson, by mouse and by keyboard."""

from __future__ import annotations

import pygame
import pytest

from game.content.loader import load_pack
from game.content.routes import Route, branch_routes
from game.paths import ContentPaths
from game.scenes.debrief import DebriefScene
from game.scenes.help_plan import HelpPlanScene
from game.scenes.quiz import QuizScene
from game.scenes.reply import ReplyScene
from game.scenes.sort import SortScene
from game.scenes.spot import SpotScene
from game.scenes.step_base import StepScene
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


def open_lesson(pilot: Pilot, lesson_id: str, band: str, *, keyboard: bool) -> StepScene:
    """From the title screen: Play, pick the band, pick the lesson."""
    pilot.activate("play", keyboard=keyboard)
    pilot.activate(f"band:{band}", keyboard=keyboard)
    pilot.activate(f"lesson:{lesson_id}", keyboard=keyboard)
    scene = pilot.app.scene
    assert isinstance(scene, StepScene)
    return scene


def play_route(pilot: Pilot, scene: StepScene, route: Route, *, keyboard: bool) -> None:
    """Follow *route* through every kind of step with real input events, to the debrief."""
    for turn, (step_id, choice_id) in enumerate(route):
        scene = pilot.app.scene
        assert isinstance(scene, StepScene), type(scene)
        session = scene.session
        assert session.step_id == step_id
        player = PLAYERS[session.step.type]
        player(pilot, scene, choice_id, turn, keyboard)
    scene = pilot.app.scene
    if isinstance(scene, StepScene) and scene.session.phase is Phase.FINISHED:
        pilot.activate("finish", keyboard=keyboard)


def play_chat(
    pilot: Pilot, scene: StepScene, choice_id: str | None, turn: int, keyboard: bool
) -> None:
    """Read the messages, answer the check-in, pick the route's choice."""
    session = scene.session
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


def play_story(
    pilot: Pilot, scene: StepScene, choice_id: str | None, turn: int, keyboard: bool
) -> None:
    """Turn the page, or advise the character and read the feedback."""
    session = scene.session
    if choice_id is not None:
        pilot.activate(f"choice:{choice_id}", keyboard=keyboard)
        assert session.phase is Phase.FEEDBACK
        pilot.activate("next", keyboard=keyboard)
    elif session.phase is Phase.CONTINUE:
        pilot.activate("next", keyboard=keyboard)


def play_spot(
    pilot: Pilot, scene: SpotScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """Mark every red flag but one, plus one false alarm, check, and go on."""
    flags = [m.id for m in scene.step.messages if m.tactic]
    safe = [m.id for m in scene.step.messages if not m.tactic]
    marked = flags[1:] + safe[:1] if turn % 2 else flags
    for message_id in marked:
        pilot.activate(f"spot:{message_id}", keyboard=keyboard)
    pilot.activate("check", keyboard=keyboard)
    assert scene.checked and scene.hits() == len([f for f in marked if f in flags])
    pilot.activate("next", keyboard=keyboard)


def play_sort(
    pilot: Pilot, scene: SortScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """Sort the first card into a wrong bin (the kind repair), the rest into the right one."""
    bins = [b.id for b in scene.step.bins]
    for index, card in enumerate(scene.step.cards):
        target = card.bin if index else next(b for b in bins if b != card.bin)
        pilot.activate(f"bin:{target}", keyboard=keyboard)
        assert scene.answered
        pilot.activate("next", keyboard=keyboard)
    assert scene.done
    assert scene.right_first_time() == len(scene.step.cards) - 1
    pilot.activate("next", keyboard=keyboard)


def play_quiz(
    pilot: Pilot, scene: QuizScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """Answer the first question wrongly and the rest rightly, reading every explanation."""
    for index, question in enumerate(scene.step.questions):
        keys = [key for key, _ in scene.options(question)]
        right = [k for k in keys if scene.is_right(question, k)]
        wrong = [k for k in keys if not scene.is_right(question, k)]
        pilot.activate(f"answer:{(wrong if index == 0 else right)[0]}", keyboard=keyboard)
        pilot.activate("next", keyboard=keyboard)
    assert scene.score() == len(scene.step.questions) - 1
    pilot.activate("next", keyboard=keyboard)


def play_help_plan(
    pilot: Pilot, scene: HelpPlanScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """Try to finish early, pick grown-ups, tap the app out of order, choose the words."""
    step = scene.step
    pilot.activate("done", keyboard=keyboard)
    assert scene.stage == "adults" and scene.hint
    for role in step.roles[: step.min_adults]:
        pilot.activate(f"role:{role}", keyboard=keyboard)
    pilot.activate("done", keyboard=keyboard)
    assert scene.stage == "app"
    pilot.activate("app:delete", keyboard=keyboard)
    assert scene.hint and not scene.app_done
    for action in step.app_actions:
        pilot.activate(f"app:{action}", keyboard=keyboard)
    pilot.activate("done", keyboard=keyboard)
    assert scene.stage == "say"
    for option in sorted(step.say, key=lambda o: o.helpful):
        pilot.activate(f"say:{option.id}", keyboard=keyboard)
    pilot.activate("done", keyboard=keyboard)
    assert scene.stage == "rehearse"
    pilot.activate("done", keyboard=keyboard)


def play_privacy(
    pilot: Pilot, scene: StepScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """See what happens with the settings as they start, change them all to safer, go on."""
    from game.scenes.privacy import PrivacyScene

    assert isinstance(scene, PrivacyScene)
    pilot.activate("see", keyboard=keyboard)
    if not scene.all_safe:
        pilot.activate("change", keyboard=keyboard)
    for setting in scene.step.settings:
        safer = next(o for o in setting.options if o.safe)
        pilot.activate(f"opt:{setting.id}:{safer.id}", keyboard=keyboard)
    pilot.activate("see", keyboard=keyboard)
    assert scene.all_safe and scene.showing
    pilot.activate("next", keyboard=keyboard)


def play_reply(
    pilot: Pilot, scene: ReplyScene, _choice: str | None, turn: int, keyboard: bool
) -> None:
    """Send a reply with a tile that is not firm, build it again, then send the best reply."""
    step = scene.step
    firm_no = next(t.id for t in step.say_no if t.firm)
    open_no = next((t.id for t in step.say_no if not t.firm), firm_no)
    action = next(t.id for t in step.actions if t.firm)
    for key in (f"tile:say_no:{open_no}", "tile:reasons:", f"tile:actions:{action}", "send"):
        pilot.activate(key, keyboard=keyboard)
    if open_no != firm_no:
        assert scene.verdict() == "unsafe" and "next" not in pilot.button_keys()
        pilot.activate("again", keyboard=keyboard)
        assert scene.picks == {"reasons": "", "actions": action}
        pilot.activate(f"tile:say_no:{firm_no}", keyboard=keyboard)
        pilot.activate("send", keyboard=keyboard)
    assert scene.verdict() == "great"
    pilot.activate("next", keyboard=keyboard)


PLAYERS = {
    "chat": play_chat,
    "story": play_story,
    "spot": play_spot,
    "sort": play_sort,
    "quiz": play_quiz,
    "help_plan": play_help_plan,
    "privacy": play_privacy,
    "reply": play_reply,
}


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
        every = {c.id for step in lesson.steps for c in step.choice_list}
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


def test_badges_are_earned_by_practising(pilot: Pilot) -> None:
    """Finishing a mission earns the badges of the skills practised, celebrated and shown."""
    from game.scenes.badges import BadgesScene, earned_skills
    from game.scenes.new_badge import NewBadgeScene

    lesson = pilot.app.pack.by_id("g35-gift-or-trick")
    route = branch_routes(lesson)[0]
    scene = open_lesson(pilot, lesson.id, "G35", keyboard=True)
    assert earned_skills(pilot.app, "G35") == set()
    play_route(pilot, scene, route, keyboard=True)
    pilot.activate("missions", keyboard=True)
    celebration = pilot.app.scene  # the new badges, on the way out of the debrief
    assert isinstance(celebration, NewBadgeScene) and {"R12", "R14"} <= set(celebration.codes)
    pilot.activate("continue", keyboard=True)
    pilot.activate("badges", keyboard=True)
    assert isinstance(pilot.app.scene, BadgesScene)
    earned = earned_skills(pilot.app, "G35")
    assert {"R12", "R14"} <= earned
    assert earned_skills(pilot.app, "K2") == set()  # a G35 mission is not a K2 badge


def test_sort_card_can_be_dragged_to_a_bin(pilot: Pilot) -> None:
    """A sort card dragged with the mouse (or a finger) and dropped on a bin is sorted."""
    lesson = next(
        lesson
        for lesson in pilot.app.pack.lessons
        if any(step.type == "sort" for step in lesson.steps)
    )
    sort_step = next(step for step in lesson.steps if step.type == "sort")
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    pilot.app.push(
        scene_for(
            pilot.app, lesson, play_to(pilot.app, lesson, sort_step.id, choose=None, check_in=False)
        )
    )
    scene = pilot.app.scene
    assert isinstance(scene, SortScene)
    card = scene.card
    start = scene.card_rect.center
    target = pilot.rect_of(f"bin:{card.bin}").center
    pilot.drag(start, target)  # after a pause: the new screen ignores presses for a moment
    assert scene.answered
    assert scene.placed[card.id] == card.bin
