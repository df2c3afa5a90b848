"""Gentle interface sounds, synthesised at start-up (no audio files to license).

The mixer starts only when sound is switched on, and a machine without a sound
card simply plays nothing.
"""

from __future__ import annotations

import math
from array import array

import pygame

RATE = 22050
_TONES = {
    # name: list of (frequency Hz, seconds)
    "tap": [(660, 0.04)],
    "message": [(520, 0.05), (780, 0.07)],
    "good": [(523, 0.08), (659, 0.08), (784, 0.14)],
    "okay": [(523, 0.08), (587, 0.12)],
    "think": [(440, 0.10), (494, 0.12)],
    "done": [(523, 0.1), (659, 0.1), (784, 0.1), (1047, 0.22)],
}


def _samples(notes: list[tuple[float, float]], volume: float = 0.25) -> array:
    data = array("h")
    for freq, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            envelope = min(1.0, i / (RATE * 0.01)) * (1 - i / count) ** 1.5
            value = volume * envelope * math.sin(2 * math.pi * freq * i / RATE)
            sample = int(value * 32767)
            data.extend((sample, sample))
    return data


class Sounds:
    """Plays named interface sounds when enabled."""

    def __init__(self, enabled: bool) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._ready = False
        self.enabled = False
        self.set_enabled(enabled)

    def set_enabled(self, enabled: bool) -> None:
        """Switch sound on or off (starting the mixer the first time it is needed)."""
        self.enabled = enabled
        if enabled and not self._ready:
            try:
                pygame.mixer.init(frequency=RATE, size=-16, channels=2)
                self._sounds = {
                    name: pygame.mixer.Sound(buffer=_samples(notes).tobytes())
                    for name, notes in _TONES.items()
                }
                self._ready = True
            except pygame.error:
                self.enabled = False

    def play(self, name: str) -> None:
        """Play the sound *name* if sound is on."""
        if self.enabled and self._ready:
            self._sounds[name].play()
