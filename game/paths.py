"""Where the game finds its content: the source tree, or the copy inside the wheel."""

from __future__ import annotations

import json
import os
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
        """Use the repository's folders when running from a checkout, else the bundled copy."""
        bundled = _PACKAGE / "_bundled"
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

    Anything missing or odd gives the default; the full, validated read (and the
    setting aside of a broken file) happens in :class:`game.profile.Profile` right after.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
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
        language=language if isinstance(language, str) and language.isascii() else "en",
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
