"""Lesson text names help services through placeholders, filled for the reader's country.

A lesson writes ``{takedown}``, ``{report}``, ``{helpline}`` or ``{crisis}`` instead of
a service's name; :func:`fill_services` puts in the names of the chosen country's
services with that role that the lesson's age group sees ("A or B", joined in the
reader's language), or a generic phrase when the country has none or is not listed.
Every place that shows lesson text (the game's screens, plans, family packs) calls it
after translating, so translations keep the placeholders (``game/i18n_checks.py``).
"""

from __future__ import annotations

import re

from game.helplines import Helplines, LocalHelp
from game.i18n import N_, PSEUDO_LANGUAGES, Translator

#: A ``{name}`` in lesson text.
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")

#: What each placeholder (one per role in game.helplines.ROLES) says when the country has
#: no service with that role.
GENERIC: dict[str, str] = {
    "takedown": N_("a take-down service for your country"),
    "report": N_("the reporting service for your country"),
    "helpline": N_("a helpline for your country"),
    "crisis": N_("a crisis line for your country"),
}


def fill_services(text: str, local: LocalHelp | None, tr: Translator, band: str) -> str:
    """*text* (already translated) with each ``{role}`` replaced for *band*'s readers.

    *local* is the help for the chosen country (None: a generic phrase everywhere).
    Unknown names are left as they are; the lesson lint reports them.
    """
    if "{" not in text:
        return text

    def replace(match: re.Match[str]) -> str:
        role = match.group(1)
        if role not in GENERIC:
            return match.group(0)
        names = local.names(role, band) if local else []
        return join_or(names, tr.language) if names else tr._(GENERIC[role])

    return PLACEHOLDER.sub(replace, text)


def join_or(names: list[str], language: str) -> str:
    """``A``, ``A or B``, ``A, B or C`` with the "or" of *language* (from CLDR)."""
    from babel import Locale, UnknownLocaleError
    from babel.lists import format_list

    try:
        locale = Locale.parse("en" if language in PSEUDO_LANGUAGES else language)
    except (UnknownLocaleError, ValueError):
        locale = Locale.parse("en")
    return format_list(names, style="or", locale=locale)


def service_names(helplines: Helplines) -> dict[str, tuple[str, ...]]:
    """Every service's short name in the help-line data, with the roles it has."""
    out: dict[str, tuple[str, ...]] = {}
    for service in helplines.every_service():
        roles = out.get(service.short_name, ())
        out[service.short_name] = roles + tuple(r for r in service.roles if r not in roles)
    return out
