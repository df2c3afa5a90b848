"""Badges: one per response skill practised (R01-R18). Never for "catching" anyone.

The screen shows the skills this age group's missions practise: earned badges as a
medal with the skill's own picture (``game.ui.badge_art``), the rest as a dashed ring
around a faint picture, marked "Not yet" (never "failed").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.taxonomy import SKILLS
from game.scenes.base import Scene
from game.scenes.lessons import lessons_for_band, turned_on
from game.scenes.open_folder import OPEN_FOLDER, natural_width, open_folder, open_folder_button
from game.ui import draw, theme
from game.ui.badge_art import badge_surface
from game.ui.layout import grid
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


def earned_skills(app, band: str) -> set[str]:
    """Skills practised in finished missions offered to *band*."""
    offered = {lesson.id for lesson in lessons_for_band(app.pack.lessons, band)}
    progress = app.profile.progress
    return {
        skill
        for lesson_id, entry in progress.lessons.items()
        if lesson_id in offered
        for skill in entry.skills
    }


def earnable_skills(app, band: str) -> list[str]:
    """Skills the band's missions practise, in curriculum order."""
    codes = {
        code
        for lesson in lessons_for_band(app.pack.lessons, band)
        for code in lesson.skills_practised
    }
    return sorted(codes) or sorted(SKILLS)


