"""What the game remembers on this device: settings and progress. Never a name."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

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


class Settings(BaseModel):
    """Player settings. The age group is a band code, not a birthday or a name."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    text_size: Literal["normal", "large", "extra_large", "double"] = "normal"
    sound: bool = True
    fullscreen: bool = False
    window_size: tuple[int, int] | None = Field(
        None, description="The window's size when the game last closed (not full screen)."
    )
    band: Literal["K2", "G35", "G68", "G912"] | None = None
    language: str = "en"
    country: str = Field(
        default_factory=lambda: default_country(),
        description="Whose help lines to show: a country code, or UNKNOWN_COUNTRY.",
    )
    country_confirmed: bool = Field(
        False, description="A grown-up chose the country (else the grown-ups' menu asks once)."
    )
    disabled_lessons: list[str] = Field(
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
    plays: int = 0
    stars: dict[str, int] = Field(default_factory=dict, description="best stars per tactic")
    skills: list[str] = Field(default_factory=list)


class ResumePoint(BaseModel):
    """Where a lesson was left part-way, to carry on later: step and choice ids, codes."""

    path: list[str] = Field(description="Steps visited in order; the last is where to carry on.")
    picks: list[str | None] = Field(description="The choice made at each step of path.")
    stars: dict[str, int] = Field(default_factory=dict)
    skills: list[str] = Field(default_factory=list)
    flags: list[str] = Field(default_factory=list, description="Red-flag tactics met so far.")
    paused: list[str] = Field(default_factory=list, description="Pause points already shown.")


#: Whose place a resume point keeps: a child's own play, or a class lesson.
ResumeMode = Literal["play", "classroom"]


class Progress(BaseModel):
    """Progress across lessons on this device."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    lessons: dict[str, LessonProgress] = Field(default_factory=dict)
    resume: dict[str, ResumePoint] = Field(
        default_factory=dict, description="A child's lessons left part-way, by lesson id."
    )
    classroom_resume: dict[str, ResumePoint] = Field(
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
    """Settings and progress stores for this device."""

    def __init__(self, folder: Path) -> None:
        self.settings_store = JsonStore(folder / "settings.json", Settings)
        self.progress_store = JsonStore(folder / "progress.json", Progress)
        self.settings = self.settings_store.load()
        self.progress = self.progress_store.load()

    @property
    def backups(self) -> list[Path]:
        """Broken files that were set aside at start-up."""
        return [p for p in (self.settings_store.backup, self.progress_store.backup) if p]

    def save_settings(self) -> None:
        """Persist the settings."""
        self.settings_store.save(self.settings)

    def save_progress(self) -> None:
        """Persist the progress."""
        self.progress_store.save(self.progress)
