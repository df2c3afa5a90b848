"""Reading the small files the game saved, whatever the computer did to them since.

A save may have been replaced by something that is not a file at all (a folder, a
named pipe that would block the read forever, a link to ``/dev/zero`` that never ends),
grown huge, been edited in Notepad (a byte-order mark) or been nested too deeply for
the JSON reader. :func:`read_small_file` reads only regular files up to a size limit and
:func:`parse_json` turns every way JSON can fail into :class:`ValueError`, so callers
have two exceptions to catch. Only the standard library is used: the first frame's
settings are read with this too.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path


class UnreadableFile(OSError):
    """The path exists but is not a regular file of a sensible size (the message says why)."""


def read_small_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at *path*, at most *max_bytes* of them.

    Raises :class:`FileNotFoundError` when nothing is there, :class:`UnreadableFile`
    for a folder, pipe, device, socket or a file larger than *max_bytes*, and
    :class:`OSError` for any other failure (permission denied, a broken disk). A pipe
    or device is never opened for reading, so the call cannot block or run forever.
    """
    _check_regular(os.stat(path), path, max_bytes)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    fd = os.open(path, flags | getattr(os, "O_BINARY", 0))
    try:
        # Checked again on what was opened: the path may have changed in between.
        _check_regular(os.fstat(fd), path, max_bytes)
        chunks: list[bytes] = []
        size = 0
        while size <= max_bytes:
            chunk = os.read(fd, min(1 << 20, max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    finally:
        os.close(fd)
    if size > max_bytes:
        raise UnreadableFile(f"{path.name} grew larger than {max_bytes} bytes while being read")
    return b"".join(chunks)


def _check_regular(info: os.stat_result, path: Path, max_bytes: int) -> None:
    """Raise :class:`UnreadableFile` unless *info* is a regular file of at most *max_bytes*."""
    if stat.S_ISDIR(info.st_mode):
        raise UnreadableFile(f"{path.name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise UnreadableFile(f"{path.name} is not a regular file (a pipe, device or socket)")
    if info.st_size > max_bytes:
        raise UnreadableFile(f"{path.name} is {info.st_size} bytes; at most {max_bytes} are read")


def parse_json(raw: bytes) -> object:
    """*raw* (UTF-8, with or without a byte-order mark) as JSON values.

    Every failure is a :class:`ValueError`: bytes that are not UTF-8, bad syntax,
    nesting too deep for the parser, or a number with more digits than Python converts.
    """
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except RecursionError as exc:
        raise ValueError("the JSON is nested too deeply") from exc
