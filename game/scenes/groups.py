"""Choose your group: age bands only. No names, birthdays or anything personal."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.taxonomy import BANDS
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.layout import grid
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

BAND_AVATARS = {"K2": "bunny", "G35": "fox", "G68": "owl", "G912": "robot"}


class GroupScene(Scene):
    """Four big cards, one per age band."""

    #: The menu music plays here (when switched on).
    plays_music = True

    def title(self) -> str:
        """Header title."""
        return self._("Who is playing?")

    def build(self) -> None:
        """One card per band; the current band is highlighted.

        The note goes on top; with large text the cards grow to hold their words and the
        page scrolls.
        """
        m = self.m
        note = self._note()
        self.note_top = self.content_rect().top + m.pad
        area = self.content_rect().inflate(-4 * m.pad, -3 * m.pad)
        top = max(area.top + m.px(40), self.note_top + note.get_height() + m.pad)
        area.height -= top - area.top
        area.top = top
        current = self.app.profile.settings.band
        for code, band in BANDS.items():
            self.buttons.append(
                Button(
                    f"band:{code}",
                    self._(band.label),
                    pygame.Rect(area.left, area.top, (area.width - 2 * m.pad) // 2, 1),
                    "selected" if code == current else "choice",
                    icon=lambda s, c, z, kind=BAND_AVATARS[code]: draw.avatar(s, c, z, kind),
                    text_size=m.font(34),
                    icon_scale=2.6,
                    icon_above=True,
                )
            )
        needed = max(b.needed_height(self.app.text, m) for b in self.buttons)
        cell = max(needed, min(m.px(190), (area.height - m.pad) // 2))
        rects = grid(area, len(BANDS), 2, cell, m.pad * 2, center=needed < cell)
        for button, rect in zip(self.buttons, rects, strict=True):
            button.rect = rect
        if current:
            keys = [b.key for b in self.buttons]
            self.focus = keys.index(f"band:{current}")

    def narration_body(self) -> list[Line]:
        """The reassuring line, then each age group a child can pick."""
        lines = [self.say.ui("Pick your age group. We never ask for your name.")]
        return lines + [self.say.said(b.label, key=b.key) for b in self.buttons]

    def on_button(self, key: str) -> None:
        """Save the band and open its lessons."""
        from game.scenes.lessons import LessonListScene

        if key.startswith("band:"):
            self.app.profile.settings.band = key.split(":", 1)[1]
            self.app.profile.save_settings()
            self.app.push(LessonListScene(self.app))

    def _note(self) -> pygame.Surface:
        m = self.m
        return self.app.text.render(
            self._("Pick your age group. We never ask for your name."),
            m.body,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        """A reassuring line: we only ask for an age group."""
        note = self._note()
        surface.blit(note, note.get_rect(midtop=(self.m.width // 2, self.note_top)))
