"""Badges: one per response skill practised (R01-R18). Never for "catching" anyone.

The screen shows the skills this age group's missions practise: earned badges in
colour with a tick, the rest as outlines marked "Not yet" (never "failed").
"""

from __future__ import annotations

import pygame

from game.content.taxonomy import SKILLS
from game.scenes.base import Scene
from game.scenes.lessons import lessons_for_band, turned_on
from game.ui import draw, theme
from game.ui.layout import grid
from game.ui.widgets import Button


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
        """A certificate button when every mission of the age group is finished."""
        from game.printing.certificate import band_complete

        m = self.m
        band = self.app.profile.settings.band or "K2"
        if not band_complete(turned_on(self.app), self.app.profile.progress, band):
            return
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        rect = pygame.Rect(area.left, area.bottom - m.button_h, area.width, m.button_h)
        label = (
            self._("Certificate saved! Ask a grown-up to print it.")
            if self.saved
            else self._("Save my certificate")
        )
        self.buttons.append(
            Button(
                "certificate",
                label,
                rect,
                "action" if self.saved else "primary",
                icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            )
        )

    def on_button(self, key: str) -> None:
        """Save the certificate PDF into the grown-ups' print folder."""
        from game.scenes.printables import save_certificate

        if key == "certificate":
            band = self.app.profile.settings.band or "K2"
            self.saved, _message = save_certificate(self.app, band, turned_on(self.app))
            self.relayout()
            self.focus_on("certificate")

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """Badges only change between visits, so the whole grid is drawn once."""
        m = self.m
        text = self.app.text
        band = self.app.profile.settings.band or "K2"
        codes = earnable_skills(self.app, band)
        earned = earned_skills(self.app, band)
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        if self.buttons:  # leave room for the certificate button
            area.height -= m.button_h + m.pad
        count = text.render(
            self.app.tr.ngettext(
                "{n} of {total} badge earned. Every mission you play practises more skills.",
                "{n} of {total} badges earned. Every mission you play practises more skills.",
                len(codes),
            ).format(
                n=self.app.tr.number(len(earned & set(codes))), total=self.app.tr.number(len(codes))
            ),
            m.body,
            theme.INK_SOFT,
            area.width,
        )
        surface.blit(count, self.start_pos(area, count, area.top))
        area.top += count.get_height() + m.pad
        area.height -= count.get_height() + m.pad
        columns = 4 if len(codes) > 9 else 3
        rows = max(1, -(-len(codes) // columns))
        cell_h = min(m.px(150), (area.height - m.px(12) * (rows - 1)) // rows)
        for code, cell in zip(
            codes, grid(area, len(codes), columns, cell_h, m.px(12), center=False), strict=True
        ):
            self._badge(surface, cell, code, code in earned)

    def _badge(self, surface: pygame.Surface, cell: pygame.Rect, code: str, won: bool) -> None:
        m = self.m
        text = self.app.text
        skill = SKILLS[code]
        draw.card(
            surface,
            cell,
            theme.WHITE if won else theme.BG_BAND,
            m.radius,
            border=theme.ACCENT if won else theme.SHADOW,
            shadow=m.px(3) if won else 0,
        )
        medal = min(cell.height - m.px(24), m.px(64))
        center = (cell.left + m.px(14) + medal // 2, cell.centery)
        if won:
            pygame.draw.circle(surface, theme.ACCENT, center, medal // 2)
            draw.star(surface, center, round(medal * 0.7), theme.WHITE)
        else:
            pygame.draw.circle(surface, theme.SHADOW, center, medal // 2, max(2, medal // 14))
        width = cell.right - center[0] - medal // 2 - m.px(22)
        size = max(12, min(m.small, round(cell.height / 5.5)))
        name = text.render(self._(skill.name), size, theme.INK, width, bold=True)
        status = self._("Earned") if won else self._("Not yet")
        note = text.render(
            status, max(12, size - 2), theme.GOOD if won else theme.INK_SOFT, width, bold=won
        )
        x = center[0] + medal // 2 + m.px(12)
        top = cell.centery - (name.get_height() + note.get_height()) // 2
        surface.blit(name, (x, top))
        surface.blit(note, (x, top + name.get_height()))
