"""Small JSON files in the user's data folder: read defensively, written atomically.

Reading never crashes the game. A file that cannot be used at all (not JSON, nested
too deeply, a number too long, not a regular file, too large, unreadable) is never
deleted: it is renamed next to itself (``settings.corrupt-20260101-120000.json``) and the
game starts from defaults. A file that is fine except for some values (an unknown
language, stars beyond any lesson) keeps the rest: only the values that fail are dropped.

Writing goes to a temporary file that is fsynced, renamed over the old file, and the
folder is fsynced too, so a crash or a power cut leaves the old file or the new one.
Temporary files left by a save that was killed are removed when the store loads (only
ours, and only when older than :data:`STALE_TEMP_SECONDS`, so another copy of the game
saving at the same moment keeps its own). Write errors are raised to the caller, who
decides how to tell the player (see :class:`game.profile.Profile`).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import secrets
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError

from game.safe_read import parse_json, read_small_file

M = TypeVar("M", bound=BaseModel)

#: The largest saved file that is read (far more than the game ever writes).
MAX_FILE_BYTES = 16 * 1024 * 1024
#: A temporary file from a save this old (seconds) was left by a save that never finished.
STALE_TEMP_SECONDS = 60
#: How many rounds of dropping bad values are tried before a file counts as unusable.
MAX_REPAIR_PASSES = 8


#: Mode of a saved game file (settings, progress, answers): only this user can read it.
PRIVATE_MODE = 0o600
#: Mode asked for a document people read (plans, certificates, CSV): like any new file,
#: the umask then takes its bits away (0o644 with the usual umask 022).
DOCUMENT_MODE = 0o666
#: Flags of a new temporary file: created here or not at all, never through a link,
#: binary on Windows, not handed to child processes.
_TEMP_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOINHERIT", 0)
    | getattr(os, "O_BINARY", 0)
)


def atomic_write(
    path: Path, data: str | bytes, mode: int = PRIVATE_MODE, *, sync: bool = True
) -> None:
    """Write *data* (text as UTF-8) to *path*; a crash leaves either the old or the new file.

    The file is created with *mode* less the process umask, as ``open()`` would create
    it: :data:`PRIVATE_MODE` (the default, for saves) or :data:`DOCUMENT_MODE` (see
    :func:`write_document`). The new file is fsynced before the rename and the folder
    after it (where the platform allows), so the new name survives a power cut too.
    *sync* False skips both fsyncs (a cache, where a lost file only costs time).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = _temp_file(path, mode)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            if sync:
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if sync:
        fsync_folder(path.parent)


def write_document(path: Path, data: str | bytes) -> None:
    """Atomically write a file for people to read (plans, certificates, CSV, the index).

    Unlike a save it may be read by other users of the computer (a teacher's other
    account, a print service): mode 0o666 less the umask, as any new document gets.
    """
    atomic_write(path, data, DOCUMENT_MODE)


