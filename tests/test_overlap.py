"""Text and drawn figures never sit on each other, at every text size and window size.

The title, the age groups, Settings, Accessibility and every story page (before and after
a choice) are drawn in English, Arabic and Chinese, at each text size, on the smallest
window and the usual one, and checked by ``tests/layout_audit.py``: no text on text, no
text off its button, no avatar, logo or story character covering words or another figure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.paths import ContentPaths
from game.ui.theme import TEXT_SCALES
from tests.layout_audit import audit, figure_overlaps, watching_figures

LANGUAGES = ("en", "ar", "zh_Hans")
WINDOWS = ((1024, 600), (1280, 720))
#: Pixels kept clear between separate pieces of text (a descender touching the line
#: under it reads as one smudge).
CLEARANCE = 4


def _app(paths: ContentPaths, data_dir: Path, size: tuple[int, int], language: str) -> App:
    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.country = "US"
    app.set_language(language)
    return app


def _screens(app: App) -> Iterator[str]:
    """Show the title, age groups, Settings, Accessibility and every story page in turn."""
    from game.scenes.access import AccessScene
    from game.scenes.groups import GroupScene
    from game.scenes.settings import SettingsScene
    from game.scenes.step_base import scene_for
    from game.scenes.title import TitleScene
    from game.snapshot import play_to

    for kind in (TitleScene, GroupScene, SettingsScene, AccessScene):
        app.reset_to(kind(app))
        yield kind.__name__
    for lesson in app.pack.lessons:
        for step in lesson.steps:
            if step.type != "story":
                continue
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            app.reset_to(scene_for(app, lesson, session))
            yield f"{lesson.id}/{step.id}"
            choices = session.step.choice_list
            if choices and session.phase.value == "choosing":
                session = play_to(app, lesson, step.id, choose=choices[0].id, check_in=False)
                app.reset_to(scene_for(app, lesson, session))
                yield f"{lesson.id}/{step.id}/feedback"


@pytest.mark.parametrize("size", WINDOWS, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", LANGUAGES)
def test_nothing_overlaps_at_any_text_size(
    paths: ContentPaths, data_dir: Path, language: str, size: tuple[int, int]
) -> None:
    """No text or figure covers another on these screens, at any text size."""
    app = _app(paths, data_dir, size, language)
    problems: dict[str, list[str]] = {}
    try:
        for text_size in TEXT_SCALES:
            app.profile.settings.text_size = text_size
            app.refresh_layout()
            for where in _screens(app):
                found = audit(app, CLEARANCE, figures=True)
                if found:
                    problems[f"{text_size} {where}"] = found
    finally:
        pygame.quit()
    report = "\n".join(f"{where}: {found[:3]}" for where, found in list(problems.items())[:15])
    assert problems == {}, f"{len(problems)} screens overlap:\n{report}"


def test_the_check_sees_a_figure_on_text() -> None:
    """The figure check is not blind: an avatar drawn over a word is reported, apart is not."""
    from game.ui import draw
    from tests.layout_audit import Drawn, RecordingSurface

    pygame.init()
    page = RecordingSurface((400, 200), {})
    with watching_figures():
        draw.avatar(page, (100, 100), 80, "bunny")
        draw.avatar(page, (300, 100), 80, "fox")
    word = Drawn("word", pygame.Rect(80, 90, 60, 20))
    far = Drawn("far", pygame.Rect(160, 10, 60, 20))
    assert figure_overlaps([far], page.figures) == []
    assert figure_overlaps([word], page.figures) == ["the avatar bunny covers text 'word'"]
    with watching_figures():
        draw.avatar(page, (150, 100), 80, "owl")
    assert "the avatar bunny covers the avatar owl" in figure_overlaps([], page.figures)


@pytest.mark.parametrize("size", WINDOWS, ids=lambda s: f"{s[0]}x{s[1]}")
def test_settings_keep_two_columns_at_every_text_size(
    paths: ContentPaths, data_dir: Path, size: tuple[int, int]
) -> None:
    """Settings keep two columns at every text size; the footer stays under the buttons."""
    from game.scenes.settings import SettingsScene

    app = _app(paths, data_dir, size, "en")
    try:
        for language in LANGUAGES:
            app.set_language(language)
            for text_size in TEXT_SCALES:
                app.profile.settings.text_size = text_size
                app.refresh_layout()
                app.reset_to(SettingsScene(app))
                scene = app.scene
                columns = {(b.rect.left, b.rect.width) for b in scene.buttons}
                assert len(columns) == 2, (language, text_size, columns)
                lowest = max(b.rect.bottom for b in scene.buttons)
                assert scene.note_top >= lowest + app.metrics.pad, (language, text_size)
    finally:
        pygame.quit()
