"""``signal-scouts plans``: write plans and family packs from the command line."""

from __future__ import annotations

import argparse
from typing import TextIO

from game.paths import ContentPaths

USAGE_HINT = "Run 'signal-scouts plans --help' for the options."


def run_plans(args: argparse.Namespace, paths: ContentPaths, out: TextIO, err: TextIO) -> int:
    """Validate the options, write the files, and say where they went (exit 0, or 2)."""
    from game.content.loader import load_pack
    from game.helplines import load_helplines
    from game.i18n import LANGUAGES
    from game.printing.export import FORMATS, Exporter
    from game.profile import Settings

    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    for failure in pack.failures:
        for problem in failure.problems:
            err.write(f"{problem}\n")
        err.write(f"skipping {failure.problems[0].file}: it has errors\n")
    known = {lesson.id for lesson in pack.lessons}
    wanted = args.lesson or None
    for lesson_id in wanted or []:
        if lesson_id not in known:
            err.write(f"no lesson has the id '{lesson_id}'. Lessons: {', '.join(sorted(known))}\n")
            return 2
    languages = args.lang or list(LANGUAGES)
    for code in languages:
        if code not in LANGUAGES:
            err.write(f"'{code}' is not a shipped language. Choose from: {', '.join(LANGUAGES)}\n")
            return 2
    helplines = load_helplines(paths.assets / "safety" / "helplines.yaml")
    country = (args.country or Settings().country).upper()
    if country not in helplines.countries:
        err.write(
            f"no help-line data for '{country}': the printables list the international child "
            "helpline directory and ask the school to add local services. Countries with "
            f"data: {', '.join(sorted(helplines.countries))}\n"
        )
    exporter = Exporter(pack.lessons, paths.fonts, paths.locales, helplines, country)
    formats = tuple(args.format) if args.format else FORMATS
    result = exporter.write(args.out, languages, wanted, formats)
    helped = f", {result.by_helpers} by helper processes" if result.by_helpers else ""
    out.write(
        f"wrote {result.count} files{helped} to {args.out} (open {args.out / 'index.html'})\n"
    )
    return 0
