"""``signal-scouts narrate``: a lesson's narration as numbered WAV files, in reading order.

Authors, translators and teachers can listen to a lesson without playing it, and tests
can check the audio. The lesson is played headless along the way a child would take
(the route to the step; activities answered rightly), and at each screen exactly the
lines the game would read are kept (:func:`game.narration.reader.fresh_lines`). At a
step with choices, the feedback of every choice follows the choices. Each line becomes
``NNN-<step>.wav`` (a recorded clip where one exists, else eSpeak NG), and
``narration.tsv`` lists them: file, step, clip name, text.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import wave
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.narration.lines import Line
from game.paths import ContentPaths

if TYPE_CHECKING:
    from game.app import App
    from game.content.model import Lesson
    from game.scenes.base import Scene

#: The feeling a scripted child picks at a check-in.
FEELING = "uhoh"
#: Presses after which a step that has not ended is taken to be stuck.
MAX_PRESSES = 400


@dataclass(frozen=True)
class Spoken:
    """One line of the script: the step it belongs to, and the line."""

    step: str
    line: Line


class Recorder:
    """Keeps the lines each screen would read, as the game's reader does."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.seen: dict[int, set[str]] = {}
        self.scenes: list[Scene] = []  # kept alive so ids are not reused

    def fresh(self) -> list[Line]:
        """The lines the screen on top would read now."""
        from game.narration.reader import fresh_lines

        scene = self.app.scene
        if id(scene) not in self.seen:
            self.scenes.append(scene)
        return fresh_lines(scene, self.seen.setdefault(id(scene), set()))


def next_press(scene: Scene, choice_id: str | None) -> str | None:
    """The button a child on the way through presses next (None: the lesson is over)."""
    from game.scenes.help_plan import HelpPlanScene
    from game.scenes.quiz import QuizScene
    from game.scenes.sort import SortScene
    from game.scenes.spot import SpotScene
    from game.scenes.step_base import StepScene
    from game.session import Phase

    if not isinstance(scene, StepScene):
        return None
    phase = scene.session.phase
    if phase is Phase.FINISHED and scene.step_type in ("chat", "story"):
        return "finish"
    if isinstance(scene, SpotScene):
        todo = [m.id for m in scene.step.messages if m.tactic and m.id not in scene.marked]
        return "next" if scene.checked else (f"spot:{todo[0]}" if todo else "check")
    if isinstance(scene, SortScene):
        card = scene.card
        return f"bin:{card.bin}" if card and not scene.answered else "next"
    if isinstance(scene, QuizScene):
        question = scene.question
        if question is None or question.id in scene.answers:
            return "next"
        keys = [key for key, _label in scene.options(question)]
        return "answer:" + next(k for k in keys if scene.is_right(question, k))
    if isinstance(scene, HelpPlanScene):
        return _help_plan_press(scene)
    if phase is Phase.CHECK_IN:
        return f"feel:{FEELING}"
    if phase is Phase.CHOOSING:
        return f"choice:{choice_id}"
    return "next"


def _help_plan_press(scene: Any) -> str:
    step = scene.step
    if scene.stage == "adults" and len(scene.adults) < step.min_adults:
        return f"role:{next(r for r in step.roles if r not in scene.adults)}"
    if scene.stage == "app" and scene.next_action() is not None:
        return f"app:{scene.next_action()}"
    if scene.stage == "say":
        todo = [o.id for o in step.say if o.helpful and o.id not in scene.said]
        if todo:
            return f"say:{todo[0]}"
    return "done"


def _start(app: App, lesson: Lesson) -> None:
    from game.scenes.step_base import scene_for

    app.reset_to(scene_for(app, lesson))


def _step_of(app: App) -> str | None:
    session = getattr(app.scene, "session", None)
    from game.scenes.debrief import DebriefScene

    if isinstance(app.scene, DebriefScene):
        return "debrief"
    return session.step_id if session is not None else None


def script(app: App, lesson: Lesson, step_id: str | None) -> list[Spoken]:
    """Every line read on step *step_id* (every step and the debrief when None), in order."""
    from game.content.routes import route_between, route_to

    targets: set[str] | None
    if step_id in (None, "debrief"):
        route = route_between(lesson, lesson.start_id, None) or []
        targets, stop_at = (None if step_id is None else {"debrief"}), None
    else:
        route = route_to(lesson, step_id) or []
        targets, stop_at = {step_id}, step_id
        if not route:
            raise SystemExit(f"step '{step_id}' cannot be reached in lesson '{lesson.id}'")
    choices = dict(route)
    for step in lesson.steps:  # off the route (or at its end): the first choice
        if step.has_choices and choices.get(step.id) is None:
            choices[step.id] = step.choice_list[0].id
    out: list[Spoken] = []
    _play(app, lesson, choices, targets, out, stop_at=stop_at)
    if stop_at is None or not lesson.step(stop_at).has_choices:
        return out
    return out + _other_choices(app, lesson, choices, stop_at)


