"""The class's learning-check report: one printable page, before and after, with bars.

Built as a :class:`~game.printing.document.Document` (so the PDF writer lays it out)
in the grown-up's language: per lesson and per tactic, the share of right answers
before and after, each bar with its percentage and number of answers written beside
it (black-and-white printing loses nothing). Counts only: no names, no devices.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from game.content.model import Lesson
from game.content.taxonomy import TACTICS
from game.i18n import Translator, bcp47
from game.learning_check import PHASES, CheckLog, Summary
from game.printing.document import BarRow, Bars, Document, Heading, Paragraph


def bar_row(label: str, summary: Summary, tr: Translator) -> BarRow:
    """*summary* as a chart row: before and after shares, each with its words."""
    values = []
    for phase in PHASES:
        share = summary.share(phase)
        answered = summary.answered(phase)
        if share is None:
            text = tr._("No answers yet")
        else:
            text = tr.ngettext(
                "{percent} ({n} answer)", "{percent} ({n} answers)", answered
            ).format(percent=tr.percent(share), n=tr.number(answered))
        values.append((share, text))
    return BarRow(label, tuple(values))


def class_report_document(
    log: CheckLog,
    tr: Translator,
    devices: int,
    lesson_title: Callable[[str], str],
    day: datetime.date,
    lesson_order: Callable[[str], tuple[int, str]] | None = None,
) -> Document:
    """The one-page report for *log*, merged from *devices* exports (0: this device's own).

    *lesson_title* gives a lesson id's title in *tr*'s language (the id itself when
    the lesson is unknown); *lesson_order* sorts the lessons (default: by id).
    """
    _ = tr._
    header = (_("By lesson"), _("Before"), _("After"))
    lessons = sorted(log.by_lesson(), key=lambda s: (lesson_order or _by_id)(s.key))
    title = _("Learning check: class results") if devices else _("Learning check results")
    blocks: list = [Heading(title, 1)]
    facts = []
    if devices:
        facts.append(
            tr.ngettext("Merged from {n} device.", "Merged from {n} devices.", devices).format(
                n=tr.number(devices)
            )
        )
    days = log.days()
    if days is not None:
        first, last = (tr.date(d) for d in days)
        if first == last:
            facts.append(_("Answers on {day}.").format(day=first))
        else:
            facts.append(_("Answers from {first} to {last}.").format(first=first, last=last))
    facts.append(_("Only totals are kept, never names."))
    blocks.append(Paragraph(" ".join(facts), "body"))
    if not lessons:
        blocks.append(Paragraph(_("No answers yet"), "body"))
    else:
        blocks.append(
            Bars(header, tuple(bar_row(lesson_title(s.key), s, tr) for s in lessons))
        )
        tactics = log.by_tactic()
        if tactics:
            blocks.append(
                Bars(
                    (_("By tactic"), header[1], header[2]),
                    tuple(
                        bar_row(_(TACTICS[s.key].name) if s.key in TACTICS else s.key, s, tr)
                        for s in tactics
                    ),
                )
            )
    blocks.append(
        Paragraph(
            _(
                "Before: right answers to the check before each lesson. After: right "
                "answers to the same questions after it. 'Not sure' counts as an answer "
                "that is not right."
            ),
            "note",
        )
    )
    blocks.append(Paragraph(tr.date(day), "note"))
    return Document(
        title=title,
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=tuple(blocks),
        footer=_("Signal Scouts"),
    )


def _by_id(lesson_id: str) -> tuple[int, str]:
    return (0, lesson_id)


def lessons_report(
    log: CheckLog, devices: int, lessons: list[Lesson], tr: Translator, day: datetime.date
) -> Document:
    """:func:`class_report_document` with titles and order taken from *lessons*."""
    by_id = {lesson.id: lesson for lesson in lessons}
    order = {lesson.id: index for index, lesson in enumerate(lessons)}

    def title(lesson_id: str) -> str:
        lesson = by_id.get(lesson_id)
        return tr.pgettext(f"{lesson.id}/title", lesson.title) if lesson else lesson_id

    return class_report_document(
        log, tr, devices, title, day, lambda i: (order.get(i, len(order)), i)
    )
