"""Lint for a lesson's ``handouts``: every reference names one of the game's own lines.

A handout prints only what the game shows (safety-education.md §5.5: no new pressure
lines), so each ``uses`` entry must name a step, or ``step-id.item-id``, of a type
that the handout's kind can print.
"""

from __future__ import annotations

from game.content.handout_refs import (
    BAND_KINDS,
    NEEDS_USES,
    USABLE,
    RefError,
    item_ids,
    resolve,
)
from game.content.model import Lesson
from game.content.problems import Problem, did_you_mean
from game.content.source import SourceMap

#: Kinds that print a section of the lesson, and the key that section lives under.
SECTION_KINDS = {"exit_ticket": "exit_ticket", "family_agreement": "home"}


def check_handouts(lesson: Lesson, smap: SourceMap) -> list[Problem]:
    """Handouts: unique ids, references that exist and fit the kind, sections present."""
    out: list[Problem] = []
    seen: set[str] = set()
    for hi, handout in enumerate(lesson.handouts):
        at = ("handouts", hi)
        if handout.id in seen:
            out.append(
                smap.problem(
                    (*at, "id"),
                    f"two handouts have the id '{handout.id}': give each its own id "
                    "(it names the printed file)",
                )
            )
        seen.add(handout.id)
        if handout.pictures and handout.kind != "icon_cards":
            out.append(
                smap.problem(
                    (*at, "pictures"),
                    f"only icon_cards handouts print 'pictures', not {handout.kind}: "
                    "remove 'pictures', or make this an icon_cards handout",
                )
            )
        if handout.kind in BAND_KINDS:
            if handout.uses:
                out.append(
                    smap.problem(
                        (*at, "uses"),
                        f"a {handout.kind} handout prints the band's own response steps, "
                        "not the lesson's lines: remove 'uses'",
                    )
                )
            continue
        if handout.kind == "icon_cards" and not handout.pictures and not handout.uses:
            out.append(
                smap.problem(
                    (*at, "kind"),
                    "this icon_cards handout prints nothing: add 'pictures' (drawn pictures "
                    "with fixed captions) or 'uses' (game lines for speech-bubble cards)",
                )
            )
        section = SECTION_KINDS.get(handout.kind)
        if section is not None:
            if handout.uses:
                out.append(
                    smap.problem(
                        (*at, "uses"),
                        f"this {handout.kind} handout prints the lesson's '{section}' section, "
                        "not steps: remove 'uses'",
                    )
                )
            if not getattr(lesson, section):
                out.append(
                    smap.problem(
                        (*at, "kind"),
                        f"this {handout.kind} handout needs the lesson's '{section}' section: "
                        "add it, or remove this handout",
                    )
                )
            continue
        if handout.kind in NEEDS_USES and not handout.uses:
            out.append(
                smap.problem(
                    (*at, "kind"),
                    f"this {handout.kind} handout prints nothing: add 'uses' with "
                    f"{USABLE[handout.kind]}",
                )
            )
        for ui, ref in enumerate(handout.uses):
            try:
                resolve(lesson, handout, ref)
            except RefError as error:
                message = _message(lesson, handout.kind, ref, error)
                out.append(smap.problem((*at, "uses", ui), message))
    return out


def _message(lesson: Lesson, kind: str, ref: str, error: RefError) -> str:
    """The problem text for a bad reference, with a fix hint."""
    if not error.missing:
        return f"{error}: a {kind} handout uses only {USABLE[kind]}"
    step_id, _, item = ref.partition(".")
    step = lesson.step_map.get(step_id)
    if step is None:
        hint = did_you_mean(step_id, set(lesson.step_map))
        return f"{error}; name a step of this lesson, or step-id.item-id.{hint}"
    hint = did_you_mean(item, set(item_ids(step)))
    return f"{error}; use the id of one of its messages, choices or cards.{hint}"
