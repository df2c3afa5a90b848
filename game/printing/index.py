"""The ``index.html`` of a printables folder: every language in it, each lesson by its title.

Each export writes, per language, a small manifest (``OUT/<language>/printables.json``)
of the documents in that folder with their translated titles and the lesson each one
belongs to, merged with what an earlier export listed there. The index is then rebuilt
from every manifest in ``OUT``, so running ``plans`` once per language into one folder
lists all of them. In the index each language has a section in that language, listing
each lesson by its title there with its documents (plan, family letter, handouts) under
it; the page's own words are in the language of the export that wrote it last.
Manifests and the index are written atomically; files that no longer exist are left out.
"""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from babel import Locale, UnknownLocaleError

from game.content.model import Lesson
from game.i18n import LANGUAGES, bcp47, is_rtl
from game.printing.runs import plain
from game.storage import write_document

MANIFEST = "printables.json"
INDEX = "index.html"
FORMAT_NAMES = {"html": "HTML", "pdf": "PDF"}
#: Left at either end of a title once the lesson title is taken out ("Lesson plan: ").
KIND_TRIM = " :\uff1a-\u2013\u2014\u00a0\u202f\u060c"

INDEX_CSS = """
body { font-family: system-ui, sans-serif; color: #212529; line-height: 1.5; margin: 0; }
main { max-width: 48rem; margin-inline: auto; padding: 2rem 1.5rem; }
h1 { color: #007066; }
h2 { border-block-end: 2px solid #007066; }
h2 .also { font-size: 0.7em; font-weight: normal; color: #495057; }
ul { padding-inline-start: 1.2em; }
li { margin-block: 0.6em; }
.lesson { font-weight: bold; }
.docs { display: block; }
.doc { margin-inline-end: 1.2em; white-space: nowrap; }
a { margin-inline-start: 0.4em; }
.languages a { margin-inline: 0 0.8em; }
"""


class Gettext(Protocol):
    """What the index needs of a translator: its language and ``_``."""

    language: str
    _: Callable[[str], str]


@dataclass(frozen=True)
class Entry:
    """One document written in a language: its file stem, translated title and formats.

    A lesson's document also names its lesson (id and title in this language) and what
    kind of document it is ("Lesson plan"); a document of no one lesson (the book) has
    neither.
    """

    name: str
    title: str
    formats: tuple[str, ...]
    lesson: str = ""
    lesson_title: str = ""
    kind: str = ""


def with_lessons(
    entries: Iterable[Entry], lessons: Iterable[Lesson], title_of: Callable[[Lesson], str]
) -> list[Entry]:
    """*entries* with their lesson filled in: the lesson whose id starts the file name.

    *title_of* gives a lesson's title in the entries' language. The kind is the
    document's title without the lesson title ("Lesson plan: Kai" gives "Lesson plan"),
    so it is in the same language and needs no catalog of its own.
    """
    ids = sorted((lesson for lesson in lessons), key=lambda x: -len(x.id))
    out = []
    for entry in entries:
        lesson = next((x for x in ids if entry.name.startswith(f"{x.id}-")), None)
        if lesson is None:
            out.append(entry)
            continue
        title = plain(title_of(lesson))
        whole = plain(entry.title)
        kind = whole.replace(title, "").strip(KIND_TRIM) if title else ""
        out.append(replace(entry, lesson=lesson.id, lesson_title=title, kind=kind or whole))
    return out


