"""What the one-file build carries, as PyInstaller ``(source, destination)`` pairs.

The layout inside the bundle mirrors the wheel's, so :class:`game.paths.ContentPaths`
finds everything the same way: lessons, assets (fonts, help-line data) and compiled
catalogs under ``game/_bundled/``, and the eSpeak NG library and voice data where the
``espeakng-loader`` package looks for them (next to its own module). Only the eSpeak
dictionaries of the game's voices travel (about 2.4 of 18 MB): the others are never used.

Used by ``packaging/signal-scouts.spec``; importable on its own for tests.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

BUNDLED = "game/_bundled"
ESPEAK_PACKAGE = "espeakng_loader"


class BundleError(RuntimeError):
    """Something the build needs is missing (the message says what to run)."""


def content_datas(root: Path) -> list[tuple[str, str]]:
    """Lessons, assets and every compiled catalog of the checkout at *root*.

    Raises :class:`BundleError` if a catalog has no ``.mo`` or one older than its ``.po``
    (``make dist`` compiles them first).
    """
    pairs = [
        (str(root / "lessons"), f"{BUNDLED}/lessons"),
        (str(root / "assets"), f"{BUNDLED}/assets"),
    ]
    for po in sorted(root.glob("locales/*/LC_MESSAGES/messages.po")):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            raise BundleError(f"{mo} is missing or older than its .po; run 'make dist'")
        pairs.append((str(mo), f"{BUNDLED}/locales/{po.parts[-3]}/LC_MESSAGES"))
    return pairs


def dictionaries(voices: Iterable[str]) -> set[str]:
    """The eSpeak dictionary files the *voices* read with (``pt-br`` reads ``pt_dict``)."""
    return {f"{voice.split('-')[0]}_dict" for voice in voices}


def espeak_datas(data: Path, voices: Iterable[str]) -> list[tuple[str, str]]:
    """The eSpeak NG data folder *data*, keeping only the dictionaries of *voices*."""
    keep = dictionaries(voices)
    pairs = []
    for path in sorted(data.rglob("*")):
        if not path.is_file():
            continue
        if path.parent == data and path.name.endswith("_dict") and path.name not in keep:
            continue
        folder = path.parent.relative_to(data).as_posix()
        dest = f"{ESPEAK_PACKAGE}/espeak-ng-data" + ("" if folder == "." else f"/{folder}")
        pairs.append((str(path), dest))
    return pairs


def espeak_library(library: Path) -> list[tuple[str, str]]:
    """The eSpeak NG shared library, next to ``espeakng_loader`` as the package expects."""
    if not library.is_file():
        raise BundleError(f"the eSpeak NG library is missing: {library}")
    return [(str(library), ESPEAK_PACKAGE)]


BABEL_LOCALES = "babel/locale-data/"


def babel_languages(root: Path) -> set[str]:
    """Base languages the game is shipped in: English and every catalog's (``pt_BR`` -> pt)."""
    return {"en"} | {po.parts[-3].split("_")[0] for po in root.glob("locales/*/LC_MESSAGES/*.po")}


def keep_data(dest: str, languages: set[str]) -> bool:
    """Whether a collected data file travels: Babel's locale data only for *languages*.

    Babel ships about 1,000 locales (10 of the build's 60 MB); the game formats dates,
    numbers, lists and country names only in its own languages, and a locale's parents
    (``pt_BR`` -> ``pt`` -> ``root``) share its base language, so ``root`` and files of
    those base languages (every region and script) are kept.
    """
    dest = dest.replace("\\", "/")
    if not dest.startswith(BABEL_LOCALES):
        return True
    stem = dest[len(BABEL_LOCALES) :].removesuffix(".dat")
    return stem == "root" or stem.split("_")[0] in languages
