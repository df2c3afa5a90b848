"""Accessibility settings: text size, colours, reading font, motion and switch access.

Reached from Settings. Each button changes one setting, saves it at once and shows the
new value; the whole game follows straight away (no restart).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

import pygame

from game.scenes.base import Scene
from game.scenes.managed import mark_locked
from game.ui.layout import stack_buttons
from game.ui.switch_access import SCAN_PACES
from game.ui.widgets import Button

THEMES = ("normal", "high_contrast")
FONTS = ("andika", "atkinson")
SWITCH_MODES = ("off", "one", "two")
#: Font names are names: the same in every language.
FONT_NAMES = {"andika": "Andika", "atkinson": "Atkinson Hyperlegible"}
T = TypeVar("T")


class AccessScene(Scene):
    """One button per accessibility setting; pressing it moves to the next value."""

    #: The menu music plays here (when switched on).
    plays_music = True

    def title(self) -> str:
        """Header title."""
        return self._("Accessibility")

    def _options(self) -> list[tuple[str, str, str]]:
        """(key, label, sublabel) per button, with the current value of each setting."""
        from game.scenes.settings import text_size_label

        s = self.app.profile.settings
        on, off = self._("On"), self._("Off")
        size = text_size_label(self._, s.text_size)
        colours = {
            "normal": self._("Colours: Normal"),
            "high_contrast": self._("Colours: High contrast"),
        }
        modes = {
            "off": self._("Switch access: Off"),
            "one": self._("Switch access: One switch"),
            "two": self._("Switch access: Two switches"),
        }
        how = {
            "off": "",
            "one": self._("The ring moves by itself. Space or Enter presses."),
            "two": self._("Space moves the ring. Enter presses."),
        }
        options = [
            ("text_size", size, ""),
            (
                "theme",
                colours[s.theme],
                self._("Black text on white, with bold outlines")
                if s.theme == "high_contrast"
                else "",
            ),
            (
                "font",
                self._("Reading font: {name}").format(name=FONT_NAMES[s.reading_font]),
                self._("Arabic and Chinese keep their own letters."),
            ),
            (
                "motion",
                self._("Reduce motion: {state}").format(state=on if s.reduced_motion else off),
                "",
            ),
            ("switch", modes[s.switch_access], how[s.switch_access]),
        ]
        if s.switch_access == "one":
            seconds = s.scan_seconds
            count = int(seconds) if float(seconds).is_integer() else 2
            pace = self.app.tr.ngettext(
                "Scanning pace: {seconds} second per button",
                "Scanning pace: {seconds} seconds per button",
                count,
            ).format(seconds=self.app.tr.number(seconds))
            options.append(("pace", pace, ""))
        return options

    def build(self) -> None:
        """A column of big buttons (two columns, or a scrolling page, if need be)."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        self.buttons = [
            Button(key, label, pygame.Rect(area.left, 0, area.width, 1), "choice", sublabel=sub)
            for key, label, sub in self._options()
        ]
        for button in self.buttons:
            if button.key == "text_size" and self.app.managed.locked("text_size"):
                mark_locked(button, self._)
        bottom = stack_buttons(
            self.buttons,
            area,
            m.px(18),
            self.app.text,
            m,
            max_width=m.px(720),
        )
        self.extent = bottom

    def on_button(self, key: str) -> None:
        """Move the setting to its next value, save it and show it at once."""
        app = self.app
        settings = app.profile.settings
        if key == "text_size" and app.managed.locked("text_size"):
            return  # the school's managed settings fix the text size
        if key == "text_size":
            from game.scenes.settings import TEXT_SIZES

            index = TEXT_SIZES.index(settings.text_size)
            settings.text_size = TEXT_SIZES[(index + 1) % len(TEXT_SIZES)]
            app.profile.save_settings()
            app.refresh_layout()
        elif key == "theme":
            app.set_theme(_next(THEMES, settings.theme))
        elif key == "font":
            app.set_reading_font(_next(FONTS, settings.reading_font))
        elif key == "motion":
            app.set_reduced_motion(not settings.reduced_motion)
        elif key == "switch":
            mode = _next(SWITCH_MODES, settings.switch_access)
            app.set_switch_access(mode, settings.scan_seconds)
        elif key == "pace":
            paces = list(SCAN_PACES)
            now = min(paces, key=lambda pace: abs(pace - settings.scan_seconds))
            app.set_switch_access(settings.switch_access, _next(paces, now))
        self.relayout()


def _next(values: Sequence[T], current: T) -> T:
    """The value after *current* in *values*, wrapping round."""
    index = list(values).index(current) if current in values else -1
    return values[(index + 1) % len(values)]
