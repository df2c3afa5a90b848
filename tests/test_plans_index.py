"""The printables folder's index.html: every language in it, each lesson by its title there."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from game.cli import main
from game.content.loader import load_pack
from game.helplines import load_helplines
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.export import Exporter
from game.printing.index import MANIFEST, Entry, index_page, with_lessons
from game.printing.lesson_text import LessonText

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)
HELPLINES = PATHS.assets / "safety" / "helplines.yaml"


class Index(HTMLParser):
    """Per ``<section lang>``: direction, heading, list-item texts, lesson titles, links.

    Also the page's language, title and first heading (the page's own words).
    """

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.current: dict | None = None
        self.open: list[str] = []
        self.page: dict[str, str] = {"lang": "", "title": "", "h1": ""}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.open.append(f"{tag}.{found.get('class') or ''}")
        if tag == "html":
            self.page["lang"] = str(found.get("lang"))
        elif tag == "section":
            self.current = {"dir": found.get("dir"), "h2": "", "also": "", "items": []}
            self.current |= {"lessons": [], "links": []}
            self.sections[str(found.get("lang"))] = self.current
        elif self.current is not None and tag == "li":
            self.current["items"].append("")
        elif self.current is not None and tag == "span" and found.get("class") == "lesson":
            self.current["lessons"].append("")
        elif self.current is not None and tag == "a":
            self.current["links"].append(found.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.current = None
        while self.open and not self.open.pop().startswith(f"{tag}."):
            pass

    def handle_data(self, data: str) -> None:
        tags = [name.split(".")[0] for name in self.open]
        if self.current is None:
            for tag in ("title", "h1"):
                if tag in tags:
                    self.page[tag] += data
            return
        if "bdi" in tags and "h2" in tags:
            self.current["also"] += data
        elif "h2" in tags:
            self.current["h2"] += data.strip()
        if "li" in tags:
            self.current["items"][-1] += data
        if "span.lesson" in self.open:
            self.current["lessons"][-1] += data


def read_index(folder: Path) -> Index:
    """The parsed index.html of *folder*."""
    index = Index()
    index.feed((folder / "index.html").read_text(encoding="utf-8"))
    return index


def plans(folder: Path, language: str, lesson_id: str) -> None:
    """Run `signal-scouts plans` for one lesson and language, HTML only (fast)."""
    args = ["plans", "--lesson", lesson_id, "--lang", language, "--format", "html"]
    assert main([*args, "--out", str(folder)]) == 0


def test_one_run_per_language_into_one_folder_lists_every_language(tmp_path: Path) -> None:
    """Runs for English then Arabic list both, each lesson once by its title in that language."""
    first, second = PACK.lessons[0], PACK.lessons[-1]
    plans(tmp_path, "en", first.id)
    plans(tmp_path, "ar", first.id)
    plans(tmp_path, "en", second.id)  # a later run adds to a language, it does not replace it
    index = read_index(tmp_path)
    assert list(index.sections) == ["en", "ar"]  # the last run's language first
    assert index.sections["ar"]["dir"] == "rtl" and index.sections["en"]["dir"] == "ltr"
    assert index.sections["ar"]["h2"] == "العربية" and index.sections["en"]["h2"] == "English"
    assert index.sections["ar"]["also"] == "(Arabic)" and index.sections["en"]["also"] == ""
    for language, lessons in (("en", (first, second)), ("ar", (first,))):
        tr = Translator(language, PATHS.locales)
        section = index.sections[language]
        titles = [LessonText(lesson, tr).title for lesson in lessons]
        assert section["lessons"] == titles  # each lesson once, by its title there
        for lesson, title, item in zip(lessons, titles, section["items"], strict=True):
            kind = tr._("Lesson plan: {title}").format(title="").strip(" :\u00a0\u202f")
            assert item.startswith(title) and kind in item, (language, item)
            for name in ("plan", "family"):
                assert f"{language}/{lesson.id}-{name}.html" in section["links"]
    ar = Translator("ar", PATHS.locales)
    assert ar._("Lesson plan: {title}") != "Lesson plan: {title}"  # really translated
    assert (tmp_path / "ar" / MANIFEST).is_file()


def test_index_leaves_out_files_that_are_gone(tmp_path: Path) -> None:
    """A document deleted from the folder disappears from the index at the next export."""
    first, second = PACK.lessons[0], PACK.lessons[1]
    plans(tmp_path, "fr", first.id)
    (tmp_path / "fr" / f"{first.id}-plan.html").unlink()
    plans(tmp_path, "fr", second.id)
    links = read_index(tmp_path).sections["fr"]["links"]
    assert f"fr/{first.id}-plan.html" not in links
    assert f"fr/{first.id}-family.html" in links and f"fr/{second.id}-plan.html" in links


class Marked:
    """A stand-in UI translator for *language* that marks every word it translates."""

    def __init__(self, language: str) -> None:
        self.language = language

    def _(self, message: str) -> str:
        return f"[{self.language}] {message}"


def test_page_words_are_in_the_ui_language_and_its_section_comes_first(tmp_path: Path) -> None:
    """The title, heading and language list go through the UI translator; its language leads."""
    lesson = PACK.lessons[0]
    plans(tmp_path, "en", lesson.id)
    plans(tmp_path, "fr", lesson.id)
    page = index_page(tmp_path, Marked("fr"))
    index = Index()
    index.feed(page)
    assert index.page["lang"] == "fr" and 'dir="ltr"' in page
    assert index.page["title"] == index.page["h1"] == "[fr] Signal Scouts printables"
    assert "[fr] Languages in this folder:" in page and "[fr] Every lesson" in page
    assert list(index.sections) == ["fr", "en"]
    assert index.sections["en"]["also"] == "(Anglais)"  # English named in French too
    assert index.sections["fr"]["also"] == ""
    rtl = Index()
    rtl.feed(index_page(tmp_path, Marked("ar")))
    assert rtl.page["lang"] == "ar" and list(rtl.sections) == ["en", "fr"]
    assert 'dir="rtl"' in index_page(tmp_path, Marked("ar")).split("<head>")[0]


def test_the_game_writes_the_index_in_its_own_language(tmp_path: Path) -> None:
    """An export from an Arabic game writes an Arabic page even when saving English plans."""
    exporter = Exporter(PACK.lessons, PATHS.fonts, PATHS.locales, load_helplines(HELPLINES), "US")
    exporter.write(tmp_path, ["en"], [PACK.lessons[0].id], ("html",), ui_language="ar")
    assert read_index(tmp_path).page["lang"] == "ar"
    exporter.write(tmp_path, ["en"], [PACK.lessons[0].id], ("html",))
    assert read_index(tmp_path).page["lang"] == "en"  # default: the first language saved


def test_a_manifest_from_an_older_version_is_still_listed(tmp_path: Path) -> None:
    """Documents listed without their lesson (an older manifest) keep one item each."""
    folder = tmp_path / "de"
    folder.mkdir()
    (folder / "a-plan.html").write_text("<p>plan</p>")
    (folder / MANIFEST).write_text(
        '{"language": "de", "documents": '
        '[{"name": "a-plan", "title": "Unterrichtsplan: A", "formats": ["html"]}]}'
    )
    index = Index()
    index.feed(index_page(tmp_path))
    assert index.sections["de"]["items"] == ["Unterrichtsplan: AHTML"]
    assert index.sections["de"]["lessons"] == [] and index.page["lang"] == "en"


def test_documents_are_filed_under_the_lesson_their_name_starts_with() -> None:
    """The longest lesson id that starts a file name wins; other files stay on their own."""
    short, long = PACK.lessons[0], PACK.lessons[1]
    fake_long = long.model_copy(update={"id": f"{short.id}-more"})
    entries = [
        Entry(f"{short.id}-more-plan", "Lesson plan: Longer", ("pdf",)),
        Entry(f"{short.id}-family", "Family letter: Short", ("pdf",)),
        Entry("curriculum-book", "Curriculum book", ("pdf",)),
    ]
    titles = {short.id: "Short", fake_long.id: "Longer"}
    filed = with_lessons(entries, [short, fake_long], lambda x: titles[x.id])
    assert [(e.lesson, e.lesson_title, e.kind) for e in filed] == [
        (fake_long.id, "Longer", "Lesson plan"),
        (short.id, "Short", "Family letter"),
        ("", "", ""),
    ]
