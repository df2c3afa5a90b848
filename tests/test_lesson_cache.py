"""The lesson cache: a warm load or lint gives exactly what a full check gives, and never less.

Every test compares a run through the cache with a run that checks every file in full
(the shipped lessons and every good, bad and hostile fixture, so files with problems
are covered too), then changes something the cache must notice: a file's bytes, the
code's fingerprint, a corrupt or foreign entry, a full or unwritable cache folder.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from game.content.lesson_cache import LessonCache
from game.content.lint_command import run_lint
from game.content.loader import LoadedPack, load_pack
from game.content.problems import MAX_PROBLEMS_PER_FILE, Problem

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good" / "minimal.yaml"


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A folder of the shipped lessons and every good, bad and hostile fixture."""
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "lessons", folder / "lessons")
    for kind in ("good", "bad", "bad_hostile"):
        shutil.copytree(FIXTURES / kind, folder / kind)
    many = GOOD.read_text(encoding="utf-8").replace(
        "title: Tiny lesson\n", "title: Tiny lesson\n" * (MAX_PROBLEMS_PER_FILE + 30)
    )
    (folder / "bad" / "many_duplicate_keys.yaml").write_text(many, encoding="utf-8")
    return folder


@pytest.fixture
def few(corpus: Path) -> Path:
    """A few files of each kind: good, with warnings, with errors, hostile, over-long."""
    folder = corpus.parent / "few"
    folder.mkdir()
    for name in (
        "good/minimal.yaml",
        "good/all_modes.yaml",
        "bad/dead_end.yaml",
        "bad/duplicate_key.yaml",
        "bad/yaml_syntax.yaml",
        "bad/many_duplicate_keys.yaml",
        "bad_hostile/date_month_13.yaml",
    ):
        shutil.copy(corpus / name, folder / name.replace("/", "-"))
    return folder


def _summary(pack: LoadedPack) -> tuple[object, ...]:
    """Everything a load gives: lessons, failures (path and problems) and warnings."""
    failures = [(str(f.path), f.problems, str(f)) for f in pack.failures]
    return pack.lessons, failures, pack.warnings


def _lint(folder: Path, cache: LessonCache | None) -> tuple[int, str]:
    out = io.StringIO()
    code = run_lint([folder], out, cache=cache)
    return code, out.getvalue()


def _entries(cache: LessonCache) -> list[Path]:
    return sorted(cache.folder.glob("*.json"))


def test_warm_load_equals_cold_load(corpus: Path, tmp_path: Path) -> None:
    """Loaded lessons, failures and warnings are identical with no cache, cold and warm."""
    full = _summary(load_pack([corpus], root=corpus))
    cache = LessonCache(tmp_path / "cache")
    cold = _summary(load_pack([corpus], root=corpus, cache=cache))
    assert cache.hits == 0 and cache.writes > 50
    warm_cache = LessonCache(tmp_path / "cache")
    warm = _summary(load_pack([corpus], root=corpus, cache=warm_cache))
    assert warm_cache.hits == cache.writes and warm_cache.writes == 0
    assert cold == full
    assert warm == full
    assert any(len(problems) == MAX_PROBLEMS_PER_FILE + 1 for _p, problems, _s in warm[1])


def test_warm_lint_prints_what_a_full_lint_prints(corpus: Path, tmp_path: Path) -> None:
    """`signal-scouts lint` output and exit code are the same cold, warm and without cache."""
    full = _lint(corpus, None)
    cache_folder = tmp_path / "cache"
    cold = _lint(corpus, LessonCache(cache_folder))
    warm_cache = LessonCache(cache_folder)
    warm = _lint(corpus, warm_cache)
    assert warm_cache.hits > 50
    assert cold == full
    assert warm == full
    assert full[0] == 1 and "error" in full[1]


