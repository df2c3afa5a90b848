"""Read YAML safely and remember where every value came from (line and column).

One pass over the C parser's events (``CSafeLoader``; the pure-Python parser when
libyaml is missing) builds the data and a map from each path in it, such as
``("steps", 2, "choices", 0, "next")``, to its position in the file. Only plain YAML
is accepted: text, numbers, true/false, dates, lists and mappings. Anchors and
aliases (``&a`` / ``*a``, the "billion laughs" expansion), tags (``!!python/...``,
``!!binary``), keys that are lists or mappings and files nested deeper than any
lesson are refused while parsing, before anything is expanded or built. A value the
YAML rules cannot convert (``2026-13-45``, a number of 5,000 digits) is a problem
for that file, located like any other.

Files are read only if they are ordinary files of at most :data:`MAX_LESSON_BYTES`
(a FIFO or a link to ``/dev/zero`` is refused without reading it); folders are walked
without following links, and a folder that cannot be opened is reported.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)
from yaml.nodes import ScalarNode
from yaml.resolver import Resolver

from game.content.problems import LessonError, Problem, shown

Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PathKey = tuple[str | int, ...]

#: The largest lesson file read (the shipped lessons are 20-50 KB each).
MAX_LESSON_BYTES = 2 * 1024 * 1024
#: Deepest nesting of lists and mappings accepted (a lesson needs about 7 levels).
MAX_DEPTH = 40
#: Value problems (tags, unreadable values) reported per file before parsing stops.
MAX_VALUE_PROBLEMS = 20

_STR = "tag:yaml.org,2002:str"
#: Plain words YAML reads as something else are short (``true``, ``off``, ``null``);
#: only numbers and dates are long, and they start with one of these.
_LONGEST_WORD_VALUE = 6
_NUMBER_START = frozenset("0123456789+-.")
_IMPLICIT = Resolver.yaml_implicit_resolvers
#: Tags of plain scalars that are built as something other than text.
_BUILT = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:timestamp",
}
_KIND_OF_TAG = {
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:timestamp": "a date",
}


@dataclass
class SourceMap:
    """Positions (1-based line, column) of values and keys in one YAML file.

    *texts* lists every text value as written, with its path, in file order (the
    lint's text checks read them without walking the data again).
    """

    file: str
    values: dict[PathKey, Any] = field(default_factory=dict)
    keys: dict[PathKey, Any] = field(default_factory=dict)
    texts: list[tuple[PathKey, str]] = field(default_factory=list)

    def where(self, path: PathKey, *, key: bool = False) -> tuple[int, int]:
        """Best position for *path*: its key or value, else the nearest parent's.

        *values* and *keys* hold the parser's marks (0-based ``line`` and ``column``)
        or 1-based ``(line, column)`` pairs.
        """
        table = self.keys if key else self.values
        probe = tuple(path)
        while probe:
            if probe in table:
                return _position(table[probe])
            if probe in self.values:
                return _position(self.values[probe])
            probe = probe[:-1]
        return _position(self.values.get((), (1, 1)))

    def problem(
        self, path: PathKey, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        """A :class:`Problem` located at *path* (an error unless *severity* says otherwise)."""
        line, col = self.where(path, key=key)
        return Problem(self.file, line, col, message, severity)


def _position(mark: Any) -> tuple[int, int]:
    """1-based (line, column) of a parser mark (or of a pair that already is one)."""
    if isinstance(mark, tuple):
        return mark
    return mark.line + 1, mark.column + 1


def _yaml_problem(file: str, exc: yaml.YAMLError, data: bytes = b"") -> Problem:
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    if isinstance(exc, yaml.reader.ReaderError):
        line, col = _byte_position(data, exc.position) if data else (1, 1)
        return Problem(
            file,
            line,
            col,
            f"this file holds a character that is not allowed in a lesson ({exc.reason}, "
            f"#x{exc.character:04x}): delete it or retype the text around it",
        )
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None)
    message = f"this is not valid YAML ({shown(problem, 120)}"
    message += f", {shown(context, 120)})" if context else ")"
    if "got '?'" in problem and "flow" in (context or ""):
        # PyYAML's own reader (no libyaml) stops at a '?' inside { } or [ ].
        message += "; put text with a '?' inside { } or [ ] in double quotes"
        message += ', for example text: "Can you help me?"'
    else:
        message += "; check the indentation and quotes on this line and the one above"
    return Problem(file, line, col, message)


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column of the character starting at byte *offset* of *data*."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return data.count(b"\n", 0, offset) + 1, column + 1


def _mark(event: Any) -> tuple[int, int]:
    mark = event.start_mark
    return mark.line + 1, mark.column + 1


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


class _Refused(Exception):
    """A structure lessons never need: stop parsing this file at once."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class _Builder:
    """Builds the data and its :class:`SourceMap` from parser events (one pass, no recursion)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.smap = SourceMap(name)
        self.problems: list[Problem] = []  # duplicate keys: the lesson is still validated
        self.hard: list[Problem] = []  # tags and unreadable values: the file is refused
        self.constructor = SafeConstructor()

    def at(self, event: Any, message: str) -> Problem:
        """A problem located at *event*."""
        return Problem(self.name, *_mark(event), message)

    def refuse(self, event: Any, message: str) -> _Refused:
        """Stop parsing: *message* at *event*."""
        return _Refused(self.at(event, message))

    def value_problem(self, event: Any, message: str) -> None:
        """Note a problem with one value and go on (up to :data:`MAX_VALUE_PROBLEMS`)."""
        self.hard.append(self.at(event, message))
        if len(self.hard) >= MAX_VALUE_PROBLEMS:
            raise self.refuse(
                event,
                f"{MAX_VALUE_PROBLEMS} problems found so far, so the check stops here: "
                "fix these and run it again",
            )

    def check_node(self, event: Any) -> None:
        """Refuse an anchor (``&name``): lessons never repeat a value by reference."""
        if event.anchor is not None:
            raise self.refuse(
                event,
                f"an anchor ('&{shown(event.anchor, 40)}') is not used in lesson files: "
                "write the value out in full where it is needed and remove the anchor",
            )

    def tag_problem(self, event: Any, tag: str) -> None:
        """A tag (``!!binary``, ``!!python/...``, ``!x``) makes a value something else."""
        self.value_problem(
            event,
            f"the tag '{shown(_short_tag(tag), 60)}' is not allowed: lesson files may only hold "
            "plain text, numbers, lists and mappings; remove the tag",
        )

    def scalar(self, event: ScalarEvent, *, is_key: bool = False) -> Any:
        """The value of a scalar, converted like PyYAML's safe loader converts it."""
        self.check_node(event)
        value = event.value
        if event.tag is not None:
            self.tag_problem(event, event.tag)
            return value
        if not event.implicit[0]:
            return value  # quoted, literal or folded: always text
        tag = _STR
        for candidate, regexp in _IMPLICIT.get(value[:1], ()):
            if regexp.match(value):
                tag = candidate
                break
        if tag == "tag:yaml.org,2002:merge" and is_key:
            raise self.refuse(
                event,
                "'<<' (a YAML merge key) is not used in lesson files: write each key out in full",
            )
        if tag not in _BUILT:
            return value
        try:
            return self.constructor.yaml_constructors[tag](self.constructor, ScalarNode(tag, value))
        except (ValueError, OverflowError, ArithmeticError, KeyError, TypeError) as exc:
            self.value_problem(event, _conversion_message(tag, value, exc))
            return value

    def build(self, loader: Any) -> Any:
        """Consume every event of *loader*; return the single document's data.

        This loop runs once per value of every lesson, so it is written for speed:
        positions are kept as the parser's marks (turned into line:col only when a
        problem is reported), and plain text takes the shortest way through.
        """
        get_event = loader.get_event
        values, keys, texts = self.smap.values, self.smap.keys, self.smap.texts
        implicit = _IMPLICIT
        scalar_event, mapping_start, sequence_start = (
            ScalarEvent,
            MappingStartEvent,
            SequenceStartEvent,
        )
        path: PathKey
        root: Any = None
        # A frame: [container, its path, is a mapping, pending key, its path, keys seen,
        # written in flow style ({...} or [...])]
        stack: list[list[Any]] = []
        frame: list[Any] | None = None
        documents = 0
        get_event()  # the stream start
        while True:
            event = get_event()
            cls = event.__class__
            if cls is scalar_event:
                value = event.value
                if event.anchor is not None or event.tag is not None:
                    value = self.scalar(event)
                elif (
                    event.implicit[0]
                    and value[:1] in implicit
                    and (len(value) < _LONGEST_WORD_VALUE or value[0] in _NUMBER_START)
                ):
                    value = self.scalar(event, is_key=frame is not None and frame[3] is _NO_KEY)
                if frame is None:
                    values[()] = event.start_mark
                    root = value
                    if value.__class__ is str:
                        texts.append(((), value))
                    continue
                if frame[6] and not event.style and "?" in event.value:
                    self.question_in_flow(event)
                if frame[2]:
                    if frame[3] is _NO_KEY:  # a key of a mapping
                        key_text = value if value.__class__ is str else str(event.value)
                        path = (*frame[1], key_text)
                        frame[3], frame[4] = value, path
                        if key_text in frame[5]:
                            self.duplicate(event, key_text)
                        frame[5].add(key_text)
                        keys[path] = event.start_mark
                        continue
                    path = frame[4]
                    values[path] = event.start_mark
                    frame[0][frame[3]] = value
                    frame[3] = _NO_KEY
                    if value.__class__ is str:
                        texts.append((path, value))
                else:
                    items = frame[0]
                    path = (*frame[1], len(items))
                    values[path] = event.start_mark
                    items.append(value)
                    if value.__class__ is str:
                        texts.append((path, value))
                continue
            if cls is MappingEndEvent or cls is SequenceEndEvent:
                stack.pop()
                frame = stack[-1] if stack else None
                continue
            if cls is mapping_start or cls is sequence_start:
                if frame is not None and frame[2] and frame[3] is _NO_KEY:
                    raise self.refuse(
                        event,
                        "this key is a list or a mapping (as in '? [a, b]'): a key is a plain "
                        "word such as 'title', followed by ':' and its value; write it that way",
                    )
                self.check_node(event)
                if event.tag is not None:
                    self.tag_problem(event, event.tag)
                if len(stack) >= MAX_DEPTH:
                    raise self.refuse(
                        event,
                        f"lists and mappings are nested more than {MAX_DEPTH} levels deep here: "
                        "a lesson needs far fewer; check the indentation and brackets",
                    )
                is_map = cls is mapping_start
                value = {} if is_map else []
                if frame is None:
                    path = ()
                    root = value
                elif frame[2]:
                    path = frame[4]
                    frame[0][frame[3]] = value
                    frame[3] = _NO_KEY
                else:
                    path = (*frame[1], len(frame[0]))
                    frame[0].append(value)
                values[path] = event.start_mark
                frame = [value, path, is_map, _NO_KEY, (), set(), event.flow_style]
                stack.append(frame)
                continue
            if cls is AliasEvent:
                raise self.refuse(event, _ALIAS_MESSAGE.format(shown(event.anchor, 40)))
            if cls is StreamEndEvent:
                break
            if cls is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise self.refuse(
                        event,
                        "a second YAML document starts here: a lesson file holds one lesson; "
                        "remove the '---' line or put the second lesson in its own file",
                    )
        return root

    def question_in_flow(self, event: ScalarEvent) -> None:
        """A warning: unquoted text with a '?' inside ``{...}`` or ``[...]``.

        libyaml reads it as text, but PyYAML's own reader (used where libyaml is
        missing) stops at the '?' and cannot read the file at all, so the lesson would
        work on one computer and be broken on another.
        """
        if len(self.problems) >= MAX_VALUE_PROBLEMS:
            return
        self.problems.append(
            Problem(
                self.name,
                *_mark(event),
                f"'{shown(event.value, 40)}' has a '?' inside {{ }} or [ ] without quotes: "
                "some computers cannot read the file then. Put the text in double quotes, "
                'for example text: "Can you help me?"',
                "warning",
            )
        )

    def duplicate(self, event: ScalarEvent, key_text: str) -> None:
        """The key *key_text* (at *event*) appears twice in one mapping."""
        self.problems.append(
            self.at(
                event,
                f"the key '{shown(key_text, 60)}' appears twice here; YAML keeps "
                "only the last one, so delete or rename one of them",
            )
        )


_NO_KEY = object()
_ALIAS_MESSAGE = (
    "an alias ('*{}') repeats a value written elsewhere, which lesson files do not use "
    "(aliases can make a small file expand without end): write the value out in full"
)


def _conversion_message(tag: str, value: str, exc: Exception) -> str:
    kind = _KIND_OF_TAG.get(tag, "a value")
    if tag == "tag:yaml.org,2002:timestamp":
        return (
            f"'{shown(value, 40)}' is not a real date ({shown(str(exc), 80)}): write a date "
            "that exists as YYYY-MM-DD, for example 2026-11-29"
        )
    if tag == "tag:yaml.org,2002:int" and len(value) > 100:
        return (
            f"this number has {len(value):,} characters, too long to read: use a "
            "small number, or put the text in quotes if it is not a number"
        )
    return (
        f"'{shown(value, 40)}' looks like {kind} but cannot be read as one "
        f"({shown(str(exc), 80)}): correct it, or put it in quotes if it is text"
    )


def _read_problem(name: str, message: str) -> Problem:
    return Problem(name, 1, 1, message)


def read_lesson_bytes(path: Path, name: str) -> bytes:
    """The bytes of the lesson file *path*, read only if it is an ordinary, small file.

    Raises:
        LessonError: not an ordinary file, over :data:`MAX_LESSON_BYTES`, or unreadable.
    """
    limit_mb = MAX_LESSON_BYTES // (1024 * 1024)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise LessonError(path, [_read_problem(name, _not_a_file(info.st_mode))])
        if info.st_size > MAX_LESSON_BYTES:
            raise LessonError(path, [_read_problem(name, _too_big(info.st_size, limit_mb))])
        flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
        fd = os.open(path, flags)
        try:
            info = os.fstat(fd)  # the file opened may not be the file looked at
            if not stat.S_ISREG(info.st_mode):
                raise LessonError(path, [_read_problem(name, _not_a_file(info.st_mode))])
            with os.fdopen(fd, "rb", closefd=False) as stream:
                data = stream.read(MAX_LESSON_BYTES + 1)
        finally:
            os.close(fd)
    except PermissionError as exc:
        raise LessonError(
            path,
            [
                _read_problem(
                    name,
                    "cannot read the file (permission denied): ask whoever looks after "
                    "this computer to let you read it, or copy the lesson into a folder "
                    "of your own",
                )
            ],
        ) from exc
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise LessonError(
            path,
            [
                _read_problem(
                    name,
                    f"cannot read the file ({shown(reason, 80)}): check that it is still "
                    "there and that you can open it",
                )
            ],
        ) from exc
    if len(data) > MAX_LESSON_BYTES:
        raise LessonError(path, [_read_problem(name, _too_big(len(data), limit_mb))])
    return data


def _not_a_file(mode: int) -> str:
    kind = (
        "a folder"
        if stat.S_ISDIR(mode)
        else "a pipe (FIFO)"
        if stat.S_ISFIFO(mode)
        else "a device"
        if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
        else "a socket"
        if stat.S_ISSOCK(mode)
        else "not an ordinary file"
    )
    return (
        f"this is {kind}, not an ordinary file, so it is not read: a lesson must be an "
        "ordinary text file; put a copy of the lesson here or remove this entry"
    )


def _too_big(size: int, limit_mb: int) -> str:
    return (
        f"this file is {size / (1024 * 1024):.1f} MB, over the {limit_mb} MB limit for one "
        "lesson (a lesson is usually under 100 KB): split it into several lessons or "
        "remove what is not needed"
    )


def read_yaml(path: Path, display_name: str | None = None) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse *path* safely; return the data, its source map and any duplicate-key problems.

    Raises:
        LessonError: the file cannot be read or is not valid, safe YAML.
    """
    name = display_name or str(path)
    return parse_yaml_bytes(read_lesson_bytes(path, name), name, path)


def parse_yaml(
    text: str, name: str, path: Path | None = None
) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse YAML *text* safely (see :func:`read_yaml`); *name* is used in problems."""
    return parse_yaml_bytes(text.encode("utf-8", errors="surrogatepass"), name, path)


def parse_yaml_bytes(
    data: bytes, name: str, path: Path | None = None
) -> tuple[Any, SourceMap, list[Problem]]:
    """Parse UTF-8 YAML *data* safely (see :func:`read_yaml`); *name* is used in problems.

    Raises:
        LessonError: not UTF-8, not valid YAML, or YAML that lessons never need.
    """
    path = path or Path(name)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        raise LessonError(
            path,
            [
                Problem(
                    name,
                    line,
                    col,
                    f"this file is not UTF-8 text (byte 0x{data[exc.start]:02x} here "
                    "cannot be read): save it as UTF-8 text",
                )
            ],
        ) from exc
    builder = _Builder(name)
    loader = Loader(data)
    try:
        root = builder.build(loader)
    except _Refused as exc:
        raise LessonError(path, sorted([*builder.problems, *builder.hard, exc.problem])) from None
    except yaml.YAMLError as exc:
        raise LessonError(path, [_yaml_problem(name, exc, data)]) from exc
    finally:
        loader.dispose()
    if builder.hard:
        raise LessonError(path, sorted(builder.problems + builder.hard))
    return root, builder.smap, builder.problems


def find_yaml_files(paths: list[Path]) -> tuple[list[Path], list[Problem]]:
    """Lesson files under *paths* (files as given, folders searched for ``*.yaml``).

    Links to folders are not followed (no loops); a folder that cannot be opened
    is returned as a problem instead of being skipped in silence.
    """
    found: list[Path] = []
    problems: list[Problem] = []

    def unreadable(exc: OSError) -> None:
        reason = (
            "permission denied"
            if isinstance(exc, PermissionError)
            else (exc.strerror or type(exc).__name__)
        )
        problems.append(
            Problem(
                str(exc.filename),
                0,
                0,
                f"cannot open this folder ({shown(reason, 80)}), so the lessons in it were "
                "not checked: let this user read the folder, or move the lessons out of it",
            )
        )

    for top in paths:
        if not top.is_dir():
            found.append(top)
            continue
        files = []
        for folder, _dirs, names in os.walk(top, onerror=unreadable):
            files += [Path(folder, n) for n in names if n.endswith((".yaml", ".yml"))]
        found += sorted(files)
    return found, problems
