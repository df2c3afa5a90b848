"""Load lesson files into typed :class:`~game.content.model.Lesson` objects.

Loading = safe YAML parse, validation against the model, then the lint pass.
Any error stops that one lesson (reported as ``file:line:col``); the others load.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from game.content.lesson_cache import CachedResult, LessonCache
from game.content.lint import lint_lesson
from game.content.model import STEP_CLASSES, STEP_TYPES, Lesson
from game.content.problems import LessonError, Problem, capped, did_you_mean, shown
from game.content.source import (
    PathKey,
    SourceMap,
    find_yaml_files,
    parse_yaml_bytes,
    read_lesson_bytes,
)

#: Values that do not fit the model, reported per file (a 2 MB list of wrong values
#: would otherwise print one line per item).
MAX_VALIDATION_ERRORS = 50


@dataclass
class LoadedPack:
    """The lessons that loaded, and the files that did not (with their problems)."""

    lessons: list[Lesson] = field(default_factory=list)
    failures: list[LessonError] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def by_id(self, lesson_id: str) -> Lesson | None:
        """The loaded lesson with *lesson_id*, if any."""
        return next((lesson for lesson in self.lessons if lesson.id == lesson_id), None)


def _strip_tags(loc: PathKey) -> tuple[PathKey, str | None]:
    """Drop the step-type tag pydantic puts after ``steps, N`` in error locations."""
    if len(loc) > 2 and loc[0] == "steps" and isinstance(loc[1], int) and loc[2] in STEP_TYPES:
        return (*loc[:2], *loc[3:]), str(loc[2])
    return loc, None


def _model_at(loc: PathKey, step_type: str | None = None) -> type[BaseModel] | None:
    """The model class whose fields live at *loc* inside a lesson, if there is one."""
    model: Any = Lesson
    for index, part in enumerate(loc):
        if isinstance(part, int):
            if index == 1 and loc[0] == "steps":
                model = STEP_CLASSES[step_type or "chat"]
            continue
        if not (isinstance(model, type) and issubclass(model, BaseModel)):
            return None
        info = next((f for name, f in model.model_fields.items() if part in (name, f.alias)), None)
        if info is None:
            return None
        model = _inner_model(info.annotation)
    return model if isinstance(model, type) and issubclass(model, BaseModel) else None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is not None:
        for arg in typing.get_args(annotation):
            found = _inner_model(arg)
            if found is not None:
                return found
    return None


def _field_names(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def _describe(error: dict[str, Any], smap: SourceMap) -> Problem:
    loc, step_type = _strip_tags(tuple(error["loc"]))
    kind = error["type"]
    value = error.get("input")
    if kind == "union_tag_invalid":
        tag = str(error.get("ctx", {}).get("tag", value))
        return smap.problem(
            (*loc, "type"),
            f"unknown step type '{shown(tag)}'.{did_you_mean(tag, STEP_TYPES)} "
            f"Use one of: {', '.join(STEP_TYPES)}",
        )
    if kind == "extra_forbidden":
        key = str(loc[-1])
        parent = _model_at(loc[:-1], step_type)
        allowed = _field_names(parent) if parent else []
        hint = did_you_mean(key, allowed) or (
            f" Allowed keys here: {', '.join(allowed)}." if allowed else ""
        )
        return smap.problem(
            loc, f"unknown key '{shown(key)}'.{hint} Remove it or fix the spelling.", key=True
        )
    if kind == "missing":
        return smap.problem(
            loc[:-1], f"missing required key '{loc[-1]}': add '{loc[-1]}: ...' here"
        )
    if kind == "string_pattern_mismatch" and str(loc[-1]) in {"id", "next", "start"}:
        return smap.problem(
            loc,
            f"'{shown(value)}' is not a valid id: use only lowercase letters, digits, '-' and '_', "
            "starting with a letter or digit (for example 'ask-for-help')",
        )
    if kind == "string_pattern_mismatch" and str(loc[-1]) == "url":
        return smap.problem(loc, f"'{shown(value)}' is not a web address: start it with https://")
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        options = [o.strip(" '") for o in expected.replace(" or ", ",").split(",") if o.strip()]
        hint = did_you_mean(str(value), options)
        return smap.problem(
            loc, f"'{shown(value)}' is not allowed here; use one of {expected}.{hint}"
        )
    where = shown(".".join(str(p) for p in loc) or "lesson", 80)
    got = shown(repr(value), 80)
    return smap.problem(loc, f"{where}: {error['msg'].lower()} (got {got}); fix this value")


#: Short names of the help services and their roles (see ``game.services.service_names``).
ServiceNames = Mapping[str, tuple[str, ...]]


def bundled_service_names() -> dict[str, tuple[str, ...]]:
    """The help services of the game's own help-line data (for lint when none are given)."""
    from game.helplines import load_helplines
    from game.paths import ContentPaths
    from game.services import service_names

    path = ContentPaths.discover().assets / "safety" / "helplines.yaml"
    return service_names(load_helplines(path))


