"""The help screen: static advice and helplines. No text box, nothing is logged."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme


class HelpScene(Scene):
    """Opened by the Help button on every screen."""

    has_help = False

    def title(self) -> str:
        """Header title."""
        return self._("Need help?")

    def draw_content(self, surface: pygame.Surface) -> None:
        """Trusted-adult steps on the left, the country's helplines on the right."""
        m = self.m
        text = self.app.text
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        left = pygame.Rect(area.left, area.top, round(area.width * 0.47), area.height)
        right = pygame.Rect(
            left.right + m.pad, area.top, area.right - left.right - m.pad, area.height
        )
        draw.card(surface, left, theme.SCOUT_BG, m.radius, shadow=m.px(4))
        draw.card(surface, right, theme.WHITE, m.radius, shadow=m.px(4))

        inner = left.inflate(-2 * m.pad, -2 * m.pad)
        y = inner.top
        heading = text.render(
            self._("If something online gives you an uh-oh feeling:"),
            m.font(28),
            theme.INK,
            inner.width,
            bold=True,
        )
        surface.blit(heading, (inner.left, y))
        y += heading.get_height() + m.px(12)
        steps = [
            self._("Stop. You don't have to answer."),
            self._("Don't delete it. Show a grown-up you trust."),
            self._(
                "Tell a parent, a teacher or another grown-up. If they don't help, tell another "
                "one."
            ),
            self._("It's never too late to tell, and it's not your fault."),
        ]
        bullet = m.font(24)
        for line in steps:
            draw.check(
                surface, (inner.left + bullet // 2, y + bullet // 2 + m.px(4)), bullet, theme.GOOD
            )
            body = text.render(line, m.font(22), theme.INK, inner.width - bullet - m.pad)
            surface.blit(body, (inner.left + bullet + m.px(12), y))
            y += body.get_height() + m.px(10)

        inner = right.inflate(-2 * m.pad, -2 * m.pad)
        code, country = self.app.helplines.for_country(self.app.profile.settings.country)
        y = inner.top
        heading = text.render(
            self._("People who can help ({country})").format(country=country.name),
            m.font(28),
            theme.INK,
            inner.width,
            bold=True,
        )
        surface.blit(heading, (inner.left, y))
        y += heading.get_height() + m.px(10)
        for service in country.services:
            name = text.render(service.name, m.font(22), theme.PRIMARY_DARK, inner.width, bold=True)
            surface.blit(name, (inner.left, y))
            y += name.get_height()
            contact = "   ".join(
                part
                for part in (
                    self._("Call {number}").format(number=service.phone) if service.phone else "",
                    self._("Text {number}").format(number=service.text) if service.text else "",
                    service.web or "",
                )
                if part
            )
            line = text.render(contact, m.small, theme.INK, inner.width, bold=True)
            surface.blit(line, (inner.left, y))
            y += line.get_height()
            what = text.render(
                self.app.tr.pgettext(f"helpline/{code}", service.what),
                m.small,
                theme.INK_SOFT,
                inner.width,
            )
            surface.blit(what, (inner.left, y))
            y += what.get_height() + m.px(10)
        note = text.render(
            self._("This game never sends or saves anything you do here."),
            m.font(18),
            theme.INK_SOFT,
            inner.width,
        )
        surface.blit(note, (inner.left, min(y, inner.bottom - note.get_height())))
