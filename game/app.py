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
from game.loading import BackgroundJob, ClosingWhileLoading, Progress
from game.managed_settings import load_managed, managed_settings_path
from game.narration.reader import ScreenReader
from game.paths import (
    ContentPaths,
    data_dir,
    lesson_cache_dir,
    peek_display_settings,
    printables_dir,
)
from game.scenes.base import Scene
from game.sound import Sounds
from game.ui import theme
from game.ui.focus import FocusEvents
from game.ui.input_guard import InputGuard
from game.ui.loading_note import SHOW_AFTER_S
from game.ui.motion import Motion
from game.ui.save_notice import SaveNotice
from game.ui.switch_access import SwitchAccess
from game.ui.text import FontBook, TextCache
from game.ui.theme import MIN_H, MIN_W, TEXT_SCALES, Metrics
from game.ui.transition import TRANSITION_MS, Transition
from game.window import HEADLESS_DRIVERS, fit_window, no_display_reason, requested_driver

if TYPE_CHECKING:
    from game.content.loader import LoadedPack
    from game.folder_opener import Opener
    from game.helplines import Helplines, LocalHelp
    from game.profile import Profile

ResultCallback = Callable[[Any], None]
#: How long the loop sleeps between checks for input when nothing happens (ms).
IDLE_WAIT_MS = 30
#: Time between two frames while the screen in front animates (ms, about 60 frames a second).
FRAME_MS = 16
#: Presses set aside while a screen waits for the lessons (releases stay queued).
WAIT_DROPS = [
    pygame.KEYDOWN,
    pygame.MOUSEBUTTONDOWN,
    pygame.MOUSEMOTION,
    pygame.MOUSEWHEEL,
    pygame.FINGERDOWN,
    pygame.FINGERMOTION,
    pygame.TEXTINPUT,
]
#: Presses that end a screen transition at once (and then go on to the screen as usual).
TRANSITION_ENDERS = {pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL}


