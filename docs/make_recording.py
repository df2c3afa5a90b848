"""Record short animated GIFs of the game from its own frames, for docs/recording/.

Run with ``make recording``. A scripted pilot (``tests/pilot.py``) drives the real game
with real SDL events on a headless window; the game's clock is stepped 40 ms a frame
while something moves, and every frame the game draws is kept. Three clips:

- ``chat-step.gif``: a chat step: typing dots, messages sliding in, a choice by
  keyboard and its feedback;
- ``celebration.gif``: the end of a lesson: the debrief's confetti, then "More
  missions" and the new-badge moment;
- ``classroom-tally.gif``: classroom mode: the show-of-hands tally counted with keys,
  then the choice with most hands.

Pass ``--frames`` to also write each clip's frames as numbered PNGs (into a temporary
folder, printed) to step through a clip frame by frame. Look at every clip before
committing it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "recording"
sys.path.insert(0, str(ROOT))

import pygame  # noqa: E402
from PIL import Image  # noqa: E402

from game.app import App  # noqa: E402
from game.paths import ContentPaths  # noqa: E402
from tests.pilot import Pilot, start_app  # noqa: E402

#: Game time per recorded frame while something moves (ms): about 16 frames a second.
FRAME_MS = 60
#: How long a still screen stays in the clip (ms) before the next action.
HOLD_MS = 900
#: Clips are scaled to this width (a README-sized picture, a small file).
WIDTH = 640
#: Safety stop: no animation runs longer than this in one settle (ms).
LONGEST_MS = 6000


class Recorder:
    """Keeps every frame the game draws, with how long each one stays on screen."""

    def __init__(self, app: App, pilot: Pilot) -> None:  # noqa: D107
        self.app = app
        self.pilot = pilot
        self.frames: list[tuple[Image.Image, int]] = []

    def grab(self, ms: int) -> None:
        """Keep the window as it is now, shown for *ms* milliseconds."""
        surface = self.app.screen
        image = Image.frombytes("RGB", surface.get_size(), pygame.image.tobytes(surface, "RGB"))
        height = round(image.height * WIDTH / image.width)
        image = image.resize((WIDTH, height), Image.Resampling.LANCZOS)
        if self.frames and self.frames[-1][0].tobytes() == image.tobytes():
            last, shown = self.frames[-1]
            self.frames[-1] = (last, shown + ms)
        else:
            self.frames.append((image, ms))

    def settle(self, hold_ms: int = HOLD_MS) -> None:
        """Step the game's clock frame by frame while anything moves, then hold still."""
        app = self.app
        app.render()
        self.grab(FRAME_MS)
        waited = 0
        while app.animating() and waited < LONGEST_MS:
            self.pilot.wait(FRAME_MS)
            waited += FRAME_MS
            app.narration.tick()
            app.render()
            self.grab(FRAME_MS)
        self.grab(hold_ms)

    def act(self, action: Callable[[], None], hold_ms: int = HOLD_MS) -> None:
        """Do one pilot *action* (a click or key), then record until the screen is still."""
        action()
        self.settle(hold_ms)

    def save(self, name: str, frames: Path | None = None) -> Path:
        """Write ``<name>.gif`` into docs/recording/ (and each frame as a PNG into *frames*)."""
        OUT.mkdir(exist_ok=True)
        if frames is not None:
            for index, (image, _ms) in enumerate(self.frames):
                image.save(frames / f"{name}-{index:03d}.png")
        images = [image.convert("P", palette=Image.Palette.ADAPTIVE) for image, _ in self.frames]
        path = OUT / f"{name}.gif"
        images[0].save(
            path,
            save_all=True,
            append_images=images[1:],
            duration=[ms for _image, ms in self.frames],
            loop=0,
            optimize=True,
        )
        return path


def _app(data: Path) -> App:
    """A headless game at 1280x720 with sound off, set up for the US, at the title."""
    return start_app(ContentPaths.discover(), data / "data", transitions=True)


def _open(app: App, lesson_id: str, mode: str = "play") -> None:
    """Open *lesson_id* at its first step, as the lesson list (or Classroom list) does."""
    from game.scenes.classroom import start_classroom
    from game.scenes.step_base import scene_for
    from game.session import LessonSession

    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None, lesson_id
    if mode == "classroom":
        start_classroom(app, lesson)
    else:
        app.push(scene_for(app, lesson, LessonSession(lesson)))
    app.scene.dirty = True


def _phase(app: App) -> str:
    session = getattr(app.scene, "session", None)
    return session.phase.value if session is not None else ""


