"""Fonts loaded lazily, text wrapped by our own code and rendered once into a cache.

Each language uses a font for its script (Andika for Latin, Noto Sans Arabic, a
subset of Noto Sans SC). SDL_ttf has no font fallback and its own wrapping drops
words in right-to-left text, so this module does the work itself:

- right-to-left lines are split into direction runs; Arabic runs are shaped by
  HarfBuzz (``set_script('Arab')`` + ``DIRECTION_RTL``), Latin runs and
  punctuation use Andika, and runs are placed right to left;
- CJK text breaks between characters, never before closing punctuation.
"""

from __future__ import annotations

import unicodedata
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pygame

from game.i18n import is_rtl, script_of
from game.ui.bidi import levels
from game.ui.theme import Color

FONT_FILES = {
    ("latin", False): "Andika-Regular.ttf",
    ("latin", True): "Andika-Bold.ttf",
    ("arabic", False): "NotoSansArabic-Regular.ttf",
    ("arabic", True): "NotoSansArabic-Bold.ttf",
    ("cjk", False): "NotoSansSC-Subset.otf",
    ("cjk", True): "NotoSansSC-Subset.otf",
}
#: Latin-script reading fonts a grown-up can choose (regular, bold): Andika, or Atkinson
#: Hyperlegible (Braille Institute; clear letter shapes for low vision and dyslexia).
#: Arabic and Chinese keep their own fonts whichever is chosen.
READING_FONTS = {
    "andika": ("Andika-Regular.ttf", "Andika-Bold.ttf"),
    "atkinson": ("AtkinsonHyperlegible-Regular.ttf", "AtkinsonHyperlegible-Bold.ttf"),
}
MIRRORED = str.maketrans("()[]{}<>«»\u27e6\u27e7", ")(][}{><»«\u27e7\u27e6")
NO_LINE_START = set("，。！？、：；）」』》〉】”’,.!?:;)")
#: French punctuation that follows a space yet must stay on its word's line (the catalog
#: uses a no-break space there, which never splits; this also covers a stray plain one).
GLUE_BEFORE = set(":;!?\u00bb")


def is_arabic(char: str) -> bool:
    """True for letters and signs of the Arabic script."""
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x0750 <= code <= 0x077F
        or 0x08A0 <= code <= 0x08FF
        or 0xFB50 <= code <= 0xFDFF
        or 0xFE70 <= code <= 0xFEFF
    )


def is_cjk(char: str) -> bool:
    """True for CJK ideographs, kana and CJK punctuation (break anywhere between them)."""
    code = ord(char)
    return (
        0x3000 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xF900 <= code <= 0xFAFF
        or 0xFF00 <= code <= 0xFFEF
    )


class FontBook:
    """Opens each (script, size, weight) font once, on first use.

    *reading* names the Latin-script font (a key of :data:`READING_FONTS`); the script
    ``"andika"`` always gives Andika, for characters the reading font lacks.
    """

    def __init__(self, font_dir: Path, reading: str = "andika") -> None:
        self.font_dir = font_dir
        self.reading = reading if reading in READING_FONTS else "andika"
        self._fonts: dict[tuple[str, int, bool], pygame.font.Font] = {}
        self._coverage: dict[str, frozenset[int]] = {}

    def covers(self, text: str) -> bool:
        """True when the reading font has a glyph for every character of *text*."""
        if self.reading == "andika":
            return True
        cover = self._coverage.get(self.reading)
        if cover is None:
            import uharfbuzz

            path = self.font_dir / READING_FONTS[self.reading][0]
            cover = frozenset(uharfbuzz.Face(uharfbuzz.Blob.from_file_path(path)).unicodes)
            self._coverage[self.reading] = cover
        return all(ord(char) in cover for char in text if not char.isspace())

    def set_reading(self, reading: str) -> None:
        """Use the Latin-script font *reading* from now on (fonts reopen on first use)."""
        self.reading = reading if reading in READING_FONTS else "andika"
        self._fonts.clear()

    def get(self, size: int, bold: bool = False, script: str = "latin") -> pygame.font.Font:
        """The font of *size* pixels for *script*, regular or bold."""
        key = (script, size, bold)
        font = self._fonts.get(key)
        if font is None:
            if script == "latin":
                name = READING_FONTS[self.reading][bold]
            elif script == "andika":
                name = READING_FONTS["andika"][bold]
            else:
                name = FONT_FILES[(script, bold)]
            font = pygame.font.Font(self.font_dir / name, size)
            if script == "cjk" and bold:
                font.bold = True
            if script == "arabic":
                font.set_script("Arab")
                font.set_direction(pygame.DIRECTION_RTL)
            self._fonts[key] = font
        return font


