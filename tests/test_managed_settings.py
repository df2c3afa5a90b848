"""Managed settings: a school's preset and locked settings, read safely and respected in play."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.cli import main
from game.managed_model import managed_schema_text, validate_managed
from game.managed_settings import MANAGED_ENV, MAX_BYTES, load_managed, managed_settings_path
from game.paths import ContentPaths
from tests.pilot import Pilot

DOCS = Path(__file__).resolve().parent.parent / "docs"
OFF_LESSON = "g35-gift-or-trick"


def write(path: Path, data: object) -> Path:
    """Write *data* as JSON to *path* and return the path."""
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def school_file(tmp_path: Path) -> Path:
    """A managed-settings file that sets and locks country, language, 'Read to me', a lesson."""
    return write(
        tmp_path / "managed-settings.json",
        {
            "version": 1,
            "country": "GB",
            "language": "fr",
            "text_size": "large",
            "read_to_me": {"G35": True},
            "lessons_off": [OFF_LESSON],
            "locked": ["country", "language", "read_to_me", "lessons_off"],
        },
    )


def make_app(paths: ContentPaths, folder: Path, managed: Path) -> App:
    """A headless game at 1280x720 using the profile in *folder* and the *managed* file."""
    return App(
        paths,
        size=(1280, 720),
        data_folder=folder,
        print_folder=folder / "printables",
        managed_file=managed,
        fullscreen=False,
        sound=False,
    )


@pytest.fixture
def school_app(paths: ContentPaths, tmp_path: Path, school_file: Path) -> Iterator[App]:
    """A game whose device settings say Spanish, US, normal text, under the school's file."""
    folder = tmp_path / "profile"
    folder.mkdir()
    write(
        folder / "settings.json",
        {"language": "es", "country": "US", "country_confirmed": True, "band": "G35"},
    )
    game = make_app(paths, folder, school_file)
    yield game
    pygame.quit()


# -- the model ------------------------------------------------------------------------
def test_full_file_is_valid() -> None:
    """A file using every setting validates with no problems and keeps its locks."""
    values, problems = validate_managed(
        {
            "$schema": "managed-settings.schema.json",
            "version": 1,
            "country": "GB",
            "language": "ar",
            "text_size": "double",
            "read_to_me": True,
            "read_pace": "slow",
            "lessons_off": [OFF_LESSON],
            "locked": ["country", "read_pace"],
        }
    )
    assert problems == []
    assert values is not None
    assert values.locked == ["country", "read_pace"]
    assert values.read_to_me_by_band() == {"K2": True, "G35": True, "G68": True, "G912": True}


def test_mistakes_leave_out_only_their_own_setting_and_lock() -> None:
    """A bad value, an unknown key and a bad lock are left out; the valid settings remain."""
    values, problems = validate_managed(
        {
            "country": "GB",
            "text_size": "huge",
            "read_to_me": "yes",
            "contry": "FR",
            "locked": ["country", "text_size", "colour"],
        }
    )
    assert values is not None
    assert values.country == "GB"
    assert values.text_size is None and values.read_to_me is None
    assert values.locked == ["country"]
    text = "\n".join(problems)
    assert "text_size:" in text and '"huge"' in text
    assert "did you mean 'country'?" in text
    assert "locked[2]" in text
    assert "'text_size' is locked but not set" in text
    assert len(problems) == 5


def test_strict_types_refuse_lookalikes() -> None:
    """Strings that look like booleans or lower-case countries are mistakes, not guesses."""
    values, problems = validate_managed({"read_to_me": {"K2": "true"}, "country": "gb"})
    assert values is not None and values.read_to_me is None and values.country is None
    assert len(problems) == 2


@pytest.mark.parametrize("data", [{"version": 2, "country": "GB"}, ["country", "GB"], "GB"])
def test_unknown_version_or_shape_ignores_the_whole_file(data: object) -> None:
    """Another format version, or a file that is not an object, applies nothing."""
    values, problems = validate_managed(data)
    assert values is None
    assert problems


