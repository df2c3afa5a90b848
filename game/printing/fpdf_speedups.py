"""Make fpdf2's line breaker measure each line in linear time (installed on first render).

fpdf2 2.8.9 asks for the width of the line so far after every character it adds
(``CurrentLine.width``), and each answer measures every fragment of the line from its
first character: a line of *n* characters costs *n²* character lookups. Plans that print
every branch spent about three quarters of their time there.

:func:`install` replaces that property with one that remembers, per line, how wide each
fragment was at the length it was last measured:

* a fragment drawn without shaping (Latin, Chinese) grows by the width of its new
  characters only: fpdf2 sums per-character advances, so this is the same sum;
* a shaped fragment (Arabic) is measured up to its last space once, then only the word
  being added is shaped. HarfBuzz joins letters and applies kerning within a word; a
  space ends both, so the sum is the width fpdf2 computes (to within rounding).

A fragment that got shorter (a trimmed trailing space, a break applied) is measured again
in full, so the answer never depends on how the line was built.
"""

from __future__ import annotations

from typing import Any

#: Attribute under which a line keeps its fragments' measured widths.
_MEMO = "_signal_scouts_widths"
#: fpdf2's and fontTools' own methods while ours are installed.
_ORIGINALS: dict[str, Any] = {}
_SPACES = frozenset(" \u00a0\u2009\u200a\u202f\u3000")


def install() -> None:
    """Install the faster measuring and font subsetting into fpdf2 (once; idempotent)."""
    from fontTools.subset import Subsetter
    from fpdf.line_break import CurrentLine, Fragment

    if _ORIGINALS:  # installed already
        return
    _ORIGINALS.update(
        width=CurrentLine.width,
        get_character_width=Fragment.get_character_width,
        subset=Subsetter.subset,
    )
    CurrentLine.width = property(_line_width)  # type: ignore[method-assign, assignment]
    Fragment.get_character_width = _character_width_maker(Fragment.get_character_width)
    Subsetter.subset = _dropping_first(Subsetter.subset)


def uninstall() -> None:
    """Put fpdf2's and fontTools' own methods back (for tests that compare the two)."""
    from fontTools.subset import Subsetter
    from fpdf.line_break import CurrentLine, Fragment

    if not _ORIGINALS:
        return
    CurrentLine.width = _ORIGINALS.pop("width")  # type: ignore[method-assign]
    Fragment.get_character_width = _ORIGINALS.pop("get_character_width")
    Subsetter.subset = _ORIGINALS.pop("subset")


def _plain_widths(fragment: Any) -> Any:
    """The font's advance widths if *fragment* is measured by summing them, else None.

    That is fpdf2's own rule for a TrueType font drawn without shaping, without
    stretching or letter spacing, and not a symbol font (whose letters are remapped).
    """
    font = fragment.font
    if (
        fragment.text_shaping_parameters
        or fragment.char_spacing
        or fragment.font_stretching != 100
        or getattr(font, "is_symbol", True)
    ):
        return None
    return getattr(font, "cw", None)


def _character_width_maker(measure: Any) -> Any:
    """fpdf2's ``Fragment.get_character_width`` with a direct path for summed widths."""
    from fpdf.line_break import HYPHEN, SOFT_HYPHEN

    def get_character_width(self, character, print_sh=False, initial_cs=True):  # noqa: ANN001, ANN202
        widths = _plain_widths(self)
        if widths is None:
            return measure(self, character, print_sh, initial_cs)
        if character == SOFT_HYPHEN and not print_sh:
            character = HYPHEN
        size = self.font_size_pt
        font = self.font
        if size > font.biggest_size_pt:
            font.biggest_size_pt = size
        return widths[ord(character)] * size * 0.001 / self.k

    return get_character_width


def _dropping_first(subset: Any) -> Any:
    """Make fontTools' ``Subsetter.subset`` delete the tables it would drop before it starts.

    fpdf2 drops the layout tables (GSUB, GPOS, GDEF) from every embedded font, but
    fontTools first decompiles them all to see whether they need compacting: about a
    tenth of a plan's time, for tables that are then thrown away. Deleting them first
    (and ``kern``, which fontTools drops when GPOS exists) gives the same subset.
    """

    def subset_dropping_first(self, font):  # noqa: ANN001, ANN202
        options = self.options
        if "kern" in font and "GPOS" in font and not options.legacy_kern:
            del font["kern"]
        for tag in list(font.keys()):
            if tag.strip() in options.drop_tables:
                del font[tag]
        return subset(self, font)

    return subset_dropping_first


def _line_width(line: Any) -> float:
    """The width of *line* so far: fpdf2's ``CurrentLine.width``, measured incrementally."""
    memo: list[list[Any]] = line.__dict__.setdefault(_MEMO, [])
    fragments = line.fragments
    del memo[len(fragments) :]
    total = 0.0
    for index, fragment in enumerate(fragments):
        initial_cs = index > 0
        if index == len(memo) or memo[index][0] is not fragment:
            entry = [fragment, 0, 0.0, 0, 0.0]  # fragment, length, width, stem, stem width
            if index == len(memo):
                memo.append(entry)
            else:
                memo[index] = entry
        else:
            entry = memo[index]
        total += _fragment_width(fragment, entry, initial_cs)
    return total


def _fragment_width(fragment: Any, entry: list[Any], initial_cs: bool) -> float:
    """Width of *fragment*, updating *entry* (its memo) with as little measuring as possible."""
    characters = fragment.characters
    length = len(characters)
    _, known, width, stem, stem_width = entry
    if length == known:
        return width
    if length < known or fragment.char_spacing or fragment.font_stretching != 100:
        width = fragment.get_width(initial_cs=initial_cs)
        entry[1:] = [length, width, 0, 0.0]
        if fragment.text_shaping_parameters:
            entry[3:] = _stem(fragment, characters, length, initial_cs)
        return width
    if not fragment.text_shaping_parameters:
        widths = _plain_widths(fragment)
        if widths is None:
            width += fragment.get_width(start=known, end=length, initial_cs=initial_cs)
        else:
            added = sum(widths[ord(c)] for c in characters[known:length])
            width += added * fragment.font_size_pt * 0.001 / fragment.k
        entry[1:3] = [length, width]
        return width
    # Shaped: move the stem (everything up to the last space) forward, then add the word.
    last_space = _last_space(characters, stem, length)
    if last_space > stem:
        stem_width = fragment.get_width(start=0, end=last_space, initial_cs=initial_cs)
        stem = last_space
    width = stem_width
    if length > stem:
        width += fragment.get_width(start=stem, end=length, initial_cs=initial_cs)
    entry[1:] = [length, width, stem, stem_width]
    return width


def _last_space(characters: list[str], since: int, length: int) -> int:
    """Index just after the last space among ``characters[since:length]`` (*since* if none)."""
    for index in range(length - 1, since - 1, -1):
        if characters[index] in _SPACES:
            return index + 1
    return since


def _stem(fragment: Any, characters: list[str], length: int, initial_cs: bool) -> list[Any]:
    """``[stem, stem width]`` for a freshly measured shaped fragment."""
    stem = _last_space(characters, 0, length)
    width = fragment.get_width(start=0, end=stem, initial_cs=initial_cs) if stem else 0.0
    return [stem, width]
