"""The plan's story hook, skills rubric, myths, teachers' questions and change log.

Template items 9.2, 11, 14 and 17 of safety-education.md §5.4. Each function takes
the :class:`~game.printing.plan.PlanBuilder` (its lesson, translator and lesson text)
and returns blocks the plan puts in the matching section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.i18n import N_
from game.printing.document import Block, Heading, Paragraph, Table, Terms
from game.printing.myths_faqs import Cited, faqs_for, myths_for
from game.printing.runs import english

if TYPE_CHECKING:
    from game.printing.plan import PlanBuilder

#: Said with every story hook: distancing through fiction (§3.3).
STORY_HOOK_NOTE = N_(
    'Keep it a story about a character: ask "What could they do?", never "Has this happened '
    'to you?".'
)

#: The rubric's columns, and what each looks like for any objective (a lesson may override).
RUBRIC_LEVELS = (
    # TRANSLATORS: rubric levels of a skill, as in an assessment grid (not yet / partly / fully).
    N_("Beginning"),
    N_("Developing"),
    # TRANSLATORS: rubric level: the skill is mastered (confident), not "safe".
    N_("Secure"),
)
RUBRIC_DEFAULT = (
    N_("Does this with help"),
    N_("Does this with a reminder"),
    N_("Does this alone and can say why"),
)


def story_hook_text(plan: PlanBuilder) -> str | None:
    """The lesson's story hook and the distancing reminder, or None if it has none."""
    if not plan.lesson.story_hook:
        return None
    return f"{plan.text('story_hook', plan.lesson.story_hook)}\n{plan._(STORY_HOOK_NOTE)}"


def story_hook_blocks(plan: PlanBuilder) -> list[Block]:
    """The story hook on its own, for a flow with no story part (read before the game)."""
    if not plan.lesson.story_hook or any(p.part == "story" for p in plan.lesson.flow):
        return []
    return [
        Heading(plan._("Story hook"), 3),
        Paragraph(plan.text("story_hook", plan.lesson.story_hook), "callout"),
        Paragraph(plan._(STORY_HOOK_NOTE), "note"),
    ]


def rubric_blocks(plan: PlanBuilder) -> list[Block]:
    """One row per objective: what beginning, developing and secure look like."""
    _, lesson = plan._, plan.lesson
    rows = []
    for index, objective in enumerate(lesson.objectives):
        if lesson.rubric is not None and index < len(lesson.rubric):
            row = lesson.rubric[index]
            cells = tuple(
                plan.text("rubric", text) for text in (row.beginning, row.developing, row.secure)
            )
        else:
            cells = tuple(_(text) for text in RUBRIC_DEFAULT)
        rows.append((plan.text("objectives", objective), *cells))
    return [
        Heading(_("Skills rubric"), 3),
        Table((_("Objective"), *(_(level) for level in RUBRIC_LEVELS)), tuple(rows), (4, 2, 2, 2)),
    ]


def _cited(plan: PlanBuilder, sources: tuple[Cited, ...]) -> str:
    return "; ".join(
        f"{english(s.title)}, {s.year if s.year is not None else plan._('n.d.')}" for s in sources
    )


def myth_blocks(plan: PlanBuilder) -> list[Block]:
    """The myths this lesson's teachers should not repeat, each with what to say instead."""
    _ = plan._
    myths = myths_for(plan.lesson)
    if not myths:
        return []
    rows = tuple(
        (
            _(m.myth),
            _("{fact} (Source: {source})").format(fact=_(m.fact), source=_cited(plan, m.sources)),
        )
        for m in myths
    )
    return [
        Heading(_("Myths to avoid"), 3),
        Table((_("Don't say"), _("Say instead")), rows, (2, 3)),
    ]


def faq_blocks(plan: PlanBuilder) -> list[Block]:
    """Teachers' questions: the shared ones for the age group, then the lesson's own."""
    _, t = plan._, plan.text
    items = [(_(f.question), _(f.answer)) for f in faqs_for(plan.lesson)]
    items += [(t("faqs", f.question), t("faqs", f.answer)) for f in plan.lesson.faqs]
    return [Heading(_("Questions teachers ask"), 3), Terms(tuple(items))] if items else []


def myth_sources(plan: PlanBuilder) -> list[str]:
    """Source-list lines for the myths' sources the lesson does not already cite."""
    cited = {s.url for s in plan.lesson.sources}
    out: list[str] = []
    for myth in myths_for(plan.lesson):
        for s in myth.sources:
            if s.url not in cited:
                cited.add(s.url)
                year = str(s.year) if s.year is not None else plan._("n.d.")
                out.append(f"{english(s.title)} ({year}): {english(s.url)}")
    return out


def change_log_blocks(plan: PlanBuilder) -> list[Block]:
    """The lesson's change log, newest first."""
    _ = plan._
    if not plan.lesson.changes:
        return []
    rows = tuple(
        (c.version, plan.tr.date(c.date), plan.text("changes", c.note))
        for c in plan.lesson.changes
    )
    return [
        Heading(_("Change log"), 3),
        # TRANSLATORS: column headers of a lesson's change log (the day a change was made).
        Table((_("Version"), _("Date"), _("What changed")), rows, (1, 2, 5)),
    ]
