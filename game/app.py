"""The game loop and the pushdown stack of screens.

The :class:`App` owns the window and the services every screen needs (profile,
translator, fonts, lessons, sounds, helplines) and passes itself to screens. It
redraws only when something changed and sleeps on the event queue otherwise.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import Translator
from game.narration.reader import ScreenReader
from game.paths import ContentPaths, data_dir, peek_display_settings, printables_dir
from game.scenes.base import Scene
from game.sound import Sounds
from game.ui import theme
from game.ui.focus import FocusEvents
from game.ui.input_guard import InputGuard
from game.ui.motion import Motion
from game.ui.switch_access import SwitchAccess
from game.ui.text import FontBook, TextCache
from game.ui.theme import MIN_H, MIN_W, TEXT_SCALES, Metrics
from game.window import HEADLESS_DRIVERS, fit_window, no_display_reason, requested_driver

if TYPE_CHECKING:
    from game.content.loader import LoadedPack
    from game.helplines import Helplines, LocalHelp
    from game.profile import Profile

ResultCallback = Callable[[Any], None]
#: How long the loop sleeps between checks for input when nothing happens (ms).
IDLE_WAIT_MS = 30


class App:
    """Window, services and the screen stack."""

    def __init__(
        self,
        paths: ContentPaths,
        *,
        size: tuple[int, int] | None = None,
        data_folder: Path | None = None,
        print_folder: Path | None = None,
        fullscreen: bool | None = None,
        sound: bool | None = None,
        speech: bool | None = None,
    ) -> None:
        """Open the window and set up the services.

        *sound* False makes a silent app (tests, snapshots, benchmarks): no interface
        sounds and, unless *speech* is True, no reading aloud either.
        """
        pygame.display.init()
        pygame.font.init()
        self.paths = paths
        self.data_folder = data_folder or data_dir()
        #: Where printables (plans, family packs, certificates, CSV summaries) are saved.
        self.print_folder = print_folder or printables_dir()
        # The first frame needs only these three settings; the validated profile (pydantic)
        # loads right after it, so the title screen appears at once on slow laptops.
        self.early = peek_display_settings(self.data_folder / "settings.json")
        self.tr = Translator(self.early.language, paths.locales)
        self.fonts = FontBook(paths.fonts, self.early.reading_font)
        # Colours follow the setting from the first frame (each app starts from its own
        # settings, so one app's high contrast never leaks into the next).
        theme.use_palette(theme.PALETTES.get(self.early.theme, theme.NORMAL))
        #: Reduced motion: every animation asks this how long to take.
        self.motion = Motion(reduced=False)
        self.text = TextCache(self.fonts, language=self.early.language)
        #: Wrong answers at the grown-up gate in this run (never saved).
        self.gate_failures = 0
        #: A text size forced for a while (classroom mode), instead of the setting.
        self.text_size_override: str | None = None
        self._sound_override = sound
        self.sound = Sounds(False)
        self._fullscreen_override = fullscreen
        self.fullscreen = self.early.fullscreen if fullscreen is None else fullscreen
        #: The desktop is too small for a window: start full screen whatever the setting.
        self.desktop_needs_fullscreen = False
        if size is None:
            # Fit this desktop (a 1024x600 netbook starts full screen), from the last size.
            plan = fit_window(_desktop_size(), self.early.window_size)
            size = plan.size
            self.desktop_needs_fullscreen = plan.fullscreen and fullscreen is None
            self.fullscreen = self.fullscreen or self.desktop_needs_fullscreen
        self.windowed_size = size
        pygame.display.set_caption(self.tr._("Signal Scouts"))
        pygame.display.set_icon(_window_icon())
        self.screen = self._open_window()
        self.metrics = self._metrics()
        self.stack: list[tuple[Scene, ResultCallback | None]] = []
        self.running = True
        self.frames_drawn = 0
        #: Drops presses that reach a new screen too soon (double clicks, held keys).
        self.guard = InputGuard()
        #: Every move of the focus ring (``Scene.set_focus``): narration and switch
        #: scanning subscribe here.
        self.focus_events = FocusEvents()
        #: Switch access: the ring steps on by itself (one switch), or Space moves it (two).
        self.switches = SwitchAccess(self)
        #: Reading aloud: each screen's text, the focused button, R and the speaker button.
        self.narration = ScreenReader(
            self, allowed=speech if speech is not None else sound is not False
        )
        self.focus_events.subscribe(self.narration.on_focus)

    # -- content, loaded on first use so the title screen appears at once ---------
    @cached_property
    def profile(self) -> Profile:
        """Settings and progress for this device, validated (loaded on first use)."""
        from game.profile import Profile

        profile = Profile(self.data_folder)
        settings = profile.settings
        self.sound.set_enabled(
            settings.sound if self._sound_override is None else self._sound_override
        )
        if settings.language != self.tr.language:
            self.tr.set_language(settings.language)
            self.text.language = settings.language
        theme.use_palette(theme.PALETTES[settings.theme])
        self.fonts.set_reading(settings.reading_font)
        self.motion.reduced = settings.reduced_motion
        self.switches.configure(settings.switch_access, settings.scan_seconds)
        return profile

    @property
    def profile_loaded(self) -> bool:
        """True once the validated profile has been read."""
        return "profile" in self.__dict__

    def finish_loading(self) -> None:
        """Load what the first frame did not need; re-lay out if the real settings differ."""
        settings = self.profile.settings
        fullscreen = (
            settings.fullscreen or self.desktop_needs_fullscreen
            if self._fullscreen_override is None
            else self._fullscreen_override
        )
        if fullscreen != self.fullscreen:
            self.set_fullscreen(fullscreen)
        elif (
            settings.text_size != self.early.text_size
            or settings.theme != self.early.theme
            or settings.reading_font != self.early.reading_font
            or self.profile.backups
        ):
            self.refresh_layout()
        _ = self.pack  # validate lessons now, while the child looks at the title screen

    @cached_property
    def pack(self) -> LoadedPack:
        """Every lesson, validated and linted once (broken files listed, never raised)."""
        from game.content.loader import load_pack
        from game.services import service_names

        services = service_names(self.helplines)
        return load_pack([self.paths.lessons], root=self.paths.lessons.parent, services=services)

    @cached_property
    def helplines(self) -> Helplines:
        """Help services per country for the help screen."""
        from game.helplines import load_helplines

        return load_helplines(self.paths.assets / "safety" / "helplines.yaml")

    def local_help(self) -> LocalHelp:
        """The help for the country chosen in settings (the international directory if unlisted)."""
        return self.helplines.for_country(self.profile.settings.country)

    def fill_services(self, text: str, band: str) -> str:
        """Translated lesson *text* with its ``{takedown}``-style placeholders filled in.

        The names are the chosen country's services that a *band* child sees.
        """
        from game.services import fill_services

        return fill_services(text, self.local_help(), self.tr, band)

    # -- languages and countries -----------------------------------------------------
    def languages(self) -> list[tuple[str, str, bool]]:
        """(code, name in its own language and script, reviewed?) for each shipped language."""
        from game.i18n import LANGUAGES
        from game.i18n_checks import review_status

        out = []
        for code in LANGUAGES:
            po = self.paths.locales / code / "LC_MESSAGES" / "messages.po"
            reviewed = code == "en" or (po.exists() and review_status(po) != "draft")
            out.append((code, self.language_name(code, code), reviewed))
        return out

    def language_name(self, code: str, in_language: str | None = None) -> str:
        """The name of language *code*, written in *in_language* (default: itself)."""
        from babel import Locale, UnknownLocaleError

        try:
            name = Locale.parse(code).get_display_name(Locale.parse(in_language or code))
        except (UnknownLocaleError, ValueError):
            return code
        return (name[:1].upper() + name[1:]) if name else code

    def countries(self) -> list[tuple[str, str]]:
        """(code, name in the current language) of every country with help-line data."""
        return sorted(
            ((code, self.country_name(code)) for code in self.helplines.countries),
            key=lambda item: item[1],
        )

    def country_name(self, code: str) -> str:
        """The name of country *code* in the current language."""
        from game.i18n import territory_name

        return territory_name(self.tr.language, code)

    def set_language(self, code: str) -> None:
        """Switch the whole game to *code* at once (no restart) and remember it."""
        self.profile.settings.language = code
        self.profile.save_settings()
        self.tr.set_language(code)
        self.text.language = code
        pygame.display.set_caption(self.tr._("Signal Scouts"))
        self.refresh_layout()

    # -- how the game looks and moves (Settings > Accessibility) ------------------
    def set_theme(self, name: str) -> None:
        """Switch every screen to the ``normal`` or ``high_contrast`` colours and remember it."""
        self.profile.settings.theme = name  # type: ignore[assignment]
        self.profile.save_settings()
        theme.use_palette(theme.PALETTES[name])
        self.refresh_layout()

    def set_reading_font(self, name: str) -> None:
        """Use the Latin-script reading font *name* (``andika`` or ``atkinson``); remember it."""
        self.profile.settings.reading_font = name  # type: ignore[assignment]
        self.profile.save_settings()
        self.fonts.set_reading(name)
        self.refresh_layout()

    def set_reduced_motion(self, on: bool) -> None:
        """Turn reduced motion on or off (every animation checks ``self.motion``)."""
        self.profile.settings.reduced_motion = on
        self.profile.save_settings()
        self.motion.reduced = on

    def set_switch_access(self, mode: str, seconds: float) -> None:
        """Use switch access *mode* (``off``, ``one``, ``two``) at *seconds* per button."""
        settings = self.profile.settings
        settings.switch_access = mode  # type: ignore[assignment]
        settings.scan_seconds = seconds
        self.profile.save_settings()
        self.switches.configure(mode, seconds)

    # -- window ----------------------------------------------------------------
    def _open_window(self) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        w, h = self.windowed_size
        return pygame.display.set_mode((max(w, MIN_W), max(h, MIN_H)), pygame.RESIZABLE)

    def _metrics(self) -> Metrics:
        w, h = self.screen.get_size()
        size = self.profile.settings.text_size if self.profile_loaded else self.early.text_size
        size = self.text_size_override or size
        from game.i18n import script_of

        tall = script_of(self.text.language) == "arabic"
        return Metrics.for_window(w, h, TEXT_SCALES[size], self.text.rtl, tall)

    def remember_window_size(self) -> None:
        """Save the window's size for the next start (only a window, never full screen)."""
        if self.fullscreen or not self.profile_loaded:
            return
        size = self.windowed_size
        if self.profile.settings.window_size != size:
            self.profile.settings.window_size = size
            self.profile.save_settings()

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
        if self.stack:
            self.scene.dirty = True

    # -- the screen stack -------------------------------------------------------
    @property
    def scene(self) -> Scene:
        """The screen on top."""
        return self.stack[-1][0]

    def push(self, scene: Scene, on_result: ResultCallback | None = None) -> None:
        """Show *scene* on top; *on_result* receives what it returns when it closes."""
        if self.stack:
            self.scene.release()
        self.stack.append((scene, on_result))
        self.guard.hold()
        scene.enter()

    def pop(self, result: Any = None) -> None:
        """Close the top screen and hand *result* to the one below (quit when none is left)."""
        closed, callback = self.stack.pop()
        closed.release()
        if not self.stack:
            self.running = False
            return
        self.guard.hold()
        self.scene.resume(result)
        if callback:
            callback(result)

    def replace(self, scene: Scene) -> None:
        """Swap the top screen for *scene*."""
        closed, callback = self.stack.pop()
        closed.release()
        self.stack.append((scene, callback))
        self.guard.hold()
        scene.enter()

    def reset_to(self, scene: Scene) -> None:
        """Clear the stack and start again from *scene*."""
        for closed, _ in self.stack:
            closed.release()
        self.stack.clear()
        self.push(scene)

    # -- loop ------------------------------------------------------------------
    def _from_touch(self, event: pygame.event.Event) -> pygame.event.Event | None:
        """Turn a finger event into the matching mouse event; drop SDL's own mouse copies.

        Touch screens then work like the mouse everywhere (press, release, drag), exactly
        once per touch.
        """
        kinds = {
            pygame.FINGERDOWN: pygame.MOUSEBUTTONDOWN,
            pygame.FINGERUP: pygame.MOUSEBUTTONUP,
            pygame.FINGERMOTION: pygame.MOUSEMOTION,
        }
        if event.type in kinds:
            w, h = self.screen.get_size()
            pos = (round(event.x * w), round(event.y * h))
            if event.type == pygame.FINGERMOTION:
                return pygame.event.Event(
                    pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(1, 0, 0)
                )
            return pygame.event.Event(kinds[event.type], pos=pos, button=1)
        mouse = (pygame.MOUSEBUTTONDOWN, pygame.MOUSEBUTTONUP, pygame.MOUSEMOTION)
        if event.type in mouse and getattr(event, "touch", False):
            return None
        return event

    def handle(self, event: pygame.event.Event) -> None:
        """Dispatch one event to the top screen (window events handled here)."""
        converted = self._from_touch(event)
        if converted is None:
            return
        event = self.switches.translate(converted)
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
        elif self.stack and self.guard.allows(event):
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
        """Handle every queued event, step switch scanning, then draw if needed (one turn)."""
        for event in pygame.event.get():
            self.handle(event)
            if not self.running:
                return
        if self.stack:
            self.switches.tick()
        self.narration.update()
        self.narration.tick()
        self.render()

    def run(self) -> None:
        """Run until the player quits; sleep while nothing happens.

        Sleeping in short naps (rather than SDL's event wait, which busy-polls on some
        video drivers) keeps an idle game near zero CPU on every platform.
        """
        self.render()
        self.finish_loading()
        self.narration.update(force=True)
        while self.running:
            if pygame.event.peek() or self.switches.due():
                self.pump()
            else:
                self.narration.tick()  # the next line, the word being read
                self.render()
                pygame.time.wait(IDLE_WAIT_MS)


def _desktop_size() -> tuple[int, int] | None:
    """The size of the first desktop, if there is a real one (not a headless driver)."""
    if pygame.display.get_driver() in HEADLESS_DRIVERS:
        return None
    sizes = pygame.display.get_desktop_sizes()
    return sizes[0] if sizes else None


def _window_icon() -> pygame.Surface:
    from game.ui.draw import signal_logo

    icon = pygame.Surface((64, 64), pygame.SRCALPHA)
    signal_logo(icon, (32, 34), 30)
    return icon


def run_game(paths: ContentPaths, *, windowed: bool = False) -> int:
    """Start the game at the title screen."""
    from game.scenes.title import TitleScene

    pygame.init()
    reason = no_display_reason(pygame.display.get_driver(), requested_driver())
    if reason:
        pygame.quit()
        sys.stderr.write(reason + "\n")
        return 3
    app = App(paths, fullscreen=False if windowed else None)
    app.push(TitleScene(app))
    app.run()
    app.remember_window_size()
    pygame.quit()
    return 0
