"""Game feel in the activities: marks pop, verdicts pop in, stars fly, sorted cards fly."""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.scenes.sort import BIN_BUMP_MS, CARD_FLY_MS, CARD_SLIDE_MS, SortScene
from game.scenes.spot import MARK_MS, SpotScene
from game.scenes.step_base import scene_for
from game.snapshot import play_to
from game.ui import theme
from tests.pilot import Pilot

LESSON_ID = "g35-spot-the-red-flags"


def _open(app: App, step_id: str) -> tuple[SpotScene | SortScene, Pilot]:
    """The lesson's *step_id* screen on top, and a pilot whose clock the animations follow."""
    lesson = app.pack.by_id(LESSON_ID)
    assert lesson is not None
    session = play_to(app, lesson, step_id, choose=None, check_in=False)
    scene = scene_for(app, lesson, session)
    app.push(scene)
    app.render()
    return scene, Pilot(app)


def _spot(app: App) -> tuple[SpotScene, Pilot]:
    scene, pilot = _open(app, "lobby-spot")
    assert isinstance(scene, SpotScene)
    return scene, pilot


def _sort(app: App) -> tuple[SortScene, Pilot]:
    scene, pilot = _open(app, "share-sort")
    assert isinstance(scene, SortScene)
    return scene, pilot


def _mark_and_check(scene: SpotScene, pilot: Pilot, flags: int) -> None:
    """Click *flags* red flags and one fine message, then "Check my answers"."""
    red = [m.id for m in scene.step.messages if m.tactic][:flags]
    fine = [m.id for m in scene.step.messages if not m.tactic][:1]
    for message_id in red + fine:
        pilot.click(f"spot:{message_id}")
    pilot.click("check")


# -- spot the red flag ------------------------------------------------------------------
def test_marking_a_message_pops_its_flag_then_rests(app: App) -> None:
    """Key 1 marks the first message at once and its row pops for a moment, then stops."""
    scene, pilot = _spot(app)
    first = scene.step.messages[0].id
    pilot.press(pygame.K_1)
    assert first in scene.marked, "the mark is there at once"
    assert scene.animating and app.animating()
    pilot.wait(MARK_MS + 1)
    assert not app.animating()


def test_the_star_counter_counts_up_to_the_red_flags_spotted(app: App) -> None:
    """After checking, stars land one by one: the counter ends at the red flags spotted."""
    scene, pilot = _spot(app)
    _mark_and_check(scene, pilot, flags=2)
    assert scene.checked and scene.hits() == 2
    assert scene.animating and scene.stars_shown() == 0, "no star has landed yet"
    seen = []
    for _ in range(40):
        seen.append(scene.stars_shown())
        app.animating()
        app.render()
        pilot.wait(50)
    assert seen == sorted(seen), "the counter only goes up"
    assert set(seen) == {0, 1, 2}, "each star lands on its own"
    assert not scene.animating and scene.stars_shown() == 2


def test_the_counter_shows_the_stars_in_words(app: App) -> None:
    """The counter says 'Stars: n' beside its star, never a star or a colour alone."""
    scene, pilot = _spot(app)
    _mark_and_check(scene, pilot, flags=3)
    pilot.wait(5000)
    m = scene.m
    width = scene.panel_card.width - 2 * m.pad
    blocks = scene._panel_blocks(width, 1.0)
    words = app.text.render("Stars: 3", m.font(32), theme.INK, width - blocks[0].indent, bold=True)
    assert blocks[0].icon is not None, "a star beside the words"
    assert pygame.image.tobytes(blocks[0].surface, "RGBA") == pygame.image.tobytes(words, "RGBA")


def test_a_key_during_the_reveal_finishes_it_at_once(app: App) -> None:
    """Tab while verdicts pop in and stars fly shows them all and the full counter at once."""
    scene, pilot = _spot(app)
    _mark_and_check(scene, pilot, flags=2)
    pilot.press(pygame.K_TAB, after_ms=400)
    assert scene.checked and not scene.animating
    assert scene.stars_shown() == scene.hits() == 2


