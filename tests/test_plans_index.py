"""The printables folder's index.html lists every language exported into it, titles translated."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from game.cli import main
from game.content.loader import load_pack
from game.i18n import Translator
from game.paths import ContentPaths
from game.printing.index import MANIFEST

PATHS = ContentPaths.discover()
PACK = load_pack([PATHS.lessons], root=PATHS.lessons.parent)


class Index(HTMLParser):
    """Per ``<section lang>``: its direction, heading, list-item texts and link targets."""

    def __init__(self) -> None:
        super().__init__()
        self.sections: dict[str, dict] = {}
        self.current: dict | None = None
        self.tag = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tag = tag
        if tag == "section":
            self.current = {"dir": found.get("dir"), "h2": "", "items": [], "links": []}
            self.sections[str(found.get("lang"))] = self.current
        elif self.current is not None and tag == "li":
            self.current["items"].append("")
        elif self.current is not None and tag == "a":
            self.current["links"].append(found.get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "section":
            self.current = None
        self.tag = ""

    def handle_data(self, data: str) -> None:
        if self.current is None:
            return
        if self.tag == "h2":
            self.current["h2"] += data
        elif self.tag == "li":
            self.current["items"][-1] += data


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
    """Runs for English then Arabic leave an index with both, each with its own titles."""
    first, second = PACK.lessons[0], PACK.lessons[-1]
    plans(tmp_path, "en", first.id)
    plans(tmp_path, "ar", first.id)
    plans(tmp_path, "en", second.id)  # a later run adds to a language, it does not replace it
    index = read_index(tmp_path)
    assert list(index.sections) == ["en", "ar"]
    assert index.sections["ar"]["dir"] == "rtl" and index.sections["en"]["dir"] == "ltr"
    assert index.sections["ar"]["h2"] == "العربية" and index.sections["en"]["h2"] == "English"
    for language, lessons in (("en", (first, second)), ("ar", (first,))):
        tr = Translator(language, PATHS.locales)
        section = index.sections[language]
        for lesson in lessons:
            title = tr.pgettext(f"{lesson.id}/title", lesson.title)
            plan_title = tr._("Lesson plan: {title}").format(title=title)
            assert any(plan_title in item for item in section["items"]), (language, plan_title)
            for kind in ("plan", "family"):
                assert f"{language}/{lesson.id}-{kind}.html" in section["links"]
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
