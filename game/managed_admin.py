"""``signal-scouts admin``: write or check a school's managed-settings file.

``--write-settings FILE`` turns command-line choices into a valid file (written
atomically), checking each choice against what the game offers: countries with help-line
data, shipped languages, lesson ids. ``--check FILE`` reads a file the way the game does
and lists every mistake; ``--where`` prints where the game looks for it on this computer.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from game.i18n import LANGUAGES
from game.managed_settings import MANAGED_ENV, load_managed, managed_settings_path
from game.paths import ContentPaths

#: Settings in the order they are written, with their command-line flags.
FLAGS = {
    "country": "--country",
    "language": "--language",
    "text_size": "--text-size",
    "read_to_me": "--read-to-me",
    "read_pace": "--read-pace",
    "lessons_off": "--lesson-off",
}


def add_admin_parser(sub: argparse._SubParsersAction) -> None:
    """Add the ``admin`` command and its options to the CLI's *sub* parsers."""
    from game.managed_model import SETTING_NAMES

    admin = sub.add_parser(
        "admin",
        help="write or check the managed-settings file a school installs (preset, lock)",
        description="Write or check a managed-settings file: settings a school presets for "
        "every child on a computer, and locks so they cannot be changed in the game. "
        "Install the file where --where says (or point "
        f"{MANAGED_ENV} at it). Format: docs/managed-settings.md.",
    )
    what = admin.add_mutually_exclusive_group(required=True)
    what.add_argument("--write-settings", type=Path, metavar="FILE", help="write FILE")
    what.add_argument("--check", type=Path, metavar="FILE", help="check FILE; exit 1 on mistakes")
    what.add_argument(
        "--where", action="store_true", help="print where the game looks for the file here"
    )
    admin.add_argument("--country", help="help lines for this country code (e.g. GB; ZZ: none)")
    admin.add_argument("--language", choices=LANGUAGES, help="the game's language")
    admin.add_argument("--text-size", choices=["normal", "large", "extra_large", "double"])
    admin.add_argument(
        "--read-to-me", choices=["on", "off"], help="'Read to me' for every age group"
    )
    admin.add_argument("--read-pace", choices=["normal", "slow"], help="reading-aloud pace")
    admin.add_argument(
        "--lesson-off",
        action="append",
        default=[],
        metavar="ID",
        help="turn this lesson off (repeat for more)",
    )
    admin.add_argument(
        "--lock",
        action="append",
        default=[],
        choices=SETTING_NAMES,
        help="children cannot change this setting (repeat for more; it must be set too)",
    )


def run_admin(args: argparse.Namespace, paths: ContentPaths, out: TextIO, err: TextIO) -> int:
    """Run ``signal-scouts admin``; 0 on success, 1 on a mistake, 2 on bad arguments."""
    if args.where:
        where = managed_settings_path()
        out.write(f"{where}\n" if where else f"managed settings are off ({MANAGED_ENV} is empty)\n")
        return 0
    if args.check:
        return check_file(args.check, paths, out, err)
    return write_file(args, paths, out, err)


def write_file(args: argparse.Namespace, paths: ContentPaths, out: TextIO, err: TextIO) -> int:
    """Write the file the options describe, after checking every choice; 2 if one is wrong."""
    data: dict[str, object] = {"version": 1}
    if args.country:
        data["country"] = args.country.upper()
    if args.language:
        data["language"] = args.language
    if args.text_size:
        data["text_size"] = args.text_size
    if args.read_to_me:
        data["read_to_me"] = args.read_to_me == "on"
    if args.read_pace:
        data["read_pace"] = args.read_pace
    if args.lesson_off:
        data["lessons_off"] = list(dict.fromkeys(args.lesson_off))
    mistakes = [
        f"--lock {name} needs {FLAGS[name]} too (a lock keeps a value the file sets)"
        for name in dict.fromkeys(args.lock)
        if name not in data
    ]
    mistakes += offered_mistakes(data, paths)
    locks = [name for name in dict.fromkeys(args.lock) if name in data]
    if locks:
        data["locked"] = locks
    from game.managed_model import validate_managed

    _values, problems = validate_managed(data)
    mistakes += problems
    if mistakes:
        for mistake in mistakes:
            err.write(f"signal-scouts admin: {mistake}\n")
        err.write("nothing was written\n")
        return 2
    from game.storage import write_document

    try:
        write_document(args.write_settings, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    except OSError as exc:
        err.write(f"signal-scouts admin: cannot write {args.write_settings}: {exc.strerror}\n")
        return 1
    out.write(f"wrote {args.write_settings}\n")
    return 0


def check_file(path: Path, paths: ContentPaths, out: TextIO, err: TextIO) -> int:
    """Read *path* as the game would; list what it sets and every mistake (exit 1 if any)."""
    managed = load_managed(path)
    if not managed.found:
        err.write(f"{path}: no such file\n")
        return 1
    problems = list(managed.problems)
    if managed.values is not None:
        problems += offered_mistakes(managed.values.model_dump(exclude_none=True), paths)
        for name in managed.values.set_names():
            value = json.dumps(getattr(managed.values, name), ensure_ascii=False)
            lock = " (locked)" if name in managed.values.locked else ""
            out.write(f"{path}: sets {name} = {value}{lock}\n")
    for problem in problems:
        err.write(f"{path}: {problem}\n")
    if problems:
        return 1
    out.write(f"{path}: ok\n")
    return 0


def offered_mistakes(data: dict, paths: ContentPaths) -> list[str]:
    """Choices in *data* the game does not offer: unknown countries and lesson ids."""
    mistakes = []
    country = data.get("country")
    if isinstance(country, str):
        from game.helplines import load_helplines
        from game.profile import UNKNOWN_COUNTRY

        known = sorted(load_helplines(paths.assets / "safety" / "helplines.yaml").countries)
        if country not in [*known, UNKNOWN_COUNTRY]:
            mistakes.append(
                f"country: {country} has no help-line data; choose one of "
                f"{', '.join(known)}, or {UNKNOWN_COUNTRY} (not listed: the international "
                "directory)"
            )
    lessons = data.get("lessons_off")
    if isinstance(lessons, list) and lessons:
        import difflib

        from game.content.loader import load_pack
        from game.profile import current_lesson_id

        pack = load_pack([paths.lessons], root=paths.lessons.parent)
        ids = {lesson.id for lesson in pack.lessons}
        for lesson_id in lessons:
            if current_lesson_id(lesson_id) not in ids:
                close = difflib.get_close_matches(lesson_id, sorted(ids), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                mistakes.append(f"lessons_off: no lesson has the id '{lesson_id}'{hint}")
    return mistakes