def test_continue_during_the_reveal_goes_on(app: App) -> None:
    """A press on Continue while stars fly finishes them and goes on (nothing waits)."""
    scene, pilot = _spot(app)
    _mark_and_check(scene, pilot, flags=1)
    assert scene.animating
    pilot.click("next", after_ms=400)
    assert app.scene is not scene
    assert scene.session.stars, "the star spotted was counted"


def test_the_reveal_draws_frames_only_while_it_moves(app: App) -> None:
    """While the reveal runs every turn draws a frame; after it the loop draws none (naps)."""
    scene, pilot = _spot(app)
    _mark_and_check(scene, pilot, flags=2)
    end = scene._reveal_ms()
    for _ in range(3):
        pilot.wait(100)
        assert app.animating() and app.render()
    pilot.wait(end)
    assert not app.animating()
    assert app.render(), "one last frame at rest"
    for _ in range(3):
        assert not app.animating() and not app.render()


# -- sort it ------------------------------------------------------------------------
def test_a_card_in_the_wrong_box_flies_there_then_on_to_the_right_one(app: App) -> None:
    """A wrong box: the card flies, no explanation until it lands in the right box, then rest."""
    scene, pilot = _sort(app)
    card = scene.card
    assert card is not None
    keys = [b.id for b in scene.step.bins]
    wrong = next(i for i, b in enumerate(keys) if b != card.bin)
    pilot.press(pygame.K_1 + wrong)
    assert scene.placed[card.id] == keys[wrong] and scene.answered
    assert scene.flying and app.animating()
    pilot.wait(CARD_FLY_MS + CARD_SLIDE_MS // 2)
    assert scene.flying, "still on its way to the right box"
    pilot.wait(CARD_SLIDE_MS // 2 + 1)
    assert not scene.flying and app.animating(), "landed: its box bumps"
    pilot.wait(BIN_BUMP_MS)
    assert not app.animating() and app.render() and not app.render()


def test_a_key_while_the_card_flies_lands_it_and_shows_why(app: App) -> None:
    """Enter mid-flight lands the card at once; that press does not skip the explanation."""
    scene, pilot = _sort(app)
    card = scene.card
    assert card is not None
    wrong = next(i for i, b in enumerate(scene.step.bins) if b.id != card.bin)
    pilot.press(pygame.K_1 + wrong)
    pilot.press(pygame.K_RETURN, after_ms=400)  # past the new buttons' quiet time
    assert not scene.animating and scene.answered and scene.card is card
    pilot.press(pygame.K_RETURN)
    assert scene.card is not card and not scene.answered, "the next press goes on"


def test_a_dropped_card_flies_from_where_it_was_dropped(app: App) -> None:
    """A card dragged onto a box sets off from where the finger let go of it."""
    scene, pilot = _sort(app)
    card = scene.card
    assert card is not None
    start = scene.card_rect.center
    target = pilot.rect_of(f"bin:{card.bin}").center
    pilot.drag(start, target)
    assert scene.placed[card.id] == card.bin
    flight = scene._flight
    assert flight is not None and flight.start.center == target
    assert scene.flying and flight.flight_ms == CARD_FLY_MS, "the right box: no slide on"


# -- reduced motion -------------------------------------------------------------------
@pytest.mark.parametrize("activity", ["spot", "sort"])
def test_reduced_motion_shows_every_result_at_once(app: App, activity: str) -> None:
    """Reduced motion: a mark, a check or a sorted card shows in its final state, no frame."""
    app.motion.reduced = True
    if activity == "spot":
        scene, pilot = _spot(app)
        pilot.press(pygame.K_1)
        assert scene.marked and scene._mark is None and not scene.animating
        _mark_and_check(scene, pilot, flags=2)
        assert scene._reveal is None and scene.stars_shown() == scene.hits()
    else:
        scene, pilot = _sort(app)
        pilot.press(pygame.K_1)
        assert scene.answered and scene._flight is None and not scene.flying
    assert not scene.animating and not app.animating()