def chat_step(rec: Recorder) -> None:
    """A G35 chat: the first messages arrive one by one, then a safe choice and its feedback."""
    app, pilot = rec.app, rec.pilot
    _open(app, "g35-gift-or-trick")
    rec.settle()
    for _ in range(12):
        if _phase(app) == "choosing":
            break
        rec.act(lambda: pilot.press(pygame.K_RETURN))
    keys = [b.key for b in app.scene.all_buttons() if b.key.startswith("choice:")]
    safe = [c.id for c in app.scene.session.step.choice_list if c.safe is True]
    pick = next(k for k in keys if k.split(":", 1)[1] in safe)
    rec.act(lambda: pilot.tab_to(pick), hold_ms=500)
    rec.act(lambda: pilot.press(pygame.K_RETURN), hold_ms=2500)


def _play_on(app: App, pilot: Pilot, pressed: set[str]) -> None:
    """One child's move: the best choice when there is one, else on (any answer goes on).

    A help plan's trusted grown-ups, app buttons and words are each pressed once
    (*pressed* remembers them) before its Done.
    """
    scene = app.scene
    keys = [b.key for b in scene.all_buttons()]
    session = getattr(scene, "session", None)
    step = session.step if session is not None else None
    best = {c.id for c in step.choice_list if c.safe is True} if step is not None else set()
    for key in keys:
        if key.startswith("choice:") and key.split(":", 1)[1] in best:
            pilot.click(key)
            return
    for key in keys:
        if key.startswith(("role:", "app:", "say:")) and key not in pressed:
            pressed.add(key)
            pilot.click(key)
            return
    for key in ("next", "check", "done", "finish", "send", "see"):
        if key in keys:
            pilot.click(key)
            return
    pilot.press(pygame.K_1)  # a sort box, a quiz answer, a feeling: any of them goes on


def celebration(rec: Recorder) -> None:
    """A K2 lesson played to its end: the debrief's confetti, then the new-badge moment."""
    from game.scenes.debrief import DebriefScene
    from game.scenes.step_base import StepScene

    app, pilot = rec.app, rec.pilot
    _open(app, "k2-kai-and-the-tricky-game")
    pressed: set[str] = set()
    for _ in range(300):
        if not isinstance(app.scene, StepScene) and "Check" not in type(app.scene).__name__:
            break  # the lesson is over: the debrief is in front
        _play_on(app, pilot, pressed)
    assert isinstance(app.scene, DebriefScene), type(app.scene).__name__
    rec.settle(hold_ms=1500)
    rec.act(lambda: pilot.click("missions"), hold_ms=2500)


def classroom_tally(rec: Recorder) -> None:
    """Classroom mode: the class votes with hands, the teacher counts them by keys."""
    app, pilot = rec.app, rec.pilot
    _open(app, "g68-pressure-for-pics", mode="classroom")
    for _ in range(20):
        if _phase(app) == "choosing":
            break
        pilot.click("next")
    rec.settle(hold_ms=1200)
    rec.act(lambda: pilot.click("tally"), hold_ms=800)
    for key, times in ((pygame.K_1, 3), (pygame.K_2, 11), (pygame.K_3, 5)):
        rec.act(lambda key=key: pilot.press(key), hold_ms=300)
        for _ in range(times):
            rec.act(lambda: pilot.press(pygame.K_PLUS), hold_ms=120)
    rec.settle(hold_ms=1200)
    rec.act(lambda: pilot.click("most"), hold_ms=2500)


CLIPS: dict[str, Callable[[Recorder], None]] = {
    "chat-step": chat_step,
    "celebration": celebration,
    "classroom-tally": classroom_tally,
}


def main(argv: list[str]) -> int:
    """Record every clip (or those named in *argv*) into docs/recording/."""
    frames = Path(tempfile.mkdtemp(prefix="signal-scouts-frames-")) if "--frames" in argv else None
    names = [name for name in argv if not name.startswith("--")] or list(CLIPS)
    for name in names:
        with tempfile.TemporaryDirectory(prefix="signal-scouts-rec-") as folder:
            pygame.init()
            app = _app(Path(folder))
            app.finish_loading()
            pilot = Pilot(app)
            rec = Recorder(app, pilot)
            CLIPS[name](rec)
            path = rec.save(name, frames)
            seconds = sum(ms for _image, ms in rec.frames) / 1000
            size = path.stat().st_size / 1e6
            where = path.relative_to(ROOT)
            print(f"{where}: {len(rec.frames)} frames, {seconds:.1f} s, {size:.1f} MB")
            pygame.quit()
    if frames is not None:
        print(f"frames as PNG: {frames}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
