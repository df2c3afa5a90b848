"""Carrying on a lesson left part-way: saving the place and playing back to it.

A :class:`~game.profile.ResumePoint` keeps only step and choice ids, tactic and skill
codes. Coming back, the session is played again along the saved steps and choices, so
the chat so far is on screen again, and the child carries on at the start of the step
they left. If the lesson changed since (a step or choice is gone), there is nothing to
carry on and the lesson starts from the beginning.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.model import Lesson
from game.profile import ResumePoint
from game.session import LessonSession, Phase

if TYPE_CHECKING:
    from game.app import App


def resume_point(session: LessonSession) -> ResumePoint:
    """Where *session* is now, as a resume point."""
    return ResumePoint(
        path=list(session.path),
        picks=list(session.picks),
        stars=dict(session.stars),
        skills=sorted(session.skills),
        flags=list(session.flags),
        paused=sorted(session.paused),
    )


def save_resume(app: App, session: LessonSession) -> None:
    """Remember where *session* was left (a child's play or a class lesson; not a preview)."""
    if session.mode not in ("play", "classroom"):
        return
    progress = app.profile.progress
    progress.set_resume(session.lesson.id, session.mode, resume_point(session))
    app.profile.save_progress()


def forget_resume(app: App, lesson_id: str, mode: str) -> None:
    """Forget where a lesson was left (it was finished, or started again)."""
    if mode not in ("play", "classroom"):
        return
    progress = app.profile.progress
    if progress.resume_point(lesson_id, mode) is not None:
        progress.set_resume(lesson_id, mode, None)
        app.profile.save_progress()


def restore(lesson: Lesson, point: ResumePoint, mode: str) -> LessonSession | None:
    """A session played back along *point* to the step it was left on (None if not)."""
    if not point.path or len(point.picks) != len(point.path):
        return None
    try:
        session = LessonSession(lesson, step_id=point.path[0], mode=mode)
        for step_id, pick in zip(point.path[:-1], point.picks[:-1], strict=True):
            if session.step_id != step_id:
                return None
            _replay_step(session, pick)
    except (KeyError, ValueError, StopIteration):
        return None
    if session.step_id != point.path[-1]:
        return None
    session.stars = dict(point.stars)
    session.skills |= set(point.skills)
    session.flags = list(point.flags)
    session.paused = set(point.paused)
    return session


def _replay_step(session: LessonSession, pick: str | None) -> None:
    """Go through the current step again the way it was played, to the next step."""
    session.reveal_all()
    if session.phase is Phase.ACTIVITY:
        session.finish_activity({})
        return
    if pick is not None:
        session.answer_check_in("unsure")  # feelings are never saved; any answer will do
        session.choose(pick)
    session.advance()
