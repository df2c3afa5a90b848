"""Random input on every screen: no exception, and the title can always be reached again.

Each burst starts on one screen (every screen of the game, every kind of step in each
mode of a lesson, the questions over a lesson, the learning check, classroom pauses),
then posts random clicks, drags, wheel turns, keys, text, finger touches, window events
and resizes to SDL's queue and lets the game's own loop (``App.pump``) handle them.
After the burst, Escape (and "Leave" on the question it opens) must bring the player
back to the title.

The run is seeded. In the suite it is a few thousand events (gestures: a click, a key
press, a drag are each one, of a few SDL events); ``make fuzz`` runs 100,000 or more.
Environment: ``FUZZ_EVENTS`` (how many), ``FUZZ_SEED`` (a number, or ``random``). A
failure names the seed and the event index; ``FUZZ_SEED=<seed> FUZZ_EVENTS=<index>``
replays the run exactly up to it.
"""

from __future__ import annotations

import os
import random
import traceback
import types
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pygame
import pytest

from game.app import App
from game.paths import ContentPaths
from game.scenes.title import TitleScene
from game.ui.theme import MIN_H, MIN_W
from tests.pilot import Pilot, start_app

#: Events in one run of the suite (a few seconds); ``make fuzz`` sets far more.
DEFAULT_EVENTS = 2500
DEFAULT_SEED = 16
#: Events on one screen before the player is sent home and the next screen starts.
BURST = 40
#: Escape presses (and answers to "Leave this mission?") allowed to get back home.
HOME_STEPS = 40

KEYS = [
    pygame.K_TAB, pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE, pygame.K_ESCAPE,
    pygame.K_UP, pygame.K_DOWN, pygame.K_LEFT, pygame.K_RIGHT, pygame.K_PAGEUP,
    pygame.K_PAGEDOWN, pygame.K_HOME, pygame.K_END, pygame.K_F1, pygame.K_r,
    pygame.K_BACKSPACE, pygame.K_DELETE, pygame.K_0, pygame.K_1, pygame.K_2, pygame.K_3,
    pygame.K_4, pygame.K_5, pygame.K_6, pygame.K_7, pygame.K_8, pygame.K_9, pygame.K_KP1,
    pygame.K_KP5, pygame.K_a, pygame.K_b, pygame.K_y, pygame.K_n, pygame.K_F11,
]
MODS = [0, 0, 0, pygame.KMOD_SHIFT, pygame.KMOD_CTRL, pygame.KMOD_ALT]
TEXTS = ["a", "7", "42", "?", " ", "é", "ب", "好", "🙂", "\u200f", "x" * 30]


def settings_from_env() -> tuple[int, int]:
    """How many events and which seed (``FUZZ_EVENTS``, ``FUZZ_SEED``; ``random`` picks one)."""
    events = int(os.environ.get("FUZZ_EVENTS") or DEFAULT_EVENTS)
    seed_text = os.environ.get("FUZZ_SEED") or str(DEFAULT_SEED)
    seed = random.SystemRandom().randrange(10**9) if seed_text == "random" else int(seed_text)
    return events, seed


# -- where a burst starts ---------------------------------------------------------------
@dataclass(frozen=True)
class Start:
    """A screen to fuzz, and how to open it above the title screen."""

    name: str
    open: Callable[[App], None]


def _named_screen(name: str) -> Start:
    """A screen of ``signal-scouts snapshot`` (grown-ups' screens open past the gate)."""

    def open_it(app: App) -> None:
        from game.snapshot import push_screen

        if name != "title":  # the burst starts on the title itself
            push_screen(app, name)

    return Start(name, open_it)


