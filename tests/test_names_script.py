"""Names in the reader's script in the Arabic and Chinese catalogs.

Characters, players and games are spelled in the reader's own letters; only handles that look typed
and real organisations stay in Latin script.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

LOCALES = Path(__file__).resolve().parent.parent / "locales"

#: Character, player and game names a child reads (see the Names section of each glossary).
#: Handles that look typed (MoonMiner, kiki.builds, jay_skates...) and real services are not listed.
CHARACTERS = ("Kai", "Lina", "Pip", "Scout", "Zippy", "Blip", "Tiko", "Momo", "Comet", "Kestrel")
TEEN_CHARACTERS = (
    "Sam",
    "Riley",
    "Jordan",
    "Rae",
    "Priya",
    "Dev",
    "Jules",
    "Casey",
    "Alex",
    "Morgan",
    "Rivera",
    "Okafor",
    "Haddad",
)
GAMES = (
    "Star Garden",
    "Pawpaw Park",
    "Doodle Town",
    "Craft Kingdom",
    "Jungle Jam",
    "Galaxy Racers",
    "Block Builders",
    "Dino Rangers",
)
NAMES_BY_LANGUAGE: dict[str, tuple[str, ...]] = {
    "ar": (*CHARACTERS, *TEEN_CHARACTERS, *GAMES),
    "zh_Hans": (*CHARACTERS, *TEEN_CHARACTERS, *GAMES),
}


def latin_names(language: str) -> list[str]:
    """Every "msgctxt | name" where a listed name is still in Latin letters in a msgstr."""
    names = NAMES_BY_LANGUAGE[language]
    alternatives = "|".join(map(re.escape, names))
    pattern = re.compile(rf"(?<![A-Za-z0-9_.@])({alternatives})(?![A-Za-z0-9_]|\.[A-Za-z0-9])")
    with (LOCALES / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        catalog = read_po(handle)
    found = []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            text = re.sub(r"\{[^{}]*\}|https?://\S+", "", text or "")
            found += [f"{message.context or ''} | {m.group(1)}" for m in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("language", sorted(NAMES_BY_LANGUAGE))
def test_character_and_game_names_are_in_the_readers_script(language: str) -> None:
    """No character, player or game name a child reads is left in Latin letters in ar or zh_Hans."""
    assert latin_names(language) == []


def test_typed_handles_stay_in_latin_script() -> None:
    """Handles that look typed (dot, underscore, CamelCase) keep their Latin spelling."""
    for language in NAMES_BY_LANGUAGE:
        text = (LOCALES / language / "LC_MESSAGES" / "messages.po").read_text(encoding="utf-8")
        msgstrs = "".join(re.findall(r'^msgstr(?:\[\d\])? "(.*)"$', text, flags=re.M))
        for handle in ("MoonMiner", "kiki.builds", "jay_skates", "StarBlaze"):
            assert handle in msgstrs, (language, handle)
