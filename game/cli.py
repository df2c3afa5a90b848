"""Command line: ``signal-scouts`` (play) and its commands (``lint``, ``admin``, ...)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from game.paths import ContentPaths


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="signal-scouts",
        description="Signal Scouts: offline games that teach children to spot online tricks "
        "and know what to do. Run with no command to play.",
    )
    sub = parser.add_subparsers(dest="command")
    play = sub.add_parser("play", help="start the game (the default)")
    play.add_argument("--windowed", action="store_true", help="ignore the fullscreen setting")
    lint = sub.add_parser("lint", help="check lesson files; exit 1 if any has an error")
    lint.add_argument("paths", nargs="*", type=Path, help="files or folders (default: lessons/)")
    lint.add_argument(
        "--release",
        action="store_true",
        help="check for release: also warn about lessons no safeguarding reviewer has "
        "signed off, and exit 1 on any warning",
    )
    lint.add_argument(
        "--no-cache",
        action="store_true",
        help="check every file in full, ignoring the results stored for unchanged files "
        "(so does setting SIGNAL_SCOUTS_NO_CACHE=1)",
    )
    cover = sub.add_parser(
        "coverage",
        help="show which tactics and skills the lessons teach in each age group",
        description="Print the tactic x band and skill x band matrices against the "
        "reference curriculum: covered (with the lessons that carry the code in play), "
        "missing, or not expected; totals per band and each band's series of sessions.",
    )
    cover.add_argument("paths", nargs="*", type=Path, help="files or folders (default: lessons/)")
    cover.add_argument("--format", choices=["text", "md", "csv"], default="text")
    schema = sub.add_parser(
        "schema", help="write the lesson (or managed-settings) JSON Schema (for editors)"
    )
    schema.add_argument(
        "--kind",
        choices=["lesson", "managed-settings"],
        default="lesson",
        help="which file's schema: a lesson (default) or a school's managed settings",
    )
    schema.add_argument("--out", type=Path, help="file to write (default: print it)")
    snap = sub.add_parser(
        "snapshot",
        help="render a screen or a lesson step to a PNG, headless",
        description="Render a screen headless. SCREEN is a lesson id, or one of: title, "
        "groups, lessons, help, help-grownups, settings, access, problems, badges, languages, "
        "countries, country-question, gate, grownups, teacher-lessons, classroom, printables, "
        "certificates, home, summary, import-results, new-badge, managed-settings (with "
        "--managed). STEP is a step id or 'debrief'.",
    )
    snap.add_argument("screen", help="lesson id or screen name")
    snap.add_argument("step", nargs="?", help="step id in the lesson, or 'debrief'")
    snap.add_argument("--out", type=Path, required=True, help="PNG file to write")
    snap.add_argument("--size", default="1280x720", help="window size, WIDTHxHEIGHT")
    snap.add_argument(
        "--choose",
        help="show the feedback after picking this choice id (a privacy step: safe, open "
        "or change, the result with every setting safer or left as it starts, or the "
        "settings again after that; a reply step: NO,REASON,ACTION[,send] tile ids, "
        "'none' for no reason, send to show the reaction)",
    )
    snap.add_argument("--check-in", action="store_true", help="show the feelings check-in")
    snap.add_argument(
        "--text-size",
        choices=["normal", "large", "extra_large", "double"],
        default="normal",
        help="text size setting to render with (double: twice the normal size)",
    )
    snap.add_argument(
        "--theme",
        choices=["normal", "high_contrast"],
        default="normal",
        help="colours to render with",
    )
    snap.add_argument(
        "--font",
        choices=["andika", "atkinson"],
        default="andika",
        help="reading font for Latin-script text (Atkinson Hyperlegible or Andika)",
    )
    snap.add_argument(
        "--scroll",
        type=int,
        default=0,
        help="scroll a page taller than the window down by this many pixels",
    )
    snap.add_argument(
        "--lang",
        default="en",
        help="language code (en, es, fr, pt_BR, ar, "
        "zh_Hans, or the pseudo-locales en_XA and ar_XB)",
    )
    snap.add_argument(
        "--band", help="age group for the lessons and help screens (K2, G35, G68, G912)"
    )
    snap.add_argument(
        "--country",
        default="US",
        help="country code for the help lines (default US; one with no data, such as ZZ, "
        "shows the international directory)",
    )
    snap.add_argument("--classroom", action="store_true", help="play the lesson in classroom mode")
    snap.add_argument(
        "--pause", action="store_true", help="show the step's classroom pause point (with answer)"
    )
    snap.add_argument(
        "--dialog",
        choices=["leave", "carry-on", "go-to-step", "tally"],
        help="show a question over the step: leave (Back mid-lesson), carry-on (reopening a "
        "lesson left part-way, over the lesson list), go-to-step or tally (classroom mode)",
    )
    snap.add_argument(
        "--managed",
        type=Path,
        metavar="FILE",
        help="render with this managed-settings file (a school's preset and locked settings)",
    )
    snap.add_argument(
        "--read-at",
        type=int,
        metavar="MS",
        help="read the screen aloud (silently) and show it MS milliseconds in, with the "
        "word being read lit up",
    )
    plans = sub.add_parser(
        "plans",
        help="write lesson plans and family packs (PDF and HTML)",
        description="Write each lesson's teacher plan and family pack, and the curriculum "
        "book, as PDF and HTML into OUT/<language>/. Without --lesson every lesson is "
        "written; without --lang every shipped language.",
    )
    plans.add_argument("--lesson", action="append", help="lesson id (repeat for more)")
    plans.add_argument("--lang", action="append", help="language code (repeat for more)")
    plans.add_argument("--out", type=Path, required=True, help="folder to write into")
    plans.add_argument(
        "--country", help="country code for the help lines (default: the saved setting)"
    )
    plans.add_argument(
        "--format", choices=["pdf", "html"], action="append", help="only this format"
    )
    narrate = sub.add_parser(
        "narrate",
        help="write a lesson's narration as numbered WAV files, in reading order",
        description="Play LESSON headless the way a child would and write every line the "
        "game reads aloud on STEP (every step and the debrief when STEP is left out or "
        "'all'; 'debrief' for the debrief) as OUT/NNN-<step>.wav, with narration.tsv "
        "listing each file's text. At a step with choices, each choice's feedback follows. "
        "Recorded clips (assets/voice/<lang>/<clip>.ogg) are used where they exist.",
    )
    narrate.add_argument("lesson", help="lesson id")
    narrate.add_argument("step", nargs="?", help="step id, 'debrief' or 'all' (default)")
    narrate.add_argument("--lang", default="en", help="language code (default en)")
    narrate.add_argument("--out", type=Path, required=True, help="folder to write into")
    narrate.add_argument("--pace", choices=["normal", "slow"], default="normal")
    narrate.add_argument("--country", default="US", help="country code for the help lines")
    voices = sub.add_parser(
        "voice-script",
        help="list the strings to record for a language, with their clip names",
        description="Write a tab-separated list of every string the game reads aloud to "
        "children in LANG that a recorded clip can replace: the file to record "
        "(assets/voice/<lang>/<clip>.ogg), its context, the English and the text to say.",
    )
    voices.add_argument("--lang", required=True, help="language code (en, es, fr, pt_BR, ...)")
    voices.add_argument("--out", type=Path, help="file to write (default: print it)")
    voices.add_argument("--lesson", action="append", help="only this lesson (repeat for more)")
    from game.managed_admin import add_admin_parser
    from game.results_command import add_results_parser

    add_admin_parser(sub)
    add_results_parser(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point for the ``signal-scouts`` console script."""
    args = _parser().parse_args(argv)
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    paths = ContentPaths.discover()
    if args.command == "lint":
        from game.content.lesson_cache import user_lesson_cache
        from game.content.lint_command import run_lint

        return run_lint(
            args.paths or [paths.lessons],
            out=sys.stdout,
            release=args.release,
            cache=None if args.no_cache else user_lesson_cache(),
        )
    if args.command == "coverage":
        from game.content.coverage_command import run_coverage

        return run_coverage(args.paths or [paths.lessons], args.format, sys.stdout, sys.stderr)
    if args.command == "schema":
        if args.kind == "managed-settings":
            from game.managed_model import managed_schema_text as schema_text
        else:
            from game.content.schema import schema_text

        if args.out:
            args.out.write_text(schema_text(), encoding="utf-8")
        else:
            sys.stdout.write(schema_text())
        return 0
    if args.command == "plans":
        from game.printing.plans_command import run_plans

        return run_plans(args, paths, out=sys.stdout, err=sys.stderr)
    if args.command == "snapshot":
        from game.snapshot import run_snapshot

        return run_snapshot(args, paths)
    if args.command == "narrate":
        from game.narration.narrate_command import run_narrate

        return run_narrate(args, paths)
    if args.command == "admin":
        from game.managed_admin import run_admin

        return run_admin(args, paths, out=sys.stdout, err=sys.stderr)
    if args.command == "results":
        from game.results_command import run_results

        return run_results(args, paths, out=sys.stdout, err=sys.stderr)
    if args.command == "voice-script":
        from game.narration.voice_script import run_voice_script

        return run_voice_script(args, paths, out=sys.stdout)
    from game.app import run_game

    return run_game(paths, windowed=getattr(args, "windowed", False))


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
