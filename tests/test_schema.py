"""The JSON Schema in docs/ is generated from the model and kept current."""

from __future__ import annotations

import json
from pathlib import Path

from game.content.schema import lesson_schema, schema_text

DOCS = Path(__file__).resolve().parent.parent / "docs"


def test_committed_schema_is_current() -> None:
    """docs/lesson.schema.json equals the schema generated from the model (run `make schema`)."""
    assert (DOCS / "lesson.schema.json").read_text(encoding="utf-8") == schema_text()


def test_schema_uses_author_keys() -> None:
    """The schema names keys as authors write them (`from`, not the Python name)."""
    message = lesson_schema()["$defs"]["Message"]["properties"]
    assert "from" in message
    assert "sender" not in message
    assert json.loads(schema_text())["additionalProperties"] is False
