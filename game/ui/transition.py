"""Screen transitions: the new screen glides a little way in and fades in over the old one.

When the screen stack changes (a screen opens, closes or is swapped), the app keeps the
frame that was on screen and draws the new screen once into a surface of its own; for
about 200 ms each frame is those two surfaces blitted, the new one shifted toward its
place and growing opaque (no screen is drawn again unless it changed). A screen that
opens comes from the end side (the right; the left in right-to-left languages), one
revealed by closing comes from the start side. Any press finishes the transition at
once (the press then goes where it always would); with reduced motion there is none.
"""

from __future__ import annotations

import pygame

from game.ui.motion import Tween, ease_out

#: How long a transition takes (ms): shorter than the input guard's quiet time, so it
#: is over before a press can reach the new screen.
TRANSITION_MS = 200
#: How far the new screen travels, as a fraction of the window's width.
SHIFT = 0.08


class Transition:
    """One change of screen: the *old* frame, the new screen's frame and a *tween*.

    *way* is +1 when the new screen comes from the right, -1 from the left.
    """

    def __init__(self, old: pygame.Surface, tween: Tween, way: int) -> None:
        self.old = old
        self.tween = tween
        self.way = way
        #: The new screen's latest frame (the app draws the screen here while it comes in).
        self.new = pygame.Surface(old.get_size(), 0, old)
        #: True once the new screen has been drawn into :attr:`new`.
        self.new_drawn = False

    @property
    def done(self) -> bool:
        """True when the new screen is in its place (at once when finished early)."""
        return self.tween.done

    def finish(self) -> None:
        """End the transition now (a press while it moves)."""
        self.tween.finish()

    def compose(self, surface: pygame.Surface) -> None:
        """The frame for now: the old screen, and the new one over it, shifted and faded."""
        t = ease_out(self.tween.progress())
        surface.blit(self.old, (0, 0))
        shift = round((1.0 - t) * SHIFT * surface.get_width() * self.way)
        self.new.set_alpha(round(255 * t))
        surface.blit(self.new, (shift, 0))

    def final(self) -> pygame.Surface:
        """The new screen's frame, opaque: the last frame of the transition."""
        self.new.set_alpha(None)
        return self.new
