"""Babel extractor for lesson files and the helpline data.

Registered as the ``lesson_yaml`` extractor (``babel.extractors`` entry point), so
``pybabel extract -F babel.cfg`` puts every child-, teacher- and parent-facing string
of ``lessons/*.yaml`` into ``locales/messages.pot`` with:

- the exact line of each string;
- ``msgctxt`` = ``lesson-id/item-id``, the stable id the game looks the string up by
  (the nearest enclosing item with an ``id``, else the top-level key, e.g. ``title``);
- a translator comment with the string's place in the file, who says it, and the band.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from game.content.source import PathKey, SourceMap, parse_yaml

#: Keys whose string values people read (in the game, the plans or the family pack).
TRANSLATABLE = {
    "title",
    "about",
    "hook",
    "big_idea",
    "essential_question",
    "objectives",
    "success_criteria",
    "term",
    "definition",
    "question",
    "model_answer",
    "misconception",
    "key_message",
    "teacher_notes",
    "name",
    "app",
    "text",
    "feedback",
    "prompt",
    "why_ok",
    "label",
    "explain",
    "app_message",
    "what",
    "materials",
    "warm_up",
    "practice",
    "apply",
    "answer",
    "support",
    "extension",
    "fact",
    "letter",
    "starters",
    "agreement",
    "story_hook",
    "beginning",
    "developing",
    "secure",
    "note",
    "comeback",
    "result",
    "effect",
    "profile",
    "scenario",
}
#: Top-level sections whose strings are not translated (names of sources and standards).
SKIP_SECTIONS = {"sources", "reviewed_by", "standards"}

Extracted = tuple[int, str, tuple[str, str], list[str]]


def _where(path: PathKey) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


def _walk(node: Any, path: PathKey, owner: str | None) -> Iterator[tuple[PathKey, str, str]]:
    """(path, owner id, text) for every translatable string under *node*."""
    if isinstance(node, dict):
        if isinstance(node.get("id"), str) and path:
            owner = node["id"]
        for key, value in node.items():
            key = str(key)
            if not path and key in SKIP_SECTIONS:
                continue
            child_owner = owner if owner else key
            if key in TRANSLATABLE and isinstance(value, str) and value.strip():
                yield (*path, key), child_owner, value
            elif key in TRANSLATABLE and isinstance(value, list):
                for index, item in enumerate(value):
                    if isinstance(item, str) and item.strip():
                        yield (*path, key, index), child_owner, item
            elif isinstance(value, dict | list):
                yield from _walk(value, (*path, key), child_owner)
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _walk(item, (*path, index), owner)


def lesson_messages(data: dict, smap: SourceMap) -> Iterator[Extracted]:
    """Messages of one lesson file, each with its line, context and comments."""
    lesson_id = str(data.get("id", Path(smap.file).stem))
    band = data.get("grade_band", "?")
    for path, owner, text in _walk(data, (), None):
        line, _col = smap.where(path)
        comments = [f"{lesson_id}: {_where(path)} (band {band})"]
        sender = _sender(data, path)
        if sender:
            comments.append(f"said by: {sender}")
        yield line, "pgettext", (f"{lesson_id}/{owner}", text.strip()), comments


def _sender(data: dict, path: PathKey) -> str | None:
    node: Any = data
    for part in path[:-1]:
        node = node[part] if isinstance(node, dict | list) else None
    if isinstance(node, dict) and "from" in node:
        return str(node["from"])
    if isinstance(node, dict) and "text" in node and "id" in node and path[-1] == "text":
        return "contact" if "messages" in path else None
    return None


def helpline_messages(data: dict, smap: SourceMap) -> Iterator[Extracted]:
    """Descriptions of help services, translated per country context ``helpline/CC``.

    ``what`` is for ages 11+ and grown-ups, ``what_young`` for ages 5-10; the
    international directory uses the context ``helpline/international``.
    """
    listed = [(("countries", code), code, c) for code, c in (data.get("countries") or {}).items()]
    if isinstance(data.get("international"), dict):
        listed.append((("international",), "international", data["international"]))
    readers = {"what": "ages 11+ and grown-ups", "what_young": "ages 5-10, simple words"}
    for where, code, country in listed:
        for index, service in enumerate(country.get("services") or []):
            for key, reader in readers.items():
                if not isinstance(service.get(key), str):
                    continue
                line, _col = smap.where((*where, "services", index, key))
                yield (
                    line,
                    "pgettext",
                    (f"helpline/{code}", service[key].strip()),
                    [
                        f"help service {service.get('name', '')} ({country.get('name', code)}), "
                        f"for {reader}"
                    ],
                )


def extract_lessons(fileobj, keywords, comment_tags, options) -> Iterator[Extracted]:
    """Babel entry point: extract from a lesson file or the helpline data file."""
    raw = fileobj.read()
    text = raw.decode(options.get("encoding", "utf-8")) if isinstance(raw, bytes) else raw
    name = getattr(fileobj, "name", "lesson.yaml")
    data, smap, _problems = parse_yaml(text, str(name))
    if not isinstance(data, dict):
        return
    if "countries" in data:
        yield from helpline_messages(data, smap)
    else:
        yield from lesson_messages(data, smap)
