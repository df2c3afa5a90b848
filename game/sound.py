"""Gentle interface sounds and a quiet menu music loop, with separate switches.

The files in assets/sounds are self-made (game/sound_make.py, CC0). The mixer starts
only when sound or music is switched on, and a machine without a sound card simply
plays nothing (the switches still work; nothing is heard).

Music plays only while a menu screen is in front (one whose ``plays_music`` is True:
title, age groups, lessons list, settings); it pauses during lessons and carries on
when a menu comes back.

The music is "paused" by stopping it and remembering where it was, and carries on by
playing from there: pygame-ce's ``music.pause()`` and ``music.unpause()`` wait for the
audio lock while holding Python's GIL, and the mixer thread, when an interface sound
ends, holds that lock while it waits for the GIL, so the two calls can freeze the game
for good (seen in the test suite). ``stop``, ``play`` and ``set_volume`` let go of the
GIL while they wait.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pygame

#: The mixer format (the narration player uses the same).
RATE = 22050
#: Sound names the game plays, each a WAV file in the sounds folder.
NAMES = ("select", "correct", "not_quite", "okay", "badge", "page", "message")
#: Older names screens use -> the sound they mean.
ALIASES = {"tap": "select", "good": "correct", "think": "not_quite", "done": "badge"}
MUSIC_FILE = "menu_music.ogg"
#: Interface sounds' volume (the files are already soft: peaks near -9 dBFS).
SOUND_VOLUME = 0.8
#: Music sits well under speech and interface sounds.
MUSIC_VOLUME = 0.35
#: While the game reads aloud, the music drops to this share of its volume.
DUCKED = 0.3
#: Music fades in over this long when it starts or comes back (never abruptly loud).
FADE_IN_MS = 1200


class Sounds:
    """Plays named interface sounds, and the menu music loop, when each is switched on."""

    def __init__(self, folder: Path, *, enabled: bool = False, music: bool = False) -> None:
        """Sounds from *folder*; nothing is loaded and no mixer opens until needed."""
        self.folder = folder
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._mixer_ready = False
        #: Interface sounds are on (and the mixer could open).
        self.enabled = False
        #: The music switch (the player's setting).
        self.music_on = False
        #: The screen in front is a menu that has music.
        self.menu = False
        #: True while the game reads aloud: the music is turned down under the voice.
        self.ducked = False
        #: What the music is doing: "stopped", "playing" or "paused".
        self.music_state = "stopped"
        #: Where in the loop the music was when it paused (seconds from its start).
        self.music_at = 0.0
        #: Where in the loop it started playing last time (seconds).
        self._played_from = 0.0
        self._music_seconds: float | None = None
        self.set_enabled(enabled)
        self.set_music(music)

    # -- the mixer ----------------------------------------------------------------
    def _open_mixer(self) -> bool:
        """Start the mixer once; False when this machine has no sound device."""
        if self._mixer_ready:
            return True
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(frequency=RATE, size=-16, channels=2)
        except pygame.error:
            return False
        self._mixer_ready = True
        return True

    def _load_sounds(self) -> None:
        """Read the WAV files (a missing or broken one just stays silent)."""
        for name in NAMES:
            if name in self._sounds:
                continue
            try:
                sound = pygame.mixer.Sound(str(self.folder / f"{name}.wav"))
            except (pygame.error, FileNotFoundError):
                continue
            sound.set_volume(SOUND_VOLUME)
            self._sounds[name] = sound

    # -- interface sounds -----------------------------------------------------------
    def set_enabled(self, enabled: bool) -> None:
        """Switch interface sounds on or off (starting the mixer the first time)."""
        self.enabled = enabled and self._open_mixer()
        if self.enabled:
            self._load_sounds()

    def play(self, name: str) -> None:
        """Play the sound *name* (see NAMES and ALIASES) if sound is on."""
        name = ALIASES.get(name, name)
        if name not in NAMES:
            raise KeyError(f"no sound called {name!r}")
        sound = self._sounds.get(name) if self.enabled else None
        if sound is not None:
            sound.play()

    # -- music ------------------------------------------------------------------------
    def set_music(self, on: bool) -> None:
        """Switch the menu music on or off; it starts at once if a menu is in front."""
        self.music_on = on and self._open_mixer()
        self._update_music()

    def follow(self, menu: bool) -> None:
        """The screen in front changed: *menu* True if it is a menu with music."""
        self.menu = menu
        self._update_music()

    @property
    def music_playing(self) -> bool:
        """True while the menu music should be heard."""
        return self.music_state == "playing"

    def music_volume(self) -> float:
        """The music's volume now: quiet, and quieter still under the reading voice."""
        return MUSIC_VOLUME * (DUCKED if self.ducked else 1.0)

    def duck(self, speaking: bool) -> None:
        """Turn the music down while the game reads aloud, and back up after."""
        if speaking == self.ducked:
            return
        self.ducked = speaking
        if self.music_state != "stopped":
            with contextlib.suppress(pygame.error):  # no mixer: nothing is heard anyway
                pygame.mixer.music.set_volume(self.music_volume())

    def _update_music(self) -> None:
        """Start, pause or carry on the music to match the switch and the screen."""
        wanted = self.music_on and self.menu
        try:
            if wanted and self.music_state == "stopped":
                pygame.mixer.music.load(str(self.folder / MUSIC_FILE))
                self._play_music_from(0.0)
            elif wanted and self.music_state == "paused":
                self._play_music_from(self.music_at)
            elif not wanted and self.music_state == "playing":
                played = max(0, pygame.mixer.music.get_pos()) / 1000  # since play()
                pygame.mixer.music.stop()
                if self.music_on:  # a lesson: carry on from here afterwards
                    self.music_state = "paused"
                    self.music_at = self._loop_position(played)
                else:
                    self.music_state = "stopped"
            elif not self.music_on and self.music_state == "paused":
                self.music_state = "stopped"  # stopped already when it paused
        except (pygame.error, FileNotFoundError):
            self.music_state = "stopped"

    def _play_music_from(self, seconds: float) -> None:
        """Play the loaded loop from *seconds* into it, fading in, and loop it from its start."""
        pygame.mixer.music.set_volume(self.music_volume())
        pygame.mixer.music.play(loops=-1, start=seconds, fade_ms=FADE_IN_MS)
        self._played_from = seconds
        self.music_state = "playing"

    def _loop_position(self, played: float) -> float:
        """Where in the loop the music is after *played* seconds (all loops) since play()."""
        length = self._loop_seconds()
        return (self._played_from + played) % length if length > 0 else 0.0

    def _loop_seconds(self) -> float:
        """The music loop's length (decoded once, on the first pause; 0 if it cannot be)."""
        if self._music_seconds is None:
            try:
                sound = pygame.mixer.Sound(str(self.folder / MUSIC_FILE))
            except (pygame.error, FileNotFoundError):
                self._music_seconds = 0.0  # carry on from the start instead
            else:
                self._music_seconds = sound.get_length()
        return self._music_seconds