class BadgesScene(Scene):
    """A grid of skill badges for the chosen age group (and a certificate once it is done)."""

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.saved = False

    def title(self) -> str:
        """Header title."""
        return self._("My badges")

    def build(self) -> None:
        """The grid of badges, and a certificate button when every mission is finished.

        Badge names are never shrunk: with large text the badges go in fewer columns
        and grow taller, and the page scrolls.
        """
        from game.printing.certificate import band_complete

        m = self.m
        band = self.app.profile.settings.band or "K2"
        codes = earnable_skills(self.app, band)
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        complete = band_complete(turned_on(self.app), self.app.profile.progress, band)
        if complete:  # leave room for the certificate button
            area.height -= m.button_h + m.pad
        self.count_top = area.top
        count = self._count_label(area.width)
        area.top += count.get_height() + m.pad
        area.height -= count.get_height() + m.pad
        gap = m.px(12)
        widest = 4 if len(codes) > 9 else 3
        rows = max(1, -(-len(codes) // widest))
        roomy = min(m.px(150), (area.height - gap * (rows - 1)) // rows)
        self.medal = max(m.px(32), min(roomy - m.px(24), m.px(64)))
        # The most columns whose words fit and whose badges fit the window; else the most
        # columns whose words fit (the page then scrolls).
        layouts = []
        for columns in (widest + 1, widest, 3, 2, 1):
            cell_w = (area.width - gap * (columns - 1)) // columns
            if columns > 1 and not self._words_fit(codes, cell_w):
                continue
            rows = max(1, -(-len(codes) // columns))
            needed = max(self._badge_height(code, cell_w) for code in codes)
            cell_h = max(needed, min(m.px(150), (area.height - gap * (rows - 1)) // rows))
            layouts.append((rows * cell_h + (rows - 1) * gap <= area.height, columns, cell_h))
        fitting = [layout for layout in layouts if layout[0]]
        _fits, columns, cell_h = (fitting or layouts)[0]
        self.cells = grid(area, len(codes), columns, cell_h, gap, center=False)
        if m.rtl:  # the first badge at the top right (cells are not mirrored with buttons)
            for cell in self.cells:
                cell.x = m.width - cell.right
        self.codes = codes
        bottom = max((cell.bottom for cell in self.cells), default=area.top)
        self.extent = bottom
        if not complete:
            return
        top = max(area.bottom + m.pad, bottom + m.pad)
        rect = pygame.Rect(area.left, top, area.width, m.button_h)
        label = (
            self._("Certificate saved! Ask a grown-up to print it.")
            if self.saved
            else self._("Save my certificate")
        )
        button = Button(
            "certificate",
            label,
            rect,
            "action" if self.saved else "primary",
            icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            sublabel=self._where_saved() if self.saved else "",
        )
        folder = self.app.print_folder if self.saved else None
        opener = open_folder_button(self.app, folder, pygame.Rect(rect))
        row = [button, opener] if opener else [button]
        if opener:  # "Open folder" beside the certificate (mirrored in right-to-left)
            wide = natural_width(opener, self.app.text, m)
            opener.rect.width = min(max(area.width // 4, wide), area.width // 2)
            rect.width = area.width - opener.rect.width - m.pad
            opener.rect.left = rect.right + m.pad
        height = max(m.button_h, *(b.needed_height(self.app.text, m) for b in row))
        for each in row:
            each.rect.height = height
        self.buttons += row
        self.extent = max(self.extent, rect.bottom)

    def _where_saved(self) -> str:
        """'Saved in Documents › Signal Scouts': the print folder, named from the home folder."""
        from pathlib import Path

        from game.folder_names import friendly_folder

        folder = friendly_folder(self.app.print_folder, Path.home())
        return self._("Saved in {folder}").format(folder=folder)

    def _count_label(self, width: int) -> pygame.Surface:
        return self.app.text.render(self._count_text(), self.m.body, theme.INK_SOFT, width)

    def _text_width(self, cell_w: int) -> int:
        """Room for a badge's words beside its medal."""
        m = self.m
        return cell_w - m.px(14) - self.medal - m.px(22)

    def _words_fit(self, codes: list[str], cell_w: int) -> bool:
        """True when every word of every badge name fits beside the medal at full size."""
        m = self.m
        width = self._text_width(cell_w)
        for code in codes:
            for word in self._(SKILLS[code].name).split(" "):  # a no-break space holds
                label = self.app.text.render(word, m.small, theme.INK, bold=True)
                if label.get_width() > width:
                    return False
        return True

    def _labels(self, code: str, won: bool, width: int) -> tuple[pygame.Surface, pygame.Surface]:
        """A badge's name and its status ("Earned" or "Not yet"), at full size."""
        m = self.m
        text = self.app.text
        name = text.render(self._(SKILLS[code].name), m.small, theme.INK, width, bold=True)
        status = self._("Earned") if won else self._("Not yet")
        color = theme.GOOD if won else theme.INK_SOFT
        return name, text.render(status, m.small, color, width, bold=won)

    def _badge_height(self, code: str, cell_w: int) -> int:
        """How tall a badge must be to hold its words (and its medal)."""
        m = self.m
        name, note = self._labels(code, False, self._text_width(cell_w))
        return max(self.medal, name.get_height() + note.get_height()) + m.px(24)

    def narration_body(self) -> list[Line]:
        """How many badges are earned (the badges themselves are pictures)."""
        return [self.say.said(self._count_text())]

    def _count_text(self) -> str:
        """'N of M badges earned. ...' for the age group."""
        band = self.app.profile.settings.band or "K2"
        codes = earnable_skills(self.app, band)
        earned = earned_skills(self.app, band)
        return self.app.tr.ngettext(
            "{n} of {total} badge earned. Every mission you play practises more skills.",
            "{n} of {total} badges earned. Every mission you play practises more skills.",
            len(codes),
        ).format(
            n=self.app.tr.number(len(earned & set(codes))), total=self.app.tr.number(len(codes))
        )

    def on_button(self, key: str) -> None:
        """Save the certificate PDF into the grown-ups' print folder."""
        from game.scenes.printables import save_certificate

        if key == "certificate":
            band = self.app.profile.settings.band or "K2"
            self.saved, _message = save_certificate(self.app, band, turned_on(self.app))
            self.relayout()
            self.focus_on("certificate")
        elif key == OPEN_FOLDER and self.saved:
            open_folder(self.app, self.app.print_folder)  # the button's line says where anyway

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """Badges only change between visits, so the whole grid is drawn once."""
        m = self.m
        band = self.app.profile.settings.band or "K2"
        earned = earned_skills(self.app, band)
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        count = self._count_label(area.width)
        surface.blit(count, self.start_pos(area, count, self.count_top))
        for code, cell in zip(self.codes, self.cells, strict=True):
            self._badge(surface, cell, code, code in earned)

    def _badge(self, surface: pygame.Surface, cell: pygame.Rect, code: str, won: bool) -> None:
        m = self.m
        draw.card(
            surface,
            cell,
            theme.WHITE if won else theme.BG_BAND,
            m.radius,
            border=theme.ACCENT if won else theme.OUTLINE,
            shadow=m.px(3) if won else 0,
        )
        medal = self.medal
        center = (cell.left + m.px(14) + medal // 2, cell.centery)
        if m.rtl:
            center = (cell.right - m.px(14) - medal // 2, cell.centery)
        art = badge_surface(code, medal, won, theme.PALETTE)  # drawn once per size
        surface.blit(art, art.get_rect(center=center))
        width = self._text_width(cell.width)
        name, note = self._labels(code, won, width)
        x = center[0] + medal // 2 + m.px(12)
        top = cell.centery - (name.get_height() + note.get_height()) // 2
        if m.rtl:  # the words start at the right, beside the medal
            right = center[0] - medal // 2 - m.px(12)
            surface.blit(name, (right - name.get_width(), top))
            surface.blit(note, (right - note.get_width(), top + name.get_height()))
            return
        surface.blit(name, (x, top))
        surface.blit(note, (x, top + name.get_height()))
