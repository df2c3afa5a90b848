"""Author-facing problems: where in which file, what is wrong and how to fix it."""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

#: The longest message printed; a longer one keeps its start and its fix, not the middle.
MAX_MESSAGE_CHARS = 700
#: Problems printed per file; the rest are counted in one last line.
MAX_PROBLEMS_PER_FILE = 100
#: Words longer than this are never compared for "did you mean".
_MAX_SUGGEST_CHARS = 100
#: Nor are lists longer than this (a lesson has tens of steps; comparing each of thousands
#: of broken references with thousands of ids would take minutes).
_MAX_SUGGEST_CANDIDATES = 500


@dataclass(frozen=True, order=True)
class Problem:
    """One problem in a lesson file, printed as ``file:line:col: message``.

    Line 0 means the whole file or folder (printed as ``file: message``). A message
    longer than :data:`MAX_MESSAGE_CHARS` is shortened in the middle, so the fix at
    its end is still read.
    """

    file: str
    line: int
    col: int
    message: str
    severity: str = "error"

    def __post_init__(self) -> None:
        """Cap the message to a readable length."""
        if len(self.message) > MAX_MESSAGE_CHARS:
            head, tail = MAX_MESSAGE_CHARS * 3 // 5, MAX_MESSAGE_CHARS // 4
            cut = len(self.message) - head - tail
            short = f"{self.message[:head]} …({cut:,} characters left out)… {self.message[-tail:]}"
            object.__setattr__(self, "message", short)

    def __str__(self) -> str:
        label = "" if self.severity == "error" else f"{self.severity}: "
        where = f"{self.file}:{self.line}:{self.col}" if self.line else self.file
        return f"{where}: {label}{self.message}"


class LessonError(Exception):
    """Raised when a lesson file cannot be used; carries every problem found.

    *problems* are capped (see :func:`capped`) unless *already_capped* says they were.
    """

    def __init__(
        self, path: Path, problems: list[Problem], *, already_capped: bool = False
    ) -> None:
        problems = problems if already_capped else capped(problems)
        super().__init__("\n".join(str(p) for p in problems))
        self.path = path
        self.problems = problems


def capped(problems: list[Problem], limit: int = MAX_PROBLEMS_PER_FILE) -> list[Problem]:
    """*problems*, or their first *limit* and one line counting the rest."""
    if len(problems) <= limit:
        return problems
    rest = problems[limit]
    return [
        *problems[:limit],
        Problem(
            rest.file,
            rest.line,
            rest.col,
            f"…and {len(problems) - limit:,} more problems in this file: fix the ones "
            "above and check it again",
            rest.severity,
        ),
    ]


def shown(value: object, limit: int = 60) -> str:
    """*value* as text, at most *limit* characters ("…" and the length when cut)."""
    text = value if isinstance(value, str) else repr(value)
    if len(text) <= limit:
        return text
    return f"{text[: max(limit - 20, 10)]}… ({len(text):,} characters)"


def some(items: list[str], limit: int = 8, sep: str = ", ") -> str:
    """The first *limit* of *items* joined by *sep*, then "…and N more"."""
    if len(items) <= limit:
        return sep.join(items)
    return f"{sep.join(items[:limit])} …and {len(items) - limit:,} more"


def did_you_mean(word: str, candidates: list[str] | set[str]) -> str:
    """Return ``' Did you mean 'x'?'`` for the closest candidate, or an empty string."""
    if len(word) > _MAX_SUGGEST_CHARS or len(candidates) > _MAX_SUGGEST_CANDIDATES:
        return ""
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""
