"""One class, many devices: export files, merging (CLI and the import screen), the report."""

from __future__ import annotations

import csv
import datetime
import getpass
import io
import json
import socket
from pathlib import Path

import pygame
import pytest

from game.class_report import lessons_report
from game.class_results import (
    CLASS_FILE_NAME,
    ClassResults,
    ClassStore,
    RefusedFile,
    candidate_folders,
    import_files,
    read_export,
    write_export,
)
from game.cli import main
from game.content.loader import load_pack
from game.i18n import Translator
from game.learning_check import CSV_COLUMNS, CheckLog, CheckStore, Tally
from game.paths import ContentPaths
from game.printing.document import Document
from game.printing.html import render_html
from game.printing.pdf import render_pdf
from game.scenes.class_summary import ClassSummaryScene
from game.scenes.import_results import ImportResultsScene
from tests.pilot import Pilot
from tests.test_printing_render import contains, pages, pdf_text

LESSON = "g35-camera-on-meet-me"


def tally(day: int, phase: str, answered: int, correct: int) -> Tally:
    """A tally of item ``a`` of :data:`LESSON` (tactic T02) on 2026-03-*day*."""
    return Tally(
        day=datetime.date(2026, 3, day),
        lesson=LESSON,
        item="a",
        tactic="T02",
        phase=phase,
        answered=answered,
        correct=correct,
    )


def export_of(path: Path, *tallies: Tally) -> Path:
    """Write an export file of *tallies* to *path*."""
    write_export(CheckLog(tallies=list(tallies)), path, datetime.date(2026, 3, 9))
    return path


def three_exports(folder: Path) -> tuple[Path, Path, Path]:
    """Two good exports (A, B) and a third cut short in the middle (C)."""
    a = export_of(folder / "a.json", tally(2, "pre", 4, 1), tally(2, "post", 4, 3))
    b = export_of(folder / "b.json", tally(2, "pre", 2, 1), tally(3, "post", 2, 2))
    c = export_of(folder / "c.json", tally(2, "pre", 9, 9))
    c.write_bytes(c.read_bytes()[:120])
    return a, b, c


EXPECTED_ROWS = [
    ["2026-03-02", LESSON, "T02", "pre", "6", "2", "33"],
    ["2026-03-02", LESSON, "T02", "post", "4", "3", "75"],
    ["2026-03-03", LESSON, "T02", "post", "2", "2", "100"],
]


# -- the export file -------------------------------------------------------------------
def test_export_holds_counts_and_no_identifiers(tmp_path: Path) -> None:
    """An export has the five documented keys, a fresh random id each time, no user or host."""
    first = export_of(tmp_path / "1.json", tally(2, "pre", 4, 1))
    second = export_of(tmp_path / "2.json", tally(2, "pre", 4, 1))
    data = json.loads(first.read_text())
    assert set(data) == {"format", "version", "export_id", "exported", "tallies"}
    assert (data["format"], data["version"]) == ("signal-scouts-results", 1)
    assert set(data["tallies"][0]) == {
        "day", "lesson", "item", "tactic", "phase", "answered", "correct"
    }
    assert data["export_id"] != json.loads(second.read_text())["export_id"]
    text = first.read_text()
    for secret in {getpass.getuser(), socket.gethostname()} - {"", "root", "localhost"}:
        assert secret not in text


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: {"hello": "world"}, "is not a Signal Scouts results export"),
        (lambda d: {"version": 1, "tallies": d["tallies"]}, "is not a Signal Scouts results"),
        (lambda d: [d], "is not a Signal Scouts results export"),
        (lambda d: {**d, "version": 2}, "version 2; this game reads version 1"),
        (lambda d: {**d, "export_id": "laptop-3"}, "is damaged: export_id"),
        (lambda d: {**d, "school": "Hill Road"}, "is damaged: school"),
        (lambda d: {**d, "tallies": [{**d["tallies"][0], "name": "Ann"}]}, "tallies.0.name"),
        (lambda d: {**d, "tallies": [{**d["tallies"][0], "correct": 99}]}, "is damaged"),
        (lambda d: {**d, "tallies": [{**d["tallies"][0], "answered": -1}]}, "is damaged"),
        (lambda d: {**d, "tallies": [{**d["tallies"][0], "phase": "during"}]}, "is damaged"),
        (lambda d: {**d, "tallies": [{**d["tallies"][0], "lesson": "A B"}]}, "is damaged"),
    ],
    ids=[
        "foreign",
        "device-log",
        "list",
        "newer-version",
        "device-id",
        "extra-key",
        "name-in-tally",
        "more-right-than-answered",
        "negative",
        "unknown-phase",
        "not-a-lesson-id",
    ],
)
def test_foreign_or_changed_json_is_refused(tmp_path: Path, change, reason: str) -> None:  # noqa: ANN001
    """A file that is not exactly a version-1 export is refused, with the reason in words."""
    good = export_of(tmp_path / "good.json", tally(2, "pre", 4, 1))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(change(json.loads(good.read_text()))))
    with pytest.raises(RefusedFile, match=reason.replace("(", r"\(")):
        read_export(bad)


