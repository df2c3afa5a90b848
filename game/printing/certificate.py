"""A printable certificate for a finished age group.

It has a blank line for the child to write their own name by hand: the app never
asks for a name.
"""

from __future__ import annotations

import datetime

from game.content.model import Lesson
from game.content.taxonomy import BANDS, SKILLS
from game.i18n import Translator, bcp47
from game.printing.document import Bullets, Document, Heading, Paragraph, WriteLine
from game.profile import Progress


def band_complete(lessons: list[Lesson], progress: Progress, band: str) -> bool:
    """True when every lesson offered to *band* has been finished on this device."""
    ids = [lesson.id for lesson in lessons if lesson.grade_band == band]
    return bool(ids) and all(
        progress.lessons.get(i) is not None and progress.lessons[i].completed for i in ids
    )


def skills_practised(lessons: list[Lesson], progress: Progress, band: str) -> list[str]:
    """Skill codes practised in the band's finished lessons, in taxonomy order."""
    found: set[str] = set()
    for lesson in lessons:
        entry = progress.lessons.get(lesson.id)
        if lesson.grade_band == band and entry:
            found.update(entry.skills)
    return [code for code in SKILLS if code in found]


def certificate_document(
    band: str, skills: list[str], tr: Translator, day: datetime.date
) -> Document:
    """The certificate for *band*: title, a name line to fill in by hand, skills, date."""
    _ = tr._
    ages = _(BANDS[band].label)
    blocks = (
        Heading(_("Signal Scout certificate"), 1),
        Paragraph(_("This certificate is for"), "lead"),
        WriteLine(_("Write your name here")),
        Paragraph(
            _("for finishing every Signal Scouts mission ({ages}).").format(ages=ages), "lead"
        ),
        Heading(_("Skills practised"), 2),
        Bullets(
            tuple(
                _("{kind}: {quote}").format(kind=_(SKILLS[c].name), quote=_(SKILLS[c].phrase))
                for c in skills
            )
        ),
        Paragraph(
            _("You can always tell a trusted adult. It is never too late, and never your fault."),
            "callout",
        ),
        Paragraph(tr.date(day), "note"),
    )
    return Document(
        title=_("Signal Scout certificate"),
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=blocks,
        footer=_("Signal Scouts"),
        layout="certificate",
    )
