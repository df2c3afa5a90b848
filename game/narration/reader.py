"""What the game reads aloud, and when: the App's narration service.

- A new screen on top (push, pop, replace) stops what was being read and reads the
  screen's :meth:`~game.scenes.base.Scene.narration`, in reading order.
- When a screen changes (a message appears, a page turns, feedback shows), only the
  lines it has not read yet are read (each screen remembers what it read).
- Moving the focus reads the focused button: every focus move (``Scene.set_focus``) is
  announced on ``app.focus_events`` with its cause, and :meth:`ScreenReader.on_focus`
  listens. A key or a switch (scanning included) reads at once, cutting short what was
  being read; the mouse passing over a button never cuts a screen's own text short; a
  screen moving the ring itself (to Continue, after an answer) is read after its new text.
  A focused button whose words change (a setting switched) is read again.
- R and the speaker button read the whole screen again, even when "Read to me" is off.
- The word being spoken lights up: :meth:`tick` passes it to the text cache and redraws.

"Read to me" is a setting per age group (on for K2, off for older groups, see
:func:`reads_aloud`); a screen inside a lesson follows the lesson's group.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING

from game.narration.lines import Line

if TYPE_CHECKING:
    from game.app import App
    from game.narration.narrator import Narrator
    from game.profile import Settings
    from game.scenes.base import Scene
    from game.ui.focus import FocusChange
    from game.ui.widgets import Button

#: Age groups whose "Read to me" is on until a grown-up turns it off.
READ_BY_DEFAULT = frozenset({"K2"})


def fresh_lines(scene: Scene, seen: set[str]) -> list[Line]:
    """The lines of *scene* not read yet (*seen* holds what was; it is updated)."""
    lines = scene.narration() + scene.app.save_notice.lines(scene)
    fresh = [line for line in lines if line.ident not in seen]
    seen.update(line.ident for line in lines)
    return fresh


def reads_aloud(settings: Settings, band: str | None) -> bool:
    """Whether screens read themselves aloud for *band* (before a group is chosen: yes)."""
    band = band or "K2"
    return settings.read_to_me.get(band, band in READ_BY_DEFAULT)


class ScreenReader:
    """Reads each screen and the focused button, and lights up the word being read."""

    def __init__(
        self,
        app: App,
        *,
        allowed: bool = True,
        threaded: bool = True,
        silent: bool = False,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Set up reading for *app*; nothing loads until something is read.

        *allowed* False keeps the game silent (tests, snapshots); *silent* plays no audio
        but keeps the timing (words still light up); *threaded* False speaks in this thread.
        """
        self.app = app
        self.allowed = allowed
        self.threaded = threaded
        self.silent = silent
        self.clock = clock
        self._scene: Scene | None = None
        self._read: weakref.WeakKeyDictionary[Scene, set[str]] = weakref.WeakKeyDictionary()
        #: A button the screen itself moved the focus to, read after the screen's new text.
        self._moved_to: tuple[Scene, Button] | None = None
        #: The focused button's key and words when last seen (a changed label is read).
        self._focused: tuple[int, str | None, str] = (0, None, "")
        #: When the screen on top last changed (clock seconds), for the benchmark.
        self.changed_at: float | None = None
        #: Strings a screen draws into its cached backdrop (a lit word there needs the
        #: backdrop drawn again; elsewhere the next frame is enough), learnt as it reads.
        self._in_backdrop: weakref.WeakKeyDictionary[Scene, set[str]] = (
            weakref.WeakKeyDictionary()
        )
        self._probe: tuple[str, int] | None = None
        #: Switch scanning moved the ring while the screen was read: read it afterwards.
        self._scan_waiting = False

    @cached_property
    def narrator(self) -> Narrator:
        """The narrator, made on first use (the speech library loads in its own thread)."""
        from game.narration.clips import ClipLibrary
        from game.narration.espeak import EspeakEngine
        from game.narration.narrator import Narrator
        from game.narration.player import MixerPlayer, SilentPlayer
        from game.narration.synth import Synthesizer
        from game.narration.voices import voice_for

        synth = Synthesizer(EspeakEngine(), threaded=self.threaded)
        if self.threaded:
            synth.warm_up(voice_for(self.app.tr.language))
        clips = ClipLibrary(self.app.paths.assets / "voice")
        player = SilentPlayer(self.clock) if self.silent else MixerPlayer.open(self.clock)
        return Narrator(synth, clips, player, self.clock)

    @property
    def started(self) -> bool:
        """True once the narrator exists (nothing is loaded before narration is needed)."""
        return "narrator" in self.__dict__

    @property
    def queued(self) -> list[Line]:
        """The lines given to the narrator for the current screen, in reading order."""
        return list(self.narrator.queue) if self.started else []

    # -- settings ------------------------------------------------------------------------
    def band_of(self, scene: Scene) -> str | None:
        """The age group a screen reads for: its lesson's, else the settings' group."""
        from game.content.taxonomy import BANDS

        audience = scene.help_audience()
        if audience in BANDS:
            return audience
        return self.app.profile.settings.band

    def enabled(self, scene: Scene) -> bool:
        """True when *scene* reads itself aloud (the game's settings are loaded)."""
        if not self.allowed or not self.app.profile_loaded:
            return False
        return reads_aloud(self.app.profile.settings, self.band_of(scene))

    def _pace(self) -> None:
        self.narrator.pace = self.app.profile.settings.read_pace

    # -- what is read ---------------------------------------------------------------------
    def update(self, force: bool = False) -> None:
        """Read a new screen, or the new lines of a changed one (called every loop turn)."""
        if not self.app.stack:
            return
        scene = self.app.scene
        new_screen = scene is not self._scene
        if new_screen:
            self._scene = scene
            self._scan_waiting = False
            self.changed_at = self.clock()
            if self.started:
                self.narrator.stop()
        elif not (scene.dirty or force):
            return
        moved, self._moved_to = self._moved_to, None
        if not self.enabled(scene):
            return
        fresh = fresh_lines(scene, self._read.setdefault(scene, set()))
        button = scene.focused_button()
        focused = (id(scene), button.key if button else None, button.label if button else "")
        relabelled = not new_screen and focused[1] == self._focused[1] and (
            focused[2] != self._focused[2]
        )
        self._focused = focused
        moved_here = moved is not None and moved[0] is scene and moved[1] is button
        after = scene.spoken_button(button) if button and (moved_here or relabelled) else []
        if fresh:
            self._pace()
            self.narrator.say(fresh)
            self.narrator.add(after)
        elif after:
            self._pace()
            self.narrator.say(after, kind="focus")

    def replay(self, scene: Scene) -> None:
        """Read the whole screen again (R, the speaker button), whatever the setting."""
        if not self.allowed:
            return
        lines = scene.narration() + self.app.save_notice.lines(scene)
        self._read.setdefault(scene, set()).update(line.ident for line in lines)
        self._pace()
        self.narrator.say(lines)

    def on_focus(self, change: FocusChange) -> None:
        """A focus move (subscribed to ``app.focus_events``): read the focused button."""
        if change.button is None:
            return
        if change.cause == "screen":
            self._moved_to = (change.scene, change.button)
            return
        if change.cause == "scan" and self.reading_screen:
            self._scan_waiting = True  # read the button the ring is on once the page is read
            return
        self.focus_moved(change.scene, change.button, interrupt=change.cause != "pointer")

    @property
    def speaking(self) -> bool:
        """True while any line is being read aloud (or waits to be)."""
        return self.started and self.narrator.speaking

    @property
    def reading_screen(self) -> bool:
        """True while a screen's own text is being read (switch scanning may wait for it)."""
        return self.started and self.narrator.reading_screen

    def focus_moved(self, scene: Scene, button: Button, interrupt: bool = True) -> None:
        """Read *button*, which just took the focus on *scene*.

        *interrupt* False (the mouse passing over a button) never cuts a screen's own
        reading short; keys and switches always do.
        """
        if not self.enabled(scene):
            return
        lines = scene.spoken_button(button)
        if not lines or (not interrupt and self.narrator.reading_screen):
            return
        self._focused = (id(scene), button.key, button.label)
        self._pace()
        self.narrator.say(lines, kind="focus")

    def stop(self) -> None:
        """Stop reading now."""
        if self.started:
            self.narrator.stop()
            self.app.text.highlight = None

    # -- the loop -------------------------------------------------------------------------
    def tick(self) -> None:
        """Start queued lines and light up the word being read (redrawing if it moved).

        A string drawn in the screen's cached backdrop has the backdrop drawn again for
        each word; anywhere else, the next frame draws the lit word. Where a string is
        drawn is learnt the first time: if a frame did not draw it, it is in the backdrop.
        """
        if not self.started or not self.app.stack:
            return
        scene = self.app.scene
        text = self.app.text
        backdrop = self._in_backdrop.setdefault(scene, set())
        if self._probe is not None and self.app.frames_drawn > self._probe[1]:
            if not text.lit_drawn:
                backdrop.add(self._probe[0])
                scene.redraw_all()
            self._probe = None
        if self._scan_waiting and not self.narrator.speaking:
            self._scan_waiting = False
            button = scene.focused_button()
            if button is not None:
                self.focus_moved(scene, button)
        before = text.highlight
        if not self.narrator.tick():
            return
        after = self.narrator.highlight
        text.highlight = after
        strings = {lit[0] for lit in (before, after) if lit is not None}
        if strings & backdrop:
            scene.redraw_all()
        else:
            scene.word_moved(strings)
            if after is not None:
                text.lit_drawn = False
                self._probe = (after[0], self.app.frames_drawn)
