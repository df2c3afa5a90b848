"""The ``signal-scouts lint`` command: report every problem in lesson files."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from game.content.lesson_cache import LessonCache
from game.content.loader import load_pack


def run_lint(
    paths: list[Path], out: TextIO, *, release: bool = False, cache: LessonCache | None = None
) -> int:
    """Print problems as ``file:line:col: message``; return 1 if there was any error.

    *release* checks lessons for release: drafts no safeguarding reviewer has signed
    off are reported too, and any warning fails the run. *cache* holds the results of
    files checked before (None: check every file in full); the output is the same.
    """
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        print(f"{path}: no such file or folder", file=out)
    pack = load_pack(
        [p for p in paths if p.exists()], root=Path.cwd(), release=release, cache=cache
    )
    problems = [p for failure in pack.failures for p in failure.problems] + pack.warnings
    for problem in sorted(problems):
        print(problem, file=out)
    errors = sum(p.severity == "error" for p in problems) + len(missing)
    checked = len(pack.lessons) + len(pack.failures)
    if checked == 0 and not missing:
        print("no lesson files found (lesson files end in .yaml)", file=out)
        return 1
    print(
        f"{checked} lesson file(s) checked: {errors} error(s), "
        f"{len(problems) - sum(p.severity == 'error' for p in problems)} warning(s)",
        file=out,
    )
    warnings = len(problems) - sum(p.severity == "error" for p in problems)
    return 1 if errors or (release and warnings) else 0
