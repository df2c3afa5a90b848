"""The title screen: the logo, Play, Settings and Quit."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.layout import column
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


class TitleScene(Scene):
    """First screen the player sees."""

    #: The menu music plays here (when switched on).
    plays_music = True

    has_back = False

    def build(self) -> None:
        """Three big buttons under the logo, name and tagline.

        They keep their places on the screen while everything fits; with large text the
        logo, name, tagline and buttons stack one under another and the page scrolls.
        """
        m = self.m
        labels = [
            ("play", self._("Play"), "primary"),
            ("settings", self._("Settings"), "secondary"),
            ("quit", self._("Quit"), "quiet"),
        ]
        width = min(max(m.px(420), m.font(30) * 9), m.width - 4 * m.pad)
        self.buttons = [
            Button(key, label, pygame.Rect(0, 0, width, m.button_h), style, text_size=m.font(30))
            for key, label, style in labels
        ]
        heights = [max(m.button_h, b.needed_height(self.app.text, m)) for b in self.buttons]
        gap = m.px(16)
        # Measured unlit: a word being read aloud has a band that is not part of the letters.
        name, tagline = self._name(lit=False), self._tagline(lit=False)
        logo = m.px(150)
        # Where everything goes on a roomy screen: proportions of the window.
        self.logo_y = round(m.height * 0.2)
        self.name_y = round(m.height * 0.38) - name.get_height() // 2
        ink, tag_ink = name.get_bounding_rect(), tagline.get_bounding_rect()  # the letters
        # The tagline's letters keep clear of the name's (a "g" hangs low), always.
        clear = m.px(10)
        self.tagline_y = max(
            round(m.height * 0.46) - tagline.get_height() // 2,
            self.name_y + ink.bottom + clear - tag_ink.top,
        )
        area = pygame.Rect(
            (m.width - width) // 2, round(m.height * 0.52), width, round(m.height * 0.44)
        )
        roomy = (
            self.logo_y + logo // 2 <= self.name_y + ink.top
            and self.tagline_y + tag_ink.bottom <= area.top
            and sum(heights) + gap * (len(heights) - 1) <= area.height
            and self.logo_y - logo // 2 >= 0
        )
        if not roomy:  # large text: one thing under another
            y = self.header_height() + m.pad
            self.logo_y = y + logo // 2
            self.name_y = y + logo + m.pad // 2
            self.tagline_y = self.name_y + ink.bottom + clear - tag_ink.top
            area.top = self.tagline_y + tagline.get_height() + m.pad
            area.height = sum(heights) + gap * (len(heights) - 1)
        rects = column(area, heights, gap, center=roomy)
        for button, rect in zip(self.buttons, rects, strict=True):
            button.rect = rect
        #: Where "Getting the missions ready…" goes while the lessons load (None: hidden).
        self.loading_place: pygame.Rect | None = None
        self._loading_shape = (False, m.width - 4 * m.pad)  # (stacked?, width)
        loading_end = rects[-1].bottom
        if self.app.loading_progress() is not None:
            loading_end = self._place_loading(rects[-1])
        note_h = self._note_height()
        self.note_y = max(loading_end + m.pad * bool(note_h), m.height - m.pad - note_h)
        self.extent = max(self.note_y + note_h, loading_end)

    def _name(self, lit: bool = True) -> pygame.Surface:
        m = self.m
        return self.app.text.render(
            self._("Signal Scouts"),
            m.title,
            theme.PRIMARY_DARK,
            m.width - 4 * m.pad,
            bold=True,
            align="center",
            lit=lit,
        )

    def _tagline(self, lit: bool = True) -> pygame.Surface:
        m = self.m
        return self.app.text.render(
            self._("Spot the red flags. Know what to do."),
            m.body,
            theme.INK_SOFT,
            m.width - 4 * m.pad,
            align="center",
            lit=lit,
        )

    def _place_loading(self, last: pygame.Rect) -> int:
        """Find room for the loading line without moving a button; return the page's new end.

        Under the buttons if it fits the window there; else in the bottom corner beside the
        last button (words over the bar; the start side, mirrored in right-to-left);
        else under the buttons, and the page grows (it scrolls with large text anyway).
        """
        m = self.m
        under = self._loading(0.0).get_rect(midtop=(m.width // 2, last.bottom + m.px(8)))
        self.loading_place = under
        if self._note_height():
            return under.bottom
        if under.bottom + m.pad <= m.height:
            return last.bottom
        room = last.left - 2 * m.pad
        if room > 0:
            self._loading_shape = (True, room)
            corner = self._loading(0.0).get_rect(bottomleft=(m.pad, m.height - m.pad))
            if corner.width <= room and corner.top >= last.top:
                self.loading_place = corner
                return last.bottom
            self._loading_shape = (False, m.width - 4 * m.pad)
        return under.bottom

    def _loading(self, fraction: float) -> pygame.Surface:
        """The words "Getting the missions ready…" and a bar filled to *fraction*."""
        from game.ui.loading_note import MESSAGE, loading_note

        m = self.m
        stacked, width = self._loading_shape
        label = self._(MESSAGE)
        return loading_note(self.app.text, m, label, fraction, width, size=m.small, stacked=stacked)

    def loading_changed(self, appeared_or_went: bool) -> None:
        """Make room for the loading line when it appears (and give it back); else redraw."""
        if appeared_or_went:
            self.relayout()
        self.dirty = True

    def _note(self) -> pygame.Surface | None:
        """The line about a fresh start, when saved files could not be read."""
        if not (self.app.profile_loaded and self.app.profile.backups):
            return None
        m = self.m
        return self.app.text.render(
            self._(
                "Saved settings or progress could not be read, so the game started fresh. "
                "A copy of the old file was kept."
            ),
            m.font(18),
            theme.INK_SOFT,
            m.width - 8 * m.pad,
            align="center",
        )

    def _note_height(self) -> int:
        note = self._note()
        return note.get_height() if note else 0

    def _header(self) -> list[Button]:
        """Help on one side; the grown-ups' door, small and quiet, on the other."""
        m = self.m
        label = self._("For grown-ups")
        width = self._header_width(label)
        height = self._header_button_h()
        top = (self.header_height() - height) // 2
        rect = pygame.Rect(m.pad, top, width, height)
        door = Button("grownups", label, rect, "quiet", bold=False)
        return [*super()._header(), door]

    def narration_body(self) -> list[Line]:
        """The game's name and tagline (and the note about a fresh start, if shown)."""
        lines = [self.say.ui("Signal Scouts"), self.say.ui("Spot the red flags. Know what to do.")]
        if self.app.profile_loaded and self.app.profile.backups:
            lines.append(
                self.say.ui(
                    "Saved settings or progress could not be read, so the game started fresh. "
                    "A copy of the old file was kept."
                )
            )
        return lines

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
        """Logo, name and tagline (and the note about a fresh start)."""
        m = self.m
        draw.signal_logo(surface, (m.width // 2, self.logo_y), m.px(150))
        name = self._name()
        surface.blit(name, name.get_rect(midtop=(m.width // 2, self.name_y)))
        tagline = self._tagline()
        surface.blit(tagline, tagline.get_rect(midtop=(m.width // 2, self.tagline_y)))
        note = self._note()
        if note:
            surface.blit(note, note.get_rect(midtop=(m.width // 2, self.note_y)))
        progress = self.app.loading_progress()
        if progress is not None and self.loading_place is not None:
            loading = self._loading(progress)
            surface.blit(loading, loading.get_rect(center=self.loading_place.center))

    def draw_header(self, surface: pygame.Surface) -> None:
        """No band on the title screen; only the Help button floats at the top."""
