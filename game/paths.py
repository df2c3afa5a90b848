"""Where the game finds its content: the source tree, or the copy inside the wheel."""

from __future__ import annotations

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
