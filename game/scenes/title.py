"""The title screen: the logo, Play, Settings and Quit."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.layout import column
from game.ui.widgets import Button


class TitleScene(Scene):
    """First screen the player sees."""

    has_back = False

    def build(self) -> None:
        """Three big buttons under the logo."""
        m = self.m
        width = m.px(420)
        area = pygame.Rect(
            (m.width - width) // 2, round(m.height * 0.52), width, round(m.height * 0.44)
        )
        labels = [
            ("play", self._("Play"), "primary"),
            ("settings", self._("Settings"), "secondary"),
            ("quit", self._("Quit"), "quiet"),
        ]
        rects = column(area, [m.button_h] * len(labels), m.px(16))
        self.buttons = [
            Button(key, label, rect, style, text_size=m.font(30))
            for (key, label, style), rect in zip(labels, rects, strict=True)
        ]

    def _header(self) -> list[Button]:
        """Help on one side; the grown-ups' door, small and quiet, on the other."""
        m = self.m
        label = self._("For grown-ups")
        width = self._header_width(label)
        top = (self.header_height() - m.button_h) // 2
        door = Button(
            "grownups", label, pygame.Rect(m.pad, top, width, m.button_h), "quiet", bold=False
        )
        return [*super()._header(), door]

    def all_buttons(self) -> list[Button]:
        """Play first; the grown-ups' door last, after Help."""
        return self.buttons + self.header_buttons

    def on_button(self, key: str) -> None:
        """Play opens the group picker; Settings and Quit do what they say."""
        from game.scenes.groups import GroupScene
        from game.scenes.settings import SettingsScene

        if key == "grownups":
            from game.scenes.gate import GateScene
            from game.scenes.grownups import GrownUpsScene

            self.app.push(GateScene(self.app, GrownUpsScene.after_gate))
        elif key == "play":
            self.app.push(GroupScene(self.app))
        elif key == "settings":
            self.app.push(SettingsScene(self.app))
        elif key == "quit":
            self.app.running = False

    def draw_content(self, surface: pygame.Surface) -> None:
        """Logo, name and tagline."""
        m = self.m
        logo = m.px(150)
        draw.signal_logo(surface, (m.width // 2, round(m.height * 0.2)), logo)
        name = self.app.text.render(self._("Signal Scouts"), m.title, theme.PRIMARY_DARK, bold=True)
        surface.blit(name, name.get_rect(center=(m.width // 2, round(m.height * 0.38))))
        tagline = self.app.text.render(
            self._("Spot the red flags. Know what to do."),
            m.body,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )
        surface.blit(tagline, tagline.get_rect(center=(m.width // 2, round(m.height * 0.46))))
        if self.app.profile_loaded and self.app.profile.backups:
            note = self.app.text.render(
                self._(
                    "Saved settings or progress could not be read, so the game started fresh. "
                    "A copy of the old file was kept."
                ),
                m.font(18),
                theme.INK_SOFT,
                m.width - 8 * m.pad,
                align="center",
            )
            surface.blit(note, note.get_rect(midbottom=(m.width // 2, m.height - m.pad)))

    def draw_header(self, surface: pygame.Surface) -> None:
        """No band on the title screen; only the Help button floats at the top."""
