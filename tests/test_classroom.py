"""Classroom (projector) mode, driven by real SDL events.

Step progress, the projector chat layout, the show-of-hands tally, the teacher's
red-flag reveal and pause points.
"""

from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.routes import route_between
from game.scenes.chat import ChatScene
from game.scenes.classroom import start_classroom
from game.scenes.step_base import StepScene, scene_for
from game.session import LessonSession, Phase
from tests.pilot import Pilot

LESSON = "g68-pressure-for-pics"


def open_class_lesson(pilot: Pilot, lesson_id: str = LESSON) -> StepScene:
    """Start *lesson_id* in classroom mode, as the Classroom list does."""
    app = pilot.app
    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None
    start_classroom(app, lesson)
    app.render()
    pilot.wait()
    scene = app.scene
    assert isinstance(scene, StepScene) and scene.session.mode == "classroom"
    return scene


def test_classroom_steps_show_step_n_of_total_and_count_up(pilot: Pilot) -> None:
    """Each class step names 'Step n of total'; n goes up by one with each step played."""
    scene = open_class_lesson(pilot)
    lesson = scene.lesson
    route = route_between(lesson, lesson.start_id, None)
    assert route is not None
    assert scene.step_progress() == (1, len(route))
    assert scene.content_rect().top > scene.header_height() + scene._title_h
    while pilot.app.scene.session.step_id == route[0][0]:
        pilot.click("next")  # reveal the intro's messages, then go on
    scene = pilot.app.scene
    assert isinstance(scene, StepScene) and scene.session.step_id == route[1][0]
    assert scene.step_progress() == (2, len(route))


def test_step_progress_counts_the_way_to_a_step_jumped_to(app: App) -> None:
    """After 'Go to step' the number counts the shortest way from the start to there."""
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    session = LessonSession(lesson, mode="classroom")
    last = route_between(lesson, lesson.start_id, None)
    assert last is not None
    session.jump_to(last[-1][0])
    scene = scene_for(app, lesson, session)
    assert scene.step_progress() == (len(last), len(last))


def test_a_child_playing_alone_sees_no_step_progress(app: App) -> None:
    """Step progress is classroom-only: a child's own play has no 'Step n of total'."""
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    scene = scene_for(app, lesson, LessonSession(lesson))
    app.push(scene)
    assert scene.step_progress() is None
    assert scene._progress_height() == 0


def play_to_choosing(pilot: Pilot) -> ChatScene:
    """Open the class lesson and press Next until the class is asked to vote."""
    open_class_lesson(pilot)
    for _ in range(20):
        scene = pilot.app.scene
        if isinstance(scene, ChatScene) and scene.session.phase is Phase.CHOOSING:
            return scene
        pilot.click("next")
    raise AssertionError("never reached a choice")


