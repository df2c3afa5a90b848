"""Choose your group: age bands only. No names, birthdays or anything personal."""

from __future__ import annotations

import pygame

from game.content.taxonomy import BANDS
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.layout import grid
from game.ui.widgets import Button

BAND_AVATARS = {"K2": "bunny", "G35": "fox", "G68": "owl", "G912": "robot"}


class GroupScene(Scene):
    """Four big cards, one per age band."""

    def title(self) -> str:
        """Header title."""
        return self._("Who is playing?")

    def build(self) -> None:
        """One card per band; the current band is highlighted."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -3 * m.pad)
        area.height -= m.px(40)
        area.top += m.px(40)
        rects = grid(area, len(BANDS), 2, min(m.px(190), (area.height - m.pad) // 2), m.pad * 2)
        current = self.app.profile.settings.band
        for (code, band), rect in zip(BANDS.items(), rects, strict=False):
            self.buttons.append(
                Button(
                    f"band:{code}",
                    self._(band.label),
                    rect,
                    "selected" if code == current else "choice",
                    icon=lambda s, c, z, kind=BAND_AVATARS[code]: draw.avatar(s, c, z, kind),
                    text_size=m.font(34),
                    icon_scale=2.6,
                    icon_above=True,
                )
            )
        if current:
            keys = [b.key for b in self.buttons]
            self.focus = keys.index(f"band:{current}")

    def on_button(self, key: str) -> None:
        """Save the band and open its lessons."""
        from game.scenes.lessons import LessonListScene

        if key.startswith("band:"):
            self.app.profile.settings.band = key.split(":", 1)[1]
            self.app.profile.save_settings()
            self.app.push(LessonListScene(self.app))

    def draw_content(self, surface: pygame.Surface) -> None:
        """A reassuring line: we only ask for an age group."""
        m = self.m
        note = self.app.text.render(
            self._("Pick your age group. We never ask for your name."),
            m.body,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )
        surface.blit(note, note.get_rect(midtop=(m.width // 2, self.header_height() + m.pad)))
