"""Plays a queue of lines one after another and knows which word is being spoken.

:meth:`Narrator.say` replaces whatever was being read, asks the synthesizer for every
line at once (a screen's audio is made ahead, in order) and returns at once.
:meth:`Narrator.tick`, called by the game loop, starts the next line as soon as its
audio is ready and works out the word being heard from eSpeak's word times; it never
waits, so speech never holds up input or drawing.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable

from game.narration.clips import ClipLibrary
from game.narration.espeak import Speech
from game.narration.lines import Line, split_line
from game.narration.player import Player
from game.narration.synth import Failed, Synthesizer
from game.narration.voices import rate_for, voice_for

Highlight = tuple[str, int, int]  # the string on screen, and the span of the word in it


class Narrator:
    """Reads lines aloud, one at a time, through a :class:`Player`."""

    def __init__(
        self,
        synth: Synthesizer,
        clips: ClipLibrary,
        player: Player,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.synth = synth
        self.clips = clips
        self.player = player
        self.clock = clock
        #: ``normal`` or ``slow``.
        self.pace = "normal"
        #: Every line given by the last :meth:`say` (and :meth:`add`), in reading order.
        self.queue: list[Line] = []
        #: What the queue reads: ``screen`` (a screen's text) or ``focus`` (a button).
        self.kind = "screen"
        #: The word being spoken, for the text to light up (None between words and lines).
        self.highlight: Highlight | None = None
        #: When the last line started to play (clock seconds), for the benchmark.
        self.started_at: float | None = None
        self._pending: deque[Line] = deque()
        self._current: Line | None = None
        self._speech: Speech | None = None
        self._began = 0.0

    # -- what to read ----------------------------------------------------------------
    def say(self, lines: Iterable[Line], kind: str = "screen") -> None:
        """Stop what is being read and read *lines* (*kind*: ``screen`` or ``focus``)."""
        self.stop()
        self.kind = kind
        self.add(lines)

    def add(self, lines: Iterable[Line]) -> None:
        """Read *lines* after what is queued now."""
        lines = [line for line in lines if line.text.strip()]
        self.queue.extend(lines)
        rate = rate_for(self.pace)
        for line in lines:
            if self.clips.find(line.lang, line.clip) is not None:
                self._pending.append(line)
                continue
            for part in split_line(line):  # sentence by sentence: the first is heard sooner
                self._pending.append(part)
                self.synth.request(part.text, voice_for(part.lang), rate)

    def stop(self) -> None:
        """Stop reading at once and forget the queue."""
        self.player.stop()
        self.synth.drop_pending()
        self.queue = []
        self._pending.clear()
        self._current = None
        self._speech = None
        self.highlight = None

    # -- state -----------------------------------------------------------------------
    @property
    def speaking(self) -> bool:
        """True while a line plays or waits to."""
        return self._current is not None or bool(self._pending)

    @property
    def reading_screen(self) -> bool:
        """True while a screen's own text is being read (not just a button's name).

        Switch scanning waits for this before it moves the focus on its own.
        """
        return self.speaking and self.kind == "screen"

    @property
    def current(self) -> Line | None:
        """The line being heard now."""
        return self._current

    # -- the loop ----------------------------------------------------------------------
    def tick(self) -> bool:
        """Start the next line when it is ready; return True if the lit word changed."""
        before = self.highlight
        if self._current is not None and not self.player.busy():
            self._current = None
            self._speech = None
        while self._current is None and self._pending:
            if not self._start(self._pending[0]):
                break  # its audio is still being made: try again next turn
            self._pending.popleft()
        self.highlight = self._word() if self._current is not None else None
        return self.highlight != before

    def _start(self, line: Line) -> bool:
        """Play *line*; False if its audio is not ready yet (a failed line is skipped)."""
        clip = self.clips.find(line.lang, line.clip)
        speech: Speech | None = None
        if clip is None:
            found = self.synth.result(line.text, voice_for(line.lang), rate_for(self.pace))
            if found is None:
                return False
            if isinstance(found, Failed):
                return True
            speech = found
        seconds = self.player.play(speech, clip)
        if seconds <= 0:
            return True
        self._current, self._speech = line, speech
        self._began = self.started_at = self.clock()
        return True

    def _word(self) -> Highlight | None:
        """The word heard now, as a span of the string on screen."""
        line, speech = self._current, self._speech
        if line is None or speech is None or not speech.words:
            return None
        heard_ms = (self.clock() - self._began) * 1000
        word = None
        for candidate in speech.words:
            if candidate.ms > heard_ms:
                break
            word = candidate
        return line.shown_span(word.start, word.end) if word else None
