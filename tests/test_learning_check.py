"""The anonymous learning check: before and after items, counts only, the class summary."""

from __future__ import annotations

import csv
import datetime
import io
import json
import re
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.content.model import CheckItem, Lesson
from game.content.routes import branch_routes
from game.i18n import Translator
from game.learning_check import CSV_COLUMNS, FILE_NAME, CheckLog, CheckStore
from game.paths import ContentPaths
from game.scenes.check import CheckScene, after_lesson
from game.scenes.class_summary import ClassSummaryScene
from game.scenes.debrief import DebriefScene
from game.scenes.lessons import LessonListScene
from game.scenes.new_badge import NewBadgeScene
from game.scenes.step_base import StepScene
from game.session import LessonSession
from game.ui import flow
from tests.pilot import Pilot
from tests.test_playthrough import play_route

DAY = datetime.date(2026, 3, 2)


def checked_lesson(app: App) -> Lesson:
    """A loaded lesson that has learning-check items."""
    return next(lesson for lesson in app.pack.lessons if lesson.learning_check)


def open_from_title(pilot: Pilot, lesson: Lesson, *, keyboard: bool = False) -> None:
    """Play, pick the lesson's band, turn pages until the lesson shows, and pick it."""
    pilot.activate("play", keyboard=keyboard)
    pilot.activate(f"band:{lesson.grade_band}", keyboard=keyboard)
    for _ in range(10):
        if f"lesson:{lesson.id}" in pilot.button_keys():
            break
        pilot.activate("page", keyboard=keyboard)
    pilot.activate(f"lesson:{lesson.id}", keyboard=keyboard)


def turn_on(app: App) -> None:
    """The teacher's switch: the learning check is on for this device."""
    app.profile.settings.learning_check = True
    app.profile.save_settings()


def saved_log(app: App) -> CheckLog:
    """The log as it is on disk now."""
    return CheckStore(app.data_folder).log


def drawn_text(app: App) -> list[str]:
    """Every string drawn when the top screen is laid out and drawn afresh."""
    app.text.recorder = []
    try:
        app.scene.relayout()
        app.render()
        return app.text.recorder
    finally:
        app.text.recorder = None


def sample_log(lesson: Lesson) -> CheckLog:
    """Answers to every item of *lesson*, before and after, on two days."""
    log = CheckLog()
    for day in (DAY, DAY + datetime.timedelta(days=1)):
        for item in lesson.learning_check:
            for right in (True, False, False):
                log.record(day, lesson.id, item, "pre", right)
            for right in (True, True, False):
                log.record(day, lesson.id, item, "post", right)
    return log


# -- starting and finishing a lesson -------------------------------------------------
def test_pre_check_comes_first_when_on(pilot: Pilot) -> None:
    """With the check on, picking a lesson opens the before-check, not the lesson."""
    turn_on(pilot.app)
    lesson = checked_lesson(pilot.app)
    open_from_title(pilot, lesson)
    scene = pilot.app.scene
    assert isinstance(scene, CheckScene) and scene.phase == "pre"
    assert pilot.button_keys()[:3] == ["answer:true", "answer:false", "answer:unsure"]


def test_no_check_when_off(pilot: Pilot) -> None:
    """With the check off (the default), picking a lesson opens the lesson at once."""
    assert pilot.app.profile.settings.learning_check is False
    open_from_title(pilot, checked_lesson(pilot.app))
    assert isinstance(pilot.app.scene, StepScene)
    assert not (pilot.app.data_folder / FILE_NAME).exists()


