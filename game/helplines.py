"""Help and reporting services per country, kept as data apart from translations."""

from __future__ import annotations

import datetime
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field

from game.content.source import Loader


class Service(BaseModel):
    """One helpline or reporting service."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    what: str
    phone: str | None = None
    web: str | None = None
    text: str | None = None
    source: str
    checked: datetime.date


class Country(BaseModel):
    """The services shown on the help screen for one country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    reviewed: bool = Field(False, description="Checked by a person in that country.")
    services: list[Service] = Field(min_length=1)


class Helplines(BaseModel):
    """Every country's services, and the default country."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    default: str
    countries: dict[str, Country]

    def for_country(self, code: str) -> tuple[str, Country]:
        """The services for *code*, or the default country's if there are none."""
        if code in self.countries:
            return code, self.countries[code]
        return self.default, self.countries[self.default]


def load_helplines(path: Path) -> Helplines:
    """Read the helpline data file (plain, safe YAML)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)  # noqa: S506
    return Helplines.model_validate(data)
