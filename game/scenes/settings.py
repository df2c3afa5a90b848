"""Settings: text size, sound, music, full screen, language, help lines, age group, accessibility.

"Read to me" (for the chosen age group) and its pace are here too. Every change is saved at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.scenes.managed import mark_locked
from game.ui import theme
from game.ui.layout import column
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

TEXT_SIZES = ("normal", "large", "extra_large", "double")
#: Buttons whose setting a school's managed-settings file can lock (same names there).
LOCKABLE = ("text_size", "language", "country", "read_to_me", "read_pace")


def text_size_label(_: Callable[[str], str], size: str) -> str:
    """'Text size: Large' in the current language (*_* translates)."""
    names = {
        "normal": _("Normal"),
        "large": _("Large"),
        "extra_large": _("Extra large"),
        # TRANSLATORS: the largest text size: letters twice their normal size.
        "double": _("Double"),
    }
    return _("Text size: {size}").format(size=names[size])


class SettingsScene(Scene):
    """One button per setting; pressing it changes the setting."""

    #: The menu music plays here (when switched on).
    plays_music = True

    def title(self) -> str:
        """Header title."""
        return self._("Settings")

    def _labels(self) -> list[tuple[str, str]]:
        s = self.app.profile.settings
        on, off = self._("On"), self._("Off")
        return [
            ("text_size", text_size_label(self._, s.text_size)),
            (
                "fullscreen",
                self._("Full screen: {state}").format(state=on if self.app.fullscreen else off),
            ),
            ("sound", self._("Sound: {state}").format(state=on if s.sound else off)),
            # TRANSLATORS: the quiet music on the menus (not in lessons); {state} is On or Off.
            ("music", self._("Music: {state}").format(state=on if s.music else off)),
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
            *self._reading_labels(),
            # TRANSLATORS: opens the screen with high contrast, the reading font, reduced
            # motion and switch access.
            ("access", self._("Accessibility")),
        ]

    def _reading_labels(self) -> list[tuple[str, str]]:
        """'Read to me' for the chosen age group (K2 before one is chosen), and its pace."""
        from game.content.taxonomy import BANDS
        from game.narration.reader import reads_aloud

        s = self.app.profile.settings
        band = s.band or "K2"
        state = self._("On") if reads_aloud(s, band) else self._("Off")
        paces = {"normal": self._("Normal"), "slow": self._("Slow")}
        return [
            (
                "read_to_me",
                # TRANSLATORS: {group} is an age group, e.g. "Ages 5-7"; {state} is On or Off.
                self._("Read to me ({group}): {state}").format(
                    group=self._(BANDS[band].label), state=state
                ),
            ),
            ("read_pace", self._("Reading pace: {pace}").format(pace=paces[s.read_pace])),
        ]

    def build(self) -> None:
        """A column of big toggle buttons (a scrolling page when it is taller than the window)."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
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
        for button in self.buttons:
            if self.locked(button.key):
                mark_locked(button, self._)
        area.height -= self._note().get_height() + m.pad
        bottom = self._column(area)
        note_top = max(bottom + m.pad, m.height - m.pad - self._note().get_height())
        self.note_top = note_top
        self.extent = note_top + self._note().get_height()

    def _column(self, area: pygame.Rect) -> int:
        """Place the buttons in two columns at every text size; return the lowest bottom.

        One rule for every size, so the buttons never jump between one and two columns
        as the text grows: two columns, row by row (keyboard order left to right, then
        down), each row as tall as its taller label needs; the page scrolls when the rows
        are taller than the window. A label wraps inside its button.
        """
        m = self.m
        gap = m.px(18)
        width = (area.width - gap) // 2
        for button in self.buttons:
            button.rect.width = width
        pairs = [self.buttons[i : i + 2] for i in range(0, len(self.buttons), 2)]
        heights = [max(b.needed_height(self.app.text, m) for b in pair) for pair in pairs]
        fits = sum(heights) + gap * (len(heights) - 1) <= area.height
        band = pygame.Rect(area.left, area.top, width, area.height)
        rows = column(band, heights, gap, center=fits)
        for pair, row in zip(pairs, rows, strict=True):
            for i, button in enumerate(pair):
                x = row.left + i * (width + gap)
                if self.app.tr.rtl:
                    x = area.right - (x - area.left) - width
                button.rect = pygame.Rect(x, row.top, width, row.height)
        return rows[-1].bottom

    def locked(self, key: str) -> bool:
        """True when the school's managed settings lock the setting of button *key*."""
        if key not in LOCKABLE:
            return False
        return self.app.managed.locked(key, self.app.profile.settings.band or "K2")

    def on_button(self, key: str) -> None:
        """Change and save the setting, then redraw (a setting the school locked stays)."""
        if self.locked(key):
            return
        profile = self.app.profile
        settings = profile.settings
        if key == "text_size":
            index = TEXT_SIZES.index(settings.text_size)
            settings.text_size = TEXT_SIZES[(index + 1) % len(TEXT_SIZES)]
            profile.save_settings()
            self.app.refresh_layout()
        elif key == "sound":
            settings.sound = not settings.sound
            self.app.sound.set_enabled(settings.sound)
            profile.save_settings()
        elif key == "music":
            settings.music = not settings.music
            self.app.sound.set_music(settings.music)
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
        elif key == "access":
            from game.scenes.access import AccessScene

            self.app.push(AccessScene(self.app))
            return
        elif key == "read_to_me":
            from game.narration.reader import reads_aloud

            band = settings.band or "K2"
            settings.read_to_me[band] = not reads_aloud(settings, band)
            profile.save_settings()
            if not settings.read_to_me[band]:
                self.app.narration.stop()
        elif key == "read_pace":
            settings.read_pace = "slow" if settings.read_pace == "normal" else "normal"
            profile.save_settings()
        self.relayout()

    def narration_body(self) -> list[Line]:
        """Where settings are kept (each setting is read when it takes the focus)."""
        return [self.say.ui("Settings are saved on this computer only.")]

    def _note(self) -> pygame.Surface:
        m = self.m
        return self.app.text.render(
            self._("Settings are saved on this computer only."),
            m.small,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        """A line saying where settings are kept (under the buttons)."""
        note = self._note()
        surface.blit(note, note.get_rect(midtop=(self.m.width // 2, self.note_top)))
