"""A scripted player that drives the game through real pygame input events.

Like Textual's ``Pilot``: events are posted to SDL's queue and the game handles
them through its normal loop (``App.pump``), so tests exercise exactly what a
child's mouse, finger or keyboard would.

The pilot keeps its own clock for the game's input guard (a new screen ignores
presses for a moment): each action waits a child's pace first, and tests of the
guard itself pass ``after_ms`` to press sooner, like a double click.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pygame

from game.app import App
from game.paths import ContentPaths

#: Time between two actions of the scripted player (ms): a deliberate press, well past
#: the input guard of a screen that has just appeared.
PACE_MS = 500


def start_app(paths: ContentPaths, data_dir: Path, *, in_us: bool = True, **options: Any) -> App:
    """A headless game at 1280x720 with sound off, its profile in *data_dir*, at the title.

    Documents go to ``printables`` beside *data_dir*. With *in_us* the device is set up
    for the US (a grown-up confirmed the country), so help lines do not depend on this
    machine's locale and the grown-ups' menu opens at once. *options* go to :class:`App`.
    """
    from game.scenes.title import TitleScene

    settings: dict[str, Any] = {
        "size": (1280, 720),
        "print_folder": data_dir.parent / "printables",
        "fullscreen": False,
        "sound": False,
    }
    app = App(paths, data_folder=data_dir, **(settings | options))
    if in_us:
        app.profile.settings.country = "US"
        app.profile.settings.country_confirmed = True
    app.push(TitleScene(app))
    app.render()
    return app


class Pilot:
    """Clicks buttons by key and presses keys, then lets the game handle the events."""

    def __init__(self, app: App, pace_ms: int = PACE_MS) -> None:
        self.app = app
        self.pace_ms = pace_ms
        guard = app.guard
        #: The time the game sees (ms); the first screen has settled when the pilot starts.
        self.now = guard.clock() + guard.quiet_ms
        guard.clock = lambda: self.now
        app.switches.clock = lambda: self.now  # switch scanning keeps the same time
        #: Where the last click landed (a double click's second click lands there too).
        self.last_click: tuple[int, int] | None = None

    def wait(self, ms: int | None = None) -> None:
        """Let *ms* milliseconds pass (default: the pilot's pace) before the next event."""
        self.now += self.pace_ms if ms is None else ms

    def button_keys(self) -> list[str]:
        """Keys of the buttons on the current screen, in keyboard order."""
        return [b.key for b in self.app.scene.all_buttons()]

    def rect_of(self, key: str) -> pygame.Rect:
        """Where the button *key* is on screen now (a tall page may be scrolled)."""
        scene = self.app.scene
        for button in scene.all_buttons():
            if button.key == key:
                return scene.on_screen(button)
        name = type(scene).__name__
        raise AssertionError(f"no button {key!r} on {name}: {self.button_keys()}")

    def scroll_to_see(self, key: str) -> None:
        """Turn the mouse wheel until button *key* is in view (a page taller than the window)."""
        scene = self.app.scene
        if key in [b.key for b in scene.header_buttons]:
            return  # the header never scrolls
        view = pygame.Rect(0, scene.header_height(), scene.m.width, scene.m.height)
        view.height -= view.top
        for _ in range(100):
            rect = self.rect_of(key)
            if view.contains(rect) or rect.height > view.height and view.colliderect(rect):
                return
            self.wait()
            y = 1 if rect.top < view.top else -1
            pygame.event.post(pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=y, flipped=False))
            self.app.pump()
        raise AssertionError(f"the wheel never brought {key!r} into view")

    def page_to(self, key: str) -> None:
        """Press the screen's page button until button *key* is on the page shown."""
        for _ in range(10):
            keys = self.button_keys()
            if key in keys or "page" not in keys:
                return
            self.click("page")
        raise AssertionError(f"no page of {type(self.app.scene).__name__} shows {key!r}")

    def click(self, key: str, *, after_ms: int | None = None) -> None:
        """Move the mouse over button *key* (turning pages and scrolling to it first), press."""
        if after_ms is None:
            self.page_to(key)
            self.scroll_to_see(key)
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

    def drag(self, start: tuple[int, int], end: tuple[int, int]) -> None:
        """Press the mouse at *start*, move it to *end* with the button held, release there."""
        self.wait()
        for kind, pos in (
            (pygame.MOUSEBUTTONDOWN, start),
            (pygame.MOUSEMOTION, end),
            (pygame.MOUSEBUTTONUP, end),
        ):
            extra = (
                {"button": 1}
                if kind != pygame.MOUSEMOTION
                else {"rel": (0, 0), "buttons": (1, 0, 0)}
            )
            pygame.event.post(pygame.event.Event(kind, pos=pos, **extra))
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
