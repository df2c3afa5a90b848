"""Playing a line: on a mixer channel kept for speech, or silently with the same timing.

A machine without a sound device (or a test that wants no audio) uses
:class:`SilentPlayer`: nothing is heard, but lines follow each other and words light up
exactly as if they were.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from game.narration.espeak import Speech

#: Mixer format the game uses (the interface sounds are made for it too).
MIXER_RATE = 22050
#: How long a recorded clip is taken to last when it cannot be measured (silent player).
CLIP_GUESS_S = 2.0


class Player(Protocol):
    """Plays one line at a time."""

    def play(self, speech: Speech | None, clip: Path | None) -> float:
        """Start *clip* (a recorded file) or else *speech*; return its length in seconds."""
        ...

    def busy(self) -> bool:
        """True while the line is still playing."""
        ...

    def stop(self) -> None:
        """Stop at once."""
        ...


class SilentPlayer:
    """Keeps time without making a sound."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._until = 0.0

    def play(self, speech: Speech | None, clip: Path | None) -> float:
        """Pretend to play for as long as the line lasts."""
        seconds = _clip_seconds(clip) if clip is not None else (speech.seconds if speech else 0.0)
        self._until = self.clock() + seconds
        return seconds

    def busy(self) -> bool:
        """True until the line's length has passed."""
        return self.clock() < self._until

    def stop(self) -> None:
        """Nothing plays any more."""
        self._until = 0.0


class MixerPlayer:
    """Plays on mixer channel 0, reserved for speech (interface sounds use the others)."""

    def __init__(self) -> None:
        import pygame

        if not pygame.mixer.get_init():
            pygame.mixer.init(frequency=MIXER_RATE, size=-16, channels=2)
        pygame.mixer.set_reserved(1)
        self._channel = pygame.mixer.Channel(0)

    @classmethod
    def open(cls, clock: Callable[[], float] = time.monotonic) -> Player:
        """A mixer player, or a silent one when there is no sound device."""
        import pygame

        try:
            return cls()
        except pygame.error:
            return SilentPlayer(clock)

    def play(self, speech: Speech | None, clip: Path | None) -> float:
        """Decode the clip or the synthesised WAV and start it on the speech channel."""
        import pygame

        try:
            if clip is not None:
                sound = pygame.mixer.Sound(str(clip))
            elif speech is not None:
                sound = pygame.mixer.Sound(io.BytesIO(speech.wav_bytes()))
            else:
                return 0.0
        except pygame.error:
            return 0.0
        self._channel.play(sound)
        return sound.get_length()

    def busy(self) -> bool:
        """True while the speech channel plays."""
        return bool(self._channel.get_busy())

    def stop(self) -> None:
        """Silence the speech channel."""
        self._channel.stop()


def _clip_seconds(clip: Path) -> float:
    """A WAV clip's length; other kinds are guessed (only the silent player needs this)."""
    if clip.suffix.lower() == ".wav":
        import wave

        try:
            with wave.open(str(clip), "rb") as wav:
                return wav.getnframes() / wav.getframerate()
        except (OSError, EOFError, wave.Error):
            return CLIP_GUESS_S
    return CLIP_GUESS_S