# -- reading the file ---------------------------------------------------------------------
def test_missing_file_manages_nothing(tmp_path: Path) -> None:
    """No file: nothing is managed and nothing is reported."""
    managed = load_managed(tmp_path / "none.json")
    assert not managed.found and not managed.active and managed.problems == []


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'{"country": "GB",}', "line 1, column"),
        (b"\xff\xfe{}", "not UTF-8"),
        (b"[" * 100_000, "larger than"),
        (b"[" * 20_000 + b"]" * 20_000, "nested too deeply"),
    ],
)
def test_broken_file_is_reported_and_ignored(tmp_path: Path, content: bytes, expected: str) -> None:
    """Bad JSON, bad encoding, an oversized or too deeply nested file: reported, nothing applies."""
    path = tmp_path / "managed-settings.json"
    path.write_bytes(content)
    managed = load_managed(path)
    assert managed.found and managed.values is None
    assert any(expected in problem for problem in managed.problems), managed.problems


def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    """A path that cannot be read as a file (here a folder) is reported, never raised."""
    managed = load_managed(tmp_path)
    assert managed.found and managed.values is None
    assert "cannot be read" in managed.problems[0]


def test_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    """A file saved by Windows Notepad with a UTF-8 byte-order mark is read."""
    path = tmp_path / "managed-settings.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"country": "GB"}).encode())
    assert load_managed(path).values.country == "GB"


def test_size_limit_is_generous() -> None:
    """The size limit is far above any real file (a full file is well under 1 KB)."""
    assert MAX_BYTES >= 16 * 1024


# -- where the file is ----------------------------------------------------------------------
def test_environment_variable_overrides_location(tmp_path: Path) -> None:
    """SIGNAL_SCOUTS_MANAGED_SETTINGS names the file; empty turns managed settings off."""
    assert managed_settings_path({MANAGED_ENV: str(tmp_path / "x.json")}) == tmp_path / "x.json"
    assert managed_settings_path({MANAGED_ENV: ""}) is None
    assert load_managed(None).found is False


def test_default_location_is_the_site_config_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without the variable the file is managed-settings.json in platformdirs' site folder."""
    import platformdirs

    calls = []

    def site_config_dir(appname: str, appauthor: object = None) -> str:
        calls.append((appname, appauthor))
        return str(tmp_path / "site")

    monkeypatch.setattr(platformdirs, "site_config_dir", site_config_dir)
    assert managed_settings_path({}) == tmp_path / "site" / "managed-settings.json"
    assert calls == [("signal-scouts", False)]


# -- applied over the device's settings ------------------------------------------------------
def test_school_values_apply_over_the_device_settings(school_app: App) -> None:
    """At start the school's language, country and text size replace the device's own."""
    assert school_app.early.language == "fr"  # the first frame already
    assert school_app.early.text_size == "large"
    settings = school_app.profile.settings
    assert (settings.language, settings.country, settings.text_size) == ("fr", "GB", "large")
    assert settings.read_to_me["G35"] is True
    assert school_app.tr.language == "fr"


def test_no_file_leaves_the_device_settings(paths: ContentPaths, tmp_path: Path) -> None:
    """Without a file the device's own settings are used unchanged."""
    folder = tmp_path / "profile"
    folder.mkdir()
    write(folder / "settings.json", {"language": "es", "country": "US"})
    app = make_app(paths, folder, tmp_path / "none.json")
    try:
        assert (app.profile.settings.language, app.profile.settings.country) == ("es", "US")
        assert not app.managed.found
    finally:
        pygame.quit()


def test_bad_file_is_ignored_and_reported_to_grown_ups(paths: ContentPaths, tmp_path: Path) -> None:
    """A broken file changes nothing, and the grown-ups' menu and page show its mistakes."""
    from game.scenes.grownups import GrownUpsScene
    from game.scenes.managed import ManagedSettingsScene

    folder = tmp_path / "profile"
    folder.mkdir()
    write(folder / "settings.json", {"language": "en", "country": "US", "country_confirmed": True})
    bad = tmp_path / "managed-settings.json"
    bad.write_text('{"language": "fr",', encoding="utf-8")
    app = make_app(paths, folder, bad)
    try:
        assert app.profile.settings.language == "en"
        menu = GrownUpsScene(app)
        app.push(menu)
        item = next(i for i in menu.items() if i.key == "managed")
        assert "mistakes" in item.sublabel
        page = ManagedSettingsScene(app)
        app.push(page)
        app.render()
        text = "\n".join(t for t, _size, _bold in page._blocks())
        assert str(bad) in text and "not valid JSON" in text
        assert "Nothing in the file is used." in text
    finally:
        pygame.quit()


