"""Workloads measured by ``run.py``; each runs in its own process so numbers don't mix.

Usage: ``python benchmarks/_workloads.py NAME`` prints one JSON line of results.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def bare_startup() -> dict:
    """Bare pygame: init, open a 1280x720 window, flip once."""
    import pygame

    pygame.init()
    pygame.display.set_mode((1280, 720))
    pygame.display.flip()
    return {"first_frame_s": time.perf_counter() - START}


def _app(folder: str):
    from game.app import App
    from game.paths import ContentPaths

    return App(
        ContentPaths.discover(),
        size=(1280, 720),
        data_folder=Path(folder),
        fullscreen=False,
        sound=False,
    )


def game_startup() -> dict:
    """The game: load lessons and fonts, build the title screen, draw the first frame."""
    from game.scenes.title import TitleScene

    with tempfile.TemporaryDirectory() as folder:
        app = _app(folder)
        app.push(TitleScene(app))
        app.render()
        return {"first_frame_s": time.perf_counter() - START}


def _chat_with_40_messages(app):
    from game.scenes.chat import ChatScene
    from game.session import Entry, LessonSession

    lesson = app.pack.by_id("g35-gift-or-trick")
    session = LessonSession(lesson)
    messages = [m for step in lesson.steps for m in getattr(step, "messages", [])]
    session.history.clear()
    for index in range(40):
        message = messages[index % len(messages)]
        session.history.append(
            Entry(
                key=f"bench:{index}",
                sender=("contact", "me", "scout", "system")[index % 4],
                text=message.text,
                context=f"{lesson.id}/{message.id}",
                tactic=message.tactic,
                revealed=index % 3 == 0,
            )
        )
    scene = ChatScene(app, lesson, session)
    app.push(scene)
    return scene


def _frames(app, scene, naive: bool, count: int = 300, warmup: int = 20) -> list[float]:
    import pygame

    times = []
    for index in range(count + warmup):
        if naive:
            scene.bubbles._cache.clear()
            scene.release()
            app.text.clear()
        began = time.perf_counter()
        scene.draw(app.screen)
        pygame.display.flip()
        if index >= warmup:
            times.append((time.perf_counter() - began) * 1000)
    return times


def chat_frames() -> dict:
    """Full redraws of the chat screen with 40 messages: cached text versus naive re-render."""
    with tempfile.TemporaryDirectory() as folder:
        app = _app(folder)
        scene = _chat_with_40_messages(app)
        cached = _frames(app, scene, naive=False)
        naive = _frames(app, scene, naive=True)

    def summary(times: list[float]) -> dict:
        ordered = sorted(times)
        return {
            "median_ms": statistics.median(ordered),
            "p95_ms": ordered[int(len(ordered) * 0.95) - 1],
        }

    return {"cached": summary(cached), "naive": summary(naive)}


def idle() -> dict:
    """Run the real loop on the title screen; the parent measures this process's CPU."""
    from game.scenes.title import TitleScene

    with tempfile.TemporaryDirectory() as folder:
        app = _app(folder)
        app.push(TitleScene(app))
        print(json.dumps({"ready": True}), flush=True)
        app.run()
    return {}


def playthrough() -> dict:
    """Play every branch of every lesson headless, drawing each state; report peak memory."""
    from game.content.routes import branch_routes
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    with tempfile.TemporaryDirectory() as folder:
        app = _app(folder)
        frames = 0
        for lesson in app.pack.lessons:
            for route in branch_routes(lesson):
                for step_id, _choice in route:
                    session = play_to(app, lesson, step_id, choose=None, check_in=False)
                    app.reset_to(scene_for(app, lesson, session))
                    app.render()
                    frames += 1
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"frames": frames, "peak_rss_mb": peak_kb / 1024}


if __name__ == "__main__":
    result = globals()[sys.argv[1]]()
    print(json.dumps(result), flush=True)
