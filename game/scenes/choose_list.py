"""Settings lists: the language (each in its own name and script) and the help-line country."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.helplines import ADULT
from game.i18n import PSEUDO_LANGUAGES, Translator
from game.profile import UNKNOWN_COUNTRY
from game.scenes.base import Scene
from game.scenes.list_base import Item, ListScene
from game.ui import theme
from game.ui.layout import grid_buttons
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App


class LanguageScene(Scene):
    """Pick the game's language; the whole game switches at once, no restart."""

    def title(self) -> str:
        """Header title."""
        return self._("Language")

    def build(self) -> None:
        """One button per shipped language, named in that language."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        area.height -= self._note().get_height() + m.pad
        languages = self.app.languages()
        current = self.app.tr.language
        rows = -(-len(languages) // 2)
        cell_h = min(round(m.button_h * 1.6), (area.height - m.pad * (rows - 1)) // rows)
        for code, name, reviewed in languages:
            self.buttons.append(
                Button(
                    f"lang:{code}",
                    name,
                    pygame.Rect(area.left, area.top, 1, cell_h),
                    "selected" if code == current else "choice",
                    text_size=m.font(28),
                    lang=code,
                    sublabel="" if reviewed else self._draft_label(code),
                    sublabel_lang=None if self._pseudo() else code,
                )
            )
        bottom = grid_buttons(self.buttons, area, 2, cell_h, m.pad, self.app.text, m)
        self.note_top = max(bottom + m.pad, m.height - m.pad - self._note().get_height())
        self.extent = self.note_top + self._note().get_height()
        keys = [b.key for b in self.buttons]
        if f"lang:{current}" in keys:
            self.focus = keys.index(f"lang:{current}")

    def _draft_label(self, code: str) -> str:
        """'Draft translation' written in language *code* (the reader of that button).

        A pseudo-locale keeps its own text, so tests see the string came from a catalog.
        """
        if code == self.app.tr.language or self._pseudo():
            return self._("Draft translation")
        return Translator(code, self.app.paths.locales)._("Draft translation")

    def _pseudo(self) -> bool:
        """True in a pseudo-locale (a test language that keeps every string its own)."""
        return self.app.tr.language in PSEUDO_LANGUAGES

    def on_button(self, key: str) -> None:
        """Switch language, save it, and rebuild every screen in the new language."""
        code = key.split(":", 1)[1]
        self.app.set_language(code)
        self.app.pop()

    def _note(self) -> pygame.Surface:
        m = self.m
        return self.app.text.render(
            self._(
                "Draft translations have not yet been checked by a native-speaking "
                "safeguarding reviewer."
            ),
            m.small,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )

    def draw_content(self, surface: pygame.Surface) -> None:
        """What a draft translation means, for the grown-up choosing (under the buttons)."""
        note = self._note()
        surface.blit(note, note.get_rect(midtop=(self.m.width // 2, self.note_top)))


class CountryScene(ListScene):
    """Pick whose help lines the help screen and the printables show.

    Opened from Settings, and once by the grown-ups' menu (``first_visit``) until a
    grown-up has chosen. "Not listed / other country" gives the international directory.
    """

    columns = 3
    min_cell = 64

    def __init__(self, app: App, first_visit: bool = False) -> None:  # noqa: D107
        super().__init__(app)
        self.first_visit = first_visit

    def help_audience(self) -> str | None:
        """Grown-ups' help on the first visit (behind the gate); else the child's."""
        return ADULT if self.first_visit else None

    def title(self) -> str:
        """Header title."""
        if self.first_visit:
            return self._("Which country are you in?")
        return self._("Help lines for")

    def intro(self) -> str:
        """Why the country matters (on the first visit)."""
        if not self.first_visit:
            return ""
        return self._(
            "The Help screen and the printed plans list help lines for this country. "
            "You can change it later in Settings."
        )

    def current(self) -> str:
        """The chosen country's code, or UNKNOWN_COUNTRY when it has no help-line data."""
        code = self.app.profile.settings.country
        return code if code in self.app.helplines.countries else UNKNOWN_COUNTRY

    def items(self) -> list[Item]:
        """Each country with help-line data (named in the current language), then "Not listed"."""
        current = self.current()
        other = (UNKNOWN_COUNTRY, self._("Not listed / other country"))
        entries = [*self.app.countries(), other]
        return [
            Item(f"country:{code}", name, style="selected" if code == current else "choice")
            for code, name in entries
        ]

    def build(self) -> None:
        """The grid of countries, with the focus on the current one."""
        super().build()
        self.focus_on(f"country:{self.current()}")

    def on_button(self, key: str) -> None:
        """Save the country (a grown-up chose it) and go back."""
        if not key.startswith("country:"):
            return
        settings = self.app.profile.settings
        settings.country = key.split(":", 1)[1]
        settings.country_confirmed = True
        self.app.profile.save_settings()
        self.app.pop()
