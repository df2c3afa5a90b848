"""Story-graph and curriculum checks that the model alone cannot express.

Each check returns :class:`Problem` objects located in the source file, with a
sentence that tells the author how to fix it.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Iterator

from game.content.model import Lesson, Step
from game.content.problems import Problem, did_you_mean
from game.content.source import SourceMap
from game.content.taxonomy import AVOID_WORDS, BANDS, HELP_SKILL, SKILLS, TACTICS

MIN_CHOICES, MAX_CHOICES = 2, 4
REASSURANCE_SKILLS = ("R13", "R14")


def lint_lesson(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Run every check on a validated lesson."""
    problems: list[Problem] = []
    for check in (_check_band, _check_codes, _check_ids, _check_graph, _check_words):
        problems += check(lesson, smap)
    return problems


def _edges(step: Step) -> Iterator[tuple[str, bool]]:
    """(target, passes-help-route) for each way out of *step*."""
    if step.next:
        yield step.next, False
    for choice in step.choices or []:
        yield choice.next, HELP_SKILL in choice.skills


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
    for si, step in enumerate(lesson.steps):
        out += _code_problems(step.skills, ("steps", si, "skills"), SKILLS, "skill", smap)
        for ci, choice in enumerate(step.choices or []):
            path = ("steps", si, "choices", ci, "skills")
            out += _code_problems(choice.skills, path, SKILLS, "skill", smap)
            for k, code in enumerate(choice.skills):
                if code in SKILLS and code not in lesson.skills_practised:
                    out.append(
                        smap.problem(
                            (*path, k),
                            f"skill {code} is practised here but "
                            "missing from skills_practised: add it there",
                        )
                    )
        for k, code in enumerate(step.skills):
            if code in SKILLS and code not in lesson.skills_practised:
                out.append(
                    smap.problem(
                        ("steps", si, "skills", k),
                        f"skill {code} is practised "
                        "here but missing from skills_practised: add it there",
                    )
                )
        for mi, message in enumerate(step.messages):
            if message.tactic is None:
                continue
            path = ("steps", si, "messages", mi, "tactic")
            out += _code_problems([message.tactic], path[:-1], TACTICS, "tactic", smap)
            if message.tactic in TACTICS and message.tactic not in lesson.tactics_covered:
                out.append(
                    smap.problem(
                        path,
                        f"tactic {message.tactic} is used here but "
                        "missing from tactics_covered: add it there",
                    )
                )
    return out


def _check_ids(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    out = []
    seen: dict[str, tuple[int, int]] = {}
    for si, step in enumerate(lesson.steps):
        items = [(("steps", si, "id"), step.id)]
        items += [(("steps", si, "messages", mi, "id"), m.id) for mi, m in enumerate(step.messages)]
        items += [
            (("steps", si, "choices", ci, "id"), c.id) for ci, c in enumerate(step.choices or [])
        ]
        for path, item_id in items:
            if item_id in seen:
                line, col = seen[item_id]
                out.append(
                    smap.problem(
                        path,
                        f"the id '{item_id}' is already used at line "
                        f"{line}:{col}; every step, message and choice needs "
                        "its own id",
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
        for ci, choice in enumerate(step.choices or []):
            if choice.next not in steps:
                out.append(
                    smap.problem(
                        (*where, "choices", ci, "next"),
                        f"'next: {choice.next}' points to no step."
                        f"{did_you_mean(choice.next, steps)} Use an existing step id.",
                    )
                )
        ways = sum(x for x in (step.choices is not None, step.next is not None, step.end))
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
        if step.choices is not None:
            count = len(step.choices)
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
            if count and not any(c.safe for c in step.choices):
                out.append(
                    smap.problem(
                        (*where, "choices"),
                        "no choice here is safe: add one "
                        "safe choice so the child can practise the right move",
                    )
                )
        if step.end and not step.messages:
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


def _reach(start: str, steps: dict[str, Step]) -> set[str]:
    seen = {start}
    todo = deque([start])
    while todo:
        for target, _helps in _edges(steps[todo.popleft()]):
            if target not in seen:
                seen.add(target)
                todo.append(target)
    return seen


def _path_without_help(start: str, steps: dict[str, Step], ends: set[str]) -> list[str] | None:
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
    for si, step in enumerate(lesson.steps):
        texts = [
            (("steps", si, "messages", mi, "text"), m.text) for mi, m in enumerate(step.messages)
        ]
        for ci, choice in enumerate(step.choices or []):
            texts.append((("steps", si, "choices", ci, "text"), choice.text))
            texts.append((("steps", si, "choices", ci, "feedback"), choice.feedback))
        for path, text in texts:
            if match := pattern.search(text):
                out.append(
                    smap.problem(
                        path,
                        f"'{match.group(0)}' is on the avoid list for "
                        f"{lesson.grade_band} (safety-education.md §5.3): use "
                        "the band's own words, such as 'tricky' or 'uh-oh'",
                    )
                )
    return out
