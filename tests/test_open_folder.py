"""The "Open folder" button after saving, the child's "saved in" line, and the folder opener."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path, PurePosixPath, PureWindowsPath

import pygame
import pytest

from game.app import App
from game.folder_names import friendly_folder
from game.folder_opener import system_opener
from game.paths import ContentPaths
from game.scenes.badges import BadgesScene
from game.scenes.open_folder import OPEN_FOLDER
from game.scenes.printables import CertificatesScene, PrintablesScene, export_event
from tests.pilot import Pilot


@pytest.fixture
def opened() -> list[Path]:
    """The folders the game asked the file manager to show, in order."""
    return []


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder for the test (Path.home() answers it)."""
    folder = tmp_path / "home"
    folder.mkdir()
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    return folder


def make_app(home: Path, opener) -> App:
    """A headless game whose print folder is ~/Documents/Signal Scouts, with *opener*."""
    app = App(
        ContentPaths.discover(),
        size=(1280, 720),
        data_folder=home / "profile",
        print_folder=home / "Documents" / "Signal Scouts",
        managed_file=home / "no-managed-settings.json",
        fullscreen=False,
        sound=False,
        folder_opener=opener,
    )
    app.profile.settings.country = "US"
    app.profile.settings.country_confirmed = True
    app.profile.settings.band = "K2"
    for lesson in app.pack.lessons:
        if lesson.grade_band == "K2":
            app.profile.progress.record(lesson.id, {}, {"R12"})
    return app


@pytest.fixture
def game(home: Path, opened: list[Path]) -> Iterator[App]:
    """A game that can open folders (the opener only records what it was asked)."""
    app = make_app(home, opened.append)
    yield app
    pygame.quit()


def test_certificates_screen_opens_the_folder_it_saved_to(game: App, opened: list[Path]) -> None:
    """After a grown-up saves a certificate, "Open folder" (clicked) shows the print folder."""
    game.reset_to(CertificatesScene(game))
    pilot = Pilot(game)
    assert OPEN_FOLDER not in pilot.button_keys()  # nothing saved yet
    pilot.click("cert:K2")
    assert (game.print_folder / "certificate-K2-en.pdf").is_file()
    pilot.click(OPEN_FOLDER)
    assert opened == [game.print_folder]


def test_plans_screen_offers_the_folder_once_the_save_finished(
    game: App, opened: list[Path]
) -> None:
    """"Open folder" appears only when the background save says it finished; Enter opens it."""
    game.reset_to(PrintablesScene(game))
    pilot = Pilot(game)
    assert OPEN_FOLDER not in pilot.button_keys()
    pygame.event.post(pygame.event.Event(export_event(), done=1, total=2))
    pilot.wait()
    game.pump()
    assert OPEN_FOLDER not in pilot.button_keys()  # still saving
    pygame.event.post(pygame.event.Event(export_event(), finished=2))
    pilot.wait()
    game.pump()
    pilot.activate(OPEN_FOLDER, keyboard=True)
    assert opened == [game.print_folder]


def test_child_certificate_says_where_and_opens_the_folder(
    game: App, opened: list[Path]
) -> None:
    """The child's "Certificate saved!" names Documents › Signal Scouts; its folder opens."""
    game.reset_to(BadgesScene(game))
    pilot = Pilot(game)
    pilot.click("certificate")
    button = next(b for b in game.scene.all_buttons() if b.key == "certificate")
    assert button.sublabel == "Saved in Documents › Signal Scouts"
    assert str(game.print_folder.parent.parent) not in button.sublabel  # no home path
    pilot.click(OPEN_FOLDER)
    assert opened == [game.print_folder]


def test_learning_check_results_open_the_folder_after_saving_the_csv(
    game: App, opened: list[Path]
) -> None:
    """On the results screen, "Open folder" appears after "Save as CSV" and shows that folder."""
    from game.scenes.class_summary import ClassSummaryScene

    game.reset_to(ClassSummaryScene(game))
    pilot = Pilot(game)
    assert OPEN_FOLDER not in pilot.button_keys()
    pilot.click("csv")
    assert list(game.print_folder.glob("learning-check-*.csv"))
    pilot.activate(OPEN_FOLDER, keyboard=True)
    assert opened == [game.print_folder]


