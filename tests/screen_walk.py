"""Every screen of the game, and every state of every activity, shown one after another.

:func:`every_screen` extends the walk of ``tests/test_i18n.py`` (screens, lesson steps
and their feedback, grown-up screens, leaving and carrying on) with what it leaves out:
the accessibility settings, the help screen for each reader, the debrief of each lesson,
and the states an activity reaches as it is played (a spot checked, a sort card
explained and the summary, a quiz answer and its summary, each stage of a help plan with
its hint, a privacy step's result and the settings after it, a reply builder's tiles
and each kind of reaction). Each yield names the screen on top.
"""

from __future__ import annotations

from collections.abc import Iterator

from game.app import App


def every_screen(app: App) -> Iterator[str]:
    """Yield after showing each screen and activity state (the screen is ``app.scene``)."""
    from game.scenes.access import AccessScene
    from game.scenes.help import HelpScene
    from game.scenes.settings import SettingsScene
    from tests.test_i18n import _all_screens

    yield from _all_screens(app)
    settings = app.profile.settings
    mode, seconds = settings.switch_access, settings.scan_seconds
    settings.switch_access = "one"
    app.reset_to(SettingsScene(app))
    app.push(AccessScene(app))
    yield "AccessScene"
    settings.switch_access, settings.scan_seconds = mode, seconds
    for audience in ("K2", "G35", "G68", "G912", "adult"):
        app.reset_to(HelpScene(app, audience))
        yield f"HelpScene/{audience}"
    for lesson in app.pack.lessons:
        yield from _lesson_states(app, lesson)


def _lesson_states(app: App, lesson) -> Iterator[str]:
    """The debrief, and each activity of *lesson* part-way and at its end."""
    from game.content.routes import route_between
    from game.scenes.debrief import DebriefScene
    from game.scenes.step_base import scene_for
    from game.snapshot import play_to

    end = route_between(lesson, lesson.start_id, None)
    if end is not None:
        session = play_to(app, lesson, end[-1][0], choose=None, check_in=False)
        app.reset_to(DebriefScene(app, session))
        yield f"{lesson.id}/debrief"
    for step in lesson.steps:
        if step.type not in ("spot", "sort", "quiz", "help_plan", "privacy", "reply"):
            continue
        session = play_to(app, lesson, step.id, choose=None, check_in=False)
        app.reset_to(scene_for(app, lesson, session))
        yield from _activity_states(app, f"{lesson.id}/{step.id}")


def _activity_states(app: App, where: str) -> Iterator[str]:
    """Play the activity on top a little at a time, yielding after each new state."""
    scene = app.scene
    kind = type(scene).__name__
    if kind == "SpotScene":
        first = scene.step.messages[0].id
        scene.marked = {first}
        scene.relayout()
        yield f"{where}/marked"
        scene.checked = True
        scene.relayout()
        yield f"{where}/checked"
    elif kind == "SortScene":
        card = scene.card
        wrong = next(b.id for b in scene.step.bins if b.id != card.bin)
        scene.placed[card.id] = wrong
        scene.answered = True
        scene.relayout()
        yield f"{where}/explained"
        scene.index = len(scene.step.cards)
        scene.answered = False
        scene.relayout()
        yield f"{where}/done"
    elif kind == "QuizScene":
        question = scene.question
        key = scene.options(question)[-1][0]
        scene.answers[question.id] = key
        scene.relayout()
        yield f"{where}/answered"
        for q in scene.step.questions:
            scene.answers.setdefault(q.id, scene.options(q)[0][0])
        scene.index = len(scene.step.questions)
        scene.relayout()
        yield f"{where}/done"
    elif kind == "HelpPlanScene":
        yield from _help_plan_states(scene, where)
    elif kind == "PrivacyScene":
        for state in ("open", "change", "safe"):  # the result, the settings after it
            scene.show_state(state)
            yield f"{where}/{state}"
    elif kind == "ReplyScene":
        yield from _reply_states(scene, where)


def _reply_states(scene, where: str) -> Iterator[str]:
    """A reply builder: tiles picked, then the best, a reason's and a repair's reaction."""
    step = scene.step
    firm_no = next(t.id for t in step.say_no if t.firm)
    open_no = next((t.id for t in step.say_no if not t.firm), firm_no)
    action = next(t.id for t in step.actions if t.firm)
    states = {
        "picked": f"{firm_no},none,{action}",
        "great": f"{firm_no},none,{action},send",
        "okay": f"{firm_no},{step.reasons[0].id},{action},send",
        "repair": f"{open_no},{step.reasons[-1].id},{step.actions[-1].id},send",
    }
    for name, state in states.items():
        scene.picks, scene.sent = {}, False
        scene.show_state(state)
        yield f"{where}/{name}"


def _help_plan_states(scene, where: str) -> Iterator[str]:
    """Each stage of a help plan, with the hint it can show."""
    step = scene.step
    scene.on_button("done")  # too few adults: the hint
    yield f"{where}/adults-hint"
    scene.adults = list(step.roles[: step.min_adults])
    scene.hint = ""
    scene.stage = "app"
    scene.relayout()
    yield f"{where}/app"
    scene.on_button("app:delete")  # "Don't delete it": the hint
    yield f"{where}/app-hint"
    scene.app_done = list(step.app_actions)
    scene.hint = ""
    scene.relayout()
    yield f"{where}/app-done"
    scene.stage = "say"
    unhelpful = [o.id for o in step.say if not o.helpful]
    if unhelpful:
        scene.on_button(f"say:{unhelpful[0]}")
        yield f"{where}/say-hint"
    scene.said = [o.id for o in step.say if o.helpful]
    scene.hint = ""
    scene.relayout()
    yield f"{where}/say-done"
    scene.stage = "rehearse"
    scene.relayout()
    yield f"{where}/rehearse"
