"""Classroom mode's show-of-hands tally: how many hands went up for each choice.

The teacher counts the hands and enters them (keys 1-4 pick a choice, + and - change
its count, or the big - and + buttons beside each choice); a bar per choice shows the
count, with the number written beside it. Pressing a choice (or "Go with most hands")
hands its id back to the lesson screen, which plays it as the class's choice.
The counts live only on this screen: they are never saved, logged or sent anywhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.helplines import ADULT
from game.i18n import N_
from game.scenes.base import Scene
from game.ui import theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line

NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3}
PLUS_KEYS = {pygame.K_PLUS, pygame.K_EQUALS, pygame.K_KP_PLUS}
MINUS_KEYS = {pygame.K_MINUS, pygame.K_KP_MINUS}
#: More hands than any class has (a held key stops here).
MOST_HANDS = 99
#: The words of the button that opens the tally (chat and story pages), and its title.
COUNT_HANDS = N_("Count the hands")


class TallyScene(Scene):
    """Enter the hands up for each choice, see a bar per choice, then go with one."""

    help_for = ADULT

    def __init__(self, app: App, choices: list[tuple[str, str]]) -> None:
        """*choices* are (choice id, label) pairs in the lesson's order."""
        super().__init__(app)
        self.choices = choices
        #: Hands up per choice: on this screen only, never saved.
        self.counts = [0] * len(choices)
        #: The choice that + and - change (keys 1-4 pick it).
        self.selected = 0
        self.bars: list[pygame.Rect] = []

    def title(self) -> str:
        """Header title: the words of the button that opened it, short enough for the header.

        A title on lines of its own (a long lesson title) would push the last choice off
        a 16:9 projector.
        """
        return self._(COUNT_HANDS)

    def intro(self) -> str:
        """What to do on this screen."""
        # The title says "Count the hands" already: this says how, in few words (it shares
        # a row with the go button).
        return self._(
            "Keys 1-4 pick a choice, + and - change its count. Then press the class's choice."
        )

    def most_hands(self) -> str | None:
        """The choice with the most hands, or None when no hands are counted or it is a tie."""
        top = max(self.counts, default=0)
        if top == 0 or self.counts.count(top) > 1:
            return None
        return self.choices[self.counts.index(top)][0]

    # -- layout ----------------------------------------------------------------
    def _intro_label(self, width: int) -> pygame.Surface:
        return self.app.text.render(self.intro(), self.m.small, theme.INK_SOFT, width)

    def _intro_width(self, area: pygame.Rect) -> int:
        """The intro's width: it shares its row with "Go with most hands" (on the end side)."""
        return area.width - self._go_width(area) - self.m.pad

    def _go_width(self, area: pygame.Rect) -> int:
        return area.width * 2 // 5

    def build(self) -> None:
        """The intro beside "Go with most hands"; per choice, its button, - and + and the bar.

        The go button shares the intro's row, and while the choices would run below the
        window they are written a size smaller (two steps at most), so that four long
        choices and the button all show on a 16:9 projector without scrolling.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        go_w = self._go_width(area)
        most = Button("most", self._("Go with most hands"), pygame.Rect(0, 0, go_w, 0), "primary")
        most.rect.update(area.right - go_w, area.top, go_w, m.button_h)
        most.rect.height = max(m.button_h, most.needed_height(self.app.text, m))
        intro_h = self._intro_label(self._intro_width(area)).get_height()
        top = area.top + max(intro_h, most.rect.height) + m.pad
        for size in (m.body, m.small, m.font(17)):
            # The go button first: the reading (and Tab) order is the page's.
            self.buttons = [most]
            bottom = self._rows(area, top, size)
            if bottom + m.pad <= m.height:  # the page's bottom margin too (see page_height)
                break
        self.extent = bottom

    def _rows(self, area: pygame.Rect, top: int, size: int) -> int:
        """Lay out a row per choice from *top*, labels at *size*; return the last row's bottom.

        The choices take at most 11/20 of the width at body size and 13/20 at the smaller
        size (fewer second lines), always leaving room for - and +, a bar and the widest
        count ("99 hands").
        """
        m = self.m
        side = max(m.button_h, m.px(72))
        widest = self.app.text.render(self._hands(MOST_HANDS), m.body, theme.INK, bold=True)
        controls = 2 * side + m.px(10) + 3 * m.pad + widest.get_width() + m.px(60)
        share = 11 if size >= m.body else 13
        choice_w = min(area.width * share // 20, area.width - controls)
        gap = m.px(12)  # rows close together: three or four fit a 16:9 projector unscrolled
        self.bars = []
        y = top
        for index, (choice_id, label) in enumerate(self.choices):
            rect = pygame.Rect(area.left, y, choice_w, m.button_h)
            number = self.app.tr.number(index + 1)
            button = Button(
                f"pick:{choice_id}",
                f"{number}. {label}",
                rect,
                "choice",
                align="left",
                bold=False,
                text_size=size,
            )
            rect.height = max(side, button.needed_height(self.app.text, m))
            minus = pygame.Rect(rect.right + m.pad, y, side, side)
            plus = pygame.Rect(minus.right + m.px(10), y, side, side)
            # TRANSLATORS: classroom tally: one hand fewer for a choice (a big "-" button).
            less = Button(f"minus:{index}", self._("−"), minus, "secondary", text_size=m.font(40))
            # TRANSLATORS: classroom tally: one more hand for a choice (a big "+" button).
            more = Button(f"plus:{index}", self._("+"), plus, "secondary", text_size=m.font(40))
            self.buttons += [button, less, more]
            bar_left = plus.right + m.pad
            self.bars.append(pygame.Rect(bar_left, y, max(0, area.right - bar_left), rect.height))
            y = rect.bottom + gap
        return y - gap

    def first_focus(self) -> int:
        """No choice is pre-selected: Enter alone never picks for the class."""
        return -1

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Change a count, or go with a choice (the one pressed, or the most hands)."""
        kind, _, value = key.partition(":")
        if kind in ("plus", "minus"):
            self.selected = int(value)
            self.change(1 if kind == "plus" else -1)
        elif kind == "pick":
            self.app.pop(value)
        elif kind == "most":
            winner = self.most_hands()
            if winner is not None:
                self.app.pop(winner)

    def change(self, by: int) -> None:
        """Add *by* hands to the selected choice (never below 0)."""
        index = self.selected
        self.counts[index] = min(MOST_HANDS, max(0, self.counts[index] + by))
        self.dirty = True

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-4 pick the choice to count; + (or =) and - change its count."""
        if event.key in NUMBER_KEYS and NUMBER_KEYS[event.key] < len(self.choices):
            self.selected = NUMBER_KEYS[event.key]
            self.dirty = True
        elif event.key in PLUS_KEYS:
            self.change(1)
        elif event.key in MINUS_KEYS:
            self.change(-1)

    def narration_body(self) -> list[Line]:
        """What to do, then each choice with its count."""
        lines = [self.say.said(self.intro())]
        for index, (_choice_id, label) in enumerate(self.choices):
            lines.append(self.say.said(f"{self.app.tr.number(index + 1)}. {label}"))
            lines.append(self.say.said(self._hands(self.counts[index])))
        return lines

    def _hands(self, count: int) -> str:
        words = self.app.tr.ngettext("{n} hand", "{n} hands", count)
        return words.format(n=self.app.tr.number(count))

    # -- drawing ---------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        """The intro, then a bar per choice with its number of hands written beside it.

        The choice whose count + and - change is marked with a thick outline and an arrow.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        intro = self._intro_label(self._intro_width(area))
        surface.blit(intro, self.start_pos(area, intro, area.top))
        top = max(self.counts, default=0)
        for index, row in enumerate(self.bars):
            if m.rtl:  # the buttons were mirrored with the layout; the bars follow them here
                row = pygame.Rect(m.width - row.right, row.top, row.width, row.height)
            label = self.app.text.render(
                self._hands(self.counts[index]), m.body, theme.INK, bold=True
            )
            track_w = max(0, row.width - label.get_width() - m.pad)
            track = pygame.Rect(0, 0, track_w, max(m.px(24), row.height // 3))
            track.centery = row.centery
            track.left = row.right - track_w if m.rtl else row.left
            filled = round(track.width * self.counts[index] / top) if top else 0
            fill = pygame.Rect(
                track.right - filled if m.rtl else track.left, track.top, filled, track.height
            )
            if track_w > 0:
                pygame.draw.rect(surface, theme.WHITE, track, border_radius=m.px(6))
                pygame.draw.rect(surface, theme.PRIMARY, fill, border_radius=m.px(6))
                width = m.px(5) if index == self.selected else 2
                pygame.draw.rect(surface, theme.INK, track, width, border_radius=m.px(6))
            x = track.left - m.pad - label.get_width() if m.rtl else track.right + m.pad
            surface.blit(label, (x, row.centery - label.get_height() // 2))
            if index == self.selected:
                pick = next(b for b in self.buttons if b.key == f"pick:{self.choices[index][0]}")
                pygame.draw.rect(
                    surface, theme.INK, pick.rect.inflate(m.px(8), m.px(8)), m.px(4), m.px(12)
                )