def test_not_a_file_or_too_big_is_refused(tmp_path: Path) -> None:
    """A folder or a huge file named .json is refused as unreadable, never read whole."""
    (tmp_path / "folder.json").mkdir()
    huge = tmp_path / "huge.json"
    huge.write_bytes(b" " * (3 * 1024 * 1024))
    for path in (tmp_path / "folder.json", huge):
        with pytest.raises(RefusedFile, match="cannot be read"):
            read_export(path)


# -- merging ---------------------------------------------------------------------------
def test_cli_merges_three_files_one_twice_one_corrupt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A, B, A again and a damaged C: the CSV counts A and B once each; C is named; exit 1."""
    a, b, c = three_exports(tmp_path)
    out, pdf = tmp_path / "class.csv", tmp_path / "class.pdf"
    status = main(["results", "merge", str(a), str(b), str(a), str(c), "--out", str(out),
                   "--pdf", str(pdf)])  # fmt: skip
    printed = capsys.readouterr()
    assert status == 1
    assert f"{a}: already imported, counted once" in printed.out
    assert f"{c}: refused: the file is damaged" in printed.err
    rows = list(csv.reader(io.StringIO(out.read_text())))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[1:] == EXPECTED_ROWS
    text = pdf_text(pdf.read_bytes())
    assert len(pages(pdf.read_bytes())) == 1
    for phrase in (
        "Learning check: class results",
        "Merged from 2 devices.",
        "Camera On, Meet Me?",
        "33% (6 answers)",
        "83% (6 answers)",
        "The same-same trick",
    ):
        assert phrase in text, phrase


def test_cli_merge_without_problems_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Good files only (one given twice) merge with exit 0; nothing readable writes nothing."""
    a, b, c = three_exports(tmp_path)
    out = tmp_path / "class.csv"
    assert main(["results", "merge", str(a), str(b), str(b), "--out", str(out)]) == 0
    assert list(csv.reader(io.StringIO(out.read_text())))[1:] == EXPECTED_ROWS
    none = tmp_path / "none.csv"
    assert main(["results", "merge", str(c), "--out", str(none)]) == 1
    assert not none.exists() and "nothing written" in capsys.readouterr().err


def test_cli_export_writes_this_devices_counts(tmp_path: Path) -> None:
    """``results export`` writes the profile's learning check as a readable export."""
    store = CheckStore(tmp_path)
    store.log.tallies = [tally(2, "pre", 4, 1)]
    store.save()
    out = tmp_path / "mine.json"
    assert main(["results", "export", "--out", str(out), "--data-folder", str(tmp_path)]) == 0
    [only] = read_export(out).tallies
    assert only.model_dump() == tally(2, "pre", 4, 1).model_dump()


def test_a_refused_file_loses_nothing_already_imported(tmp_path: Path) -> None:
    """After A is imported, importing A again and a damaged file leaves the class file as it was."""
    a, _b, c = three_exports(tmp_path)
    store = ClassStore(tmp_path / "profile")
    (tmp_path / "profile").mkdir()
    assert store.import_files([a]).added == [a]
    saved = (tmp_path / "profile" / CLASS_FILE_NAME).read_bytes()
    report = store.import_files([a, c])
    assert (report.added, report.duplicates, [p for p, _ in report.refused]) == ([], [a], [c])
    assert (tmp_path / "profile" / CLASS_FILE_NAME).read_bytes() == saved
    assert ClassStore(tmp_path / "profile").results.devices == 1