def _temp_file(path: Path, mode: int) -> tuple[int, str]:
    """Create ``.NAME.xxxxxxxx.tmp`` beside *path* with *mode* (less the umask); (fd, name)."""
    for _attempt in range(100):
        name = str(path.parent / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(name, _TEMP_FLAGS, mode), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")


def fsync_folder(folder: Path) -> None:
    """Flush *folder*'s entries (a rename in it) to disk; skipped where folders can't be opened.

    Windows cannot open a folder this way, and some file systems refuse to fsync one:
    the file itself is already safe on disk then, so that is not an error.
    """
    if os.name == "nt":
        return
    try:
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def set_aside(path: Path) -> Path:
    """Rename a broken file to a timestamped backup beside it; return the backup path."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    counter = 1
    while os.path.lexists(backup):
        backup = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}{path.suffix}")
        counter += 1
    os.replace(path, backup)
    return backup


def remove_stale_temp_files(path: Path, older_than: float = STALE_TEMP_SECONDS) -> list[Path]:
    """Delete temporary files that :func:`atomic_write` left for *path* and never renamed.

    Only names :func:`atomic_write` makes for this file (``.NAME.xxxxxxxx.tmp``), only
    regular files (never a link or a folder), and only when last written more than
    *older_than* seconds ago: another copy of the game saving right now keeps its own.
    Returns what was removed; nothing here raises.
    """
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[A-Za-z0-9_]{{4,32}}\.tmp")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(path.parent))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not entry.is_file(follow_symlinks=False) or now - info.st_mtime <= older_than:
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def validate_keeping_what_is_good(
    model: type[M], data: Any, context: Mapping[str, Any] | None = None
) -> tuple[M, list[str]]:
    """*data* validated as *model*, dropping each value that fails; and where those were.

    A bad value in a list or mapping (one lesson's stars) is removed from it; a bad
    field falls back to its default; an item missing a required field is removed whole.
    Raises :class:`ValidationError` when the data as a whole is unusable (not an object,
    or still failing after :data:`MAX_REPAIR_PASSES` rounds).
    """
    dropped: list[str] = []
    for _ in range(MAX_REPAIR_PASSES):
        try:
            return model.model_validate(data, context=dict(context or {})), dropped
        except ValidationError as exc:
            if not isinstance(data, dict):
                raise
            targets = {_resolvable(data, tuple(error["loc"])) for error in exc.errors()}
            if () in targets:
                raise
            outermost = _outermost(targets)
            dropped += [".".join(str(part)[:64] for part in target) for target in outermost]
            _remove_all(data, outermost)
    return model.model_validate(data, context=dict(context or {})), dropped


def _resolvable(data: Any, loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The longest start of *loc* that names a value in *data*: what to remove.

    That is the bad value itself, or the object lacking a required field (pydantic's
    locations may go on with a type tag or ``[key]``, or name the missing field).
    """
    found: list[Any] = []
    node = data
    for part in loc:
        in_dict = isinstance(node, dict) and isinstance(part, str) and part in node
        in_list = isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node)
        if not (in_dict or in_list):
            break
        node = node[part]
        found.append(part)
    return tuple(found)


def _outermost(targets: set[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """*targets* without those inside another target, deepest first (so indices stay valid)."""
    kept = [t for t in targets if not any(o != t and t[: len(o)] == o for o in targets)]
    return sorted(kept, key=lambda t: (-len(t), [repr(part) for part in t]))


def _remove_all(data: dict[str, Any], targets: list[tuple[Any, ...]]) -> None:
    """Remove each target from *data*: list items from the highest index down."""
    by_parent: dict[tuple[Any, ...], list[Any]] = {}
    for target in targets:
        by_parent.setdefault(target[:-1], []).append(target[-1])
    for parent_path in sorted(by_parent, key=len, reverse=True):
        parent: Any = data
        for part in parent_path:
            parent = parent[part]
        keys = by_parent[parent_path]
        if isinstance(parent, list):
            for index in sorted(keys, reverse=True):
                del parent[index]
        else:
            for key in keys:
                parent.pop(key, None)


class JsonStore(Generic[M]):
    """One pydantic model kept in one JSON file."""

    def __init__(self, path: Path, model: type[M], max_bytes: int = MAX_FILE_BYTES) -> None:
        self.path = path
        self.model = model
        self.max_bytes = max_bytes
        #: Where an unusable file was set aside when it was loaded (None: it was fine).
        self.backup: Path | None = None
        #: Values dropped on load because they failed validation (dotted paths).
        self.dropped: list[str] = []
        #: Why saving is refused: an unusable file that could not be set aside is never
        #: overwritten, so it stays for a grown-up to rescue.
        self._blocked: OSError | None = None

    def load(self, context: Mapping[str, Any] | None = None) -> M:
        """Read the file; a missing file gives defaults, an unusable one is set aside.

        *context* is handed to the model's validators (e.g. the countries the game
        knows). Stale temporary files of earlier, interrupted saves are removed first.
        """
        remove_stale_temp_files(self.path)
        try:
            raw = read_small_file(self.path, self.max_bytes)
        except FileNotFoundError:
            return self.model()
        except OSError:
            return self._start_fresh()
        try:
            value, self.dropped = validate_keeping_what_is_good(
                self.model, parse_json(raw), context
            )
        except ValueError:  # not JSON, nested too deeply, or not this model at all
            return self._start_fresh()
        return value

    def _start_fresh(self) -> M:
        """Set the unusable file aside (never delete it) and return defaults."""
        try:
            self.backup = set_aside(self.path)
        except OSError as exc:
            self._blocked = exc
        return self.model()

    def save(self, value: M) -> None:
        """Write *value* atomically; raises :class:`OSError` when it cannot be saved.

        A value larger than the store would read back is refused, never written.
        """
        if self._blocked is not None:
            raise self._blocked
        data = (value.model_dump_json(indent=2) + "\n").encode("utf-8")
        if len(data) > self.max_bytes:
            raise OSError(f"{self.path.name} would be larger than {self.max_bytes} bytes")
        atomic_write(self.path, data)