def _step(lesson_id: str, step_id: str, mode: str) -> Start:
    """A lesson's step in *mode*: a child's ``play``, a teacher's ``preview``, ``classroom``."""

    def open_it(app: App) -> None:
        from game.scenes.step_base import scene_for
        from game.snapshot import play_to

        lesson = app.pack.by_id(lesson_id)
        assert lesson is not None
        if mode == "classroom":
            from game.scenes.classroom import ClassroomScene

            app.push(ClassroomScene(app))
            app.text_size_override = "extra_large"
            app.refresh_layout()
        elif mode == "preview":
            from game.scenes.teacher_lessons import TeacherLessonsScene

            app.push(TeacherLessonsScene(app))
        else:
            from game.scenes.lessons import LessonListScene

            app.profile.settings.band = lesson.grade_band
            app.push(LessonListScene(app))
        session = play_to(app, lesson, step_id, choose=None, check_in=True, mode=mode)
        app.push(scene_for(app, lesson, session))

    return Start(f"{lesson_id}/{step_id}/{mode}", open_it)


def _over_lesson(lesson_id: str, what: str) -> Start:
    """A screen over a lesson: the leave question, go-to-step, carry-on, pause, check, debrief."""

    def open_it(app: App) -> None:
        from game.scenes.lessons import LessonListScene
        from game.scenes.step_base import scene_for
        from game.snapshot import play_to

        lesson = app.pack.by_id(lesson_id)
        assert lesson is not None
        app.profile.settings.band = lesson.grade_band
        app.push(LessonListScene(app))
        step_id = lesson.steps[min(2, len(lesson.steps) - 1)].id
        mode = "classroom" if what in ("pause", "go-to-step") else "play"
        session = play_to(app, lesson, step_id, choose=None, check_in=False, mode=mode)
        if what == "debrief":
            from game.content.routes import route_between
            from game.scenes.debrief import DebriefScene

            end = route_between(lesson, lesson.start_id, None)
            assert end is not None
            session = play_to(app, lesson, end[-1][0], choose=None, check_in=False)
            app.push(DebriefScene(app, session))
        elif what in ("pre", "post"):
            from game.scenes.check import CheckScene

            app.push(CheckScene(app, lesson, what))
        elif what == "carry-on":
            from game.resume import save_resume
            from game.scenes.carry_on import open_lesson

            save_resume(app, session)
            open_lesson(
                app, lesson, "play", app.scene,
                lambda resumed: app.push(scene_for(app, lesson, resumed)),
            )
        else:
            app.push(scene_for(app, lesson, session))
            if what == "leave":
                app.scene.ask_to_leave()
            elif what == "go-to-step":
                from game.scenes.go_to_step import GoToStepScene

                app.push(GoToStepScene(app, lesson, session.step_id))
            elif what == "pause":
                from game.scenes.pause import PauseScene

                pause = PauseScene(app, lesson, session.step_id)
                pause.showing.add(0)
                app.push(pause)

    return Start(f"{lesson_id}/{what}", open_it)


def every_start(app: App, rng: random.Random) -> list[Start]:
    """Every screen first, then one step of each kind in each mode, then the rest shuffled."""
    from game.snapshot import SCREENS

    first = [_named_screen(name) for name in SCREENS]
    lessons = app.pack.lessons
    with_check = next(lesson for lesson in lessons if lesson.learning_check)
    for what in ("leave", "go-to-step", "carry-on", "pause", "debrief"):
        first.append(_over_lesson(lessons[0].id, what))
    first += [_over_lesson(with_check.id, "pre"), _over_lesson(with_check.id, "post")]
    kinds_seen: set[tuple[str, str]] = set()
    rest = []
    for lesson in lessons:
        for step in lesson.steps:
            for mode in ("play", "preview", "classroom"):
                start = _step(lesson.id, step.id, mode)
                if (step.type, mode) in kinds_seen:
                    rest.append(start)
                else:
                    kinds_seen.add((step.type, mode))
                    first.append(start)
        rest += [_over_lesson(lesson.id, "debrief"), _over_lesson(lesson.id, "leave")]
    rng.shuffle(rest)
    return first + rest


