"""Buttons: the one kind of control in the game, usable by mouse, touch and keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.ui import draw, theme
from game.ui.text import TextCache
from game.ui.theme import Color, Metrics

IconFn = Callable[[pygame.Surface, tuple[int, int], int], None]

STYLES: dict[str, tuple[Color, Color, Color | None]] = {
    # style: (fill, text, border)
    "primary": (theme.PRIMARY, theme.WHITE, None),
    "secondary": (theme.WHITE, theme.INK, theme.PRIMARY),
    "choice": (theme.WHITE, theme.INK, theme.PRIMARY),
    "action": (theme.GOOD_BG, theme.INK, theme.GOOD),
    "quiet": (theme.BG_BAND, theme.INK, None),
    "selected": (theme.PRIMARY_DARK, theme.WHITE, theme.ACCENT),
}


@dataclass
class Button:
    """A clickable, focusable control with a text label and an optional drawn icon."""

    key: str
    label: str
    rect: pygame.Rect
    style: str = "primary"
    icon: IconFn | None = None
    align: str = "center"
    bold: bool = True
    text_size: int | None = None
    sublabel: str = ""
    icon_scale: float = 1.2
    icon_above: bool = False
    lang: str | None = None

    def _icon_width(self, size: int) -> int:
        return round(size * (self.icon_scale + 0.4)) if self.icon and not self.icon_above else 0

    def _label(
        self, text: TextCache, m: Metrics, ink: Color, *, fit: bool = True
    ) -> pygame.Surface:
        """The label (and sublabel) block, shrunk (with *fit*) until it fits the button.

        Long translations and the largest text size never spill out of a button.
        """
        base = self.text_size or m.body
        height = self.rect.height - m.px(8)
        for factor in (1.0, 0.9, 0.8, 0.7, 0.62, 0.55) if fit else (1.0,):
            size = max(12, round(base * factor))
            block = self._label_at(text, m, ink, size, max(12, round(m.small * factor)))
            width = max(10, self.rect.width - 2 * m.pad - self._icon_width(size))
            if block.get_height() <= height and block.get_width() <= width:
                break
        return block

    def _label_at(
        self, text: TextCache, m: Metrics, ink: Color, size: int, small: int
    ) -> pygame.Surface:
        width = max(10, self.rect.width - 2 * m.pad - self._icon_width(size))
        align = "left" if self.align == "left" else "center"
        label = text.render(
            self.label, size, ink, width, bold=self.bold, align=align, lang=self.lang
        )
        if not self.sublabel:
            return label
        sub = text.render(self.sublabel, small, ink, width, align=align)
        block = pygame.Surface(
            (max(label.get_width(), sub.get_width()), label.get_height() + sub.get_height()),
            pygame.SRCALPHA,
        )
        for line, y in ((label, 0), (sub, label.get_height())):
            if align != "left":
                x = (block.get_width() - line.get_width()) // 2
            else:  # start-aligned: the right edge in right-to-left layouts
                x = block.get_width() - line.get_width() if m.rtl else 0
            block.blit(line, (x, y))
        return block

    def draw(self, surface: pygame.Surface, text: TextCache, m: Metrics, focused: bool) -> None:
        """Draw the button (and its focus ring when it has keyboard focus)."""
        fill, ink, border = STYLES[self.style]
        draw.card(surface, self.rect, fill, m.radius, border=border, shadow=m.px(4))
        size = self.text_size or m.body
        icon_px = round(size * self.icon_scale)
        icon_w = self._icon_width(size)
        inner = self.rect.inflate(-2 * m.pad, -m.px(12))
        label = self._label(text, m, ink)
        if self.icon and self.icon_above:
            total = icon_px + m.px(10) + label.get_height()
            top = self.rect.centery - total // 2
            self.icon(surface, (self.rect.centerx, top + icon_px // 2), icon_px)
            label_pos = label.get_rect(midtop=(self.rect.centerx, top + icon_px + m.px(10)))
        elif self.icon:
            if self.align == "left" and m.rtl:
                icon_center = (inner.right - icon_px // 2, self.rect.centery)
                label_pos = label.get_rect(midright=(inner.right - icon_w, self.rect.centery))
            elif self.align == "left":
                icon_center = (inner.left + icon_px // 2, self.rect.centery)
                label_pos = label.get_rect(midleft=(inner.left + icon_w, self.rect.centery))
            else:
                left = self.rect.centerx - (icon_w + label.get_width()) // 2
                icon_center = (left + icon_px // 2, self.rect.centery)
                label_pos = label.get_rect(midleft=(left + icon_w, self.rect.centery))
            self.icon(surface, icon_center, icon_px)
        elif self.align == "left" and m.rtl:
            label_pos = label.get_rect(midright=(inner.right, self.rect.centery))
        elif self.align == "left":
            label_pos = label.get_rect(midleft=(inner.left, self.rect.centery))
        else:
            label_pos = label.get_rect(center=self.rect.center)
        surface.blit(label, label_pos)
        if focused:
            draw.focus_ring(surface, self.rect, m.radius, m.unit)

    def needed_height(self, text: TextCache, m: Metrics) -> int:
        """Height that fits the wrapped label, never below a big touch target.

        The minimum follows the button's own text size, so a list that shrinks its text
        to fit the screen also shrinks its rows (never below 48 pixels).
        """
        size = self.text_size or m.body
        minimum = max(48, m.px(56), round(size * 2.4))
        return max(minimum, self._label(text, m, theme.INK, fit=False).get_height() + m.px(24))
