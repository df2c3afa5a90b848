"""Show a saved-files folder in the computer's file manager (the "Open folder" button).

Only a folder on this computer is ever opened, by its absolute path (never a web
address): ``xdg-open`` on Linux and the BSDs, ``open`` on macOS, ``os.startfile`` on
Windows. The file manager starts in the background, without a shell, and the game
never waits for it. Where there is no such program (a kiosk, a bare X session)
:func:`system_opener` returns None and the screens show no button.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

#: Opens a local folder; raises :class:`OSError` when it cannot.
Opener = Callable[[Path], None]


def system_opener(
    platform: str = sys.platform, which: Callable[[str], str | None] = shutil.which
) -> Opener | None:
    """How this computer opens a folder in its file manager, or None when it cannot."""
    if platform.startswith("win"):
        startfile = getattr(os, "startfile", None)
        if startfile is None:
            return None
        return lambda folder: startfile(str(local_folder(folder)))  # noqa: S606
    program = which("open" if platform == "darwin" else "xdg-open")
    if program is None:
        return None
    return lambda folder: launch([program, str(local_folder(folder))])


def local_folder(folder: Path) -> Path:
    """*folder* as an absolute path of an existing folder; OSError for anything else.

    An absolute path cannot be read as a web address (or as an option of the opener).
    """
    path = Path(os.path.abspath(folder))
    if not path.is_dir():
        raise NotADirectoryError(f"not a folder: {path}")
    return path


def launch(command: list[str]) -> None:
    """Start *command* (no shell, no input, output discarded); a thread reaps it later."""
    process = subprocess.Popen(  # noqa: S603
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        close_fds=True,
        start_new_session=os.name != "nt",
    )
    threading.Thread(target=process.wait, name="folder-opener", daemon=True).start()
