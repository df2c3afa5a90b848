"""Switch access: one switch (scanning) plays a whole lesson; two switches move and press."""

from __future__ import annotations

import pygame

from game.content.routes import branch_routes
from game.scenes.debrief import DebriefScene
from game.scenes.groups import GroupScene
from game.scenes.title import TitleScene
from game.ui.focus import FocusChange
from tests.pilot import Pilot
from tests.test_playthrough import open_lesson, play_route


class SwitchPilot(Pilot):
    """Plays with one switch: waits for the scan to reach a button, then presses Space.

    Any other key, and any click, fails the test: everything goes through the switch.
    """

    def activate(self, key: str, *, keyboard: bool) -> None:
        """Let the scan reach button *key*, then press the switch."""
        self.scan_to(key)
        self.press(pygame.K_SPACE)

    def scan_to(self, key: str) -> None:
        """Let time pass, with no input at all, until the scan puts the ring on *key*."""
        self.rect_of(key)  # the button is on this screen
        pace = self.app.switches.pace_ms
        for _ in range(3 * len(self.button_keys()) + 3):
            if self.app.scene.focused_key() == key:
                return
            self.wait(pace)
            self.app.pump()
        raise AssertionError(f"the scan never reached {key!r}")

    def press(self, key: int, mod: int = 0, *, after_ms: int | None = None) -> None:
        """Only the switch's key may be pressed."""
        assert key == pygame.K_SPACE, "switch players have one key"
        super().press(key, mod, after_ms=after_ms)

    def click_at(self, pos: tuple[int, int], *, after_ms: int | None = None) -> None:
        """Switch players never use a mouse."""
        raise AssertionError("switch players have no mouse")


def _one_switch(pilot: Pilot, seconds: float = 1.0) -> None:
    pilot.app.set_switch_access("one", seconds)


def test_a_whole_lesson_plays_with_one_switch(pilot: Pilot) -> None:
    """With scanning on, Space alone plays a K2 lesson (story, sort, help plan) to the end."""
    app = pilot.app
    _one_switch(pilot)
    player = SwitchPilot(app)
    lesson = app.pack.by_id("k2-kai-and-the-tricky-game")
    assert lesson is not None
    assert {step.type for step in lesson.steps} >= {"story", "sort", "help_plan"}
    scene = open_lesson(player, lesson.id, lesson.grade_band, keyboard=True)
    play_route(player, scene, branch_routes(lesson)[0], keyboard=True)
    assert isinstance(app.scene, DebriefScene)
    assert app.profile.progress_store.load().lessons[lesson.id].completed


def test_scanning_steps_the_ring_at_the_chosen_pace(pilot: Pilot) -> None:
    """The ring moves one button per pace, wrapping round, and only after a full pace."""
    _one_switch(pilot, 2.0)
    app = pilot.app
    app.push(GroupScene(app))
    pilot.app.pump()  # the scan sees the new screen: its wait starts now
    keys = pilot.button_keys()
    start = app.scene.focused_key()
    pilot.wait(1900)
    app.pump()
    assert app.scene.focused_key() == start, "no step before the pace is up"
    pilot.wait(100)
    app.pump()
    order = keys.index(start) if start in keys else -1
    assert app.scene.focused_key() == keys[(order + 1) % len(keys)]
    for _ in range(len(keys)):
        pilot.wait(2000)
        app.pump()
    assert app.scene.focused_key() == keys[(order + 1) % len(keys)], "it wraps round"


def test_space_presses_what_the_scan_is_on(pilot: Pilot) -> None:
    """One switch: Space (or Enter) presses the button the ring is on."""
    _one_switch(pilot)
    player = SwitchPilot(pilot.app)
    player.scan_to("settings")
    player.press(pygame.K_SPACE)
    assert type(pilot.app.scene).__name__ == "SettingsScene"


def test_nothing_moves_by_itself_without_scanning(pilot: Pilot) -> None:
    """Switch access off (the default) or two switches: time passing never moves the ring."""
    app = pilot.app
    for mode in ("off", "two"):
        app.set_switch_access(mode, 1.0)
        app.reset_to(TitleScene(app))
        app.pump()
        before = app.scene.focused_key()
        frames = app.frames_drawn
        for _ in range(10):
            pilot.wait(5000)
            app.pump()
        assert app.scene.focused_key() == before, mode
        assert app.frames_drawn == frames, "and nothing is redrawn"
        assert not app.switches.due()


def test_moving_the_ring_by_hand_restarts_the_wait(pilot: Pilot) -> None:
    """A child who moves the ring (a key, the mouse) gets a full pace before the scan moves it."""
    _one_switch(pilot, 3.0)
    app = pilot.app
    pilot.wait(2500)
    pilot.press(pygame.K_TAB)  # by hand, just before the scan was due
    moved_to = app.scene.focused_key()
    pilot.wait(2000)
    app.pump()
    assert app.scene.focused_key() == moved_to
    pilot.wait(1000)
    app.pump()
    assert app.scene.focused_key() != moved_to


def test_two_switches_move_and_press(pilot: Pilot) -> None:
    """Two switches: Space moves the ring on, Enter presses it."""
    app = pilot.app
    app.set_switch_access("two", 2.0)
    keys = pilot.button_keys()
    start = app.scene.focused_key()
    pilot.press(pygame.K_SPACE)
    assert isinstance(app.scene, TitleScene), "Space did not press anything"
    assert app.scene.focused_key() == keys[(keys.index(start) + 1) % len(keys)]
    while app.scene.focused_key() != "settings":
        pilot.press(pygame.K_SPACE)
    pilot.press(pygame.K_RETURN)
    assert type(app.scene).__name__ == "SettingsScene"


def test_every_focus_move_is_announced_once_with_its_cause(pilot: Pilot) -> None:
    """Keys, the mouse and the scan all report focus moves through app.focus_events."""
    app = pilot.app
    heard: list[FocusChange] = []
    app.focus_events.subscribe(heard.append)
    pilot.press(pygame.K_TAB)
    assert [(c.cause, c.key) for c in heard] == [("keyboard", app.scene.focused_key())]
    assert heard[-1].label == app.scene.focused_button().label
    pilot.app.handle(
        pygame.event.Event(
            pygame.MOUSEMOTION, pos=pilot.rect_of("quit").center, rel=(0, 0), buttons=(0, 0, 0)
        )
    )
    assert heard[-1].cause == "pointer" and heard[-1].key == "quit"
    _one_switch(pilot)
    app.pump()
    pilot.wait(1000)
    app.pump()
    assert heard[-1].cause == "scan"
    assert len(heard) == 3


def test_the_scan_waits_while_the_screen_is_read_aloud(pilot: Pilot, monkeypatch) -> None:
    """While narration reads the screen's own words, the ring stays where it is."""
    app = pilot.app
    _one_switch(pilot)
    app.pump()
    start = app.scene.focused_key()
    reading = {"now": True}
    monkeypatch.setattr(
        type(app.narration), "reading_screen", property(lambda _self: reading["now"])
    )
    for _ in range(5):
        pilot.wait(1000)
        app.pump()
    assert app.scene.focused_key() == start
    reading["now"] = False
    pilot.wait(1000)
    app.pump()
    assert app.scene.focused_key() != start