def test_release_lint_is_cached_apart(tmp_path: Path) -> None:
    """A release check is not answered from a normal check's entry (its warnings differ)."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    text = GOOD.read_text(encoding="utf-8").replace(
        "reviewed_by: Test fixture\nlast_reviewed: 2026-11-29\n", ""
    )
    (folder / "draft.yaml").write_text(text, encoding="utf-8")
    cache = LessonCache(tmp_path / "cache")
    normal = load_pack([folder], root=folder, cache=cache)
    release = load_pack([folder], root=folder, cache=cache, release=True)
    assert cache.hits == 0
    assert not normal.warnings and release.warnings


def test_editing_a_file_is_a_miss(tmp_path: Path) -> None:
    """A file changed since it was cached is checked again: the new title, then a new error."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    lesson = folder / "tiny.yaml"
    shutil.copy(GOOD, lesson)
    cache = LessonCache(tmp_path / "cache")
    assert load_pack([folder], cache=cache).lessons[0].title == "Tiny lesson"
    lesson.write_text(
        GOOD.read_text(encoding="utf-8").replace("Tiny lesson", "Tiny edited lesson"),
        encoding="utf-8",
    )
    assert load_pack([folder], cache=cache).lessons[0].title == "Tiny edited lesson"
    lesson.write_text(
        GOOD.read_text(encoding="utf-8").replace("grade_band: G35", "grade_band: G99"),
        encoding="utf-8",
    )
    broken = load_pack([folder], cache=cache)
    assert cache.hits == 0
    assert not broken.lessons and "G99" in str(broken.failures[0])


def test_changed_code_is_a_miss(tmp_path: Path) -> None:
    """Entries written by other code (another fingerprint) are never used."""
    folder = tmp_path / "cache"
    load_pack([GOOD], cache=LessonCache(folder, fingerprint="old code"))
    new = LessonCache(folder, fingerprint="new code")
    assert len(load_pack([GOOD], cache=new).lessons) == 1
    assert new.hits == 0 and new.writes == 1
    same = LessonCache(folder, fingerprint="new code")
    load_pack([GOOD], cache=same)
    assert same.hits == 1


def test_duplicate_ids_are_found_when_every_file_is_cached(tmp_path: Path) -> None:
    """Two files with one id: the second is refused on a warm load as on a cold one."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    shutil.copy(GOOD, folder / "a.yaml")
    shutil.copy(GOOD, folder / "b.yaml")
    cache = LessonCache(tmp_path / "cache")
    load_pack([folder], root=folder, cache=cache)
    warm = load_pack([folder], root=folder, cache=cache)
    assert cache.hits == 2
    assert [lesson.id for lesson in warm.lessons] == ["tiny"]
    assert "already used by a.yaml" in str(warm.failures[0])


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"\x00\xff not json",
        b'{"format": 1, "key": "',
        b"[1, 2, 3]",
        b'{"format": 1, "key": "KEY", "problems": [], "lesson": {"id": "x"}}',
        b'{"format": 1, "key": "KEY", "problems": [["a", "1", 1, "m", "error"]], "lesson": null}',
        b'{"format": 1, "key": "KEY", "problems": [], "lesson": null}',
        b'{"format": 1, "key": "another key", "problems": [], "lesson": null}',
        b'{"format": 99, "key": "KEY", "problems": [], "lesson": null}',
        b'{"format": 1, "key": "KEY", "problems": [], "lesson": null, "code": "import os"}',
    ],
    ids=[
        "empty",
        "binary",
        "cut-short",
        "not-a-mapping",
        "invalid-lesson",
        "wrong-types",
        "failure-without-error",
        "foreign-key",
        "other-format",
        "extra-field",
    ],
)
def test_corrupt_entries_are_ignored_and_replaced(few: Path, tmp_path: Path, damage: bytes) -> None:
    """Every entry damaged: the results equal a full check, and good entries replace them."""
    full = _summary(load_pack([few], root=few))
    cache = LessonCache(tmp_path / "cache")
    load_pack([few], root=few, cache=cache)
    assert cache.writes == 7
    for entry in _entries(cache):
        entry.write_bytes(damage.replace(b"KEY", entry.stem.encode()))
    again = LessonCache(tmp_path / "cache")
    assert _summary(load_pack([few], root=few, cache=again)) == full
    assert again.hits == 0 and again.writes == cache.writes
    warm = LessonCache(tmp_path / "cache")
    assert _summary(load_pack([few], root=few, cache=warm)) == full
    assert warm.hits == cache.writes


def test_an_entry_copied_over_another_is_not_used(tmp_path: Path) -> None:
    """An entry renamed to another file's key (a foreign entry) is a miss, not that result."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.yaml")
    shutil.copy(FIXTURES / "bad" / "dead_end.yaml", folder / "bad.yaml")
    full = _summary(load_pack([folder], root=folder))
    cache = LessonCache(tmp_path / "cache")
    load_pack([folder], root=folder, cache=cache)
    first, second = _entries(cache)
    first_bytes = first.read_bytes()
    first.write_bytes(second.read_bytes())
    second.write_bytes(first_bytes)
    swapped = LessonCache(tmp_path / "cache")
    assert _summary(load_pack([folder], root=folder, cache=swapped)) == full
    assert swapped.hits == 0


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_special_files_in_the_cache_are_not_read(tmp_path: Path) -> None:
    """A folder or FIFO where an entry should be is a miss (the read never blocks)."""
    cache = LessonCache(tmp_path / "cache")
    load_pack([GOOD], cache=cache)
    (entry,) = _entries(cache)
    entry.unlink()
    os.mkfifo(entry)
    fifo = LessonCache(tmp_path / "cache")
    assert len(load_pack([GOOD], cache=fifo).lessons) == 1
    assert fifo.hits == 0


