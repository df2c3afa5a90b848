"""Small JSON files in the user's data folder, written atomically.

A file that cannot be read back is never deleted: it is renamed next to itself
(``settings.corrupt-20260101-120000.json``) and the game starts fresh.
"""

from __future__ import annotations

import contextlib
import datetime
import json
import os
import tempfile
from pathlib import Path
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)


def atomic_write(path: Path, data: str | bytes) -> None:
    """Write *data* (text as UTF-8) to *path*; a crash leaves either the old or the new file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def set_aside(path: Path) -> Path:
    """Rename a broken file to a timestamped backup beside it; return the backup path."""
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = path.with_name(f"{path.stem}.corrupt-{stamp}{path.suffix}")
    counter = 1
    while backup.exists():
        backup = path.with_name(f"{path.stem}.corrupt-{stamp}-{counter}{path.suffix}")
        counter += 1
    os.replace(path, backup)
    return backup


class JsonStore(Generic[M]):
    """One pydantic model kept in one JSON file."""

    def __init__(self, path: Path, model: type[M]) -> None:
        self.path = path
        self.model = model
        self.backup: Path | None = None

    def load(self) -> M:
        """Read the file; a missing file gives defaults, a broken one is set aside."""
        try:
            raw = self.path.read_bytes()
        except OSError:
            return self.model()
        try:
            return self.model.model_validate(json.loads(raw.decode("utf-8")))
        except (json.JSONDecodeError, ValidationError, UnicodeDecodeError):
            self.backup = set_aside(self.path)
            return self.model()

    def save(self, value: M) -> None:
        """Write *value* atomically."""
        atomic_write(self.path, value.model_dump_json(indent=2) + "\n")
