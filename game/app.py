"""The game loop and the pushdown stack of screens.

The :class:`App` owns the window and the services every screen needs (profile,
translator, fonts, lessons, sounds, helplines) and passes itself to screens. It
redraws only when something changed and sleeps on the event queue otherwise.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pygame

from game.content.loader import LoadedPack, load_pack
from game.helplines import Helplines, load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.profile import Profile, data_dir
from game.scenes.base import Scene
from game.sound import Sounds
from game.ui.text import FontBook, TextCache
from game.ui.theme import MIN_H, MIN_W, TEXT_SCALES, Metrics

ResultCallback = Callable[[Any], None]


class App:
    """Window, services and the screen stack."""

    def __init__(
        self,
        paths: ContentPaths,
        *,
        size: tuple[int, int] = (1280, 720),
        data_folder: Path | None = None,
        fullscreen: bool | None = None,
        sound: bool | None = None,
    ) -> None:
        pygame.display.init()
        pygame.font.init()
        self.paths = paths
        self.profile = Profile(data_folder or data_dir())
        settings = self.profile.settings
        self.tr = Translator(settings.language, paths.locales)
        self.fonts = FontBook(paths.fonts)
        self.text = TextCache(self.fonts)
        self.pack: LoadedPack = load_pack([paths.lessons], root=paths.lessons.parent)
        self.helplines: Helplines = load_helplines(paths.assets / "safety" / "helplines.yaml")
        self.sound = Sounds(settings.sound if sound is None else sound)
        self.windowed_size = size
        self.fullscreen = settings.fullscreen if fullscreen is None else fullscreen
        pygame.display.set_caption(self.tr._("Signal Scouts"))
        pygame.display.set_icon(_window_icon())
        self.screen = self._open_window()
        self.metrics = self._metrics()
        self.stack: list[tuple[Scene, ResultCallback | None]] = []
        self.running = True
        self.frames_drawn = 0

    # -- window ----------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        w, h = self.windowed_size
        return pygame.display.set_mode((max(w, MIN_W), max(h, MIN_H)), pygame.RESIZABLE)

    def _metrics(self) -> Metrics:
        w, h = self.screen.get_size()
        return Metrics.for_window(w, h, TEXT_SCALES[self.profile.settings.text_size])

    def set_fullscreen(self, on: bool) -> None:
        """Switch between a window and the full screen."""
        self.fullscreen = on
        self.screen = self._open_window()
        self.refresh_layout()

    def refresh_layout(self) -> None:
        """Re-measure after a resize, text-size or language change and rebuild every screen."""
        self.metrics = self._metrics()
        self.text.clear()
        for scene, _ in self.stack:
            scene.relayout()

    # -- the screen stack -------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The screen on top."""
        return self.stack[-1][0]

    def push(self, scene: Scene, on_result: ResultCallback | None = None) -> None:
        """Show *scene* on top; *on_result* receives what it returns when it closes."""
        self.stack.append((scene, on_result))
        scene.enter()

    def pop(self, result: Any = None) -> None:
        """Close the top screen and hand *result* to the one below (quit when none is left)."""
        _, callback = self.stack.pop()
        if not self.stack:
            self.running = False
            return
        self.scene.resume(result)
        if callback:
            callback(result)

    def replace(self, scene: Scene) -> None:
        """Swap the top screen for *scene*."""
        _, callback = self.stack.pop()
        self.stack.append((scene, callback))
        scene.enter()

    def reset_to(self, scene: Scene) -> None:
        """Clear the stack and start again from *scene*."""
        self.stack.clear()
        self.push(scene)

    # -- loop ------------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Dispatch one event to the top screen (window events handled here)."""
        if event.type == pygame.QUIT:
            self.running = False
        elif event.type == pygame.VIDEORESIZE and not self.fullscreen:
            self.windowed_size = (event.w, event.h)
            if event.w < MIN_W or event.h < MIN_H:
                self.screen = self._open_window()
            else:
                self.screen = pygame.display.get_surface()
            self.refresh_layout()
        elif event.type in (pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED):
            self.scene.dirty = True
        elif self.stack:
            self.scene.handle(event)

    def render(self) -> bool:
        """Draw the top screen if it changed; return True if a frame was drawn."""
        scene = self.scene
        if not scene.dirty:
            return False
        scene.draw(self.screen)
        scene.dirty = False
        pygame.display.flip()
        self.frames_drawn += 1
        return True

    def pump(self) -> None:
        """Handle every queued event, then draw if needed (one turn of the loop)."""
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        self.render()

    def run(self) -> None:
        """Run until the player quits; sleep while nothing happens."""
        self.render()
        while self.running:
            event = pygame.event.wait(1000)
            if event.type != pygame.NOEVENT:
                self.handle(event)
            if self.running:
                self.pump()


def _window_icon() -> pygame.Surface:
    from game.ui.draw import signal_logo

    icon = pygame.Surface((64, 64), pygame.SRCALPHA)
    signal_logo(icon, (32, 34), 30)
    return icon


def run_game(paths: ContentPaths, *, windowed: bool = False) -> int:
    """Start the game at the title screen."""
    from game.scenes.title import TitleScene

    pygame.init()
    app = App(paths, fullscreen=False if windowed else None)
    app.push(TitleScene(app))
    app.run()
    pygame.quit()
    return 0
