"""Translation access for the whole game.

Every user-visible string goes through a :class:`Translator` that is passed in
(never a global), so the language can change while the game runs. Strings that
must be declared before a translator exists (tables of names) are wrapped in
:func:`N_`, which marks them for extraction and returns them unchanged.
"""

from __future__ import annotations

import gettext
from pathlib import Path


def N_(message: str) -> str:  # noqa: N802 - gettext convention
    """Mark *message* for extraction without translating it yet."""
    return message


class Translator:
    """Looks up UI and lesson strings in the active language's catalog."""

    def __init__(self, language: str = "en", localedir: Path | None = None) -> None:
        self.localedir = localedir
        self.language = language
        self._catalog: gettext.NullTranslations = gettext.NullTranslations()
        self.set_language(language)

    def set_language(self, language: str) -> None:
        """Switch to *language*; unknown languages fall back to the English source text."""
        self.language = language
        if self.localedir is None:
            self._catalog = gettext.NullTranslations()
            return
        self._catalog = gettext.translation(
            "messages", localedir=str(self.localedir), languages=[language], fallback=True
        )

    def _(self, message: str) -> str:
        """Translate a UI string."""
        return self._catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """Translate a UI string with a plural form chosen by *n*."""
        return self._catalog.ngettext(singular, plural, n)

    def pgettext(self, context: str, message: str) -> str:
        """Translate *message* in *context* (lesson strings use their stable id as context)."""
        return self._catalog.pgettext(context, message)
