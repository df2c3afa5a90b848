"""The family pack of a lesson.

A letter, conversation starters, a family agreement and "if your child tells you"
guidance (safety-education.md §3.4, §5.4 item 12).
"""

from __future__ import annotations

from game.content.model import Lesson
from game.helplines import LocalHelp
from game.i18n import Translator, bcp47
from game.printing import guidance
from game.printing.document import Block, Bullets, Document, Heading, Paragraph, WriteLine
from game.printing.lesson_text import LessonText
from game.printing.plan import help_table

#: Lessons at or above this sensitivity level get the extra "before the lesson" paragraph.
SENSITIVE_LEVEL = 3


def family_blocks(lesson: Lesson, tr: Translator, local: LocalHelp) -> list[Block]:
    """Every part of the family pack, in the order a parent reads it (help for *local*)."""
    _ = tr._
    text = LessonText(lesson, tr, local)
    out: list[Block] = [
        Heading(_("Family letter: {title}").format(title=text.title), 1),
        Paragraph(_(guidance.LETTER_OPENING)),
        Paragraph(
            _(guidance.LETTER_INTRO).format(
                title=text.title,
                low=tr.number(lesson.age_range[0]),
                high=tr.number(lesson.age_range[1]),
            )
        ),
    ]
    if lesson.home:
        out.append(Paragraph(text("home", lesson.home.letter)))
    if lesson.sensitivity_level >= SENSITIVE_LEVEL:
        out.append(Paragraph(_(guidance.LETTER_SENSITIVE), "callout"))
    out += [
        Paragraph(_("Key message: {message}").format(message=text.key_message), "lead"),
        Paragraph(_(guidance.LETTER_CLOSING)),
        Heading(_("Conversation starters"), 2),
        Paragraph(
            _(
                "Pick a relaxed moment, such as a car ride or a meal. Ask about the "
                "characters in the game; let your child lead."
            )
        ),
        Bullets(tuple(text.starters()) or (_("What did you learn in Signal Scouts today?"),)),
        Heading(_("Our family agreement"), 2),
        Paragraph(_(guidance.AGREEMENT_INTRO)),
    ]
    lines = [text("home", a) for a in lesson.home.agreement] if lesson.home else []
    out += [
        # The lesson's agreement carries the grown-up's promise; the standard one fills in.
        Bullets(tuple(lines or [_(guidance.PROMISE)]), checkbox=True),
        WriteLine(_("Signed by our family")),
        Heading(_("Helping every child play"), 2),
        Paragraph(_(guidance.ACCESS_FAMILY)),
        Heading(_("If your child tells you something happened"), 2),
        Bullets(tuple(_(s) for s in guidance.IF_YOUR_CHILD_TELLS_YOU), ordered=True),
        Paragraph(_(guidance.DISCLOSURE_WORDS), "callout"),
        Heading(_("Where to get help and report"), 2),
        *help_table(tr, local, families=True),
    ]
    return out


def family_document(lesson: Lesson, tr: Translator, local: LocalHelp) -> Document:
    """The family pack of one lesson as a printable document."""
    title = LessonText(lesson, tr).title
    return Document(
        title=tr._("Family letter: {title}").format(title=title),
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=tuple(family_blocks(lesson, tr, local)),
        footer=tr._("Signal Scouts - family pack - {title}").format(title=title),
    )
