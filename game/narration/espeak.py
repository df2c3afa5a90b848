"""eSpeak NG through ctypes: text in, 16-bit mono samples and word positions out.

The library and its voice data come from the ``espeakng-loader`` wheel (Linux, macOS and
Windows), so no system package is needed. eSpeak keeps one state per process, so
the library is loaded and started once and every :class:`EspeakEngine` speaks through it,
one at a time (a lock); the game uses one from its worker thread
(:mod:`game.narration.synth`), the ``narrate`` command from its own.

Synthesis is synchronous (``AUDIO_OUTPUT_SYNCHRONOUS``): ``espeak_Synth`` returns when the
whole text is spoken into our callback, which copies the samples into a buffer and keeps
the word events (character position and length in the text, and time in the audio).
"""

from __future__ import annotations

import ctypes
import threading
from dataclasses import dataclass
from pathlib import Path

from game.ui.text import is_cjk

# speak_lib.h
_AUDIO_OUTPUT_SYNCHRONOUS = 2
_INITIALIZE_DONT_EXIT = 0x8000
_EVENT_LIST_TERMINATED = 0
_EVENT_WORD = 1
_POS_CHARACTER = 1
_CHARS_UTF8 = 1
_RATE = 1
_EE_OK = 0
#: Audio handed to our callback at a time: long, so a sentence comes in one or two calls
#: (each call takes Python's lock from the game's thread for a moment).
_BUFFER_MS = 4000


class SpeechUnavailable(RuntimeError):
    """The speech library or a voice could not be loaded (narration then stays silent)."""


@dataclass(frozen=True)
class Word:
    """One spoken word: characters ``[start, end)`` of the text, heard from *ms* on."""

    start: int
    end: int
    ms: int


@dataclass(frozen=True)
class Speech:
    """Synthesised audio: mono signed 16-bit samples at *rate* Hz, and its words in order."""

    samples: bytes
    rate: int
    words: tuple[Word, ...]

    @property
    def seconds(self) -> float:
        """Length of the audio in seconds."""
        return len(self.samples) / 2 / self.rate if self.rate else 0.0

    def wav_bytes(self) -> bytes:
        """The audio as a complete WAV file in memory."""
        import io
        import wave

        out = io.BytesIO()
        with wave.open(out, "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(self.rate)
            wav.writeframes(self.samples)
        return out.getvalue()


class _Event(ctypes.Structure):
    _fields_ = [  # noqa: RUF012 - ctypes needs a class attribute
        ("type", ctypes.c_int),
        ("unique_identifier", ctypes.c_uint),
        ("text_position", ctypes.c_int),
        ("length", ctypes.c_int),
        ("audio_position", ctypes.c_int),
        ("sample", ctypes.c_int),
        ("user_data", ctypes.c_void_p),
        ("id", ctypes.c_char * 8),
    ]


_CALLBACK = ctypes.CFUNCTYPE(
    ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.POINTER(_Event)
)


def bundled_library() -> tuple[Path, Path]:
    """Paths of the wheel's ``libespeak-ng`` and its ``espeak-ng-data`` folder.

    Raises :class:`SpeechUnavailable` when ``espeakng-loader`` is not installed.
    """
    try:
        import espeakng_loader
    except ImportError as exc:  # pragma: no cover - it is a dependency
        raise SpeechUnavailable("the espeakng-loader package is not installed") from exc
    return Path(espeakng_loader.get_library_path()), Path(espeakng_loader.get_data_path())


class _Library:
    """``libespeak-ng`` loaded and started once: its state is the whole process's."""

    def __init__(self, library: Path, data: Path) -> None:
        try:
            lib = ctypes.CDLL(str(library))
        except OSError as exc:
            raise SpeechUnavailable(f"cannot load {library}: {exc}") from exc
        lib.espeak_Initialize.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int]
        lib.espeak_Initialize.restype = ctypes.c_int
        lib.espeak_SetSynthCallback.argtypes = [_CALLBACK]
        lib.espeak_SetSynthCallback.restype = None
        lib.espeak_SetVoiceByName.argtypes = [ctypes.c_char_p]
        lib.espeak_SetVoiceByName.restype = ctypes.c_int
        lib.espeak_SetParameter.argtypes = [ctypes.c_int, ctypes.c_int, ctypes.c_int]
        lib.espeak_SetParameter.restype = ctypes.c_int
        lib.espeak_Synth.argtypes = [
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.c_uint,
            ctypes.c_int,
            ctypes.c_uint,
            ctypes.c_uint,
            ctypes.c_void_p,
            ctypes.c_void_p,
        ]
        lib.espeak_Synth.restype = ctypes.c_int
        rate = lib.espeak_Initialize(
            _AUDIO_OUTPUT_SYNCHRONOUS, _BUFFER_MS, str(data).encode(), _INITIALIZE_DONT_EXIT
        )
        if rate <= 0:
            raise SpeechUnavailable(f"eSpeak NG could not start with the data in {data}")
        self.lib = lib
        self.rate = rate
        self.voice: str | None = None
        self.buffer = bytearray()
        self.events: list[tuple[int, int, int]] = []
        self.callback = _CALLBACK(self._on_audio)  # lives as long as the library
        lib.espeak_SetSynthCallback(self.callback)

    def _on_audio(self, wav, count: int, events) -> int:  # noqa: ANN001 - ctypes pointers
        """Keep a chunk of samples from eSpeak and the word events that belong to it."""
        if wav and count > 0:
            self.buffer += ctypes.string_at(wav, count * 2)
        index = 0
        while events[index].type != _EVENT_LIST_TERMINATED:
            event = events[index]
            if event.type == _EVENT_WORD:
                self.events.append((event.text_position, event.length, event.audio_position))
            index += 1
        return 0  # carry on