def test_partly_valid_file_applies_its_valid_settings(paths: ContentPaths, tmp_path: Path) -> None:
    """A file with one bad setting applies the others; the bad one keeps the device's value."""
    folder = tmp_path / "profile"
    folder.mkdir()
    write(folder / "settings.json", {"text_size": "double", "country": "US"})
    managed = write(
        tmp_path / "m.json",
        {"country": "GB", "text_size": "giant", "locked": ["country", "text_size"]},
    )
    app = make_app(paths, folder, managed)
    try:
        settings = app.profile.settings
        assert (settings.country, settings.text_size) == ("GB", "double")
        assert settings.country_confirmed  # the grown-ups' menu does not ask for a country
        assert app.managed.locked("country") and not app.managed.locked("text_size")
        assert any("giant" in problem for problem in app.managed.problems)
    finally:
        pygame.quit()


def test_grown_ups_menu_lists_managed_settings(school_app: App) -> None:
    """The grown-ups' page names each managed setting, whether it is locked, and the file."""
    from game.scenes.grownups import GrownUpsScene
    from game.scenes.managed import ManagedSettingsScene, managed_lines

    school_app.set_language("en")  # read the page in English
    menu = GrownUpsScene(school_app)
    assert menu.items()[0].key == "managed"
    lines = dict(managed_lines(school_app))
    assert lines["Help lines for: United Kingdom"] == "Locked"
    assert lines["Text size: Large"].startswith("Not locked")
    assert any(label.startswith("Lesson turned off: ") for label in lines)
    page = ManagedSettingsScene(school_app)
    school_app.push(page)
    school_app.render()
    assert str(school_app.managed.path) in page._blocks()[1][0]


def test_no_file_no_menu_item(app: App) -> None:
    """Without a managed-settings file the grown-ups' menu is as before."""
    from game.scenes.grownups import GrownUpsScene

    assert "managed" not in [item.key for item in GrownUpsScene(app).items()]


# -- locks in play ------------------------------------------------------------------------
def test_locked_settings_do_not_change_by_keyboard_or_mouse(school_app: App) -> None:
    """Enter, a click or a switch press on a locked setting changes nothing; others still work."""
    from game.scenes.settings import SettingsScene
    from game.scenes.title import TitleScene

    school_app.push(TitleScene(school_app))
    school_app.push(SettingsScene(school_app))
    school_app.render()
    pilot = Pilot(school_app)
    scene = school_app.scene
    settings = school_app.profile.settings
    for key in ("language", "country", "read_to_me"):
        pilot.activate(key, keyboard=True)
        assert school_app.scene is scene, key
        pilot.activate(key, keyboard=False)
        assert school_app.scene is scene, key
    assert (settings.language, settings.country, settings.read_to_me["G35"]) == ("fr", "GB", True)
    button = next(b for b in scene.buttons if b.key == "country")
    assert button.sublabel == school_app.tr._("Set by your school") and button.icon is not None
    school_app.set_switch_access("two", 2.0)  # Space moves the ring, Enter presses
    pilot.tab_to("language")
    pilot.press(pygame.K_RETURN)
    assert school_app.scene is scene and settings.language == "fr"
    pilot.activate("text_size", keyboard=True)  # set by the school but not locked
    assert settings.text_size == "extra_large"


def test_text_size_lock_holds_on_accessibility_screen(paths: ContentPaths, tmp_path: Path) -> None:
    """A locked text size cannot be changed from the Accessibility screen either."""
    from game.scenes.access import AccessScene
    from game.scenes.title import TitleScene

    folder = tmp_path / "profile"
    folder.mkdir()
    managed = write(tmp_path / "m.json", {"text_size": "large", "locked": ["text_size"]})
    app = make_app(paths, folder, managed)
    try:
        app.push(TitleScene(app))
        app.push(AccessScene(app))
        app.render()
        pilot = Pilot(app)
        pilot.activate("text_size", keyboard=True)
        pilot.activate("text_size", keyboard=False)
        assert app.profile.settings.text_size == "large"
        pilot.activate("motion", keyboard=True)  # not managed: still changes
        assert app.profile.settings.reduced_motion is True
    finally:
        pygame.quit()


