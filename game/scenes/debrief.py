"""The end of a mission: key message, the band's response steps and reassurance."""

from __future__ import annotations

import pygame

from game.content.taxonomy import BANDS, TACTICS
from game.scenes.base import Scene
from game.session import LessonSession
from game.ui import draw, theme
from game.ui.widgets import Button


class DebriefScene(Scene):
    """Shown after the last step; saves progress once."""

    def __init__(self, app, session: LessonSession) -> None:  # noqa: D107
        super().__init__(app)
        self.session = session
        self.lesson = session.lesson

    def enter(self) -> None:
        """Record the finished mission in the progress file, then lay out."""
        progress = self.app.profile.progress
        progress.record(self.lesson.id, self.session.stars, self.session.skills)
        self.app.profile.save_progress()
        super().enter()

    def title(self) -> str:
        """Header title."""
        return self._("Mission complete!")

    def build(self) -> None:
        """Play again, or back to the missions."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        width = (area.width - m.pad) // 2
        y = area.bottom - m.button_h
        self.buttons = [
            Button(
                "missions",
                self._("More missions"),
                pygame.Rect(area.left, y, width, m.button_h),
                "primary",
            ),
            Button(
                "again",
                self._("Play again"),
                pygame.Rect(area.left + width + m.pad, y, width, m.button_h),
                "secondary",
            ),
        ]

    def on_button(self, key: str) -> None:
        """Replay the lesson or return to the list."""
        if key == "again":
            from game.scenes.chat import ChatScene

            self.app.replace(ChatScene(self.app, self.lesson))
        elif key == "missions":
            self.app.pop()

    def draw_content(self, surface: pygame.Surface) -> None:
        """Key message, steps to remember, reassurance and red flags spotted."""
        m = self.m
        text = self.app.text
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        area.height -= m.button_h + m.pad
        left = pygame.Rect(area.left, area.top, round(area.width * 0.56), area.height)
        right = pygame.Rect(
            left.right + m.pad, area.top, area.right - left.right - m.pad, area.height
        )

        draw.card(surface, left, theme.SCOUT_BG, m.radius, shadow=m.px(4))
        inner = left.inflate(-2 * m.pad, -2 * m.pad)
        y = inner.top
        icon = m.px(64)
        draw.avatar(surface, (inner.left + icon // 2, y + icon // 2 + m.px(4)), icon, "scout")
        key_message = self.app.tr.pgettext(f"{self.lesson.id}/key_message", self.lesson.key_message)
        msg = text.render(key_message, m.font(30), theme.INK, inner.width - icon - m.pad, bold=True)
        surface.blit(msg, (inner.left + icon + m.pad, y))
        y += max(icon, msg.get_height()) + m.pad
        label = text.render(self._("Remember:"), m.body, theme.INK_SOFT, inner.width, bold=True)
        surface.blit(label, (inner.left, y))
        y += label.get_height() + m.px(8)
        y = self._draw_sequence(surface, inner, y)
        if self.lesson.sensitivity_level >= 2:
            y += m.pad
            for line in (
                self._("It's not your fault."),
                self._("You won't be in trouble for telling."),
                self._("It's never too late to tell."),
            ):
                size = m.small
                draw.check(
                    surface, (inner.left + size // 2, y + size // 2 + m.px(4)), size, theme.GOOD
                )
                body = text.render(line, m.font(22), theme.INK, inner.width - size * 2)
                surface.blit(body, (inner.left + size + m.px(10), y))
                y += body.get_height() + m.px(4)

        draw.card(surface, right, theme.WHITE, m.radius, shadow=m.px(4))
        inner = right.inflate(-2 * m.pad, -2 * m.pad)
        y = inner.top
        stars = sum(self.session.stars.values())
        star_size = m.px(46)
        draw.star(
            surface,
            (inner.left + star_size // 2, y + star_size // 2),
            star_size,
            theme.ACCENT,
            theme.INK,
        )
        count = text.render(
            self.app.tr.ngettext("{n} star earned", "{n} stars earned", stars).format(n=stars),
            m.font(30),
            theme.INK,
            inner.width - star_size - m.pad,
            bold=True,
        )
        surface.blit(
            count, (inner.left + star_size + m.px(12), y + (star_size - count.get_height()) // 2)
        )
        y += star_size + m.pad
        spotted = self.session.flags_spotted()
        heading = self._("Red flags you learned to spot:") if spotted else ""
        if heading:
            label = text.render(heading, m.body, theme.INK_SOFT, inner.width, bold=True)
            surface.blit(label, (inner.left, y))
            y += label.get_height() + m.px(8)
        for code in spotted:
            name = text.render(
                self._(TACTICS[code].name), m.small, theme.FLAG, inner.width - m.px(40), bold=True
            )
            if y + name.get_height() > inner.bottom:
                break
            draw.flag(
                surface, (inner.left + m.px(14), y + name.get_height() // 2), m.px(26), theme.FLAG
            )
            surface.blit(name, (inner.left + m.px(40), y))
            y += name.get_height() + m.px(8)

    def _draw_sequence(self, surface: pygame.Surface, inner: pygame.Rect, y: int) -> int:
        """The band's response steps as chips joined by arrows, wrapping onto new rows."""
        m = self.m
        x = inner.left
        row_h = 0
        steps = BANDS[self.lesson.grade_band].sequence
        arrow_w = m.px(30)
        for index, step in enumerate(steps):
            label = self.app.text.render(self._(step), m.small, theme.WHITE, bold=True)
            chip = pygame.Rect(0, 0, label.get_width() + m.px(24), label.get_height() + m.px(12))
            needed = chip.width + (arrow_w if index < len(steps) - 1 else 0)
            if x > inner.left and x + needed > inner.right:
                x = inner.left
                y += row_h + m.px(10)
            chip.topleft = (x, y)
            pygame.draw.rect(surface, theme.PRIMARY, chip, border_radius=chip.height // 2)
            surface.blit(label, (chip.left + m.px(12), chip.top + m.px(6)))
            x = chip.right
            row_h = chip.height
            if index < len(steps) - 1:
                draw.arrow(surface, (x + arrow_w // 2, chip.centery), m.px(20), theme.ACCENT)
                x += arrow_w
        return y + row_h