def test_pre_then_lesson_then_post_records_counts(pilot: Pilot) -> None:
    """A full run counts every before and after answer, then returns to the missions."""
    app = pilot.app
    turn_on(app)
    lesson = checked_lesson(app)
    items = lesson.learning_check
    open_from_title(pilot, lesson, keyboard=True)
    # Before: key 1 (True) for every item; no right-or-wrong is shown, it just moves on.
    for index in range(len(items)):
        assert app.scene.index == index and "next" not in pilot.button_keys()
        pilot.press(pygame.K_1)
    assert isinstance(app.scene, CheckScene) and app.scene.item is None
    pilot.activate("next", keyboard=True)
    scene = app.scene
    assert isinstance(scene, StepScene)
    play_route(pilot, scene, branch_routes(lesson)[0], keyboard=True)
    assert isinstance(app.scene, DebriefScene)
    pilot.activate("missions", keyboard=True)
    # The mission's new badges are celebrated first; Continue goes on to the check.
    assert isinstance(app.scene, NewBadgeScene)
    pilot.activate("continue", keyboard=True)
    # After: the right answer by mouse for each, with a kind explanation and Continue.
    check = app.scene
    assert isinstance(check, CheckScene) and check.phase == "post"
    for item in items:
        pilot.click("answer:true" if item.answer else "answer:false")
        assert check.answer is not None and pilot.app.scene.focused_key() == "next"
        pilot.click("next")
    assert isinstance(app.scene, LessonListScene)
    [summary] = saved_log(app).by_lesson()
    assert summary.key == lesson.id
    assert summary.pre_answered == len(items)
    assert summary.pre_correct == sum(item.answer for item in items)
    assert (summary.post_answered, summary.post_correct) == (len(items), len(items))


def test_not_sure_counts_as_answered_not_correct(pilot: Pilot) -> None:
    """'Not sure' (key 3) is an answer that is not right, explained kindly after the lesson."""
    app = pilot.app
    turn_on(app)
    lesson = checked_lesson(app)
    debrief = DebriefScene(app, LessonSession(lesson))
    app.push(debrief)
    after_lesson(app, lesson, debrief)
    check = app.scene
    assert isinstance(check, CheckScene) and check.phase == "post"
    pilot.press(pygame.K_3)
    assert check.answer == "unsure" and pilot.button_keys()[0] == "next"
    drawn = drawn_text(app)
    assert "It's OK not to be sure. Here's why:" in drawn
    assert check.lt(check.item, check.item.explain) in drawn
    [summary] = saved_log(app).by_lesson()
    assert (summary.post_answered, summary.post_correct) == (1, 0)


def test_wrong_answer_after_gets_kind_feedback(pilot: Pilot) -> None:
    """A wrong answer after the lesson shows 'Not quite. Here's why:' and the explanation."""
    app = pilot.app
    turn_on(app)
    lesson = checked_lesson(app)
    app.push(CheckScene(app, lesson, "post"))
    item = lesson.learning_check[0]
    pilot.click("answer:false" if item.answer else "answer:true")
    assert "Not quite. Here's why:" in drawn_text(app)


def test_escape_leaves_the_pre_check(pilot: Pilot) -> None:
    """Escape goes back to the missions from the before-check, like Back everywhere."""
    turn_on(pilot.app)
    open_from_title(pilot, checked_lesson(pilot.app))
    pilot.press(pygame.K_ESCAPE)
    assert isinstance(pilot.app.scene, LessonListScene)


def test_no_check_after_a_teacher_preview(pilot: Pilot) -> None:
    """After a teacher's preview, More missions goes straight back (nothing is counted)."""
    app = pilot.app
    turn_on(app)
    lesson = checked_lesson(app)
    app.push(LessonListScene(app))
    debrief = DebriefScene(app, LessonSession(lesson, mode="preview"))
    app.push(debrief)
    pilot.click("missions")
    assert isinstance(app.scene, LessonListScene)