class LineRenderer:
    """Measures and renders one line of text in one language."""

    def __init__(self, fonts: FontBook, size: int, bold: bool, language: str) -> None:
        self.script = script_of(language)
        self.rtl = is_rtl(language)
        self.font = fonts.get(size, bold, self.script)
        # Latin runs in Arabic lines (digits, names, punctuation) keep Andika, whatever
        # the reading font: Arabic readers see their text unchanged.
        self.latin = fonts.get(size, bold, "andika") if self.script == "arabic" else self.font
        self.arabic_chars = self.font if self.script == "arabic" else None
        self.fonts = fonts
        self.size, self.bold = size, bold

    def _latin_font(self, line: str) -> pygame.font.Font:
        """The Latin font for *line*: the reading font, or Andika if it lacks a character."""
        if self.script != "latin" or self.fonts.covers(line):
            return self.latin
        return self.fonts.get(self.size, self.bold, "andika")

    def _runs(self, line: str) -> list[tuple[str, str]]:
        """Direction runs in logical order, by the Unicode bidi algorithm (game.ui.bidi).

        Kinds: ``L`` a left-to-right run (Latin words, numbers, what lies between them),
        ``R`` Arabic letters (shaped right to left, with the spaces between them) and
        ``N`` other right-to-left characters (punctuation, mirrored). Runs are drawn in
        reverse order; an ``L`` run reads left to right inside.
        """
        level = levels(line)

        def arabic(index: int) -> bool:
            return level[index] == 1 and is_arabic(line[index]) and not line[index].isdigit()

        kinds = []
        for i, char in enumerate(line):
            if level[i] == 2:
                kinds.append("L")
            elif arabic(i) or (  # a space between Arabic words stays in their run
                char in " \u200c\u200d" and 0 < i < len(line) - 1 and arabic(i - 1)
                and arabic(i + 1)
            ):
                kinds.append("R")
            else:
                kinds.append("N")
        runs: list[list[str]] = []
        for char, kind in zip(line, kinds, strict=True):
            if runs and runs[-1][0] == kind:
                runs[-1][1] += char
            else:
                runs.append([kind, char])
        return [(kind, text) for kind, text in runs]

    def _pieces(self, line: str, color: Color) -> list[pygame.Surface]:
        """Rendered runs in visual (left-to-right screen) order."""
        if not self.rtl or not any(is_arabic(c) and not c.isdigit() for c in line):
            # Left-to-right text (or a line with no Arabic letters: a name, an address).
            font = self._latin_font(line) if self.rtl or self.script == "latin" else self.font
            return [font.render(line, True, color)] if line else []
        pieces = []
        for kind, text in reversed(self._runs(line)):
            if kind == "R" and self.arabic_chars is not None:
                pieces.append(self.arabic_chars.render(text, True, color))
            elif kind == "N":
                mirrored = text[::-1].translate(MIRRORED)
                pieces.append(self._latin_font(text).render(mirrored, True, color))
            else:
                pieces.append(self._ltr_run(text, color))
        return pieces

    def _ltr_width(self, text: str) -> int:
        """Width of the left-to-right run *text* as :meth:`_ltr_run` draws it."""
        if not text:
            return 0
        if self.arabic_chars is None or not any(is_arabic(c) for c in text):
            return self._latin_font(text).size(text)[0]
        return self._ltr_run(text, (0, 0, 0)).get_width()

    def _ltr_run(self, text: str, color: Color) -> pygame.Surface:
        """A left-to-right run; an Arabic sign in it (a comma between two names) keeps its font."""
        if self.arabic_chars is None or not any(is_arabic(c) and not c.isdigit() for c in text):
            return self._latin_font(text).render(text, True, color)
        parts, current = [], ""
        for char in text:
            if current and (is_arabic(char) and not char.isdigit()) != (
                is_arabic(current[-1]) and not current[-1].isdigit()
            ):
                parts.append(current)
                current = ""
            current += char
        parts.append(current)
        shown = [
            (self.arabic_chars if is_arabic(p[0]) else self._latin_font(p)).render(p, True, color)
            for p in parts
        ]
        height = max(p.get_height() for p in shown)
        surface = pygame.Surface((sum(p.get_width() for p in shown), height), pygame.SRCALPHA)
        x = 0
        for piece in shown:
            surface.blit(piece, (x, (height - piece.get_height()) // 2))
            x += piece.get_width()
        return surface

    def width(self, line: str) -> int:
        """Width of *line* in pixels."""
        if not self.rtl:
            font = self._latin_font(line) if self.script == "latin" else self.font
            return font.size(line)[0]
        return sum(p.get_width() for p in self._pieces(line, (0, 0, 0)))

    def render(self, line: str, color: Color) -> pygame.Surface:
        """*line* rendered in its visual order."""
        pieces = self._pieces(line, color)
        if len(pieces) == 1:
            return pieces[0]
        height = max((p.get_height() for p in pieces), default=self.font.get_linesize())
        surface = pygame.Surface(
            (max(1, sum(p.get_width() for p in pieces)), height), pygame.SRCALPHA
        )
        x = 0
        for piece in pieces:
            surface.blit(piece, (x, (height - piece.get_height()) // 2))
            x += piece.get_width()
        return surface

    @property
    def linesize(self) -> int:
        """Distance between baselines of two lines.

        Noto Sans Arabic reserves a very tall line for stacked marks; school-book Arabic
        reads well with a little less, so lines are not spaced further apart than needed.
        """
        if self.script == "arabic":
            return max(
                round(self.latin.get_linesize() * 1.2), round(self.font.get_linesize() * 0.8)
            )
        return self.font.get_linesize()

    def span_x(self, line: str, start: int, end: int) -> tuple[int, int]:
        """Left and right pixel edges of characters ``[start, end)`` of *line* as drawn.

        Right-to-left lines are measured run by run in their visual order (an Arabic run
        is read from its right edge), so the word being read aloud can be lit up.
        """
        if not self.rtl or not any(is_arabic(c) and not c.isdigit() for c in line):
            return self.width(line[:start]), self.width(line[:end])
        runs = self._runs(line)
        widths = [p.get_width() for p in reversed(self._pieces(line, (0, 0, 0)))]
        edges: list[int] = []
        offset = 0
        for index, (kind, text) in enumerate(runs):
            a, b = max(start - offset, 0), min(end - offset, len(text))
            offset += len(text)
            if a >= b:
                continue
            left = sum(widths[index + 1 :])  # later runs are drawn to the left
            if kind == "R" and self.arabic_chars is not None:
                full = widths[index]
                size = self.arabic_chars.size
                edges += [left + full - size(text[:b])[0], left + full - size(text[:a])[0]]
            elif kind == "N":
                size = self._latin_font(text).size
                edges += [left + size(text[b:])[0], left + size(text[a:])[0]]
            else:
                edges += [left + self._ltr_width(text[:a]), left + self._ltr_width(text[:b])]
        return (min(edges), max(edges)) if edges else (0, 0)


def _tokens(paragraph: str) -> list[tuple[str, str]]:
    """Breakable units and the joiner that goes before each: ' ' between words, '' in CJK."""
    tokens: list[tuple[str, str]] = []
    for w_index, word in enumerate(paragraph.split(" ")):
        joiner = " " if w_index else ""
        if not any(is_cjk(c) for c in word):
            glue = tokens and (word[:1] in GLUE_BEFORE or tokens[-1][1].endswith("\u00ab"))
            if glue and joiner:  # never "?" or "»" alone at a line start, nor "«" at an end
                tokens[-1] = (tokens[-1][0], f"{tokens[-1][1]}{joiner}{word}")
            else:
                tokens.append((joiner, word))
            continue
        current = ""
        for char in word:
            if current and (is_cjk(char) or is_cjk(current[-1])) and char not in NO_LINE_START:
                tokens.append((joiner, current))
                joiner, current = "", char
            else:
                current += char
        tokens.append((joiner, current))
    return tokens


def wrap(measure: Callable[[str], int] | pygame.font.Font, text: str, width: int) -> list[str]:
    """Break *text* into lines no wider than *width* (at spaces, or between CJK characters)."""
    if isinstance(measure, pygame.font.Font):
        font = measure

        def measure(s: str) -> int:
            return font.size(s)[0]

    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for joiner, token in _tokens(paragraph):
            candidate = f"{line}{joiner}{token}" if line else token
            if measure(candidate) <= width:
                line = candidate
                continue
            if line:
                lines.append(line)
            line = token
            if measure(token) <= width:
                continue
            while len(line) > 1:  # a word wider than the line: cut it where it must be
                cut = longest_fit(measure, line, width)
                if cut >= len(line):
                    break
                lines.append(line[:cut])
                line = line[cut:]
        lines.append(line)
    return lines


def longest_fit(measure: Callable[[str], int], text: str, width: int) -> int:
    """How many leading characters of *text* fit in *width* (at least one).

    Prefixes are measured growing by doubling, then halving the gap between the longest
    that fits and the shortest that does not, so an unbroken word of *n* characters
    is cut into lines with O(log n) measurements per line, of prefixes at most about
    twice as long as the line, rather than one measurement per character. A cut never
    separates a combining mark (an Arabic vowel sign, an accent) from its letter.
    """
    size = len(text)
    good, step = 1, 1  # one character always goes on a line: nothing narrower exists
    bad = size + 1
    while good < size:
        probe = min(good + step, size)
        if measure(text[:probe]) > width:
            bad = probe
            break
        good, step = probe, step * 2
    while bad - good > 1:
        middle = (good + bad) // 2
        if measure(text[:middle]) <= width:
            good = middle
        else:
            bad = middle
    while 1 < good < size and unicodedata.combining(text[good]):
        good -= 1
    return good


@dataclass(frozen=True)
class _Layout:
    """Where the lines of one cached text block sit (for lighting up a word later)."""

    renderer: LineRenderer
    lines: list[str]
    starts: list[int]
    step: int


class TextCache:
    """Renders text blocks once and hands back the same surface while nothing changes."""

    def __init__(self, fonts: FontBook, capacity: int = 400, language: str = "en") -> None:
        self.fonts = fonts
        self.capacity = capacity
        self.language = language
        self._cache: OrderedDict[tuple, pygame.Surface] = OrderedDict()
        self.misses = 0
        self.recorder: list[str] | None = None  # tests collect every string rendered
        #: The word being read aloud: (the string on screen, start, end). Wherever that
        #: string is drawn, the word is lit up (narration sets it, see game.narration).
        self.highlight: tuple[str, int, int] | None = None
        #: Set when the lit string is drawn (narration learns where a string is drawn).
        self.lit_drawn = False
        self._lit: tuple[tuple, pygame.Surface] | None = None
        #: How each cached block was laid out (lines, where each starts), for lighting words.
        self._layouts: dict[tuple, _Layout] = {}

    @property
    def rtl(self) -> bool:
        """True when text is laid out right to left."""
        return is_rtl(self.language)

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
        lang: str | None = None,
        lit: bool = True,
    ) -> pygame.Surface:
        """A transparent surface with *text*, wrapped to *width* (0 = one line).

        ``align='left'`` means "start of line": the right edge in right-to-left languages.
        With *lit* False the word being read aloud is not lit up (for measuring letters).
        """
        language = lang or self.language
        if self.recorder is not None:
            self.recorder.append(text)
        key = (text, size, color, width, bold, align, line_gap, language)
        reading = lit and self.highlight and self.highlight[0] == text
        mark = self.highlight[1:] if reading else None
        if mark is None:
            return self._plain(key)
        self.lit_drawn = True
        if self._lit is None or self._lit[0] != (key, mark):
            self._lit = ((key, mark), self._lit_up(key, mark))  # only the latest is kept
        return self._lit[1]

    def _plain(self, key: tuple) -> pygame.Surface:
        """The block for *key* (see :meth:`render`), from the cache or laid out now."""
        surface = self._cache.get(key)
        if surface is not None:
            self._cache.move_to_end(key)
            return surface
        self.misses += 1
        text, size, color, width, bold, align, line_gap, language = key
        renderer = LineRenderer(self.fonts, size, bold, language)
        lines = wrap(renderer.width, text, width) if width > 0 else text.split("\n")
        rendered = [renderer.render(line, color) for line in lines]
        step = round(renderer.linesize * (1 + line_gap))
        block_w = max((s.get_width() for s in rendered), default=1)
        block_w = max(block_w, 1)
        last = rendered[-1].get_height() if rendered else 0
        block_h = max(step * (len(rendered) - 1) + max(renderer.linesize, last), 1)
        if renderer.rtl and align == "left":
            align = "right"
        surface = pygame.Surface((block_w, block_h), pygame.SRCALPHA)
        starts = []
        for line in rendered:
            if align == "center":
                starts.append((block_w - line.get_width()) // 2)
            elif align == "right":
                starts.append(block_w - line.get_width())
            else:
                starts.append(0)
        for index, line in enumerate(rendered):
            surface.blit(line, (starts[index], index * step))
        self._cache[key] = surface
        self._layouts[key] = _Layout(renderer, lines, starts, step)
        if len(self._cache) > self.capacity:
            old, _ = self._cache.popitem(last=False)
            self._layouts.pop(old, None)
        return surface

    def _lit_up(self, key: tuple, mark: tuple[int, int]) -> pygame.Surface:
        """The block for *key* with characters *mark* lit: a band drawn under the cached text.

        Only the band is new for each word read aloud; the glyphs are the cached block's.
        """
        plain = self._plain(key)
        layout = self._layouts[key]
        surface = pygame.Surface(plain.get_size(), pygame.SRCALPHA)
        text, color = key[0], key[2]
        _light_word(
            surface, layout.renderer, text, layout.lines, layout.starts, layout.step, mark, color
        )
        surface.blit(plain, (0, 0))
        return surface

    def fits_words(
        self, text: str, size: int, width: int, *, bold: bool = False, lang: str | None = None
    ) -> bool:
        """True when no word of *text* is wider than *width* (none would be cut in two)."""
        renderer = LineRenderer(self.fonts, size, bold, lang or self.language)
        return all(
            len(token) < 2 or renderer.width(token) <= width
            for paragraph in text.split("\n")
            for _joiner, token in _tokens(paragraph)
        )

    def clear(self) -> None:
        """Forget every rendered surface (after a language or text-size change)."""
        self._cache.clear()
        self._layouts.clear()
        self._lit = None


#: The soft yellow behind a word being read aloud (under dark text).
WORD_LIGHT: Color = (255, 226, 120)


def _light_word(
    surface: pygame.Surface,
    renderer: LineRenderer,
    text: str,
    lines: list[str],
    starts: list[int],
    step: int,
    mark: tuple[int, int],
    color: Color,
) -> None:
    """Light up characters ``mark`` of *text* across its wrapped *lines*.

    Dark text gets a soft yellow band behind the word; every text gets a bar under it in
    its own colour, so the word stands out on any background, not by colour alone.
    """
    dark = sum(color) < 3 * 128
    bar = max(2, renderer.size // 10)
    cursor = 0
    for index, line in enumerate(lines):
        found = text.find(line, cursor)
        begin = found if found >= 0 else cursor
        cursor = begin + len(line)
        a, b = max(mark[0], begin), min(mark[1], cursor)
        if a >= b:
            continue
        x0, x1 = renderer.span_x(line, a - begin, b - begin)
        if x1 <= x0:
            continue
        y = index * step
        height = min(renderer.linesize, surface.get_height() - y)
        band = pygame.Rect(starts[index] + x0 - 3, y, x1 - x0 + 6, height)
        if dark:
            pygame.draw.rect(surface, WORD_LIGHT, band, border_radius=max(3, height // 5))
        pygame.draw.rect(surface, color, (band.left, band.bottom - bar, band.width, bar))
