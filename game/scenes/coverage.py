"""For teachers: what this set of lessons teaches, as a tactic or skill x age-group table."""

from __future__ import annotations

import pygame

from game.content.coverage import BAND_CODES, Coverage, coverage_of
from game.content.taxonomy import SKILLS, TACTICS
from game.helplines import ADULT
from game.printing.coverage_section import band_headers, cell_text
from game.scenes.base import Scene
from game.ui import theme
from game.ui.widgets import Button


class CoverageScene(Scene):
    """Tricks or skills down the side, age groups across, paged to fit the window."""

    help_for = ADULT

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.kind = "tactics"
        self.page = 0
        self.rows_per_page = 1
        self.table_rect = pygame.Rect(0, 0, 0, 0)
        self._coverage: Coverage | None = None

    @property
    def coverage(self) -> Coverage:
        """The matrices for the lessons on this device (computed once per visit)."""
        if self._coverage is None:
            self._coverage = coverage_of(self.app.pack.lessons)
        return self._coverage

    def title(self) -> str:
        """Header title."""
        return self._("What these lessons teach")

    def codes(self) -> list[str]:
        """Tactic or skill codes, in order."""
        return list(TACTICS if self.kind == "tactics" else SKILLS)

    def row_height(self) -> int:
        """The least height of a table row: a line of small text with room around it."""
        return round(self.m.small * 1.9)

    def _columns(self, width: int) -> tuple[int, int]:
        """Widths of the first column (codes and names) and of each age-group column."""
        first_w = width * 2 // 6
        return first_w, (width - first_w) // len(BAND_CODES)

    def _row(self, labels: list[tuple[str, tuple[int, int, int], bool]], width: int) -> list:
        """One table row: each cell's text wrapped to its column at full size."""
        m = self.m
        first_w, band_w = self._columns(width)
        return [
            self.app.text.render(
                label, m.small, colour, (first_w if i == 0 else band_w) - m.pad, bold=bold
            )
            for i, (label, colour, bold) in enumerate(labels)
        ]

    def _rows(self, width: int) -> tuple[list, list[list], list]:
        """The header row, one row per code, and the totals row, rendered."""
        names = TACTICS if self.kind == "tactics" else SKILLS
        cells = self.coverage.tactics if self.kind == "tactics" else self.coverage.skills
        header = self._row(
            [(self._("Code"), theme.INK, True)]
            + [(label, theme.INK, True) for label in band_headers(self.app.tr)],
            width,
        )
        rows = []
        for code in self.codes():
            labels = [(f"{code} {self._(names[code].name)}", theme.INK, False)]
            for band in BAND_CODES:
                cell = cells[(code, band)]
                colour = theme.INK if cell.lessons else theme.INK_SOFT
                labels.append((cell_text(cell, self.coverage, self.app.tr), colour, False))
            rows.append(self._row(labels, width))
        t = 0 if self.kind == "tactics" else 2
        totals = [(self._("Covered"), theme.INK, True)]
        for band in BAND_CODES:
            done, expected = self.coverage.totals(band)[t : t + 2]
            label = self._("{done} of {expected}").format(
                done=self.app.tr.number(done), expected=self.app.tr.number(expected)
            )
            totals.append((label, theme.INK, True))
        return header, rows, self._row(totals, width)

    def _height(self, row: list) -> int:
        return max(self.row_height(), max(s.get_height() for s in row) + self.m.pad // 2)

    def build(self) -> None:
        """Tricks / Skills switch and the page button under the table.

        Rows are as tall as their wrapped text; a page holds as many rows as fit the
        window (at least three: with large text the page then scrolls).
        """
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        header, rows, totals = self._rows(area.width)
        labels = [
            ("tactics", self._("Tricks (tactics)")),
            ("skills", self._("Skills")),
        ]
        third = (area.width - 2 * m.pad) // 3
        bar_buttons = [
            Button(
                f"kind:{key}",
                label,
                pygame.Rect(0, 0, third, 1),
                "selected" if key == self.kind else "choice",
            )
            for key, label in labels
        ]
        more = Button(
            "page",
            self._("More ({page} of {pages})").format(page=9, pages=9),
            pygame.Rect(0, 0, third, 1),
            "quiet",
        )
        bar_h = max(
            [m.button_h] + [b.needed_height(self.app.text, m) for b in [*bar_buttons, more]]
        )
        room = area.height - bar_h - m.pad - self._height(header) - self._height(totals) - m.pad
        self.pages: list[list[int]] = [[]]
        used = 0
        for index, row in enumerate(rows):
            height = self._height(row)
            if len(self.pages[-1]) >= 3 and used + height > room:
                self.pages.append([])
                used = 0
            self.pages[-1].append(index)
            used += height
        self.page %= len(self.pages)
        self.table = (header, [rows[i] for i in self.pages[self.page]], totals)
        table_h = (
            self._height(header)
            + sum(self._height(r) for r in self.table[1])
            + m.pad // 2
            + self._height(totals)
        )
        self.table_rect = pygame.Rect(area.left, area.top, area.width, table_h)
        top = max(self.table_rect.bottom + m.pad, area.bottom - bar_h)
        for index, button in enumerate(bar_buttons):
            button.rect = pygame.Rect(area.left + index * (third + m.pad), top, third, bar_h)
            self.buttons.append(button)
        if len(self.pages) > 1:
            more.label = self._("More ({page} of {pages})").format(
                page=self.app.tr.number(self.page + 1), pages=self.app.tr.number(len(self.pages))
            )
            more.rect = pygame.Rect(area.right - third, top, third, bar_h)
            self.buttons.append(more)

    def on_button(self, key: str) -> None:
        """Switch between tricks and skills, or turn the page."""
        if key.startswith("kind:"):
            self.kind = key.split(":", 1)[1]
            self.page = 0
        elif key == "page":
            self.page += 1
        self.relayout()
        self.focus_on(key)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The table: a header row of age groups, a row per code on this page, the totals."""
        m = self.m
        area = self.table_rect
        first_w, band_w = self._columns(area.width)
        rtl = m.rtl

        def column_x(index: int) -> int:
            left = area.left if index == 0 else area.left + first_w + (index - 1) * band_w
            width = first_w if index == 0 else band_w
            return area.right - (left - area.left) - width if rtl else left

        def put(row: list, y: int) -> int:
            height = self._height(row)
            for index, surf in enumerate(row):
                width = (first_w if index == 0 else band_w) - m.pad
                x = column_x(index) + m.pad // 2
                if rtl:
                    x += width - surf.get_width()
                surface.blit(surf, (x, y + (height - surf.get_height()) // 2))
            return y + height

        header, rows, totals = self.table
        y = area.top
        band = pygame.Rect(area.left, y, area.width, self._height(header))
        pygame.draw.rect(surface, theme.BG_BAND, band, border_radius=m.radius // 2)
        y = put(header, y)
        for number, row in enumerate(rows, 1):
            if number % 2 == 0:
                pygame.draw.rect(
                    surface, theme.WHITE, (area.left, y, area.width, self._height(row))
                )
            y = put(row, y)
        put(totals, y + m.pad // 2)