def test_a_failed_save_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the class file cannot be written, the import raises and the results stay as were."""
    a, b, _c = three_exports(tmp_path)
    store = ClassStore(tmp_path)
    store.import_files([a])

    def full_disk(value: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store._store, "save", full_disk)
    with pytest.raises(OSError):
        store.import_files([b])
    assert store.results.devices == 1


def test_big_counts_stay_right_past_the_counting_limit() -> None:
    """Two tallies that together pass the limit are kept apart, so the totals stay right."""
    from game.profile import MAX_COUNT

    results = ClassResults()
    for _ in range(2):
        log = CheckLog(tallies=[tally(2, "pre", MAX_COUNT, 1)])
        from game.class_results import make_export

        results.add(make_export(log))
    [summary] = results.log().by_lesson()
    assert summary.pre_answered == 2 * MAX_COUNT and len(results.tallies) == 2
    ClassResults.model_validate_json(results.model_dump_json())


def test_candidate_folders_list_drives_and_never_missing_ones(tmp_path: Path) -> None:
    """The list holds the saved-files folder, Documents, mounted sticks and their folder."""
    saved = tmp_path / "saved"
    saved.mkdir()
    media = tmp_path / "media"
    stick = media / "ann" / "STICK"
    (stick / "Signal Scouts").mkdir(parents=True)
    found = candidate_folders(
        saved, tmp_path / "no-documents", [media, tmp_path / "nothing"], drive_letters=False
    )
    assert found == [saved, stick, stick / "Signal Scouts"]
    assert candidate_folders(saved, saved, [], drive_letters=False) == [saved]


def test_import_files_counts_each_export_once(tmp_path: Path) -> None:
    """The same export under two file names is one device; a copy of it adds nothing."""
    a, b, _c = three_exports(tmp_path)
    copy = tmp_path / "copy-of-a.json"
    copy.write_bytes(a.read_bytes())
    results = ClassResults()
    report = import_files(results, [a, copy, b])
    assert (report.added, report.duplicates) == ([a, b], [copy])
    assert results.devices == 2
    assert list(csv.reader(io.StringIO(results.log().csv_text())))[1:] == EXPECTED_ROWS


# -- in the game -----------------------------------------------------------------------
def test_import_screen_merges_a_folder_with_real_presses(pilot: Pilot) -> None:
    """Results, Share, this device's export, then importing the folder twice: counted once."""
    app = pilot.app
    store = CheckStore(app.data_folder)
    store.log.tallies = [tally(2, "pre", 4, 1), tally(2, "post", 4, 3)]
    store.save()
    a, b, c = three_exports(app.print_folder.parent / "stick")
    app.print_folder.mkdir(parents=True, exist_ok=True)
    for path in (b, c):
        path.rename(app.print_folder / path.name)
    summary = ClassSummaryScene(app)
    app.push(summary)
    pilot.activate("share", keyboard=True)
    scene = app.scene
    assert isinstance(scene, ImportResultsScene)
    assert scene.folders[0] == app.print_folder
    pilot.click("export")  # this device's own results join the class like any other
    pilot.activate("folder:0", keyboard=True)
    assert scene.last is not None
    assert (len(scene.last.added), len(scene.last.refused)) == (2, 1)
    assert "c.json" in scene.status and "2 files added." in scene.status
    pilot.click("folder:0")  # again: nothing new, nothing lost
    assert scene.last.added == [] and len(scene.last.duplicates) == 2
    pilot.click("back")
    assert app.scene is summary and summary.view == "class"
    assert [b.label for b in summary.buttons if b.key == "view"] == ["Showing: class (2 devices)"]
    rows = list(csv.reader(io.StringIO(summary.shown_log().csv_text())))[1:]
    assert rows == [
        ["2026-03-02", LESSON, "T02", "pre", "6", "2", "33"],
        ["2026-03-02", LESSON, "T02", "post", "4", "3", "75"],
        ["2026-03-03", LESSON, "T02", "post", "2", "2", "100"],
    ]
    pilot.click("view")
    assert summary.view == "device" and summary.shown_log().answers == 8
    pygame.event.clear()


