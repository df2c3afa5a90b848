"""Entry point of the one-file build: the ``signal-scouts`` command, frozen.

A windowed build on Windows starts with no console, so ``sys.stdout`` and
``sys.stderr`` are None; commands that write to them (``lint``, ``plans``) then write
to the null device instead of failing. Exit codes still tell whether they worked.
"""

import os
import sys


def _streams() -> None:
    """Give a console-less process somewhere harmless to write."""
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process


if __name__ == "__main__":
    import multiprocessing

    # Saving many plans renders them in helper processes: in the frozen build each
    # helper starts this program again, and this hands it to its job at once.
    multiprocessing.freeze_support()
    _streams()
    from game.cli import main

    sys.exit(main())