def test_lessons_turned_off_are_hidden_and_stay_off(school_app: App) -> None:
    """A lesson the school turns off is not in the mission list and its switch is locked."""
    from game.scenes.coverage import CoverageScene
    from game.scenes.lessons import LessonListScene
    from game.scenes.teacher_lessons import LessonStepsScene
    from game.scenes.title import TitleScene

    school_app.push(TitleScene(school_app))
    ids = [lesson.id for lesson in LessonListScene(school_app).lessons()]
    assert OFF_LESSON not in ids and ids
    lesson = school_app.pack.by_id(OFF_LESSON)
    assert lesson is not None  # plans still see it, and so does the coverage table:
    cells = CoverageScene(school_app).coverage.tactics.values()
    assert any(OFF_LESSON in cell.lessons for cell in cells)
    steps = LessonStepsScene(school_app, lesson)
    school_app.push(steps)
    school_app.render()
    Pilot(school_app).activate("toggle", keyboard=True)
    assert OFF_LESSON in school_app.profile.settings.disabled_lessons
    assert not steps.enabled


# -- the admin command and the schema ---------------------------------------------------------
def test_admin_writes_a_file_the_game_reads(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`admin --write-settings` writes a valid file; `--check` accepts it; the game applies it."""
    path = tmp_path / "school" / "managed-settings.json"
    code = main(
        [
            "admin",
            "--write-settings",
            str(path),
            "--country",
            "gb",
            "--language",
            "fr",
            "--text-size",
            "large",
            "--read-to-me",
            "on",
            "--lesson-off",
            OFF_LESSON,
            "--lock",
            "country",
            "--lock",
            "language",
        ]
    )
    assert code == 0, capsys.readouterr().err
    assert main(["admin", "--check", str(path)]) == 0
    values = load_managed(path).values
    assert values is not None
    assert (values.country, values.language, values.text_size) == ("GB", "fr", "large")
    assert values.read_to_me is True and values.lessons_off == [OFF_LESSON]
    assert values.locked == ["country", "language"]
    assert not list(path.parent.glob("*.tmp"))


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--country", "XX"], "XX has no help-line data"),
        (["--lesson-off", "g35-gift-or-trik"], "did you mean 'g35-gift-or-trick'?"),
        (["--lock", "text_size"], "--lock text_size needs --text-size"),
    ],
)
def test_admin_refuses_choices_the_game_does_not_offer(
    tmp_path: Path, capsys: pytest.CaptureFixture, args: list[str], expected: str
) -> None:
    """An unknown country or lesson, or a lock without a value, is explained; nothing written."""
    path = tmp_path / "managed-settings.json"
    assert main(["admin", "--write-settings", str(path), *args]) == 2
    assert expected in capsys.readouterr().err
    assert not path.exists()


def test_admin_check_lists_mistakes(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    """`admin --check` exits 1 and names each mistake in a file with the path."""
    path = write(tmp_path / "m.json", {"country": "GB", "text_size": "huge", "contry": "FR"})
    assert main(["admin", "--check", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: text_size:" in err and "did you mean 'country'?" in err
    assert main(["admin", "--check", str(tmp_path / "none.json")]) == 1


def test_committed_managed_schema_is_current() -> None:
    """docs/managed-settings.schema.json equals the schema from the model (run `make schema`)."""
    committed = (DOCS / "managed-settings.schema.json").read_text(encoding="utf-8")
    assert committed == managed_schema_text()


def test_documented_example_is_valid() -> None:
    """The example in docs/managed-settings.md validates with no problems."""
    text = (DOCS / "managed-settings.md").read_text(encoding="utf-8")
    example = text.split("```json\n", 1)[1].split("```", 1)[0]
    values, problems = validate_managed(json.loads(example))
    assert problems == [] and values is not None and values.locked
