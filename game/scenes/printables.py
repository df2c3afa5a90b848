"""Grown-up screens that save printables: plans and family packs, and certificates.

Files go to the app's print folder (Documents/Signal Scouts by default); the
screen says where. Plans are written by a background thread that posts its
progress as pygame events, so the window keeps answering on a slow laptop.
"""

from __future__ import annotations

import datetime
import threading
from pathlib import Path

import pygame

from game.content.taxonomy import BANDS
from game.helplines import ADULT
from game.scenes.lessons import turned_on
from game.scenes.list_base import Item, ListScene
from game.scenes.open_folder import OPEN_FOLDER, open_folder, open_folder_button
from game.ui import draw, theme
from game.ui.widgets import Button


class PrintablesScene(ListScene):
    """Save every lesson plan, family pack and the curriculum book, as PDF and HTML."""

    help_for = ADULT

    columns = 1

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.worker: threading.Thread | None = None
        #: The folder the last finished save wrote to (the "Open folder" button shows it).
        self.saved_folder: Path | None = None

    def title(self) -> str:
        """Header title."""
        return self._("Lesson plans and family letters")

    def intro(self) -> str:
        """Where the files go and what they contain."""
        return self._(
            "Each lesson has a teacher plan and a family pack (letter, conversation "
            "starters, family agreement and what to do if a child tells you something). "
            "They are saved as PDF and as web pages in: {folder}"
        ).format(folder=self.app.print_folder)

    def items(self) -> list[Item]:
        """Save in the current language, or in every language."""
        language = self.app.language_name(self.app.tr.language)
        return [
            Item(
                "save:current",
                self._("Save in {language}").format(language=language),
                self._("Every lesson plan, family pack and the curriculum book"),
                "primary",
                icon=lambda s, c, z: draw.check(s, c, z, theme.WHITE),
            ),
            Item(
                "save:all",
                self._("Save in every language"),
                self._("For families who read another language at home"),
            ),
        ]

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """"Open folder" once the files are saved (where the computer can open one)."""
        button = None if self.busy else open_folder_button(self.app, self.saved_folder, area)
        return [button] if button else []

    def on_button(self, key: str) -> None:
        """Start writing the files in the background; the screen keeps answering."""
        from game.i18n import LANGUAGES
        from game.printing.export import Exporter

        if key == OPEN_FOLDER and self.saved_folder is not None:
            self.status = open_folder(self.app, self.saved_folder) or self.status
            self.relayout()
            self.focus_on(key)
            return
        if not key.startswith("save:") or self.busy:
            return
        languages = list(LANGUAGES) if key == "save:all" else [self.app.tr.language]
        exporter = Exporter(
            self.app.pack.lessons,
            self.app.paths.fonts,
            self.app.paths.locales,
            self.app.helplines,
            self.app.profile.settings.country,
        )
        event_type = export_event()
        ui_language = self.app.tr.language  # the index page's own words

        def post(**news: object) -> None:
            pygame.event.post(pygame.event.Event(event_type, **news))

        def work() -> None:
            try:
                result = exporter.write(
                    self.app.print_folder,
                    languages,
                    progress=lambda done, total: post(done=done, total=total),
                    ui_language=ui_language,
                )
            except OSError as exc:
                post(error=exc.strerror or str(exc))
            else:
                post(finished=result.count)

        self.worker = threading.Thread(target=work, name="save-printables", daemon=True)
        self.status = self._("Saving...")
        self.relayout()
        self.focus_on(key)
        self.worker.start()

    @property
    def busy(self) -> bool:
        """True while files are being written."""
        return self.worker is not None and self.worker.is_alive()

    def handle(self, event: pygame.event.Event) -> None:
        """Progress and the end of the background save update the status line."""
        if event.type != export_event():
            super().handle(event)
            return
        tr = self.app.tr
        if hasattr(event, "done"):
            self.status = self._("Saving... {done} of {total} files").format(
                done=tr.number(event.done), total=tr.number(event.total)
            )
        elif hasattr(event, "error"):
            self.status = self._("Could not save the files: {reason}").format(reason=event.error)
        else:
            self.saved_folder = self.app.print_folder
            self.status = tr.ngettext(
                "Saved {n} file. Open index.html in {folder}",
                "Saved {n} files. Open index.html in {folder}",
                event.finished,
            ).format(n=tr.number(event.finished), folder=self.app.print_folder)
        self.relayout()


_EXPORT_EVENT: list[int] = []


def export_event() -> int:
    """The pygame event type the background save posts (registered on first use)."""
    if not _EXPORT_EVENT:
        _EXPORT_EVENT.append(pygame.event.custom_type())
    return _EXPORT_EVENT[0]


class CertificatesScene(ListScene):
    """A certificate per age group the child on this device has finished."""

    help_for = ADULT

    columns = 2

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        #: Where the last certificate was saved (the "Open folder" button shows it).
        self.saved_folder: Path | None = None

    def title(self) -> str:
        """Header title."""
        return self._("Certificates")

    def intro(self) -> str:
        """What a certificate has on it."""
        return self._(
            "A certificate lists the skills practised on this device and has a blank line "
            "for the child to write their own name. The game never asks for a name."
        )

    def items(self) -> list[Item]:
        """One per age group, ready or not yet."""
        from game.printing.certificate import band_complete

        lessons = turned_on(self.app)
        out = []
        for code, band in BANDS.items():
            if not any(x.grade_band == code for x in lessons):
                continue
            ready = band_complete(lessons, self.app.profile.progress, code)
            out.append(
                Item(
                    f"cert:{code}",
                    self._("Certificate: {ages}").format(ages=self._(band.label)),
                    self._("Ready to save")
                    if ready
                    else self._("Not yet: finish every mission for this age group"),
                    "choice" if ready else "quiet",
                    icon=lambda s, c, z, r=ready: draw.star(
                        s, c, z, theme.ACCENT if r else theme.BG, theme.INK
                    ),
                )
            )
        return out

    def extra_buttons(self, area: pygame.Rect) -> list[Button]:
        """"Open folder" once a certificate is saved (where the computer can open one)."""
        button = open_folder_button(self.app, self.saved_folder, area)
        return [button] if button else []

    def on_button(self, key: str) -> None:
        """Save the certificate PDF, or say what is still to do; or show its folder."""
        if key == OPEN_FOLDER and self.saved_folder is not None:
            self.status = open_folder(self.app, self.saved_folder) or self.status
        elif key.startswith("cert:"):
            ok, self.status = save_certificate(self.app, key.split(":", 1)[1], turned_on(self.app))
            if ok:
                self.saved_folder = self.app.print_folder
        else:
            return
        self.relayout()
        self.focus_on(key)


def save_certificate(app, band: str, lessons) -> tuple[bool, str]:
    """Write the band's certificate PDF to the print folder; return (saved?, a line to show)."""
    from game.printing.certificate import band_complete, certificate_document, skills_practised
    from game.printing.pdf import render_pdf
    from game.storage import write_document

    _ = app.tr._
    ages = _(BANDS[band].label)
    progress = app.profile.progress
    if not band_complete(lessons, progress, band):
        return False, _("Finish every mission for {ages} first.").format(ages=ages)
    doc = certificate_document(
        band, skills_practised(lessons, progress, band), app.tr, datetime.date.today()
    )
    path = app.print_folder / f"certificate-{band}-{app.tr.language}.pdf"
    try:
        write_document(path, render_pdf(doc, app.paths.fonts))
    except OSError as exc:
        return False, _("Could not save the files: {reason}").format(reason=exc.strerror)
    return True, _("Saved to {path}").format(path=path)