# -- random input --------------------------------------------------------------------------
def _point(rng: random.Random, app: App) -> tuple[int, int]:
    """Somewhere on a button (most often) or anywhere in the window."""
    buttons = app.scene.all_buttons()
    if buttons and rng.random() < 0.7:
        rect = app.scene.on_screen(rng.choice(buttons))
        return (
            rng.randint(rect.left, max(rect.left, rect.right - 1)),
            rng.randint(rect.top, max(rect.top, rect.bottom - 1)),
        )
    w, h = app.screen.get_size()
    return rng.randrange(w), rng.randrange(h)


def gesture(rng: random.Random, app: App) -> list[pygame.event.Event]:
    """One random thing a child (or a cat on the keyboard) does: a few SDL events."""
    Event = pygame.event.Event
    kind = rng.choices(
        ["click", "drag", "wheel", "key", "text", "touch", "resize", "window"],
        weights=[40, 8, 5, 28, 4, 9, 3, 3],
    )[0]
    if kind == "click":
        pos = _point(rng, app)
        button = rng.choice([1, 1, 1, 1, 2, 3])
        return [
            Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0)),
            Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=button),
            Event(pygame.MOUSEBUTTONUP, pos=pos, button=button),
        ]
    if kind == "drag":
        x, y = _point(rng, app)
        events = [Event(pygame.MOUSEBUTTONDOWN, pos=(x, y), button=1)]
        for _ in range(rng.randint(1, 6)):
            dx, dy = rng.randint(-200, 200), rng.randint(-300, 300)
            x, y = x + dx, y + dy
            events.append(Event(pygame.MOUSEMOTION, pos=(x, y), rel=(dx, dy), buttons=(1, 0, 0)))
        return [*events, Event(pygame.MOUSEBUTTONUP, pos=(x, y), button=1)]
    if kind == "wheel":
        return [Event(pygame.MOUSEWHEEL, x=0, y=rng.choice([-3, -1, 1, 2]), flipped=False)]
    if kind == "key":
        key, mod = rng.choice(KEYS), rng.choice(MODS)
        return [
            Event(pygame.KEYDOWN, key=key, mod=mod, unicode="", scancode=0),
            Event(pygame.KEYUP, key=key, mod=mod, unicode="", scancode=0),
        ]
    if kind == "text":
        return [Event(pygame.TEXTINPUT, text=rng.choice(TEXTS))]
    if kind == "touch":
        w, h = app.screen.get_size()
        x, y = _point(rng, app)
        fx, fy = x / w, y / h
        finger = {"touch_id": 1, "finger_id": rng.randint(0, 2), "pressure": 1.0}
        events = [Event(pygame.FINGERDOWN, x=fx, y=fy, dx=0.0, dy=0.0, **finger)]
        if rng.random() < 0.4:
            dy = rng.uniform(-0.4, 0.4)
            fy = min(max(fy + dy, 0.0), 1.0)
            events.append(Event(pygame.FINGERMOTION, x=fx, y=fy, dx=0.0, dy=dy, **finger))
        return [*events, Event(pygame.FINGERUP, x=fx, y=fy, dx=0.0, dy=0.0, **finger)]
    if kind == "resize":
        w = rng.choice([rng.randint(320, MIN_W), rng.randint(MIN_W, 1920)])
        h = rng.choice([rng.randint(240, MIN_H), rng.randint(MIN_H, 1200)])
        if not app.fullscreen:  # the window really changes size, as a desktop would do it
            pygame.display.set_mode((w, h), pygame.RESIZABLE)
        return [Event(pygame.VIDEORESIZE, w=w, h=h, size=(w, h))]
    window = [pygame.WINDOWEXPOSED, pygame.WINDOWRESTORED, pygame.WINDOWFOCUSLOST]
    return [Event(rng.choice(window))]


