"""Settings a school set: the lock on a setting's button, and the grown-ups' page about them.

A locked button keeps its place and focus (so keyboard, switch and screen-reader users
learn why it does not change), wears a padlock and the words "Set by your school", and
pressing it changes nothing. The grown-ups' page lists what the school's managed-settings
file sets and locks, where the file is, and any mistakes in it (those parts are ignored).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pygame

from game.helplines import ADULT
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line


def mark_locked(button: Button, _: Callable[[str], str]) -> None:
    """Show *button* as a setting the school locked: padlock, words, and a quiet look."""
    button.style = "quiet"
    button.icon = draw.padlock
    # TRANSLATORS: under a setting a school's IT staff locked for every child on the computer.
    button.sublabel = _("Set by your school")


def managed_lines(app: App) -> list[tuple[str, str]]:
    """(setting as Settings shows it, locked or not) for each setting the school's file sets."""
    from game.content.taxonomy import BANDS
    from game.scenes.settings import text_size_label

    _ = app.tr._
    managed = app.managed
    values = managed.values
    if values is None:
        return []
    locked, unlocked = _("Locked"), _("Not locked: set again each time the game starts")
    out: list[tuple[str, str]] = []
    if values.country is not None:
        code = values.country
        name = (
            app.country_name(code)
            if code in app.helplines.countries
            else _("Not listed / other country")
        )
        out.append((_("Help lines for: {country}").format(country=name), "country"))
    if values.language is not None:
        name = app.language_name(values.language)
        out.append((_("Language: {name}").format(name=name), "language"))
    if values.text_size is not None:
        out.append((text_size_label(_, values.text_size), "text_size"))
    for band, on in values.read_to_me_by_band().items():
        state = _("On") if on else _("Off")
        label = _("Read to me ({group}): {state}").format(group=_(BANDS[band].label), state=state)
        out.append((label, "read_to_me"))
    if values.read_pace is not None:
        paces = {"normal": _("Normal"), "slow": _("Slow")}
        out.append((_("Reading pace: {pace}").format(pace=paces[values.read_pace]), "read_pace"))
    for lesson_id in sorted(managed.lessons_off()):
        lesson = app.pack.by_id(lesson_id)
        if lesson is None:
            title = _("Not a lesson in this game: {id}").format(id=lesson_id)
        else:
            from game.printing.lesson_text import LessonText

            title = LessonText(lesson, app.tr).title
        out.append((_("Lesson turned off: {title}").format(title=title), "lessons_off"))
    return [(label, locked if managed.locked(name) else unlocked) for label, name in out]


class ManagedSettingsScene(Scene):
    """What the school's managed-settings file sets and locks, its path, and its mistakes."""

    help_for = ADULT

    def title(self) -> str:
        """Header title."""
        return self._("Settings set by your school")

    def _blocks(self) -> list[tuple[str, int, bool]]:
        """(text, font size, bold) in reading order."""
        m = self.m
        managed = self.app.managed
        blocks = [
            (
                self._(
                    "Your school's IT staff set these settings for everyone on this computer. "
                    "Locked settings cannot be changed in the game."
                ),
                m.body,
                False,
            ),
            (self._("File: {path}").format(path=str(managed.path)), m.small, False),
        ]
        for label, state in managed_lines(self.app):
            # TRANSLATORS: {setting} is e.g. "Language: French"; {state} is "Locked" or
            # "Not locked: set again each time the game starts".
            line = self._("{setting} - {state}").format(setting=label, state=state)
            blocks.append((line, m.body, True))
        if managed.problems:
            blocks.append(
                (
                    self._(
                        "The file has mistakes. These parts are ignored; the game uses this "
                        "computer's own settings for them:"
                    ),
                    m.body,
                    True,
                )
            )
            blocks += [(f"- {problem}", m.small, False) for problem in managed.problems]
        if not managed.active:
            blocks.append((self._("Nothing in the file is used."), m.body, False))
        return blocks

    def build(self) -> None:
        """Lay the text out top to bottom (the page scrolls when it is long)."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        self.placed: list[tuple[pygame.Surface, int]] = []
        y = area.top
        for text, size, bold in self._blocks():
            surface = self.app.text.render(text, size, theme.INK, area.width, bold=bold)
            self.placed.append((surface, y))
            y += surface.get_height() + m.pad // 2
        self.area = area
        self.extent = y

    def narration_body(self) -> list[Line]:
        """Every line of the page, in order."""
        return [self.say.said(text) for text, _size, _bold in self._blocks()]

    def draw_content(self, surface: pygame.Surface) -> None:
        """The text, start-aligned."""
        for label, y in self.placed:
            surface.blit(label, self.start_pos(self.area, label, y))
