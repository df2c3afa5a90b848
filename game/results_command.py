"""``signal-scouts results``: export this device's learning check, merge a class's exports.

``results export --out FILE`` writes this device's counts as an export file (format:
docs/class-results.md). ``results merge FILES... --out class.csv [--pdf report.pdf]``
merges exports into one class CSV (the columns of the in-app CSV) and, with ``--pdf``,
the one-page class report. The same export given twice counts once (a note says so).
A damaged or foreign file is refused with its reason on stderr; the others are still
merged and written, and the exit status is 1 so a script notices. With no readable
export at all nothing is written (exit 1).
"""

from __future__ import annotations

import argparse
import datetime
from pathlib import Path
from typing import TextIO

from game.paths import ContentPaths


def add_results_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``results`` command (``export`` and ``merge``) to the CLI's *sub* parsers."""
    results = sub.add_parser(
        "results",
        help="export this device's learning-check counts, or merge several devices' exports",
        description="Learning-check results for a class using several devices. Format of "
        "the export files: docs/class-results.md (counts only, no names or device ids).",
    )
    action = results.add_subparsers(dest="results_command", required=True)
    export = action.add_parser("export", help="write this device's counts to an export file")
    export.add_argument("--out", type=Path, required=True, help="export file to write (.json)")
    export.add_argument(
        "--data-folder", type=Path, help="profile folder to read (default: this user's)"
    )
    merge = action.add_parser(
        "merge",
        help="merge export files into a class CSV (and a one-page PDF report)",
        description="Merge export files into one class CSV. The same export given twice "
        "counts once. A damaged or foreign file is refused (reason on stderr): the others "
        "are still merged and written, and the exit status is 1.",
    )
    merge.add_argument("files", nargs="+", type=Path, help="export files (.json)")
    merge.add_argument("--out", type=Path, required=True, help="class CSV to write")
    merge.add_argument("--pdf", type=Path, help="also write the one-page class report here")
    merge.add_argument("--lang", default="en", help="language of the PDF report (default en)")


def run_results(args: argparse.Namespace, paths: ContentPaths, out: TextIO, err: TextIO) -> int:
    """Run ``results export`` or ``results merge``; return the exit status."""
    from game.storage import write_document

    if args.results_command == "export":
        return _export(args, out, err)
    from game.class_results import ClassResults, import_files

    results = ClassResults()
    report = import_files(results, args.files)
    for path in report.duplicates:
        out.write(f"{path}: already imported, counted once\n")
    for path, reason in report.refused:
        err.write(f"{path}: refused: the file {reason}\n")
    if not report.added:
        err.write("no export could be read: nothing written\n")
        return 1
    try:
        write_document(args.out, results.log().csv_text())
        if args.pdf:
            write_document(args.pdf, _report_pdf(results, args.lang, paths))
    except OSError as exc:
        err.write(f"could not write: {exc}\n")
        return 1
    out.write(
        f"merged {len(report.added)} export(s) into {args.out}"
        + (f" and {args.pdf}" if args.pdf else "")
        + "\n"
    )
    return 1 if report.refused else 0


def _export(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from game.class_results import write_export
    from game.learning_check import CheckStore
    from game.paths import data_dir

    store = CheckStore(args.data_folder or data_dir())
    try:
        export = write_export(store.log, args.out)
    except OSError as exc:
        err.write(f"could not write {args.out}: {exc}\n")
        return 1
    out.write(f"wrote {len(export.tallies)} tallies to {args.out}\n")
    return 0


def _report_pdf(results, language: str, paths: ContentPaths) -> bytes:  # noqa: ANN001
    """The class report PDF in *language*, with lesson titles from the lesson files."""
    from game.class_report import lessons_report
    from game.content.loader import load_pack
    from game.i18n import Translator
    from game.printing.pdf import render_pdf

    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    tr = Translator(language, paths.locales)
    doc = lessons_report(results.log(), results.devices, pack.lessons, tr, datetime.date.today())
    return render_pdf(doc, paths.fonts)
