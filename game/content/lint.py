"""Story-graph and curriculum checks that the model alone cannot express.

Each check returns :class:`Problem` objects located in the source file, with a
sentence that tells the author how to fix it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from game.content.model import (
    AnyStep,
    ChatStep,
    HelpPlanStep,
    Lesson,
    QuizStep,
    SortStep,
    SpotStep,
    StoryStep,
)
from game.content.problems import Problem, did_you_mean
from game.content.source import SourceMap
from game.content.taxonomy import AVOID_WORDS, BANDS, HELP_SKILL, SKILLS, TACTICS

MIN_CHOICES, MAX_CHOICES = 2, 4
REASSURANCE_SKILLS = ("R13", "R14")


def lint_lesson(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Run every check on a validated lesson."""
    problems: list[Problem] = []
    for check in (
        _check_band,
        _check_codes,
        _check_ids,
        _check_graph,
        _check_words,
        _check_activities,
        _check_plan,
        _check_percent,
    ):
        problems += check(lesson, smap)
    return problems


def _edges(step: AnyStep) -> Iterator[tuple[str, bool]]:
    """(target, passes-help-route) for each way out of *step*."""
    for _choice, target, helps in step.exits(HELP_SKILL):
        yield target, helps


def _check_band(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    band = BANDS[lesson.grade_band]
    out = []
    if lesson.sensitivity_level > band.max_sensitivity:
        out.append(
            smap.problem(
                ("sensitivity_level",),
                f"sensitivity level {lesson.sensitivity_level} is not allowed for {band.code}: "
                f"{band.code} lessons may use levels 1-{band.max_sensitivity} only (levels 3-4 "
                "are for G68 and G912); lower the level or move the lesson to an older band",
            )
        )
    low, high = lesson.age_range
    if low > high or low < band.ages[0] or high > band.ages[1]:
        out.append(
            smap.problem(
                ("age_range",),
                f"age range {low}-{high} does not fit band {band.code} "
                f"(ages {band.ages[0]}-{band.ages[1]}); use an age range inside the band",
            )
        )
    if lesson.sensitivity_level >= 2:
        missing = [c for c in REASSURANCE_SKILLS if c not in lesson.skills_practised]
        if missing:
            out.append(
                smap.problem(
                    ("skills_practised",),
                    "lessons about contact risk (sensitivity 2+) must practise "
                    f"{', '.join(missing)} "
                    "(it's never too late to tell; it's not your fault): add them to "
                    "skills_practised and to a step or choice",
                )
            )
    if not lesson.sources:
        out.append(
            Problem(
                smap.file,
                1,
                1,
                "no sources: add at least one under 'sources:' so teachers can check the facts",
                "warning",
            )
        )
    return out


def _code_problems(
    codes: list[str], path: tuple[str | int, ...], table: dict, kind: str, smap: SourceMap
) -> Iterator[Problem]:
    for index, code in enumerate(codes):
        if code not in table:
            first, last = min(table), max(table)
            yield smap.problem(
                (*path, index),
                f"'{code}' is not a {kind} code ({first}-{last}).{did_you_mean(code, table)}",
            )


def _check_codes(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    out = list(
        _code_problems(lesson.tactics_covered, ("tactics_covered",), TACTICS, "tactic", smap)
    )
    out += _code_problems(lesson.skills_practised, ("skills_practised",), SKILLS, "skill", smap)
    skills = [
        (("steps", si, *where), code)
        for si, step in enumerate(lesson.steps)
        for where, code in step.skill_refs()
    ]
    tactics = [
        (("steps", si, *where), code)
        for si, step in enumerate(lesson.steps)
        for where, code in step.tactic_refs()
    ]
    tactics += [
        (("learning_check", ii, "tactic"), item.tactic)
        for ii, item in enumerate(lesson.learning_check)
        if item.tactic
    ]
    for path, code, table, kind, listed, key in [
        *((p, c, SKILLS, "skill", lesson.skills_practised, "skills_practised") for p, c in skills),
        *((p, c, TACTICS, "tactic", lesson.tactics_covered, "tactics_covered") for p, c in tactics),
    ]:
        if code not in table:
            first, last = min(table), max(table)
            out.append(
                smap.problem(
                    path,
                    f"'{code}' is not a {kind} code ({first}-{last}).{did_you_mean(code, table)}",
                )
            )
        elif code not in listed:
            out.append(
                smap.problem(
                    path, f"{kind} {code} is used here but missing from {key}: add it there"
                )
            )
    return out


def _check_ids(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    out = []
    seen: dict[str, tuple[int, int]] = {}
    for si, step in enumerate(lesson.steps):
        for where, item_id in step.item_ids():
            path = ("steps", si, *where)
            if item_id in seen:
                line, col = seen[item_id]
                out.append(
                    smap.problem(
                        path,
                        f"the id '{item_id}' is already used at line "
                        f"{line}:{col}; every step, message, choice and card "
                        "needs its own id",
                    )
                )
            else:
                seen[item_id] = smap.where(path)
    return out


def _check_graph(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    out: list[Problem] = []
    steps = {s.id: s for s in lesson.steps}
    index = {s.id: i for i, s in enumerate(lesson.steps)}
    if lesson.start and lesson.start not in steps:
        out.append(
            smap.problem(
                ("start",),
                f"start step '{lesson.start}' does not exist.{did_you_mean(lesson.start, steps)}",
            )
        )
        return out
    for si, step in enumerate(lesson.steps):
        where = ("steps", si)
        if step.next and step.next not in steps:
            out.append(
                smap.problem(
                    (*where, "next"),
                    f"'next: {step.next}' points to no step."
                    f"{did_you_mean(step.next, steps)} Use an existing step id.",
                )
            )
        for ci, choice in enumerate(step.choice_list):
            if choice.next not in steps:
                out.append(
                    smap.problem(
                        (*where, "choices", ci, "next"),
                        f"'next: {choice.next}' points to no step."
                        f"{did_you_mean(choice.next, steps)} Use an existing step id.",
                    )
                )
        ways = sum(x for x in (step.has_choices, step.next is not None, step.end))
        if ways == 0:
            out.append(
                smap.problem(
                    where,
                    f"step '{step.id}' is a dead end: give it 'next:', 'choices:' or 'end: true'",
                )
            )
        elif ways > 1:
            out.append(
                smap.problem(
                    where,
                    f"step '{step.id}' has more than one way on: use "
                    "only one of 'next:', 'choices:' or 'end: true'",
                )
            )
        if step.has_choices:
            count = len(step.choice_list)
            if count == 0:
                out.append(
                    smap.problem(
                        (*where, "choices"),
                        "this choice list is empty: give "
                        f"the child {MIN_CHOICES}-{MAX_CHOICES} choices",
                    )
                )
            elif not MIN_CHOICES <= count <= MAX_CHOICES:
                out.append(
                    smap.problem(
                        (*where, "choices"),
                        f"{count} choices: give the child {MIN_CHOICES}-{MAX_CHOICES} choices",
                    )
                )
            if count and not any(c.safe for c in step.choice_list):
                out.append(
                    smap.problem(
                        (*where, "choices"),
                        "no choice here is safe: add one "
                        "safe choice so the child can practise the right move",
                    )
                )
        if step.end and isinstance(step, ChatStep) and not step.messages:
            out.append(
                smap.problem(where, "the last step needs at least one message to close the story")
            )
    if out:
        return out  # the graph walks below need valid references

    reachable = _reach(lesson.start_id, steps)
    for step in lesson.steps:
        if step.id not in reachable:
            out.append(
                smap.problem(
                    ("steps", index[step.id]),
                    f"step '{step.id}' can never be reached: point a 'next:' at it or delete it",
                )
            )
    ends = {s.id for s in lesson.steps if s.end}
    if not ends:
        out.append(
            smap.problem(("steps",), "no step ends the lesson: mark the last step with 'end: true'")
        )
        return out
    for step_id in sorted(reachable, key=index.get):
        if not (_reach(step_id, steps) & ends):
            out.append(
                smap.problem(
                    ("steps", index[step_id]),
                    f"from step '{step_id}' the story "
                    "never ends (it loops forever): add a way to an 'end: true' "
                    "step",
                )
            )
    leak = _path_without_help(lesson.start_id, steps, ends)
    if leak:
        out.append(
            smap.problem(
                ("steps", index[leak[-1]]),
                "this path reaches the end without the help route (" + " -> ".join(leak) + "): "
                f"every path must practise {HELP_SKILL} (tell a trusted adult); add "
                f"'skills: [{HELP_SKILL}]' to a step or choice on it",
            )
        )
    return out


def _reach(start: str, steps: dict[str, AnyStep]) -> set[str]:
    seen = {start}
    todo = deque([start])
    while todo:
        for target, _helps in _edges(steps[todo.popleft()]):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _path_without_help(start: str, steps: dict[str, AnyStep], ends: set[str]) -> list[str] | None:
    """A path from *start* to an end that never passes the help route, if one exists."""
    if HELP_SKILL in steps[start].skills:
        return None
    parent: dict[str, str | None] = {start: None}
    todo = deque([start])
    while todo:
        current = todo.popleft()
        if current in ends:
            path = [current]
            while (prev := parent[path[-1]]) is not None:
                path.append(prev)
            return path[::-1]
        for target, helps in _edges(steps[current]):
            if helps or target in parent or HELP_SKILL in steps[target].skills:
                continue
            parent[target] = current
            todo.append(target)
    return None


def _check_words(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    words = AVOID_WORDS[lesson.grade_band]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)
    out = []
    texts = [
        (("steps", si, *where), text)
        for si, step in enumerate(lesson.steps)
        for where, text in step.child_texts()
    ]
    for ii, item in enumerate(lesson.learning_check):
        texts += [
            (("learning_check", ii, "text"), item.text),
            (("learning_check", ii, "explain"), item.explain),
        ]
    for path, text in texts:
        if match := pattern.search(text):
            out.append(
                smap.problem(
                    path,
                    f"'{match.group(0)}' is on the avoid list for {lesson.grade_band} "
                    "(safety-education.md §5.3): use the band's own words, such as 'tricky' "
                    "or 'uh-oh'",
                )
            )
    return out


def _check_activities(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Rules for each kind of activity step (spot, sort, quiz, story, help plan)."""
    out: list[Problem] = []
    for si, step in enumerate(lesson.steps):
        at = ("steps", si)
        if isinstance(step, SpotStep):
            out += _check_spot(step, at, smap)
        elif isinstance(step, SortStep):
            out += _check_sort(step, at, smap)
        elif isinstance(step, QuizStep):
            out += _check_quiz(step, at, smap)
        elif isinstance(step, HelpPlanStep):
            out += _check_help_plan(step, at, smap)
        elif isinstance(step, StoryStep) and step.choices and not step.prompt:
            out.append(
                smap.problem(
                    (*at, "choices"),
                    "a story page with choices needs a 'prompt:' such as 'What should Mo do?'",
                )
            )
    return out


def _check_spot(step: SpotStep, at: tuple, smap: SourceMap) -> list[Problem]:
    out = []
    flags = [m for m in step.messages if m.tactic]
    if not flags or len(flags) == len(step.messages):
        out.append(
            smap.problem(
                (*at, "messages"),
                "a spot step needs at least one red-flag "
                "message (with 'tactic:') and one safe message (with 'why_ok:')",
            )
        )
    for mi, message in enumerate(step.messages):
        if message.tactic and message.why_ok:
            out.append(
                smap.problem(
                    (*at, "messages", mi, "why_ok"),
                    "a red-flag message takes 'tactic:' only; remove 'why_ok:' or the tactic",
                )
            )
        if not message.tactic and not message.why_ok:
            out.append(
                smap.problem(
                    (*at, "messages", mi),
                    "this safe message needs 'why_ok:' "
                    "saying why it is fine (or add 'tactic:' if it is a red "
                    "flag)",
                )
            )
    return out


def _check_sort(step: SortStep, at: tuple, smap: SourceMap) -> list[Problem]:
    out = []
    bins = {b.id for b in step.bins}
    for ci, card in enumerate(step.cards):
        if card.bin not in bins:
            out.append(
                smap.problem(
                    (*at, "cards", ci, "bin"),
                    f"bin '{card.bin}' does not "
                    f"exist.{did_you_mean(card.bin, bins)} Use one of: "
                    f"{', '.join(sorted(bins))}",
                )
            )
    used = {c.bin for c in step.cards}
    for bi, sort_bin in enumerate(step.bins):
        if sort_bin.id not in used:
            out.append(
                smap.problem(
                    (*at, "bins", bi),
                    f"no card goes in bin '{sort_bin.id}': add a card for it or remove the bin",
                )
            )
    return out


def _check_quiz(step: QuizStep, at: tuple, smap: SourceMap) -> list[Problem]:
    out = []
    for qi, question in enumerate(step.questions):
        where = (*at, "questions", qi)
        if question.kind == "true_false":
            if question.answer is None:
                out.append(
                    smap.problem(
                        where, "a true/false question needs 'answer: true' or 'answer: false'"
                    )
                )
            if question.options:
                out.append(
                    smap.problem(
                        (*where, "options"),
                        "a true/false question has no 'options:'; remove them or use kind: choice",
                    )
                )
            continue
        options = question.options or []
        if not MIN_CHOICES <= len(options) <= MAX_CHOICES:
            out.append(
                smap.problem(
                    (*where, "options") if options else where,
                    f"a multiple-choice question needs {MIN_CHOICES}-"
                    f"{MAX_CHOICES} options (it has {len(options)})",
                )
            )
        correct = sum(o.correct for o in options)
        if options and correct != 1:
            out.append(
                smap.problem(
                    (*where, "options"),
                    f"a multiple-choice question needs "
                    f"exactly one option with 'correct: true' (it has "
                    f"{correct})",
                )
            )
        if question.answer is not None:
            out.append(
                smap.problem(
                    (*where, "answer"),
                    "'answer:' is for true/false questions; "
                    "mark the right option with 'correct: true' instead",
                )
            )
    return out


def _check_help_plan(step: HelpPlanStep, at: tuple, smap: SourceMap) -> list[Problem]:
    out = []
    if step.min_adults > len(step.roles):
        out.append(
            smap.problem(
                (*at, "min_adults"),
                f"min_adults is {step.min_adults} but only {len(step.roles)} roles are offered",
            )
        )
    if not any(o.helpful for o in step.say) or all(o.helpful for o in step.say):
        out.append(
            smap.problem(
                (*at, "say"),
                "offer both helpful phrases ('helpful: true') "
                "and unhelpful ones to practise telling",
            )
        )
    if HELP_SKILL not in step.skills:
        out.append(
            smap.problem(
                (*at, "skills") if step.skills else at,
                f"a help plan practises telling: add '{HELP_SKILL}' to its skills",
            )
        )
    return out


#: Plan sections a teacher expects; a lesson without one still plays, with a warning.
PLAN_SECTIONS = (
    "warm_up",
    "flow",
    "practice",
    "apply",
    "exit_ticket",
    "differentiation",
    "background",
    "home",
    "learning_check",
)


def _check_plan(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """The printable plan: timings add up, references exist, nothing missing."""
    out: list[Problem] = []
    for key in PLAN_SECTIONS:
        if not getattr(lesson, key):
            out.append(
                Problem(
                    smap.file,
                    *smap.where(("id",)),
                    f"the lesson plan has no '{key}' section: add it so the printed plan "
                    "is complete (see docs/lesson-authoring.md, 'The lesson plan')",
                    "warning",
                )
            )
    if lesson.flow:
        total = sum(part.minutes for part in lesson.flow)
        if total != lesson.duration_min:
            out.append(
                smap.problem(
                    ("flow",),
                    f"the flow adds up to {total} minutes but duration_min is "
                    f"{lesson.duration_min}: change the minutes so they match",
                )
            )
        parts = [part.part for part in lesson.flow]
        if "game" not in parts:
            out.append(
                smap.problem(("flow",), "the flow has no 'game' part: add one for the game steps")
            )
        for index, name in enumerate(parts):
            if name in parts[:index]:
                out.append(
                    smap.problem(
                        ("flow", index, "part"),
                        f"'{name}' appears twice in the flow: "
                        "give it one entry with all its minutes",
                    )
                )
    for qi, question in enumerate(lesson.discussion_questions):
        if question.pause_after and question.pause_after not in lesson.step_map:
            out.append(
                smap.problem(
                    ("discussion_questions", qi, "pause_after"),
                    f"no step has the id '{question.pause_after}'; pause_after names the "
                    "step after which classroom mode pauses."
                    f"{did_you_mean(question.pause_after, set(lesson.step_map))}",
                )
            )
    urls = {source.url for source in lesson.sources}
    for fi, fact in enumerate(lesson.background):
        if fact.source not in urls:
            out.append(
                smap.problem(
                    ("background", fi, "source"),
                    "this source is not in the lesson's 'sources' list: add it there "
                    "(title, url and year) or use one of its urls",
                )
            )
    if lesson.learning_check and len({item.answer for item in lesson.learning_check}) < 2:
        out.append(
            smap.problem(
                ("learning_check",),
                "every learning-check answer is the same: mix true and false items so "
                "guessing does not look like learning",
            )
        )
    return out


def _strings(node: object, path: tuple) -> Iterator[tuple[tuple, str]]:
    """Every string in a dumped lesson, with its path."""
    if isinstance(node, str):
        yield path, node
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _strings(value, (*path, key))
    elif isinstance(node, list | tuple):
        for index, value in enumerate(node):
            yield from _strings(value, (*path, index))


def _check_percent(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """A '%' makes the translation tools treat a sentence as a format string."""
    out = []
    data = lesson.model_dump(by_alias=True, exclude_defaults=True, exclude={"sources"})
    for path, text in _strings(data, ()):
        if "%" in text:
            out.append(
                smap.problem(
                    path,
                    "write 'per cent' instead of '%': translation tools read '%' as a "
                    "format code and then refuse natural translations",
                )
            )
    return out
