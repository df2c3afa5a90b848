"""Buttons: the one kind of control in the game, usable by mouse, touch and keyboard."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ClassVar

import pygame

from game.ui import draw, theme
from game.ui.text import TextCache, is_cjk
from game.ui.theme import Color, Metrics

IconFn = Callable[[pygame.Surface, tuple[int, int], int], None]
#: How far over its box an icon above a label may reach (avatars' ears and hair).
ICON_REACH = 1.3

#: Per style: (fill, text, border), as palette colour names (read from the palette in
#: use, so high contrast restyles every button).
STYLES = theme.Themed(
    {
        "primary": ("PRIMARY", "WHITE", None),
        "secondary": ("WHITE", "INK", "PRIMARY"),
        "choice": ("WHITE", "INK", "PRIMARY"),
        "action": ("GOOD_BG", "INK", "GOOD"),
        "quiet": ("BG_BAND", "INK", None),
        "selected": ("PRIMARY_DARK", "WHITE", "ACCENT"),
    }
)


def sink(m: Metrics) -> int:
    """How far a pressed button moves down (px): a small nudge, never under 2 px."""
    return max(2, m.px(3))


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
    #: The sublabel's language when it is not the UI's (None: the UI's language).
    sublabel_lang: str | None = None
    #: Keep each button's drawing for the next frame (a layout audit turns this off to
    #: see every label and card drawn where it lands).
    keep_drawings: ClassVar[bool] = True
    #: The button as last drawn (margin around it included) and what it was drawn from.
    _baked: tuple[tuple, pygame.Surface] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    def _icon_width(self, size: int) -> int:
        return round(size * (self.icon_scale + 0.4)) if self.icon and not self.icon_above else 0

    def _label(self, text: TextCache, m: Metrics, ink: Color) -> pygame.Surface:
        """The label (and sublabel) block, wrapped to the button's width at full size.

        Text is never shrunk to fit: screens make a button as tall as
        :meth:`needed_height` says (and the page scrolls when that is taller than the
        window).
        """
        base = self.text_size or m.body
        return self._label_at(text, m, ink, base, m.small)

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
        sub = text.render(self.sublabel, small, ink, width, align=align, lang=self.sublabel_lang)
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

    def draw(
        self,
        surface: pygame.Surface,
        text: TextCache,
        m: Metrics,
        focused: bool,
        *,
        pressed: bool = False,
    ) -> None:
        """Draw the button (and its focus ring when it has keyboard focus).

        A *pressed* button (held down, or just pressed by a key or switch) looks pushed
        in: a little lower, with a shorter shadow and a bolder edge (see :func:`sink`).
        The drawing is kept and re-used while nothing it depends on changes; a label being
        read aloud (its word lit up) is drawn afresh.
        """
        reading = text.highlight is not None and text.highlight[0] in (self.label, self.sublabel)
        if reading or not Button.keep_drawings:
            self._draw(surface, text, m, focused, pressed)
            return
        key = (
            self.label,
            self.sublabel,
            self.style,
            self.rect.size,
            self.icon,
            self.align,
            self.bold,
            self.text_size,
            self.icon_scale,
            self.icon_above,
            self.lang,
            self.sublabel_lang,
            focused,
            pressed,
            m,
            theme.PALETTE,
            text.language,
            text.fonts.reading,
        )
        margin = m.px(24)
        if self._baked is None or self._baked[0] != key:
            size = (self.rect.width + 2 * margin, self.rect.height + 2 * margin)
            baked = pygame.Surface(size, pygame.SRCALPHA)
            at = self.rect.copy()
            self.rect = pygame.Rect(margin, margin, at.width, at.height)
            try:
                self._draw(baked, text, m, focused, pressed)
            finally:
                self.rect = at
            self._baked = (key, baked)
        surface.blit(self._baked[1], (self.rect.left - margin, self.rect.top - margin))

    def _draw(
        self, surface: pygame.Surface, text: TextCache, m: Metrics, focused: bool, pressed: bool
    ) -> None:
        """Draw the button; a pressed one sits lower on a shorter shadow (its bottom stays)."""
        if not pressed:
            self._draw_face(surface, text, m, focused, m.px(4), pressed=False)
            return
        depth = sink(m)
        at = self.rect
        self.rect = at.move(0, depth)
        try:
            self._draw_face(surface, text, m, focused, m.px(4) - depth, pressed=True)
        finally:
            self.rect = at

    def _draw_face(
        self,
        surface: pygame.Surface,
        text: TextCache,
        m: Metrics,
        focused: bool,
        shadow: int,
        *,
        pressed: bool,
    ) -> None:
        fill, ink, border = STYLES[self.style]
        draw.card(surface, self.rect, fill, m.radius, border=border, shadow=shadow)
        if pressed:  # a bolder edge too: pushed in by shape, not by colour alone
            edge = border or theme.PRIMARY_DARK
            pygame.draw.rect(
                surface, edge, self.rect, width=max(3, m.px(4)), border_radius=m.radius
            )
        size = self.text_size or m.body
        icon_px = round(size * self.icon_scale)
        icon_w = self._icon_width(size)
        inner = self.rect.inflate(-2 * m.pad, -m.px(12))
        label = self._label(text, m, ink)
        if self.icon and self.icon_above:
            # Room over the icon for what sticks out of it (a bunny's ears).
            reach = round(icon_px * ICON_REACH)
            total = reach + m.px(10) + label.get_height()
            top = self.rect.centery - total // 2
            self.icon(surface, (self.rect.centerx, top + reach - icon_px // 2), icon_px)
            label_pos = label.get_rect(midtop=(self.rect.centerx, top + reach + m.px(10)))
        elif self.icon:
            if self.align == "left" and m.rtl:
                icon_center = (inner.right - icon_px // 2, self.rect.centery)
                label_pos = label.get_rect(midright=(inner.right - icon_w, self.rect.centery))
            elif self.align == "left":
                icon_center = (inner.left + icon_px // 2, self.rect.centery)
                label_pos = label.get_rect(midleft=(inner.left + icon_w, self.rect.centery))
            else:  # centred: the icon leads the label (on its right in right-to-left)
                left = self.rect.centerx - (icon_w + label.get_width()) // 2
                if m.rtl:
                    right = left + label.get_width() + icon_w
                    icon_center = (right - icon_px // 2, self.rect.centery)
                    label_pos = label.get_rect(midleft=(left, self.rect.centery))
                else:
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

    def label_fits(self, text: TextCache, m: Metrics) -> bool:
        """True when the label, at full size, fits inside the button as it is now."""
        size = self.text_size or m.body
        block = self._label(text, m, theme.INK)
        room = self.rect.width - 2 * m.pad - self._icon_width(size)
        height = block.get_height()
        if self.icon and self.icon_above:
            height += round(size * self.icon_scale * ICON_REACH) + m.px(10)
        return (
            height <= self.rect.height - m.px(8)
            and block.get_width() <= max(10, room)
            and self.fits_words(text, m)
        )

    def fits_words(self, text: TextCache, m: Metrics) -> bool:
        """True when every word of the label fits the button's width (none is cut in two).

        Chinese breaks between characters, so only each character has to fit there.
        """
        size = self.text_size or m.body
        width = max(10, self.rect.width - 2 * m.pad - self._icon_width(size))
        parts = (
            (self.label, size, self.bold, self.lang),
            (self.sublabel, m.small, False, self.sublabel_lang),
        )
        for part, part_size, bold, lang in parts:
            for word in part.split():
                for piece in list(word) if any(is_cjk(c) for c in word) else [word]:
                    shown = text.render(piece, part_size, theme.INK, bold=bold, lang=lang)
                    if shown.get_width() > width:
                        return False
        return True

    def needed_height(self, text: TextCache, m: Metrics) -> int:
        """Height that fits the wrapped label, never below a big touch target.

        The minimum follows the button's own text size, so a list that shrinks its text
        to fit the screen also shrinks its rows (never below 48 pixels).
        """
        size = self.text_size or m.body
        minimum = max(48, m.px(56), round(size * 2.4))
        needed = self._label(text, m, theme.INK).get_height() + m.px(24)
        if self.icon and self.icon_above:
            needed += round(size * self.icon_scale * ICON_REACH) + m.px(10)
        return max(minimum, needed)