class App:
    """Window, services and the screen stack."""

    def __init__(
        self,
        paths: ContentPaths,
        *,
        size: tuple[int, int] | None = None,
        data_folder: Path | None = None,
        print_folder: Path | None = None,
        managed_file: Path | None = None,
        fullscreen: bool | None = None,
        sound: bool | None = None,
        speech: bool | None = None,
        lesson_loader: Callable[[Progress], LoadedPack] | None = None,
        lesson_cache: Path | None = None,
        folder_opener: Opener | None = None,
        transitions: bool = False,
    ) -> None:
        """Open the window and set up the services.

        *sound* False makes a silent app (tests, snapshots, benchmarks): no interface
        sounds and, unless *speech* is True, no reading aloud either. *managed_file* is
        the school's managed-settings file (default: ``managed_settings_path()``).
        *folder_opener* shows a folder in the file manager (the "Open folder" button
        after saving; None: no such button, as in tests and snapshots).
        *transitions* True lets screens glide in when they change (the game; tests and
        snapshots leave it off, so one draw shows the final screen).
        *lesson_cache* is the folder keeping checked lessons between starts (the game
        passes the user's cache folder; None, as in tests and snapshots: every lesson is
        checked in full).
        """
        pygame.display.init()
        pygame.font.init()
        self.paths = paths
        self.data_folder = data_folder or data_dir()
        self._print_folder = print_folder  # found on first use (see print_folder)
        #: Opens a folder in the system's file manager (None: this computer cannot).
        self.folder_opener = folder_opener
        # The first frame needs only these three settings; the validated profile (pydantic)
        # loads right after it, so the title screen appears at once on slow laptops.
        #: Settings a school preset and locked (game/managed_settings.py); never raises.
        self.managed = load_managed(managed_file or managed_settings_path())
        self.early = self.managed.over_early(
            peek_display_settings(self.data_folder / "settings.json")
        )
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
        self.sound = Sounds(paths.assets / "sounds")
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
        #: Whether a change of screen glides (never with reduced motion; see game/ui/transition.py).
        self.transitions = transitions
        #: The change of screen being shown now (None: none).
        self.transition: Transition | None = None
        self.running = True
        self.frames_drawn = 0
        #: Reads and checks every lesson, reporting (files read, files in all); runs in a
        #: background thread after the first frame (tests pass a slow one in).
        self.lesson_loader: Callable[[Progress], LoadedPack] = lesson_loader or self.load_lessons
        #: The folder of checked lessons kept between starts (game/content/lesson_cache.py).
        self.lesson_cache = lesson_cache
        #: The lessons loading in the background (None: not started; see :attr:`pack`).
        self.lessons_job: BackgroundJob[LoadedPack] | None = None
        self._pack: LoadedPack | None = None
        #: What the screen in front was last told about the loading (see _watch_loading).
        self._loading_seen: float | None = None
        #: Events taken from SDL's queue in this turn of the loop but not handled yet.
        self._events_after: list[pygame.event.Event] = []
        #: The calm note shown once when progress or settings can't be saved.
        self.save_notice = SaveNotice()
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

        profile = Profile(
            self.data_folder,
            countries=self.helplines.countries,
            on_save_error=self.save_notice.report,
        )
        self.managed.apply(profile.settings)
        settings = profile.settings
        self.sound.set_enabled(
            settings.sound if self._sound_override is None else self._sound_override
        )
        self.sound.set_music(settings.music and self._sound_override is not False)
        if settings.language != self.tr.language:
            self.tr.set_language(settings.language)
            self.text.language = settings.language
        theme.use_palette(theme.PALETTES[settings.theme])
        self.fonts.set_reading(settings.reading_font)
        self.motion.reduced = settings.reduced_motion
        self.switches.configure(settings.switch_access, settings.scan_seconds)
        return profile

    @property
    def print_folder(self) -> Path:
        """Where printables (plans, family packs, certificates, CSV summaries) are saved.

        Found on first use: asking platformdirs for the Documents folder costs the first
        frame several milliseconds, and the title screen never needs it.
        """
        if self._print_folder is None:
            self._print_folder = printables_dir()
        return self._print_folder

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
        self.start_loading_lessons()  # in the background, while the child looks at the title

    # -- lessons, read in a background thread ----------------------------------------
    @property
    def pack(self) -> LoadedPack:
        """Every lesson, validated and linted once (broken files listed, never raised).

        After the first frame they load in the background (:meth:`start_loading_lessons`);
        a screen that needs them sooner waits kindly (:meth:`_wait_for_lessons`). When
        nothing started the loading (tests, commands), they load here and now.
        """
        if self._pack is None:
            job = self.lessons_job
            if job is None:
                self._pack = self.lesson_loader(lambda done, total: None)
            else:
                if not job.done:
                    self._wait_for_lessons(job)
                self._pack = job.result()
        return self._pack

    @property
    def lessons_ready(self) -> bool:
        """True when :attr:`pack` can be used without waiting."""
        job = self.lessons_job
        return self._pack is not None or (job is not None and job.done)

    def load_lessons(self, progress: Progress) -> LoadedPack:
        """Read and check every lesson (the default :attr:`lesson_loader`; any thread)."""
        from game.content.lesson_cache import LessonCache
        from game.content.loader import load_pack
        from game.services import service_names

        services = service_names(self.helplines)
        return load_pack(
            [self.paths.lessons],
            root=self.paths.lessons.parent,
            services=services,
            progress=progress,
            cache=None if self.lesson_cache is None else LessonCache(self.lesson_cache),
        )

    def start_loading_lessons(self) -> None:
        """Start reading the lessons in a background thread (once); pygame stays here."""
        if self._pack is not None or self.lessons_job is not None:
            return
        _ = self.helplines  # read here, so the thread only reads the lessons
        self.lessons_job = BackgroundJob(
            self.lesson_loader, name="load-lessons", clock=lambda: self.guard.clock() / 1000
        )
        self.lessons_job.start()

    def loading_progress(self) -> float | None:
        """How much of the lessons has loaded (0 to 1), or None when there is nothing to show.

        Loading shorter than a moment (``SHOW_AFTER_S``) shows nothing.
        """
        job = self.lessons_job
        if job is None or job.done or job.elapsed() < SHOW_AFTER_S:
            return None
        return job.fraction

    def _watch_loading(self) -> None:
        """Tell the screen in front when the loading note appears, moves on or goes."""
        progress = self.loading_progress()
        if progress is not None:
            progress = round(progress * 50) / 50  # the bar moves in small visible steps
        if progress == self._loading_seen or not self.stack:
            return
        appeared_or_went = (progress is None) != (self._loading_seen is None)
        self._loading_seen = progress
        self.scene.loading_changed(appeared_or_went)

    def _wait_for_lessons(self, job: BackgroundJob[LoadedPack]) -> None:
        """Wait for the lessons with "Getting the missions ready…" in a card on screen.

        Taps and key presses made meanwhile do nothing (key and button releases stay
        queued, so no key seems held); closing the window (or SIGTERM) ends the game
        at once, raising :class:`ClosingWhileLoading` out of the screen that asked.
        """
        from game.ui.loading_note import MESSAGE, draw_waiting_card

        shown: float | None = None
        while not job.wait(IDLE_WAIT_MS / 1000):
            closing = [e for e in self._events_after if e.type == pygame.QUIT]
            if pygame.event.get(pygame.QUIT) or closing:
                self.running = False
                raise ClosingWhileLoading
            pygame.event.clear(WAIT_DROPS)
            progress = self.loading_progress()
            if progress is not None and progress != shown:
                shown = progress
                label = self.tr._(MESSAGE)
                draw_waiting_card(self.screen, self.text, self.metrics, label, progress)
                pygame.display.flip()
        if shown is not None and self.stack:
            self.scene.redraw_all()

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
        self.transition = None  # its frames no longer fit: show the screen as it is now
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
            self._begin_transition(1)
            self.scene.release()
        self.stack.append((scene, on_result))
        self.guard.hold()
        scene.enter()
        self.sound.follow(scene.plays_music)

    def pop(self, result: Any = None) -> None:
        """Close the top screen and hand *result* to the one below (quit when none is left)."""
        if len(self.stack) > 1:
            self._begin_transition(-1)
        closed, callback = self.stack.pop()
        closed.release()
        if not self.stack:
            self.running = False
            return
        self.guard.hold()
        self.scene.resume(result)
        if callback:
            callback(result)
        if self.stack:
            self.sound.follow(self.scene.plays_music)

    def replace(self, scene: Scene) -> None:
        """Swap the top screen for *scene*."""
        self._begin_transition(1)
        closed, callback = self.stack.pop()
        closed.release()
        self.stack.append((scene, callback))
        self.guard.hold()
        scene.enter()
        self.sound.follow(scene.plays_music)

    def reset_to(self, scene: Scene) -> None:
        """Clear the stack and start again from *scene*."""
        if self.stack:
            self._begin_transition(1)
        for closed, _ in self.stack:
            closed.release()
        self.stack.clear()
        self.push(scene)

    def _begin_transition(self, way: int) -> None:
        """Glide from the frame on screen now to the next top screen (when allowed).

        *way* is 1 for a screen opening (it comes from the end side) and -1 for one
        revealed by closing. Several changes in one turn make one transition, from the
        frame the child last saw.
        """
        if not self.transitions or not self.stack or self.frames_drawn == 0:
            return
        tween = self.motion.tween(TRANSITION_MS, lambda: self.guard.clock())
        if tween.done:  # reduced motion: the new screen appears at once
            self.transition = None
            return
        way = -way if self.metrics.rtl else way
        current = self.transition
        if current is not None and not current.new_drawn:
            self.transition = Transition(current.old, tween, way)
            return
        old = self.screen.copy()
        self._draw_press_on(old, self.scene)
        self.transition = Transition(old, tween, way)

    def _draw_press_on(self, frame: pygame.Surface, scene: Scene) -> None:
        """Show on *frame* the button just pressed by a key or switch (its pressed look).

        The press changed the screen before a frame could show it; only that button is
        drawn again, over the last frame.
        """
        key = scene.pressed_key()
        for button in scene.all_buttons() if key is not None else []:
            if button.key == key:
                rect = scene.on_screen(button)
                at = button.rect
                button.rect = rect
                try:
                    focused = key == scene.focused_key()
                    button.draw(frame, self.text, self.metrics, focused, pressed=True)
                finally:
                    button.rect = at

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
        if self.transition is not None and event.type in TRANSITION_ENDERS:
            self.transition.finish()  # the new screen shows at once; the press goes on to it
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
        self.save_notice.place_on(scene)
        if self.transition is not None:
            return self._render_transition(self.transition, scene)
        if not scene.dirty:
            return False
        scene.draw(self.screen)
        self.save_notice.draw(self.screen, scene, self)
        scene.dirty = False
        pygame.display.flip()
        self.frames_drawn += 1
        return True

    def _render_transition(self, moving: Transition, scene: Scene) -> bool:
        """One frame of a change of screen; the new screen is drawn only when it changed.

        The last frame is the new screen itself, and the transition is then over.
        """
        if scene.dirty or not moving.new_drawn:
            scene.draw(moving.new)
            self.save_notice.draw(moving.new, scene, self)
            scene.dirty = False
            moving.new_drawn = True
        if moving.done:
            self.transition = None
            self.screen.blit(moving.final(), (0, 0))
        else:
            moving.compose(self.screen)
        pygame.display.flip()
        self.frames_drawn += 1
        return True

    def animating(self) -> bool:
        """True while the screen in front moves something; it then gets a frame to draw.

        A screen animates when it has an ``animating`` attribute that is true (see
        ``game/ui/motion.py``); its ``animation_frame()`` then says what to redraw. When
        nothing moves the loop naps as usual. A change of screen animates too, until
        it is over (see :meth:`render`).
        """
        if not self.stack:
            return False
        self.scene.settle_press()
        if not getattr(self.scene, "animating", False):
            return self.transition is not None
        frame = getattr(self.scene, "animation_frame", None)
        if frame is not None:
            frame()
        else:
            self.scene.dirty = True
        return True

    def pump(self) -> None:
        """Handle every queued event, step switch scanning, then draw if needed (one turn)."""
        events = pygame.event.get()
        for index, event in enumerate(events):
            self._events_after = events[index + 1 :]  # a QUIT there ends a wait for lessons
            try:
                self.handle(event)
            except ClosingWhileLoading:
                self.running = False
            if not self.running:
                return
        self._events_after = []
        self._watch_loading()
        if self.stack:
            self.switches.tick()
        self.narration.update()
        self.narration.tick()
        self.sound.duck(self.narration.speaking)
        self.render()

    def run(self) -> None:
        """Run until the player quits; sleep while nothing happens.

        Sleeping in short naps (rather than SDL's event wait, which busy-polls on some
        video drivers) keeps an idle game near zero CPU on every platform.
        """
        self.render()
        self.finish_loading()
        self.narration.update(force=True)
        try:
            while self.running:
                if pygame.event.peek() or self.switches.due():
                    self.pump()
                else:
                    self._watch_loading()
                    self.narration.tick()  # the next line, the word being read
                    self.sound.duck(self.narration.speaking)
                    moving = self.animating()
                    self.render()
                    pygame.time.wait(FRAME_MS if moving else IDLE_WAIT_MS)
        except ClosingWhileLoading:  # closed while a screen drawn or read waited for lessons
            self.running = False


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


def _stop_printing_helpers() -> None:
    """End the helper processes of a save still running (if anything was saved at all)."""
    export = sys.modules.get("game.printing.export")  # not imported: nothing was saved
    if export is not None:
        export.stop_helpers()


def run_game(paths: ContentPaths, *, windowed: bool = False) -> int:
    """Start the game at the title screen."""
    from game.folder_opener import system_opener
    from game.scenes.title import TitleScene

    pygame.init()
    reason = no_display_reason(pygame.display.get_driver(), requested_driver())
    if reason:
        pygame.quit()
        sys.stderr.write(reason + "\n")
        return 3
    app = App(
        paths,
        fullscreen=False if windowed else None,
        folder_opener=system_opener(),
        transitions=True,
        lesson_cache=lesson_cache_dir(),
    )
    app.push(TitleScene(app))
    app.run()
    _stop_printing_helpers()  # a save still running in the background ends with the window
    app.remember_window_size()
    pygame.quit()
    return 0
