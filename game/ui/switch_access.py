"""Switch access: the whole game played with one switch, or with two.

A switch is a big button a child presses with a hand, a foot or the head; switch
interfaces send a key press (usually Space or Enter). Settings > Accessibility offers:

- **one switch** (scanning): the focus ring steps through the screen's buttons on its
  own, one every ``scan_seconds`` (1-5 s), and the switch (Space or Enter) presses the
  button it is on. This is the only thing in the game that moves by itself, and only
  when a grown-up turns it on; no lesson content is ever timed. A screen that asks for
  a decision still starts with nothing focused: the first step of the scan shows the
  ring on the first answer, so nothing is chosen for the child.
- **two switches**: Space moves the ring to the next button, Enter presses it. Nothing
  moves by itself.

The wait restarts whenever the screen changes or the child moves the ring by hand
(a key, the mouse), so scanning never jumps away from a button just reached; while
narration reads a screen's own words, the ring waits for them to end.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

import pygame

from game.ui.focus import FocusChange
from game.ui.input_guard import monotonic_ms

if TYPE_CHECKING:
    from game.app import App

SwitchMode = Literal["off", "one", "two"]
#: Scanning paces a grown-up can choose (seconds the ring stays on each button).
SCAN_PACES = (1.0, 1.5, 2.0, 3.0, 4.0, 5.0)
#: The key a second switch sends to move the ring on (two-switch mode).
MOVE_KEYS = {pygame.K_SPACE}
#: Keys that press the focused button in switch modes.
SELECT_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER}


class SwitchAccess:
    """Steps the focus ring on by itself (one switch) and maps a second switch's key."""

    def __init__(self, app: App, clock: Callable[[], int] = monotonic_ms) -> None:
        self.app = app
        #: Returns the time in ms; tests replace it to step time forward.
        self.clock = clock
        self.mode: SwitchMode = "off"
        self.seconds = 2.0
        self._due: int | None = None
        self._watching: tuple[int, tuple[str, ...]] | None = None
        app.focus_events.subscribe(self._on_focus)

    def configure(self, mode: str, seconds: float) -> None:
        """Use switch *mode* (``off``, ``one``, ``two``) at a pace of *seconds* per button."""
        self.mode = mode if mode in ("one", "two") else "off"  # type: ignore[assignment]
        self.seconds = min(5.0, max(1.0, float(seconds)))
        self._due = None
        self._watching = None

    @property
    def pace_ms(self) -> int:
        """Milliseconds the ring stays on one button while scanning."""
        return round(self.seconds * 1000)

    @property
    def scanning(self) -> bool:
        """True when the ring steps on by itself (one-switch mode)."""
        return self.mode == "one"

    def translate(self, event: pygame.event.Event) -> pygame.event.Event:
        """In two-switch mode the move switch (Space) moves the ring like Tab does."""
        keyed = event.type in (pygame.KEYDOWN, pygame.KEYUP)
        if self.mode == "two" and keyed and event.key in MOVE_KEYS:
            return pygame.event.Event(event.type, key=pygame.K_TAB, mod=0, unicode="", scancode=0)
        return event

    def due(self) -> bool:
        """True when the scan should step now (the loop then runs a turn at once)."""
        if not self.scanning or not self.app.stack:
            return False
        now = self.clock()
        self._watch(now)
        return self._due is not None and now >= self._due

    def tick(self) -> None:
        """Step the ring to the next button if the wait is over (one-switch mode only)."""
        if not self.scanning or not self.app.stack:
            return
        now = self.clock()
        self._watch(now)
        if self._due is not None and now >= self._due and self._reading():
            self._due = now + self.pace_ms  # the screen's own words are being read: wait
        elif self._due is not None and now >= self._due:
            scene = self.app.scene
            if scene.all_buttons():
                scene.move_focus(1, cause="scan")
            self._due = now + self.pace_ms

    def _reading(self) -> bool:
        """True while narration reads the screen's own text (the ring waits for it)."""
        narration = getattr(self.app, "narration", None)
        return bool(narration is not None and narration.reading_screen)

    def _watch(self, now: int) -> None:
        """Restart the wait when another screen, or another set of buttons, is on top."""
        scene = self.app.scene
        seen = (id(scene), tuple(b.key for b in scene.all_buttons()))
        if seen != self._watching:
            self._watching = seen
            self._due = now + self.pace_ms

    def _on_focus(self, change: FocusChange) -> None:
        """A ring moved by hand (or by the screen) gets a full wait before the scan moves it."""
        if self.scanning and change.cause != "scan":
            self._due = self.clock() + self.pace_ms
