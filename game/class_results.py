"""One class, many devices: learning-check results exported from each device and merged.

An export is a small JSON file (format ``signal-scouts-results``, version 1, documented
in ``docs/class-results.md``) holding the device's tallies: days, lesson and item ids,
tactic codes and two counts, nothing else. Its ``export_id`` is a random UUID made when
the file is written: it names the *file*, not a device or a person, and is only used
to notice the same export being imported twice.

Merged class data lives in ``class-results.json`` next to ``learning-check.json`` and
is never mixed into this device's own counts: the grown-up sees "This device" and
"Class" side by side, and clearing one never touches the other. Imports are read and
checked in full before anything is changed, and the class file is written atomically,
so a corrupt or foreign file is refused with a reason and nothing already imported is
lost.
"""

from __future__ import annotations

import datetime
import os
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from game.learning_check import CheckLog, Tally
from game.profile import MAX_COUNT
from game.safe_read import parse_json, read_small_file
from game.storage import JsonStore, write_document

#: What the ``format`` field of every export says.
FORMAT = "signal-scouts-results"
#: The export format version this game writes and reads.
VERSION = 1
#: Merged class data, in the profile folder next to the device's own log.
CLASS_FILE_NAME = "class-results.json"
#: No export from one device is larger than this (a year of daily use is far smaller).
MAX_EXPORT_BYTES = 2 * 1024 * 1024
#: Tallies one export may hold, and exports one class file may remember.
MAX_TALLIES = 20_000
MAX_EXPORTS = 1_000

_ExportId = Annotated[
    str,
    StringConstraints(
        pattern=r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$"
    ),
]


class ExportTally(Tally):
    """A tally in an export file: the device's tally, with no room for anything else."""

    model_config = ConfigDict(extra="forbid")


class ResultsExport(BaseModel):
    """One export file: what one device counted, and nothing that says which device."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["signal-scouts-results"]
    version: Literal[1]
    export_id: _ExportId
    exported: datetime.date
    tallies: list[ExportTally] = Field(max_length=MAX_TALLIES)


class ClassResults(BaseModel):
    """Merged results of every export imported on this device, and which exports they were."""

    model_config = ConfigDict(extra="ignore")

    version: int = Field(1, ge=0, le=MAX_COUNT)
    exports: list[_ExportId] = Field(default_factory=list, max_length=MAX_EXPORTS)
    tallies: list[Tally] = Field(default_factory=list)

    @property
    def devices(self) -> int:
        """How many exports (one per device, normally) the class data holds."""
        return len(self.exports)

    def log(self) -> CheckLog:
        """The merged tallies as a :class:`CheckLog`, for summaries and the CSV."""
        return CheckLog(tallies=list(self.tallies))

    def add(self, export: ResultsExport) -> bool:
        """Merge *export*; False (and nothing changed) when it was imported before."""
        if export.export_id in self.exports:
            return False
        self.exports.append(export.export_id)
        self.tallies = merge_tallies([*self.tallies, *export.tallies])
        return True


def merge_tallies(tallies: Iterable[Tally]) -> list[Tally]:
    """Tallies of the same day, lesson, item and phase added up (sorted; counts capped safely).

    When a sum would pass the counting limit the tally is kept as a second entry
    instead, so the totals stay right and every entry still passes its checks.
    """
    merged: dict[tuple[datetime.date, str, str, str], list[Tally]] = {}
    for tally in tallies:
        key = (tally.day, tally.lesson, tally.item, tally.phase)
        entries = merged.setdefault(key, [])
        last = entries[-1] if entries else None
        if last is not None and last.answered + tally.answered <= MAX_COUNT:
            last.answered += tally.answered
            last.correct += tally.correct
            last.tactic = last.tactic or tally.tactic
        else:
            entries.append(Tally(**tally.model_dump(include=set(Tally.model_fields))))
    return [tally for key in sorted(merged) for tally in merged[key]]


# -- export ------------------------------------------------------------------------------
def make_export(log: CheckLog, day: datetime.date | None = None) -> ResultsExport:
    """An export of *log* made now: a fresh random export id, today's date, the tallies."""
    return ResultsExport(
        format=FORMAT,
        version=VERSION,
        export_id=str(uuid.uuid4()),
        exported=day or datetime.date.today(),
        tallies=[ExportTally(**t.model_dump()) for t in merge_tallies(log.tallies)],
    )


def export_name(day: datetime.date) -> str:
    """The file name an export made on *day* gets (a short random tail keeps names apart)."""
    return f"signal-scouts-results-{day.isoformat()}-{uuid.uuid4().hex[:6]}.json"


def write_export(log: CheckLog, path: Path, day: datetime.date | None = None) -> ResultsExport:
    """Write an export of *log* to *path* atomically; raises :class:`OSError` on failure."""
    export = make_export(log, day)
    write_document(path, (export.model_dump_json(indent=2) + "\n").encode("utf-8"))
    return export


# -- import ------------------------------------------------------------------------------
class RefusedFile(ValueError):
    """A file that is not a readable Signal Scouts results export (the message says why)."""


