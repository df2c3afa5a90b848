"""No network, ever: nothing in the game imports networking code or opens a socket."""

from __future__ import annotations

import ast
import socket
from pathlib import Path

import pytest

from game.content.routes import branch_routes
from tests.pilot import Pilot
from tests.test_playthrough import open_lesson, play_route

GAME = Path(__file__).resolve().parent.parent / "game"
NETWORK_MODULES = {
    "socket",
    "urllib",
    "http",
    "requests",
    "ftplib",
    "smtplib",
    "ssl",
    "asyncio",
    "xmlrpc",
    "telnetlib",
    "webbrowser",
}


def test_game_code_imports_no_network_modules() -> None:
    """No module of the game imports a networking library."""
    for path in GAME.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            for name in names:
                assert name.split(".")[0] not in NETWORK_MODULES, f"{path}: imports {name}"


@pytest.fixture
def no_sockets(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Make any attempt to open a socket fail loudly, and record it."""
    attempts: list[tuple] = []

    class Refused(socket.socket):
        def __init__(self, *args, **kwargs) -> None:
            attempts.append(args)
            raise AssertionError("the game tried to open a network socket")

    monkeypatch.setattr(socket, "socket", Refused)
    monkeypatch.setattr(
        socket, "create_connection", lambda *a, **k: attempts.append(a) or Refused()
    )
    return attempts


def test_full_playthrough_opens_no_socket(no_sockets: list[tuple], pilot: Pilot) -> None:
    """Every branch of every lesson, plus help and settings, runs without a socket."""
    pilot.click("help")
    pilot.click("back")
    pilot.click("settings")
    pilot.click("sound")
    pilot.click("back")
    for lesson in pilot.app.pack.lessons:
        for route in branch_routes(lesson):
            scene = open_lesson(pilot, lesson.id, lesson.grade_band, keyboard=False)
            play_route(pilot, scene, route, keyboard=False)
            pilot.click("missions")
            if "continue" in pilot.button_keys():  # a first play's new badges
                pilot.click("continue")
            pilot.click("back")
            pilot.click("back")
    assert no_sockets == []
