"""A cache of checked lessons, so unchanged lesson files are not parsed and linted again.

Reading, validating and linting a lesson costs several milliseconds, mostly in the YAML
parser; a school with a thousand lessons would wait seconds at every start and every
``signal-scouts lint``. Each file's result (the validated lesson as JSON, or the problems
that stopped it, plus its warnings) is stored under a key made of the file's bytes, its
display name, the lint options and a fingerprint of the code that parses, validates and
lints (:func:`code_fingerprint`): any change to any of them is a miss and the file is
checked in full. Checks across files (two lessons with one id) run every time.

Entries are plain JSON (never pickle: a cache file cannot run code), written to a
temporary file and renamed. An entry that is unreadable, corrupt, from another version or
for another key is ignored and replaced, never trusted. The folder is kept under
:data:`MAX_CACHE_BYTES` by removing the entries used longest ago. Nothing happens at
import: the folder is passed in (``signal-scouts lint`` and the game choose it;
``SIGNAL_SCOUTS_NO_CACHE=1`` or ``lint --no-cache`` turn the cache off).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, StrictInt, StrictStr

from game.content.model import Lesson
from game.content.problems import Problem
from game.paths import lesson_cache_dir
from game.storage import STALE_TEMP_SECONDS, atomic_write

#: Bumped whenever the layout of an entry changes (old entries then never match).
CACHE_FORMAT = 1
#: The cache folder is pruned back under this size (a checked lesson takes 40-100 KB).
MAX_CACHE_BYTES = 200 * 1024 * 1024
#: Pruning removes the oldest entries until the folder is this fraction of its limit.
PRUNE_TO = 0.8
#: The largest entry read (a lesson file is at most 2 MB; its JSON is of the same order).
MAX_ENTRY_BYTES = 16 * 1024 * 1024
#: An entry used again after this many seconds is marked as used now (kept by pruning).
TOUCH_AFTER_SECONDS = 24 * 60 * 60

_HERE = Path(__file__).resolve().parent
#: Code outside ``game/content`` whose changes change lint results.
_OTHER_SOURCES = (_HERE.parent / "services.py",)


@functools.cache
def code_fingerprint() -> str:
    """A hash of everything that decides how a lesson file is checked (once per process).

    It covers the sources of ``game/content`` (parser, model, every lint rule), the help
    service placeholders, the game's version and the versions of Python, pydantic and
    PyYAML (and whether libyaml is used). A build without its ``.py`` sources (the
    one-file game) uses the size and time of its executable instead.
    """
    import pydantic
    import yaml

    from game import __version__

    digest = hashlib.sha256()
    for part in (
        f"format {CACHE_FORMAT}",
        f"signal-scouts {__version__}",
        sys.version,
        f"pydantic {pydantic.VERSION}",
        f"pyyaml {yaml.__version__} libyaml {getattr(yaml, '__with_libyaml__', False)}",
    ):
        digest.update(part.encode() + b"\0")
    sources = sorted(_HERE.glob("*.py")) + list(_OTHER_SOURCES)
    try:
        for source in sources:
            digest.update(source.name.encode() + b"\0" + source.read_bytes() + b"\0")
        if len(sources) <= len(_OTHER_SOURCES):
            raise FileNotFoundError("no sources")
    except OSError:
        info = os.stat(sys.executable)
        digest.update(f"executable {sys.executable} {info.st_size} {info.st_mtime_ns}".encode())
    return digest.hexdigest()


@dataclass(frozen=True)
class CachedResult:
    """What checking one lesson file gave: the lesson (None if it failed) and its problems.

    *problems* are the warnings of a lesson that loaded, or every problem of one that
    did not, exactly as the full check reported them (already capped).
    """

    lesson: Lesson | None
    problems: list[Problem]


class LessonCache:
    """Checked lessons stored as JSON files in *folder*, keyed by content and code.

    *max_bytes* bounds the folder (see :meth:`prune`); *fingerprint* defaults to
    :func:`code_fingerprint` (tests pass their own to stand for changed code).
    """

    def __init__(
        self,
        folder: Path,
        *,
        max_bytes: int = MAX_CACHE_BYTES,
        fingerprint: str | None = None,
    ) -> None:
        self.folder = folder
        self.max_bytes = max_bytes
        self._fingerprint = fingerprint
        #: Entries found and used, and entries written, since this cache was made.
        self.hits = 0
        self.writes = 0
        #: The services and release flag of the last key, and their part of every key.
        self._options: tuple[Mapping[str, tuple[str, ...]], bool, bytes] | None = None

    @property
    def fingerprint(self) -> str:
        """The code fingerprint every key includes."""
        if self._fingerprint is None:
            self._fingerprint = code_fingerprint()
        return self._fingerprint

    def key(
        self,
        data: bytes,
        name: str,
        services: Mapping[str, tuple[str, ...]],
        *,
        release: bool,
    ) -> str:
        """The key of a file with bytes *data* shown as *name*, checked with these options."""
        memo = self._options
        if memo is None or memo[0] is not services or memo[1] != release:
            options = json.dumps(
                [release, sorted((k, list(v)) for k, v in services.items())], ensure_ascii=True
            )
            prefix = hashlib.sha256(f"{self.fingerprint}\0{options}\0".encode()).digest()
            memo = self._options = (services, release, prefix)
        digest = hashlib.sha256(memo[2])
        digest.update(name.encode("utf-8", errors="surrogatepass") + b"\0")
        digest.update(data)
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / f"{key}.json"

    def get(self, key: str) -> CachedResult | None:
        """The stored result for *key*, or None (missing, unreadable, corrupt or foreign)."""
        path = self._path(key)
        try:
            raw, modified = _read_entry(path)
            entry = _Entry.model_validate_json(raw)
        except Exception:  # noqa: BLE001 - a bad entry is a miss, never a crash
            return None
        problems = [Problem(*item) for item in entry.problems]
        if entry.format != CACHE_FORMAT or entry.key != key:
            return None  # another version's entry, or a file copied in under this name
        if entry.lesson is None and not any(p.severity == "error" for p in problems):
            return None  # a file that failed always has an error
        self.hits += 1
        if time.time() - modified > TOUCH_AFTER_SECONDS:
            with contextlib.suppress(OSError):
                os.utime(path)
        return CachedResult(entry.lesson, problems)

    def put(self, key: str, result: CachedResult) -> None:
        """Store *result* under *key*; a cache that cannot be written is simply not used.

        A result that would not read back exactly as it is (a value JSON cannot carry
        unchanged) is not stored: that file is then checked in full every time.
        """
        try:
            data = _entry_bytes(key, result)
            if _Entry.model_validate_json(data).lesson != result.lesson:
                return
            atomic_write(self._path(key), data, sync=False)
        except Exception:  # noqa: BLE001 - the cache must never change what loading gives
            return
        self.writes += 1

    def prune(self) -> None:
        """Remove the entries used longest ago until the folder is under its size limit.

        Temporary files of writes that never finished are removed too.
        """
        entries: list[tuple[float, int, str]] = []
        now = time.time()
        try:
            with os.scandir(self.folder) as found:
                for item in found:
                    with contextlib.suppress(OSError):
                        if not item.is_file(follow_symlinks=False):
                            continue
                        info = item.stat(follow_symlinks=False)
                        if item.name.endswith(".tmp"):
                            if now - info.st_mtime > STALE_TEMP_SECONDS:
                                os.unlink(item.path)
                        elif item.name.endswith(".json"):
                            entries.append((info.st_mtime, info.st_size, item.path))
        except OSError:
            return
        total = sum(size for _mtime, size, _path in entries)
        if total <= self.max_bytes:
            return
        for _mtime, size, path in sorted(entries):
            if total <= self.max_bytes * PRUNE_TO:
                break
            with contextlib.suppress(OSError):
                os.unlink(path)
                total -= size


def _entry_bytes(key: str, result: CachedResult) -> bytes:
    """The JSON text of the entry for *result* under *key* (UTF-8)."""
    problems = json.dumps(
        [[p.file, p.line, p.col, p.message, p.severity] for p in result.problems],
        ensure_ascii=False,
    )
    lesson = "null" if result.lesson is None else result.lesson.model_dump_json(by_alias=True)
    head = f'{{"format": {CACHE_FORMAT}, "key": "{key}", '
    text = f'{head}"problems": {problems}, "lesson": {lesson}}}'
    return text.encode("utf-8")


class _Entry(BaseModel):
    """One cache file, as written by :meth:`LessonCache.put` (validated in one pass)."""

    model_config = ConfigDict(extra="forbid")

    format: StrictInt
    key: StrictStr
    problems: list[tuple[StrictStr, StrictInt, StrictInt, StrictStr, StrictStr]]
    lesson: Lesson | None


def _read_entry(path: Path) -> tuple[bytes, float]:
    """The bytes of the entry at *path* and when it was last used (its modification time).

    Raises:
        OSError: missing, unreadable, not an ordinary file, or over :data:`MAX_ENTRY_BYTES`.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
            raise OSError(f"{path.name} is not a cache entry")
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(MAX_ENTRY_BYTES + 1), info.st_mtime
    finally:
        os.close(fd)


def user_lesson_cache() -> LessonCache | None:
    """The lesson cache in the user's cache folder (None: ``SIGNAL_SCOUTS_NO_CACHE`` is set)."""
    folder = lesson_cache_dir()
    return None if folder is None else LessonCache(folder)
