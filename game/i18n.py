"""Translation access for the whole game.

Every user-visible string goes through a :class:`Translator` that is passed in
(never a global), so the language can change while the game runs. Strings that
must be declared before a translator exists (tables of names) are wrapped in
:func:`N_`, which marks them for extraction and returns them unchanged.

Two pseudo-locales help testing: ``en_XA`` (accented and about 40 % longer, inside
``⟦ ⟧``) and ``ar_XB`` (the same text, laid out right to left). A string on screen
without the brackets did not come from a catalog.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import datetime

#: Shipped languages, in picker order.
LANGUAGES = ("en", "es", "fr", "pt_BR", "ar", "zh_Hans")
PSEUDO_LANGUAGES = ("en_XA", "ar_XB")
RTL_LANGUAGES = {"ar", "ar_XB", "he", "fa", "ur"}
OPEN, CLOSE = "\u27e6", "\u27e7"


def N_(message: str) -> str:  # noqa: N802 - gettext convention
    """Mark *message* for extraction without translating it yet."""
    return message


def is_rtl(language: str) -> bool:
    """True for languages written right to left."""
    return language in RTL_LANGUAGES or language.split("_")[0] in RTL_LANGUAGES


def script_of(language: str) -> str:
    """The writing system the language's UI text needs: ``latin``, ``arabic`` or ``cjk``."""
    base = language.split("_")[0]
    if language == "ar_XB":
        return "latin"
    if base in ("ar", "fa", "ur"):
        return "arabic"
    if base in ("zh", "ja", "ko"):
        return "cjk"
    return "latin"


def fallback_chain(language: str) -> list[str]:
    """Catalogs to try in order, e.g. ``pt_BR`` -> ``pt_BR``, ``pt`` (then the English source)."""
    chain = [language]
    base = language.split("_")[0]
    if base != language:
        chain.append(base)
    return chain


_ACCENTS = str.maketrans("aeiouyAEIOUYcnCNsz", "àéîõüÿÀÉÎÕÜŸçñÇÑšž")
_FIELD = re.compile(r"(\{[^{}]*\})")


def pseudo(text: str) -> str:
    """Accent the letters (not ``{placeholders}``), pad by about 40 % and bracket the result."""
    parts = _FIELD.split(text)
    body = "".join(p if _FIELD.fullmatch(p) else p.translate(_ACCENTS) for p in parts)
    padding = "~" * max(1, round(len(text) * 0.4))
    return f"{OPEN}{body} {padding}{CLOSE}"


def territory_name(language: str, code: str) -> str:
    """The name of country *code* written in *language* (pseudo-locales use English)."""
    from babel import Locale, UnknownLocaleError

    language = "en" if language in PSEUDO_LANGUAGES else language
    try:
        return Locale.parse(language).territories.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code


def bcp47(language: str) -> str:
    """The language tag for documents: ``pt_BR`` -> ``pt-BR``, ``zh_Hans`` -> ``zh-Hans``."""
    return language.replace("_", "-")


class _Pseudo(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return pseudo(singular if n == 1 else plural)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)


class Translator:
    """Looks up UI and lesson strings in the active language's catalog."""

    def __init__(self, language: str = "en", localedir: Path | None = None) -> None:
        self.localedir = localedir
        self.language = language
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        self._sources: dict[str, str] | None = None
        self.set_language(language)

    def set_language(self, language: str) -> None:
        """Switch to *language*; a missing message falls back along the chain to English."""
        self.language = language
        self._sources = None
        if language in PSEUDO_LANGUAGES:
            self._catalog = _Pseudo()
        elif self.localedir is None or language == "en":
            self._catalog = gettext.NullTranslations()
        else:
            self._catalog = gettext.translation(
                "messages",
                localedir=str(self.localedir),
                languages=fallback_chain(language),
                fallback=True,
            )

    @property
    def has_catalog(self) -> bool:
        """True when a compiled catalog was found for the language (or it needs none)."""
        return self.language == "en" or type(self._catalog) is not gettext.NullTranslations

    @property
    def rtl(self) -> bool:
        """True when the active language is written right to left."""
        return is_rtl(self.language)

    def _(self, message: str) -> str:
        """Translate a UI string."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a UI string with a plural form chosen by *n*."""
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """Translate *message* in *context* (lesson strings use their stable id as context)."""
        return self._catalog.pgettext(context, message)

    def msgid_of(self, text: str) -> str | None:
        """The English UI string whose translation is *text* (None if it is not one).

        Narration uses it to find a recorded clip for a string a screen has already
        translated. In English a text is its own source if a catalog translates it (a
        formatted string, "Sound: On", is not one).
        """
        if self._sources is None:
            sources: dict[str, str] = {}
            catalog: gettext.NullTranslations | None = self._catalog
            if self.language == "en" and self.localedir is not None:
                catalog = gettext.translation(  # any shipped catalog lists the msgids
                    "messages", str(self.localedir), list(LANGUAGES[1:]), fallback=True
                )
            while catalog is not None:  # the language, then its fallbacks
                for msgid, msgstr in getattr(catalog, "_catalog", {}).items():
                    if isinstance(msgid, str) and msgid and "\x04" not in msgid:
                        sources.setdefault(msgid if self.language == "en" else msgstr, msgid)
                catalog = getattr(catalog, "_fallback", None)
            self._sources = sources
        return self._sources.get(text)

    def date(self, value: datetime.date) -> str:
        """A date written the way the active language writes dates (e.g. 29 nov 2026)."""
        from babel.dates import format_date

        locale = self.language if self.language not in PSEUDO_LANGUAGES else "en"
        return format_date(value, format="medium", locale=locale)

    def number(self, value: float) -> str:
        """A number formatted for the active language (digits, separators)."""
        from babel.numbers import format_decimal

        locale = self.language if self.language not in PSEUDO_LANGUAGES else "en"
        return format_decimal(value, locale=locale)

    def percent(self, value: float) -> str:
        """A fraction written as a percentage for the active language (0.4 -> 40%)."""
        from babel.numbers import format_percent

        locale = self.language if self.language not in PSEUDO_LANGUAGES else "en"
        return format_percent(value, locale=locale)