# -- what is stored and exported ---------------------------------------------------------
def test_csv_has_counts_only() -> None:
    """The CSV has exactly the allowed columns, ISO dates, whole numbers and no identities."""
    lesson_id = "g35-sample"
    items = [
        CheckItem(id="a", text="A.", answer=True, tactic="T05", explain="Why."),
        CheckItem(id="b", text="B.", answer=False, tactic="T05", explain="Why."),
        CheckItem(id="c", text="C.", answer=False, explain="Why."),
    ]
    log = CheckLog()
    for item in items:
        log.record(DAY, lesson_id, item, "post", True)
        log.record(DAY, lesson_id, item, "pre", item.id == "a")
    log.record(DAY - datetime.timedelta(days=1), lesson_id, items[0], "pre", False)
    rows = list(csv.reader(io.StringIO(log.csv_text())))
    header, body = rows[0], rows[1:]
    assert tuple(header) == CSV_COLUMNS
    banned = re.compile(r"name|id|user|time|stamp|child|pupil|student|device", re.I)
    assert not [column for column in header if banned.search(column)]
    assert body == [
        ["2026-03-01", lesson_id, "T05", "pre", "1", "0", "0"],
        ["2026-03-02", lesson_id, "", "pre", "1", "0", "0"],
        ["2026-03-02", lesson_id, "", "post", "1", "1", "100"],
        ["2026-03-02", lesson_id, "T05", "pre", "2", "1", "50"],
        ["2026-03-02", lesson_id, "T05", "post", "2", "2", "100"],
    ]
    for row in body:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", row[0])
        assert all(re.fullmatch(r"\d+", value) for value in row[4:])


def test_saved_file_holds_only_tallies(pilot: Pilot) -> None:
    """learning-check.json keeps days, ids, codes and two counts: nothing else."""
    app = pilot.app
    lesson = checked_lesson(app)
    store = CheckStore(app.data_folder)
    store.record(lesson.id, lesson.learning_check[0], "pre", True)
    data = json.loads((app.data_folder / FILE_NAME).read_text())
    assert set(data) == {"version", "tallies"}
    [tally] = data["tallies"]
    assert set(tally) == {"day", "lesson", "item", "tactic", "phase", "answered", "correct"}
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", tally["day"])


def test_summaries_by_lesson_and_tactic() -> None:
    """Rows add up before and after answers per lesson and per tactic; clear forgets all."""
    item = CheckItem(id="a", text="A.", answer=True, tactic="T04", explain="Why.")
    log = CheckLog()
    log.record(DAY, "one", item, "pre", False)
    log.record(DAY, "one", item, "pre", True)
    log.record(DAY, "two", item, "post", True)
    one, two = log.by_lesson()
    assert (one.key, one.pre_answered, one.pre_correct, one.post_answered) == ("one", 2, 1, 0)
    assert one.share("pre") == 0.5 and one.share("post") is None
    [tactic] = log.by_tactic()
    assert (tactic.key, tactic.pre_answered, tactic.post_correct) == ("T04", 2, 1)
    log.clear()
    assert log.by_lesson() == [] and log.days() is None


def test_corrupt_file_is_set_aside_and_summary_opens(pilot: Pilot) -> None:
    """A broken learning-check.json is renamed, never deleted, and the summary still opens."""
    app = pilot.app
    broken = app.data_folder / FILE_NAME
    broken.write_text('{"tallies": [{"day": "yesterday", "answered": -1}]')
    app.push(ClassSummaryScene(app))
    app.render()
    scene = app.scene
    assert isinstance(scene, ClassSummaryScene)
    assert scene.store.backup is not None and scene.store.backup.exists()
    assert scene.store.backup.read_text().startswith('{"tallies"')
    assert not broken.exists()
    assert scene.store.log.tallies == []


def test_percent_follows_the_language() -> None:
    """Percentages are written the way each language writes them."""
    assert Translator("en").percent(0.4) == "40%"
    assert Translator("fr").percent(0.4) == "40\xa0%"
    assert Translator("en_XA").percent(1) == "100%"


