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
        """One table row: a line of small text with room around it."""
        return round(self.m.small * 1.9)

    def build(self) -> None:
        """Tricks / Skills switch and the page button under the table."""
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        bar = pygame.Rect(area.left, area.bottom - m.button_h, area.width, m.button_h)
        self.table_rect = pygame.Rect(area.left, area.top, area.width, bar.top - m.pad - area.top)
        self.rows_per_page = max(3, self.table_rect.height // self.row_height() - 2)
        pages = max(1, -(-len(self.codes()) // self.rows_per_page))
        self.page %= pages
        third = (area.width - 2 * m.pad) // 3
        labels = [
            ("tactics", self._("Tricks (tactics)")),
            ("skills", self._("Skills")),
        ]
        for index, (key, label) in enumerate(labels):
            rect = pygame.Rect(bar.left + index * (third + m.pad), bar.top, third, bar.height)
            self.buttons.append(
                Button(f"kind:{key}", label, rect, "selected" if key == self.kind else "choice")
            )
        if pages > 1:
            rect = pygame.Rect(bar.right - third, bar.top, third, bar.height)
            label = self._("More ({page} of {pages})").format(
                page=self.app.tr.number(self.page + 1), pages=self.app.tr.number(pages)
            )
            self.buttons.append(Button("page", label, rect, "quiet"))

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
        """The table: a header row of age groups, then one row per code on this page."""
        m = self.m
        area = self.table_rect
        text = self.app.text
        names = TACTICS if self.kind == "tactics" else SKILLS
        cells = self.coverage.tactics if self.kind == "tactics" else self.coverage.skills
        row_h = self.row_height()
        first_w = area.width * 2 // 6
        band_w = (area.width - first_w) // len(BAND_CODES)
        rtl = self.m.rtl

        def column_x(index: int) -> int:
            left = area.left if index == 0 else area.left + first_w + (index - 1) * band_w
            width = first_w if index == 0 else band_w
            return area.right - (left - area.left) - width if rtl else left

        def put(label: str, index: int, y: int, colour, bold: bool = False) -> None:
            # One line per cell: shrink long labels (extra-large text, long translations).
            width = (first_w if index == 0 else band_w) - m.pad
            for scale in (1.0, 0.85, 0.72, 0.6):
                surf = text.render(label, round(m.small * scale), colour, bold=bold)
                if surf.get_width() <= width:
                    break
            else:
                surf = text.render(label, round(m.small * 0.6), colour, width, bold=bold)
            x = column_x(index) + m.pad // 2
            if rtl:
                x += width - surf.get_width()
            surface.blit(surf, (x, y + (row_h - surf.get_height()) // 2))

        header = pygame.Rect(area.left, area.top, area.width, row_h)
        pygame.draw.rect(surface, theme.BG_BAND, header, border_radius=m.radius // 2)
        put(self._("Code"), 0, area.top, theme.INK, bold=True)
        for index, label in enumerate(band_headers(self.app.tr), 1):
            put(label, index, area.top, theme.INK, bold=True)
        start = self.page * self.rows_per_page
        codes = self.codes()[start : start + self.rows_per_page]
        for row, code in enumerate(codes, 1):
            y = area.top + row * row_h
            if row % 2 == 0:
                pygame.draw.rect(surface, theme.WHITE, (area.left, y, area.width, row_h))
            put(f"{code} {self._(names[code].name)}", 0, y, theme.INK)
            for index, band in enumerate(BAND_CODES, 1):
                cell = cells[(code, band)]
                colour = theme.INK if cell.lessons else theme.INK_SOFT
                put(cell_text(cell, self.coverage, self.app.tr), index, y, colour, bold=False)
        totals_y = area.top + (len(codes) + 1) * row_h + m.pad // 2
        t = 0 if self.kind == "tactics" else 2
        put(self._("Covered"), 0, totals_y, theme.INK, bold=True)
        for index, band in enumerate(BAND_CODES, 1):
            done, expected = self.coverage.totals(band)[t : t + 2]
            label = self._("{done} of {expected}").format(
                done=self.app.tr.number(done), expected=self.app.tr.number(expected)
            )
            put(label, index, totals_y, theme.INK, bold=True)
