"""Reduced motion: the one switch every animation checks.

The game has no animation of its own yet; anything that moves later (a card sliding,
a star popping) asks ``app.motion`` how long to take and how far along it is. With
reduced motion on (Settings, for children who find movement distracting or sickening)
every animation ends before it starts: things appear in their final place at once.
Switch scanning is not an animation: the focus ring jumps from button to button and
never glides, whatever this says.
"""

from __future__ import annotations


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
