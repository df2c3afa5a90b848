"""Presses that arrive too soon: a new screen ignores input for a moment after it appears.

A double click or a quickly repeated key must never make a decision on a screen the
child has not seen yet (a second click on "Finish mission" landing on the debrief's
buttons, Enter pressed again and again). :class:`InputGuard` sits in front of the
screen stack: the app calls :meth:`InputGuard.hold` whenever a new screen appears (or
a screen's buttons change), and presses that start during the short quiet time that
follows are dropped. A key held down (auto-repeat) counts as one press only.

The quiet time is never shown to the child and never times them: it only decides
which presses belong to the screen they were made on.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pygame

#: How long a new screen ignores presses (ms): longer than a quick double click's gap
#: between its two presses, far shorter than reading anything.
INPUT_GUARD_MS = 350

#: Events that start, finish or stand for a press (movement and key releases pass).
PRESSES = {pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEWHEEL}


def monotonic_ms() -> int:
    """Milliseconds from a clock that never goes back.

    (``pygame.time.get_ticks`` reads 0 until ``pygame.init()``, which the headless tools
    and tests never call.)
    """
    return time.monotonic_ns() // 1_000_000


class InputGuard:
    """Decides which input events reach the screen on top."""

    def __init__(
        self, quiet_ms: int = INPUT_GUARD_MS, clock: Callable[[], int] = monotonic_ms
    ) -> None:
        self.quiet_ms = quiet_ms
        #: Returns the time in ms; tests replace it to step time forward.
        self.clock = clock
        self.quiet_until = 0
        #: Keys pressed and not yet released (a second KEYDOWN for one is auto-repeat).
        self.keys_down: set[int] = set()

    def hold(self) -> None:
        """A new screen (or a new set of buttons) appeared: ignore presses for a moment."""
        self.quiet_until = self.clock() + self.quiet_ms

    @property
    def quiet(self) -> bool:
        """True while presses are being ignored."""
        return self.clock() < self.quiet_until

    def allows(self, event: pygame.event.Event) -> bool:
        """Whether *event* may reach the screen: no auto-repeat, no press during the quiet time."""
        if event.type == pygame.KEYUP:
            self.keys_down.discard(event.key)
            return True
        if event.type == pygame.WINDOWFOCUSLOST:
            self.keys_down.clear()  # the key-up of a held key may never arrive
            return True
        if event.type == pygame.KEYDOWN:
            repeat = event.key in self.keys_down or bool(getattr(event, "repeat", False))
            self.keys_down.add(event.key)
            if repeat:
                return False
        if event.type in PRESSES:
            return not self.quiet
        return True
