"""What the game remembers on this device: settings and progress. Never a name."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from game.storage import JsonStore


class Settings(BaseModel):
    """Player settings. The age group is a band code, not a birthday or a name."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    text_size: Literal["normal", "large", "extra_large"] = "normal"
    sound: bool = True
    fullscreen: bool = False
    band: Literal["K2", "G35", "G68", "G912"] | None = None
    language: str = "en"
    country: str = Field(default_factory=lambda: default_country())
    disabled_lessons: list[str] = Field(
        default_factory=list, description="Lesson ids a teacher turned off for this device."
    )
    learning_check: bool = Field(
        False, description="A teacher turned on the anonymous before/after learning check."
    )


def default_country() -> str:
    """The country from the system locale (e.g. ``en_GB`` -> ``GB``), else ``US``."""
    import locale

    name = locale.getlocale()[0] or ""
    part = name.split(".")[0].split("_")[-1] if "_" in name else ""
    return part.upper() if len(part) == 2 and part.isalpha() else "US"


class LessonProgress(BaseModel):
    """Progress in one lesson."""

    completed: bool = False
    plays: int = 0
    stars: dict[str, int] = Field(default_factory=dict, description="best stars per tactic")
    skills: list[str] = Field(default_factory=list)


class Progress(BaseModel):
    """Progress across lessons on this device."""

    model_config = ConfigDict(extra="ignore")

    version: int = 1
    lessons: dict[str, LessonProgress] = Field(default_factory=dict)

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
