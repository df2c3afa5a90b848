"""``signal-scouts voice-script``: what to record so a real voice replaces synthesis.

Lists, for one language, every string the game reads aloud to children that a recorded
clip can replace, as tab-separated lines: the file to record
(``assets/voice/<lang>/<clip>.ogg``, see :mod:`game.narration.lines`), the string's
context, the English and the words to say. Strings with a placeholder (a name, a number,
a country's help service) are left out: they change from one reading to the next, so
eSpeak NG always reads them.

Lesson strings come from the lessons (the fields a child hears); UI strings from the
modules of the screens children see, extracted the way ``make i18n`` does.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from game.narration.lines import has_placeholder, lesson_clip, ui_clip
from game.paths import ContentPaths

#: Lesson sections children meet in play, and the fields of them the game reads aloud.
LESSON_SECTIONS = ("title", "key_message", "steps", "learning_check")
LESSON_FIELDS = {"title", "key_message", "text", "prompt", "feedback", "explain", "label"}
LESSON_FIELDS |= {"app_message"}

#: Modules (under ``game/``) whose UI strings children hear; grown-ups' screens are left out.
CHILD_MODULES = (
    "scenes/base.py",
    "scenes/title.py",
    "scenes/groups.py",
    "scenes/lessons.py",
    "scenes/badges.py",
    "scenes/settings.py",
    "scenes/help.py",
    "scenes/ask.py",
    "scenes/carry_on.py",
    "scenes/step_base.py",
    "scenes/chat.py",
    "scenes/story.py",
    "scenes/spot.py",
    "scenes/sort.py",
    "scenes/quiz.py",
    "scenes/help_plan.py",
    "scenes/check.py",
    "scenes/debrief.py",
    "help_steps.py",
    "content/taxonomy.py",
)

Row = tuple[str, str, str, str]  # clip, context, English, text to say


def lesson_rows(lesson_file: Path, tr) -> Iterator[Row]:  # noqa: ANN001 - a Translator
    """The narrated strings of one lesson file, translated by *tr*."""
    from game.content.extract import _walk
    from game.content.source import parse_yaml

    data, _smap, _problems = parse_yaml(lesson_file.read_text(encoding="utf-8"), str(lesson_file))
    if not isinstance(data, dict) or "id" not in data:
        return
    lesson_id = str(data["id"])
    for path, owner, text in _walk(data, (), None):
        field = path[-1]
        if path[0] not in LESSON_SECTIONS or not isinstance(field, str):
            continue
        if field not in LESSON_FIELDS or has_placeholder(text):
            continue
        context = f"{lesson_id}/{owner}"
        source = text.strip()
        yield lesson_clip(lesson_id, owner, field), context, source, tr.pgettext(context, source)


def ui_rows(package: Path, tr) -> Iterator[Row]:  # noqa: ANN001 - a Translator
    """The fixed UI strings of the children's screens, translated by *tr*."""
    import contextlib
    import io

    from babel.messages.extract import extract_from_file

    for module in CHILD_MODULES:
        path = package / module
        if not path.exists():
            continue
        with contextlib.redirect_stderr(io.StringIO()):  # Babel's notes on f-string contexts
            found = list(extract_from_file("python", str(path)))
        for _line, message, _comments, context in found:
            if not isinstance(message, str) or context or has_placeholder(message):
                continue
            yield ui_clip(message), "", message, tr._(message)


def voice_rows(paths: ContentPaths, language: str, lessons: list[str] | None) -> list[Row]:
    """Every row of the script for *language*, lessons first, each clip once."""
    import game
    from game.i18n import Translator

    tr = Translator(language, paths.locales)
    rows: dict[str, Row] = {}
    for lesson_file in sorted(paths.lessons.glob("*.yaml")):
        if lessons and lesson_file.stem not in lessons:
            continue
        for row in lesson_rows(lesson_file, tr):
            rows.setdefault(row[0], row)
    for row in ui_rows(Path(game.__file__).parent, tr):
        rows.setdefault(row[0], row)
    return list(rows.values())


def run_voice_script(args: argparse.Namespace, paths: ContentPaths, out: TextIO) -> int:
    """Write the script to ``--out`` (or *out*)."""
    rows = voice_rows(paths, args.lang, args.lesson)
    lines = ["file\tcontext\tenglish\tsay"]
    for clip, context, english, text in rows:
        cells = [f"assets/voice/{args.lang}/{clip}.ogg", context, english, text]
        lines.append("\t".join(c.replace("\t", " ").replace("\n", " / ") for c in cells))
    body = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(body, encoding="utf-8")
    else:
        out.write(body)
    return 0
