"""Catalog style: French spacing, glossary terms used consistently, no-break spaces that glue."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from game.ui.text import wrap

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"

#: msgids that mention taking a picture down (the platform removes it), not the
#: "Take It Down" service, whose name stays as a {takedown} placeholder.
TAKE_DOWN = r"\btaken down\b|\btake[- ]down\b"
RED_FLAG = r"\bred[- ]flags?\b"
NOT_YOUR_FAULT = r"\bnot your fault\b"
BLAME_GAME = r"\bblame game\b"

#: (language, msgid pattern, msgstr must match, msgstr must not match), from the
#: glossaries in locales/<lang>/glossary.md.
GLOSSARY_RULES: list[tuple[str, str, str | None, str | None]] = [
    ("ar", TAKE_DOWN, r"إزال|ازال|تُزال|يُزال|تزال|يزال", r"حذف|تحذف|يحذف|نحذف"),
    ("es", TAKE_DOWN, None, r"borr"),
    ("fr", TAKE_DOWN, None, r"effac"),
    ("pt_BR", TAKE_DOWN, None, r"apag"),
    ("es", RED_FLAG, r"señal(es)? de alerta|sensaci[oó]n(es)? de alerta", r"bandera roja"),
    ("fr", RED_FLAG, r"signa(l|ux) d['’]alerte|sensations? d['’]alerte", r"drapeau rouge"),
    ("pt_BR", RED_FLAG, r"sina(l|is) de alerta|sensaç(ão|ões) de alerta", r"bandeira vermelha"),
    ("zh_Hans", RED_FLAG, r"危险信号", r"红旗"),
    ("es", NOT_YOUR_FAULT, r"\btu culpa\b", None),
    ("fr", NOT_YOUR_FAULT, r"\bpas ta faute\b", None),
    ("pt_BR", NOT_YOUR_FAULT, r"culpa não é sua|não é culpa sua|não sendo sua|sua culpa", None),
    ("zh_Hans", NOT_YOUR_FAULT, r"不是你的错", None),
    ("es", BLAME_GAME, r"(echa|echarle) la culpa a la víctima", r"juego de la culpa"),
    ("fr", BLAME_GAME, r"faute (rejetée )?sur la victime|rejette la faute", r"coup de la faute"),
    ("pt_BR", BLAME_GAME, r"culpa na vítima", r"jogo da culpa"),
    ("ar", BLAME_GAME, r"إلقاء اللوم", r"لعبة اللوم"),
]

#: A plain space before : ; ! ? or after « / before » (French needs a no-break space).
FRENCH_PLAIN_SPACE = re.compile(r" [:;!?»]|« ")


def _entries(lang: str) -> list[tuple[str | None, str, str]]:
    """(msgctxt, msgid, msgstr) of every translated, current entry of *lang*."""
    with (LOCALES / lang / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    entries = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        entries += [(message.context, ids[0], text) for text in strings if text]
    return entries


def test_french_uses_no_break_spaces_in_punctuation() -> None:
    """No French msgstr has a plain space before : ; ! ? or inside « »."""
    bad = [
        f"{context}: …{text[max(0, hit.start() - 20) : hit.end() + 5]}…"
        for context, _msgid, text in _entries("fr")
        for hit in FRENCH_PLAIN_SPACE.finditer(text)
    ]
    assert not bad, f"{len(bad)} plain spaces (use U+00A0):\n" + "\n".join(bad[:20])


@pytest.mark.parametrize(
    ("lang", "english", "required", "forbidden"),
    GLOSSARY_RULES,
    ids=[f"{rule[0]}-{rule[1][:14]}" for rule in GLOSSARY_RULES],
)
def test_glossary_terms_are_used_consistently(
    lang: str, english: str, required: str | None, forbidden: str | None
) -> None:
    """Every msgid with a glossary term gets the glossary's translation, never the banned one."""
    bad = []
    for context, msgid, text in _entries(lang):
        if not re.search(english, msgid, re.IGNORECASE):
            continue
        # "Don't delete it… get it taken down": the delete verb may appear once per "delete".
        allowed = len(re.findall(r"\bdelet", msgid, re.IGNORECASE)) if english == TAKE_DOWN else 0
        missing = required is not None and not re.search(required, text, re.IGNORECASE)
        banned = forbidden is not None and len(re.findall(forbidden, text, re.I)) > allowed
        if missing or banned:
            bad.append(f"{context}: {text[:100]}")
    assert not bad, f"{len(bad)} entries break locales/{lang}/glossary.md:\n" + "\n".join(bad)


def test_portuguese_entries_do_not_mix_straight_and_curly_quotes() -> None:
    """A pt_BR msgstr uses straight quotes or curly quotes, never both."""
    bad = [
        f"{context}: {text[:80]}"
        for context, _msgid, text in _entries("pt_BR")
        if '"' in text and re.search("[“”]", text)
    ]
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
def test_wrap_never_breaks_at_a_no_break_space(space: str) -> None:
    """The wrapper keeps "mot\u00a0?" (and « mot ») on one line, even when it is tight."""
    text = f"Est-ce que tu connais ce mot{space}? «{space}oui{space}»"
    for width in range(12, 45):
        lines = wrap(len, text, width)
        assert all(not line.startswith(("?", "»", space)) for line in lines), (width, lines)
        assert all(not line.endswith(("«", space)) for line in lines), (width, lines)
        assert f"mot{space}?" in "\n".join(lines), (width, lines)


def test_wrap_keeps_french_punctuation_with_its_word_after_a_plain_space() -> None:
    """A stray plain space before "?" or "»" never lets the punctuation start a line."""
    text = "Est-ce que tu connais ce mot ? « oui »"
    for width in range(12, 45):
        lines = wrap(len, text, width)
        assert all(not line.startswith(("?", "»")) for line in lines), (width, lines)
        assert all(not line.endswith("«") for line in lines), (width, lines)


def test_plan_excerpts_keep_french_no_break_spaces() -> None:
    """A step quoted in a French plan keeps « mot » and "mot ?" glued (no plain space)."""
    from game.content.loader import load_pack
    from game.i18n import Translator
    from game.paths import ContentPaths
    from game.printing.lesson_text import LessonText

    paths = ContentPaths.discover()
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    tr = Translator("fr", paths.locales)
    quoted = []
    for lesson in pack.lessons:
        text = LessonText(lesson, tr)
        quoted += [text.excerpt(step, limit=400) for step in lesson.steps]
    glued = [q for q in quoted if "\u00a0" in q or "\u202f" in q]
    assert glued, "no French excerpt has a no-break space: the check would prove nothing"
    loose = [q for q in quoted if re.search(r" [?!:;»]|« ", q)]
    assert not loose, "\n".join(loose)
