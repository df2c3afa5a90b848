"""Recorded voices: ``assets/voice/<lang>/<clip>.ogg`` wins over synthesis where it exists."""

from __future__ import annotations

from pathlib import Path

#: File types a recorded clip may have, in the order they are looked for.
CLIP_TYPES = (".ogg", ".wav")


class ClipLibrary:
    """Finds the recorded clip of a line; each language folder is listed once."""

    def __init__(self, root: Path) -> None:
        """*root* is the ``voice`` folder (it need not exist)."""
        self.root = root
        self._listing: dict[str, set[str]] = {}

    def _files(self, language: str) -> set[str]:
        files = self._listing.get(language)
        if files is None:
            folder = self.root / language
            files = (
                {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
                if folder.is_dir()
                else set()
            )
            self._listing[language] = files
        return files

    def find(self, language: str, clip: str | None) -> Path | None:
        """The recorded clip for *clip* in *language*, or None to synthesise."""
        if not clip:
            return None
        files = self._files(language)
        for suffix in CLIP_TYPES:
            if f"{clip}{suffix}" in files:
                return self.root / language / f"{clip}{suffix}"
        return None

    def forget(self) -> None:
        """List the folders again next time (after clips were added)."""
        self._listing.clear()