def _play(
    app: App,
    lesson: Lesson,
    choices: dict[str, str | None],
    targets: set[str] | None,
    out: list[Spoken],
    *,
    stop_at: str | None,
    before_choice: Callable[[], bool] | None = None,
) -> Recorder:
    """Play from the start, keeping the lines of *targets* (all when None)."""
    _start(app, lesson)
    recorder = Recorder(app)
    for _ in range(MAX_PRESSES):
        lines = recorder.fresh()
        step = _step_of(app)
        if step is not None and (targets is None or step in targets):
            out += [Spoken(step, line) for line in lines]
        if stop_at is not None and step != stop_at and any(s.step == stop_at for s in out):
            break
        press = next_press(app.scene, choices.get(step or ""))
        if press is None:
            break
        at_choice = press.startswith("choice:") and step == stop_at
        if before_choice is not None and at_choice and before_choice():
            break
        app.scene.press(press)
    return recorder


def _other_choices(
    app: App, lesson: Lesson, choices: dict[str, str | None], step_id: str
) -> list[Spoken]:
    """The feedback of every choice of *step_id* but the one on the way through."""
    step = lesson.step(step_id)
    taken = choices.get(step_id)
    out: list[Spoken] = []
    for choice in step.choice_list:
        if choice.id == taken:
            continue
        scratch: list[Spoken] = []
        recorder = _play(
            app,
            lesson,
            choices,
            {step_id},
            scratch,
            stop_at=step_id,
            before_choice=lambda: True,
        )
        app.scene.press(f"choice:{choice.id}")
        out += [Spoken(step_id, line) for line in recorder.fresh()]
    return out


# -- audio ------------------------------------------------------------------------------
def line_audio(
    line: Line, clips: Any, synth: Any, rate: int
) -> tuple[bytes, int, int, str]:
    """(samples, rate, channels, source) for *line*: its recorded clip, else eSpeak NG."""
    from game.narration.voices import voice_for

    clip = clips.find(line.lang, line.clip)
    if clip is not None:
        import pygame

        sound = pygame.mixer.Sound(str(clip))
        frequency, _size, channels = pygame.mixer.get_init()
        return sound.get_raw(), frequency, channels, f"clip {clip.name}"
    speech = synth.speak_now(line.text, voice_for(line.lang), rate)
    return speech.samples, speech.rate, 1, f"eSpeak {voice_for(line.lang)}"


def write_wav(path: Path, samples: bytes, rate: int, channels: int) -> None:
    """Write 16-bit PCM *samples* as a WAV file."""
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(channels)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(samples)


def run_narrate(args: argparse.Namespace, paths: ContentPaths) -> int:
    """Write the WAV files and ``narration.tsv``; print where they went."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    import pygame

    from game.app import App
    from game.narration.clips import ClipLibrary
    from game.narration.espeak import EspeakEngine, SpeechUnavailable
    from game.narration.synth import Synthesizer
    from game.narration.voices import rate_for

    with tempfile.TemporaryDirectory(prefix="signal-scouts-narrate-") as folder:
        app = App(paths, size=(1280, 720), data_folder=Path(folder), fullscreen=False, sound=False)
        settings = app.profile.settings
        settings.country = (args.country or "US").upper()
        settings.country_confirmed = True
        app.set_language(args.lang)
        lesson = app.pack.by_id(args.lesson)
        if lesson is None:
            known = ", ".join(sorted(item.id for item in app.pack.lessons))
            print(f"no lesson called '{args.lesson}'. Lessons: {known}", file=sys.stderr)
            return 2
        settings.band = lesson.grade_band
        step = None if args.step in (None, "all") else args.step
        ids = [item.id for item in lesson.steps]
        if step is not None and step != "debrief" and step not in ids:
            print(f"no step '{step}' in {lesson.id}: {', '.join(ids)}", file=sys.stderr)
            return 2
        spoken = script(app, lesson, step)
        pygame.mixer.init(frequency=22050, size=-16, channels=1)
        clips = ClipLibrary(paths.assets / "voice")
        synth = Synthesizer(EspeakEngine(), threaded=False)
        out: Path = args.out
        out.mkdir(parents=True, exist_ok=True)
        rows = ["file\tstep\tclip\tsource\ttext"]
        try:
            for number, item in enumerate(spoken, start=1):
                samples, rate, channels, source = line_audio(
                    item.line, clips, synth, rate_for(args.pace)
                )
                name = f"{number:03d}-{item.step}.wav"
                write_wav(out / name, samples, rate, channels)
                text = item.line.text.replace("\t", " ").replace("\n", " ")
                rows.append(f"{name}\t{item.step}\t{item.line.clip or ''}\t{source}\t{text}")
        except SpeechUnavailable as exc:
            print(f"speech is not available: {exc}", file=sys.stderr)
            return 1
        finally:
            pygame.quit()
        (out / "narration.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    print(f"wrote {len(spoken)} WAV files and narration.tsv to {out}", file=sys.stderr)
    return 0
