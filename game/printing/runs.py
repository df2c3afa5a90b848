"""Runs of text that keep their own direction inside translated text (Unicode isolates).

An Arabic plan quotes English: standards, source titles, web addresses, and phone
numbers. Set inside right-to-left text, the Unicode bidi algorithm reorders such a run
with its surroundings ("1.2 Digital Citizen" prints as "Digital Citizen 1.2", a final
"/" jumps to the front, "1-800-843-5678" becomes "5678-843-800-1"). Builders wrap these
runs in isolates, which the document model carries as plain characters:

* :func:`english` (LRI … PDI): English, left to right; HTML ``<span lang="en" dir="ltr">``.
* :func:`isolated` (FSI … PDI): takes the direction of its first strong letter (left to
  right when it has none, as in a phone number); HTML ``<bdi>``.

The PDF keeps the isolates when it runs the bidi algorithm (fpdf2 implements them) and
drops them otherwise. :func:`isolate_latin` also isolates, in a right-to-left document,
any whole text with no right-to-left letter (an English source, a service's name).
"""

from __future__ import annotations

import re

LRI = "\u2066"  # left-to-right isolate
RLI = "\u2067"  # right-to-left isolate
FSI = "\u2068"  # first-strong isolate
PDI = "\u2069"  # pop directional isolate
MARKS = re.compile("[\u2066-\u2069]")
RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe]")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9\u00c0-\u024f]")


def english(text: str) -> str:
    """*text* marked as an English, left-to-right run (empty text stays empty)."""
    return f"{LRI}{text}{PDI}" if text else text


def isolated(text: str) -> str:
    """*text* isolated with its own direction, from its first strong letter (a number: LTR)."""
    return f"{FSI}{text}{PDI}" if text else text


def plain(text: str) -> str:
    """*text* without isolate marks (for metadata, outlines and text that skips bidi)."""
    return MARKS.sub("", text)


def isolate_latin(text: str, rtl: bool) -> str:
    """In a right-to-left document, *text* isolated if it has no right-to-left letter.

    Left-to-right documents, text with a right-to-left letter, text with no Latin
    letter or digit, and text that already is one isolated run are returned unchanged.
    """
    if not rtl or RTL_LETTER.search(text) or not LATIN_OR_DIGIT.search(text):
        return text
    if _one_run(text):
        return text
    return isolated(text)


def _one_run(text: str) -> bool:
    """True when *text* is a single isolate: it opens at the start and closes at the end."""
    if len(text) < 2 or text[0] not in (LRI, RLI, FSI) or text[-1] != PDI:
        return False
    depth = 0
    for index, char in enumerate(text):
        if char in (LRI, RLI, FSI):
            depth += 1
        elif char == PDI:
            depth -= 1
            if depth == 0:
                return index == len(text) - 1
    return False
