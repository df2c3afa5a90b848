"""The help screen: static advice and helplines. No text box, nothing is logged."""

from __future__ import annotations

import pygame

from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.flow import Block, card_row


class HelpScene(Scene):
    """Opened by the Help button on every screen."""

    has_help = False

    def title(self) -> str:
        """Header title."""
        return self._("Need help?")

    def _advice(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        blocks = [
            Block(
                text.render(
                    self._("If something online gives you an uh-oh feeling:"),
                    round(m.font(28) * scale),
                    theme.INK,
                    width,
                    bold=True,
                )
            )
        ]
        size = round(m.font(22) * scale)
        tick = round(size * 1.1)
        steps = [
            self._("Stop. You don't have to answer."),
            self._("Don't delete it. Show a grown-up you trust."),
            self._(
                "Tell a parent, a teacher or another grown-up. If they don't help, tell "
                "another one."
            ),
            self._("It's never too late to tell, and it's not your fault."),
        ]
        for line in steps:
            blocks.append(
                Block(
                    text.render(line, size, theme.INK, width - tick - m.px(12)),
                    gap_before=m.px(12),
                    indent=tick + m.px(12),
                    icon_size=tick,
                    icon=lambda s, c, z: draw.check(s, c, z, theme.GOOD),
                )
            )
        return blocks

    def _services(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        code, country = self.app.helplines.for_country(self.app.profile.settings.country)
        small = round(m.small * scale)
        blocks = [
            Block(
                text.render(
                    self._("People who can help ({country})").format(
                        country=self.app.country_name(code)
                    ),
                    round(m.font(28) * scale),
                    theme.INK,
                    width,
                    bold=True,
                )
            )
        ]
        for service in country.services:
            blocks.append(
                Block(
                    text.render(
                        service.name,
                        round(m.font(22) * scale),
                        theme.PRIMARY_DARK,
                        width,
                        bold=True,
                    ),
                    gap_before=m.px(12),
                )
            )
            parts = [
                self._("Call {number}").format(number=service.phone) if service.phone else "",
                self._("Text {number}").format(number=service.text) if service.text else "",
                service.web or "",
            ]
            blocks.append(
                Block(
                    text.render(
                        "   ".join(p for p in parts if p), small, theme.INK, width, bold=True
                    )
                )
            )
            blocks.append(
                Block(
                    text.render(
                        self.app.tr.pgettext(f"helpline/{code}", service.what),
                        small,
                        theme.INK_SOFT,
                        width,
                    )
                )
            )
        blocks.append(
            Block(
                text.render(
                    self._("This game never sends or saves anything you do here."),
                    round(m.font(18) * scale),
                    theme.INK_SOFT,
                    width,
                ),
                gap_before=m.px(14),
            )
        )
        return blocks

    def draw_content(self, surface: pygame.Surface) -> None:
        """Trusted-adult steps on the left, the country's helplines on the right."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        card_row(
            surface,
            area,
            m,
            [((0.47), theme.SCOUT_BG, self._advice), (1.0, theme.WHITE, self._services)],
        )
