"""Hostile and broken lesson files: each is one located problem, and the other lessons load.

Every class of file that once crashed, froze or exhausted the lint and the game has a
file here (``tests/fixtures/bad_hostile/``, each starting ``# expect: line:col: message``)
or is made at test time (FIFOs, links to ``/dev/zero``, huge files, unreadable folders).
Each is checked through the lint command and through the loader the game uses.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from game.content import loader as loader_module
from game.content.lint_command import run_lint
from game.content.loader import load_pack
from game.content.problems import MAX_MESSAGE_CHARS, Problem
from game.content.source import MAX_LESSON_BYTES

FIXTURES = Path(__file__).parent / "fixtures"
GOOD = FIXTURES / "good" / "minimal.yaml"
HOSTILE = sorted((FIXTURES / "bad_hostile").glob("*.yaml"))
ROOT = Path(__file__).resolve().parent.parent


def _expectation(path: Path) -> tuple[str, str]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{path.name} must start with '# expect: ...'"
    where, message = first.removeprefix("# expect: ").split(": ", 1)
    return where, message


def _folder_with(tmp_path: Path, *files: Path) -> Path:
    """A lesson folder holding the good lesson (as good.yaml) and copies of *files*."""
    folder = tmp_path / "lessons"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.yaml")
    for file in files:
        shutil.copy(file, folder / file.name)
    return folder


def _lint(folder: Path) -> tuple[int, str]:
    out = io.StringIO()
    code = run_lint([folder], out)
    return code, out.getvalue()


@pytest.mark.parametrize("path", HOSTILE, ids=[p.stem for p in HOSTILE])
def test_hostile_file_is_one_located_problem(path: Path, tmp_path: Path) -> None:
    """Lint prints the problem at file:line:col within a second; the good file still loads."""
    where, message = _expectation(path)
    folder = _folder_with(tmp_path, path)
    started = time.perf_counter()
    code, printed = _lint(folder)
    assert time.perf_counter() - started < 1.0
    assert code == 1
    assert f"lessons/{path.name}:{where}: {message}" in printed.replace(os.sep, "/"), printed
    assert "2 lesson file(s) checked: 1 error(s)" in printed
    assert all(len(line) < MAX_MESSAGE_CHARS + 200 for line in printed.splitlines())
    pack = load_pack([folder], root=folder)
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    printed_by_loader = [str(p) for f in pack.failures for p in f.problems]
    assert len(printed_by_loader) == 1
    assert printed_by_loader[0].startswith(f"{path.name}:{where}: {message}")


def test_billion_laughs_is_refused_before_any_expansion(tmp_path: Path) -> None:
    """A 9-level alias bomb (387 million strings) is refused in well under a second."""
    bomb = FIXTURES / "bad_hostile" / "billion_laughs.yaml"
    assert bomb.stat().st_size < 1000
    started = time.perf_counter()
    pack = load_pack([_folder_with(tmp_path, bomb)], root=tmp_path)
    assert time.perf_counter() - started < 0.5
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    assert "an anchor ('&a') is not used in lesson files" in str(pack.failures[0])


def test_the_game_starts_with_hostile_lessons(tmp_path: Path, paths, data_dir: Path) -> None:
    """The game's own lesson loading keeps the good lesson and lists every hostile file."""
    import pygame

    from game.app import App
    from game.paths import ContentPaths

    folder = _folder_with(tmp_path, *HOSTILE)
    content = ContentPaths(lessons=folder, assets=paths.assets, locales=paths.locales)
    game = App(
        content,
        size=(1280, 720),
        data_folder=data_dir,
        print_folder=tmp_path / "printables",
        fullscreen=False,
        sound=False,
    )
    try:
        pack = game.pack
        assert [lesson.id for lesson in pack.lessons] == ["tiny"]
        assert sorted(f.path.name for f in pack.failures) == sorted(p.name for p in HOSTILE)
    finally:
        pygame.quit()


