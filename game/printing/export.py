"""Write lesson plans, family packs and the curriculum book to a folder.

Used by ``signal-scouts plans`` and by the teacher screen's "Make lesson plans"
button. Files go to ``OUT/<language>/``; every write is atomic, and an
``index.html`` in ``OUT`` links every document of every language in the folder,
including those of earlier exports (see :mod:`game.printing.index`).
"""

from __future__ import annotations

from collections.abc import Callable
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


@dataclass
class ExportResult:
    """What an export wrote, per language."""

    out: Path
    files: dict[str, list[Path]] = field(default_factory=dict)

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
    ) -> ExportResult:
        """Write plans and family packs (and the book, for all lessons) for each language.

        *progress* is called with (files written, files to write) before each file.
        The index page's own words are in *ui_language* (default: the first language).
        """
        lessons = [x for x in self.lessons if lesson_ids is None or x.id in lesson_ids]
        country = self.helplines.for_country(self.country)
        with_book = lesson_ids is None and len(lessons) > 1
        total = len(languages) * (2 * len(lessons) + with_book) * len(formats)
        total += len(languages) * handout_count(lessons) * ("pdf" in formats)
        result = ExportResult(out)
        ui = self.translator(ui_language or (languages or ["en"])[0])
        for language in languages:
            tr = self.translator(language)
            docs: list[tuple[str, Document]] = []
            for lesson in lessons:
                docs.append((f"{lesson.id}-plan", plan_document(lesson, tr, country)))
                docs.append((f"{lesson.id}-family", family_document(lesson, tr, country)))
            if with_book:
                docs.append(("curriculum-book", curriculum_document(lessons, tr, country)))
            written = result.files.setdefault(language, [])
            for name, doc in docs:
                for fmt in formats:
                    path = out / language / f"{name}.{fmt}"
                    if progress:
                        progress(result.count, total)
                    write_document(path, self.render(doc, fmt))
                    written.append(path)
            # Handouts and posters are for printing: PDF only (cards need crop marks).
            handouts = handout_documents(lessons, tr, story_picture) if "pdf" in formats else []
            for name, doc in handouts:
                path = out / language / f"{name}.pdf"
                if progress:
                    progress(result.count, total)
                write_document(path, self.render(doc, "pdf"))
                written.append(path)
            entries = [Entry(name, doc.title, formats) for name, doc in docs]
            entries += [Entry(name, doc.title, ("pdf",)) for name, doc in handouts]
            entries = with_lessons(entries, lessons, lambda x, tr=tr: LessonText(x, tr).title)
            update_index(out, language, entries, ui)
        return result

    def render(self, doc: Document, fmt: str) -> str | bytes:
        """*doc* as a PDF (bytes) or HTML page (text)."""
        return render_document(doc, fmt, self.font_dir)


def render_document(doc: Document, fmt: str, font_dir: Path) -> str | bytes:
    """*doc* as a PDF (bytes, fonts from *font_dir*) or an HTML page (text)."""
    if fmt == "pdf":
        from game.printing.pdf import render_pdf

        return render_pdf(doc, font_dir)
    from game.printing.html import render_html

    return render_html(doc)
