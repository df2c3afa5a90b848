"""Settings lists: the language (each in its own name and script) and the help-line country."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import theme
from game.ui.layout import grid
from game.ui.widgets import Button


class LanguageScene(Scene):
    """Pick the game's language; the whole game switches at once, no restart."""

    def title(self) -> str:
        """Header title."""
        return self._("Language")

    def build(self) -> None:
        """One button per shipped language, named in that language."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        area.height -= m.body * 2
        languages = self.app.languages()
        current = self.app.tr.language
        rows = -(-len(languages) // 2)
        cell_h = min(round(m.button_h * 1.6), (area.height - m.pad * (rows - 1)) // rows)
        rects = grid(area, len(languages), 2, cell_h, m.pad)
        for (code, name, reviewed), rect in zip(languages, rects, strict=True):
            self.buttons.append(
                Button(
                    f"lang:{code}",
                    name,
                    rect,
                    "selected" if code == current else "choice",
                    text_size=m.font(28),
                    lang=code,
                    sublabel="" if reviewed else self._("Draft translation"),
                )
            )
        keys = [b.key for b in self.buttons]
        if f"lang:{current}" in keys:
            self.focus = keys.index(f"lang:{current}")

    def on_button(self, key: str) -> None:
        """Switch language, save it, and rebuild every screen in the new language."""
        code = key.split(":", 1)[1]
        self.app.set_language(code)
        self.app.pop()

    def draw_content(self, surface: pygame.Surface) -> None:
        """What a draft translation means, for the grown-up choosing."""
        m = self.m
        note = self.app.text.render(
            self._(
                "Draft translations have not yet been checked by a native-speaking "
                "safeguarding reviewer."
            ),
            m.small,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
        )
        surface.blit(note, note.get_rect(midbottom=(m.width // 2, m.height - m.pad)))


class CountryScene(Scene):
    """Pick whose help lines the help screen shows."""

    def title(self) -> str:
        """Header title."""
        return self._("Help lines for")

    def build(self) -> None:
        """One button per country with help-line data, named for the current language."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        countries = self.app.countries()
        current = self.app.profile.settings.country
        columns = 3
        rows = max(1, -(-len(countries) // columns))
        cell = min(m.button_h + m.px(8), (area.height - m.pad * (rows - 1)) // rows)
        for (code, name), rect in zip(
            countries, grid(area, len(countries), columns, cell, m.pad), strict=True
        ):
            self.buttons.append(
                Button(
                    f"country:{code}",
                    name,
                    rect,
                    "selected" if code == current else "choice",
                    text_size=m.font(26),
                )
            )

    def on_button(self, key: str) -> None:
        """Save the country and go back."""
        self.app.profile.settings.country = key.split(":", 1)[1]
        self.app.profile.save_settings()
        self.app.pop()
