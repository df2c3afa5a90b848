"""Translations: the catalog pipeline, the runtime, and every screen in the pseudo-locales."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from babel.messages.pofile import read_po

from game.app import App
from game.content.extract import extract_lessons
from game.i18n import CLOSE, LANGUAGES, OPEN, Translator, fallback_chain, pseudo
from game.i18n_checks import check_catalog, placeholders, review_status
from game.paths import ContentPaths

ROOT = Path(__file__).resolve().parent.parent
LOCALES = ROOT / "locales"
CATALOGS = sorted(LOCALES.glob("*/LC_MESSAGES/messages.po"))
PYBABEL = Path(sys.executable).with_name("pybabel")


def _messages(pot: Path) -> set[tuple]:
    with pot.open("rb") as handle:
        return {
            (m.context, m.id if isinstance(m.id, str) else tuple(m.id))
            for m in read_po(handle)
            if m.id
        }


def test_pot_is_current(tmp_path: Path) -> None:
    """locales/messages.pot holds exactly what extraction finds now (run `make i18n`)."""
    fresh = tmp_path / "messages.pot"
    subprocess.run(
        [
            str(PYBABEL),
            "extract",
            "-F",
            "babel.cfg",
            "-o",
            str(fresh),
            "--add-comments=TRANSLATORS",
            ".",
        ],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    assert _messages(fresh) == _messages(LOCALES / "messages.pot")


def test_catalogs_are_updated_with_the_pot() -> None:
    """`pybabel update --check` finds nothing to change in any catalog."""
    result = subprocess.run(
        [
            str(PYBABEL),
            "update",
            "--check",
            "-i",
            "locales/messages.pot",
            "-d",
            "locales",
            "--width",
            "100",
            "--ignore-pot-creation-date",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("po", CATALOGS, ids=[p.parts[-3] for p in CATALOGS])
def test_catalog_compiles_and_keeps_placeholders(po: Path, tmp_path: Path) -> None:
    """Each catalog compiles without errors, and no translation drops or renames a {name}."""
    result = subprocess.run(
        [str(PYBABEL), "compile", "-i", str(po), "-o", str(tmp_path / "m.mo"), "-l", po.parts[-3]],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert check_catalog(po) == []


def test_placeholder_checker_catches_a_renamed_field(tmp_path: Path) -> None:
    """The checker fails a translation that renames a placeholder."""
    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Hello {name}"\nmsgstr "Hola {nombre}"\n',
        encoding="utf-8",
    )
    assert len(check_catalog(po)) == 1
    assert placeholders("{n} of {total}") == {"n", "total"}


def test_every_catalog_records_its_review_status() -> None:
    """Each shipped catalog says whether a native-speaking safeguarding reviewer checked it."""
    assert {p.parts[-3] for p in CATALOGS} == set(LANGUAGES) - {"en"}
    for po in CATALOGS:
        assert review_status(po)


def test_extractor_uses_ids_as_context_and_exact_lines() -> None:
    """Lesson strings get msgctxt lesson-id/item-id and the line they are on."""
    path = ROOT / "lessons" / "g35-gift-or-trick.yaml"
    with path.open("rb") as handle:
        found = list(extract_lessons(handle, [], [], {}))
    lines = path.read_text(encoding="utf-8").splitlines()
    by_context = {msg[0]: (line, msg[1]) for line, _f, msg, _c in found}
    line, text = by_context["g35-gift-or-trick/gift-1"]
    assert text == "I'll give you 500 gems for free!"
    assert text in lines[line - 1]
    assert "g35-gift-or-trick/title" in by_context


def test_fallback_chain_and_runtime_switch(paths: ContentPaths, data_dir: Path) -> None:
    """pt_BR falls back to pt then English; switching language changes the UI at once."""
    assert fallback_chain("pt_BR") == ["pt_BR", "pt"]
    app = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    from game.scenes.title import TitleScene

    app.push(TitleScene(app))
    english = [b.label for b in app.scene.buttons]
    app.set_language("en_XA")
    assert all(b.label.startswith(OPEN) for b in app.scene.buttons)
    assert [b.label for b in app.scene.buttons] != english
    app.set_language("en")
    assert [b.label for b in app.scene.buttons] == english
    assert app.profile.settings_store.load().language == "en"
    pygame.quit()


def test_pseudo_keeps_placeholders() -> None:
    """The pseudo-locale accents letters but never the {placeholder} names."""
    text = pseudo("You spotted {hits} of {n}")
    assert "{hits}" in text and "{n}" in text and text.endswith(CLOSE)
    assert Translator("en_XA")._("Play").startswith(OPEN)


#: The questions over a lesson (see ``signal-scouts snapshot --dialog``).
DIALOGS = ("leave", "carry-on", "go-to-step")


def _all_screens(app: App):
    """Yield after showing every screen and every step of every lesson."""
    from game.scenes.badges import BadgesScene
    from game.scenes.choose_list import CountryScene, LanguageScene
    from game.scenes.groups import GroupScene
    from game.scenes.help import HelpScene
    from game.scenes.lessons import LessonListScene
    from game.scenes.settings import SettingsScene
    from game.scenes.step_base import scene_for
    from game.scenes.title import TitleScene
    from game.snapshot import play_to, show_dialog

    app.profile.settings.band = "G68"
    for kind in (
        TitleScene,
        GroupScene,
        LessonListScene,
        SettingsScene,
        HelpScene,
        BadgesScene,
        LanguageScene,
        CountryScene,
    ):
        app.reset_to(kind(app))
        yield kind.__name__
    yield from _grownup_screens(app)
    for lesson in app.pack.lessons:
        for step in lesson.steps:
            session = play_to(app, lesson, step.id, choose=None, check_in=False)
            app.reset_to(scene_for(app, lesson, session))
            yield f"{lesson.id}/{step.id}"
            choices = session.step.choice_list
            if choices and session.phase.value in ("choosing", "check_in"):
                session = play_to(app, lesson, step.id, choose=choices[0].id, check_in=False)
                app.reset_to(scene_for(app, lesson, session))
                yield f"{lesson.id}/{step.id}/feedback"
        # Leaving part-way and coming back: a child's play and a class lesson.
        for mode, dialogs in (("play", ("leave", "carry-on")), ("classroom", DIALOGS)):
            for dialog in dialogs:
                session = play_to(app, lesson, None, choose=None, check_in=False, mode=mode)
                app.reset_to(scene_for(app, lesson, session))
                show_dialog(app, dialog, session)
                yield f"{lesson.id}/{mode}/{dialog}"


def _grownup_screens(app: App):
    """Yield after showing each teacher, parent and learning-check screen."""
    import random

    from game.scenes.check import CheckScene
    from game.scenes.class_summary import ClassSummaryScene
    from game.scenes.classroom import ClassroomScene
    from game.scenes.coverage import CoverageScene
    from game.scenes.gate import GateScene
    from game.scenes.grownups import GrownUpsScene
    from game.scenes.home_guide import HomeGuideScene
    from game.scenes.pause import PauseScene
    from game.scenes.printables import CertificatesScene, PrintablesScene
    from game.scenes.teacher_lessons import LessonStepsScene, TeacherLessonsScene

    app.reset_to(GateScene(app, GrownUpsScene, random.Random(3)))
    yield "GateScene"
    for kind in (
        GrownUpsScene,
        TeacherLessonsScene,
        ClassroomScene,
        PrintablesScene,
        CertificatesScene,
        HomeGuideScene,
        ClassSummaryScene,
        CoverageScene,
    ):
        app.reset_to(kind(app))
        yield kind.__name__
        if kind is CoverageScene:
            app.scene.on_button("kind:skills")
            yield "CoverageScene/skills"
    for lesson in app.pack.lessons:
        app.reset_to(LessonStepsScene(app, lesson))
        yield f"LessonStepsScene/{lesson.id}"
        for phase in ("pre", "post"):
            if lesson.learning_check:
                app.reset_to(CheckScene(app, lesson, phase))
                yield f"CheckScene/{lesson.id}/{phase}"
        for step_id in {q.pause_after for q in lesson.discussion_questions if q.pause_after}:
            pause = PauseScene(app, lesson, step_id)
            pause.showing = set(range(len(pause.questions)))
            app.reset_to(pause)
            yield f"PauseScene/{lesson.id}/{step_id}"


@pytest.mark.parametrize("language", ["en_XA", "ar_XB"])
def test_every_screen_in_pseudo_locale(paths: ContentPaths, data_dir: Path, language: str) -> None:
    """Every string drawn came from a catalog, and no label or card overflows its box."""
    from game.helplines import load_helplines
    from game.ui import flow

    app = App(paths, data_folder=data_dir, fullscreen=False, sound=False)
    app.set_language(language)
    helplines = load_helplines(paths.assets / "safety" / "helplines.yaml")
    data = {v for s in helplines.every_service() for v in (s.name, s.web) if v}
    # Language names in their own script and CLDR country names come from Babel, not catalogs.
    data |= {name for _code, name, _reviewed in app.languages()}
    data |= {name for _code, name in app.countries()}
    flow.overflow_log = []
    try:
        for where in _all_screens(app):
            app.text.recorder = []
            app.scene.dirty = True
            app.render()
            for text in app.text.recorder:
                if len(text) <= 2 or text in data or text.strip(" 0123456789-+") == "":
                    continue
                assert OPEN in text, f"{where}: {text!r} did not come from a catalog"
            for button in app.scene.all_buttons():
                label = button._label(app.text, app.metrics, (0, 0, 0))
                assert label.get_height() <= button.rect.height, (where, button.key)
                assert label.get_width() <= button.rect.width, (where, button.key)
            assert flow.overflow_log == [], f"{where}: text did not fit its card"
    finally:
        flow.overflow_log = None
        app.text.recorder = None
        pygame.quit()


def _cmap(font: Path) -> set[int]:
    from fontTools.ttLib import TTFont

    return set(TTFont(str(font)).getBestCmap())


def _translated_chars(po: Path) -> set[str]:
    from game.fonts_subset import catalog_characters

    return {c for c in catalog_characters(po) if not c.isspace()}


@pytest.mark.parametrize("po", CATALOGS, ids=[p.parts[-3] for p in CATALOGS])
def test_catalog_is_complete(po: Path) -> None:
    """Every message is translated (no English left over) and none is marked fuzzy."""
    with po.open("rb") as handle:
        catalog = read_po(handle)
    missing = [
        m.id
        for m in catalog
        if m.id and (not all(m.string) if isinstance(m.string, tuple) else not m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert missing == [], f"{len(missing)} untranslated, e.g. {missing[:3]}"
    assert fuzzy == []


def test_fonts_cover_every_translated_character(paths: ContentPaths) -> None:
    """Chinese and Arabic text (catalogs and Babel's dates and numbers) has every glyph."""
    from game.fonts_subset import babel_characters

    fonts = paths.fonts
    zh = _translated_chars(LOCALES / "zh_Hans" / "LC_MESSAGES" / "messages.po")
    zh |= {c for c in babel_characters("zh_Hans") if not c.isspace()}
    missing_zh = {c for c in zh if ord(c) not in _cmap(fonts / "NotoSansSC-Subset.otf")}
    assert missing_zh == set(), f"run `make fonts`: {''.join(sorted(missing_zh))}"
    ar = _translated_chars(LOCALES / "ar" / "LC_MESSAGES" / "messages.po")
    covered = _cmap(fonts / "NotoSansArabic-Regular.ttf") | _cmap(fonts / "Andika-Regular.ttf")
    assert {c for c in ar if ord(c) not in covered} == set()


@pytest.mark.parametrize("language", [code for code in LANGUAGES if code != "en"])
@pytest.mark.parametrize(
    ("size", "text_size"),
    [((1280, 720), "normal"), ((1024, 600), "extra_large")],
    ids=["1280x720", "1024x600-xl"],
)
def test_every_screen_in_each_language(
    paths: ContentPaths, data_dir: Path, language: str, size: tuple[int, int], text_size: str
) -> None:
    """Every screen and step draws in each language and size, with nothing overflowing."""
    from game.ui import flow

    app = App(paths, size=size, data_folder=data_dir, fullscreen=False, sound=False)
    app.profile.settings.text_size = text_size
    app.set_language(language)
    assert app.tr.has_catalog, "compile the catalogs first (make i18n)"
    flow.overflow_log = []
    try:
        for where in _all_screens(app):
            app.scene.dirty = True
            app.render()
            # The window's width, and the page's height (a taller page scrolls).
            window = pygame.Rect(0, 0, app.screen.get_width(), app.scene.page_height())
            for button in app.scene.all_buttons():
                label = button._label(app.text, app.metrics, (0, 0, 0))
                assert label.get_height() <= button.rect.height, (where, button.key)
                assert label.get_width() <= button.rect.width, (where, button.key)
                assert window.contains(button.rect), (where, button.key)
            assert flow.overflow_log == [], f"{where}: text did not fit its card"
    finally:
        flow.overflow_log = None
        pygame.quit()


def test_numbers_and_dates_follow_the_language() -> None:
    """Babel formats numbers and dates for each language."""
    import datetime

    day = datetime.date(2026, 11, 29)
    assert Translator("en").date(day) == "Nov 29, 2026"
    assert "nov" in Translator("es").date(day)
    assert Translator("fr").number(1234.5) == "1\u202f234,5"
    assert Translator("en").number(1234.5) == "1,234.5"
