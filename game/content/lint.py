"""Story-graph and curriculum checks that the model alone cannot express.

Each check returns :class:`Problem` objects located in the source file, with a
sentence that tells the author how to fix it.
"""

from __future__ import annotations

import functools
import re
from collections import deque
from collections.abc import Iterator, Mapping

from game.content.lint_handouts import check_handouts
from game.content.lint_plan_extras import check_plan_extras
from game.content.lint_timing import lint_timing
from game.content.lint_voice import lint_voices
from game.content.model import (
    AnyStep,
    ChatStep,
    HelpPlanStep,
    Lesson,
    PrivacyStep,
    QuizStep,
    ReplyStep,
    SortStep,
    SpotStep,
    StoryStep,
)
from game.content.problems import Problem, did_you_mean, shown
from game.content.source import SourceMap
from game.content.taxonomy import AVOID_WORDS, BANDS, HELP_SKILL, SKILLS, TACTICS
from game.services import GENERIC, PLACEHOLDER

MIN_CHOICES, MAX_CHOICES = 2, 4
REASSURANCE_SKILLS = ("R13", "R14")


def lint_lesson(
    lesson: Lesson,
    smap: SourceMap,
    services: Mapping[str, tuple[str, ...]] | None = None,
    *,
    release: bool = False,
) -> list[Problem]:
    """Run every check on a validated lesson.

    *services* maps the short name of every help service in the help-line data to its
    roles (``game.services.service_names``); lesson text must not write those names.
    With *release*, a lesson no safeguarding reviewer has signed off yet is reported
    too (a warning): drafts may be played and printed, but not released.
    """
    problems: list[Problem] = []
    for check in (
        _check_band,
        _check_codes,
        _check_ids,
        _check_graph,
        _check_words,
        _check_activities,
        _check_choices,
        _check_choice_order,
        _check_tactics_shown,
        _check_plan,
        check_plan_extras,
        _check_learning_check,
        _check_review,
        check_handouts,
        lint_voices,
        lint_timing,
    ):
        problems += check(lesson, smap)
    if release and lesson.reviewed_by is None:
        problems.append(_draft_warning(smap))
    texts = _texts(lesson, smap, {"sources"})
    joined = "\n".join(text for _path, text in texts)  # one search finds most lessons clean
    problems += _check_percent(texts, joined, smap)
    problems += _check_placeholders(texts, joined, smap)
    problems += _check_service_names(texts, smap, services or {})
    problems += _check_long_words(texts, smap)
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
    ids = [
        (("steps", si, *where), item_id)
        for si, step in enumerate(lesson.steps)
        for where, item_id in step.item_ids()
    ]
    for ii, item in enumerate(lesson.learning_check):
        ids.append((("learning_check", ii, "id"), item.id))
        ids += [
            (("learning_check", ii, "options", oi, "id"), option.id)
            for oi, option in enumerate(item.options or [])
        ]
    for path, item_id in ids:
        if item_id in seen:
            line, col = seen[item_id]
            out.append(
                smap.problem(
                    path,
                    f"the id '{item_id}' is already used at line "
                    f"{line}:{col}; every step, message, choice, card and "
                    "learning-check item needs its own id",
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
    finishing = _reaching(ends, steps)
    for step_id in sorted(reachable, key=index.get):
        if step_id not in finishing:
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
                "this path reaches the end without the help route (" + _path_text(leak) + "): "
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


def _reaching(targets: set[str], steps: dict[str, AnyStep]) -> set[str]:
    """Every step from which one of *targets* can be reached (one walk backwards)."""
    back: dict[str, list[str]] = {}
    for step_id, step in steps.items():
        for target, _helps in _edges(step):
            back.setdefault(target, []).append(step_id)
    seen = set(targets)
    todo = deque(targets)
    while todo:
        for source in back.get(todo.popleft(), ()):
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return seen


#: Steps of a long path named in a message: the first and last few, the rest counted.
PATH_SHOWN = 6


def _path_text(path: list[str]) -> str:
    """``a -> b -> … -> z``: a path short enough to read, with the steps left out counted."""
    if len(path) <= 2 * PATH_SHOWN:
        return " -> ".join(path)
    left_out = len(path) - 2 * PATH_SHOWN
    return (
        " -> ".join(path[:PATH_SHOWN])
        + f" -> …and {left_out:,} more steps… -> "
        + " -> ".join(path[-PATH_SHOWN:])
    )


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


@functools.cache
def _avoid_pattern(band: str) -> re.Pattern[str]:
    words = AVOID_WORDS[band]
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def _check_words(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    pattern = _avoid_pattern(lesson.grade_band)
    out: list[Problem] = []
    texts = [
        (("steps", si, *where), text)
        for si, step in enumerate(lesson.steps)
        for where, text in step.child_texts()
    ]
    if lesson.story_hook:  # the teacher reads it to the class: the band's words apply
        texts.append((("story_hook",), lesson.story_hook))
    if lesson.hook:  # the child reads it on the mission card
        texts.append((("hook",), lesson.hook))
    for ii, item in enumerate(lesson.learning_check):
        texts += [
            (("learning_check", ii, "text"), item.text),
            (("learning_check", ii, "explain"), item.explain),
        ]
    joined = "\n".join(text for _path, text in texts).lower()
    if not any(word.lower() in joined for word in AVOID_WORDS[lesson.grade_band]):
        return out  # the usual case: a few substring searches instead of a regex per text
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
        elif isinstance(step, ReplyStep):
            out += _check_reply(step, at, smap)
        elif isinstance(step, PrivacyStep):
            out += _check_privacy(step, at, smap)
        elif isinstance(step, StoryStep) and step.choices and not step.prompt:
            out.append(
                smap.problem(
                    (*at, "choices"),
                    "a story page with choices needs a 'prompt:' such as 'What should Kai do?'",
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


def _check_reply(step: ReplyStep, at: tuple, smap: SourceMap) -> list[Problem]:
    """A reply builder can be built well, and every tile that invites more gets an answer."""
    out = []
    for part, what in (("say_no", "way to say no"), ("actions", "action")):
        if not any(tile.firm for tile in getattr(step, part)):
            out.append(
                smap.problem(
                    (*at, part),
                    f"this reply builder has no firm {what}, so the best reply cannot be "
                    "built; add a tile without 'firm: false'",
                )
            )
    for part, tiles in step.parts:
        for ti, tile in enumerate(tiles):
            where = (*at, part, ti)
            if (part == "reasons" or not tile.firm) and not tile.comeback:
                why = "a reason gives" if part == "reasons" else "a tile that is not firm gives"
                out.append(
                    smap.problem(
                        where,
                        f"tile '{tile.id}' has no 'comeback:' ({why} the contact something to "
                        "push on); add what the contact sends back",
                    )
                )
            if part == "actions" and tile.firm and not tile.result:
                out.append(
                    smap.problem(
                        where,
                        f"firm action '{tile.id}' has no 'result:'; add what happens after "
                        "it (e.g. 'Jay is blocked and can't send Riley anything more.')",
                    )
                )
    return out


def _check_privacy(step: PrivacyStep, at: tuple, smap: SourceMap) -> list[Problem]:
    """Every pretend setting has a safer value to find and an open one to learn from."""
    out = []
    for si, setting in enumerate(step.settings):
        kinds = {option.safe for option in setting.options}
        if kinds != {True, False}:
            out.append(
                smap.problem(
                    (*at, "settings", si, "options"),
                    f"setting '{setting.id}' needs at least one option with 'safe: true' and "
                    "one with 'safe: false', so the child can see what each one changes",
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


def _check_choices(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """An unsafe choice is a learning moment: it never earns a skill (or its badge)."""
    out = []
    for si, step in enumerate(lesson.steps):
        for ci, choice in enumerate(step.choice_list):
            if choice.verdict == "unsafe" and choice.skills:
                out.append(
                    smap.problem(
                        ("steps", si, "choices", ci, "skills"),
                        f"an unsafe choice ('safe: false') earns no skills, but this one "
                        f"awards {', '.join(choice.skills)}: the child would get the badge "
                        "for the wrong move. Remove 'skills:' here and put the skills on the "
                        "repair step the choice leads to",
                    )
                )
    return out


#: A lesson needs this many steps with choices before a pattern in their order counts.
MIN_STEPS_FOR_ORDER = 3


def _check_choice_order(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """The best (or the unsafe) choice is not always in the same place (a warning).

    Children soon learn "it's always the first one" (or "never the last one") and stop
    reading. Only steps where the place could tell (the kind of choice is there, and
    so is another kind) count, and only from three such steps on.
    """
    out = []
    for verdict, name in (("great", "best"), ("unsafe", "unsafe")):
        places: list[tuple[int, list[int], int]] = []  # (step index, places, choices)
        for si, step in enumerate(lesson.steps):
            kinds = [choice.verdict for choice in step.choice_list]
            if verdict in kinds and any(kind != verdict for kind in kinds):
                places.append((si, [i for i, k in enumerate(kinds) if k == verdict], len(kinds)))
        if len(places) < MIN_STEPS_FOR_ORDER:
            continue
        same = set.intersection(*(set(at) for _si, at, _n in places))
        always_last = all(n - 1 in at for _si, at, n in places)
        if not same and not always_last:
            continue
        where = f"number {min(same) + 1}" if same else "the last one"
        si, at, n = places[-1]
        index = min(same) if same else n - 1
        out.append(
            Problem(
                smap.file,
                *smap.where(("steps", si, "choices", index)),
                f"the {name} choice is {where} in all {len(places)} steps with choices, so a "
                "child can pick by its place instead of thinking: change the order of the "
                "choices in some steps (the ids stay the same)",
                "warning",
            )
        )
    return out


def _check_tactics_shown(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Every tactic the plan says the lesson covers shows up as a red flag in play."""
    shown = {code for step in lesson.steps for _where, code in step.tactic_refs()}
    return [
        smap.problem(
            ("tactics_covered", index),
            f"{code} is in tactics_covered, but nothing the child sees carries it, so its red "
            f"flag never shows: tag the message that uses it ('tactic: {code}' on a chat or "
            f"spot message, 'tactics: [{code}]' on a story page) or remove it from "
            "tactics_covered",
        )
        for index, code in enumerate(lesson.tactics_covered)
        if code in TACTICS and code not in shown
    ]


#: Words that show a 'reviewed_by' is a placeholder, not a person who signed the lesson off.
_NOT_A_REVIEWER = re.compile(
    r"\b(pending|draft|tbd|tbc|todo|to do|not yet|unreviewed|unknown|nobody|none|n/a)\b",
    re.IGNORECASE,
)


def _check_review(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Sign-off is explicit: a reviewer and a date together, or null for a draft."""
    out = []
    if lesson.reviewed_by and _NOT_A_REVIEWER.search(lesson.reviewed_by):
        out.append(
            smap.problem(
                ("reviewed_by",),
                f"'{lesson.reviewed_by}' is not a reviewer: while no safeguarding lead has "
                "signed the lesson off, write 'reviewed_by: null' and 'last_reviewed: null' "
                "(plans then say it is a draft, not yet reviewed)",
            )
        )
    elif lesson.reviewed_by and lesson.last_reviewed is None:
        out.append(
            smap.problem(
                ("reviewed_by",),
                "a sign-off needs its date: add 'last_reviewed:' (YYYY-MM-DD)",
            )
        )
    if lesson.reviewed_by is None and lesson.last_reviewed is not None:
        out.append(
            smap.problem(
                ("last_reviewed",),
                "a review date with no reviewer: add 'reviewed_by:' (who signed it off) or "
                "set 'last_reviewed: null' while the lesson is a draft",
            )
        )
    return out


def _draft_warning(smap: SourceMap) -> Problem:
    return smap.problem(
        ("id",),
        "this lesson is a draft: no safeguarding reviewer has signed it off "
        "(safety-education.md §5.5 rule 24). Set 'reviewed_by:' and 'last_reviewed:' "
        "when a reviewer has, before release",
        severity="warning",
    )


MIN_PICTURES, MAX_PICTURES = 2, 3


def _check_learning_check(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """True/false or picture items, well formed; K2 never hears a false belief to deny."""
    out: list[Problem] = []
    for ii, item in enumerate(lesson.learning_check):
        at = ("learning_check", ii)
        if (item.answer is None) == (item.options is None):
            out.append(
                smap.problem(
                    at,
                    "a learning-check item takes 'answer:' (true/false) or 'options:' "
                    "(picture answers), one of the two",
                )
            )
            continue
        if item.options is not None:
            count = len(item.options)
            correct = sum(o.correct for o in item.options)
            if not MIN_PICTURES <= count <= MAX_PICTURES:
                out.append(
                    smap.problem(
                        (*at, "options"),
                        f"give {MIN_PICTURES}-{MAX_PICTURES} picture answers (it has {count}): "
                        "few enough for a young child to look at every one",
                    )
                )
            if correct != 1:
                out.append(
                    smap.problem(
                        (*at, "options"),
                        "mark exactly one picture answer with 'correct: true' "
                        f"(it has {correct})",
                    )
                )
        elif lesson.grade_band == "K2" and item.answer is False:
            out.append(
                smap.problem(
                    (*at, "answer"),
                    "a false statement read aloud to a 5-7-year-old, who must say 'false' "
                    "(negation is hard at this age, and it voices the very belief we "
                    "counter): ask about a character with picture answers instead "
                    "('options:', e.g. 'What could Kai do?')",
                    severity="warning",
                )
            )
    statements = [item.answer for item in lesson.learning_check if item.answer is not None]
    if lesson.grade_band != "K2" and len(statements) >= 2 and len(set(statements)) < 2:
        out.append(
            smap.problem(
                ("learning_check",),
                "every learning-check answer is the same: mix true and false items so "
                "guessing does not look like learning",
            )
        )
    return out


#: The longest a mission card's hook may be, in characters (one line on a card).
MAX_HOOK_CHARS = 70


def _check_hook(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """The mission card's one-line hook: present (a warning if not) and short."""
    if not lesson.hook:
        return [
            Problem(
                smap.file,
                *smap.where(("title",)),
                "the lesson has no 'hook' line: add one short, friendly line in the child's "
                "words that makes them want to play (the mission card shows it)",
                "warning",
            )
        ]
    if len(lesson.hook) > MAX_HOOK_CHARS:
        return [
            smap.problem(
                ("hook",),
                f"the hook is {len(lesson.hook)} characters long: keep it to "
                f"{MAX_HOOK_CHARS} or fewer so it fits on one line of the mission card",
                severity="warning",
            )
        ]
    return []


#: Plan sections a teacher expects; a lesson without one still plays, with a warning.
PLAN_SECTIONS = (
    "warm_up",
    "story_hook",
    "flow",
    "practice",
    "apply",
    "exit_ticket",
    "differentiation",
    "background",
    "home",
    "learning_check",
    "changes",
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
    if not lesson.about:
        out.append(
            Problem(
                smap.file,
                *smap.where(("title",)),
                "the lesson has no 'about' line: add one short sentence in the child's words "
                "saying what the mission is about (the child's lesson list shows it under the "
                "title)",
                "warning",
            )
        )
    out += _check_hook(lesson, smap)
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


def _texts(lesson: Lesson, smap: SourceMap, exclude: set[str]) -> list[tuple[tuple, str]]:
    """Every text of the lesson as written (from the source map), but under *exclude* keys.

    A source map built without texts falls back on the validated lesson's values.
    """
    if smap.texts:
        return [(path, text) for path, text in smap.texts if not path or path[0] not in exclude]
    data = lesson.model_dump(by_alias=True, exclude_defaults=True, exclude=exclude)
    return list(_strings(data, ()))


Texts = list[tuple[tuple, str]]


def _check_percent(texts: Texts, joined: str, smap: SourceMap) -> list[Problem]:
    """A '%' makes the translation tools treat a sentence as a format string.

    *texts* are the lesson's texts but its sources, *joined* the same joined by newlines.
    """
    out: list[Problem] = []
    if "%" not in joined:
        return out
    for path, text in texts:
        if "%" in text:
            out.append(
                smap.problem(
                    path,
                    "write 'per cent' instead of '%': translation tools read '%' as a "
                    "format code and then refuse natural translations",
                )
            )
    return out


#: Keys whose text is shown as it is, never filled: no placeholders there.
UNFILLED_KEYS = ("id", "title", "contact")
#: Keys that may name a service: sourced facts about it, and the sources themselves.
MAY_NAME_SERVICES = ("background", "sources")
PLACEHOLDER_LIST = "{takedown}, {report}, {helpline} or {crisis}"


def _check_placeholders(texts: Texts, joined: str, smap: SourceMap) -> list[Problem]:
    """Placeholders name a help service by role: only known names, only where filled."""
    out: list[Problem] = []
    if "{" not in joined and "}" not in joined:
        return out
    known = [f"{{{role}}}" for role in GENERIC]
    for path, text in texts:
        if not path:
            continue
        if "{" not in text and "}" not in text:
            continue
        if path[0] in UNFILLED_KEYS:
            out.append(
                smap.problem(
                    path,
                    f"'{path[0]}' is shown as written, so it cannot hold a placeholder or "
                    "brace: name help services in sentences only",
                )
            )
            continue
        for match in PLACEHOLDER.finditer(text):
            if match.group(1) not in GENERIC:
                out.append(
                    smap.problem(
                        path,
                        f"unknown placeholder '{shown(match.group(0))}'."
                        f"{did_you_mean(match.group(0), known)} Placeholders name a help "
                        f"service by its role: use {PLACEHOLDER_LIST}",
                    )
                )
        if "{" in PLACEHOLDER.sub("", text) or "}" in PLACEHOLDER.sub("", text):
            out.append(
                smap.problem(
                    path,
                    "a '{' or '}' that is not part of a placeholder: write placeholders "
                    f"whole, as {PLACEHOLDER_LIST}, and no other braces",
                )
            )
    return out


@functools.lru_cache(maxsize=8)
def _service_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, longest_first)) + r")(?!\w)")


def _check_service_names(
    texts: Texts, smap: SourceMap, services: Mapping[str, tuple[str, ...]]
) -> list[Problem]:
    """Lesson text uses a placeholder, never the name of one country's help service."""
    out: list[Problem] = []
    texts = [(path, text) for path, text in texts if not path or path[0] not in MAY_NAME_SERVICES]
    joined = "\n".join(text for _path, text in texts)
    if not services or not any(name in joined for name in services):
        return out  # the usual case: a few substring searches instead of a regex per text
    pattern = _service_pattern(tuple(services))
    for path, text in texts:
        for name in dict.fromkeys(m.group(1) for m in pattern.finditer(text)):
            roles = services[name]
            use = " or ".join(f"{{{r}}}" for r in roles) if roles else f"one of {PLACEHOLDER_LIST}"
            out.append(
                smap.problem(
                    path,
                    f"'{name}' is a help service for one country (assets/safety/helplines.yaml): "
                    f"write {use} instead, so every reader gets their own country's service "
                    "(see docs/lesson-authoring.md, 'Naming help services')",
                )
            )
    return out


#: Longest run of characters without a space that lint accepts in text people read.
#: The longest in the shipped lessons is 20 ("(too-good-to-be-true"); the longest
#: English words in real use are under 30 ("internationalisation" is 20,
#: "antidisestablishmentarianism" 28). A longer run is a pasted web address, a
#: joined-up sentence or a keyboard accident, and a screen or printed line must cut
#: it mid-word.
MAX_WORD_CHARS = 30
#: Keys whose text nobody reads as words: ids and web addresses.
NOT_READ_KEYS = frozenset({"id", "next", "start", "pause_after", "url", "source"})
_LONG_WORD = re.compile(rf"\S{{{MAX_WORD_CHARS + 1},}}")


def _check_long_words(texts: Texts, smap: SourceMap) -> list[Problem]:
    """A warning for a word longer than :data:`MAX_WORD_CHARS` in text a child or teacher reads."""
    out: list[Problem] = []
    texts = [(path, text) for path, text in texts if path and path[-1] not in NOT_READ_KEYS]
    words = "\n".join(text for _path, text in texts).split()
    if max(map(len, words), default=0) <= MAX_WORD_CHARS:
        return out  # the usual case: one split instead of a search per text
    for path, text in texts:
        match = _LONG_WORD.search(text)
        if match:
            word = match.group(0)
            out.append(
                smap.problem(
                    path,
                    f"'{shown(word, 40)}' is one word of {len(word):,} characters with no "
                    "space: a screen or a printed line would have to cut it mid-word. Add "
                    f"spaces (words up to {MAX_WORD_CHARS} characters are fine), or put a web "
                    "address under 'sources:'",
                    severity="warning",
                )
            )
    return out
