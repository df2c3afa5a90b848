"""Share between devices: save this device's results for the class, import other devices'.

"Save this device's results" writes an export file (counts only) to the saved-files
folder, to copy to a USB stick or a shared folder. To import, the grown-up picks a
folder from a short list (the saved-files folder, Documents/Signal Scouts, a USB
stick): no path is ever typed. Every results file in it is checked and
merged once; a file imported before counts once, and a damaged or foreign file is left
out by name while the rest are still added (see :mod:`game.class_results`).
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.class_results import (
    ClassStore,
    ImportReport,
    candidate_folders,
    export_name,
    exports_in,
    write_export,
)
from game.helplines import ADULT
from game.scenes.list_base import Item, ListScene
from game.ui import draw, theme
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App


class ImportResultsScene(ListScene):
    """Save this device's export; a list of folders, pressing one imports the files in it."""

    help_for = ADULT

    def __init__(
        self, app: App, classes: ClassStore | None = None, folders: list[Path] | None = None
    ) -> None:
        """Import into *classes* (default: this profile's) from *folders* (default: found)."""
        super().__init__(app)
        self.classes = classes or ClassStore(app.data_folder)
        self._given = folders
        self.folders = self._find_folders()
        self.last: ImportReport | None = None

    def _find_folders(self) -> list[Path]:
        if self._given is not None:
            return list(self._given)
        from game.paths import printables_dir

        return candidate_folders(self.app.print_folder, printables_dir())

    def title(self) -> str:
        """Header title."""
        return self._("Share between devices")

    def intro(self) -> str:
        """What to do, or where to put the files when no folder was found."""
        if not self.folders:
            return self._(
                "No folder found. Put the results files in Documents/Signal Scouts or "
                "plug in a USB stick, then press Look again."
            )
        return self._(
            "To import, pick the folder with the results files saved on the other devices. "
            "Each file is added once, however often it is imported."
        )

    def items(self) -> list[Item]:
        """One button per folder, with its path and how many files it holds."""
        out = []
        for index, folder in enumerate(self.folders):
            count = len(exports_in(folder))
            files = self.app.tr.ngettext(
                "{n} file to import", "{n} files to import", count
            ).format(n=self.app.tr.number(count))
            out.append(
                Item(
                    f"folder:{index}",
                    folder.name or str(folder),
                    f"{folder} ({files})",
                    icon=lambda s, c, z: draw.check(s, c, z, theme.PRIMARY),
                )
            )
        return out

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """Save this device's results, and Look again (for a USB stick plugged in since)."""
        m = self.m
        half = (area.width - m.pad) // 2
        left = pygame.Rect(area.left, area.top, half, area.height)
        right = pygame.Rect(area.right - half, area.top, half, area.height)
        return [
            Button("export", self._("Save this device's results"), left, "secondary"),
            Button("rescan", self._("Look again"), right, "quiet"),
        ]

    def on_button(self, key: str) -> None:
        """Import from the chosen folder, or look for folders again."""
        if key == "rescan":
            self.folders = self._find_folders()
            self.status = ""
        elif key == "export":
            self.status = self.save_export()
        elif key.startswith("folder:"):
            self.status = self.import_from(self.folders[int(key.split(":", 1)[1])])
        self.relayout()
        self.focus_on(key)

    def save_export(self) -> str:
        """Write this device's counts as an export file to the saved-files folder; the status."""
        from game.learning_check import CheckStore

        path = self.app.print_folder / export_name(datetime.date.today())
        try:
            write_export(CheckStore(self.app.data_folder).log, path)
        except OSError as exc:
            return self._("Could not save the files: {reason}").format(
                reason=exc.strerror or str(exc)
            )
        return self._(
            "Saved to {path}. Copy it to the computer that gathers the class results."
        ).format(path=path)

    def import_from(self, folder: Path) -> str:
        """Import every results file in *folder*; the status line that says what happened."""
        files = exports_in(folder)
        if not files:
            return self._("This folder has no results files.")
        try:
            report = self.classes.import_files(files)
        except OSError as exc:
            return self._("Could not save the files: {reason}").format(
                reason=exc.strerror or str(exc)
            )
        self.last = report
        return self.report_text(report)

    def report_text(self, report: ImportReport) -> str:
        """What the import did, in the grown-up's language (names of files left out)."""
        tr = self.app.tr
        parts = []
        if report.added or not (report.duplicates or report.refused):
            n = len(report.added)
            parts.append(
                tr.ngettext("{n} file added.", "{n} files added.", n).format(n=tr.number(n))
            )
        if report.duplicates:
            n = len(report.duplicates)
            parts.append(
                tr.ngettext(
                    "{n} file was imported before and counts once.",
                    "{n} files were imported before and count once.",
                    n,
                ).format(n=tr.number(n))
            )
        if report.refused:
            n = len(report.refused)
            names = ", ".join(path.name for path, _reason in report.refused)
            parts.append(
                tr.ngettext(
                    "{n} file is damaged or not a results file, so it was left out: {names}.",
                    "{n} files are damaged or not results files, so they were left out: "
                    "{names}.",
                    n,
                ).format(n=tr.number(n), names=names)
            )
        devices = self.classes.results.devices
        parts.append(
            tr.ngettext(
                "The class results now hold {n} device.",
                "The class results now hold {n} devices.",
                devices,
            ).format(n=tr.number(devices))
        )
        return " ".join(parts)