# -- the run -------------------------------------------------------------------------------
class Fuzzer:
    """Runs bursts of random input through the game's loop and walks home after each."""

    def __init__(self, app: App, pilot: Pilot, seed: int) -> None:  # noqa: D107
        self.app, self.pilot, self.seed = app, pilot, seed
        self.rng = random.Random(seed)
        self.index = 0  # gestures posted so far (each a few SDL events)
        self.where = "title"
        #: Every kind of screen the random input was handled on.
        self.seen: set[str] = set()

    def fail(self, what: str) -> None:
        """Stop with the seed and event index that replay this failure."""
        pytest.fail(
            f"{what} (start: {self.where}, screen: {type(self.app.scene).__name__}); "
            f"seed {self.seed}, event {self.index}: replay with "
            f"FUZZ_SEED={self.seed} FUZZ_EVENTS={self.index}",
            pytrace=False,
        )

    def home(self) -> None:
        """Leave with Escape (and "Leave" when a lesson asks) until the title is all there is."""
        app = self.app
        for _ in range(HOME_STEPS):
            if not app.running:  # Quit was pressed on the title: the game ended as asked
                app.running = True
                app.reset_to(TitleScene(app))
            if len(app.stack) == 1 and isinstance(app.scene, TitleScene):
                return
            self.pilot.wait()
            keys = [b.key for b in app.scene.all_buttons()]
            if type(app.scene).__name__ == "AskScene" and "leave" in keys:
                self.pilot.click("leave")
            else:
                self.pilot.press(pygame.K_ESCAPE)
        self.fail(f"stuck: {HOME_STEPS} presses of Escape never reached the title")

    def burst(self, start: Start, events: int) -> None:
        """Open *start* above the title, post *events* random events, then walk home."""
        app = self.app
        self.where = start.name
        app.text_size_override = None
        app.reset_to(TitleScene(app))
        start.open(app)
        app.render()
        end = self.index + events
        while self.index < end:
            # Like a real frame: a few gestures reach the loop together, then one draw.
            for _ in range(min(self.rng.randint(1, 4), end - self.index)):
                for event in gesture(self.rng, app):
                    pygame.event.post(event)
                self.index += 1
            self.pilot.wait(self.rng.choice([0, 30, 120, 400, 600]))
            app.pump()
            if not app.running or not app.stack:
                break
            self.seen.add(type(app.scene).__name__)
        self.home()

    def run(self, total: int) -> None:
        """Fuzz until *total* events have been posted, starting on screen after screen."""
        while self.index < total:
            starts = every_start(self.app, self.rng)
            for start in starts:
                if self.index >= total:
                    return
                try:
                    self.burst(start, min(BURST, total - self.index))
                except pytest.fail.Exception:
                    raise
                except Exception as exc:  # noqa: BLE001 - reported with how to replay it
                    self.fail(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")


@pytest.fixture
def quick_printing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Saving plans, family packs and certificates writes tiny files instead of real PDFs."""
    from game.printing import export, pdf

    def write(self, folder: Path, languages, progress=None, **_options):
        if progress:
            progress(1, 1)
        return types.SimpleNamespace(count=1)

    monkeypatch.setattr(pdf, "render_pdf", lambda doc, fonts: b"%PDF-1.4 fuzz\n")
    monkeypatch.setattr(export.Exporter, "write", write)


@pytest.fixture
def fuzz_app(paths: ContentPaths, data_dir: Path, quick_printing: None) -> Iterator[App]:
    """A resizable headless game for the fuzzer (progress kept in a throw-away folder)."""
    app = start_app(paths, data_dir)
    yield app
    pygame.quit()


def test_random_input_on_every_screen_never_crashes_or_traps(fuzz_app: App) -> None:
    """Random clicks, drags, keys, touches, text and resizes raise nothing; home is reachable."""
    events, seed = settings_from_env()
    print(f"fuzz: {events} events, seed {seed}")
    fuzzer = Fuzzer(fuzz_app, Pilot(fuzz_app), seed)
    fuzzer.run(events)
    assert fuzzer.index >= events
    print(f"fuzz: {len(fuzzer.seen)} kinds of screen: {', '.join(sorted(fuzzer.seen))}")
    if events >= DEFAULT_EVENTS:  # every screen of the game had its turn
        assert len(fuzzer.seen) >= 25, sorted(fuzzer.seen)
