"""Make the game's sounds and menu music: ``python -m game.sound_make [folder]``.

Everything is synthesised here from sine and triangle tones and a seeded noise burst,
so the sounds are self-made (CC0, assets/sounds/LICENSE) and the same bytes come out
on every run. The interface sounds are written as 16-bit mono WAV files; the menu music
is rendered the same way and encoded to Ogg Vorbis with SoX (``sox`` must be installed
to remake it; the game itself never needs SoX). Run by ``make sounds``, never by the game.
"""

from __future__ import annotations

import io
import math
import random
import shutil
import subprocess
import sys
import tempfile
import wave
from array import array
from collections.abc import Callable
from pathlib import Path

#: Sample rate of every file (the game's mixer runs at the same rate).
RATE = 22050
#: Length of the menu music loop, seconds (4 chords of 8 beats at 80 beats a minute).
MUSIC_SECONDS = 24.0
#: Seed of the page-turn noise (fixed: the same file every run).
NOISE_SEED = 14
MUSIC_FILE = "menu_music.ogg"


def _note(name: str) -> float:
    """The frequency of a note such as ``"A4"`` or ``"C#5"`` (equal temperament)."""
    steps = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}
    pitch, octave = name[:-1], int(name[-1])
    semis = steps[pitch[0]] + (1 if pitch.endswith("#") else 0) + 12 * (octave - 4)
    return 440.0 * 2 ** (semis / 12)


def _envelope(i: int, count: int, attack: int, decay_power: float) -> float:
    """A soft rise over *attack* samples, then a smooth fall to exactly zero at *count*."""
    rise = 0.5 - 0.5 * math.cos(math.pi * min(1.0, i / attack)) if attack else 1.0
    return rise * (1 - i / count) ** decay_power


def _tone(
    out: list[float],
    start: float,
    freq: float,
    seconds: float,
    level: float,
    *,
    attack: float = 0.006,
    decay_power: float = 2.0,
    partials: tuple[tuple[float, float], ...] = ((1.0, 1.0),),
    glide: float = 1.0,
    wrap: bool = False,
) -> None:
    """Add a bell-soft tone to *out* from *start* seconds (wrapping round when *wrap*).

    *partials* are (frequency ratio, level) pairs; *glide* is the ratio the pitch moves
    to by the end of the note (1.0: a steady pitch).
    """
    begin, count = int(start * RATE), int(seconds * RATE)
    attack_n = max(1, int(attack * RATE))
    total = sum(level_ for _ratio, level_ in partials)
    phase = 0.0
    size = len(out)
    for i in range(count):
        f = freq * glide ** (i / count)
        phase += 2 * math.pi * f / RATE
        value = sum(lv * math.sin(phase * ratio) for ratio, lv in partials) / total
        index = begin + i
        if wrap:
            index %= size
        elif index >= size:
            break
        out[index] += level * _envelope(i, count, attack_n, decay_power) * value


def _silence(seconds: float) -> list[float]:
    return [0.0] * int(seconds * RATE)


def select() -> list[float]:
    """A short, soft wooden tick for pressing a button."""
    out = _silence(0.09)
    _tone(out, 0, 880, 0.08, 0.22, attack=0.002, decay_power=4, partials=((1, 1), (2, 0.2)))
    return out


def correct() -> list[float]:
    """Two bright, rising marimba notes: a quick "yes!"."""
    out = _silence(0.5)
    bell = ((1.0, 1.0), (4.0, 0.12))
    _tone(out, 0.00, _note("E5"), 0.22, 0.30, decay_power=2.5, partials=bell)
    _tone(out, 0.09, _note("A5"), 0.40, 0.32, decay_power=2.5, partials=bell)
    return out


def not_quite() -> list[float]:
    """A gentle, curious rising fourth ("hmm?"): soft and round, never a buzzer."""
    out = _silence(0.55)
    soft = ((1.0, 1.0), (2.0, 0.08))
    _tone(out, 0.00, _note("A4"), 0.26, 0.24, attack=0.03, decay_power=1.6, partials=soft)
    _tone(out, 0.14, _note("D5"), 0.40, 0.24, attack=0.03, decay_power=1.8, partials=soft)
    return out


def okay() -> list[float]:
    """A calm, level "mm-hm": two soft notes a step apart (fine, not the best)."""
    out = _silence(0.45)
    soft = ((1.0, 1.0), (2.0, 0.1))
    _tone(out, 0.00, _note("D5"), 0.22, 0.24, attack=0.015, decay_power=2.0, partials=soft)
    _tone(out, 0.11, _note("E5"), 0.32, 0.24, attack=0.015, decay_power=2.0, partials=soft)
    return out


def badge() -> list[float]:
    """A short rising arpeggio with a sparkle on top, for a badge or a finished mission."""
    out = _silence(1.2)
    bell = ((1.0, 1.0), (2.0, 0.15), (4.0, 0.06))
    for k, name in enumerate(("C5", "E5", "G5", "C6")):
        last = k == 3
        _tone(
            out,
            0.09 * k,
            _note(name),
            0.9 if last else 0.35,
            0.22,
            decay_power=2.2 if last else 2.6,
            partials=bell,
        )
    _tone(out, 0.36, _note("G6"), 0.5, 0.06, decay_power=3, partials=((1.0, 1.0),))
    return out