def test_no_button_where_the_computer_cannot_open_folders(home: Path) -> None:
    """Without an opener the screens save as before and show no "Open folder" button."""
    app = make_app(home, None)
    try:
        app.reset_to(BadgesScene(app))
        pilot = Pilot(app)
        pilot.click("certificate")
        assert app.scene.saved and OPEN_FOLDER not in pilot.button_keys()
        app.reset_to(CertificatesScene(app))
        pilot.click("cert:K2")
        assert OPEN_FOLDER not in pilot.button_keys()
    finally:
        pygame.quit()


def test_a_failing_opener_says_why_on_the_grownups_screen(home: Path) -> None:
    """When the file manager cannot start, the Certificates screen says so (no crash)."""

    def broken(_folder: Path) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    app = make_app(home, broken)
    try:
        app.reset_to(CertificatesScene(app))
        pilot = Pilot(app)
        pilot.click("cert:K2")
        pilot.click(OPEN_FOLDER)
        assert app.scene.status == "Could not open the folder: No such file or directory"
    finally:
        pygame.quit()


def test_friendly_folder_names_folders_from_home() -> None:
    """Home is shortened to the folder names after it; elsewhere every folder is named."""
    home = PurePosixPath("/home/ana")
    assert friendly_folder(home / "Documents/Signal Scouts", home) == "Documents › Signal Scouts"
    assert friendly_folder(PurePosixPath("/srv/class"), home) == "srv › class"
    windows = PureWindowsPath(r"C:\Users\ana")
    assert friendly_folder(windows / "Documents" / "Signal Scouts", windows) == (
        "Documents › Signal Scouts"
    )
    assert friendly_folder(PureWindowsPath(r"D:\School"), windows) == "D: › School"


class Launched:
    """Stands in for subprocess.Popen: records each command and how it was started."""

    def __init__(self) -> None:
        self.calls: list[tuple[list[str], dict]] = []

    def __call__(self, command: list[str], **options: object) -> Launched:
        self.calls.append((command, options))
        return self

    def wait(self) -> int:
        return 0


@pytest.mark.parametrize(("platform", "program"), [("linux", "xdg-open"), ("darwin", "open")])
def test_system_opener_starts_the_file_manager_without_a_shell(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, platform: str, program: str
) -> None:
    """xdg-open / open get the folder's absolute path as one argument, no shell, no waiting."""
    launched = Launched()
    monkeypatch.setattr(subprocess, "Popen", launched)
    opener = system_opener(platform, {program: f"/usr/bin/{program}"}.get)
    assert opener is not None
    monkeypatch.chdir(tmp_path)
    (tmp_path / "Signal Scouts").mkdir()
    opener(Path("Signal Scouts"))
    [(command, options)] = launched.calls
    assert command == [f"/usr/bin/{program}", str(tmp_path / "Signal Scouts")]
    assert not options.get("shell") and options["stdin"] == subprocess.DEVNULL


def test_system_opener_never_opens_a_web_address_or_a_missing_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Anything but an existing local folder is refused before any program starts."""
    launched = Launched()
    monkeypatch.setattr(subprocess, "Popen", launched)
    opener = system_opener("linux", {"xdg-open": "/usr/bin/xdg-open"}.get)
    assert opener is not None
    monkeypatch.chdir(tmp_path)
    for target in ("https://example.com", tmp_path / "gone", tmp_path / "file.txt"):
        if str(target).endswith(".txt"):
            Path(target).write_text("x")
        with pytest.raises(OSError):
            opener(Path(target))
    assert launched.calls == []


def test_no_opener_without_a_file_manager(monkeypatch: pytest.MonkeyPatch) -> None:
    """No xdg-open (a kiosk) means no opener; Windows uses os.startfile."""
    assert system_opener("linux", lambda _name: None) is None
    started: list[str] = []
    monkeypatch.setattr(os, "startfile", started.append, raising=False)
    opener = system_opener("win32", lambda _name: None)
    assert opener is not None
    opener(Path.cwd())
    assert started == [str(Path.cwd())]
