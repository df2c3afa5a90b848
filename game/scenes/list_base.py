"""A screen of big buttons in a paged grid, with an optional line of text above.

The grown-up screens (menu, lessons, steps, classroom, certificates) are lists of
choices; they describe their items and this base lays them out, pages them and
keeps them reachable by keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.scenes.base import Scene
from game.ui import theme
from game.ui.layout import grid
from game.ui.widgets import Button, IconFn


@dataclass(frozen=True)
class Item:
    """One button of the list."""

    key: str
    label: str
    sublabel: str = ""
    style: str = "choice"
    icon: IconFn | None = None


class ListScene(Scene):
    """Items in a grid of *columns*, paged when they do not fit; an intro line on top."""

    columns = 2
    #: Smallest card height, in layout pixels.
    min_cell = 110

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.page = 0
        self.status = ""

    def items(self) -> list[Item]:
        """The buttons to show (subclasses override)."""
        return []

    def intro(self) -> str:
        """A line of text above the buttons ('' for none)."""
        return ""

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """Buttons under the grid (subclasses may add some); *area* is one button high."""
        return []

    def build(self) -> None:
        """Intro, the page of items, a 'more' button, then any extra buttons."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        intro = self.intro()
        self.intro_rect = pygame.Rect(area.left, area.top, area.width, 0)
        if intro:
            label = self.app.text.render(intro, m.body, theme.INK, area.width)
            self.intro_rect.height = label.get_height()
            area.top += label.get_height() + m.pad
            area.height -= label.get_height() + m.pad
        bottom = pygame.Rect(area.left, area.bottom - m.button_h, area.width, m.button_h)
        extra = self.extra_buttons(bottom)
        if extra:
            area.height -= m.button_h + m.pad
        self.status_rect = pygame.Rect(area.left, area.bottom, area.width, 0)
        if self.status:
            status = self.app.text.render(self.status, m.small, theme.INK, area.width, bold=True)
            area.height -= status.get_height() + m.pad
            self.status_rect = pygame.Rect(
                area.left, area.bottom + m.pad // 2, area.width, status.get_height()
            )
        items = self.items()
        cell_h = max(m.px(self.min_cell), m.button_h + m.px(16))
        cell_w = (area.width - m.pad * (self.columns - 1)) // self.columns
        cells = [self._button(item, pygame.Rect(0, 0, cell_w, cell_h)) for item in items]
        needed = max((b.needed_height(self.app.text, m) for b in cells), default=0)
        if cell_h < needed and 2 * needed + m.pad + m.button_h <= area.height:
            cell_h = needed  # taller cards, still two rows a page
        if self._grow(items, extra, area, cell_h):
            return
        rows = max(1, (area.height + m.pad) // (cell_h + m.pad))
        if len(items) > rows * self.columns:  # leave a row for the "more" button
            rows = max(1, (area.height - m.button_h) // (cell_h + m.pad))
        per_page = rows * self.columns
        pages = max(1, -(-len(items) // per_page))
        self.page = self.page % pages
        shown = items[self.page * per_page : (self.page + 1) * per_page]
        rects = grid(area, len(shown), self.columns, cell_h, m.pad, center=False)
        for item, rect in zip(shown, rects, strict=True):
            self.buttons.append(self._button(item, rect))
        if pages > 1:
            more = pygame.Rect(area.left, area.bottom - m.button_h, area.width, m.button_h)
            self.buttons.append(
                Button(
                    "page",
                    self._("More ({page} of {pages})").format(
                        page=self.app.tr.number(self.page + 1), pages=self.app.tr.number(pages)
                    ),
                    more,
                    "quiet",
                )
            )
        self.buttons += extra

    def _button(self, item: Item, rect: pygame.Rect) -> Button:
        return Button(
            item.key,
            item.label,
            rect,
            item.style,
            align="left" if item.sublabel or item.icon else "center",
            sublabel=item.sublabel,
            icon=item.icon,
            icon_scale=1.6,
        )

    def _grow(self, items: list[Item], extra: list[Button], area: pygame.Rect, cell_h: int) -> bool:
        """With large text: every item in one column, as tall as it needs; the page scrolls.

        Returns False (and lays out nothing) when the items fit their grid cells.
        """
        m = self.m
        cell_w = (area.width - m.pad * (self.columns - 1)) // self.columns
        buttons = [self._button(item, pygame.Rect(area.left, 0, cell_w, cell_h)) for item in items]
        needed = max((b.needed_height(self.app.text, m) for b in buttons), default=0)
        if needed <= cell_h:
            return False
        y = area.top
        for button in buttons + extra:
            button.rect.update(area.left, y, area.width, 1)
            button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
            y += button.rect.height + m.pad
            if button is (buttons or [None])[-1] and self.status:
                self.status_rect.top = y
                y = self.status_rect.bottom + m.pad
        if not buttons and self.status:
            self.status_rect.top = y
        self.page = 0
        self.buttons = buttons + extra
        self.extent = max(y - m.pad, self.status_rect.bottom)
        return True

    def press(self, key: str) -> None:
        """Turn the page, or pass the key on."""
        if key == "page":
            self.page += 1  # wraps to the first page after the last (see build)
            self.relayout()
            self.focus_on("page")
            return
        super().press(key)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The intro line and the status line (e.g. where files were saved)."""
        m = self.m
        intro = self.intro()
        if intro:
            label = self.app.text.render(intro, m.body, theme.INK, self.intro_rect.width)
            surface.blit(label, self.start_pos(self.intro_rect, label, self.intro_rect.top))
        if self.status:
            area = self.status_rect
            label = self.app.text.render(self.status, m.small, theme.INK, area.width, bold=True)
            surface.blit(label, self.start_pos(area, label, area.top))