def page() -> list[float]:
    """A soft paper swish: seeded noise, smoothed, swelling and fading (no pitch)."""
    rng = random.Random(NOISE_SEED)
    count = int(0.24 * RATE)
    out = []
    low = high_in = high_out = 0.0
    for i in range(count):
        t = i / count
        cutoff = 0.35 - 0.2 * t  # the swish darkens as the page settles
        low += cutoff * (rng.uniform(-1, 1) - low)
        high_out = 0.9 * (high_out + low - high_in)  # take the rumble out
        high_in = low
        swell = math.sin(math.pi * t) ** 2 * (1 - t) ** 0.5
        out.append(0.55 * swell * high_out)
    return out


def message() -> list[float]:
    """A soft bubble "pop" for a new chat message: a short upward glide, then a tiny echo."""
    out = _silence(0.3)
    _tone(out, 0.0, 520, 0.11, 0.26, attack=0.008, decay_power=2.2, glide=1.6)
    _tone(out, 0.08, 780, 0.14, 0.12, attack=0.008, decay_power=2.5)
    return out


#: File name (without .wav) -> the function that draws it.
SOUNDS: dict[str, Callable[[], list[float]]] = {
    "select": select,
    "correct": correct,
    "not_quite": not_quite,
    "okay": okay,
    "badge": badge,
    "page": page,
    "message": message,
}

#: The menu music's chords, one per 6 seconds: (bass, pad notes, melody notes per beat).
#: Melody "-" is a rest. Cmaj7, Am7, Fmaj7, G6: calm, no tension, loops back to C.
_CHORDS = (
    ("C3", ("E4", "G4", "B4"), ("E5", "-", "G5", "-", "D5", "-", "-", "-")),
    ("A2", ("E4", "G4", "C5"), ("C5", "-", "E5", "-", "A4", "-", "-", "-")),
    ("F2", ("E4", "A4", "C5"), ("A4", "-", "C5", "-", "E5", "-", "D5", "-")),
    ("G2", ("D4", "G4", "B4"), ("D5", "-", "B4", "-", "G4", "-", "-", "-")),
)


def music() -> list[float]:
    """A quiet, calm 24-second loop: a soft pad, a low bass and a sparse music-box tune.

    Every note that rings past the end wraps round to the start, so the loop is seamless.
    """
    out = _silence(MUSIC_SECONDS)
    chord_s = MUSIC_SECONDS / len(_CHORDS)
    beat = chord_s / 8
    pad = ((1.0, 1.0), (2.0, 0.25), (3.0, 0.05))
    box = ((1.0, 1.0), (3.0, 0.1))
    for k, (bass, notes, tune) in enumerate(_CHORDS):
        start = k * chord_s
        bass_tone = dict(attack=1.0, decay_power=1.2, partials=pad, wrap=True)
        _tone(out, start, _note(bass), chord_s + 1.5, 0.10, **bass_tone)
        for name in notes:
            pad_tone = dict(attack=1.6, decay_power=1.1, partials=pad, wrap=True)
            _tone(out, start, _note(name), chord_s + 2.0, 0.045, **pad_tone)
        for b, name in enumerate(tune):
            if name != "-":
                box_tone = dict(attack=0.01, decay_power=3.0, partials=box, wrap=True)
                _tone(out, start + b * beat, _note(name), 1.6, 0.07, **box_tone)
    return out


def wav_bytes(samples: list[float]) -> bytes:
    """*samples* (-1..1) as a 16-bit mono WAV file (clipped, though none should need it)."""
    data = array("h", (max(-32767, min(32767, round(s * 32767))) for s in samples))
    if sys.byteorder == "big":
        data.byteswap()
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(data.tobytes())
    return buffer.getvalue()


def encode_ogg(wav: bytes, target: Path) -> None:
    """Encode *wav* to Ogg Vorbis at *target* with SoX (repeatable: the same bytes each run)."""
    sox = shutil.which("sox")
    if sox is None:
        raise SystemExit("sox is needed to encode the menu music (apt install sox)")
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "music.wav"
        source.write_bytes(wav)
        subprocess.run([sox, "-R", "-V1", str(source), "-C", "1", str(target)], check=True)


def make(folder: Path, *, with_music: bool = True) -> list[Path]:
    """Write every sound (and the music unless *with_music* is False) into *folder*."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, draw in SOUNDS.items():
        path = folder / f"{name}.wav"
        path.write_bytes(wav_bytes(draw()))
        written.append(path)
    if with_music:
        path = folder / MUSIC_FILE
        encode_ogg(wav_bytes(music()), path)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    """Make the sounds in the folder given (default: assets/sounds of this checkout)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "assets/sounds"
    for path in make(folder):
        print(f"{path} ({path.stat().st_size} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
