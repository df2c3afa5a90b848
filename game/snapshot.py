"""``signal-scouts snapshot``: render any screen or lesson step to a PNG, headless."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from game.paths import ContentPaths

if TYPE_CHECKING:
    from game.app import App

#: Screen name -> (module in game.scenes, class). Grown-up screens open past the gate.
SCREENS = {
    "title": ("title", "TitleScene"),
    "groups": ("groups", "GroupScene"),
    "lessons": ("lessons", "LessonListScene"),
    "help": ("help", "HelpScene"),
    "help-grownups": ("help", "HelpScene"),
    "settings": ("settings", "SettingsScene"),
    "access": ("access", "AccessScene"),
    "problems": ("problems", "ProblemsScene"),
    "badges": ("badges", "BadgesScene"),
    "languages": ("choose_list", "LanguageScene"),
    "countries": ("choose_list", "CountryScene"),
    "country-question": ("choose_list", "CountryScene"),
    "gate": ("gate", "GateScene"),
    "grownups": ("grownups", "GrownUpsScene"),
    "teacher-lessons": ("teacher_lessons", "TeacherLessonsScene"),
    "coverage": ("coverage", "CoverageScene"),
    "classroom": ("classroom", "ClassroomScene"),
    "printables": ("printables", "PrintablesScene"),
    "certificates": ("printables", "CertificatesScene"),
    "home": ("home_guide", "HomeGuideScene"),
    "summary": ("class_summary", "ClassSummaryScene"),
    "import-results": ("import_results", "ImportResultsScene"),
    "managed-settings": ("managed", "ManagedSettingsScene"),
    "new-badge": ("new_badge", "NewBadgeScene"),
}
#: The badges the new-badge screen shows in snapshots (two, as after a first mission).
SNAPSHOT_BADGES = ["R02", "R09"]


def push_screen(app: App, name: str) -> None:
    """Open the named screen of :data:`SCREENS` on top of the stack, as a child meets it.

    The grown-ups' gate guards the grown-ups' menu (a fixed question), the grown-ups'
    Help lists adult services, and the country question is asked as on a first visit.
    """
    import importlib
    import random

    module, cls = SCREENS[name]
    scene_type = getattr(importlib.import_module(f"game.scenes.{module}"), cls)
    if name == "gate":
        from game.scenes.grownups import GrownUpsScene

        app.push(scene_type(app, GrownUpsScene, random.Random(7)))
    elif name == "help-grownups":
        from game.helplines import ADULT

        app.push(scene_type(app, ADULT))
    elif name == "country-question":
        app.push(scene_type(app, first_visit=True))
    elif name == "new-badge":
        celebration = scene_type(app, SNAPSHOT_BADGES)
        app.push(celebration)
        celebration.settle()  # the badges at rest, as the child sees them after a moment
    else:
        app.push(scene_type(app))


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise SystemExit(f"--size must look like 1280x720, not {text!r}") from exc
    return w, h


def play_to(
    app, lesson, step_id: str | None, *, choose: str | None, check_in: bool, mode: str = "play"
):
    """A :class:`~game.session.LessonSession` replayed up to *step_id* (default: the start)."""
    from game.content.routes import route_to
    from game.session import LessonSession, Phase

    route = route_to(lesson, step_id or lesson.start_id)
    if route is None:
        raise SystemExit(f"step '{step_id}' cannot be reached in lesson '{lesson.id}'")
    session = LessonSession(lesson, mode=mode)
    for _step, choice_id in route[:-1]:
        session.reveal_all()
        if session.phase is Phase.ACTIVITY:
            session.finish_activity({})
            continue
        if choice_id is not None:
            session.answer_check_in("uhoh")
            session.choose(choice_id)
        session.advance()
    session.reveal_all()
    if session.phase is Phase.CHECK_IN and not check_in:
        session.answer_check_in("uhoh")
    if choose:
        ids = [c.id for c in session.step.choice_list]
        if choose not in ids:
            raise SystemExit(f"choice '{choose}' is not in step '{session.step_id}': {ids}")
        session.answer_check_in("uhoh")
        session.choose(choose)
    return session


def show_dialog(app, name: str, session) -> None:
    """Open a question over the lesson: leave, carry-on (over the list) or go-to-step."""
    lesson = session.lesson
    if name == "leave":
        app.scene.ask_to_leave()
    elif name == "go-to-step":
        from game.scenes.go_to_step import GoToStepScene

        app.push(GoToStepScene(app, lesson, session.step_id))
    elif name == "tally":
        app.scene.press("tally")
        tally = app.scene
        for index in range(len(getattr(tally, "counts", []))):
            tally.counts[index] = 3 + 5 * index % 7  # a made-up count, to show the bars
    elif name == "carry-on":
        from game.resume import save_resume
        from game.scenes.carry_on import open_lesson

        save_resume(app, session)
        if session.mode == "classroom":
            from game.scenes.classroom import ClassroomScene

            app.text_size_override = None
            app.refresh_layout()
            app.reset_to(ClassroomScene(app))
        else:
            from game.scenes.lessons import LessonListScene

            app.profile.settings.band = lesson.grade_band
            app.reset_to(LessonListScene(app))
        open_lesson(app, lesson, session.mode, app.scene, lambda _session: None)
    else:
        raise SystemExit(f"no dialog called '{name}': leave, carry-on, go-to-step or tally")


def render_to_png(args: argparse.Namespace, paths: ContentPaths, data_folder: Path) -> None:
    """Build the requested screen in a headless app and save it."""
    import pygame

    from game.app import App
    from game.ui import theme

    # No managed-settings file unless --managed names one, so snapshots match everywhere.
    managed = getattr(args, "managed", None) or data_folder / "no-managed-settings.json"
    app = App(
        paths,
        size=_size(args.size),
        data_folder=data_folder,
        managed_file=managed,
        fullscreen=False,
        sound=False,
    )
    settings = app.profile.settings
    settings.text_size = getattr(args, "text_size", "normal")
    # A fixed country, so snapshots do not depend on this machine's locale.
    settings.country = (getattr(args, "country", None) or "US").upper()
    settings.country_confirmed = args.screen != "country-question"
    settings.theme = getattr(args, "theme", "normal") or "normal"
    settings.reading_font = getattr(args, "font", "andika") or "andika"
    theme.use_palette(theme.PALETTES[settings.theme])
    app.fonts.set_reading(settings.reading_font)
    app.set_language(getattr(args, "lang", "en") or "en")
    if app.managed.active:  # the school's settings win over the options, as in the game
        app.managed.apply(settings)
        app.set_language(settings.language)
    name = args.screen
    if name in SCREENS:
        settings.band = args.band or "G35"
        if name == "groups" and not args.band:
            settings.band = None
        push_screen(app, name)
    else:
        lesson = app.pack.by_id(name)
        if lesson is None:
            known = ", ".join(sorted(lesson.id for lesson in app.pack.lessons))
            raise SystemExit(
                f"no lesson or screen called '{name}'. Screens: "
                f"{', '.join(SCREENS)}. Lessons: {known}"
            )
        from game.scenes.debrief import DebriefScene
        from game.scenes.step_base import scene_for

        if getattr(args, "classroom", False):
            session_mode = "classroom"
            app.text_size_override = "extra_large"
            app.refresh_layout()
        else:
            session_mode = "play"
        if args.step == "debrief":
            from game.content.routes import route_between

            end = route_between(lesson, lesson.start_id, None)
            assert end is not None
            session = play_to(
                app, lesson, end[-1][0], choose=None, check_in=False, mode=session_mode
            )
            app.push(DebriefScene(app, session))
        else:
            choose, state = args.choose, None
            if any(s.id == args.step and s.type in ("privacy", "reply") for s in lesson.steps):
                choose, state = None, args.choose  # a privacy or reply step's state, not a choice
            session = play_to(
                app,
                lesson,
                args.step,
                choose=choose,
                check_in=args.check_in,
                mode=session_mode,
            )
            app.push(scene_for(app, lesson, session))
            if state:
                app.scene.show_state(state)
            if getattr(args, "pause", False):
                from game.scenes.pause import PauseScene

                pause = PauseScene(app, lesson, session.step_id)
                if not pause.questions:
                    raise SystemExit(f"step '{session.step_id}' has no pause point")
                pause.showing.add(0)
                app.push(pause)
            if getattr(args, "dialog", None):
                show_dialog(app, args.dialog, session)
    if getattr(args, "scroll", 0):
        app.scene.scroll_to(args.scroll)
    if getattr(args, "read_at", None) is not None:
        read_until(app, args.read_at)
    app.render()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(app.screen, str(args.out))
    pygame.quit()


def read_until(app, ms: int) -> None:
    """Read the screen aloud silently, on a pretend clock, until *ms* milliseconds in.

    The word being read at that moment is lit up, as a child would see it.
    """
    from game.narration.reader import ScreenReader

    now = [0.0]
    app.narration = ScreenReader(app, threaded=False, silent=True, clock=lambda: now[0])
    app.narration.replay(app.scene)
    for _ in range(max(0, ms) // 10 + 1):
        app.narration.tick()
        now[0] += 0.01
    now[0] -= 0.01
    app.narration.tick()


def run_snapshot(args: argparse.Namespace, paths: ContentPaths) -> int:
    """Render headless into a throw-away profile, so no real settings are touched."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    with tempfile.TemporaryDirectory(prefix="signal-scouts-snapshot-") as folder:
        render_to_png(args, paths, Path(folder))
    print(f"wrote {args.out}", file=sys.stderr)
    return 0
