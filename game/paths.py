"""Where the game finds its content: the source tree, or the copy inside the wheel."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class ContentPaths:
    """Folders holding lessons, assets (fonts, safety data) and translations."""

    lessons: Path
    assets: Path
    locales: Path

    @classmethod
    def discover(cls) -> ContentPaths:
        """The repository's folders in a checkout, else the copy in the wheel or the build.

        A PyInstaller build (``sys.frozen``) unpacks its copy under ``sys._MEIPASS``, in
        the same ``game/_bundled`` layout as the wheel (``packaging/bundle.py``).
        """
        frozen = getattr(sys, "_MEIPASS", None) if getattr(sys, "frozen", False) else None
        bundled = (Path(frozen) / "game" if frozen else _PACKAGE) / "_bundled"
        base = bundled if (bundled / "lessons").is_dir() else _PACKAGE.parent
        return cls(lessons=base / "lessons", assets=base / "assets", locales=base / "locales")

    @property
    def fonts(self) -> Path:
        """The bundled font folder."""
        return self.assets / "fonts"


DATA_DIR_ENV = "SIGNAL_SCOUTS_DATA_DIR"


def data_dir() -> Path:
    """The per-user data folder (``SIGNAL_SCOUTS_DATA_DIR`` overrides it)."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir("signal-scouts", appauthor=False))


CACHE_DIR_ENV = "SIGNAL_SCOUTS_CACHE_DIR"
NO_CACHE_ENV = "SIGNAL_SCOUTS_NO_CACHE"


def lesson_cache_dir() -> Path | None:
    """Where checked lessons are kept between runs (None: ``SIGNAL_SCOUTS_NO_CACHE`` is set).

    The ``lessons`` folder in the user's cache folder; ``SIGNAL_SCOUTS_CACHE_DIR``
    overrides the cache folder (see game/content/lesson_cache.py).
    """
    if os.environ.get(NO_CACHE_ENV, "") not in ("", "0"):
        return None
    override = os.environ.get(CACHE_DIR_ENV)
    if override:
        return Path(override) / "lessons"
    import platformdirs

    return Path(platformdirs.user_cache_dir("signal-scouts", appauthor=False)) / "lessons"


PRINT_DIR_ENV = "SIGNAL_SCOUTS_PRINT_DIR"


def printables_dir() -> Path:
    """Where the app saves printables: the user's Documents folder, ``Signal Scouts``.

    ``SIGNAL_SCOUTS_PRINT_DIR`` overrides it.
    """
    override = os.environ.get(PRINT_DIR_ENV)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "Signal Scouts"


#: The largest settings file that is read (a real one is well under a kilobyte).
SETTINGS_MAX_BYTES = 1024 * 1024


@dataclass(frozen=True)
class EarlySettings:
    """The settings the first frame needs, read before anything heavy is imported."""

    text_size: str = "normal"
    fullscreen: bool = False
    language: str = "en"
    #: The window size the player last used, if it was saved and looks sane.
    window_size: tuple[int, int] | None = None
    #: Colours (``normal`` or ``high_contrast``) and the Latin reading font, so the first
    #: frame already looks the way the child needs.
    theme: str = "normal"
    reading_font: str = "andika"


def peek_display_settings(path: Path) -> EarlySettings:
    """Best-effort read of text size, full screen, language and window size from settings.

    Anything missing or odd gives the default (a folder, pipe or device in the file's
    place is never read; a byte-order mark is fine); the full, validated read (and the
    setting aside of a broken file) happens in :class:`game.profile.Profile` right after.
    """
    from game.i18n import LANGUAGES, PSEUDO_LANGUAGES
    from game.safe_read import parse_json, read_small_file

    try:
        data = parse_json(read_small_file(path, SETTINGS_MAX_BYTES))
    except (OSError, ValueError):
        return EarlySettings()
    if not isinstance(data, dict):
        return EarlySettings()
    text_size = data.get("text_size")
    fullscreen = data.get("fullscreen")
    language = data.get("language")
    theme = data.get("theme")
    font = data.get("reading_font")
    return EarlySettings(
        text_size=text_size
        if text_size in ("normal", "large", "extra_large", "double")
        else "normal",
        fullscreen=fullscreen if isinstance(fullscreen, bool) else False,
        language=language if language in LANGUAGES + PSEUDO_LANGUAGES else "en",
        window_size=_window_size(data.get("window_size")),
        theme=theme if theme in ("normal", "high_contrast") else "normal",
        reading_font=font if font in ("andika", "atkinson") else "andika",
    )


def _window_size(value: object) -> tuple[int, int] | None:
    """A saved ``[width, height]`` if it is two plausible whole numbers, else None."""
    if not isinstance(value, list) or len(value) != 2:
        return None
    if not all(isinstance(v, int) and not isinstance(v, bool) and 0 < v <= 16384 for v in value):
        return None
    return (value[0], value[1])
