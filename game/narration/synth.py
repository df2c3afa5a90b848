"""Speech synthesis off the main thread, with a cache of what was already spoken.

The game asks for every line of a screen at once (:meth:`Synthesizer.request`); one
worker thread speaks them in order while the game keeps drawing and handling input, and
:meth:`Synthesizer.result` hands each one over when it is ready (never waiting). Spoken
audio is kept (least recently used first out, up to a byte budget), so a line heard
again (R, the speaker button, a screen visited again) starts at once.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict, deque
from typing import Protocol

from game.narration.espeak import Speech, SpeechUnavailable

#: Audio kept in the cache: about 6 minutes of speech at 22,050 Hz.
CACHE_BYTES = 16 * 1024 * 1024

Key = tuple[str, str, int]  # text, voice, words per minute


class Engine(Protocol):
    """What the synthesizer needs from a speech engine."""

    def synthesize(self, text: str, voice: str, rate: int) -> Speech:
        """Speak *text* into a buffer."""
        ...


class Failed:
    """A line that could not be spoken (no library, no voice): it is skipped, silently."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


class Synthesizer:
    """Turns (text, voice, rate) into :class:`Speech` in a worker thread, cached."""

    def __init__(
        self, engine: Engine, *, threaded: bool = True, cache_bytes: int = CACHE_BYTES
    ) -> None:
        """With *threaded* False, :meth:`request` speaks at once (the CLI and snapshots)."""
        self.engine = engine
        self.threaded = threaded
        self.cache_bytes = cache_bytes
        self._cache: OrderedDict[Key, Speech | Failed] = OrderedDict()
        self._size = 0
        self._todo: deque[Key] = deque()
        self._lock = threading.Lock()
        self._wake = threading.Condition(self._lock)
        self._thread: threading.Thread | None = None
        #: (characters, seconds of audio, seconds to synthesise) for each line spoken.
        self.timings: list[tuple[int, float, float]] = []

    # -- asking ----------------------------------------------------------------------
    def request(self, text: str, voice: str, rate: int) -> None:
        """Have *text* spoken soon (at once if not threaded); no-op if cached or queued."""
        key = (text, voice, rate)
        with self._lock:
            if key in self._cache or key in self._todo:
                return
            if self.threaded:
                self._todo.append(key)
                self._start()
                self._wake.notify()
                return
        self._speak(key)

    def warm_up(self, voice: str) -> None:
        """Load the speech library and *voice* now, in the worker, before the first line."""
        self.request("", voice, 150)

    def drop_pending(self) -> None:
        """Forget lines asked for but not started (the screen they were for has gone)."""
        with self._lock:
            self._todo.clear()

    def result(self, text: str, voice: str, rate: int) -> Speech | Failed | None:
        """The speech for *text* if it is ready, a :class:`Failed`, or None (not yet)."""
        key = (text, voice, rate)
        with self._lock:
            found = self._cache.get(key)
            if found is not None:
                self._cache.move_to_end(key)
            return found

    def speak_now(self, text: str, voice: str, rate: int) -> Speech:
        """Speak *text* in this thread and return it (raises :class:`SpeechUnavailable`)."""
        key = (text, voice, rate)
        with self._lock:
            found = self._cache.get(key)
        if found is None:
            found = self._speak(key)
        if isinstance(found, Failed):
            raise SpeechUnavailable(found.reason)
        return found

    @property
    def busy(self) -> bool:
        """True while lines wait to be spoken."""
        with self._lock:
            return bool(self._todo)

    # -- the worker --------------------------------------------------------------------
    def _start(self) -> None:
        """Start the worker thread on first use (called with the lock held)."""
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._work, name="narration", daemon=True)
            self._thread.start()

    def _work(self) -> None:
        while True:
            with self._lock:
                while not self._todo:
                    self._wake.wait()
                key = self._todo[0]
            self._speak(key)
            with self._lock:
                if self._todo and self._todo[0] == key:
                    self._todo.popleft()

    def _speak(self, key: Key) -> Speech | Failed:
        text, voice, rate = key
        began = time.perf_counter()
        try:
            result: Speech | Failed = self.engine.synthesize(text, voice, rate)
        except SpeechUnavailable as exc:
            result = Failed(str(exc))
        except Exception as exc:  # a broken voice never stops the game; the line is skipped
            result = Failed(f"{type(exc).__name__}: {exc}")
        elapsed = time.perf_counter() - began
        with self._lock:
            if isinstance(result, Speech):
                self.timings.append((len(text), result.seconds, elapsed))
                self._size += len(result.samples)
            self._cache[key] = result
            self._cache.move_to_end(key)
            while self._size > self.cache_bytes and len(self._cache) > 1:
                _old, dropped = self._cache.popitem(last=False)
                if isinstance(dropped, Speech):
                    self._size -= len(dropped.samples)
        return result
