"""Help and reporting services per country, kept as data apart from translations.

:class:`Helplines` is the data file (``assets/safety/helplines.yaml``, whose header
explains every field). :class:`LocalHelp` is the help for one chosen country, or the
international directory when that country is not listed, and picks the services and
the wording each reader sees: a child of one age group, or a grown-up.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

from game.content.source import Loader

if TYPE_CHECKING:
    from game.i18n import Translator

Band = Literal["K2", "G35", "G68", "G912"]
Role = Literal["takedown", "report", "helpline", "crisis"]
#: What lesson text may call a service by, as ``{role}`` placeholders.
ROLES: tuple[Role, ...] = ("takedown", "report", "helpline", "crisis")
#: Age groups that read ``what_young`` instead of ``what``.
YOUNG_BANDS = ("K2", "G35")
#: The reader of grown-ups' screens and printables: every service, in the full wording.
ADULT = "adult"
#: Translation context suffix of the international directory (``helpline/international``).
INTERNATIONAL = "international"


class Service(BaseModel):
    """One helpline or reporting service."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    roles: list[Role] = Field(
        default_factory=list, description="What lesson placeholders may call it by."
    )
    bands: list[Band] = Field(description="Age groups whose help screen lists it.")
    what: str = Field(description="What it is for, for ages 11+ and grown-ups.")
    what_young: str | None = Field(None, description="What it is for, in K2 and G35 words.")
    phone: str | None = None
    web: str | None = None
    text: str | None = None
    source: str
    checked: datetime.date

    @model_validator(mode="after")
    def _young_wording(self) -> Service:
        if set(self.bands) & set(YOUNG_BANDS) and not self.what_young:
            raise ValueError(
                f"{self.name} is listed for K2 or G35, so it needs 'what_young:' in their words"
            )
        return self

    @property
    def short_name(self) -> str:
        """The name lesson text uses: without a bracketed part ("Take It Down (NCMEC)")."""
        return re.sub(r"\s*\([^()]*\)$", "", self.name)

    def shown_to(self, audience: str) -> bool:
        """Whether *audience* (an age group, or :data:`ADULT`) sees this service."""
        return audience == ADULT or audience in self.bands

    def description(self, audience: str) -> str:
        """The untranslated ``what`` text for *audience*."""
        if audience in YOUNG_BANDS and self.what_young:
            return self.what_young
        return self.what


class Country(BaseModel):
    """The services shown on the help screen for one country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    reviewed: bool = Field(False, description="Checked by a person in that country.")
    services: list[Service] = Field(min_length=1)


class Helplines(BaseModel):
    """Every country's services, and the international directory for the rest."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    countries: dict[str, Country]
    international: Country

    def for_country(self, code: str) -> LocalHelp:
        """The help for *code*: its services, or the international directory if unlisted."""
        return LocalHelp(code, self.countries.get(code), self.international)

    def every_service(self) -> list[Service]:
        """Every service of every country, then the directory's."""
        listed = [*self.countries.values(), self.international]
        return [service for country in listed for service in country.services]


@dataclass(frozen=True)
class LocalHelp:
    """The help for one chosen country, for every kind of reader."""

    code: str
    country: Country | None
    international: Country

    @property
    def known(self) -> bool:
        """True when the data lists this country's own services."""
        return self.country is not None

    @property
    def listed(self) -> Country:
        """The country's entry, or the international directory."""
        return self.country or self.international

    @property
    def context(self) -> str:
        """The translation context of the listed services' descriptions."""
        return f"helpline/{self.code if self.known else INTERNATIONAL}"

    def services(self, audience: str) -> list[Service]:
        """The services *audience* (an age group, or :data:`ADULT`) sees."""
        return [s for s in self.listed.services if s.shown_to(audience)]

    def describe(self, service: Service, audience: str, tr: Translator) -> str:
        """What *service* is for, translated, in *audience*'s words."""
        return tr.pgettext(self.context, service.description(audience))

    def names(self, role: str, audience: str) -> list[str]:
        """Short names of this country's services with *role* that *audience* sees."""
        if self.country is None:
            return []
        return [
            s.short_name for s in self.country.services if role in s.roles and s.shown_to(audience)
        ]


def load_helplines(path: Path) -> Helplines:
    """Read the helpline data file (plain, safe YAML)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    return Helplines.model_validate(data)
