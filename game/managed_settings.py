"""Settings a school's IT staff preset and lock: where the file is, reading it, applying it.

The file (format: docs/managed-settings.md, model: :mod:`game.managed_model`) lives in the
system-wide configuration folder (platformdirs' ``site_config_dir``), or wherever
``SIGNAL_SCOUTS_MANAGED_SETTINGS`` points (an empty value turns managed settings off).
Reading it never raises: what cannot be read or used is kept as a message for the
grown-ups' screen, and the game carries on with the device's own settings.

Nothing here imports pydantic unless a file exists, so an ordinary start stays quick.
"""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.managed_model import ManagedSettingsFile
    from game.paths import EarlySettings
    from game.profile import Settings

MANAGED_ENV = "SIGNAL_SCOUTS_MANAGED_SETTINGS"
FILE_NAME = "managed-settings.json"
#: A larger file is not read at all (a settings file is a few hundred bytes).
MAX_BYTES = 64 * 1024


def managed_settings_path(environ: Mapping[str, str] | None = None) -> Path | None:
    """Where the managed-settings file is looked for (None: managed settings are off).

    ``SIGNAL_SCOUTS_MANAGED_SETTINGS`` wins (empty turns them off); otherwise
    ``managed-settings.json`` in the system-wide configuration folder (platformdirs'
    ``site_config_dir``: docs/managed-settings.md lists it per system).
    """
    env = os.environ if environ is None else environ
    override = env.get(MANAGED_ENV)
    if override is not None:
        return Path(override) if override.strip() else None
    import platformdirs

    return Path(platformdirs.site_config_dir("signal-scouts", appauthor=False)) / FILE_NAME


@dataclass
class ManagedSettings:
    """What a managed-settings file sets and locks, and what was wrong with it."""

    #: Where the file was looked for (None: managed settings are off).
    path: Path | None = None
    #: The file exists (even if nothing in it could be used).
    found: bool = False
    #: The settings that apply (None: none do).
    values: ManagedSettingsFile | None = None
    #: One line per mistake, for the grown-ups' screen and ``signal-scouts admin --check``.
    problems: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        """True when the file sets or locks anything."""
        return self.values is not None and bool(self.values.set_names())

    def sets(self, name: str) -> bool:
        """True when the file sets setting *name* (``country``, ``text_size``, ...)."""
        return self.values is not None and getattr(self.values, name, None) is not None

    def locked(self, name: str, band: str | None = None) -> bool:
        """True when children may not change setting *name* (for age group *band*).

        ``read_to_me`` is locked only for the age groups the file sets.
        """
        if self.values is None or name not in self.values.locked:
            return False
        if name == "read_to_me" and band is not None:
            return band in self.values.read_to_me_by_band()
        return True

    def lessons_off(self) -> set[str]:
        """Lesson ids the file turns off (current ids, after any renames)."""
        if self.values is None or not self.values.lessons_off:
            return set()
        from game.profile import current_lesson_id

        return {current_lesson_id(lesson_id) for lesson_id in self.values.lessons_off}

    def lesson_locked(self, lesson_id: str) -> bool:
        """True when the file turns *lesson_id* off and locks that (no one can turn it on)."""
        return self.locked("lessons_off") and lesson_id in self.lessons_off()

    def apply(self, settings: Settings) -> None:
        """Put the file's values over the device's *settings* (in memory; saved with them)."""
        values = self.values
        if values is None:
            return
        if values.country is not None:
            settings.country = values.country
            settings.country_confirmed = True  # the school chose: the menu does not ask
        if values.language is not None:
            settings.language = values.language
        if values.text_size is not None:
            settings.text_size = values.text_size
        settings.read_to_me.update(values.read_to_me_by_band())  # type: ignore[arg-type]
        if values.read_pace is not None:
            settings.read_pace = values.read_pace
        off = self.lessons_off()
        if off:
            settings.disabled_lessons = sorted({*settings.disabled_lessons, *off})

    def over_early(self, early: EarlySettings) -> EarlySettings:
        """The first frame's settings with the file's language and text size over them."""
        if self.values is None:
            return early
        changes = {
            name: getattr(self.values, name)
            for name in ("language", "text_size")
            if getattr(self.values, name) is not None
        }
        return dataclasses.replace(early, **changes)


def load_managed(path: Path | None) -> ManagedSettings:
    """Read the managed-settings file at *path*; never raises.

    A missing file means nothing is managed. An unreadable, oversized or non-JSON file is
    reported and ignored as a whole; otherwise each valid setting applies and each
    mistake is reported (:func:`game.managed_model.validate_managed`).
    """
    managed = ManagedSettings(path=path)
    if path is None:
        return managed
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return managed
    except OSError as exc:
        managed.found = True
        reason = exc.strerror or type(exc).__name__
        managed.problems.append(f"the file cannot be read ({reason}); nothing in it is used")
        return managed
    managed.found = True
    if len(raw) > MAX_BYTES:
        managed.problems.append(
            f"the file is larger than {MAX_BYTES // 1024} KB; nothing in it is used"
        )
        return managed
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        managed.problems.append("the file is not UTF-8 text; nothing in it is used")
        return managed
    except json.JSONDecodeError as exc:
        managed.problems.append(
            f"line {exc.lineno}, column {exc.colno}: not valid JSON ({exc.msg}); "
            "nothing in it is used"
        )
        return managed
    except RecursionError:
        managed.problems.append("the file is nested too deeply; nothing in it is used")
        return managed
    from game.managed_model import validate_managed

    managed.values, problems = validate_managed(data)
    managed.problems.extend(problems)
    return managed