def load_lesson(
    path: Path,
    display_name: str | None = None,
    services: ServiceNames | None = None,
    *,
    release: bool = False,
    cache: LessonCache | None = None,
) -> tuple[Lesson, list[Problem]]:
    """Load and check one lesson file; return it with any warnings.

    *services* are the help services lesson text must not name (default: the game's own).
    *release* also warns about drafts no safeguarding reviewer has signed off.
    *cache* holds the results of files checked before: a file whose bytes (and the
    checking code) have not changed gives its stored result without being parsed again.

    Raises:
        LessonError: with every error found, each located as ``file:line:col``.
    """
    name = display_name or str(path)
    services = bundled_service_names() if services is None else services
    raw = read_lesson_bytes(path, name)
    if cache is None:
        return _check_lesson(raw, path, name, services, release=release)
    key = cache.key(raw, name, services, release=release)
    found = cache.get(key)
    if found is not None:
        if found.lesson is None:
            raise LessonError(path, found.problems, already_capped=True)
        return found.lesson, found.problems
    try:
        lesson, warnings = _check_lesson(raw, path, name, services, release=release)
    except LessonError as exc:
        cache.put(key, CachedResult(None, exc.problems))
        raise
    cache.put(key, CachedResult(lesson, warnings))
    return lesson, warnings


def _check_lesson(
    raw: bytes, path: Path, name: str, services: ServiceNames, *, release: bool
) -> tuple[Lesson, list[Problem]]:
    """Parse, validate and lint the bytes *raw* of the lesson file *path* (see load_lesson)."""
    data, smap, problems = parse_yaml_bytes(raw, name, path)
    if not isinstance(data, dict):
        raise LessonError(
            path,
            [
                Problem(
                    smap.file,
                    1,
                    1,
                    "a lesson file must be a mapping of keys such as "
                    "'id:', 'title:' and 'steps:'; see docs/lesson-authoring.md",
                )
            ],
        )
    try:
        lesson = Lesson.model_validate(data)
    except ValidationError as exc:
        details = exc.errors(include_url=False)
        problems = sorted(problems + [_describe(e, smap) for e in details[:MAX_VALIDATION_ERRORS]])
        if len(details) > MAX_VALIDATION_ERRORS:
            last = problems[-1]
            problems.append(
                Problem(
                    last.file,
                    last.line,
                    last.col,
                    f"…and {len(details) - MAX_VALIDATION_ERRORS:,} more values that do not "
                    "fit the lesson format: fix the ones above and check the file again",
                )
            )
        raise LessonError(path, problems) from exc
    problems += lint_lesson(lesson, smap, services, release=release)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise LessonError(path, sorted(problems))
    return lesson, capped(problems)


def _display_name(path: Path, root: Path | None) -> str:
    return str(path.relative_to(root)) if root and path.is_relative_to(root) else str(path)


def _unexpected(name: str, exc: BaseException) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"this file could not be checked ({type(exc).__name__}: {shown(str(exc), 120)}); "
        "the other lessons are not affected. This is a fault in Signal Scouts: please "
        "report it with the file",
    )


def load_pack(
    paths: list[Path],
    root: Path | None = None,
    services: ServiceNames | None = None,
    *,
    release: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cache: LessonCache | None = None,
) -> LoadedPack:
    """Load every lesson under *paths*; broken files are collected, never raised.

    *services*: the help services lesson text must not name (default: the game's own).
    *release*: also warn about drafts no safeguarding reviewer has signed off.
    *progress*: called with (files read, files in all) before each file and at the end
    (the title screen's progress bar while lessons load in the background).
    *cache*: stored results of unchanged files (see :func:`load_lesson`); the checks
    across files (one id used twice) still run every time.
    """
    pack = LoadedPack()
    services = bundled_service_names() if services is None else services
    seen: dict[str, str] = {}
    files, folder_problems = find_yaml_files(paths)
    for problem in folder_problems:
        folder = Path(problem.file)
        pack.failures.append(
            LessonError(folder, [replace(problem, file=_display_name(folder, root))])
        )
    for done, path in enumerate(files):
        if progress is not None:
            progress(done, len(files))
        name = _display_name(path, root)
        try:
            lesson, warnings = load_lesson(path, name, services, release=release, cache=cache)
        except LessonError as exc:
            pack.failures.append(exc)
            continue
        except Exception as exc:  # noqa: BLE001 - one file must never stop the others
            pack.failures.append(LessonError(path, [_unexpected(name, exc)]))
            continue
        if lesson.id in seen:
            pack.failures.append(
                LessonError(
                    path,
                    [
                        Problem(
                            name,
                            1,
                            1,
                            f"lesson id '{lesson.id}' is already "
                            f"used by {seen[lesson.id]}; give this lesson its own id",
                        )
                    ],
                )
            )
            continue
        seen[lesson.id] = name
        pack.lessons.append(lesson)
        pack.warnings += warnings
    if cache is not None and cache.writes:
        cache.prune()
    if progress is not None:
        progress(len(files), len(files))
    return pack