# -- the class summary --------------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize(
    ("size", "text_size"),
    [((1280, 720), "normal"), ((1024, 600), "extra_large")],
    ids=["1280x720", "1024x600-xl"],
)
def test_summary_fits_in_each_layout(
    paths: ContentPaths, data_dir: Path, language: str, size: tuple[int, int], text_size: str
) -> None:
    """Every page of results draws in English and Arabic with nothing overflowing."""
    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.text_size = text_size
    app.set_language(language)
    store = CheckStore(data_dir)
    for lesson in app.pack.lessons:
        for tally in sample_log(lesson).tallies:
            store.log.tallies.append(tally)
    store.save()
    pilot = Pilot(app)
    flow.overflow_log = []
    try:
        app.push(ClassSummaryScene(app))
        scene = app.scene
        assert any(page for page in scene.pages)
        if language == "ar":  # right to left: the switch starts on the right
            assert pilot.rect_of("toggle").right > app.metrics.width // 2
        for _ in range(len(scene.pages)):
            scene.dirty = True
            app.render()
            # The window's width, and the page's height (a taller page scrolls).
            window = pygame.Rect(0, 0, app.screen.get_width(), scene.page_height())
            for button in scene.all_buttons():
                label = button._label(app.text, app.metrics, (0, 0, 0))
                assert label.get_height() <= button.rect.height, button.key
                assert label.get_width() <= button.rect.width, button.key
                assert window.contains(button.rect), button.key
            assert sum(s.get_height() for s in scene.pages[scene.page]) <= scene.chart.height
            assert flow.overflow_log == []
            if "page" in pilot.button_keys():
                pilot.click("page")
    finally:
        flow.overflow_log = None
        pygame.quit()


def test_summary_when_empty(pilot: Pilot) -> None:
    """With no answers, the summary says how to start instead of drawing empty bars."""
    app = pilot.app
    app.push(ClassSummaryScene(app))
    drawn = drawn_text(app)
    assert "No answers yet. Turn the learning check on, then play a lesson." in drawn


def test_toggle_saves_the_setting(pilot: Pilot) -> None:
    """The switch turns the check on and off, and the choice is saved."""
    app = pilot.app
    app.push(ClassSummaryScene(app))
    pilot.activate("toggle", keyboard=True)
    assert app.profile.settings_store.load().learning_check is True
    assert pilot.rect_of("toggle")  # still there, now saying On
    assert [b.label for b in app.scene.buttons if b.key == "toggle"] == ["Learning check: On"]
    pilot.click("toggle")
    assert app.profile.settings_store.load().learning_check is False


def test_save_as_csv_writes_to_the_print_folder(
    paths: ContentPaths, data_dir: Path, tmp_path: Path
) -> None:
    """Save as CSV writes learning-check-<date>.csv into the print folder and says where."""
    folder = tmp_path / "prints"
    app = App(paths, data_folder=data_dir, print_folder=folder, fullscreen=False, sound=False)
    try:
        lesson = checked_lesson(app)
        store = CheckStore(data_dir)
        store.log = sample_log(lesson)
        store.save()
        app.push(ClassSummaryScene(app))
        Pilot(app).click("csv")
        path = folder / f"learning-check-{datetime.date.today().isoformat()}.csv"
        assert path.read_bytes().decode("utf-8") == store.log.csv_text()
        assert app.scene._status_text() == f"Saved to {path}"
    finally:
        pygame.quit()


def test_clear_needs_two_presses(pilot: Pilot) -> None:
    """The first press of Clear only asks; the second clears the results on disk."""
    app = pilot.app
    lesson = checked_lesson(app)
    store = CheckStore(app.data_folder)
    store.log = sample_log(lesson)
    store.save()
    app.push(ClassSummaryScene(app))
    pilot.click("clear")
    assert saved_log(app).answers > 0
    assert [b.label for b in app.scene.buttons if b.key == "clear"] == [
        "Press again to clear all results"
    ]
    pilot.click("csv")  # any other button cancels the question
    pilot.click("clear")
    assert saved_log(app).answers > 0
    pilot.activate("clear", keyboard=True)
    assert saved_log(app).answers == 0
    assert app.scene.pages == [[]]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_bars_grow_from_the_start_of_the_line(pilot: Pilot, language: str) -> None:
    """Bars fill from the left in English and from the right in Arabic."""
    from game.learning_check import Summary
    from game.scenes.class_summary import BAR_COLORS

    app = pilot.app
    app.set_language(language)
    app.push(ClassSummaryScene(app))
    line = app.scene._bar_line(Summary("x", post_answered=3, post_correct=2), "post", 600, 1.0)
    y = line.get_height() // 2
    filled = [x for x in range(line.get_width()) if line.get_at((x, y))[:3] == BAR_COLORS["post"]]
    middle = sum(filled) / len(filled)
    assert middle > 300 if language == "ar" else middle < 300


