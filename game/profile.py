"""What the game remembers on this device: settings and progress. Never a name.

Every field is checked when it is read back: only languages and countries the game
offers, ids and codes of bounded length, numbers within what play can produce. A value
that fails is dropped (the rest of the file is kept; see :mod:`game.storage`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationInfo,
    field_validator,
    model_validator,
)

from game.paths import SETTINGS_MAX_BYTES
from game.storage import JsonStore

#: Lessons whose id changed: old id -> new id. What was saved under an old id (progress,
#: the lessons a teacher switched off, learning-check counts) carries over when loaded.
LESSON_RENAMES: dict[str, str] = {
    "k2-mo-and-the-tricky-game": "k2-kai-and-the-tricky-game",
    "g35-red-flag-detectives": "g35-spot-the-red-flags",
}


def current_lesson_id(lesson_id: str) -> str:
    """The id a lesson has now (*lesson_id* itself unless the lesson was renamed)."""
    return LESSON_RENAMES.get(lesson_id, lesson_id)


#: The most stars one tactic can hold in one lesson (no lesson comes near it).
MAX_STARS = 1000
#: The most of anything counted (plays of a lesson).
MAX_COUNT = 1_000_000

#: A lesson, step or choice id as lessons spell them (game.content.model.Id).
SavedId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64)]
SavedTactic = Annotated[str, StringConstraints(pattern=r"^T[0-9][0-9]$")]
SavedSkill = Annotated[str, StringConstraints(pattern=r"^R[0-9][0-9]$")]
StarCount = Annotated[int, Field(ge=0, le=MAX_STARS)]
Version = Annotated[int, Field(ge=0, le=MAX_COUNT)]
WindowSide = Annotated[int, Field(gt=0, le=16384)]


def _known_language(code: str) -> str:
    """*code* if the game has that language (or is one of the test pseudo-locales)."""
    from game.i18n import LANGUAGES, PSEUDO_LANGUAGES

    if code not in LANGUAGES + PSEUDO_LANGUAGES:
        raise ValueError("not a language the game offers")
    return code


_COUNTRY_CODE = re.compile(r"[A-Z]{2}")


class Settings(BaseModel):
    """Player settings. The age group is a band code, not a birthday or a name."""

    model_config = ConfigDict(extra="ignore")

    version: Version = 1
    text_size: Literal["normal", "large", "extra_large", "double"] = "normal"
    sound: bool = True
    music: bool = Field(
        False,
        description="Quiet music on the menus. Off until someone turns it on: many "
        "laptops share one classroom.",
    )
    fullscreen: bool = False
    window_size: tuple[WindowSide, WindowSide] | None = Field(
        None, description="The window's size when the game last closed (not full screen)."
    )
    band: Literal["K2", "G35", "G68", "G912"] | None = None
    language: Annotated[str, AfterValidator(_known_language)] = "en"
    country: Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")] = Field(
        default_factory=lambda: default_country(),
        description="Whose help lines to show: a country code, or UNKNOWN_COUNTRY.",
    )
    country_confirmed: bool = Field(
        False, description="A grown-up chose the country (else the grown-ups' menu asks once)."
    )
    disabled_lessons: list[SavedId] = Field(
        default_factory=list, description="Lesson ids a teacher turned off for this device."
    )
    learning_check: bool = Field(
        False, description="A teacher turned on the anonymous before/after learning check."
    )
    theme: Literal["normal", "high_contrast"] = Field(
        "normal", description="Colours: the everyday look, or high contrast."
    )
    reading_font: Literal["andika", "atkinson"] = Field(
        "andika",
        description="Latin-script font: Andika, or Atkinson Hyperlegible (Arabic and "
        "Chinese keep their own fonts).",
    )
    reduced_motion: bool = Field(
        False, description="Animations are skipped: things appear in place at once."
    )
    switch_access: Literal["off", "one", "two"] = Field(
        "off",
        description="Switch access: off; one switch (the focus steps on by itself and the "
        "switch presses); two switches (one moves the focus, the other presses).",
    )
    scan_seconds: float = Field(
        2.0, ge=1.0, le=5.0, description="With one switch: seconds the focus stays on a button."
    )
    read_to_me: dict[Literal["K2", "G35", "G68", "G912"], bool] = Field(
        default_factory=dict,
        description="'Read to me' per age group, where a grown-up changed it (otherwise "
        "on for K2 and off for older groups: game.narration.reader.reads_aloud).",
    )
    read_pace: Literal["normal", "slow"] = Field(
        "normal", description="How fast the game reads aloud."
    )

    @model_validator(mode="before")
    @classmethod
    def _known_country(cls, data: Any, info: ValidationInfo) -> Any:
        """A country the game has no help lines for is dropped, and asked again.

        The countries come in the validation context (``countries``, from the help-line
        data); without them, any two-letter code passes. "Not listed" (ZZ) always does.
        """
        if not isinstance(data, dict) or "country" not in data:
            return data
        country = data["country"]
        known = (info.context or {}).get("countries")
        ok = isinstance(country, str) and _COUNTRY_CODE.fullmatch(country) is not None
        if ok and known is not None:
            ok = country in known or country == UNKNOWN_COUNTRY
        if ok:
            return data
        return {k: v for k, v in data.items() if k not in ("country", "country_confirmed")}

    @field_validator("disabled_lessons", mode="after")
    @classmethod
    def _renamed_lessons(cls, ids: list[str]) -> list[str]:
        """Renamed lessons stay switched off under their new ids."""
        return list(dict.fromkeys(current_lesson_id(lesson_id) for lesson_id in ids))


#: CLDR's code for an unknown region: no country, or "Not listed / other country".
UNKNOWN_COUNTRY = "ZZ"


def default_country() -> str:
    """The country from the system locale (e.g. ``en_GB`` -> ``GB``), else unknown.

    The code may have no help-line data; the help screen then shows the international
    directory and asks a grown-up to choose the country (never another country's numbers).
    """
    import locale

    name = locale.getlocale()[0] or ""
    part = name.split(".")[0].split("_")[-1] if "_" in name else ""
    return part.upper() if len(part) == 2 and part.isalpha() else UNKNOWN_COUNTRY


class LessonProgress(BaseModel):
    """Progress in one lesson."""

    completed: bool = False
    plays: int = Field(0, ge=0, le=MAX_COUNT)
    stars: dict[SavedTactic, StarCount] = Field(
        default_factory=dict, description="best stars per tactic"
    )
    skills: list[SavedSkill] = Field(default_factory=list)


class ResumePoint(BaseModel):
    """Where a lesson was left part-way, to carry on later: step and choice ids, codes."""

    path: list[SavedId] = Field(
        description="Steps visited in order; the last is where to carry on."
    )
    picks: list[SavedId | None] = Field(description="The choice made at each step of path.")
    stars: dict[SavedTactic, StarCount] = Field(default_factory=dict)
    skills: list[SavedSkill] = Field(default_factory=list)
    flags: list[SavedTactic] = Field(
        default_factory=list, description="Red-flag tactics met so far."
    )
    paused: list[SavedId] = Field(default_factory=list, description="Pause points already shown.")


#: Whose place a resume point keeps: a child's own play, or a class lesson.
ResumeMode = Literal["play", "classroom"]


class Progress(BaseModel):
    """Progress across lessons on this device."""

    model_config = ConfigDict(extra="ignore")

    version: Version = 1
    lessons: dict[SavedId, LessonProgress] = Field(default_factory=dict)
    resume: dict[SavedId, ResumePoint] = Field(
        default_factory=dict, description="A child's lessons left part-way, by lesson id."
    )
    classroom_resume: dict[SavedId, ResumePoint] = Field(
        default_factory=dict, description="Class lessons left part-way, by lesson id."
    )

    @field_validator("lessons", mode="after")
    @classmethod
    def _renamed_lessons(cls, lessons: dict[str, LessonProgress]) -> dict[str, LessonProgress]:
        """Progress saved under a renamed lesson's old id moves to its new id (merged)."""
        out: dict[str, LessonProgress] = {}
        for lesson_id, entry in lessons.items():
            new_id = current_lesson_id(lesson_id)
            out[new_id] = merge_progress(out[new_id], entry) if new_id in out else entry
        return out

    def _resume_table(self, mode: ResumeMode) -> dict[str, ResumePoint]:
        return self.classroom_resume if mode == "classroom" else self.resume

    def resume_point(self, lesson_id: str, mode: ResumeMode) -> ResumePoint | None:
        """Where *lesson_id* was left part-way in *mode* (None if it was not)."""
        return self._resume_table(mode).get(lesson_id)

    def set_resume(self, lesson_id: str, mode: ResumeMode, point: ResumePoint | None) -> None:
        """Remember (or, with None, forget) where *lesson_id* was left in *mode*."""
        table = self._resume_table(mode)
        if point is None:
            table.pop(lesson_id, None)
        else:
            table[lesson_id] = point

    def record(self, lesson_id: str, stars: dict[str, int], skills: set[str]) -> None:
        """Add a finished play: keep the best stars per tactic and every skill practised."""
        entry = self.lessons.setdefault(lesson_id, LessonProgress())
        entry.completed = True
        entry.plays += 1
        for tactic, count in stars.items():
            entry.stars[tactic] = max(entry.stars.get(tactic, 0), count)
        entry.skills = sorted(set(entry.skills) | skills)

    def stars_for(self, lesson_id: str) -> int:
        """Total best stars in one lesson."""
        entry = self.lessons.get(lesson_id)
        return sum(entry.stars.values()) if entry else 0

    def stars_per_tactic(self) -> dict[str, int]:
        """Stars earned for each tactic, across all lessons."""
        totals: dict[str, int] = {}
        for entry in self.lessons.values():
            for tactic, count in entry.stars.items():
                totals[tactic] = totals.get(tactic, 0) + count
        return totals


def merge_progress(a: LessonProgress, b: LessonProgress) -> LessonProgress:
    """Two progress entries of one lesson as one: best stars, every skill, all plays."""
    stars = dict(a.stars)
    for tactic, count in b.stars.items():
        stars[tactic] = max(stars.get(tactic, 0), count)
    return LessonProgress(
        completed=a.completed or b.completed,
        plays=a.plays + b.plays,
        stars=stars,
        skills=sorted(set(a.skills) | set(b.skills)),
    )


class Profile:
    """Settings and progress stores for this device.

    Saving never raises: a save that fails (a read-only folder, a full disk) leaves
    the old file as it was, play goes on with what is in memory, and *on_save_error*
    hears about it (the App shows a calm note once).
    """

    def __init__(
        self,
        folder: Path,
        *,
        countries: Collection[str] | None = None,
        on_save_error: Callable[[OSError], None] | None = None,
    ) -> None:
        """Load both files; *countries* are the codes with help lines (None: any code)."""
        self.settings_store = JsonStore(
            folder / "settings.json", Settings, max_bytes=SETTINGS_MAX_BYTES
        )
        self.progress_store = JsonStore(folder / "progress.json", Progress)
        self.on_save_error = on_save_error
        #: The last save that failed in this session (None: every save worked).
        self.save_error: OSError | None = None
        context = {"countries": frozenset(countries)} if countries is not None else None
        self.settings = self.settings_store.load(context)
        self.progress = self.progress_store.load()

    @property
    def backups(self) -> list[Path]:
        """Broken files that were set aside at start-up."""
        return [p for p in (self.settings_store.backup, self.progress_store.backup) if p]

    def save_settings(self) -> bool:
        """Persist the settings; False when they could not be saved (see the class)."""
        return self._save(self.settings_store, self.settings)

    def save_progress(self) -> bool:
        """Persist the progress; False when it could not be saved (see the class)."""
        return self._save(self.progress_store, self.progress)

    def _save(self, store: JsonStore[Any], value: BaseModel) -> bool:
        try:
            store.save(value)
        except OSError as exc:
            self.save_error = exc
            if self.on_save_error is not None:
                self.on_save_error(exc)
            return False
        return True
