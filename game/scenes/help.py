"""The help screen: static advice and helplines. No text box, nothing is logged.

What it says fits who reads it: a child sees the steps and the services of their age
group, in its words (``game.help_steps``, ``game.helplines``); grown-ups' screens show
every service in full. Where the country is not listed, it shows the international
directory and asks a grown-up to choose the country, never another country's numbers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.help_steps import child_audience, help_steps
from game.helplines import ADULT, Service
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.flow import Block, card_row, cards_bottom

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line


class HelpScene(Scene):
    """Opened by the Help button on every screen."""

    has_help = False

    def __init__(self, app: App, audience: str | None = None) -> None:  # noqa: D107
        super().__init__(app)
        self._audience = audience

    @property
    def audience(self) -> str:
        """Who reads: an age group, or ADULT.

        None (the default) means the child's group from settings; before a child has
        chosen one, the youngest group's words.
        """
        if self._audience == ADULT:
            return ADULT
        return child_audience(self._audience or self.app.profile.settings.band)

    def title(self) -> str:
        """Header title."""
        return self._("Need help?")

    def narration_body(self) -> list[Line]:
        """The steps to take, then who can help: each service, how to reach it, what it does."""
        say = self.say
        steps = help_steps(self.audience)
        lines = [say.ui(steps.heading)] + [say.ui(step) for step in steps.steps]
        local = self.app.local_help()
        if local.known:
            name = self.app.country_name(local.code)
            lines.append(say.ui("People who can help ({country})", country=name))
        else:
            lines.append(say.ui("People who can help"))
        services = local.services(self.audience)
        for service in services:
            lines.append(say.plain(service.name))
            parts = [
                self._("Call {number}").format(number=service.phone) if service.phone else "",
                self._("Text {number}").format(number=service.text) if service.text else "",
                service.web or "",
            ]
            lines.append(say.plain("   ".join(filter(None, parts))))
            lines.append(say.said(local.describe(service, self.audience, self.app.tr)))
        if not services:
            lines.append(
                say.ui(
                    "Your trusted grown-ups are your helpers. They can find more help for you."
                )
            )
        if not local.known:
            lines.append(say.ui("A grown-up can choose your country in Settings."))
        lines.append(say.ui("This game never sends or saves anything you do here."))
        return lines

    def _advice(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        steps = help_steps(self.audience)
        blocks = [
            Block(
                text.render(
                    self._(steps.heading), round(m.font(28) * scale), theme.INK, width, bold=True
                )
            )
        ]
        size = round(m.font(22) * scale)
        tick = round(size * 1.1)
        for line in steps.steps:
            blocks.append(
                Block(
                    text.render(self._(line), size, theme.INK, width - tick - m.px(12)),
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
        local = self.app.local_help()
        audience = self.audience
        small = round(m.small * scale)
        heading = (
            self._("People who can help ({country})").format(
                country=self.app.country_name(local.code)
            )
            if local.known
            else self._("People who can help")
        )
        size = round(m.font(28) * scale)
        blocks = [Block(text.render(heading, size, theme.INK, width, bold=True))]
        services = local.services(audience)
        for service in services:
            what = local.describe(service, audience, self.app.tr)
            blocks += self._service(service, what, width, scale)
        if not services:
            blocks.append(
                Block(
                    text.render(
                        self._(
                            "Your trusted grown-ups are your helpers. They can find more help "
                            "for you."
                        ),
                        round(m.font(22) * scale),
                        theme.INK,
                        width,
                    ),
                    gap_before=m.px(12),
                )
            )
        if not local.known:
            blocks.append(
                Block(
                    text.render(
                        self._("A grown-up can choose your country in Settings."),
                        small,
                        theme.INK,
                        width,
                        bold=True,
                    ),
                    gap_before=m.px(14),
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

    def _service(self, service: Service, what: str, width: int, scale: float) -> list[Block]:
        """A service's name, how to reach it and what it is for."""
        m = self.m
        text = self.app.text
        small = round(m.small * scale)
        parts = [
            self._("Call {number}").format(number=service.phone) if service.phone else "",
            self._("Text {number}").format(number=service.text) if service.text else "",
            service.web or "",
        ]
        return [
            Block(
                text.render(
                    service.name, round(m.font(22) * scale), theme.PRIMARY_DARK, width, bold=True
                ),
                gap_before=m.px(12),
            ),
            Block(text.render("   ".join(filter(None, parts)), small, theme.INK, width, bold=True)),
            Block(text.render(what, small, theme.INK_SOFT, width)),
        ]

    def _cards(self) -> list:
        return [(0.47, theme.SCOUT_BG, self._advice), (1.0, theme.WHITE, self._services)]

    def build(self) -> None:
        """Room for the two cards: side by side, or one under the other with large text."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.extent = cards_bottom(area, m, self._cards())

    def draw_content(self, surface: pygame.Surface) -> None:
        """Trusted-adult steps on the left, the country's helplines on the right."""
        m = self.m
        card_row(surface, self.content_rect().inflate(-2 * m.pad, -2 * m.pad), m, self._cards())
