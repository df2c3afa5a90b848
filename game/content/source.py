"""Read YAML safely and remember where every value came from (line and column).

The data is parsed with ``CSafeLoader`` (plain YAML only: any ``!!python`` tag is
refused), and the node tree is composed once more to map each path in the data,
such as ``("steps", 2, "choices", 0, "next")``, to its position in the file.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from game.content.problems import LessonError, Problem

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PathKey = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Positions (1-based line, column) of values and keys in one YAML file."""

    file: str
    values: dict[PathKey, tuple[int, int]] = field(default_factory=dict)
    keys: dict[PathKey, tuple[int, int]] = field(default_factory=dict)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Best position for *path*: its key or value, else the nearest parent's."""
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return table[probe]
            if probe in self.values:
                return self.values[probe]
            probe = probe[:-1]
        return self.values.get((), (1, 1))

    def problem(
        self, path: PathKey, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        """A :class:`Problem` located at *path* (an error unless *severity* says otherwise)."""
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message, severity)


def _mark(node: yaml.Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _walk(node: yaml.Node, path: PathKey, smap: SourceMap, dupes: list[Problem]) -> None:
    smap.values[path] = _mark(node)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = (*path, key)
            if key in seen:
                line, col = _mark(key_node)
                dupes.append(
                    Problem(
                        smap.file,
                        line,
                        col,
                        f"the key '{key}' appears twice here; "
                        "YAML keeps only the last one, so delete or rename one of them",
                    )
                )
            seen.add(key)
            smap.keys[child] = _mark(key_node)
            _walk(value_node, child, smap, dupes)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _walk(item, (*path, index), smap, dupes)


def _yaml_problem(file: str, exc: yaml.YAMLError) -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    problem = getattr(exc, "problem", None) or str(exc)
    if isinstance(exc, yaml.constructor.ConstructorError):
        tag = problem.split("'")[1] if "'" in problem else "this tag"
        tag = tag.replace("tag:yaml.org,2002:", "!!")
        message = (
            f"the tag '{tag}' is not allowed: lesson files may only hold plain text, "
            "numbers, lists and mappings; remove the tag"
        )
    else:
        context = getattr(exc, "context", None)
        message = f"this is not valid YAML ({problem}"
        message += f", {context})" if context else ")"
        message += "; check the indentation and quotes on this line and the one above"
    return Problem(file, line, col, message)


def read_yaml(path: Path, display_name: str | None = None) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse *path* safely; return the data, its source map and any duplicate-key problems.

    Raises:
        LessonError: the file cannot be read or is not valid, safe YAML.
    """
    name = display_name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LessonError(
            path, [Problem(name, 1, 1, f"cannot read the file ({exc}); save it as UTF-8 text")]
        ) from exc
    return parse_yaml(text, name, path)


def parse_yaml(
    text: str, name: str, path: Path | None = None
) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse YAML *text* safely (see :func:`read_yaml`); *name* is used in problems."""
    path = path or Path(name)
    try:
        data = yaml.load(text, Loader=Loader)  # noqa: S506 - CSafeLoader is a safe loader
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError as exc:
        raise LessonError(path, [_yaml_problem(name, exc)]) from exc
    smap = SourceMap(name)
    dupes: list[Problem] = []
    if root is not None:
        _walk(root, (), smap, dupes)
    return data, smap, dupes


def iter_yaml_files(paths: list[Path]) -> Iterator[Path]:
    """Yield lesson files under *paths* (files as given, folders searched for ``*.yaml``)."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*.y*ml") if p.suffix in {".yaml", ".yml"})
        else:
            yield path
