"""The ``index.html`` of a printables folder: every language in it, titles in each language.

Each export writes, per language, a small manifest (``OUT/<language>/printables.json``)
of the documents in that folder with their translated titles, merged with what an
earlier export listed there. The index is then rebuilt from every manifest in ``OUT``,
so running ``plans`` once per language into one folder lists all of them. Manifests
and the index are written atomically; files that no longer exist are left out.
"""

from __future__ import annotations

import html
import json
from dataclasses import dataclass
from pathlib import Path

from babel import Locale, UnknownLocaleError

from game.i18n import LANGUAGES, bcp47, is_rtl
from game.printing.runs import plain
from game.storage import atomic_write

MANIFEST = "printables.json"
INDEX = "index.html"
FORMAT_NAMES = {"html": "HTML", "pdf": "PDF"}

INDEX_CSS = """
body { font-family: system-ui, sans-serif; color: #212529; line-height: 1.5; margin: 0; }
main { max-width: 48rem; margin-inline: auto; padding: 2rem 1.5rem; }
h1 { color: #007066; }
h2 { border-block-end: 2px solid #007066; }
li { margin-block: 0.3em; }
a { margin-inline-start: 0.4em; }
"""


@dataclass(frozen=True)
class Entry:
    """One document written in a language: its file stem, translated title and formats."""

    name: str
    title: str
    formats: tuple[str, ...]


def update_index(out: Path, language: str, entries: list[Entry]) -> None:
    """Merge *entries* into *language*'s manifest, then rebuild ``out/index.html``."""
    folder = out / language
    merged = {entry.name: entry for entry in read_manifest(folder)}
    for entry in entries:
        old = merged.get(entry.name)
        formats = entry.formats + (old.formats if old else ())
        merged[entry.name] = Entry(entry.name, entry.title, tuple(dict.fromkeys(formats)))
    data = {
        "language": language,
        "documents": [
            {"name": e.name, "title": e.title, "formats": list(e.formats)} for e in merged.values()
        ],
    }
    atomic_write(folder / MANIFEST, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    atomic_write(out / INDEX, index_page(out))


def read_manifest(folder: Path) -> list[Entry]:
    """The documents a language folder's manifest lists (none if it is missing or unreadable)."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        return [
            Entry(str(d["name"]), str(d["title"]), tuple(str(f) for f in d["formats"]))
            for d in data["documents"]
        ]
    except (OSError, ValueError, KeyError, TypeError):
        return []


def languages_in(out: Path) -> list[str]:
    """Language folders of *out* that hold a manifest: shipped order first, then by name."""
    found = sorted(p.parent.name for p in out.glob(f"*/{MANIFEST}"))
    order = {code: index for index, code in enumerate(LANGUAGES)}
    return sorted(found, key=lambda code: (order.get(code, len(order)), code))


def language_name(code: str) -> str:
    """The name of language *code* in that language ("العربية", "Français")."""
    try:
        name = Locale.parse(code).get_display_name(Locale.parse(code)) or code
    except (UnknownLocaleError, ValueError):
        return code
    return name[:1].upper() + name[1:]


def index_page(out: Path) -> str:
    """A plain HTML page linking every document in *out*, one section per language.

    Each section is in its language (``lang`` and ``dir``), headed by the language's own
    name; each document shows its translated title and a link per format (relative
    links, nothing fetched).
    """
    sections = []
    for language in languages_in(out):
        items = []
        for entry in read_manifest(out / language):
            links = " ".join(
                f'<a href="{html.escape(f"{language}/{entry.name}.{fmt}")}">'
                f"{FORMAT_NAMES.get(fmt, fmt)}</a>"
                for fmt in entry.formats
                if (out / language / f"{entry.name}.{fmt}").is_file()
            )
            if links:
                items.append(f"<li>{html.escape(plain(entry.title))}{links}</li>")
        if items:
            direction = "rtl" if is_rtl(language) else "ltr"
            sections.append(
                f'<section lang="{html.escape(bcp47(language))}" dir="{direction}">'
                f"<h2>{html.escape(language_name(language))}</h2>"
                f"<ul>{''.join(items)}</ul></section>"
            )
    return (
        '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Signal Scouts printables</title><style>{INDEX_CSS}</style></head>"
        "<body><main><h1>Signal Scouts printables</h1>"
        + "".join(sections)
        + "</main></body></html>\n"
    )
