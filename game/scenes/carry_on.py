"""Opening a lesson that was left part-way: "Carry on" or "Start again".

Used by the child's lesson list and by classroom mode; a class lesson can also start
at any step (the teacher's "Go to step").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from game.content.model import Lesson
from game.resume import forget_resume, restore
from game.session import LessonSession

if TYPE_CHECKING:
    from game.app import App
    from game.scenes.base import Scene

#: Starts the lesson: from a played-back session, or from the beginning (None).
Starter = Callable[[LessonSession | None], None]


def left_part_way(app: App, lesson: Lesson, mode: str) -> bool:
    """True when *lesson* was left part-way in *mode* ('play' or 'classroom')."""
    return app.profile.progress.resume_point(lesson.id, mode) is not None


def open_lesson(app: App, lesson: Lesson, mode: str, behind: Scene, start: Starter) -> None:
    """Start *lesson*, first asking "Carry on?" if it was left part-way.

    Escape closes the question and starts nothing. If the lesson changed so much that
    the place no longer exists, it starts from the beginning.
    """
    from game.scenes.ask import AskScene

    point = app.profile.progress.resume_point(lesson.id, mode)
    if point is None:
        start(None)
        return
    _ = app.tr._
    options = [("carry", _("Carry on"))]
    if mode == "classroom":
        options.append(("steps", _("Go to step")))
    options.append(("again", _("Start again")))

    def answered(answer: str | None) -> None:
        if answer == "carry":
            session = restore(lesson, point, mode)
            if session is None:
                forget_resume(app, lesson.id, mode)
            start(session)
        elif answer == "again":
            forget_resume(app, lesson.id, mode)
            start(None)
        elif answer == "steps":
            _go_to_step(app, lesson, mode, start)

    ask = AskScene(
        app,
        _("Welcome back!"),
        _("Carry on from where you stopped, or start this mission again?"),
        options,
        cancel=None,
        behind=behind,
    )
    app.push(ask, answered)


def _go_to_step(app: App, lesson: Lesson, mode: str, start: Starter) -> None:
    """Let the teacher pick a step, then start the lesson there."""
    from game.scenes.go_to_step import GoToStepScene

    point = app.profile.progress.resume_point(lesson.id, mode)
    current = point.path[-1] if point and point.path else None

    def picked(step_id: str | None) -> None:
        if not step_id:
            return
        session = restore(lesson, point, mode) if point else None
        if session is None:
            session = LessonSession(lesson, step_id=step_id, mode=mode)
        else:
            session.jump_to(step_id)
        start(session)

    app.push(GoToStepScene(app, lesson, current), picked)
