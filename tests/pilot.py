"""A scripted player that drives the game through real pygame input events.

Like Textual's ``Pilot``: events are posted to SDL's queue and the game handles
them through its normal loop (``App.pump``), so tests exercise exactly what a
child's mouse, finger or keyboard would.
"""

from __future__ import annotations

import pygame

from game.app import App


class Pilot:
    """Clicks buttons by key and presses keys, then lets the game handle the events."""

    def __init__(self, app: App) -> None:
        self.app = app

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

    def click(self, key: str) -> None:
        """Move the mouse over button *key*, press and release it."""
        pos = self.rect_of(key).center
        for kind in (pygame.MOUSEMOTION, pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP):
            if kind == pygame.MOUSEMOTION:
                event = pygame.event.Event(kind, pos=pos, rel=(0, 0), buttons=(0, 0, 0))
            else:
                event = pygame.event.Event(kind, pos=pos, button=1)
            pygame.event.post(event)
        self.app.pump()

    def press(self, key: int, mod: int = 0) -> None:
        """Press and release one keyboard key."""
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=key, mod=mod, unicode=""))
        pygame.event.post(pygame.event.Event(pygame.KEYUP, key=key, mod=mod))
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
