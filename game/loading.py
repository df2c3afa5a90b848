"""Work done in a background thread while the window stays responsive.

The game reads and checks its lessons in a :class:`BackgroundJob` after the first
frame, so one slow file (or a thousand lessons) never freezes the title screen. The
job only reads files and builds Python objects: every pygame call (drawing, events)
stays on the main thread, which polls :attr:`BackgroundJob.done` and
:attr:`BackgroundJob.fraction`. The thread is a daemon, so closing the window (or
SIGTERM, which SDL turns into a QUIT event) ends the game at once even mid-load.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
#: Called by the work with (steps done, steps in all).
Progress = Callable[[int, int], None]


class ClosingWhileLoading(Exception):  # noqa: N818 - it is a request, not an error
    """The player closed the game while a screen was waiting for the lessons."""


class BackgroundJob(Generic[T]):
    """Runs ``work(progress)`` once in a daemon thread; the main thread polls it.

    *clock* (seconds, monotonic) is passed in so tests can decide how long loading
    seems to take.
    """

    def __init__(
        self,
        work: Callable[[Progress], T],
        *,
        name: str = "background-job",
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._work = work
        self._clock = clock
        self._finished = threading.Event()
        self._result: T | None = None
        self._error: BaseException | None = None
        self._done_steps, self._all_steps = 0, 0
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self.started_at: float | None = None

    def start(self) -> None:
        """Start the work (once)."""
        if self.started_at is None:
            self.started_at = self._clock()
            self._thread.start()

    def _run(self) -> None:
        try:
            self._result = self._work(self._progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the main thread in result()
            self._error = exc
        finally:
            self._finished.set()

    def _progress(self, done: int, total: int) -> None:
        self._done_steps, self._all_steps = done, total

    @property
    def done(self) -> bool:
        """True once the work has finished (or failed)."""
        return self._finished.is_set()

    @property
    def fraction(self) -> float:
        """How much of the work is done, 0 to 1 (1 when finished)."""
        if self.done:
            return 1.0
        done, total = self._done_steps, self._all_steps
        return min(1.0, done / total) if total else 0.0

    def elapsed(self) -> float:
        """Seconds since the work started (0 before it starts)."""
        return 0.0 if self.started_at is None else self._clock() - self.started_at

    def wait(self, seconds: float) -> bool:
        """Wait up to *seconds* for the work to finish; True if it has."""
        return self._finished.wait(seconds)

    def result(self) -> T:
        """What the work returned (it must be done); its exception is raised here instead."""
        if not self.done:
            raise RuntimeError("the background job has not finished")
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]
