"""Less motion (Settings > Accessibility) turns every animation of the game off.

One walk over every screen and every activity state, with screen transitions on as the
real game has them: no screen ever asks the loop for animation frames, and no change of
screen glides. Each kind of animation also has its own test beside its screen (chat
arrivals and confetti in test_motion, spot and sort in test_spot_sort_feedback, screen
transitions in test_transitions, new badges in test_new_badge).
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import ContentPaths
from tests.pilot import start_app
from tests.screen_walk import every_screen


def test_with_less_motion_no_screen_animates_and_no_change_of_screen_glides(
    paths: ContentPaths, data_dir: Path
) -> None:
    """Every screen and activity state, reduced motion on: never an animation frame."""
    app = start_app(paths, data_dir, transitions=True)
    try:
        app.set_reduced_motion(True)
        app.render()
        moving = []
        seen = 0
        for where in every_screen(app):
            seen += 1
            app.render()
            if app.transition is not None or app.animating():
                moving.append(where)
        assert seen > 100, seen  # the walk really went through the game
        assert not moving, f"animating with less motion on: {moving[:5]}"
    finally:
        pygame.quit()


def test_the_same_walk_with_motion_on_does_animate(paths: ContentPaths, data_dir: Path) -> None:
    """The check above can fail: with motion on, some screens ask for frames."""
    app = start_app(paths, data_dir, transitions=True)
    try:
        moving = 0
        for _where in every_screen(app):
            app.render()
            moving += app.transition is not None or app.animating()
            if moving:
                break
        assert moving
    finally:
        pygame.quit()
