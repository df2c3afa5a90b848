"""Workloads measured by ``run.py``; each runs in its own fresh process so numbers don't mix.

Usage: ``python benchmarks/_workloads.py NAME`` prints one JSON line of results on stdout.

The parent (``run.py``) sets ``SDL_VIDEODRIVER=dummy``, ``SDL_AUDIODRIVER=dummy``,
``PYGAME_HIDE_SUPPORT_PROMPT=1`` and ``SIGNAL_SCOUTS_DATA_DIR`` (a throw-away folder), and
``BENCH_T0``: its ``time.perf_counter()`` just before it started this process. On Linux,
macOS and Windows ``perf_counter`` reads a system-wide monotonic clock, so the difference
is the time from process start (interpreter start-up included) to a given moment here.

Only ``os``, ``sys`` and ``time`` are imported up front so the start-up workloads pay for
nothing but what they measure.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.app import App
    from game.content.model import Lesson
    from game.scenes.chat import ChatScene

T0 = float(os.environ.get("BENCH_T0", time.perf_counter()))
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LESSON_ID = "g35-gift-or-trick"
SENDERS = ("contact", "me", "scout", "system")


def _since_start() -> float:
    """Seconds since the parent started this process."""
    return time.perf_counter() - T0


# -- 4. start-up ---------------------------------------------------------------------------
def bare_startup() -> dict[str, Any]:
    """Bare pygame: init, open a 1280x720 window, flip once."""
    import pygame

    pygame.init()
    pygame.display.set_mode((1280, 720))
    pygame.display.flip()
    return {"first_frame_s": _since_start()}


def game_startup() -> dict[str, Any]:
    """The game's own start-up path (as ``game.app.run_game``): title screen, first frame.

    The data folder comes from ``SIGNAL_SCOUTS_DATA_DIR`` exactly as when the game runs.
    """
    import pygame

    from game.app import App
    from game.paths import ContentPaths
    from game.scenes.title import TitleScene

    pygame.init()
    app = App(ContentPaths.discover(), size=(1280, 720), fullscreen=False, sound=False)
    app.push(TitleScene(app))
    drawn = app.render()
    return {"first_frame_s": _since_start(), "drawn": drawn}


# -- shared helpers ------------------------------------------------------------------------
def _app(folder: Path) -> App:
    """A windowed 1280x720 app without sound, saving into *folder*."""
    from game.app import App
    from game.paths import ContentPaths

    return App(
        ContentPaths.discover(),
        size=(1280, 720),
        data_folder=folder,
        fullscreen=False,
        sound=False,
    )


def _lesson(app: App) -> Lesson:
    lesson = app.pack.by_id(LESSON_ID)
    if lesson is None:
        raise SystemExit(f"lesson {LESSON_ID!r} not found")
    return lesson


# -- 1 and 2. chat frames ------------------------------------------------------------------
#: Frame loops compared: the game as it is, then two naive re-renders (see _frame_times).
_MODES = ("cached", "naive-text", "naive")


def chat_scene_with_history(app: App, count: int = 40) -> ChatScene:
    """Push a G35 chat screen whose history holds *count* varied messages from the lesson.

    Texts, tactics and hidden pictures are copied from the lesson's messages (cycled, each
    copy with its own key); the senders rotate through contact / me / scout / system and
    every third message with a tactic shows its red-flag tag.
    """
    from game.scenes.chat import ChatScene
    from game.session import Entry, LessonSession

    lesson = _lesson(app)
    session = LessonSession(lesson)
    messages = [m for step in lesson.steps for m in getattr(step, "messages", [])]
    session.history.clear()
    for index in range(count):
        message = messages[index % len(messages)]
        session.history.append(
            Entry(
                key=f"bench:{index}:{message.id}",
                sender=SENDERS[index % len(SENDERS)],
                text=message.text,
                context=f"{lesson.id}/{message.id}",
                tactic=message.tactic,
                revealed=index % 3 == 0,
                hidden_picture=message.hidden_picture,
            )
        )
    scene = ChatScene(app, lesson, session)
    app.push(scene)
    return scene


def _frame_times(
    app: App, scene: ChatScene, mode: str, frames: int = 300, warmup: int = 20
) -> list[float]:
    """Milliseconds per full redraw (draw + flip) of *scene*, after *warmup* frames.

    *mode* ``cached``: the game as it is (text, bubble and backdrop caches warm).
    ``naive-text``: text and bubble caches emptied before every frame, backdrop kept.
    ``naive``: text, bubbles and the backdrop (which holds the title bar and panel text)
    all rebuilt every frame, as a loop without any caching would.
    """
    import pygame

    times: list[float] = []
    for index in range(warmup + frames):
        if mode != "cached":
            scene.bubbles.clear()
            app.text.clear()
        if mode == "naive":
            scene.release()
        scene.dirty = True
        began = time.perf_counter()
        scene.draw(app.screen)
        pygame.display.flip()
        elapsed = time.perf_counter() - began
        scene.dirty = False
        if index >= warmup:
            times.append(elapsed * 1000)
    return times


def _summary(times: list[float]) -> dict[str, float]:
    import statistics

    ordered = sorted(times)
    return {
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[max(0, round(len(ordered) * 0.95) - 1)],
        "frames": len(ordered),
    }


def chat_frames() -> dict[str, Any]:
    """Full redraws of the chat screen with 40 messages: cached versus naive re-render."""
    import tempfile

    import pygame

    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        app = _app(Path(folder))
        scene = chat_scene_with_history(app)
        results = {mode: _summary(_frame_times(app, scene, mode)) for mode in _MODES}
        results["size"] = list(app.screen.get_size())
        results["messages"] = len(scene.session.history)
        results["driver"] = pygame.display.get_driver()
        results["pygame"] = pygame.version.ver
        results["sdl"] = ".".join(str(part) for part in pygame.get_sdl_version())
        pygame.quit()
    return results


def animating_frames(frames: int = 300, warmup: int = 20) -> dict[str, Any]:
    """Frames while a message slides into a 40-message chat, through the real loop's path.

    Each frame is what ``App.run`` does while a screen animates: ``App.animating()`` (the
    chat asks to redraw only the phone) then ``App.render()`` (draw + flip). The clock is
    stepped ~16 ms a frame through the slide, which starts again when it ends.
    """
    import tempfile

    import pygame

    from game.scenes.chat import SLIDE_MS, _Arrival

    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        app = _app(Path(folder))
        scene = chat_scene_with_history(app)
        now = [0]
        app.guard.clock = lambda: now[0]
        app.render()
        times: list[float] = []
        for index in range(warmup + frames):
            arrival = scene._arrival
            if arrival is None:  # (again) a message starts to slide in
                tween = app.motion.tween(SLIDE_MS, app.guard.clock)
                scene._arrival = _Arrival(len(scene.session.history), "contact", 0, tween)
            now[0] += 16
            began = time.perf_counter()
            drawn = app.animating() and app.render()
            elapsed = time.perf_counter() - began
            if index >= warmup and drawn:
                times.append(elapsed * 1000)
        result = _summary(times)
        result["size"] = list(app.screen.get_size())
        result["messages"] = len(scene.session.history)
        pygame.quit()
    return result


# -- 3. idle -------------------------------------------------------------------------------
def idle() -> dict[str, Any]:
    """The real loop (``App.run``) on the title screen, as ``run_game`` starts it.

    Prints ``{"ready": true}`` just before entering the loop; the parent measures this
    process's CPU from outside and kills it.
    """
    import json

    import pygame

    from game.app import App
    from game.paths import ContentPaths
    from game.scenes.title import TitleScene

    pygame.init()
    app = App(ContentPaths.discover(), size=(1280, 720), fullscreen=False, sound=False)
    app.push(TitleScene(app))
    print(json.dumps({"ready": True}), flush=True)
    app.run()
    return {"frames_drawn": app.frames_drawn}


# -- 5. memory -----------------------------------------------------------------------------
def _peak_rss_mb() -> float:
    import resource

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _current_rss_mb() -> float | None:
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _surface_bytes(value: object) -> int:
    """Pixel bytes of a surface, or of the surfaces directly inside a dict or list."""
    import pygame

    if isinstance(value, pygame.Surface):
        return value.get_width() * value.get_height() * value.get_bytesize()
    if isinstance(value, dict):
        return sum(_surface_bytes(item) for item in value.values())
    if isinstance(value, list | tuple):
        return sum(_surface_bytes(item) for item in value)
    return 0


def _closed_screens(app: App) -> tuple[int, float]:
    """Screens no longer on the stack but not yet freed, and the MB of surfaces they hold.

    Counts surfaces in each screen's attributes and one level into its helper objects
    (e.g. the chat screen's bubble cache).
    """
    import gc

    from game.scenes.base import Scene

    live = {id(scene) for scene, _ in app.stack}
    total = 0
    count = 0
    for obj in gc.get_objects():
        if isinstance(obj, Scene) and id(obj) not in live:
            count += 1
            for value in vars(obj).values():
                total += _surface_bytes(value)
                if hasattr(value, "__dict__") and value is not app:
                    total += sum(_surface_bytes(inner) for inner in vars(value).values())
    return count, total / (1024 * 1024)


def playthrough() -> dict[str, Any]:
    """Play G35 through the real screens to the debrief, once per branch; report peak RSS.

    Title screen (first frame, then ``finish_loading`` as ``App.run`` does), Play, the
    G35 band, the lesson; then every turn presses the button a child would (Next, a
    feeling, the route's choice, Continue, Finish mission) through ``Scene.press`` and
    draws the frame. At the debrief, "Play again" starts the next branch, so the process
    plays every choice of the lesson at least once (``branch_routes``).
    """
    import gc
    import tempfile

    import pygame

    from game.content.routes import branch_routes
    from game.scenes.debrief import DebriefScene
    from game.scenes.new_badge import NewBadgeScene
    from game.scenes.step_base import StepScene
    from game.scenes.title import TitleScene
    from game.session import FEELINGS, Phase

    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        pygame.init()
        app = _app(Path(folder))
        app.push(TitleScene(app))
        app.render()
        app.finish_loading()
        frames = 1

        def press(key: str) -> None:
            nonlocal frames
            keys = [b.key for b in app.scene.all_buttons()]
            if key not in keys:
                name = type(app.scene).__name__
                raise SystemExit(f"no button {key!r} on {name}: {keys}")
            app.scene.press(key)
            if app.render():
                frames += 1

        language = os.environ.get("BENCH_LANGUAGE")
        if language:  # e.g. zh_Hans: the big CJK font loaded and drawn on every screen
            app.set_language(language)
        lesson = _lesson(app)
        press("play")
        press(f"band:{lesson.grade_band}")
        press(f"lesson:{lesson.id}")
        routes = branch_routes(lesson)
        first_play_mb = 0.0
        for number, route in enumerate(routes):
            while not isinstance(app.scene, DebriefScene):
                scene = app.scene
                if isinstance(scene, NewBadgeScene):  # badges earned: shown once, then on
                    press("continue")
                    continue
                if not isinstance(scene, StepScene):
                    raise SystemExit(f"unexpected screen {type(scene).__name__}")
                session = scene.session
                turn = len(session.path) - 1
                phase = session.phase
                if phase is Phase.CHECK_IN:
                    press(f"feel:{FEELINGS[turn % len(FEELINGS)]}")
                elif phase is Phase.CHOOSING:
                    step_id, choice_id = route[turn]
                    if step_id != session.step_id or choice_id is None:
                        raise SystemExit(f"off route at {session.step_id}: {route}")
                    press(f"choice:{choice_id}")
                elif phase is Phase.FINISHED:
                    press("finish")
                elif phase in (Phase.READING, Phase.FEEDBACK, Phase.CONTINUE):
                    press("next")
                else:
                    raise SystemExit(f"{LESSON_ID} has a {session.step.type} step; not scripted")
            if number == 0:
                first_play_mb = _peak_rss_mb()
            if number < len(routes) - 1:
                press("again")
        peak_mb = _peak_rss_mb()
        end_mb = _current_rss_mb()
        closed, held_mb = _closed_screens(app)
        gc.collect()
        collected_mb = _current_rss_mb()
        pygame.quit()
    return {
        "frames": frames,
        "plays": len(routes),
        "first_play_peak_mb": first_play_mb,
        "peak_rss_mb": peak_mb,
        "end_rss_mb": end_mb,
        "after_gc_rss_mb": collected_mb,
        "closed_screens_alive": closed,
        "closed_screens_surface_mb": held_mb,
    }


def printables() -> dict[str, Any]:
    """Time saving each language's plans and family packs, then all it prints (book, handouts)."""
    import tempfile

    from game.content.loader import load_pack
    from game.helplines import load_helplines
    from game.i18n import LANGUAGES
    from game.paths import ContentPaths
    from game.printing.export import Exporter

    paths = ContentPaths.discover()
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    helplines = load_helplines(paths.assets / "safety" / "helplines.yaml")
    exporter = Exporter(pack.lessons, paths.fonts, paths.locales, helplines, "US")
    every_id = [lesson.id for lesson in pack.lessons]
    per_language: dict[str, float] = {}
    plans_and_packs: dict[str, float] = {}
    files = plan_files = 0
    for language in LANGUAGES:
        # The target: every plan and family pack (PDF and web page), as the issue words it.
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            result = exporter.write(Path(folder), [language], every_id, handouts=False)
            plans_and_packs[language] = time.perf_counter() - began
            plan_files += result.count
        # Everything "Save in every language" writes: also the book, handouts and posters.
        with tempfile.TemporaryDirectory() as folder:
            began = time.perf_counter()
            result = exporter.write(Path(folder), [language])
            per_language[language] = time.perf_counter() - began
            files += result.count
    return {
        "plans_and_packs": plans_and_packs,
        "plan_files": plan_files,
        "seconds": per_language,
        "files": files,
        "peak_rss_mb": _peak_rss_mb(),
    }


# -- 7. narration -----------------------------------------------------------------------------
NARRATED_LESSON = "k2-kai-and-the-tricky-game"
NARRATED_LANGUAGES = ("en", "es", "ar")


def narration_synthesis() -> dict[str, Any]:
    """Time eSpeak NG takes for every line a child hears in the K2 lesson (en, es, ar).

    The lines are the ones the game reads (``narrate``'s script); each is synthesised
    once, cold, as the worker thread does.
    """
    import statistics
    import tempfile

    from game.narration.espeak import EspeakEngine
    from game.narration.narrate_command import script
    from game.narration.voices import rate_for, voice_for

    engine = EspeakEngine()
    engine.synthesize("warm up", "en", 150)  # the library and its data load once
    out: dict[str, Any] = {}
    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        app = _app(Path(folder))
        app.profile.settings.country = "US"
        for language in NARRATED_LANGUAGES:
            app.set_language(language)
            lesson = app.pack.by_id(NARRATED_LESSON)
            assert lesson is not None
            lines = [spoken.line for spoken in script(app, lesson, None)]
            times, audio = [], 0.0
            for line in lines:
                began = time.perf_counter()
                speech = engine.synthesize(line.text, voice_for(line.lang), rate_for("normal"))
                times.append((time.perf_counter() - began) * 1000)
                audio += speech.seconds
            ordered = sorted(times)
            out[language] = {
                "lines": len(lines),
                "median_ms": statistics.median(ordered),
                "p95_ms": ordered[max(0, round(len(ordered) * 0.95) - 1)],
                "max_ms": ordered[-1],
                "audio_s": audio,
                "ms_per_audio_s": sum(times) / audio if audio else 0.0,
            }
    return out


def narration_first_sound() -> dict[str, Any]:
    """Screen change to first sound, on every screen of the K2 lesson (the real loop's parts).

    The game plays with narration on (the mixer on SDL's dummy audio device, synthesis in
    the worker thread, nothing cached): for each new screen, the time from the screen
    changing to its first line starting to play.
    """
    import statistics
    import tempfile

    import pygame

    from game.app import App
    from game.content.routes import route_between
    from game.narration.narrate_command import next_press
    from game.paths import ContentPaths
    from game.scenes.step_base import scene_for

    waits: list[float] = []
    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        pygame.init()
        app = App(
            ContentPaths.discover(),
            size=(1280, 720),
            data_folder=Path(folder),
            fullscreen=False,
            sound=False,
            speech=True,
        )
        lesson = app.pack.by_id(NARRATED_LESSON)
        assert lesson is not None
        app.profile.settings.band = lesson.grade_band
        choices = dict(route_between(lesson, lesson.start_id, None) or [])
        app.push(scene_for(app, lesson))
        reader = app.narration
        seen: set[int] = set()
        for _ in range(300):
            app.pump()
            scene = app.scene
            if id(scene) not in seen and reader.queued:
                seen.add(id(scene))
                changed = reader.changed_at or 0.0
                deadline = time.monotonic() + 5
                while time.monotonic() < deadline:
                    app.pump()
                    started = reader.narrator.started_at
                    if started is not None and started >= changed:
                        waits.append((started - changed) * 1000)
                        break
                    time.sleep(0.001)
            session = getattr(scene, "session", None)
            press = next_press(scene, choices.get(session.step_id if session else ""))
            if press is None:
                break
            scene.press(press)
        pygame.quit()
    ordered = sorted(waits)
    return {
        "screens": len(waits),
        "median_ms": statistics.median(ordered) if ordered else -1.0,
        "max_ms": ordered[-1] if ordered else -1.0,
    }


def chat_frames_reading() -> dict[str, Any]:
    """The 40-message chat screen redrawn while it is read aloud, the lit word moving.

    Every frame the pretend clock moves on 120 ms (about one word), so nearly every frame
    has a new lit word: the backdrop and the lit bubble are drawn again.
    """
    import tempfile

    import pygame

    from game.narration.reader import ScreenReader

    with tempfile.TemporaryDirectory(prefix="signal-scouts-bench-") as folder:
        app = _app(Path(folder))
        scene = chat_scene_with_history(app)
        now = [0.0]
        reader = ScreenReader(app, threaded=False, silent=True, clock=lambda: now[0])
        app.narration = reader
        reader.replay(scene)  # synthesises every line first (not timed)
        times: list[float] = []
        lit = 0
        for _ in range(300):
            now[0] += 0.12
            reader.tick()
            if not scene.dirty:
                continue
            lit += app.text.highlight is not None
            began = time.perf_counter()
            app.render()  # draw + flip, counted as the game counts frames
            times.append((time.perf_counter() - began) * 1000)
        result = _summary(times)
        result["lit_frames"] = lit
        pygame.quit()
    return result


def idle_reading() -> dict[str, Any]:
    """The real loop on the title screen with narration on: it reads the title, then waits."""
    import json

    import pygame

    from game.app import App
    from game.paths import ContentPaths
    from game.scenes.title import TitleScene

    pygame.init()
    app = App(
        ContentPaths.discover(), size=(1280, 720), fullscreen=False, sound=False, speech=True
    )
    app.push(TitleScene(app))
    print(json.dumps({"ready": True}), flush=True)
    app.run()
    return {"frames_drawn": app.frames_drawn}


WORKLOADS = {
    "narration_synthesis": narration_synthesis,
    "narration_first_sound": narration_first_sound,
    "chat_frames_reading": chat_frames_reading,
    "idle_reading": idle_reading,
    "printables": printables,
    "bare_startup": bare_startup,
    "game_startup": game_startup,
    "chat_frames": chat_frames,
    "animating_frames": animating_frames,
    "idle": idle,
    "playthrough": playthrough,
}


def main(argv: list[str]) -> int:
    """Run the workload named on the command line and print its JSON result."""
    if len(argv) != 2 or argv[1] not in WORKLOADS:
        print(f"usage: {argv[0]} {{{','.join(WORKLOADS)}}}", file=sys.stderr)
        return 2
    result = WORKLOADS[argv[1]]()
    import json

    print(json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