def test_unwritable_cache_changes_nothing(few: Path, tmp_path: Path) -> None:
    """A cache folder that cannot be made (a file is in its place): results as without cache."""
    blocker = tmp_path / "cache"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = LessonCache(blocker / "lessons")
    assert _summary(load_pack([few], root=few, cache=cache)) == _summary(
        load_pack([few], root=few)
    )
    assert cache.writes == 0 and cache.hits == 0


def test_cache_is_pruned_to_its_size_limit(corpus: Path, tmp_path: Path) -> None:
    """Over its limit, the entries used longest ago go first; stale temporary files go too."""
    folder = tmp_path / "cache"
    big = LessonCache(folder)
    load_pack([corpus], root=corpus, cache=big)
    entries = _entries(big)
    sizes = sum(path.stat().st_size for path in entries)
    old = time.time() - 3600
    for index, path in enumerate(entries):
        os.utime(path, (old + index, old + index))
    stale = folder / ".x.json.1234abcd.tmp"
    stale.write_text("half", encoding="utf-8")
    os.utime(stale, (old, old))
    small = LessonCache(folder, max_bytes=sizes // 2)
    small.writes = 1  # as if this run had stored something new
    small.prune()
    kept = _entries(small)
    assert sum(path.stat().st_size for path in kept) <= sizes // 2 * 0.8
    assert kept and kept == [path for path in entries if path in kept]
    assert entries[-1] in kept and entries[0] not in kept
    assert not stale.exists()


def test_entries_are_json_not_pickle(tmp_path: Path) -> None:
    """An entry is a JSON text with the lesson and problems (nothing that could run code)."""
    cache = LessonCache(tmp_path / "cache")
    load_pack([FIXTURES / "bad" / "dead_end.yaml", GOOD], cache=cache)
    for entry in _entries(cache):
        text = entry.read_text(encoding="utf-8")
        assert text.startswith('{"format": 1, "key": "') and entry.stem in text
    assert all(isinstance(p, Problem) for p in load_pack([GOOD], cache=cache).warnings)


def _cli_lint(tmp_path: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "game.cli", "lint", *args, str(FIXTURES / "bad" / "dead_end.yaml")],
        cwd=ROOT,
        env={**os.environ, "SIGNAL_SCOUTS_CACHE_DIR": str(tmp_path / "cache"), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_lint_command_uses_the_cache_unless_told_not_to(tmp_path: Path) -> None:
    """`lint` stores results in the cache folder; --no-cache and SIGNAL_SCOUTS_NO_CACHE don't."""
    entries = tmp_path / "cache" / "lessons"
    bypassed = _cli_lint(tmp_path, "--no-cache")
    by_env = _cli_lint(tmp_path, SIGNAL_SCOUTS_NO_CACHE="1")
    assert not entries.exists()
    cold = _cli_lint(tmp_path)
    assert len(list(entries.glob("*.json"))) == 1
    warm = _cli_lint(tmp_path)
    outputs = {(r.returncode, r.stdout) for r in (bypassed, by_env, cold, warm)}
    assert len(outputs) == 1 and bypassed.returncode == 1 and "dead_end.yaml:" in bypassed.stdout


def test_the_game_loads_the_same_lessons_from_its_cache(app, tmp_path: Path) -> None:
    """The game's loader with a cache folder: the second start reads every lesson from it."""
    full = _summary(app.load_lessons(lambda done, total: None))
    app.lesson_cache = tmp_path / "game-cache"
    cold = _summary(app.load_lessons(lambda done, total: None))
    stored = {path: path.stat().st_mtime_ns for path in app.lesson_cache.glob("*.json")}
    warm = _summary(app.load_lessons(lambda done, total: None))
    assert len(stored) == len(full[0]) > 10
    assert cold == full and warm == full
    assert {path: path.stat().st_mtime_ns for path in app.lesson_cache.glob("*.json")} == stored
