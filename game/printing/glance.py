"""The plan's first page, "Lesson at a glance": what a teacher needs in the room, on one page.

Objectives, the timed flow, materials, the key message and the safeguarding reminders
(safety-education.md §5.5 rules 12-14 and the disclosure script), then a page break:
the full plan follows from page two.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from game.i18n import N_
from game.printing.document import Block, Heading, PageBreak, Paragraph, Table

if TYPE_CHECKING:
    from game.printing.plan import PlanBuilder

#: The page's heading (a level-2 heading, before the plan's sections).
GLANCE = N_("Lesson at a glance")

#: Safeguarding reminders every plan's first page carries (§5.5 rules 12-14, §3.4).
REMINDERS = (
    N_(
        "Teach it in class or in small groups, never in an assembly. Say what is coming "
        "and offer a quiet alternative: someone in the room may have been affected."
    ),
    N_("Ask about the characters, never about the children's own experiences."),
    N_(
        "If a child tells you something: listen, thank them, do not promise secrecy, and "
        "report under your policy (see 'Responding to a disclosure')."
    ),
    N_("End by showing the Help screen (F1) with the local help lines."),
)


def glance_blocks(plan: PlanBuilder) -> list[Block]:
    """The at-a-glance page of *plan*'s lesson, ending with a page break."""
    _, t, tr, lesson = plan._, plan.text, plan.tr, plan.lesson
    minutes = tr.ngettext("{n} minute", "{n} minutes", lesson.duration_min)
    facts = [t.ages, minutes.format(n=tr.number(lesson.duration_min))]
    if lesson.session_of:
        facts.append(
            _("Session {n} of {total}").format(
                n=tr.number(lesson.session_of[0]), total=tr.number(lesson.session_of[1])
            )
        )
    facts.append(_("Sensitivity level {n}").format(n=tr.number(lesson.sensitivity_level)))
    timings = " · ".join(
        _("{time}: {part}").format(
            time=_("{start}-{end} min").format(start=tr.number(start), end=tr.number(end)),
            part=label,
        )
        for start, end, _name, label in plan.timings()
    )
    rows = [
        (_("Learning objectives"), _listed(t("objectives", o) for o in lesson.objectives)),
        (_("Timings"), timings or "-"),
        (_("Materials and setup"), _listed(t("materials", m) for m in lesson.materials) or "-"),
        (_("Safeguarding reminders"), _listed(_(r) for r in REMINDERS)),
    ]
    # One table, labels on the start side: the page holds more than headed sections would.
    return [
        Heading(_(GLANCE), 2),
        Paragraph(" · ".join(facts)),
        Paragraph(_("Key message: {message}").format(message=t.key_message), "callout"),
        # TRANSLATORS: the two column headings of the table on a plan's first page.
        Table((_("Topic"), _("What to know")), tuple(rows), (1, 4)),
        PageBreak(),
    ]


def _listed(items: Iterable[str]) -> str:
    """Items as a bulleted list inside a table cell, one line each."""
    return "\n".join(f"\u2022 {item}" for item in items)
