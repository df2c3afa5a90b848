"""'What these lessons teach': the coverage matrices as printable tables for teachers."""

from __future__ import annotations

from game.content.coverage import BAND_CODES, Cell, Coverage, coverage_of
from game.content.model import Lesson
from game.content.taxonomy import BANDS, SKILLS, TACTICS
from game.i18n import Translator
from game.printing.document import Block, Bullets, Heading, Paragraph, Table


def cell_text(cell: Cell, cov: Coverage, tr: Translator) -> str:
    """'✓ 1, 3' (the band's sessions that teach it), 'not yet', or '—' when not expected."""
    if cell.lessons:
        numbers = [
            tr.number(s.number)
            for s in cov.series.get(cell.band, [])
            if s.lesson_id in cell.lessons and s.number is not None
        ]
        # TRANSLATORS: a tick, then the numbers of the sessions that teach it ("✓ 1, 3").
        mark = tr._("✓ {sessions}").format(sessions=", ".join(numbers)).strip()
        return tr._("{mark} (gentle)").format(mark=mark) if cell.gentle else mark
    if cell.expected:
        return tr._("not yet")
    return "—"


def band_headers(tr: Translator) -> tuple[str, ...]:
    """The band columns, each named by its ages ('Ages 5-7')."""
    return tuple(tr._(BANDS[b].label) for b in BAND_CODES)


def coverage_blocks(lessons: list[Lesson], tr: Translator) -> list[Block]:
    """Both matrices, the totals per age group and the sessions still to come."""
    _ = tr._
    cov = coverage_of(lessons)
    blocks: list[Block] = [
        Heading(_("What these lessons teach"), 2),
        Paragraph(
            _(
                "Each tactic and skill the curriculum expects, per age group. A tick counts "
                "only where children meet it in play, with the numbers of the sessions that "
                "teach it; 'not yet' marks something expected for that age group that no "
                "lesson teaches yet; a dash means it is not taught at that age."
            )
        ),
    ]
    for title, codes, cells in (
        (_("Tricks (tactics)"), TACTICS, cov.tactics),
        (_("Skills"), SKILLS, cov.skills),
    ):
        rows = tuple(
            (f"{code} {_(item.name)}", *(cell_text(cells[(code, b)], cov, tr) for b in BAND_CODES))
            for code, item in codes.items()
        )
        blocks += [
            Heading(title, 3),
            Table((_("Code"), *band_headers(tr)), rows, widths=(5, 2, 2, 2, 2)),
        ]
    totals = []
    for band in BAND_CODES:
        t_done, t_all, s_done, s_all = cov.totals(band)
        totals.append(
            _("{ages}: {t_done} of {t_all} tricks and {s_done} of {s_all} skills").format(
                ages=_(BANDS[band].label), t_done=t_done, t_all=t_all, s_done=s_done, s_all=s_all
            )
        )
    blocks += [Heading(_("Totals per age group"), 3), Bullets(tuple(totals))]
    return blocks