def files_in(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under *folder* with its size and modification time."""
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_show_of_hands_tally_counts_by_keys_and_buttons_then_plays_most_hands(
    pilot: Pilot, data_dir: Path
) -> None:
    """Keys 1-4 pick a choice, +/= and - (keypad too) count; buttons count; most hands wins."""
    from game.scenes.tally import TallyScene

    chat = play_to_choosing(pilot)
    step_id = chat.session.step_id
    before = files_in(data_dir)
    pilot.click("tally")
    tally = pilot.app.scene
    assert isinstance(tally, TallyScene)
    assert tally.focused_key() is None  # Enter alone picks nothing
    pilot.press(pygame.K_2)
    for key in (pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS, pygame.K_EQUALS):
        pilot.press(key)
    pilot.press(pygame.K_MINUS)
    pilot.press(pygame.K_KP_MINUS)
    assert tally.counts == [0, 2, 0]
    pilot.press(pygame.K_1)
    pilot.click("plus:0")
    pilot.click("plus:2")
    pilot.click("plus:2")
    pilot.click("minus:2")
    pilot.click("minus:0")
    pilot.click("minus:0")  # never below none
    assert tally.counts == [0, 2, 1]
    pilot.click("most")
    chat = pilot.app.scene
    assert isinstance(chat, ChatScene) and chat.session.step_id == step_id
    assert chat.session.phase is Phase.FEEDBACK
    assert chat.session.chosen is not None
    assert chat.session.chosen.id == chat.session.step.choice_list[1].id
    assert files_in(data_dir) == before  # the counts were never written anywhere


def test_tally_reaches_every_control_by_keyboard_and_back_changes_nothing(pilot: Pilot) -> None:
    """Tab reaches each -, + and choice; Enter on a choice plays it; Back plays none."""
    chat = play_to_choosing(pilot)
    pilot.tab_to("tally")
    pilot.press(pygame.K_RETURN)
    keys = pilot.button_keys()
    for key in keys:
        pilot.tab_to(key)
    pilot.press(pygame.K_ESCAPE)
    assert pilot.app.scene is chat and chat.session.phase is Phase.CHOOSING
    pilot.click("tally")
    last = chat.session.step.choice_list[-1].id
    pilot.tab_to(f"pick:{last}")
    pilot.press(pygame.K_RETURN)
    scene = pilot.app.scene
    assert isinstance(scene, ChatScene) and scene.session.chosen is not None
    assert scene.session.chosen.id == last


def test_teacher_reveals_and_hides_the_red_flags_in_a_class_chat(pilot: Pilot) -> None:
    """'Show the red flags' tags each tactic message (icon and text); pressing again hides."""
    chat = play_to_choosing(pilot)
    flagged = [e for e in chat.session.history if e.tactic]
    assert flagged and not any(e.revealed for e in flagged)
    assert not any(chat._as_shown(e).revealed for e in flagged)
    pilot.click("flags")
    chat = pilot.app.scene
    assert isinstance(chat, ChatScene) and chat.flags_shown
    assert all(chat._as_shown(e).revealed for e in flagged)
    label = next(b.label for b in chat.buttons if b.key == "flags")
    assert label == "Hide the red flags"
    pilot.click("flags")
    assert not chat.flags_shown
    assert not any(chat._as_shown(e).revealed for e in flagged)
    assert chat.session.phase is Phase.CHOOSING  # revealing never answers for the class


def test_a_child_playing_alone_has_no_tally_or_red_flag_button(app: App, pilot: Pilot) -> None:
    """The tally and the red-flag reveal are classroom-only."""
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    session = LessonSession(lesson)
    session.reveal_all()
    session.advance()
    session.reveal_all()
    scene = scene_for(app, lesson, session)
    app.push(scene)
    assert scene.session.phase is Phase.CHOOSING
    keys = pilot.button_keys()
    assert "tally" not in keys and "flags" not in keys


def test_pause_point_shows_the_discussion_question_and_model_answer(
    app: App, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class pause point draws its question; 'Show the model answer' adds the answer."""
    from game.scenes.pause import PauseScene

    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    question = next(q for q in lesson.discussion_questions if q.pause_after)
    pause = PauseScene(app, lesson, str(question.pause_after))
    app.push(pause)
    pilot = Pilot(app)
    drawn: list[str] = []
    render = app.text.render

    def spy(words: str, *args: object, **kwargs: object) -> pygame.Surface:
        drawn.append(words)
        return render(words, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(app.text, "render", spy)
    pause._blocks(800, 1.0)
    assert question.question in drawn
    assert not any(question.model_answer in words for words in drawn)
    pilot.click("answer:0")
    assert pause.showing == {0}
    drawn.clear()
    pause._blocks(800, 1.0)
    assert question.question in drawn
    assert any(question.model_answer in words for words in drawn)


def test_red_flag_reveal_resets_on_the_next_step(pilot: Pilot) -> None:
    """Shown red flags hide again on a new step, so the class can look for them first."""
    chat = play_to_choosing(pilot)
    voted_on = chat.session.step_id
    pilot.click("flags")
    pilot.click(f"choice:{chat.session.step.choice_list[0].id}")
    pilot.click("next")
    while type(pilot.app.scene).__name__ == "PauseScene":
        pilot.click("continue")
    scene = pilot.app.scene
    assert isinstance(scene, ChatScene) and scene.session.step_id != voted_on
    assert not scene.flags_shown


@pytest.mark.parametrize("mode", ["classroom", "play"])
def test_projector_chat_has_no_big_scout_picture(
    app: App, monkeypatch: pytest.MonkeyPatch, mode: str
) -> None:
    """In classroom mode the panel is not half taken by a big Scout (a child still sees it)."""
    import game.scenes.chat as chat_module

    sizes: list[int] = []
    real = chat_module.draw.avatar

    def spy(surface: pygame.Surface, center: tuple[int, int], size: int, kind: str) -> None:
        if kind == "scout":
            sizes.append(size)
        real(surface, center, size, kind)

    monkeypatch.setattr(chat_module.draw, "avatar", spy)
    lesson = app.pack.by_id(LESSON)
    assert lesson is not None
    scene = scene_for(app, lesson, LessonSession(lesson, mode=mode))
    app.push(scene)
    app.render()
    big = [s for s in sizes if s >= scene.m.px(150)]
    assert bool(big) == (mode == "play")


def test_story_choice_pages_count_the_hands_too(pilot: Pilot) -> None:
    """A class on a story page with choices opens the tally, and its pick plays that choice."""
    from game.scenes.story import StoryScene
    from game.scenes.tally import TallyScene

    open_class_lesson(pilot, "k2-kai-and-the-tricky-game")
    for _ in range(20):
        scene = pilot.app.scene
        if isinstance(scene, StoryScene) and scene.session.phase is Phase.CHOOSING:
            break
        pilot.click("next")
    else:
        raise AssertionError("never reached a story choice")
    step_id = scene.session.step_id
    pilot.click("tally")
    assert isinstance(pilot.app.scene, TallyScene)
    pilot.press(pygame.K_1)
    pilot.press(pygame.K_PLUS)
    pilot.click("most")
    story = pilot.app.scene
    assert isinstance(story, StoryScene) and story.session.step_id == step_id
    assert story.session.phase is Phase.FEEDBACK
    assert story.session.chosen is not None
    assert story.session.chosen.id == story.session.step.choice_list[0].id


def test_tally_heads_with_count_the_hands_and_puts_the_go_first(pilot: Pilot) -> None:
    """The tally is titled like the button that opened it (in the header); the go leads."""
    from game.scenes.tally import TallyScene

    play_to_choosing(pilot)
    pilot.click("tally")
    tally = pilot.app.scene
    assert isinstance(tally, TallyScene)
    assert tally.title() == "Count the hands"
    assert tally._title_h == 0  # the title sits in the header, not in lines of its own
    most = tally.buttons[0]
    assert most.key == "most"  # first in reading and Tab order, beside the intro
    assert most.rect.top < min(b.rect.top for b in tally.buttons[1:])


@pytest.mark.parametrize("language", ["en", "es", "fr", "pt_BR", "ar", "zh_Hans"])
def test_every_tally_shows_all_its_choices_on_a_16_9_projector(app: App, language: str) -> None:
    """At 1280x720 in classroom text, every choice step's tally shows each row and the go.

    Long four-choice steps (French, Spanish) get a smaller size of text rather than a row
    below the window; the title never takes lines of its own (Arabic's tall line too).
    """
    from game.scenes.classroom import CLASSROOM_TEXT_SIZE
    from game.scenes.tally import TallyScene

    app.set_language(language)
    app.text_size_override = CLASSROOM_TEXT_SIZE
    app.refresh_layout()
    height = app.screen.get_height()
    checked = 0
    for lesson in app.pack.lessons:
        band = lesson.grade_band
        for step in lesson.steps:
            if step.type not in ("chat", "story") or not step.has_choices:
                continue
            choices = [  # as the lesson screen words them (StepScene.lt)
                (c.id, app.fill_services(app.tr.pgettext(f"{lesson.id}/{c.id}", c.text), band))
                for c in step.choice_list
            ]
            tally = TallyScene(app, choices)
            app.push(tally)
            where = f"{lesson.id}/{step.id}"
            assert tally._title_h == 0, where
            assert len(tally.buttons) == 1 + 3 * len(choices), where
            assert max(b.rect.bottom for b in tally.buttons) <= height, where
            app.pop(None)
            checked += 1
    assert checked > 50
