"""The wheel carries lessons, fonts and safety data, and runs outside the repository."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the project's wheel once (offline: the build backend is a dev dependency)."""
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return next(out.glob("signal_scouts-*.whl"))


def test_wheel_contains_content(wheel: Path) -> None:
    """Lessons, fonts, the font licence, helplines and the console script are in the wheel."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        entry_points = next(n for n in names if n.endswith("entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    shipped = {p.name for p in (ROOT / "lessons").glob("*.yaml")}
    bundled = {Path(n).name for n in names if n.startswith("game/_bundled/lessons/")}
    assert shipped <= bundled
    assert "game/_bundled/assets/fonts/Andika-Regular.ttf" in names
    assert "game/_bundled/assets/fonts/OFL-Andika.txt" in names
    assert "game/_bundled/assets/fonts/AtkinsonHyperlegible-Regular.ttf" in names
    assert "game/_bundled/assets/fonts/OFL-AtkinsonHyperlegible.txt" in names
    assert "game/_bundled/assets/safety/helplines.yaml" in names
    assert "signal-scouts = game.cli:main" in scripts
    for po in (ROOT / "locales").glob("*/LC_MESSAGES/messages.po"):
        assert f"game/_bundled/locales/{po.parts[-3]}/LC_MESSAGES/messages.mo" in names
    assert not any(n.endswith(".po") for n in names)
    assert not any("/tests/" in n or n.startswith("tests/") for n in names)


def test_wheel_runs_outside_the_repo(wheel: Path, tmp_path: Path) -> None:
    """Unpacked elsewhere, the game lints its lessons, renders a screen and prints a plan."""
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    env = {
        "PYTHONPATH": str(site),
        "SDL_VIDEODRIVER": "dummy",
        "SDL_AUDIODRIVER": "dummy",
        "PATH": "/usr/bin:/bin",
        "SIGNAL_SCOUTS_DATA_DIR": str(tmp_path / "profile"),
    }
    where = subprocess.run(
        [sys.executable, "-c", "import game; print(game.__file__)"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert where.stdout.strip().startswith(str(site))
    lint = subprocess.run(
        [sys.executable, "-m", "game", "lint"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert lint.returncode == 0, lint.stdout + lint.stderr
    assert "0 error(s)" in lint.stdout
    spanish = subprocess.run(
        [
            sys.executable,
            "-c",
            "from game.i18n import Translator; from game.paths import "
            "ContentPaths; t = Translator('es', ContentPaths.discover().locales); "
            "print(t.has_catalog)",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
    )
    assert spanish.stdout.strip() == "True", spanish.stderr
    shot = subprocess.run(
        [sys.executable, "-m", "game", "snapshot", "title", "--out", str(tmp_path / "t.png")],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert shot.returncode == 0, shot.stderr
    assert (tmp_path / "t.png").stat().st_size > 10_000
    plans = subprocess.run(
        [
            sys.executable,
            "-m",
            "game",
            "plans",
            "--lesson",
            "g35-gift-or-trick",
            "--lang",
            "ar",
            "--format",
            "pdf",
            "--out",
            str(tmp_path / "plans"),
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert plans.returncode == 0, plans.stderr
    pdf = tmp_path / "plans" / "ar" / "g35-gift-or-trick-plan.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")


# -- the one-file build (packaging/): what it carries and how it finds it ------------------
def _bundle_module():  # noqa: ANN202 - a module loaded from a file
    """packaging/bundle.py, loaded by path (packaging/ is not a Python package)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("_bundle", ROOT / "packaging" / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_frozen_build_finds_content_under_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a PyInstaller build, lessons, assets and catalogs come from sys._MEIPASS."""
    from game.paths import ContentPaths

    (tmp_path / "game" / "_bundled" / "lessons").mkdir(parents=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths = ContentPaths.discover()
    assert paths.lessons == tmp_path / "game" / "_bundled" / "lessons"
    assert paths.assets == tmp_path / "game" / "_bundled" / "assets"
    assert paths.locales == tmp_path / "game" / "_bundled" / "locales"


def test_unfrozen_discovery_ignores_meipass(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Outside a build, a stray _MEIPASS does not move the content (the package's copy wins)."""
    from game.paths import ContentPaths

    (tmp_path / "game" / "_bundled" / "lessons").mkdir(parents=True)
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert not ContentPaths.discover().lessons.is_relative_to(tmp_path)


def test_build_keeps_only_the_game_voices_espeak_dictionaries(tmp_path: Path) -> None:
    """The build's eSpeak data keeps every file but the dictionaries no game voice reads."""
    bundle = _bundle_module()
    data = tmp_path / "espeak-ng-data"
    (data / "lang" / "roa").mkdir(parents=True)
    for name in ("en_dict", "pt_dict", "ru_dict", "phontab", "lang/roa/pt"):
        (data / name).write_text("x")
    pairs = bundle.espeak_datas(data, ["en", "pt-br"])
    kept = {(Path(src).relative_to(data).as_posix(), dest) for src, dest in pairs}
    assert kept == {
        ("en_dict", "espeakng_loader/espeak-ng-data"),
        ("pt_dict", "espeakng_loader/espeak-ng-data"),
        ("phontab", "espeakng_loader/espeak-ng-data"),
        ("lang/roa/pt", "espeakng_loader/espeak-ng-data/lang/roa"),
    }


def test_every_game_voice_has_its_espeak_dictionary() -> None:
    """Each voice the game speaks with has the dictionary the build keeps for it."""
    import espeakng_loader

    from game.narration.voices import VOICES

    data = Path(espeakng_loader.get_data_path())
    for name in _bundle_module().dictionaries(VOICES.values()):
        assert (data / name).is_file(), name


def test_build_keeps_babel_data_of_shipped_languages_only() -> None:
    """Babel's locale data travels for the game's languages (every region) and root only."""
    bundle = _bundle_module()
    languages = bundle.babel_languages(ROOT)
    assert {"en", "es", "fr", "pt", "ar", "zh"} <= languages
    keep = [
        "babel/locale-data/root.dat",
        "babel/locale-data/pt_BR.dat",
        "babel/locale-data/zh_Hans.dat",
        "babel/locale-data/en_150.dat",
        "babel\\locale-data\\ar_EG.dat",
        "babel/global.dat",
        "game/_bundled/lessons/x.yaml",
    ]
    assert all(bundle.keep_data(dest, languages) for dest in keep)
    assert not bundle.keep_data("babel/locale-data/de.dat", languages)
    assert not bundle.keep_data("babel/locale-data/ru_RU.dat", languages)


def test_build_refuses_a_catalog_that_was_not_compiled(tmp_path: Path) -> None:
    """The build stops with 'run make dist' when a .po has no compiled .mo next to it."""
    bundle = _bundle_module()
    po = tmp_path / "locales" / "es" / "LC_MESSAGES" / "messages.po"
    po.parent.mkdir(parents=True)
    po.write_text("")
    with pytest.raises(bundle.BundleError, match="make dist"):
        bundle.content_datas(tmp_path)
    po.with_suffix(".mo").write_bytes(b"")
    pairs = bundle.content_datas(tmp_path)
    assert (str(po.with_suffix(".mo")), "game/_bundled/locales/es/LC_MESSAGES") in pairs