def read_export(path: Path) -> ResultsExport:
    """The export in *path*; raises :class:`RefusedFile` with a plain reason otherwise."""
    try:
        raw = read_small_file(path, MAX_EXPORT_BYTES)
    except OSError as exc:
        raise RefusedFile(f"cannot be read ({exc.strerror or exc})") from exc
    try:
        data = parse_json(raw)
    except ValueError as exc:
        raise RefusedFile("is damaged: it is not a complete JSON file") from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RefusedFile("is not a Signal Scouts results export")
    if data.get("version") != VERSION:
        raise RefusedFile(
            f"is a results export of version {data.get('version')!r}; "
            f"this game reads version {VERSION} (update the game that reads it)"
        )
    try:
        return ResultsExport.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise RefusedFile(f"is damaged: {where}: {first['msg']}") from exc


@dataclass
class ImportReport:
    """What an import did with each file: added, already there (counted once), refused."""

    added: list[Path] = field(default_factory=list)
    duplicates: list[Path] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)

    def lines(self) -> list[str]:
        """One English line per file, for the command line."""
        out = [f"{path}: added" for path in self.added]
        out += [f"{path}: already imported, counted once" for path in self.duplicates]
        out += [f"{path}: refused: the file {reason}" for path, reason in self.refused]
        return out


def import_files(results: ClassResults, paths: Iterable[Path]) -> ImportReport:
    """Merge every readable export in *paths* into *results* (each export once).

    A file that fails its checks is refused as a whole and changes nothing.
    """
    report = ImportReport()
    for path in paths:
        try:
            export = read_export(path)
        except RefusedFile as exc:
            report.refused.append((path, str(exc)))
            continue
        if len(results.exports) >= MAX_EXPORTS and export.export_id not in results.exports:
            report.refused.append((path, f"would pass the limit of {MAX_EXPORTS} devices"))
        elif results.add(export):
            report.added.append(path)
        else:
            report.duplicates.append(path)
    return report


def exports_in(folder: Path, limit: int = MAX_EXPORTS) -> list[Path]:
    """The ``*.json`` files directly in *folder*, sorted by name (none if it can't be listed)."""
    try:
        found = sorted(p for p in folder.glob("*.json") if p.is_file())
    except OSError:
        return []
    return found[:limit]


class ClassStore:
    """The merged class data in the profile folder (atomic writes, broken file set aside)."""

    def __init__(self, folder: Path) -> None:
        """Load the class data from *folder* (missing: empty)."""
        self._store = JsonStore(folder / CLASS_FILE_NAME, ClassResults)
        self.results = self._store.load()

    @property
    def path(self) -> Path:
        """Where the class data is saved."""
        return self._store.path

    def import_files(self, paths: Iterable[Path]) -> ImportReport:
        """Import *paths* and save, all or nothing: on a failed save nothing changes.

        Raises :class:`OSError` when the class file cannot be written.
        """
        updated = self.results.model_copy(deep=True)
        report = import_files(updated, paths)
        if report.added:
            self._store.save(updated)
            self.results = updated
        return report

    def clear(self) -> None:
        """Forget every imported export (raises :class:`OSError` if it cannot be saved)."""
        self._store.save(ClassResults())
        self.results = ClassResults()


#: Where removable drives appear (Linux desktops, some distributions, macOS).
REMOVABLE_ROOTS = (Path("/media"), Path("/run/media"), Path("/Volumes"))
#: The most folders the import screen lists.
MAX_FOLDERS = 12


def candidate_folders(
    saved: Path,
    documents: Path | None = None,
    removable_roots: Iterable[Path] = REMOVABLE_ROOTS,
    drive_letters: bool | None = None,
) -> list[Path]:
    """Folders a grown-up may import from: a short list to pick from, never typed in.

    The saved-files folder, ``Documents/Signal Scouts`` (*documents*), then each
    removable drive (and its ``Signal Scouts`` folder, when it has one): mounts under
    *removable_roots*, and drive letters D: to Z: on Windows. Only folders that exist.
    """
    found: list[Path] = [saved]
    if documents is not None:
        found.append(documents)
    drives: list[Path] = []
    for root in removable_roots:
        drives += _mounted_under(root)
    if drive_letters if drive_letters is not None else os.name == "nt":
        drives += [Path(f"{letter}:\\") for letter in "DEFGHIJKLMNOPQRSTUVWXYZ"]
    for drive in drives:
        found += [drive, drive / "Signal Scouts"]
    out: list[Path] = []
    for folder in found:
        try:
            usable = folder.is_dir()
        except OSError:
            usable = False
        if usable and folder not in out:
            out.append(folder)
    return out[:MAX_FOLDERS]


def _mounted_under(root: Path) -> list[Path]:
    """Drives mounted in *root* directly (``/media/STICK``) or per user (``/media/ann/STICK``)."""
    drives: list[Path] = []
    try:
        for child in sorted(root.iterdir()):
            if child.is_symlink() or not child.is_dir():  # macOS links the system disk
                continue
            if child.is_mount() or root.name == "Volumes":
                drives.append(child)
                continue
            drives += sorted(g for g in child.iterdir() if g.is_dir())
    except OSError:
        pass
    return drives
