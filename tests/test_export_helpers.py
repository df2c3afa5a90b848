"""A large export renders its documents in helper processes, with the same result as alone."""

from __future__ import annotations

import re
import runpy
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from game.content.loader import load_pack
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing import export
from game.printing.export import POOL_FROM, Job, render_all, render_document
from game.printing.family import family_document

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
COUNTRY = load_helplines(PATHS.assets / "safety" / "helplines.yaml").for_country("US")


def _jobs(tmp_path: Path, count: int) -> list[Job]:
    """*count* family packs (Arabic and English, PDF and HTML, lessons in turn)."""
    jobs: list[Job] = []
    translators = [Translator("ar", PATHS.locales), Translator("en", PATHS.locales)]
    for index in range(count):
        lesson = PACK.lessons[index % len(PACK.lessons)]
        tr = translators[index % 2]
        fmt = "pdf" if index % 3 else "html"
        jobs.append((tmp_path / f"{index}.{fmt}", family_document(lesson, tr, COUNTRY), fmt))
    return jobs


def _same_file(data: str | bytes) -> str | bytes:
    """*data* without the moment it was made (a PDF's creation date, and the ID made from it)."""
    if isinstance(data, bytes):
        return re.sub(rb"/CreationDate \(D:[^)]*\)|/ID \[<[0-9A-F]+><[0-9A-F]+>\]", b"", data)
    return data


def test_helpers_render_exactly_what_this_process_renders(tmp_path: Path) -> None:
    """Two helper processes give every job the same file as rendering it alone."""
    jobs = _jobs(tmp_path, POOL_FROM)
    alone = [_same_file(render_document(doc, fmt, PATHS.fonts)) for _p, doc, fmt in jobs]
    rendered = list(render_all(jobs, PATHS.fonts, helpers=2))
    assert all(by_helper for _index, _data, by_helper in rendered)
    assert sorted(index for index, _data, _by in rendered) == list(range(len(jobs)))
    helped = {index: _same_file(data) for index, data, _by_helper in rendered}
    assert [helped[index] for index in range(len(jobs))] == alone
    assert any(isinstance(data, bytes) for data in helped.values())  # PDFs among them


def test_without_helpers_the_export_still_renders_everything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A computer that cannot start helper processes renders every document itself."""
    started: list[int] = []

    def no_processes(*_args: object, **_kwargs: object) -> ProcessPoolExecutor:
        started.append(1)
        raise PermissionError("no semaphores in this sandbox")

    monkeypatch.setattr(export, "ProcessPoolExecutor", no_processes)
    jobs = _jobs(tmp_path, POOL_FROM)
    rendered = list(render_all(jobs, PATHS.fonts, helpers=2))
    assert started and len(rendered) == len(jobs)
    assert not any(by_helper for _index, _data, by_helper in rendered)
    assert [index for index, _data, _by in rendered] == list(range(len(jobs)))  # in order
    assert rendered[1][1].startswith(b"%PDF")  # type: ignore[arg-type]


def test_a_small_export_needs_no_helpers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One lesson's plan and family pack are rendered here: starting helpers costs more."""

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a small export started helper processes")

    monkeypatch.setattr(export, "ProcessPoolExecutor", refuse)
    monkeypatch.setattr(export, "_cores", lambda: 4)
    assert len(list(render_all(_jobs(tmp_path, POOL_FROM - 1), PATHS.fonts))) == POOL_FROM - 1


def test_a_helper_importing_the_game_module_does_not_start_the_game(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``python -m game`` runs the game only as the main program, not in a helper process."""
    import game.cli

    def must_not_run(*_args: object) -> int:
        raise AssertionError("the game started inside a helper process")

    monkeypatch.setattr(game.cli, "main", must_not_run)
    runpy.run_module("game.__main__", run_name="__mp_main__")  # what a helper does
    with pytest.raises(AssertionError, match="helper process"):
        runpy.run_module("game.__main__", run_name="__main__")


def _book_jobs(tmp_path: Path, count: int) -> list[Job]:
    """*count* Arabic curriculum books: each keeps a helper busy for many seconds."""
    from game.printing.plan import curriculum_document

    book = curriculum_document(PACK.lessons, Translator("ar", PATHS.locales), COUNTRY)
    return [(tmp_path / f"book-{index}.pdf", book, "pdf") for index in range(count)]


def _helpers_started(timeout: float = 60) -> list[Any]:
    """The helper processes of the one pool rendering now, once they have all started."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pools = list(export._POOLS)
        processes = list((getattr(pools[0], "_processes", None) or {}).values()) if pools else []
        if len(processes) == 2 and all(p.is_alive() for p in processes):
            return processes
        time.sleep(0.05)
    raise AssertionError("the helpers never started")


def _all_ended(processes: list[Any], seconds: float = 10) -> bool:
    """Whether every process has ended within *seconds* (killed: gone in a moment).

    Polled, not joined: the pool's own thread may reap a process at the same moment, and
    then one look can still say "alive" (the exit code arrives a moment later).
    """
    deadline = time.monotonic() + seconds
    while any(process.is_alive() for process in processes):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_closing_the_game_ends_the_helpers_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """stop_helpers() (the game closing mid-save) ends the helpers and the save at once."""
    monkeypatch.setattr(export, "_CLOSING", threading.Event())
    jobs = _book_jobs(tmp_path, POOL_FROM)
    rendered: list[int] = []
    saving = threading.Thread(
        target=lambda: rendered.extend(i for i, _d, _h in render_all(jobs, PATHS.fonts, 2)),
        daemon=True,
    )
    saving.start()
    processes = _helpers_started()
    export.stop_helpers()
    saving.join(timeout=15)  # a book alone takes longer than this to lay out
    assert not saving.is_alive(), "the save went on after the game closed"
    assert _all_ended(processes)
    assert len(rendered) < len(jobs)  # nothing more was rendered in this process either
    assert not export._POOLS


def test_a_stopped_export_does_not_wait_for_its_helpers(tmp_path: Path) -> None:
    """Leaving an export early (an error or Ctrl+C in `plans`) ends helpers still laying out."""
    jobs = _book_jobs(tmp_path, 2) + _jobs(tmp_path, 6)  # two slow books, six quick packs
    documents = render_all(jobs, PATHS.fonts, helpers=3)
    first, _data, by_helper = next(documents)  # a quick pack, while two helpers lay out books
    assert by_helper and first >= 2
    processes = list(next(iter(export._POOLS))._processes.values())  # type: ignore[union-attr]
    busy = [process for process in processes if process.is_alive()]
    began = time.monotonic()
    documents.close()  # as an exception or Ctrl+C leaving the loop does
    assert _all_ended(busy)
    assert time.monotonic() - began < 10  # a book takes far longer: nobody waited for it
    assert not export._POOLS
