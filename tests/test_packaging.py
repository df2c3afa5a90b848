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
