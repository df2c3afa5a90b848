"""Learning check results for the teacher: right answers before and after, per lesson and tactic.

Every bar has its meaning written next to it ("Before", "After", the percentage and
the number of answers), so colour never carries meaning alone. Bars grow from the
right in right-to-left languages. The results can be saved as CSV (counts only, no
names) and cleared with two presses.

One class, many devices: "Share between devices" opens the screen that saves this
device's counts as an export file and imports other devices' exports into the class
results (kept apart from this device's own); the view button switches between "This
device" and "Class". Either view saves as CSV or as a one-page PDF report.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.class_results import ClassStore
from game.content.taxonomy import TACTICS
from game.helplines import ADULT
from game.learning_check import PHASES, CheckLog, CheckStore, Phase, Summary
from game.scenes.base import Scene
from game.scenes.open_folder import OPEN_FOLDER, folder_icon, open_folder
from game.storage import write_document
from game.ui import draw, theme
from game.ui.flow import Block, draw_blocks, height_of
from game.ui.layout import grid_buttons
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App

#: Bar colours per phase; the words "Before" and "After" carry the meaning.
BAR_COLORS = theme.Themed({"pre": "INK_SOFT", "post": "PRIMARY"})


@dataclass(frozen=True)
class Entry:
    """One piece of the chart: a section heading, or a lesson or tactic with two bars."""

    label: str
    summary: Summary | None = None


class ClassSummaryScene(Scene):
    """The learning check switch, the results as bars, Save as CSV and Clear."""

    help_for = ADULT

    def __init__(self, app: App) -> None:  # noqa: D107
        super().__init__(app)
        self.store = CheckStore(app.data_folder)
        self.classes = ClassStore(app.data_folder)
        #: Which results are shown: this device's own, or the merged class results.
        self.view: str = "device"
        self._devices_before = 0
        self.page = 0
        self.confirm_clear = False
        #: What the last action did: ("saved", path), ("error", reason), ("cleared", "") ...
        self.status: tuple[str, str] | None = None
        if self.store.backup is not None:
            self.status = ("set_aside", str(self.store.backup))
        self.pages: list[list[pygame.Surface]] = [[]]

    def title(self) -> str:
        """Header title."""
        return self._("Learning check results")

    # -- content -----------------------------------------------------------------
    def shown_log(self) -> CheckLog:
        """The counts on show: this device's log, or the merged class results."""
        return self.classes.results.log() if self.view == "class" else self.store.log

    def entries(self) -> list[Entry]:
        """Headings and rows: every lesson with answers, then every tactic with answers."""
        log = self.shown_log()
        order = {lesson.id: index for index, lesson in enumerate(self.app.pack.lessons)}
        lessons = sorted(log.by_lesson(), key=lambda s: (order.get(s.key, len(order)), s.key))
        tactics = log.by_tactic()
        out: list[Entry] = []
        if lessons:
            out.append(Entry(self._("By lesson")))
            out += [Entry(self._lesson_title(s.key), s) for s in lessons]
        if tactics:
            out.append(Entry(self._("By tactic")))
            out += [
                Entry(self._(TACTICS[s.key].name) if s.key in TACTICS else s.key, s)
                for s in tactics
            ]
        return out

    def _lesson_title(self, lesson_id: str) -> str:
        lesson = self.app.pack.by_id(lesson_id)
        if lesson is None:
            return lesson_id
        return self.app.tr.pgettext(f"{lesson.id}/title", lesson.title)

    def _status_text(self) -> str:
        if self.status is None:
            return ""
        kind, value = self.status
        if kind == "saved":
            return self._("Saved to {path}").format(path=value)
        if kind == "error":
            return self._("Could not save the files: {reason}").format(reason=value)
        if kind == "cleared":
            return self._("All results were cleared.")
        if kind == "error_open":
            return value
        return self._("The results file could not be read, so it was set aside: {path}").format(
            path=value
        )

    def _intro_text(self) -> str:
        days = self.shown_log().days()
        if days is None:
            return ""
        first, last = (self.app.tr.date(day) for day in days)
        if first == last:
            line = self._("Answers on {day}.").format(day=first)
        else:
            line = self._("Answers from {first} to {last}.").format(first=first, last=last)
        if self.view == "class":
            devices = self.classes.results.devices
            line = self.app.tr.ngettext(
                "Class results from {n} device.", "Class results from {n} devices.", devices
            ).format(n=self.app.tr.number(devices)) + " " + line
        return line + " " + self._("Only totals are kept, never names.")

    # -- layout ----------------------------------------------------------------
    def build(self) -> None:
        """The switch and notes on top, the page of bars, then Save, Clear and More buttons."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        on = self.app.profile.settings.learning_check
        label = self._("Learning check: On") if on else self._("Learning check: Off")
        natural = self.app.text.render(label, m.body, theme.INK, bold=True).get_width()
        wanted = natural + 2 * m.pad + m.body * 2
        toggle_w = min(max(wanted, area.width * 3 // 10), area.width * 2 // 5)
        toggle = pygame.Rect(area.left, area.top, toggle_w, m.button_h)
        switch = Button("toggle", label, toggle, "action" if on else "secondary")
        switch.icon = _switch_icon(on)
        self.buttons.append(switch)
        if wanted <= toggle_w:  # the switch and the notes side by side
            notes_w = area.width - toggle_w - m.pad
            self.notes = self._note_blocks(notes_w, 1.0)
            top_h = max(m.button_h, height_of(self.notes))
            self.notes_rect = pygame.Rect(toggle.right + m.pad, area.top, notes_w, top_h)
        else:  # large text: the switch across the top, the notes under it
            toggle.width = area.width
            toggle.height = max(m.button_h, switch.needed_height(self.app.text, m))
            self.notes = self._note_blocks(area.width, 1.0)
            notes_h = height_of(self.notes)
            self.notes_rect = pygame.Rect(area.left, toggle.bottom + m.pad, area.width, notes_h)
            top_h = self.notes_rect.bottom - area.top
        clear = self._("Press again to clear all results") if self.confirm_clear else None
        buttons = [
            ("view", self._view_label(), "secondary"),
            ("csv", self._("Save as CSV"), "secondary"),
            ("pdf", self._("Save report (PDF)"), "secondary"),
            ("share", self._("Share between devices"), "secondary"),
            ("clear", clear or self._("Clear results"), "selected" if clear else "secondary"),
        ]
        if self._saved_folder() is not None and self.app.folder_opener is not None:
            buttons.append((OPEN_FOLDER, self._("Open folder"), "secondary"))
        rows = -(-len(buttons) // 3)
        self._place_chart(area, top_h, rows)
        if len(self.pages) > 1 and len(buttons) % 3 == 0:  # "More" needs another row
            rows += 1
            self._place_chart(area, top_h, rows)
        if len(self.pages) > 1:
            more = self._("More ({page} of {pages})").format(
                page=self.app.tr.number(self.page + 1), pages=self.app.tr.number(len(self.pages))
            )
            buttons.append(("page", more, "quiet"))
        row = pygame.Rect(
            area.left, self.chart.bottom + m.pad, area.width, rows * (m.button_h + m.pad) - m.pad
        )
        row_buttons = [Button(key, text, pygame.Rect(row), style) for key, text, style in buttons]
        for button in row_buttons:
            if button.key == OPEN_FOLDER:
                button.icon = folder_icon
        grid_buttons(
            row_buttons,
            row,
            3,
            m.button_h,
            m.pad,
            self.app.text,
            m,
        )
        self.buttons += row_buttons

    def _place_chart(self, area: pygame.Rect, top_h: int, rows: int) -> None:
        """Size the chart between the notes and *rows* rows of buttons, and paginate it."""
        m = self.m
        row_h = rows * (m.button_h + m.pad) - m.pad
        self.chart = pygame.Rect(
            area.left,
            area.top + top_h + m.pad,
            area.width,
            area.height - top_h - row_h - 2 * m.pad,
        )
        self.pages = self._paginate(self.entries(), self.chart)
        self.page = min(self.page, len(self.pages) - 1)
        page_h = sum(s.get_height() + m.px(10) for s in self.pages[self.page]) - m.px(10)
        if not self.pages[self.page]:  # the note that there is nothing yet
            page_h = self._empty_note().get_height() + 2 * m.pad
        self.chart.height = max(self.chart.height, page_h)

    def _saved_folder(self) -> Path | None:
        """The folder of the file saved last, if the last action saved one."""
        if self.status is None or self.status[0] != "saved":
            return None
        return Path(self.status[1]).parent

    def _note_blocks(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        blocks = []
        intro = self._intro_text()
        if intro:
            blocks.append(Block(text.render(intro, round(m.small * scale), theme.INK, width)))
        status = self._status_text()
        if status:
            blocks.append(
                Block(
                    text.render(status, round(m.small * scale), theme.INK, width, bold=True),
                    gap_before=m.px(6) if blocks else 0,
                )
            )
        return blocks

    def _paginate(self, entries: list[Entry], area: pygame.Rect) -> list[list[pygame.Surface]]:
        """Entries rendered at full size and split into pages of about *area*'s height.

        An entry taller than the area gets a page of its own (the page then scrolls), and
        a heading alone on a page keeps its first row with it.
        """
        gap = self.m.px(10)
        surfaces = [self._entry(entry, area.width, 1.0) for entry in entries]
        pages: list[list[pygame.Surface]] = [[]]
        used = 0
        for index, (entry, surface) in enumerate(zip(entries, surfaces, strict=True)):
            need = surface.get_height() + (gap if pages[-1] else 0)
            if entry.summary is None and index + 1 < len(entries):  # keep a heading with a row
                need += gap + surfaces[index + 1].get_height()
            heading_alone = len(pages[-1]) == 1 and entries[index - 1].summary is None
            if pages[-1] and used + need > area.height and not heading_alone:
                pages.append([])
                used = 0
            used += surface.get_height() + (gap if pages[-1] else 0)
            pages[-1].append(surface)
        return pages

    def _entry(self, entry: Entry, width: int, scale: float) -> pygame.Surface:
        """A section heading, or a row card: the name, then the Before and After bars."""
        m = self.m
        if entry.summary is None:
            label = self.app.text.render(
                entry.label, round(m.font(30) * scale), theme.PRIMARY_DARK, width, bold=True
            )
            heading = pygame.Surface((width, label.get_height()), pygame.SRCALPHA)
            heading.blit(label, (width - label.get_width() if m.rtl else 0, 0))
            return heading
        inset = m.px(10)
        inner = width - 2 * inset
        name_w = round(inner * 0.34)
        bars_w = inner - name_w - m.pad
        name = self.app.text.render(
            entry.label, round(m.body * scale), theme.INK, name_w, bold=True
        )
        lines = [self._bar_line(entry.summary, phase, bars_w, scale) for phase in PHASES]
        gap = m.px(4)
        bars_h = sum(line.get_height() for line in lines) + gap
        height = max(name.get_height(), bars_h) + 2 * inset
        out = pygame.Surface((width, height), pygame.SRCALPHA)
        draw.card(out, out.get_rect(), theme.WHITE, m.radius)
        y = inset
        name_x = width - inset - name.get_width() if m.rtl else inset
        out.blit(name, (name_x, inset))
        for line in lines:
            x = inset if m.rtl else width - inset - bars_w
            out.blit(line, (x, y))
            y += line.get_height() + gap
        return out

    def _bar_line(self, summary: Summary, phase: Phase, width: int, scale: float) -> pygame.Surface:
        """'Before', a bar, '40% (15 answers)': drawn from the right in right-to-left languages."""
        m = self.m
        text = self.app.text
        size = round(m.small * scale)
        gap = m.px(10)
        word = self._("Before") if phase == "pre" else self._("After")
        word_w = min(
            max(text.render(w, size, theme.INK, bold=True).get_width() for w in self._words()),
            width // 4,
        )
        label = text.render(word, size, theme.INK, word_w, bold=True)
        answered = summary.answered(phase)
        share = summary.share(phase)
        if share is None:
            value_text = self._("No answers yet")
        else:
            value_text = self.app.tr.ngettext(
                "{percent} ({n} answer)", "{percent} ({n} answers)", answered
            ).format(percent=self.app.tr.percent(share), n=self.app.tr.number(answered))
        value_w = round(width * 0.4)
        value = text.render(value_text, size, theme.INK, value_w)
        track_w = max(m.px(40), width - word_w - value_w - 2 * gap)
        bar_h = max(m.px(12), round(size * 0.9))
        height = max(label.get_height(), value.get_height(), bar_h)
        out = pygame.Surface((width, height), pygame.SRCALPHA)

        def place(x: int, w: int) -> int:
            """The left edge of a piece laid out from the left, mirrored in RTL."""
            return width - x - w if m.rtl else x

        out.blit(label, (place(0, word_w) + (word_w - label.get_width() if m.rtl else 0), 0))
        track = pygame.Rect(place(word_w + gap, track_w), (height - bar_h) // 2, track_w, bar_h)
        radius = bar_h // 2
        pygame.draw.rect(out, theme.BG_BAND, track, border_radius=radius)
        if share:
            fill_w = max(bar_h, round(track_w * share))
            fill = pygame.Rect(place(word_w + gap, fill_w), track.top, fill_w, bar_h)
            pygame.draw.rect(out, BAR_COLORS[phase], fill, border_radius=radius)
        pygame.draw.rect(out, theme.OUTLINE, track, width=max(1, m.px(2)), border_radius=radius)
        value_x = word_w + gap + track_w + gap
        out.blit(
            value, (place(value_x, value_w) + (value_w - value.get_width() if m.rtl else 0), 0)
        )
        return out

    def _view_label(self) -> str:
        """What the view button says: which results are on show."""
        if self.view == "device":
            return self._("Showing: this device")
        devices = self.classes.results.devices
        return self.app.tr.ngettext(
            "Showing: class ({n} device)", "Showing: class ({n} devices)", devices
        ).format(n=self.app.tr.number(devices))

    def _empty_note(self) -> pygame.Surface:
        """What the chart says while there are no answers."""
        note = (
            self._("No class results yet. Press Share between devices to import them.")
            if self.view == "class"
            else self._("No answers yet. Turn the learning check on, then play a lesson.")
        )
        return self.app.text.render(
            note,
            self.m.body,
            theme.INK_SOFT,
            self.chart.width,
            align="center",
        )

    def _words(self) -> tuple[str, str]:
        return self._("Before"), self._("After")

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Switch the check on or off, save the CSV, clear (twice) or turn the page."""
        confirming = self.confirm_clear
        self.confirm_clear = False
        if key == "toggle":
            settings = self.app.profile.settings
            settings.learning_check = not settings.learning_check
            self.app.profile.save_settings()
        elif key == "csv":
            self.status = self.save_csv()
        elif key == OPEN_FOLDER:
            folder = self._saved_folder()
            problem = open_folder(self.app, folder) if folder is not None else ""
            if problem:
                self.status = ("error_open", problem)
        elif key == "view":
            self.view = "class" if self.view == "device" else "device"
            self.page = 0
        elif key == "share":
            from game.scenes.import_results import ImportResultsScene

            self._devices_before = self.classes.results.devices
            self.app.push(ImportResultsScene(self.app, self.classes))
            return
        elif key == "pdf":
            self.status = self.save_report()
        elif key == "clear":
            if confirming:
                self.page = 0
                self.status = ("cleared", "")
                try:
                    if self.view == "class":
                        self.classes.clear()
                    else:
                        self.store.log.clear()
                        self.store.save()
                except OSError as exc:
                    self.status = ("error", exc.strerror or str(exc))
            else:
                self.confirm_clear = True
        elif key == "page":
            self.page = (self.page + 1) % len(self.pages)
        self.relayout()
        self.focus_on(key)

    def resume(self, result: object = None) -> None:
        """Back from the import screen: show the class results when it added to them."""
        if self.classes.results.devices != self._devices_before:
            self.view = "class"
            self.page = 0
        super().resume(result)

    def _file_stem(self) -> str:
        """``learning-check-<date>`` (``class-`` first for the class view)."""
        day = datetime.date.today().isoformat()
        return f"class-learning-check-{day}" if self.view == "class" else f"learning-check-{day}"

    def save_report(self) -> tuple[str, str]:
        """Write the one-page PDF report of the results on show; the status to show."""
        from game.class_report import lessons_report
        from game.printing.pdf import render_pdf

        devices = self.classes.results.devices if self.view == "class" else 0
        doc = lessons_report(
            self.shown_log(), devices, self.app.pack.lessons, self.app.tr, datetime.date.today()
        )
        path = self.app.print_folder / f"{self._file_stem()}.pdf"
        try:
            write_document(path, render_pdf(doc, self.app.paths.fonts))
        except OSError as exc:
            return ("error", exc.strerror or str(exc))
        return ("saved", str(path))

    def save_csv(self) -> tuple[str, str]:
        """Write ``learning-check-<date>.csv`` to the print folder; return the status to show."""
        path = self.app.print_folder / f"{self._file_stem()}.csv"
        try:
            write_document(path, self.shown_log().csv_text())
        except OSError as exc:
            return ("error", exc.strerror or str(exc))
        return ("saved", str(path))

    # -- drawing ---------------------------------------------------------------
    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The notes, then this page of the chart (or a friendly line when it is empty)."""
        m = self.m
        draw_blocks(
            surface,
            self.notes,
            self.notes_rect.left,
            self.notes_rect.top + (self.notes_rect.height - height_of(self.notes)) // 2,
            self.notes_rect.width,
            m.rtl,
        )
        page = self.pages[self.page]
        if not page:
            note = self._empty_note()
            surface.blit(note, note.get_rect(center=self.chart.center))
            return
        y = self.chart.top
        for entry in page:
            surface.blit(entry, (self.chart.left, y))
            y += entry.get_height() + m.px(10)


def _switch_icon(on: bool):
    """A tick in a green circle when on, an empty circle when off (the label says which)."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        radius = round(size * 0.5)
        if on:
            pygame.draw.circle(surface, theme.GOOD, center, radius)
            draw.check(surface, center, round(size * 0.6), theme.WHITE)
        else:
            pygame.draw.circle(surface, theme.WHITE, center, radius)
            pygame.draw.circle(surface, theme.INK_SOFT, center, radius, max(2, size // 10))

    return paint
