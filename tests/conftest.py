"""Shared fixtures: a headless game with a throw-away profile, and a scripted player."""

from __future__ import annotations

import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
# No school's managed-settings file from this machine (tests that want one pass it in).
os.environ["SIGNAL_SCOUTS_MANAGED_SETTINGS"] = ""

from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pygame  # noqa: E402
import pytest  # noqa: E402

from game.app import App  # noqa: E402
from game.paths import ContentPaths  # noqa: E402
from tests.pilot import Pilot, start_app  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _throw_away_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Lessons checked by ``signal-scouts lint`` in tests are cached in a temporary folder."""
    os.environ["SIGNAL_SCOUTS_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    os.environ.pop("SIGNAL_SCOUTS_CACHE_DIR", None)


@pytest.fixture
def paths() -> ContentPaths:
    """The repository's content folders."""
    return ContentPaths.discover()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """An empty per-test profile folder."""
    folder = tmp_path / "profile"
    folder.mkdir()
    return folder


@pytest.fixture
def app(paths: ContentPaths, data_dir: Path) -> Iterator[App]:
    """A headless game at 1280x720 with sound off, set up for the US, at the title screen."""
    game = start_app(paths, data_dir)
    yield game
    pygame.quit()


@pytest.fixture
def pilot(app: App) -> Pilot:
    """Drives the game with real mouse and keyboard events."""
    return Pilot(app)
