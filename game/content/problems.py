"""Author-facing problems: where in which file, what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a lesson file, printed as ``file:line:col: message``."""

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{self.severity}: "
        return f"{self.file}:{self.line}:{self.col}: {label}{self.message}"


class LessonError(Exception):
    """Raised when a lesson file cannot be used; carries every problem found."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.path = path
        self.problems = problems


def did_you_mean(word: str, candidates: list[str] | set[str]) -> str:
    """Return ``' Did you mean 'x'?'`` for the closest candidate, or an empty string."""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
