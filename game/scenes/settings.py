"""Settings: text size, sound, full screen and the age group. Saved at once."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import theme
from game.ui.layout import column, grid
from game.ui.widgets import Button

TEXT_SIZES = ("normal", "large", "extra_large")


class SettingsScene(Scene):
    """One button per setting; pressing it changes the setting."""

    def title(self) -> str:
        """Header title."""
        return self._("Settings")

    def _labels(self) -> list[tuple[str, str]]:
        s = self.app.profile.settings
        size_names = {
            "normal": self._("Normal"),
            "large": self._("Large"),
            "extra_large": self._("Extra large"),
        }
        on, off = self._("On"), self._("Off")
        return [
            ("text_size", self._("Text size: {size}").format(size=size_names[s.text_size])),
            ("sound", self._("Sound: {state}").format(state=on if s.sound else off)),
            (
                "fullscreen",
                self._("Full screen: {state}").format(state=on if self.app.fullscreen else off),
            ),
            (
                "language",
                self._("Language: {name}").format(
                    name=self.app.language_name(self.app.tr.language)
                ),
            ),
            (
                "country",
                self._("Help lines for: {country}").format(
                    country=self.app.country_name(s.country)
                    if s.country in self.app.helplines.countries
                    else self._("Not listed / other country")
                ),
            ),
            ("group", self._("Change age group")),
        ]

    def build(self) -> None:
        """A column of big toggle buttons."""
        m = self.m
        width = min(m.px(640), m.width - 4 * m.pad)
        area = pygame.Rect(
            (m.width - width) // 2,
            self.header_height() + m.pad,
            width,
            m.height - self.header_height() - 2 * m.pad,
        )
        labels = self._labels()
        reviewed = {code: ok for code, _name, ok in self.app.languages()}
        draft = not reviewed.get(self.app.tr.language, True)
        self.buttons = [
            Button(
                key,
                label,
                pygame.Rect(area.left, 0, area.width, m.button_h),
                "choice",
                sublabel=self._("Draft translation, not yet reviewed")
                if key == "language" and draft
                else "",
            )
            for key, label in labels
        ]
        heights = [b.needed_height(self.app.text, m) for b in self.buttons]
        gap = m.px(18)
        if sum(heights) + gap * (len(heights) - 1) <= area.height:
            rects = column(area, heights, gap)
        else:  # large text: two columns across the whole window
            wide = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
            wide.height -= m.small + m.pad
            for button in self.buttons:
                button.rect.width = (wide.width - m.pad) // 2
            cell = max(b.needed_height(self.app.text, m) for b in self.buttons)
            rects = grid(wide, len(self.buttons), 2, cell, gap)
        for button, rect in zip(self.buttons, rects, strict=True):
            button.rect = rect

    def on_button(self, key: str) -> None:
        """Change and save the setting, then redraw."""
        profile = self.app.profile
        settings = profile.settings
        if key == "text_size":
            settings.text_size = TEXT_SIZES[(TEXT_SIZES.index(settings.text_size) + 1) % 3]
            profile.save_settings()
            self.app.refresh_layout()
        elif key == "sound":
            settings.sound = not settings.sound
            self.app.sound.set_enabled(settings.sound)
            profile.save_settings()
        elif key == "fullscreen":
            settings.fullscreen = not self.app.fullscreen
            profile.save_settings()
            self.app.set_fullscreen(settings.fullscreen)
        elif key == "language":
            from game.scenes.choose_list import LanguageScene

            self.app.push(LanguageScene(self.app))
            return
        elif key == "country":
            from game.scenes.choose_list import CountryScene

            self.app.push(CountryScene(self.app))
            return
        elif key == "group":
            from game.scenes.groups import GroupScene

            self.app.push(GroupScene(self.app))
            return
        self.relayout()

    def draw_content(self, surface: pygame.Surface) -> None:
        """A line saying where settings are kept."""
        m = self.m
        note = self.app.text.render(
            self._("Settings are saved on this computer only."),
            m.small,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )
        surface.blit(note, note.get_rect(midbottom=(m.width // 2, m.height - m.pad)))