def test_clear_in_class_view_keeps_this_devices_counts(pilot: Pilot, tmp_path: Path) -> None:
    """Clearing the class results (two presses) leaves this device's own counts alone."""
    app = pilot.app
    store = CheckStore(app.data_folder)
    store.log.tallies = [tally(2, "pre", 4, 1)]
    store.save()
    a, _b, _c = three_exports(tmp_path)
    ClassStore(app.data_folder).import_files([a])
    app.push(ClassSummaryScene(app))
    pilot.click("view")
    pilot.click("clear")
    pilot.click("clear")
    assert ClassStore(app.data_folder).results.devices == 0
    assert CheckStore(app.data_folder).log.answers == 4


def test_save_report_writes_a_pdf_of_the_view(pilot: Pilot, tmp_path: Path) -> None:
    """Save report (PDF) writes the class report to the saved-files folder and says where."""
    app = pilot.app
    a, b, _c = three_exports(tmp_path)
    ClassStore(app.data_folder).import_files([a, b])
    app.push(ClassSummaryScene(app))
    pilot.click("view")
    pilot.click("pdf")
    day = datetime.date.today().isoformat()
    path = app.print_folder / f"class-learning-check-{day}.pdf"
    assert app.scene._status_text() == f"Saved to {path}"
    assert "Merged from 2 devices." in pdf_text(path.read_bytes())


# -- the printed report ----------------------------------------------------------------
@pytest.mark.parametrize("language", ["en", "ar"])
def test_report_is_one_page_in_each_language(
    paths: ContentPaths, tmp_path: Path, language: str
) -> None:
    """Every lesson and tactic of a class fits one page, in English and right-to-left Arabic."""
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    log = CheckLog()
    for lesson in pack.lessons:
        for item in lesson.learning_check:
            log.record(datetime.date(2026, 3, 2), lesson.id, item, "pre", False)
            log.record(datetime.date(2026, 3, 2), lesson.id, item, "post", True)
    tr = Translator(language, paths.locales)
    doc = lessons_report(log, 3, pack.lessons, tr, datetime.date(2026, 3, 9))
    data = render_pdf(doc, paths.fonts)
    assert len(pages(data)) == 1
    text = pdf_text(data)
    first = pack.lessons[0]
    assert contains(text, tr.pgettext(f"{first.id}/title", first.title))
    assert contains(text, tr.percent(1.0))
    (tmp_path / f"report-{language}.pdf").write_bytes(data)


def test_report_html_has_a_value_beside_every_bar() -> None:
    """In the web page too, each bar is a meter with its value written next to it."""
    tr = Translator("en")
    log = CheckLog(tallies=[tally(2, "pre", 4, 1), tally(2, "post", 4, 3)])
    doc = lessons_report(log, 2, [], tr, datetime.date(2026, 3, 9))
    assert isinstance(doc, Document)
    page = render_html(doc)
    assert page.count("<meter") == 4
    assert "25% (4 answers)" in page and "75% (4 answers)" in page


def test_a_heading_never_sits_alone_on_a_page(paths: ContentPaths, data_dir: Path) -> None:
    """With extra-large text on a small window, each 'By lesson' page shows a lesson too."""
    from game.app import App

    app = App(paths, size=(1024, 600), data_folder=data_dir, fullscreen=False, sound=False)
    try:
        app.profile.settings.text_size = "extra_large"
        app.set_language("ar")
        store = CheckStore(data_dir)
        store.log.tallies = [tally(2, "pre", 4, 1), tally(2, "post", 4, 3)]
        store.save()
        app.push(ClassSummaryScene(app))
        scene = app.scene
        first = scene.entries()[0]
        assert first.summary is None  # the "By lesson" heading
        heading = scene._entry(first, scene.chart.width, 1.0).get_height()
        assert scene.pages and all(
            not (len(page) == 1 and page[0].get_height() == heading) for page in scene.pages
        )
    finally:
        pygame.quit()
