""""Getting the missions ready…" with a simple progress bar (lessons loading in the background).

Shown on the title screen, and in a card over any screen that has to wait for the
lessons, only when loading takes more than a moment. There is no countdown and no
time: the bar only fills up.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.i18n import N_
from game.ui import draw, theme

if TYPE_CHECKING:
    from game.ui.text import TextCache
    from game.ui.theme import Metrics

#: Loading shorter than this (seconds) shows nothing: most starts never see the note.
SHOW_AFTER_S = 0.5
# TRANSLATORS: on the title screen while the game reads its lessons (a progress bar
# fills under it); "missions" are the lessons a child plays.
MESSAGE = N_("Getting the missions ready…")


def loading_note(
    text: TextCache,
    m: Metrics,
    label: str,
    fraction: float,
    width: int,
    *,
    size: int | None = None,
    stacked: bool = False,
) -> pygame.Surface:
    """The words and a bar filled to *fraction* (0 to 1), no wider than *width*.

    The bar follows the words on one line (it fills from the start of the line, so from
    the right in Arabic), or sits under them when *stacked* or when the line is too
    narrow. Its size never depends on *fraction*, so a screen lays it out once.
    """
    size = size or m.body
    bar_w, bar_h = min(width, m.px(240 if not stacked else 360)), max(10, round(size * 0.55))
    gap = m.px(14)
    one_line = text.render(label, size, theme.INK)
    stacked = stacked or one_line.get_width() + gap + bar_w > width
    words = text.render(label, size, theme.INK, width, align="center") if stacked else one_line
    if stacked:
        surface = pygame.Surface(
            (max(words.get_width(), bar_w), words.get_height() + gap + bar_h), pygame.SRCALPHA
        )
        words_at = words.get_rect(midtop=(surface.get_width() // 2, 0))
        track = pygame.Rect(0, 0, bar_w, bar_h)
        track.midtop = (surface.get_width() // 2, words.get_height() + gap)
    else:
        height = max(words.get_height(), bar_h)
        surface = pygame.Surface((words.get_width() + gap + bar_w, height), pygame.SRCALPHA)
        words_at = words.get_rect(midleft=(0, height // 2))
        track = pygame.Rect(words_at.right + gap, (height - bar_h) // 2, bar_w, bar_h)
        if m.rtl:  # the words first, on the right
            words_at.right = surface.get_width()
            track.left = 0
    surface.blit(words, words_at)
    pygame.draw.rect(surface, theme.BG_BAND, track, border_radius=bar_h // 2)
    filled = round(bar_w * min(max(fraction, 0.0), 1.0))
    if filled:
        fill = pygame.Rect(track.left, track.top, max(filled, bar_h), bar_h)
        if m.rtl:
            fill.right = track.right
        pygame.draw.rect(surface, theme.PRIMARY, fill, border_radius=bar_h // 2)
    edge = max(1, m.px(2))
    pygame.draw.rect(surface, theme.INK_SOFT, track, width=edge, border_radius=bar_h // 2)
    return surface


def draw_waiting_card(
    surface: pygame.Surface, text: TextCache, m: Metrics, label: str, fraction: float
) -> None:
    """The note in a card in the middle of *surface* (a screen waiting for the lessons)."""
    width = min(m.width - 4 * m.pad, m.px(620))
    note = loading_note(text, m, label, fraction, width, stacked=True)
    pad = 2 * m.pad
    card = note.get_rect().inflate(2 * pad, 2 * pad)
    card.center = (m.width // 2, m.height // 2)
    draw.card(surface, card, theme.BG, m.radius, border=theme.OUTLINE, shadow=m.px(4))
    surface.blit(note, note.get_rect(center=card.center))