def test_pre_check_never_marks_answers(pilot: Pilot) -> None:
    """Before the lesson an answer is not marked right or wrong: the next item just appears."""
    app = pilot.app
    turn_on(app)
    lesson = checked_lesson(app)
    app.push(CheckScene(app, lesson, "pre"))
    item = lesson.learning_check[0]
    pilot.click("answer:false" if item.answer else "answer:true")
    drawn = drawn_text(app)
    assert app.scene.index == 1 and app.scene.answer is None
    assert not {"That's right!", "Not quite. Here's why:"} & set(drawn)


# -- picture answers (K2) ---------------------------------------------------------------
def picture_lesson(app: App) -> Lesson:
    """A loaded lesson whose learning check asks with picture answers."""
    return next(x for x in app.pack.lessons if x.learning_check and x.learning_check[0].options)


def right_index(item: CheckItem) -> int:
    """Where the right picture answer of *item* is, counting from 0."""
    return [option.correct for option in item.options or []].index(True)


def test_k2_items_ask_with_pictures_not_false_statements(pilot: Pilot) -> None:
    """Every K2 check item offers picture answers, never a true/false statement to deny."""
    k2 = [x for x in pilot.app.pack.lessons if x.grade_band == "K2"]
    assert k2 and all(item.options and item.answer is None for x in k2 for item in x.learning_check)


def test_picture_answers_count_once_per_item(pilot: Pilot) -> None:
    """Picture answers are buttons (and number keys) plus Not sure; each answer counts per item."""
    app = pilot.app
    turn_on(app)
    lesson = picture_lesson(app)
    items = lesson.learning_check
    app.push(CheckScene(app, lesson, "pre"))
    first = items[0]
    assert pilot.button_keys()[: len(first.options) + 1] == [
        *(f"answer:{option.id}" for option in first.options),
        "answer:unsure",
    ]
    drawn = drawn_text(app)
    assert "Pick an answer." in drawn and "True or false?" not in drawn
    assert all(app.scene.label_of(option.id) in drawn for option in first.options)
    for item in items:  # before: the right picture, by its number key
        pilot.press(pygame.K_1 + right_index(item))
    assert app.scene.item is None
    post = CheckScene(app, lesson, "post")
    app.push(post)
    wrong = next(option for option in first.options if not option.correct)
    pilot.click(f"answer:{wrong.id}")  # after: a wrong picture first, kindly explained
    drawn = drawn_text(app)
    assert "Not quite. Here's why:" in drawn
    assert f"{post.label_of(first.right_option.id)} (right answer)" in drawn
    pilot.click("next")
    for item in items[1:]:
        pilot.click(f"answer:{item.right_option.id}")
        pilot.click("next")
    [summary] = saved_log(app).by_lesson()
    assert (summary.pre_answered, summary.pre_correct) == (len(items), len(items))
    assert (summary.post_answered, summary.post_correct) == (len(items), len(items) - 1)
    tallies = saved_log(app).tallies
    assert sorted((t.item, t.phase) for t in tallies) == sorted(
        (item.id, phase) for item in items for phase in ("pre", "post")
    )
    assert all(t.answered == 1 for t in tallies)


def test_every_answer_picture_has_a_drawing() -> None:
    """Each picture name a lesson may give an answer is drawn, and no other is offered."""
    import typing

    from game.content.model import CheckPicture
    from game.ui.answer_pictures import PICTURES

    assert set(typing.get_args(CheckPicture)) == set(PICTURES)
