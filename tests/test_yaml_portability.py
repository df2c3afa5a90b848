"""Lesson files read the same on every computer, with or without libyaml.

PyYAML's C reader (libyaml) takes ``{text: Can you help me?}`` as text; its own reader,
used where libyaml is missing, stops at the '?' and cannot read the file. The shipped
lessons and test files must read alike with both, and lint warns about such text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from game.content import source
from game.content.loader import load_lesson, load_pack
from game.content.problems import LessonError
from game.content.source import parse_yaml

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "lessons").glob("*.yaml")) + sorted(
    (ROOT / "tests" / "fixtures").glob("**/*.yaml")
)
MINIMAL = ROOT / "tests" / "fixtures" / "good" / "minimal.yaml"
WARNING = "has a '?' inside { } or [ ] without quotes"

needs_libyaml = pytest.mark.skipif(
    not hasattr(yaml, "CSafeLoader"), reason="compares libyaml with PyYAML's own reader"
)


def _read(text: str, loader: type) -> object:
    """What *loader*'s parser makes of *text*: its events (aliases are not expanded).

    The two loaders differ only in their parser (both build values with the same safe
    constructor), so the same events mean the same data.
    """
    try:
        return [
            (type(e).__name__, getattr(e, "value", None), getattr(e, "anchor", None))
            for e in yaml.parse(text, Loader=loader)
        ]
    except yaml.YAMLError as exc:
        return ("cannot be read", type(exc).__name__)


@needs_libyaml
@pytest.mark.parametrize("path", FILES, ids=[p.relative_to(ROOT).as_posix() for p in FILES])
def test_file_reads_the_same_without_libyaml(path: Path) -> None:
    """The C reader and PyYAML's own reader read the same (or both refuse the file)."""
    text = path.read_text(encoding="utf-8")
    assert _read(text, yaml.SafeLoader) == _read(text, yaml.CSafeLoader)


def test_shipped_lessons_load_with_the_pure_python_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml every shipped lesson still loads, with no problem at all."""
    monkeypatch.setattr(source, "Loader", yaml.SafeLoader)
    pack = load_pack([ROOT / "lessons"], root=ROOT)
    assert pack.failures == []
    assert len(pack.lessons) == len(list((ROOT / "lessons").glob("*.yaml")))
    assert not [w for w in pack.warnings if WARNING in w.message]


@needs_libyaml
def test_unquoted_question_mark_in_braces_warns_where_it_is() -> None:
    """Unquoted text with a '?' inside { } or [ ] warns there; quoted or block text does not."""
    text = (
        "say:\n"
        "  - {id: ask, text: Can you help me?}\n"
        '  - {id: ok, text: "Is this okay?"}\n'
        "starters: [Who would you tell?, fine]\n"
        "plain: Who would you tell?\n"
        "list:\n"
        "  - Who else?\n"
    )
    data, _smap, problems = parse_yaml(text, "x.yaml")
    assert data["say"][0]["text"] == "Can you help me?"
    found = [(p.line, p.col, p.severity) for p in problems if WARNING in p.message]
    assert found == [(2, 21, "warning"), (4, 12, "warning")]


@needs_libyaml
def test_lesson_with_unquoted_question_mark_loads_with_a_warning(tmp_path: Path) -> None:
    """The lesson still loads (libyaml reads it), and lint tells the author to quote the text."""
    text = MINIMAL.read_text(encoding="utf-8").replace(
        '{question: "What could you do?",', "{question: What could you do?,"
    )
    assert "{question: What could you do?," in text
    path = tmp_path / "unquoted.yaml"
    path.write_text(text, encoding="utf-8")
    _lesson, warnings = load_lesson(path, "unquoted.yaml")
    [warning] = [w for w in warnings if WARNING in w.message]
    assert (warning.line, warning.severity) == (19, "warning")
    assert 'text: "Can you help me?"' in warning.message


def test_pure_python_reader_says_to_quote_the_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without libyaml the same file is refused, located, with the fix (quotes) in the message."""
    monkeypatch.setattr(source, "Loader", yaml.SafeLoader)
    path = tmp_path / "unquoted.yaml"
    text = "say:\n  - {id: ask, text: Can you help me?, helpful: true}\n"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        source.read_yaml(path, "unquoted.yaml")
    [problem] = caught.value.problems
    assert problem.line == 2
    assert "double quotes" in problem.message
    assert "indentation" not in problem.message
