"""Contrast of both looks: every text pair, every control, the focus ring, as drawn.

The normal look meets WCAG 2.2 AA (4.5:1 for text, 3:1 for the focus ring); high
contrast reaches 7:1 for text and 3:1 for every control's outline and the ring. The
pairs are declared in ``game.ui.contrast`` and checked by number, and screens drawn in
both looks are measured pixel by pixel to show they use no other pair.
"""

from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.paths import ContentPaths, peek_display_settings
from game.ui import theme
from game.ui.contrast import (
    AA_TEXT,
    AAA_TEXT,
    NON_TEXT,
    SURFACES,
    TEXT_PAIRS,
    contrast_ratio,
    text_pairs,
)
from game.ui.widgets import STYLES
from tests.contrast_audit import ring_backgrounds, text_on_backgrounds
from tests.pilot import Pilot
from tests.screen_walk import every_screen

LOOKS = {"normal": AA_TEXT, "high_contrast": AAA_TEXT}
#: Lessons whose screens are measured (between them every step type and activity state).
SAMPLE = ("k2-kai-and-the-tricky-game", "g912-too-good-to-be-true")
#: A question over a dimmed screen: the text behind it is dimmed on purpose.
DIMMED = re.compile(r"/(leave|carry-on|go-to-step)$")


def test_contrast_ratio_follows_wcag() -> None:
    """Black on white is 21:1, a colour on itself 1:1, and #767676 on white about 4.54:1."""
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((52, 100, 220), (52, 100, 220)) == pytest.approx(1.0)
    assert contrast_ratio((118, 118, 118), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("look", LOOKS)
def test_every_text_pair_meets_its_level(look: str) -> None:
    """Each text and background pair reaches 4.5:1 (normal) or 7:1 (high contrast)."""
    palette = theme.PALETTES[look]
    low = [(fg, bg, round(r, 2)) for fg, bg, r in text_pairs(palette) if r < LOOKS[look]]
    assert low == []


@pytest.mark.parametrize("look", LOOKS)
def test_focus_ring_stands_out_on_every_surface(look: str) -> None:
    """The focus ring reaches 3:1 against every background it can be drawn on."""
    palette = theme.PALETTES[look]
    low = {
        surface: round(contrast_ratio(palette.focus, getattr(palette, surface)), 2)
        for surface in SURFACES
        if contrast_ratio(palette.focus, getattr(palette, surface)) < NON_TEXT
    }
    assert low == {}


def test_high_contrast_outlines_every_control() -> None:
    """In high contrast every button style has an edge 3:1 against every surface it sits on."""
    theme.use_palette(theme.HIGH_CONTRAST)
    try:
        for style in STYLES:
            fill, _ink, border = STYLES[style]
            edge = border or theme.EDGE
            for surface in SURFACES:
                ground = getattr(theme.PALETTE, surface)
                best = max(contrast_ratio(edge, ground), contrast_ratio(fill, ground))
                assert best >= NON_TEXT, (style, surface)
    finally:
        theme.use_palette(theme.NORMAL)


def _sampled(where: str, lesson_ids: set[str]) -> bool:
    """Screens of the sample lessons, and every screen that belongs to no lesson."""
    if DIMMED.search(where):
        return False
    named = [lesson for lesson in lesson_ids if lesson in where]
    return not named or any(lesson in SAMPLE for lesson in named)


@pytest.mark.parametrize("look", LOOKS)
def test_drawn_screens_use_only_checked_pairs(
    paths: ContentPaths, data_dir: Path, look: str
) -> None:
    """Measured on drawn screens, all text is on a declared, passing pair; the ring on 3:1."""
    app = App(paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.country = "US"
    app.set_theme(look)
    palette = theme.PALETTES[look]
    declared = set(TEXT_PAIRS)
    lesson_ids = {lesson.id for lesson in app.pack.lessons}
    problems: list[str] = []
    measured = 0
    try:
        for where in every_screen(app):
            if not _sampled(where, lesson_ids):
                continue
            measured += 1
            for (fg, bg), pixels in text_on_backgrounds(app).items():
                if bg is None:
                    problems.append(f"{where}: {fg} text on an unknown colour ({pixels} px)")
                    continue
                same = {
                    (a, b)
                    for a, b in declared
                    if getattr(palette, a) == getattr(palette, fg)
                    and getattr(palette, b) == getattr(palette, bg)
                }
                ratio = contrast_ratio(getattr(palette, fg), getattr(palette, bg))
                if not same or ratio < LOOKS[look]:
                    problems.append(f"{where}: {fg} on {bg} is {ratio:.2f}:1 ({pixels} px)")
            ring = ring_backgrounds(app)
            total = sum(ring.values())
            for surface, pixels in ring.items():
                if surface is None:
                    if pixels > total // 200:  # a few pixels of an avatar's ears
                        problems.append(f"{where}: the ring crosses a picture ({pixels} px)")
                elif contrast_ratio(palette.focus, getattr(palette, surface)) < NON_TEXT:
                    problems.append(f"{where}: the ring on {surface} ({pixels} px)")
    finally:
        pygame.quit()
    assert measured > 60
    assert problems == [], "\n".join(problems[:20])


def test_the_measure_finds_a_pale_text(paths: ContentPaths, data_dir: Path) -> None:
    """The pixel measure is not blind: pale grey button text is found and named."""
    from game.scenes.settings import SettingsScene

    app = App(paths, size=(1280, 720), data_folder=data_dir, fullscreen=False, sound=False)
    try:
        pale = theme.Palette(**{**vars(theme.NORMAL), "ink": (200, 205, 215)})
        theme.use_palette(pale)
        app.push(SettingsScene(app))
        found = text_on_backgrounds(app)
        assert found[("ink", "white")] > 0 and found[("ink", "bg_band")] > 0
        assert contrast_ratio(pale.ink, pale.bg) < AA_TEXT
    finally:
        theme.use_palette(theme.NORMAL)
        pygame.quit()


def test_high_contrast_is_chosen_in_settings_and_kept(pilot: Pilot, data_dir: Path) -> None:
    """Settings > Accessibility > Colours switches to high contrast at once and keeps it."""
    pilot.click("settings")
    pilot.click("access")
    pilot.click("theme")
    app = pilot.app
    assert theme.PALETTE is theme.HIGH_CONTRAST
    assert app.profile.settings_store.load().theme == "high_contrast"
    assert peek_display_settings(data_dir / "settings.json").theme == "high_contrast"
    surface = app.screen
    app.scene.dirty = True
    app.render()
    assert surface.get_at((2, surface.get_height() - 2))[:3] == theme.HIGH_CONTRAST.bg
    pilot.click("theme")
    assert theme.PALETTE is theme.NORMAL