def update_index(
    out: Path, language: str, entries: list[Entry], ui: Gettext | None = None
) -> None:
    """Merge *entries* into *language*'s manifest, then rebuild ``out/index.html``.

    The page's own words are in *ui*'s language (English without one).
    """
    folder = out / language
    merged = {entry.name: entry for entry in read_manifest(folder)}
    for entry in entries:
        old = merged.get(entry.name)
        formats = tuple(dict.fromkeys(entry.formats + (old.formats if old else ())))
        merged[entry.name] = replace(entry, formats=formats)
    data = {
        "language": language,
        "documents": [
            {
                "name": e.name,
                "title": e.title,
                "formats": list(e.formats),
                **({"lesson": e.lesson, "lesson_title": e.lesson_title, "kind": e.kind}
                   if e.lesson else {}),
            }
            for e in merged.values()
        ],
    }
    write_document(folder / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write_document(out / INDEX, index_page(out, ui))


def read_manifest(folder: Path) -> list[Entry]:
    """The documents a language folder's manifest lists (none if it is missing or unreadable)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return [
            Entry(
                str(d["name"]),
                str(d["title"]),
                tuple(str(f) for f in d["formats"]),
                str(d.get("lesson", "")),
                str(d.get("lesson_title", "")),
                str(d.get("kind", "")),
            )
            for d in data["documents"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def languages_in(out: Path) -> list[str]:
    """Language folders of *out* that hold a manifest: shipped order first, then by name."""
    found = sorted(p.parent.name for p in out.glob(f"*/{MANIFEST}"))
    order = {code: index for index, code in enumerate(LANGUAGES)}
    return sorted(found, key=lambda code: (order.get(code, len(order)), code))


def language_name(code: str, reader: str | None = None) -> str:
    """The name of language *code* in *reader*'s language (default: its own, "العربية")."""
    try:
        name = Locale.parse(code).get_display_name(Locale.parse(reader or code)) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


class _English:
    """The page's words untranslated (an index written without a translator)."""

    language = "en"

    def _(self, message: str) -> str:
        return message


def index_page(out: Path, ui: Gettext | None = None) -> str:
    """A plain HTML page linking every document in *out*, one section per language.

    The page's heading, introduction and language list are in *ui*'s language, and that
    language's section comes first. Each section is in its language (``lang`` and
    ``dir``), headed by the language's own name (and its name in *ui*'s language when
    that differs); each lesson is listed by its title in that language with a link per
    document and format (relative links, nothing fetched).
    """
    ui = ui or _English()
    _ = ui._
    ui_lang = bcp47(ui.language)
    sections = []
    found = []
    shipped = languages_in(out)
    reader_first = sorted(shipped, key=lambda code: code != ui.language)  # stable
    for language in reader_first:
        items = _items(out, language)
        if not items:
            continue
        found.append(language)
        direction = "rtl" if is_rtl(language) else "ltr"
        heading = html.escape(language_name(language))
        if language != ui.language:
            also = html.escape(language_name(language, ui.language))
            heading += f' <bdi class="also" lang="{html.escape(ui_lang)}">({also})</bdi>'
        sections.append(
            f'<section id="lang-{html.escape(language)}" lang="{html.escape(bcp47(language))}"'
            f' dir="{direction}"><h2>{heading}</h2><ul>{"".join(items)}</ul></section>'
        )
    title = html.escape(_("Signal Scouts printables"))
    intro = html.escape(
        _(
            "Every lesson, by its title in each language saved in this folder. "
            "PDF files are for printing; web pages are for reading on screen."
        )
    )
    languages = " ".join(
        f'<a href="#lang-{html.escape(code)}" lang="{html.escape(bcp47(code))}">'
        f"{html.escape(language_name(code))}</a>"
        for code in found
    )
    nav = (
        f'<nav class="languages"><p>{html.escape(_("Languages in this folder:"))} '
        f"{languages}</p></nav>"
        if found
        else ""
    )
    direction = "rtl" if is_rtl(ui.language) else "ltr"
    return (
        f'<!doctype html>\n<html lang="{html.escape(ui_lang)}" dir="{direction}"><head>'
        '<meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title><style>{INDEX_CSS}</style></head>"
        f"<body><main><h1>{title}</h1><p>{intro}</p>{nav}"
        + "".join(sections)
        + "</main></body></html>\n"
    )


def _links(out: Path, language: str, entry: Entry) -> str:
    """A link per format of *entry* whose file is still there ('' when none is)."""
    return " ".join(
        f'<a href="{html.escape(f"{language}/{entry.name}.{fmt}")}">'
        f"{FORMAT_NAMES.get(fmt, fmt)}</a>"
        for fmt in entry.formats
        if (out / language / f"{entry.name}.{fmt}").is_file()
    )


def _items(out: Path, language: str) -> list[str]:
    """List items of *language*'s section, in the manifest's order.

    One per lesson (its title, then its documents), and one per document of no lesson
    (the book).
    """
    rows: list[tuple[str, list[str]]] = []  # (lesson title or whole item, documents)
    by_lesson: dict[str, list[str]] = {}
    for entry in read_manifest(out / language):
        links = _links(out, language, entry)
        if not links:
            continue
        if not entry.lesson:
            rows.append((f"<li>{html.escape(plain(entry.title))}{links}</li>", []))
            continue
        if entry.lesson not in by_lesson:
            by_lesson[entry.lesson] = []
            rows.append((html.escape(plain(entry.lesson_title)), by_lesson[entry.lesson]))
        kind = html.escape(plain(entry.kind or entry.title))
        by_lesson[entry.lesson].append(f'<span class="doc">{kind}{links}</span>')
    return [
        f'<li><span class="lesson">{head}</span><span class="docs">{" ".join(docs)}</span></li>'
        if docs
        else head
        for head, docs in rows
    ]
