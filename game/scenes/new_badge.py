"""A new badge: the moment after a debrief when a finished mission earned a skill badge.

The debrief shows first, always (what to remember matters most). When the child leaves
it (More missions, Play again or Back) and the mission earned badges they did not have,
this screen shows them all at once: each drawn badge grows in, a little confetti falls,
the title says how many, and each badge's name is written (and read aloud) under it
("New badge: {skill}!" when there is one). Continue, Enter or
Escape goes on to where the child was going; nothing here times them. With reduced
motion the badges are simply there, with no confetti.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.taxonomy import SKILLS
from game.scenes.base import Scene
from game.ui import theme
from game.ui.badge_art import badge_surface
from game.ui.confetti import CONFETTI_MS, Confetti
from game.ui.layout import grid
from game.ui.motion import Tween, ease_out
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line

#: How long a badge takes to grow to its size (ms).
GROW_MS = 600
#: How small a badge starts, as a fraction of its size.
GROW_FROM = 0.2


def new_badges(earned_before: set[str], earned_after: set[str]) -> list[str]:
    """The skill codes earned now that were not earned before, in curriculum order."""
    return sorted(earned_after - earned_before)


class NewBadgeScene(Scene):
    """The new badges of one mission, growing in with confetti; Continue goes on."""

    #: No Back button (nothing here to go back from): Escape goes on, as Continue does.
    has_back = False

    def __init__(self, app: App, codes: list[str]) -> None:  # noqa: D107
        super().__init__(app)
        self.codes = codes
        self.cells: list[pygame.Rect] = []
        self.medal = 0
        self.grow: Tween | None = None
        self.confetti: Confetti | None = None
        self._moving_over = False

    def enter(self) -> None:
        """Lay out, then start the badges growing and the confetti (once)."""
        super().enter()
        if self.grow is None:
            self.grow = self.app.motion.tween(GROW_MS, self._clock)
            self.confetti = Confetti(self.app.motion.tween(CONFETTI_MS, self._clock), seed=18)

    def _clock(self) -> float:
        """The time animations follow (ms): the input guard's clock, as tests step it."""
        return self.app.guard.clock()

    @property
    def animating(self) -> bool:
        """True while a badge grows or confetti falls (never with reduced motion).

        When both have just ended the screen is drawn once more, at rest.
        """
        if self.grow is None or self.confetti is None or self._moving_over:
            return False
        if not self.grow.done or self.confetti.active:
            return True
        self._moving_over = True
        self.dirty = True
        return False

    def handle(self, event: pygame.event.Event) -> None:
        """Any press shows the badges at rest at once, then does what it always does."""
        if self.animating and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            self.settle()
        super().handle(event)

    def settle(self) -> None:
        """Show the badges grown and the confetti gone, at once (a press, a snapshot)."""
        if self.grow is not None and self.confetti is not None:
            self.grow.finish()
            self.confetti.tween.finish()
        self.dirty = True

    def title(self) -> str:
        """The header says how many badges the mission earned."""
        count = len(self.codes)
        # TRANSLATORS: the title of the screen that celebrates badges just earned.
        words = self.app.tr.ngettext("You earned a new badge!", "You earned {n} new badges!", count)
        return words.format(n=self.app.tr.number(count))

    def line(self, code: str) -> str:
        """What is written under badge *code*: "New badge: {skill}!" alone, else its name."""
        name = self._(SKILLS[code].name)
        if len(self.codes) > 1:
            return name  # the title already says they are new
        # TRANSLATORS: under a badge the child has just earned; {skill} is the badge's name
        # (a response skill, e.g. "Pause" or "Tell a trusted adult").
        return self._("New badge: {skill}!").format(skill=name)

    def _words(self, code: str, width: int) -> pygame.Surface:
        count = len(self.codes)
        size = self.m.heading if count == 1 else self.m.body if count <= 4 else self.m.small
        return self.app.text.render(
            self.line(code), size, theme.INK, width, bold=True, align="center"
        )

    def build(self) -> None:
        """The badges in a grid (one big badge when there is one), Continue at the end side."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        go_w = max(area.width // 3, m.px(240))
        go = Button("continue", self._("Continue"), pygame.Rect(0, 0, go_w, m.button_h))
        go.rect.height = max(m.button_h, go.needed_height(self.app.text, m))
        room = pygame.Rect(area.left, area.top, area.width, area.height - go.rect.height - m.pad)
        count = len(self.codes)
        columns = 1 if count == 1 else min(count, 5 if count > 8 else 4 if count > 4 else count)
        rows = -(-count // columns)
        gap = m.pad
        cell_w = min((room.width - gap * (columns - 1)) // columns, m.px(460))
        room.width = cell_w * columns + gap * (columns - 1)  # the badges together, centred
        room.centerx = area.centerx
        words_h = max(self._words(code, cell_w - m.px(8)).get_height() for code in self.codes)
        share = (room.height - gap * (rows - 1)) // rows - words_h - m.px(12)
        biggest = m.px(220) if count == 1 else m.px(130)
        self.medal = max(m.px(64), min(biggest, share, round(cell_w * 0.6)))
        cell_h = self.medal + m.px(12) + words_h
        self.cells = grid(room, count, columns, cell_h, gap)
        if m.rtl:  # the first badge at the top right (cells are not mirrored with buttons)
            for cell in self.cells:
                cell.x = m.width - cell.right
        bottom = max(cell.bottom for cell in self.cells)
        go.rect.topright = (area.right, max(room.bottom, bottom) + m.pad)
        self.extent = bottom
        self.buttons = [go]

    def first_focus(self) -> int:
        """Continue has the focus, so Enter (or a switch) goes on."""
        return 0

    def on_button(self, key: str) -> None:
        """Continue: go on to where the child was going."""
        if key == "continue":
            self.app.pop()

    def on_key(self, event: pygame.event.Event) -> None:
        """Escape goes on too (as Back would on other screens)."""
        if event.key == pygame.K_ESCAPE:
            self.press("continue")

    def narration_body(self) -> list[Line]:
        """Each new badge, as written under it."""
        return [self.say.said(self.line(code)) for code in self.codes]

    def draw(self, surface: pygame.Surface) -> None:
        """The screen, with the confetti over it while it falls."""
        super().draw(surface)
        if self.confetti is not None:
            self.confetti.draw(surface)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The badges (growing in from small, at full size once grown) and their words."""
        m = self.m
        t = ease_out(self.grow.progress()) if self.grow is not None else 1.0
        size = max(1, round(self.medal * (GROW_FROM + (1.0 - GROW_FROM) * t)))
        for code, cell in zip(self.codes, self.cells, strict=True):
            center = (cell.centerx, cell.top + self.medal // 2)
            art = badge_surface(code, self.medal, True, theme.PALETTE)  # drawn once per size
            if size != self.medal:
                art = pygame.transform.smoothscale(art, (size, size))
            surface.blit(art, art.get_rect(center=center))
            words = self._words(code, cell.width - m.px(8))
            top = cell.top + self.medal + m.px(12)
            surface.blit(words, words.get_rect(midtop=(cell.centerx, top)))
