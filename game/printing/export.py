"""Write lesson plans, family packs and the curriculum book to a folder.

Used by ``signal-scouts plans`` and by the teacher screen's "Make lesson plans"
button. Files go to ``OUT/<language>/``; every write is atomic, and an
``index.html`` in ``OUT`` links every document of every language in the folder,
including those of earlier exports (see :mod:`game.printing.index`).

Laying out a PDF is pure Python (fpdf2) and takes most of a second, so a large export
renders its documents in helper processes, one per core (:func:`render_all`); the files
are still written here, each as it is ready, atomically. A computer that cannot start
helpers (a locked-down account, a sandbox) renders them all in this process instead.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from game.content.model import Lesson
from game.helplines import Helplines
from game.i18n import Translator
from game.printing.document import Document
from game.printing.family import family_document
from game.printing.handout_pictures import story_picture
from game.printing.handouts import handout_count, handout_documents
from game.printing.index import Entry, update_index, with_lessons
from game.printing.lesson_text import LessonText
from game.printing.plan import curriculum_document, plan_document
from game.storage import write_document

FORMATS = ("pdf", "html")
#: An export of fewer documents than this is rendered in this process (starting the
#: helpers costs about a second; one lesson's plan and family pack are quicker alone).
POOL_FROM = 8
#: One document to render: where it goes, what it is, and as what ("pdf" or "html").
Job = tuple[Path, Document, str]
#: The helper pools rendering now (so :func:`stop_helpers` can end them).
_POOLS: set[ProcessPoolExecutor] = set()
#: Set when the game closes: no export starts helpers or renders anything more.
_CLOSING = threading.Event()


@dataclass
class ExportResult:
    """What an export wrote, per language."""

    out: Path
    files: dict[str, list[Path]] = field(default_factory=dict)
    #: How many of the files helper processes rendered (0: all rendered in this process).
    by_helpers: int = 0

    @property
    def count(self) -> int:
        """Number of files written (the index not counted)."""
        return sum(len(v) for v in self.files.values())


@dataclass(frozen=True)
class Exporter:
    """Everything an export needs, passed in (lessons, fonts, catalogs, help lines)."""

    lessons: list[Lesson]
    font_dir: Path
    localedir: Path
    helplines: Helplines
    country: str

    def translator(self, language: str) -> Translator:
        """A translator for *language* (separate from the running game's)."""
        return Translator(language, self.localedir)

    def write(
        self,
        out: Path,
        languages: list[str],
        lesson_ids: list[str] | None = None,
        formats: tuple[str, ...] = FORMATS,
        progress: Callable[[int, int], None] | None = None,
        ui_language: str | None = None,
        *,
        handouts: bool = True,
    ) -> ExportResult:
        """Write plans and family packs (and the book, for all lessons) for each language.

        *handouts* False leaves out the handouts and posters (the benchmark times plans
        and family packs on their own).

        *progress* is called with (files written, files to write): once before the first
        file and after each one.
        The index page's own words are in *ui_language* (default: the first language).
        """
        lessons = [x for x in self.lessons if lesson_ids is None or x.id in lesson_ids]
        country = self.helplines.for_country(self.country)
        with_book = lesson_ids is None and len(lessons) > 1
        total = len(languages) * (2 * len(lessons) + with_book) * len(formats)
        with_handouts = handouts and "pdf" in formats
        total += len(languages) * handout_count(lessons) * with_handouts
        result = ExportResult(out)
        ui = self.translator(ui_language or (languages or ["en"])[0])
        jobs: list[Job] = []
        indexes: list[tuple[str, list[Entry]]] = []
        for language in languages:
            result.files.setdefault(language, [])
            tr = self.translator(language)
            docs: list[tuple[str, Document]] = []
            for lesson in lessons:
                docs.append((f"{lesson.id}-plan", plan_document(lesson, tr, country)))
                docs.append((f"{lesson.id}-family", family_document(lesson, tr, country)))
            if with_book:
                docs.append(("curriculum-book", curriculum_document(lessons, tr, country)))
            jobs += [
                (out / language / f"{name}.{fmt}", doc, fmt)
                for name, doc in docs
                for fmt in formats
            ]
            # Handouts and posters are for printing: PDF only (cards need crop marks).
            cards = handout_documents(lessons, tr, story_picture) if with_handouts else []
            jobs += [(out / language / f"{name}.pdf", doc, "pdf") for name, doc in cards]
            entries = [Entry(name, doc.title, formats) for name, doc in docs]
            entries += [Entry(name, doc.title, ("pdf",)) for name, doc in cards]
            entries = with_lessons(entries, lessons, lambda x, tr=tr: LessonText(x, tr).title)
            indexes.append((language, entries))
        if progress:
            progress(0, total)
        for index, data, helped in render_all(jobs, self.font_dir):
            path = jobs[index][0]
            write_document(path, data)
            result.by_helpers += helped
            result.files[path.parent.name].append(path)
            if progress:
                progress(result.count, total)
        for language, entries in indexes:
            update_index(out, language, entries, ui)
        return result


def render_document(doc: Document, fmt: str, font_dir: Path) -> str | bytes:
    """*doc* as a PDF (bytes, fonts from *font_dir*) or an HTML page (text)."""
    if fmt == "pdf":
        from game.printing.pdf import render_pdf

        return render_pdf(doc, font_dir)
    from game.printing.html import render_html

    return render_html(doc)


def render_all(
    jobs: list[Job], font_dir: Path, helpers: int | None = None
) -> Iterator[tuple[int, str | bytes, bool]]:
    """Render every job; yield (its index in *jobs*, the document, whether a helper did it).

    With more than one core and at least ``POOL_FROM`` jobs the documents are rendered
    in *helpers* processes (default: one per core the game may use), started fresh
    ("spawn": never a copy of this process, its window or its threads), the longest
    first (the curriculum book alone takes as long as many plans), each yielded as soon
    as it is ready. If the helpers cannot start or stop working, what is left is
    rendered here, in order. Stopped early (the game closing, see :func:`stop_helpers`,
    or Ctrl+C), the helpers are ended at once rather than waited for.
    """
    if helpers is None:
        helpers = _cores() if len(jobs) >= POOL_FROM else 1
    left = dict.fromkeys(range(len(jobs)))  # indexes not yet yielded, in order
    if helpers > 1 and not _CLOSING.is_set():
        try:
            pool = ProcessPoolExecutor(helpers, mp_context=multiprocessing.get_context("spawn"))
        except OSError:  # no semaphores or processes here
            pool = None
        if pool is not None:
            _POOLS.add(pool)
            finished = False
            try:
                for index, data in _with_helpers(pool, helpers, jobs, font_dir):
                    del left[index]
                    yield index, data, True
                finished = True
            except (BrokenProcessPool, OSError, RuntimeError):
                pass  # the helpers stopped (or were ended): render the rest here
            finally:
                _POOLS.discard(pool)
                if finished:
                    pool.shutdown(wait=True)
                else:
                    _end(pool)
    for index in list(left):
        if _CLOSING.is_set():
            return
        _path, doc, fmt = jobs[index]
        yield index, render_document(doc, fmt, font_dir), False


def stop_helpers() -> None:
    """End every export's helper processes now and render nothing more (the game is closing).

    Python would otherwise wait, as it exits, for the documents the helpers are laying
    out (a curriculum book takes many seconds): the window would close but the game
    would go on running.
    """
    _CLOSING.set()
    for pool in list(_POOLS):
        _end(pool)


def _end(pool: ProcessPoolExecutor) -> None:
    """Drop *pool*'s waiting documents and end its processes without waiting for them."""
    # (Python 3.14 has pool.terminate_workers(); before it, only the private list; taken
    # first, as shutdown() forgets it)
    processes = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()


def _with_helpers(
    pool: ProcessPoolExecutor, helpers: int, jobs: list[Job], font_dir: Path
) -> Iterator[tuple[int, str | bytes]]:
    """Hand the jobs to *pool*, longest first, a few ahead; yield (index, document) as ready."""
    sizes = [len(pickle.dumps(doc)) for _path, doc, _fmt in jobs]  # text, roughly
    queue = iter(sorted(range(len(jobs)), key=lambda index: -sizes[index]))
    running: dict[Future[str | bytes], int] = {}
    while True:
        while len(running) < 2 * helpers and (index := next(queue, None)) is not None:
            _path, doc, fmt = jobs[index]
            running[pool.submit(render_document, doc, fmt, font_dir)] = index
        if not running:
            return
        ready, _ = wait(running, return_when=FIRST_COMPLETED)
        for future in ready:
            index = running.pop(future)
            yield index, future.result()


def _cores() -> int:
    """How many cores this process may use."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1