#: eSpeak NG keeps one state per process (voice, callback, buffers), so every engine
#: shares the library it loaded, and one lock: two engines never speak at the same time.
_LOADED: dict[Path, _Library] = {}
_LOCK = threading.Lock()


class EspeakEngine:
    """Speaks with eSpeak NG; safe to use from several threads (one speaks at a time)."""

    def __init__(self, library: Path | None = None, data: Path | None = None) -> None:
        """Use *library* and *data*, or the ``espeakng-loader`` wheel's (loaded on first use)."""
        self._paths = (library, data)

    def _load(self) -> _Library:
        """The loaded library (called with the lock held)."""
        library, data = self._paths
        if library is None or data is None:
            library, data = bundled_library()
        loaded = _LOADED.get(library)
        if loaded is None:
            loaded = _LOADED[library] = _Library(library, data)
        return loaded

    @property
    def sample_rate(self) -> int:
        """Samples per second of the output (loads the library)."""
        with _LOCK:
            return self._load().rate

    def synthesize(self, text: str, voice: str, rate: int) -> Speech:
        """Speak *text* with eSpeak voice *voice* at *rate* words per minute.

        Raises :class:`SpeechUnavailable` if the library or the voice cannot be loaded.
        """
        with _LOCK:
            loaded = self._load()
            lib = loaded.lib
            if voice != loaded.voice:
                if lib.espeak_SetVoiceByName(voice.encode()) != _EE_OK:
                    loaded.voice = None
                    raise SpeechUnavailable(f"eSpeak NG has no voice {voice!r}")
                loaded.voice = voice
            lib.espeak_SetParameter(_RATE, rate, 0)
            loaded.buffer = bytearray()
            loaded.events = []
            spoken, origin = speakable(text, voice)
            data = spoken.encode("utf-8")
            result = lib.espeak_Synth(
                data, len(data) + 1, 0, _POS_CHARACTER, 0, _CHARS_UTF8, None, None
            )
            if result != _EE_OK:
                raise SpeechUnavailable(f"eSpeak NG could not speak ({result})")
            words = word_spans(spoken, loaded.events)
            if origin is not None:  # back to positions in the text as shown
                words = tuple(Word(origin[w.start], origin[w.end - 1] + 1, w.ms) for w in words)
            return Speech(bytes(loaded.buffer), loaded.rate, words)


def speakable(text: str, voice: str) -> tuple[str, list[int] | None]:
    """*text* as eSpeak reads it best, and the index in *text* of each character kept.

    eSpeak's Arabic adds the short vowels to a bare word itself, but reads a word that
    carries only some of them (a shadda, one damma) as bare consonants ("تذكّر" comes
    out as "tðkr"); so the vowel marks are left out of what it reads. Other voices read
    the text as it is (None: nothing moved).
    """
    if voice != "ar":
        return text, None
    kept = [i for i, c in enumerate(text) if not ("\u064b" <= c <= "\u0652" or c == "\u0670")]
    if len(kept) == len(text):
        return text, None
    return "".join(text[i] for i in kept), kept


def word_spans(text: str, events: list[tuple[int, int, int]]) -> tuple[Word, ...]:
    """Words from eSpeak's word events: (1-based character position, length, ms).

    eSpeak reports a Chinese word by its first character only; such a word runs on to the
    next word's start (without trailing punctuation or spaces), so the whole word lights up.
    """
    events = sorted(e for e in events if e[0] >= 1)
    words: list[Word] = []
    for index, (position, length, ms) in enumerate(events):
        start = min(position - 1, len(text))
        end = min(start + max(length, 1), len(text))
        if start < len(text) and is_cjk(text[start]):
            following = events[index + 1][0] - 1 if index + 1 < len(events) else len(text)
            end = max(end, min(following, len(text)))
            while end > start + 1 and not text[end - 1].isalnum():
                end -= 1
        if end > start:
            words.append(Word(start, end, ms))
    return tuple(words)
