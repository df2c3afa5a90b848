"""Printable handouts of a lesson, made only from the game's own lines.

A lesson's ``handouts`` list says what to print (see docs/lesson-authoring.md):
message cards and sort cards to cut out (crop marks, 9 or 8 to an A4 page), a
"Rewrite the reply" worksheet, the exit ticket (two anonymous half-page copies per
page; the answer key stays in the teacher's plan), picture cards drawn from the
game's own pictures (greyscale) and the family agreement on one page. Every card
prints a line the game shows, never a new one (safety-education.md §5.5), and
nothing depends on colour. The band's response-steps poster is in
:mod:`game.printing.poster`.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from game.content.handout_refs import Line, handout_lines
from game.content.model import Handout, Lesson, SortStep, StoryStep
from game.content.taxonomy import BANDS
from game.i18n import N_, Translator, bcp47
from game.printing import guidance
from game.printing.document import (
    Block,
    Bullets,
    Card,
    CardSheet,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Terms,
    WriteLine,
)
from game.printing.lesson_text import LessonText

#: Default sheet titles by kind (authors may set their own ``title``).
TITLES = {
    "message_cards": N_("Message cards"),
    "sort_cards": N_("Sort cards"),
    "worksheet": N_("Rewrite the reply"),
    "exit_ticket": N_("Exit ticket"),
    "picture_cards": N_("Picture cards"),
    "family_agreement": N_("Our family agreement"),
    "support_plan": N_("Friend-support plan"),
    "step_cards": N_("Response step cards"),
    "chant_cards": N_("Chant cards"),
    "hand_sheet": N_("My five grown-ups I can tell"),
    "icon_cards": N_("Warm-up cards"),
}
#: The headings of a friend-support plan, each followed by lines to write on.
SUPPORT_PLAN = (
    N_("First message to my friend"),
    N_("What not to do"),
    N_("Who we could tell"),
    N_("Getting it taken down"),
    N_("Looking after yourself"),
)
#: The caption printed under each drawn picture of an ``icon_cards`` handout.
PICTURES = {
    "splash": N_("A favourite colour"),
    "dog": N_("A favourite animal"),
    "house": N_("Where you live"),
    "gate": N_("Your school"),
    "padlock": N_("A password"),
    "ball": N_("A favourite game"),
    "present": N_("A wrapped present"),
    "party": N_("A surprise party"),
    "hidden_card": N_("A hidden birthday card"),
}
#: An icon for each word of a band's chant (game.content.taxonomy.BANDS sequence).
CHANT_ICONS: dict[str, tuple[str, ...]] = {
    "K2": ("tummy", "flat_hand", "ask", "tell"),
    "G35": ("flag", "flat_hand", "block", "tell"),
    "G68": ("flag", "stop", "no_send", "save", "block", "tell", "down"),
    "G912": ("flag", "stop", "no_send", "save", "block", "tell", "down"),
}
#: Makes a greyscale PNG of a story step's picture (None: picture cards show text only).
PictureMaker = Callable[[StoryStep], bytes | None]


def handouts_document(
    lesson: Lesson, tr: Translator, picture: PictureMaker | None = None
) -> Document | None:
    """Every handout of *lesson* in one printable document (None if it has none).

    Each handout starts on a new page; *picture* draws the picture cards' pictures.
    """
    if not lesson.handouts:
        return None
    text = LessonText(lesson, tr)
    blocks: list[Block] = []
    for handout in lesson.handouts:
        if blocks:
            blocks.append(PageBreak())
        blocks += handout_blocks(lesson, handout, tr, picture)
    return Document(
        title=tr._("Handouts: {title}").format(title=text.title),
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=tuple(blocks),
        footer=tr._("Signal Scouts - handouts - {title}").format(title=text.title),
    )


def handout_blocks(
    lesson: Lesson, handout: Handout, tr: Translator, picture: PictureMaker | None = None
) -> list[Block]:
    """The blocks of one handout: its heading, a short instruction and its cards or lines."""
    _ = tr._
    text = LessonText(lesson, tr)
    title = text(handout.id, handout.title) if handout.title else _(TITLES[handout.kind])
    out: list[Block] = [Heading(title, 2)]
    lines = handout_lines(lesson, handout)
    if handout.kind == "message_cards":
        out.append(Paragraph(_("Cut along the marks. Every card is a line from the game."), "note"))
        out.append(CardSheet(tuple(_message_card(text, ln, _) for ln in lines), 3, 3))
    elif handout.kind == "sort_cards":
        out += _sort_sheets(lesson, handout, text, lines, _)
    elif handout.kind == "worksheet":
        out.append(
            Paragraph(
                _(
                    "Each reply is from the game. Write a safer reply, then what the "
                    "character could do next."
                ),
                "note",
            )
        )
        cards = [
            Card(
                text.line(ln.owner, ln.text),
                label=_speaker(text, ln, _),
                prompts=(_("A safer reply:"), _("What could they do next?")),
                write_lines=2,
            )
            for ln in lines
        ]
        out.append(CardSheet(tuple(cards), 1, 3, crop_marks=False))
    elif handout.kind == "exit_ticket":
        out.append(Paragraph(_("Two copies: cut the page in half along the marks."), "note"))
        questions = tuple(
            f"{tr.number(i)}. {text('exit_ticket', e.question)}"
            for i, e in enumerate(lesson.exit_ticket, 1)
        )
        copy = Card(
            "",
            label=_("{title}: no name needed").format(title=title),
            prompts=questions,
            write_lines=2,
        )
        out.append(CardSheet((copy, copy), 1, 2))
    elif handout.kind == "picture_cards":
        out.append(Paragraph(_("Cut along the marks. Each picture is from the game."), "note"))
        cards = [
            Card(
                text.line(ln.owner, ln.text),
                image=picture(ln.step) if picture and isinstance(ln.step, StoryStep) else None,
            )
            for ln in lines
        ]
        out.append(CardSheet(tuple(cards), 2, 2))
    elif handout.kind == "support_plan":
        out += _support_plan(text, lines, _)
    elif handout.kind == "step_cards":
        out += _step_cards(lesson, tr)
    elif handout.kind == "chant_cards":
        out.append(
            Paragraph(_("Cut along the marks. Hold up each card as you say its word."), "note")
        )
        words = BANDS[lesson.grade_band].sequence
        icons = CHANT_ICONS[lesson.grade_band]
        cards = tuple(Card(_(w), icon=i) for w, i in zip(words, icons, strict=True))
        out.append(CardSheet(cards, 2, 2))
    elif handout.kind == "hand_sheet":
        numbers = tuple(tr.number(i) for i in range(1, 6))
        sheet = Card("", icon="hand_numbers", prompts=numbers, write_lines=1)
        out.append(Paragraph(_("Draw or write one grown-up you can tell on each finger."), "note"))
        out.append(CardSheet((sheet,), 1, 1, crop_marks=False))
    elif handout.kind == "icon_cards":
        out.append(Paragraph(_("Cut along the marks. Show the cards one at a time."), "note"))
        cards = [Card(_(PICTURES[p]), icon=p) for p in handout.pictures]
        cards += [
            Card(text.line(ln.owner, ln.text), label=_speaker(text, ln, _), icon="tell")
            for ln in lines
        ]
        out.append(CardSheet(tuple(cards), 3, 3))
    elif handout.kind == "family_agreement" and lesson.home:
        out += [
            Paragraph(_(guidance.AGREEMENT_INTRO)),
            Bullets(tuple(text("home", a) for a in lesson.home.agreement), checkbox=True),
            WriteLine(_("Signed by our family")),
            WriteLine(_("Date")),
        ]
    return out


def _support_plan(text: LessonText, lines: list[Line], _: Callable[[str], str]) -> list[Block]:
    """A friend-support plan: the game's messages (if any), then headings to write under."""
    out: list[Block] = [
        Paragraph(
            _(
                "Plan together how you could help a friend in a story like this one. "
                "Write who could help by role (a parent, a teacher), not by name."
            ),
            "note",
        )
    ]
    if lines:
        out.append(
            Terms(tuple((_speaker(text, ln, _), text.line(ln.owner, ln.text)) for ln in lines))
        )
    rows = tuple(Card(_(h), write_lines=2 if lines else 3) for h in SUPPORT_PLAN)
    out.append(CardSheet(rows, 1, len(rows), crop_marks=False))
    return out


