"""Fonts loaded lazily, text wrapped by our own code and rendered once into a cache."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

import pygame

from game.ui.theme import Color

FONT_FILES = {False: "Andika-Regular.ttf", True: "Andika-Bold.ttf"}


class FontBook:
    """Opens each (size, weight) font once, on first use."""

    def __init__(self, font_dir: Path) -> None:
        self.font_dir = font_dir
        self._fonts: dict[tuple[int, bool], pygame.font.Font] = {}

    def get(self, size: int, bold: bool = False) -> pygame.font.Font:
        """The font of *size* pixels, regular or bold."""
        key = (size, bold)
        font = self._fonts.get(key)
        if font is None:
            font = pygame.font.Font(self.font_dir / FONT_FILES[bold], size)
            self._fonts[key] = font
        return font


def wrap(font: pygame.font.Font, text: str, width: int) -> list[str]:
    """Break *text* into lines no wider than *width*, at spaces (or anywhere if no space)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = paragraph.split(" ")
        line = ""
        for word in words:
            candidate = f"{line} {word}" if line else word
            if font.size(candidate)[0] <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            while font.size(word)[0] > width and len(word) > 1:
                cut = len(word)
                while cut > 1 and font.size(word[:cut])[0] > width:
                    cut -= 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class TextCache:
    """Renders text blocks once and hands back the same surface while nothing changes."""

    def __init__(self, fonts: FontBook, capacity: int = 600) -> None:
        self.fonts = fonts
        self.capacity = capacity
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.misses = 0

    def render(
        self,
        text: str,
        size: int,
        color: Color,
        width: int = 0,
        *,
        bold: bool = False,
        align: str = "left",
        line_gap: float = -0.08,
    ) -> pygame.Surface:
        """A transparent surface with *text*, wrapped to *width* (0 = one line)."""
        key = (text, size, color, width, bold, align, line_gap)
        surface = self._cache.get(key)
        if surface is not None:
            self._cache.move_to_end(key)
            return surface
        self.misses += 1
        font = self.fonts.get(size, bold)
        lines = wrap(font, text, width) if width > 0 else text.split("\n")
        rendered = [font.render(line, True, color) for line in lines]
        step = round(font.get_linesize() * (1 + line_gap))
        block_w = max((s.get_width() for s in rendered), default=1)
        block_h = max(step * (len(rendered) - 1) + font.get_linesize(), 1)
        surface = pygame.Surface((block_w, block_h), pygame.SRCALPHA)
        for index, line in enumerate(rendered):
            if align == "center":
                x = (block_w - line.get_width()) // 2
            elif align == "right":
                x = block_w - line.get_width()
            else:
                x = 0
            surface.blit(line, (x, index * step))
        self._cache[key] = surface
        if len(self._cache) > self.capacity:
            self._cache.popitem(last=False)
        return surface

    def clear(self) -> None:
        """Forget every rendered surface (after a language or text-size change)."""
        self._cache.clear()
