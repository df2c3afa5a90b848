"""The calm note that progress can't be saved on this computer right now.

When a save fails (a read-only folder, a full disk), play goes on and the note appears
once per session, on the screen in front when it happened, until that screen is left.
It is drawn over the screen like a label: it never takes the focus, has no button,
never times out and never blocks a press (it sits where no button is, if it can:
the lowest free place, so it rarely covers what the child reads).
Screens that read themselves aloud read it too.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_
from game.ui import draw, theme

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line
    from game.scenes.base import Scene

# TRANSLATORS: shown (small, over the screen) when the game cannot write its save files:
# a read-only folder or a full disk. Play goes on; nothing the child did is wrong.
MESSAGE = N_("Progress can't be saved on this computer right now. You can keep playing.")


class SaveNotice:
    """Whether saving failed in this session, and on which screen the note shows."""

    def __init__(self) -> None:
        #: The first save error of this session (None: every save worked).
        self.error: OSError | None = None
        self._pending = False
        self._scene: Scene | None = None
        self._place: tuple[object, pygame.Rect] | None = None

    def report(self, error: OSError) -> None:
        """A save failed: show the note on the next screen drawn (only the first time)."""
        if self.error is not None:
            return
        self.error = error
        self._pending = True

    def place_on(self, scene: Scene) -> None:
        """Called before *scene* is drawn: the note waiting to be shown goes on it."""
        if self._pending:
            self._pending = False
            self._scene = scene
            scene.dirty = True

    def shows_on(self, scene: Scene) -> bool:
        """Whether the note is on *scene*."""
        return self._scene is scene

    def lines(self, scene: Scene) -> list[Line]:
        """The note as a line to read aloud, when it is on *scene*."""
        return [scene.say.ui(MESSAGE, key="save-notice")] if self.shows_on(scene) else []

    def draw(self, surface: pygame.Surface, scene: Scene, app: App) -> pygame.Rect | None:
        """Draw the note over *scene* if it is on it; return where it went."""
        if not self.shows_on(scene):
            return None
        m = app.metrics
        pad = m.px(12)
        icon = max(m.px(24), m.font(18))
        width = min(m.width - 2 * m.pad, max(m.px(420), m.width * 2 // 5))
        text = app.text.render(
            app.tr._(MESSAGE), m.font(18), theme.INK, width - icon - 3 * pad
        )
        size = (text.get_width() + icon + 3 * pad, max(text.get_height(), icon) + 2 * pad)
        rect = self.place(scene, size, surface)
        draw.card(surface, rect, theme.SYSTEM_BG, m.px(14), border=theme.INK_SOFT)
        start = rect.right - pad - icon if m.rtl else rect.left + pad
        _info_icon(surface, (start + icon // 2, rect.centery), icon)
        x = rect.left + pad if m.rtl else start + icon + pad
        surface.blit(text, (x, rect.centery - text.get_height() // 2))
        return rect

    def place(
        self, scene: Scene, size: tuple[int, int], surface: pygame.Surface | None = None
    ) -> pygame.Rect:
        """Where a note of *size* goes: the lowest place that covers no button.

        Rows are tried from the bottom of the window up (end side, start side, middle).
        With the screen drawn on *surface*, a place where nothing is drawn yet (only the
        background) wins over one that covers text. When every place covers a button,
        the end-side bottom corner. The answer is kept while the buttons stay put.
        """
        m = scene.m
        w, h = size
        gap = m.px(8)
        buttons = [scene.on_screen(b).inflate(gap, gap) for b in scene.all_buttons()]
        key = (id(scene), m.width, m.height, size, tuple(map(tuple, buttons)))
        if self._place is not None and self._place[0] == key:
            return self._place[1]
        end_x = m.pad if m.rtl else m.width - m.pad - w
        start_x = m.width - m.pad - w if m.rtl else m.pad
        xs = (end_x, start_x, (m.width - w) // 2)
        bottom = m.height - gap - h
        free = [
            pygame.Rect(x, y, w, h)
            for y in range(bottom, scene.header_height() + gap - 1, -gap)
            for x in xs
        ]
        free = [place for place in free if place.collidelist(buttons) < 0]
        place = _first_empty(surface, free) if surface is not None else None
        place = place or (free[0] if free else pygame.Rect(end_x, bottom, w, h))
        self._place = (key, place)
        return place


def _first_empty(surface: pygame.Surface, places: list[pygame.Rect]) -> pygame.Rect | None:
    """The first of *places* where nothing but the background colour is drawn, if any."""
    if not places:
        return None
    background = pygame.mask.from_threshold(surface, theme.BG, (2, 2, 2, 255))
    shape = pygame.Mask(places[0].size, fill=True)
    whole = places[0].width * places[0].height
    bounds = surface.get_rect()
    for place in places:
        if bounds.contains(place) and background.overlap_area(shape, place.topleft) == whole:
            return place
    return None


def _info_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A round "i": information, not a warning (no red, no exclamation mark)."""
    radius = size // 2
    pygame.draw.circle(surface, theme.PRIMARY, center, radius)
    x, y = center
    stroke = max(2, size // 7)
    pygame.draw.circle(surface, theme.WHITE, (x, y - radius // 2), max(1, stroke * 2 // 3))
    pygame.draw.rect(
        surface, theme.WHITE, pygame.Rect(x - stroke // 2, y - radius // 6, stroke, radius * 3 // 4)
    )
