"""Ages 11+ meet "adult" and "red flag feeling"; younger groups keep "grown-up" and "uh-oh"."""

from __future__ import annotations

import pytest

from game.app import App
from game.scenes.chat import ChatScene
from game.scenes.help_plan import HelpPlanScene
from game.session import LessonSession, Phase


def _check_in(app: App, lesson_id: str, step_id: str) -> ChatScene:
    lesson = app.pack.by_id(lesson_id)
    assert lesson is not None
    session = LessonSession(lesson, step_id=step_id, mode="preview")
    session.reveal_all()
    assert session.phase is Phase.CHECK_IN
    scene = ChatScene(app, lesson, session)
    app.push(scene)
    return scene


@pytest.mark.parametrize(
    ("lesson_id", "step_id", "label", "absent"),
    [
        ("g912-ten-minutes-to-blackmail", "bluff", "Uneasy", "Uh-oh"),
        ("k2-secrets-and-surprises", "prize", "Uh-oh", "Uneasy"),
    ],
)
def test_feeling_check_in_speaks_the_groups_words(
    app: App, lesson_id: str, step_id: str, label: str, absent: str
) -> None:
    """The third feeling is 'Uneasy' for teens and 'Uh-oh' for 5-7-year-olds."""
    scene = _check_in(app, lesson_id, step_id)
    labels = [b.label for b in scene.buttons]
    assert label in labels and absent not in labels
    scene.on_button("feel:uhoh")
    note = scene._feeling_note()
    assert ("red flag" in note) == (label == "Uneasy")


@pytest.mark.parametrize(
    ("lesson_id", "word"),
    [("g912-send-it-on", "adults"), ("k2-kai-and-the-tricky-game", "grown-ups")],
)
def test_help_plan_names_trusted_adults_by_age(app: App, lesson_id: str, word: str) -> None:
    """The help plan asks teens for trusted adults and young children for trusted grown-ups."""
    lesson = app.pack.by_id(lesson_id)
    step = next(s for s in lesson.steps if s.type == "help_plan")
    scene = HelpPlanScene(app, lesson, LessonSession(lesson, step_id=step.id, mode="preview"))
    app.push(scene)
    seen: list[str] = []
    app.text.recorder = seen
    scene.draw(app.screen)
    app.text.recorder = None
    assert any(f"trusted {word}" in text for text in seen), seen[:5]
