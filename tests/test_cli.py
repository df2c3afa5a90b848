"""The command line: snapshot, lint and help, run as a user would run them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pygame
import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """Run ``python -m game ARGS`` headless and capture its output."""
    env = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "game", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_snapshot_writes_a_png_of_the_requested_size(tmp_path: Path) -> None:
    """`snapshot LESSON STEP --out` renders that step to a PNG of the window size."""
    out = tmp_path / "gift.png"
    result = run("snapshot", "g35-gift-or-trick", "gift", "--size", "1024x600", "--out", str(out))
    assert result.returncode == 0, result.stderr
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    assert pygame.image.load(out).get_size() == (1024, 600)
    pygame.quit()


def test_snapshot_rejects_unknown_names(tmp_path: Path) -> None:
    """An unknown lesson or step is a clear error, not a crash."""
    result = run("snapshot", "no-such-lesson", "--out", str(tmp_path / "x.png"))
    assert result.returncode != 0
    assert "no lesson or screen called 'no-such-lesson'" in result.stderr
    result = run("snapshot", "g35-gift-or-trick", "nowhere", "--out", str(tmp_path / "x.png"))
    assert "cannot be reached" in result.stderr


@pytest.mark.parametrize(
    "command", [[], ["lint"], ["snapshot"], ["play"], ["narrate"], ["voice-script"]]
)
def test_help_for_every_command(command: list[str]) -> None:
    """`--help` works for the program and each command."""
    result = run(*command, "--help")
    assert result.returncode == 0
    assert "usage:" in result.stdout


def test_lint_shipped_lessons_clean() -> None:
    """`signal-scouts lint lessons/` exits 0."""
    result = run("lint", "lessons/")
    assert result.returncode == 0, result.stdout
    assert "0 error(s)" in result.stdout


def test_lint_bad_file_fails(tmp_path: Path) -> None:
    """`lint` on a broken file exits 1 and prints file:line:col."""
    bad = ROOT / "tests" / "fixtures" / "bad" / "bad_reference.yaml"
    result = run("lint", str(bad))
    assert result.returncode == 1
    assert "bad_reference.yaml:24:78:" in result.stdout
