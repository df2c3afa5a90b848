"""The lesson JSON Schema, generated from the model, for editor completion.

Lesson files point to it with a first-line comment that YAML-aware editors read:
``# yaml-language-server: $schema=../docs/lesson.schema.json``.
"""

from __future__ import annotations

import json

from game.content.model import Lesson

SCHEMA_ID = "https://signal-scouts.invalid/lesson.schema.json"


def lesson_schema() -> dict:
    """The JSON Schema of a lesson file (keys as authors write them, e.g. ``from``)."""
    schema = Lesson.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_ID
    schema["title"] = "Signal Scouts lesson"
    return schema


def schema_text() -> str:
    """The schema as the text stored in ``docs/lesson.schema.json``."""
    return json.dumps(lesson_schema(), indent=2, ensure_ascii=False) + "\n"