def _special_folder(tmp_path: Path) -> Path:
    """A lesson folder with a FIFO, a link to /dev/zero and a file over the size limit."""
    folder = _folder_with(tmp_path)
    os.mkfifo(folder / "pipe.yaml")
    os.symlink("/dev/zero", folder / "zero.yaml")
    with (folder / "huge.yaml").open("w", encoding="utf-8") as stream:
        stream.write("id: huge\nteacher_notes: |\n")
        line = "  " + "a" * 97 + "\n"
        stream.write(line * (MAX_LESSON_BYTES // len(line) + 1))
    return folder


SPECIAL = {
    "pipe.yaml": "pipe.yaml:1:1: this is a pipe (FIFO), not an ordinary file, so it is not read",
    "zero.yaml": "zero.yaml:1:1: this is a device, not an ordinary file, so it is not read",
    "huge.yaml": "huge.yaml:1:1: this file is 2.0 MB, over the 2 MB limit for one lesson",
}


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX")
def test_special_files_are_not_read_by_lint(tmp_path: Path) -> None:
    """`signal-scouts lint` neither hangs on a FIFO nor reads /dev/zero; each is one problem."""
    import resource

    folder = _special_folder(tmp_path)

    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))

    result = subprocess.run(  # noqa: S603 - our own command, fixed arguments
        [sys.executable, "-m", "game.cli", "lint", str(folder)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        preexec_fn=limit_memory,  # noqa: PLW1509 - no threads in this test process part
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    assert result.returncode == 1, result.stderr[-2000:]
    for expected in SPECIAL.values():
        assert f"lessons/{expected}" in result.stdout, result.stdout
    assert "4 lesson file(s) checked: 3 error(s)" in result.stdout


@pytest.mark.skipif(not hasattr(os, "mkfifo") or not Path("/dev/zero").exists(), reason="POSIX")
def test_special_files_are_not_read_by_the_loader(tmp_path: Path) -> None:
    """The game's loader finishes (no hang on a FIFO) and keeps the good lesson."""
    folder = _special_folder(tmp_path)
    result: list = []
    worker = threading.Thread(target=lambda: result.append(load_pack([folder], root=folder)))
    worker.daemon = True
    worker.start()
    worker.join(timeout=20)
    if worker.is_alive():  # release a reader stuck on the FIFO, then fail
        os.close(os.open(folder / "pipe.yaml", os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("loading lessons hangs on a FIFO")
    pack = result[0]
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    printed = sorted(str(p) for f in pack.failures for p in f.problems)
    assert [any(e in line for line in printed) for e in SPECIAL.values()] == [True] * 3


def test_unreadable_folder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A subfolder that cannot be opened is an error naming it, never a silent pass."""
    folder = _folder_with(tmp_path)
    private = folder / "private"
    private.mkdir()
    shutil.copy(GOOD, private / "other.yaml")
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:
        if Path(os.fsdecode(path)).name == private.name:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.chdir(tmp_path)
    code, printed = _lint(Path("lessons"))
    assert code == 1
    assert (
        "lessons/private: cannot open this folder (permission denied), so the lessons in it "
        "were not checked" in printed.replace(os.sep, "/")
    ), printed
    pack = load_pack([folder], root=folder)
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    assert str(pack.failures[0]).startswith("private: cannot open this folder")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any folder")
def test_unreadable_folder_is_reported_for_real(tmp_path: Path) -> None:
    """The same with real permissions (chmod 000), where the user is not root."""
    folder = _folder_with(tmp_path)
    private = folder / "private"
    private.mkdir()
    private.chmod(0)
    try:
        pack = load_pack([folder], root=folder)
    finally:
        private.chmod(0o755)
    assert "private: cannot open this folder (permission denied)" in str(pack.failures[0])


def test_permission_denied_file_hint(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unreadable file says so, with a fix that fits (not "save it as UTF-8")."""
    folder = _folder_with(tmp_path)
    locked = folder / "locked.yaml"
    shutil.copy(GOOD, locked)
    real_open = os.open

    def deny(path: object, *args: object, **kwargs: object) -> int:
        if Path(os.fsdecode(path)) == locked:  # type: ignore[arg-type]
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", deny)
    pack = load_pack([folder], root=folder)
    message = str(pack.failures[0])
    assert message.startswith("locked.yaml:1:1: cannot read the file (permission denied)")
    assert "UTF-8" not in message


def test_not_utf8_is_located(tmp_path: Path) -> None:
    """A file in another encoding names the line and column of the first byte it cannot read."""
    folder = _folder_with(tmp_path)
    (folder / "latin1.yaml").write_bytes("id: x\ntitle: Caf\xe9\n".encode("latin-1"))
    pack = load_pack([folder], root=folder)
    assert str(pack.failures[0]).startswith("latin1.yaml:2:11: this file is not UTF-8 text")


def _chain(steps: int, *, help_route: bool) -> str:
    """A valid lesson whose story is one chain of *steps* chat steps."""
    head, _old_steps = GOOD.read_text(encoding="utf-8").split("steps:\n")
    lines = [head.replace("pause_after: ask", "pause_after: s0"), "steps:\n"]
    for index in range(steps - 1):
        lines.append(
            f"  - {{id: s{index}, messages: [{{id: m{index}, text: Step s{index}.}}], "
            f"next: s{index + 1}}}\n"
        )
    skills = "R12, R13, R14" if help_route else "R13, R14"
    last = steps - 1
    lines.append(
        f"  - {{id: s{last}, messages: [{{id: m{last}, from: scout, text: You tell your dad.}}], "
        f"skills: [{skills}], end: true}}\n"
    )
    text = "".join(lines).replace("tactics_covered: [T16]", "tactics_covered: []")
    return text.replace("tactic: T16, ", "")


def test_five_thousand_step_chain_lints_fast(tmp_path: Path) -> None:
    """A valid 5,000-step story lints clean in well under a second (linear graph checks)."""
    lesson = tmp_path / "chain.yaml"
    lesson.write_text(_chain(5000, help_route=True), encoding="utf-8")
    started = time.process_time()
    code, printed = _lint(lesson)
    assert time.process_time() - started < 1.5
    assert code == 0, printed[-3000:]


def test_thousands_of_broken_references_lint_fast(tmp_path: Path) -> None:
    """5,000 steps whose every 'next:' points nowhere: checked in seconds, output capped."""
    lesson = tmp_path / "chain.yaml"
    text = _chain(5000, help_route=True)
    lesson.write_text(re.sub(r"next: s(\d+)\}", r"next: x\1}", text), encoding="utf-8")
    started = time.process_time()
    code, printed = _lint(lesson)
    assert time.process_time() - started < 3.0
    assert code == 1
    assert len(printed.splitlines()) <= 102


def test_long_path_message_is_capped(tmp_path: Path) -> None:
    """A 5,000-step path without the help route is named by its ends, the rest counted."""
    lesson = tmp_path / "chain.yaml"
    lesson.write_text(_chain(5000, help_route=False), encoding="utf-8")
    code, printed = _lint(lesson)
    assert code == 1
    line = next(x for x in printed.splitlines() if "without the help route" in x)
    assert "s0 -> s1 -> s2 -> s3 -> s4 -> s5 -> …and 4,988 more steps… -> s4994" in line
    assert len(line) < 500


def test_wrong_typed_huge_list_prints_a_short_message(tmp_path: Path) -> None:
    """A 2 MB list where text belongs prints a few short lines, not two million characters."""
    text = GOOD.read_text(encoding="utf-8")
    items = ", ".join(["x" * 95] * 20_000)
    big = tmp_path / "big.yaml"
    big.write_text(text.replace("title: Tiny lesson", f"title: [{items}]"), encoding="utf-8")
    many = tmp_path / "many.yaml"
    numbers = ", ".join(str(n) for n in range(20_000))
    many.write_text(
        text.replace("objectives: [Spot pressure.]", f"objectives: [{numbers}]"), encoding="utf-8"
    )
    assert big.stat().st_size < MAX_LESSON_BYTES < big.stat().st_size * 1.5
    code, printed = _lint(tmp_path)
    assert code == 1
    assert len(printed) < 60_000
    assert max(len(line) for line in printed.splitlines()) < MAX_MESSAGE_CHARS + 100
    assert "big.yaml:3:8: title: input should be a valid string (got ['xxxxxxxx" in printed
    assert "…and 19,950 more values that do not fit the lesson format" in printed


def test_one_file_failing_unexpectedly_does_not_stop_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Any other failure while checking one file becomes that file's problem."""
    folder = _folder_with(tmp_path)
    shutil.copy(GOOD, folder / "other.yaml")
    (folder / "other.yaml").write_text(
        GOOD.read_text(encoding="utf-8").replace("id: tiny", "id: other"), encoding="utf-8"
    )
    real = loader_module.lint_lesson

    def flaky(lesson, *args, **kwargs):  # noqa: ANN001, ANN202 - mirrors lint_lesson
        if lesson.id == "other":
            raise RecursionError("maximum recursion depth exceeded")
        return real(lesson, *args, **kwargs)

    monkeypatch.setattr(loader_module, "lint_lesson", flaky)
    pack = load_pack([folder], root=folder)
    assert [lesson.id for lesson in pack.lessons] == ["tiny"]
    assert str(pack.failures[0]).startswith(
        "other.yaml:1:1: this file could not be checked (RecursionError: maximum recursion"
    )


def test_messages_are_capped() -> None:
    """A message of two million characters keeps its start and its fix, under the cap."""
    problem = Problem("x.yaml", 1, 1, "start " + "x" * 2_000_000 + " fix it like this")
    assert len(problem.message) <= MAX_MESSAGE_CHARS + 60
    assert problem.message.startswith("start xxx")
    assert problem.message.endswith("fix it like this")
    assert "characters left out" in problem.message
