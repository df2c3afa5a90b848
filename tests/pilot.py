"""A scripted player that drives the game through real pygame input events.

Like Textual's ``Pilot``: events are posted to SDL's queue and the game handles
them through its normal loop (``App.pump``), so tests exercise exactly what a
child's mouse, finger or keyboard would.

The pilot keeps its own clock for the game's input guard (a new screen ignores
presses for a moment): each action waits a child's pace first, and tests of the
guard itself pass ``after_ms`` to press sooner, like a double click.
"""

from __future__ import annotations

import pygame

from game.app import App

#: Time between two actions of the scripted player (ms): a deliberate press, well past
#: the input guard of a screen that has just appeared.
PACE_MS = 500


class Pilot:
    """Clicks buttons by key and presses keys, then lets the game handle the events."""

    def __init__(self, app: App, pace_ms: int = PACE_MS) -> None:
        self.app = app
        self.pace_ms = pace_ms
        guard = app.guard
        #: The time the game sees (ms); the first screen has settled when the pilot starts.
        self.now = guard.clock() + guard.quiet_ms
        guard.clock = lambda: self.now
        #: Where the last click landed (a double click's second click lands there too).
        self.last_click: tuple[int, int] | None = None

    def wait(self, ms: int | None = None) -> None:
        """Let *ms* milliseconds pass (default: the pilot's pace) before the next event."""
        self.now += self.pace_ms if ms is None else ms

    def button_keys(self) -> list[str]:
        """Keys of the buttons on the current screen, in keyboard order."""
        return [b.key for b in self.app.scene.all_buttons()]

    def rect_of(self, key: str) -> pygame.Rect:
        """Where the button *key* is on screen."""
        for button in self.app.scene.all_buttons():
            if button.key == key:
                return button.rect
        scene = type(self.app.scene).__name__
        raise AssertionError(f"no button {key!r} on {scene}: {self.button_keys()}")

    def click(self, key: str, *, after_ms: int | None = None) -> None:
        """Move the mouse over button *key*, press and release it."""
        self.click_at(self.rect_of(key).center, after_ms=after_ms)

    def click_at(self, pos: tuple[int, int], *, after_ms: int | None = None) -> None:
        """Click at *pos*, *after_ms* after the last action (default: the pilot's pace)."""
        self.wait(after_ms)
        self.last_click = pos
        for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if kind == pygame.MOUSEMOTION:
                event = pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            else:
                event = pygame.event.Event(kind, pos=pos, button=1)
            pygame.event.post(event)
        self.app.pump()

    def press(self, key: int, mod: int = 0, *, after_ms: int | None = None) -> None:
        """Press and release one keyboard key (*after_ms* after the last action)."""
        self.wait(after_ms)
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod))
        self.app.pump()

    def hold(self, key: int, repeats: int) -> None:
        """Hold *key* down: one press, *repeats* auto-repeats 50 ms apart, then release it."""
        self.wait()
        for _ in range(repeats + 1):
            pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=0, unicode=""))
            self.app.pump()
            self.wait(50)
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=0))
        self.app.pump()

    def tab_to(self, key: str) -> None:
        """Press Tab until button *key* has the focus ring."""
        self.rect_of(key)
        for _ in range(len(self.button_keys()) + 1):
            if self.app.scene.focused_key() == key:
                return
            self.press(pygame.K_TAB)
        raise AssertionError(f"Tab never reached {key!r}")

    def activate(self, key: str, *, keyboard: bool) -> None:
        """Press button *key* by keyboard (Tab then Enter) or by mouse click."""
        if keyboard:
            self.tab_to(key)
            self.press(pygame.K_RETURN)
        else:
            self.click(key)