def _step_cards(lesson: Lesson, tr: Translator) -> list[Block]:
    """The band's response steps on cards with icons, in a shuffled (but fixed) order."""
    from game.help_steps import STEPS
    from game.printing.poster import ICONS

    _ = tr._
    steps = STEPS[lesson.grade_band].steps
    names = BANDS[lesson.grade_band].sequence
    labels = names if len(names) == len(steps) else ("",) * len(steps)
    cards = [
        Card(_(step), label=_(name) if name else "", icon=icon)
        for step, name, icon in zip(steps, labels, ICONS[lesson.grade_band], strict=True)
    ]
    random.Random(lesson.id).shuffle(cards)  # the same order on every print, not the answer
    note = _("Cut along the marks, shuffle the cards, then put the steps in order.")
    return [Paragraph(note, "note"), CardSheet(tuple(cards), 3, 3)]


def _speaker(text: LessonText, line: Line, _: Callable[[str], str]) -> str:
    """Who says *line* in the game, as a card's small label."""
    if line.speaker:
        return text(line.owner, line.speaker)
    return _("A reply in the game")


def _message_card(text: LessonText, line: Line, _: Callable[[str], str]) -> Card:
    """A message card: who writes it, then the line itself, large."""
    return Card(text.line(line.owner, line.text), label=_speaker(text, line, _))


