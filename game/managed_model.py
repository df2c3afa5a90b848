"""The managed-settings file's model (pydantic), its validation and its JSON Schema.

A school's IT staff write one JSON file (see docs/managed-settings.md); this module says
what it may hold. :func:`validate_managed` keeps each valid setting and leaves out, with a
message, each one with a mistake (and its lock); a file that is not a JSON object or has
an unknown ``version`` is left out as a whole.
"""

from __future__ import annotations

import difflib
import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from game.i18n import LANGUAGES

#: What a managed-settings file can set (and lock), in the order grown-ups read them.
SETTING_NAMES = ("country", "language", "text_size", "read_to_me", "read_pace", "lessons_off")
SettingName = Literal["country", "language", "text_size", "read_to_me", "read_pace", "lessons_off"]
Band = Literal["K2", "G35", "G68", "G912"]
Language = Literal["en", "es", "fr", "pt_BR", "ar", "zh_Hans"]
LessonId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
CountryCode = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
SCHEMA_ID = "https://signal-scouts.invalid/managed-settings.schema.json"

assert set(Language.__args__) == set(LANGUAGES), "Language must list game.i18n.LANGUAGES"  # type: ignore[attr-defined]


class ManagedSettingsFile(BaseModel):
    """Settings a school presets for every child on a computer, and which of them are locked.

    Every setting is optional. A set value is applied over the device's own settings each
    time the game starts; a locked one cannot be changed in the game.
    """

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        populate_by_name=True,
        title="Signal Scouts managed settings",
    )

    schema_ref: str | None = Field(
        None, alias="$schema", description="Optional: where editors find this schema."
    )
    version: Literal[1] = Field(1, description="The file format's version: 1.")
    country: CountryCode | None = Field(
        None,
        description="Whose help lines to show: a two-letter country code with help-line data "
        "(signal-scouts admin --help lists them), or ZZ for 'not listed' (the international "
        "directory).",
    )
    language: Language | None = Field(None, description="The game's language.")
    text_size: Literal["normal", "large", "extra_large", "double"] | None = Field(
        None, description="Text size."
    )
    read_to_me: bool | dict[Band, bool] | None = Field(
        None,
        description="'Read to me': true or false for every age group, or per age group "
        '(e.g. {"K2": true, "G35": true}).',
    )
    read_pace: Literal["normal", "slow"] | None = Field(
        None, description="How fast the game reads aloud."
    )
    lessons_off: list[LessonId] | None = Field(
        None, description="Lesson ids turned off: children never see these lessons."
    )
    locked: list[SettingName] = Field(
        default_factory=list,
        description="Settings children and teachers cannot change in the game (each must "
        "also be set in this file).",
    )

    def set_names(self) -> list[str]:
        """The settings this file sets, in :data:`SETTING_NAMES` order."""
        return [name for name in SETTING_NAMES if getattr(self, name) is not None]

    def read_to_me_by_band(self) -> dict[str, bool]:
        """'Read to me' per age group as the file sets it (every group for a plain true/false)."""
        value = self.read_to_me
        if value is None:
            return {}
        if isinstance(value, bool):
            return dict.fromkeys(Band.__args__, value)  # type: ignore[attr-defined]
        return dict(value)


def validate_managed(data: Any) -> tuple[ManagedSettingsFile | None, list[str]]:
    """The valid part of a parsed managed-settings file, and one message per mistake.

    Each setting stands alone: a setting with a wrong value or an unknown name is left out
    (a lock on it too); a lock naming a setting the file does not set is left out. A file
    that is not a JSON object, or has another ``version``, gives None (nothing applies).
    """
    if not isinstance(data, dict):
        return None, ["the file must hold one JSON object: { ... }; nothing in it is used"]
    kept = dict(data)
    problems: list[str] = []
    for _ in range(3):
        try:
            values = ManagedSettingsFile.model_validate(kept)
            break
        except ValidationError as exc:
            bad_locks: set[int] = set()
            for error in exc.errors():
                loc = error["loc"]
                if loc and loc[0] == "read_to_me":
                    if "read_to_me" in kept:  # one message for both shapes it may take
                        problems.append(READ_TO_ME_SHAPE)
                    kept.pop("read_to_me", None)
                    continue
                problems.append(_describe(error))
                if not loc or loc[0] == "version":
                    return None, [*problems, "the whole file is ignored"]
                if loc[0] == "locked" and len(loc) > 1 and isinstance(loc[1], int):
                    bad_locks.add(loc[1])
                else:
                    kept.pop(str(loc[0]), None)
            if bad_locks and isinstance(kept.get("locked"), list):
                kept["locked"] = [x for i, x in enumerate(kept["locked"]) if i not in bad_locks]
    else:  # pragma: no cover - each pass removes what failed, so the third one passes
        return None, [*problems, "the whole file is ignored"]
    dropped = [name for name in values.locked if getattr(values, name) is None]
    for name in dropped:
        problems.append(f"locked: '{name}' is locked but not set in this file; lock left out")
    locked = list(dict.fromkeys(name for name in values.locked if name not in dropped))
    return values.model_copy(update={"locked": locked}), problems


READ_TO_ME_SHAPE = (
    "read_to_me: should be true, false, or an object of age groups (K2, G35, G68, G912) "
    "to true or false; left out"
)


def _describe(error: Any) -> str:
    """One pydantic error as a line an IT technician can act on."""
    loc = error["loc"]
    where = str(loc[0]) if loc else "file"
    for part in loc[1:]:
        where += f"[{part}]" if isinstance(part, int) else f".{part}"
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(str(loc[-1]), SETTING_NAMES, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        known = ", ".join(SETTING_NAMES)
        return f"{where}: not a setting this file can hold{hint}; known: {known}, locked; left out"
    got = json.dumps(error.get("input"), ensure_ascii=False, default=str)
    if len(got) > 60:
        got = got[:57] + "..."
    return f"{where}: {error['msg']} (found {got}); left out"


def managed_schema() -> dict:
    """The JSON Schema of a managed-settings file (generated from the model)."""
    schema = ManagedSettingsFile.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    return schema


def managed_schema_text() -> str:
    """The schema as stored in ``docs/managed-settings.schema.json``."""
    return json.dumps(managed_schema(), indent=2, ensure_ascii=False) + "\n"
