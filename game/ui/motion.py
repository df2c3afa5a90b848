"""Reduced motion: the one switch every animation checks.

Anything that moves (a chat message sliding in, confetti) is a :class:`Tween` made by
``app.motion.tween``: it asks how long to take and how far along it is. With
reduced motion on (Settings, for children who find movement distracting or sickening)
every animation ends before it starts: things appear in their final place at once.
Switch scanning is not an animation: the focus ring jumps from button to button and
never glides, whatever this says.
"""

from __future__ import annotations

from collections.abc import Callable


class Motion:
    """Whether animations run, and how long they take."""

    def __init__(self, reduced: bool = False) -> None:
        #: True when the child's settings ask for no animation.
        self.reduced = reduced

    @property
    def allowed(self) -> bool:
        """True when animations may run."""
        return not self.reduced

    def duration(self, ms: int) -> int:
        """How long an animation meant to take *ms* milliseconds lasts (0 when reduced)."""
        return 0 if self.reduced else max(0, ms)

    def progress(self, elapsed_ms: float, ms: int) -> float:
        """How far along (0.0 to 1.0) an animation of *ms* is after *elapsed_ms*.

        Always 1.0 (finished) with reduced motion, or for an animation of no length.
        """
        total = self.duration(ms)
        if total <= 0:
            return 1.0
        return min(1.0, max(0.0, elapsed_ms / total))

    def tween(self, ms: int, clock: Callable[[], float]) -> Tween:
        """A new animation of *ms* milliseconds starting now on *clock* (ms)."""
        return Tween(self, ms, clock)


def ease_out(t: float) -> float:
    """A gentle stop: fast at first, slowing to rest (0.0 to 1.0 in, 0.0 to 1.0 out)."""
    t = min(1.0, max(0.0, t))
    return 1.0 - (1.0 - t) ** 3


class Tween:
    """One time-based animation of *ms*, read from *clock* (milliseconds).

    It never blocks anything: a screen asks :meth:`progress` when it draws, and
    :meth:`finish` ends it at once (a press while it moves, reduced motion).
    """

    def __init__(self, motion: Motion, ms: int, clock: Callable[[], float]) -> None:
        self.motion = motion
        self.ms = ms
        self.clock = clock
        self.start = clock()
        self._finished = motion.duration(ms) <= 0

    def finish(self) -> None:
        """End the animation now: everything shows in its final place."""
        self._finished = True

    @property
    def done(self) -> bool:
        """True when the animation has reached its end (at once with reduced motion)."""
        return self.progress() >= 1.0

    def progress(self) -> float:
        """How far along it is, 0.0 to 1.0 (1.0 when finished or reduced)."""
        if self._finished:
            return 1.0
        value = self.motion.progress(self.clock() - self.start, self.ms)
        if value >= 1.0:
            self._finished = True
        return value