def _sort_sheets(
    lesson: Lesson, handout: Handout, text: LessonText, lines: list[Line], _: Callable[[str], str]
) -> list[Block]:
    """Sort cards (8 to a page), then one big cut-out label for each box."""
    out: list[Block] = [
        Paragraph(_("Cut along the marks, then sort the cards into the boxes."), "note")
    ]
    out.append(CardSheet(tuple(Card(text.line(ln.owner, ln.text)) for ln in lines), 2, 4))
    steps: list[SortStep] = []
    for ln in lines:
        if isinstance(ln.step, SortStep) and ln.step not in steps:
            steps.append(ln.step)
    for step in steps:
        out += [PageBreak(), Heading(_("Box labels"), 2)]
        out.append(Paragraph(text.line(step.id, step.prompt), "lead"))
        labels = tuple(Card(text.line(b.id, b.label), big=True) for b in step.bins)
        out.append(CardSheet(labels, 1, 3))
    return out


def handouts_file(lesson: Lesson) -> str:
    """The file name (without folder) a lesson's handouts are printed to."""
    return f"{lesson.id}-handouts.pdf"


def poster_names(lessons: list[Lesson]) -> list[tuple[str, str, str]]:
    """(file stem, band, paper) of the response-steps posters for the bands of *lessons*.

    Bands that share their steps (G68 and G912) share a poster: ``poster-g68-g912-a4``.
    """
    from game.help_steps import STEPS

    bands = [b for b in ("K2", "G35", "G68", "G912") if any(x.grade_band == b for x in lessons)]
    groups: list[list[str]] = []
    for band in bands:
        same = next((g for g in groups if STEPS[g[0]] is STEPS[band]), None)
        if same is None:
            groups.append([band])
        else:
            same.append(band)
    return [
        (f"poster-{'-'.join(g).lower()}-{paper.lower()}", g[0], paper)
        for g in groups
        for paper in ("A4", "A3")
    ]


def handout_documents(
    lessons: list[Lesson], tr: Translator, picture: PictureMaker | None = None
) -> list[tuple[str, Document]]:
    """(file stem, document) of every lesson's handouts and of its bands' posters (PDF only)."""
    from game.printing.poster import poster_document

    out: list[tuple[str, Document]] = []
    for lesson in lessons:
        doc = handouts_document(lesson, tr, picture)
        if doc is not None:
            out.append((handouts_file(lesson).removesuffix(".pdf"), doc))
    for stem, band, paper in poster_names(lessons):
        out.append((stem, poster_document(band, tr, paper)))  # type: ignore[arg-type]
    return out


def handout_count(lessons: list[Lesson]) -> int:
    """How many handout files :func:`handout_documents` makes for *lessons*."""
    return sum(1 for x in lessons if x.handouts) + len(poster_names(lessons))
