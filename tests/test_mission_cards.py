"""The child's mission cards: a picture, a hook, New / Carry on / Done, and '2 of 3 stars'."""

from __future__ import annotations

from pathlib import Path

import pytest

from game.content.extract import lesson_messages
from game.content.loader import load_lesson
from game.content.source import parse_yaml
from game.scenes.debrief import DebriefScene
from game.scenes.lessons import LessonListScene, card_scene, lessons_for_band, turned_on
from game.stars import possible_stars, stars_text
from game.ui import draw
from tests.pilot import Pilot
from tests.test_playthrough import play_route
from tests.test_resume import play_steps

LESSON = "g35-gift-or-trick"
FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parent.parent


def _card(pilot: Pilot, lesson_id: str):
    scene = pilot.app.scene
    assert isinstance(scene, LessonListScene), type(scene)
    return next(b for b in scene.buttons if b.key == f"lesson:{lesson_id}")


def test_card_goes_new_then_carry_on_then_done_with_stars(pilot: Pilot) -> None:
    """A card says New; after leaving part-way, Carry on; after finishing, Done - n of N stars."""
    pilot.activate("play", keyboard=False)
    pilot.activate("band:G35", keyboard=False)
    card = _card(pilot, LESSON)
    lesson = pilot.app.pack.by_id(LESSON)
    assert card.sublabel.splitlines() == [lesson.hook, "New"]
    pilot.click(f"lesson:{LESSON}")
    play_steps(pilot, 2)
    pilot.click("back")
    pilot.click("leave")
    assert _card(pilot, LESSON).sublabel.splitlines()[-1] == "Carry on"
    pilot.click(f"lesson:{LESSON}")
    pilot.click("carry")
    from game.content.routes import branch_routes

    play_route(pilot, pilot.app.scene, branch_routes(lesson)[0][2:], keyboard=False)
    debrief = pilot.app.scene
    assert isinstance(debrief, DebriefScene)
    earned = pilot.app.profile.progress.stars_for(LESSON)
    total = possible_stars(lesson)
    assert 0 < earned <= total
    said = [line.text for line in debrief.narration_body()]
    assert f"{earned} of {total} stars" in said
    pilot.click("missions")
    pilot.click("continue")  # past the mission's new badges
    status = _card(pilot, LESSON).sublabel.splitlines()[-1]
    assert status == f"Done - {earned} of {total} stars"


def test_cards_speak_to_the_child_not_the_planner(app) -> None:
    """Every band's cards show the lesson's hook and never minutes or 'Not played yet'."""
    for band in ("K2", "G35", "G68", "G912"):
        app.profile.settings.band = band
        scene = LessonListScene(app)
        app.reset_to(scene)
        for lesson in lessons_for_band(turned_on(app), band):
            card = scene._card(lesson, scene.content_rect())
            assert card.sublabel.splitlines()[0] == lesson.hook
            assert "minute" not in card.sublabel and "Not played" not in card.sublabel


def test_card_picture_is_never_the_tricky_contact(app, monkeypatch: pytest.MonkeyPatch) -> None:
    """Drawing every mission card never draws a lesson's contact (the tricky person's face)."""
    drawn: list[str] = []
    real = draw.avatar

    def spy(surface, center, size, kind) -> None:
        drawn.append(kind)
        real(surface, center, size, kind)

    monkeypatch.setattr(draw, "avatar", spy)
    contacts = {lesson.contact.avatar for lesson in app.pack.lessons}
    for band in ("K2", "G35", "G68", "G912"):
        app.profile.settings.band = band
        app.reset_to(LessonListScene(app))
        app.render()
    assert not contacts & set(drawn), contacts & set(drawn)
    assert all(card_scene(lesson)[0] for lesson in app.pack.lessons)


def test_stars_text_reads_n_of_total_and_never_over() -> None:
    """'2 of 3 stars'; a count above the total (a repair loop played twice) shows the total."""

    class Plain:
        def ngettext(self, one: str, many: str, n: int) -> str:
            return one if n == 1 else many

        def number(self, value: int) -> str:
            return str(value)

    assert stars_text(Plain(), 2, 3) == "2 of 3 stars"
    assert stars_text(Plain(), 5, 3) == "3 of 3 stars"
    assert stars_text(Plain(), 1, 1) == "1 of 1 star"


def test_possible_stars_is_the_best_one_play_can_earn() -> None:
    """The fixture with every step type: a spot activity's flags plus each safe choice's tactic."""
    lesson, _warnings = load_lesson(FIXTURES / "good" / "all_modes.yaml")
    expected = 0
    for step in lesson.steps:
        if step.type == "spot":
            expected += sum(1 for m in step.messages if m.tactic)
    assert possible_stars(lesson) >= expected > 0
    shipped = {lesson_path.stem: lesson_path for lesson_path in (ROOT / "lessons").glob("*.yaml")}
    assert all(possible_stars(load_lesson(path)[0]) > 0 for path in shipped.values())


def test_hook_is_extracted_for_translation_with_its_own_context() -> None:
    """A lesson's hook reaches the translators as '<lesson id>/hook'."""
    path = ROOT / "lessons" / f"{LESSON}.yaml"
    data, smap, _problems = parse_yaml(path.read_text(encoding="utf-8"), str(path))
    contexts = {context for _line, _kind, (context, _text), _notes in lesson_messages(data, smap)}
    assert f"{LESSON}/hook" in contexts
