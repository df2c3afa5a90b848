"""One thing to read aloud (:class:`Line`), and the names of recorded clips.

A recorded clip for a line lives at ``assets/voice/<lang>/<clip>.ogg``:

- a lesson string: its translation context (``lesson-id/item-id``), plus ``.<field>``
  when the field is not the item's ``text`` (``k2-kai-and-the-tricky-game/zippy-prize`` is
  the page, ``.../zippy-prize.prompt`` its question, ``.../prize-say-no.feedback`` the
  feedback of a choice);
- a UI string: ``ui/`` and a slug of the English text with a short hash of it
  (``ui/what-do-you-do-2bd5e7``).

A string with a placeholder (a name, a number, a country's help service) differs from one
reading to the next, so it has no clip and is always synthesised.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.i18n import PSEUDO_LANGUAGES, script_of
from game.ui.text import is_arabic, is_cjk

if TYPE_CHECKING:
    from game.i18n import Translator

#: The slug part of a UI clip name is at most this long (the hash keeps names unique).
SLUG_MAX = 40


@dataclass(frozen=True)
class Line:
    """A string to read: what is spoken, in which language, and where it shows.

    *shown* is the string on screen whose words light up while this line is read (the
    spoken text itself by default); a word at index *i* of the spoken text is at index
    ``i + shift`` of *shown*. *key* names the line on its screen, so a line already read
    is not read again when the screen changes around it.
    """

    text: str
    lang: str
    clip: str | None = None
    key: str = ""
    shown: str | None = None
    shift: int = 0

    @property
    def ident(self) -> str:
        """What identifies this line on its screen (its key, else its text)."""
        return self.key or self.text

    def shown_span(self, start: int, end: int) -> tuple[str, int, int] | None:
        """The on-screen string and the span of the spoken word ``[start, end)`` in it."""
        shown = self.text if self.shown is None else self.shown
        s, e = max(0, start + self.shift), min(len(shown), end + self.shift)
        return (shown, s, e) if e > s else None


#: Where a sentence ends: . ! ? or the Arabic question mark before a space, a Chinese
#: full stop, exclamation or question mark, or a new line; closing quotes stay with it.
_SENTENCE_END = re.compile(
    r"(?:[.!?\u061f][\"'\u201d\u00bb)]*(?=\s)|[\u3002\uff01\uff1f][\u201d\u300d]*|\n)\s*"
)


def sentences(text: str) -> list[tuple[int, str]]:
    """*text* cut into sentences: (where each starts in *text*, the sentence)."""
    parts: list[tuple[int, str]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if text[start : match.end()].strip():
            parts.append((start, text[start : match.end()]))
        start = match.end()
    if text[start:].strip():
        parts.append((start, text[start:]))
    return parts


def split_line(line: Line) -> list[Line]:
    """*line* as one line per sentence, each lighting up its words in the whole string.

    Speech for a short sentence is ready sooner, so a long page starts to be heard at
    once. A line with a recorded clip stays whole.
    """
    parts = sentences(line.text)
    if len(parts) <= 1:
        return [line]
    shown = line.text if line.shown is None else line.shown
    return [
        Line(text, line.lang, None, line.key, shown, line.shift + start) for start, text in parts
    ]


def ui_clip(msgid: str) -> str:
    """The clip name of a UI string: ``ui/<slug of the English>-<6 hex of its hash>``."""
    words = re.findall(r"[a-z0-9]+", msgid.lower())
    slug = ""
    for word in words:
        if len(slug) + len(word) + 1 > SLUG_MAX:
            break
        slug = f"{slug}-{word}" if slug else word
    import hashlib  # here, not at the top: loading OpenSSL costs the first frame ~5 ms

    digest = hashlib.sha1(msgid.encode("utf-8")).hexdigest()[:6]
    return f"ui/{slug or 'text'}-{digest}"


def lesson_clip(lesson_id: str, owner: str, field: str) -> str:
    """The clip name of a lesson string: its context, and ``.field`` unless it is ``text``."""
    context = f"{lesson_id}/{owner}"
    return context if field in ("text", owner) else f"{context}.{field}"


def has_placeholder(text: str) -> bool:
    """True when *text* has a ``{placeholder}`` filled in at run time."""
    return re.search(r"\{[^{}]*\}", text) is not None


def voice_language(language: str, text: str, source: str | None) -> str:
    """The language whose voice reads *text*: the game's, or English for English text.

    A string with no translation yet shows its English source, and the English voice
    reads it, so what is heard always matches what is shown.
    """
    if language == "en" or language in PSEUDO_LANGUAGES:
        return language
    if not any(c.isalpha() for c in text):  # a number is read in the game's language
        return language
    script = script_of(language)
    if script == "arabic" and not any(is_arabic(c) for c in text):
        return "en"
    if script == "cjk" and not any(is_cjk(c) for c in text):
        return "en"
    if script == "latin" and source is not None and text == source:
        return "en"
    return language


class LineMaker:
    """Builds lines in the translator's current language (what scenes call to narrate)."""

    def __init__(self, tr: Translator, fill: Callable[[str], str] | None = None) -> None:
        """*fill* puts the country's help services into lesson text (identity if None)."""
        self.tr = tr
        self.fill = fill or (lambda text: text)

    def ui(self, msgid: str, *, key: str = "", **fields: object) -> Line:
        """A UI string, formatted with *fields* (then it has no clip)."""
        text = self.tr._(msgid)
        if fields:
            text = text.format(**fields)
        clip = None if fields or has_placeholder(msgid) else ui_clip(msgid)
        return Line(text, voice_language(self.tr.language, text, msgid), clip, key)

    def said(self, text: str, *, key: str = "", shown: str | None = None) -> Line:
        """Text a screen already translated (a title, a button's label).

        If it is a UI string's translation, its recorded clip can play.
        """
        msgid = self.tr.msgid_of(text)
        clip = ui_clip(msgid) if msgid and not has_placeholder(msgid) else None
        line = Line(text, voice_language(self.tr.language, text, msgid), clip, key)
        return _showing(line, shown)

    def lesson(
        self,
        lesson_id: str,
        owner: str,
        field: str,
        source: str,
        *,
        key: str = "",
        shown: str | None = None,
    ) -> Line:
        """A lesson string (looked up by its context, help services filled in)."""
        text = self.fill(self.tr.pgettext(f"{lesson_id}/{owner}", source))
        clip = None if has_placeholder(source) else lesson_clip(lesson_id, owner, field)
        line = Line(text, voice_language(self.tr.language, text, source), clip, key)
        return _showing(line, shown)

    def plain(self, text: str, *, key: str = "", shown: str | None = None) -> Line:
        """Text that is the same in every language (a name), read in the game's language."""
        return _showing(Line(text, voice_language(self.tr.language, text, None), None, key), shown)


def _showing(line: Line, shown: str | None) -> Line:
    """*line*, lighting up words of *shown* where the spoken text sits inside it."""
    if shown is None or shown == line.text:
        return line
    if not shown:  # nothing on screen lights up (a choice's number, read before it)
        return Line(line.text, line.lang, line.clip, line.key, "", 0)
    if line.text in shown:
        shift = shown.index(line.text)
    elif shown in line.text:
        shift = -line.text.index(shown)
    else:
        return Line(line.text, line.lang, line.clip, line.key, "", 0)  # nothing lights up
    return Line(line.text, line.lang, line.clip, line.key, shown, shift)
