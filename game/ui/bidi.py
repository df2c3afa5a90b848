"""Embedding levels of one right-to-left line, by the Unicode Bidirectional Algorithm.

The game draws Arabic lines itself (SDL_ttf does not reorder mixed-direction text), so
it needs each character's level: 1 for right-to-left text, 2 for left-to-right runs
(Latin words, numbers) set inside it. This follows UAX #9 for a paragraph of base
level 1 with no explicit embeddings: character classes from :mod:`unicodedata`, the
weak rules W1-W7, bracket pairs N0, neutrals N1-N2, implicit levels I1-I2 and
trailing white space L1. A test compares the result with a reference implementation
on every Arabic line of the catalog.

One deliberate difference: a phone number (digit groups joined by hyphens or spaces,
six digits or more) keeps its written order, as if the text had put it in a
left-to-right isolate; the algorithm alone would reverse its groups after Arabic
letters ("1-800-843-5678" would read "5678-843-800-1"). A file path ("Saved to
/home/.../plan.pdf") is kept in written order the same way, so its leading "/" stays
at its start.
"""

from __future__ import annotations

import re
import unicodedata

#: Bracket pairs (opening -> closing) of BidiBrackets.txt that the game's text uses.
BRACKETS = {"(": ")", "[": "]", "{": "}", "\u27e6": "\u27e7", "\u2329": "\u232a"}
CLOSING = {close: open_ for open_, close in BRACKETS.items()}
#: Neutral and isolate classes (NI in UAX #9) after the weak rules.
NEUTRAL = {"B", "S", "WS", "ON", "LRI", "RLI", "FSI", "PDI"}
PHONE = re.compile(r"\d+(?:[- ]\d+)+")
#: A file path: a leading slash (or a drive letter and a backslash), a name that starts
#: with a letter, and everything up to the next right-to-left letter or mark. (A date's
#: "/03/2026" is no path: its parts start with digits.)
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\u200e\u200f"
PATH = re.compile(rf"(?<![\w/\\{_RTL}])(?:[A-Za-z]:\\|/)[A-Za-z._~][^{_RTL}]*")


def _phone_spans(line: str) -> list[tuple[int, int]]:
    """Where *line* has a phone number (six digits or more in two groups or more)."""
    return [
        m.span()
        for m in PHONE.finditer(line)
        if sum(c.isdigit() for c in m.group()) >= 6 and m.group().isascii()
    ]


def _classes(line: str, kept: set[int]) -> list[str]:
    """Bidi classes after the weak rules W1-W7 (characters in *kept* count as neutral)."""
    types = [
        "ON" if i in kept else (unicodedata.bidirectional(c) or "L") for i, c in enumerate(line)
    ]
    types = ["ON" if t in ("LRE", "RLE", "LRO", "RLO", "PDF", "BN") else t for t in types]
    previous = "R"  # sos: the paragraph is right to left
    for i, kind in enumerate(types):  # W1: a mark takes the class of what it sits on
        if kind == "NSM":
            types[i] = previous if previous not in ("LRI", "RLI", "FSI", "PDI") else "ON"
        previous = types[i]
    strong = "R"
    for i, kind in enumerate(types):  # W2: European digits after Arabic letters are Arabic
        if kind in ("L", "R", "AL"):
            strong = kind
        elif kind == "EN" and strong == "AL":
            types[i] = "AN"
    types = ["R" if t == "AL" else t for t in types]  # W3
    for i in range(1, len(types) - 1):  # W4: one separator inside a number
        before, kind, after = types[i - 1], types[i], types[i + 1]
        if kind == "ES" and before == after == "EN":
            types[i] = "EN"
        elif kind == "CS" and before == after and before in ("EN", "AN"):
            types[i] = before
    for i, kind in enumerate(types):  # W5: currency and percent signs join a number
        if kind != "ET":
            continue
        j = i
        while j < len(types) and types[j] == "ET":
            j += 1
        if (i and types[i - 1] == "EN") or (j < len(types) and types[j] == "EN"):
            types[i:j] = ["EN"] * (j - i)
    types = ["ON" if t in ("ES", "ET", "CS") else t for t in types]  # W6
    strong = "R"
    for i, kind in enumerate(types):  # W7: digits after Latin text are Latin
        if kind in ("L", "R"):
            strong = kind
        elif kind == "EN" and strong == "L":
            types[i] = "L"
    return types


def _strong(kind: str) -> str | None:
    """The direction a resolved class counts as for N0-N2 (numbers count as R)."""
    if kind == "L":
        return "L"
    if kind in ("R", "EN", "AN"):
        return "R"
    return None


def _pairs(line: str, types: list[str]) -> list[tuple[int, int]]:
    """Bracket pairs (BD16), sorted by their opening bracket."""
    stack: list[tuple[str, int]] = []
    pairs = []
    for i, char in enumerate(line):
        if types[i] != "ON":
            continue
        if char in BRACKETS:
            if len(stack) == 63:
                break
            stack.append((BRACKETS[char], i))
        elif char in CLOSING:
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][0] == char:
                    pairs.append((stack[depth][1], i))
                    del stack[depth:]
                    break
    return sorted(pairs)


def _brackets(line: str, types: list[str]) -> None:
    """N0: a bracket pair takes the direction of what it encloses (and its context)."""
    original = [unicodedata.bidirectional(c) for c in line]
    for start, end in _pairs(line, types):
        inside = {_strong(t) for t in types[start + 1 : end]} - {None}
        if not inside:
            continue
        if "R" in inside:
            direction = "R"
        else:
            before = next(
                (_strong(t) for t in reversed(types[:start]) if _strong(t)), "R"
            )
            direction = "L" if before == "L" else "R"
        for index in (start, end):
            types[index] = direction
            k = index + 1  # marks on a bracket follow it
            while k < len(types) and original[k] == "NSM":
                types[k] = direction
                k += 1


def _path_spans(line: str) -> list[tuple[int, int]]:
    """Where *line* has a file path (without the spaces or full stop after it)."""
    spans = []
    for match in PATH.finditer(line):
        start, end = match.span()
        while end > start and (line[end - 1].isspace() or line[end - 1] in ".,;:"):
            end -= 1
        spans.append((start, end))
    return spans


def levels(line: str) -> list[int]:
    """The embedding level of each character of *line* in a right-to-left paragraph."""
    spans = _phone_spans(line) + _path_spans(line)
    kept = {i for a, b in spans for i in range(a, b)}
    types = _classes(line, kept)
    _brackets(line, types)
    i = 0
    while i < len(types):  # N1, N2: neutrals between two equal directions take it
        if types[i] not in NEUTRAL:
            i += 1
            continue
        j = i
        while j < len(types) and types[j] in NEUTRAL:
            j += 1
        before = next((_strong(t) for t in reversed(types[:i]) if _strong(t)), "R")
        after = next((_strong(t) for t in types[j:] if _strong(t)), "R")
        types[i:j] = [before if before == after else "R"] * (j - i)
        i = j
    result = [1 if t == "R" else 2 for t in types]  # I2 on a level-1 paragraph
    for i in kept:
        result[i] = 2
    end = len(line)  # L1: white space at the end of the line takes the paragraph's level
    while end and unicodedata.bidirectional(line[end - 1]) in ("WS", "B", "S", "BN"):
        end -= 1
        result[end] = 1
    return result
