"""Which eSpeak NG voice reads each language, and how fast for each pace."""

from __future__ import annotations

#: Game language -> eSpeak NG voice. The pseudo-locales are read by the English voice.
VOICES = {
    "en": "en",
    "es": "es",
    "fr": "fr",
    "pt_BR": "pt-br",
    "ar": "ar",
    "zh_Hans": "cmn",
    "en_XA": "en",
    "ar_XB": "en",
}

#: Reading pace -> words per minute (eSpeak's own default, 175, is quick for a 5-year-old).
PACES = {"normal": 150, "slow": 115}


def voice_for(language: str) -> str:
    """The eSpeak voice for a game *language* (its base language's, else English)."""
    if language in VOICES:
        return VOICES[language]
    base = language.split("_")[0]
    return next((voice for code, voice in VOICES.items() if code.split("_")[0] == base), "en")


def rate_for(pace: str) -> int:
    """Words per minute for a reading *pace* (``normal`` or ``slow``)."""
    return PACES.get(pace, PACES["normal"])
