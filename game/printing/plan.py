"""The teacher's lesson plan, built from the lesson YAML (safety-education.md §5.4).

:func:`lesson_plan` returns the blocks of one plan; :func:`plan_document` wraps
one lesson, :func:`curriculum_document` every lesson as one book. Section headings
are fixed (:data:`SECTIONS`) so tests and teachers can rely on them.
"""

from __future__ import annotations

from game.content.model import Lesson, Source
from game.content.taxonomy import BAND_ORDER, SKILLS, TACTICS
from game.content.timing import check_minutes
from game.help_steps import help_steps
from game.helplines import ADULT, YOUNG_BANDS, LocalHelp
from game.i18n import N_, Translator, bcp47, territory_name
from game.printing import guidance
from game.printing.coverage_section import coverage_blocks
from game.printing.document import (
    Block,
    Bullets,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Terms,
    WriteLine,
    demoted,
)
from game.printing.glance import glance_blocks
from game.printing.handouts import handouts_file
from game.printing.lesson_text import LessonText
from game.printing.plan_extras import (
    change_log_blocks,
    faq_blocks,
    myth_blocks,
    myth_sources,
    rubric_blocks,
    story_hook_blocks,
    story_hook_text,
)
from game.printing.plan_steps import StepsSection
from game.printing.runs import english, isolated

#: What a plan says of a lesson no safeguarding reviewer has signed off yet.
DRAFT = N_("Draft, not yet reviewed by a safeguarding lead")

#: The learning check's rows in the flow (when the lesson has one).
CHECK_BEFORE = N_("Learning check (before)")
CHECK_AFTER = N_("Learning check (after)")

#: The plan's sections, in order (template items 2-17).
SECTIONS = (
    N_("Big idea and essential question"),
    N_("Learning objectives"),
    N_("Key vocabulary"),
    N_("Standards alignment"),
    N_("Materials and setup"),
    N_("Before you teach: safeguarding checklist"),
    N_("Ground rules"),
    N_("Lesson flow"),
    N_("Discussion questions"),
    N_("Practice and apply"),
    N_("Assessment and exit ticket"),
    N_("Differentiation"),
    N_("Home connection"),
    N_("Teacher background"),
    N_("Responding to a disclosure"),
    N_("Help and reporting"),
    N_("Sources"),
)


class PlanBuilder:
    """Builds the plan of one lesson in the translator's language."""

    def __init__(self, lesson: Lesson, tr: Translator, local: LocalHelp) -> None:  # noqa: D107
        self.lesson = lesson
        self.tr = tr
        self.text = LessonText(lesson, tr, local)
        self.local = local
        self._ = tr._

    def section(self, index: int) -> Heading:
        """The heading of section *index* of :data:`SECTIONS`."""
        return Heading(self._(SECTIONS[index]), 2)

    def blocks(self) -> list[Block]:
        """Every section of the plan, in template order."""
        out: list[Block] = [
            Heading(self._("Lesson plan: {title}").format(title=self.text.title), 1)
        ]
        out += glance_blocks(self)
        out += self.header()
        for index, part in enumerate(
            (
                self.big_idea,
                self.objectives,
                self.vocabulary,
                self.standards,
                self.materials,
                self.checklist,
                self.ground_rules,
                self.flow,
                self.discussion,
                self.practice,
                self.assessment,
                self.differentiation,
                self.home,
                self.background,
                self.disclosure,
                self.signposts,
                self.sources,
            )
        ):
            out.append(self.section(index))
            out += part()
        return out

    # -- sections -------------------------------------------------------------------
    def header(self) -> list[Block]:
        """Band, ages, duration, session, sensitivity, version and review."""
        lesson, _ = self.lesson, self._
        minutes = self.tr.ngettext("{n} minute", "{n} minutes", lesson.duration_min)
        items = [
            (_("Age group"), self.text.ages),
            (_("Duration"), minutes.format(n=self.tr.number(lesson.duration_min))),
        ]
        if lesson.session_of:
            items.append(
                (
                    _("Session"),
                    _("{n} of {total}").format(
                        n=self.tr.number(lesson.session_of[0]),
                        total=self.tr.number(lesson.session_of[1]),
                    ),
                )
            )
        items += [
            (_("Sensitivity level"), _(guidance.SENSITIVITY[lesson.sensitivity_level])),
            (_("Version"), lesson.version),
        ]
        items += self.review()
        return [Terms(tuple(items))]

    def review(self) -> list[tuple[str, str]]:
        """Who signed the lesson off and when, or that it is still a draft."""
        _, lesson = self._, self.lesson
        if lesson.reviewed_by is None or lesson.last_reviewed is None:
            return [(_("Safeguarding review"), _(DRAFT))]
        return [
            (_("Last reviewed"), self.tr.date(lesson.last_reviewed)),
            (_("Safeguarding review"), lesson.reviewed_by),
        ]

    def big_idea(self) -> list[Block]:
        """The big idea, the essential question and the key message."""
        t = self.text
        return [
            Paragraph(t("big_idea", self.lesson.big_idea), "lead"),
            Paragraph(
                self._("Essential question: {question}").format(
                    question=t("essential_question", self.lesson.essential_question)
                )
            ),
            Paragraph(self._("Key message: {message}").format(message=t.key_message), "callout"),
        ]

    def objectives(self) -> list[Block]:
        """Objectives, then the "I can" success criteria."""
        t, lesson = self.text, self.lesson
        out: list[Block] = [
            Paragraph(self._("Students will be able to:")),
            Bullets(tuple(t("objectives", o) for o in lesson.objectives)),
        ]
        if lesson.success_criteria:
            out += [
                Heading(self._("Success criteria"), 3),
                Bullets(tuple(t("success_criteria", c) for c in lesson.success_criteria)),
            ]
        return out

    def vocabulary(self) -> list[Block]:
        """Key words with child-friendly definitions."""
        t = self.text
        if not self.lesson.vocabulary:
            return [Paragraph(self._("This lesson has no vocabulary list."), "note")]
        return [
            Terms(
                tuple(
                    (t("vocabulary", v.term), t("vocabulary", v.definition))
                    for v in self.lesson.vocabulary
                )
            )
        ]

    def standards(self) -> list[Block]:
        """Frameworks and standards (names kept as the frameworks publish them)."""
        if not self.lesson.standards:
            return [Paragraph(self._("No standards have been mapped for this lesson yet."), "note")]
        return [
            Terms(
                tuple(
                    (english(name), english("; ".join(items)))
                    for name, items in self.lesson.standards.items()
                )
            )
        ]

    def materials(self) -> list[Block]:
        """What the teacher needs in the room."""
        items = [self.text("materials", m) for m in self.lesson.materials]
        if self.lesson.handouts:  # printed next to this plan (see game.printing.handouts)
            items.append(
                self._("Handouts to print (cards, worksheet, exit ticket): {file}").format(
                    file=handouts_file(self.lesson)
                )
            )
        return [Bullets(tuple(items + [self._(m) for m in guidance.MATERIALS]))]

    def checklist(self) -> list[Block]:
        """The before-you-teach safeguarding checklist, plus the lesson's own notes."""
        out: list[Block] = [Bullets(tuple(self._(c) for c in guidance.CHECKLIST), checkbox=True)]
        if self.lesson.teacher_notes:
            out.append(Paragraph(self.text("teacher_notes", self.lesson.teacher_notes), "note"))
        return out

    def ground_rules(self) -> list[Block]:
        """Ground rules to agree or recap at the start."""
        return [Bullets(tuple(self._(r) for r in guidance.GROUND_RULES))]

    def flow(self) -> list[Block]:
        """The timed flow as a table, then the game steps with their pause points."""
        _, t, lesson = self._, self.text, self.lesson
        what = {
            "warm_up": t("warm_up", lesson.warm_up) if lesson.warm_up else "",
            "story": story_hook_text(self)
            or _(guidance.STORY_HOOK).format(name=t("contact", lesson.contact.name)),
            "game": _(guidance.GAME_PART),
            "practice": _("The practice activity (see 'Practice and apply')."),
            "discuss": _(guidance.DISCUSS_PART),
            "apply": _("The apply activity (see 'Practice and apply')."),
            "plenary": _(
                guidance.PLENARY_PART_YOUNG
                if lesson.grade_band in YOUNG_BANDS
                else guidance.PLENARY_PART
            ).format(message=t.key_message),
            "check_before": _(guidance.CHECK_BEFORE_PART),
            "check_after": _(guidance.CHECK_AFTER_PART),
        }
        rows = tuple(
            (
                _("{start}-{end} min").format(
                    start=self.tr.number(start), end=self.tr.number(end)
                ),
                label,
                what.get(name, ""),
            )
            for start, end, name, label in self.timings()
        )
        out: list[Block] = []
        if rows:
            out.append(Table((_("Time"), _("Part"), _("What happens")), rows, (2, 2, 7)))
        else:
            out.append(Paragraph(_("This lesson has no timed flow yet."), "note"))
        out += story_hook_blocks(self)
        out.append(Heading(_("Game steps and pause points"), 3))
        out += StepsSection(lesson, self.tr, t).blocks(self.pause_points())
        return out

    def timings(self) -> list[tuple[int, int, str, str]]:
        """(start, end, part, label) of each part of the flow, in minutes from the start.

        The learning check runs on each device: before it, when a child opens the lesson
        (first, a baseline before any teaching), and after it, right after the debrief.
        Its minutes (estimated by :func:`game.content.timing.check_minutes`) come out of
        the game part, so the parts still add up to the lesson's duration.
        """
        _, lesson = self._, self.lesson
        game = next((p.minutes for p in lesson.flow if p.part == "game"), 0)
        before, after = check_minutes(lesson)
        before = min(before, max(game - 1, 0))
        after = min(after, max(game - 1 - before, 0))
        out: list[tuple[int, int, str, str]] = []
        elapsed = 0

        def add(minutes: int, name: str, label: str) -> None:
            nonlocal elapsed
            if minutes > 0:
                out.append((elapsed, elapsed + minutes, name, label))
                elapsed += minutes

        add(before, "check_before", _(CHECK_BEFORE))
        for part in lesson.flow:
            label = _(guidance.FLOW_PARTS[part.part])
            if part.part != "game":
                add(part.minutes, part.part, label)
                continue
            add(part.minutes - before - after, "game", label)
            add(after, "check_after", _(CHECK_AFTER))
        return out

    def pause_points(self) -> dict[str, list[str]]:
        """Translated discussion questions by the step after which the class pauses."""
        out: dict[str, list[str]] = {}
        for q in self.lesson.discussion_questions:
            if q.pause_after:
                out.setdefault(q.pause_after, []).append(
                    self.text("discussion_questions", q.question)
                )
        return out

    def discussion(self) -> list[Block]:
        """Each question with its model answer and the misconception to listen for."""
        _, t = self._, self.text
        out: list[Block] = []
        for number, q in enumerate(self.lesson.discussion_questions, 1):
            owner = "discussion_questions"
            out.append(
                Heading(
                    _("{n}. {question}").format(
                        n=self.tr.number(number), question=t(owner, q.question)
                    ),
                    3,
                )
            )
            out.append(
                Paragraph(_("Model answer: {answer}").format(answer=t(owner, q.model_answer)))
            )
            if q.misconception:
                out.append(
                    Paragraph(
                        _("Common misconception: {text}").format(text=t(owner, q.misconception)),
                        "note",
                    )
                )
        return out or [Paragraph(_("This lesson has no discussion questions yet."), "note")]

    def practice(self) -> list[Block]:
        """The practice (role-play) and apply activities."""
        _, t, lesson = self._, self.text, self.lesson
        out: list[Block] = [Heading(_("Practice"), 3)]
        out.append(Paragraph(t("practice", lesson.practice) if lesson.practice else "-"))
        out += [Heading(_("Apply"), 3)]
        out.append(Paragraph(t("apply", lesson.apply) if lesson.apply else "-"))
        return out

    def assessment(self) -> list[Block]:
        """Exit ticket with answer key, and the anonymous before/after learning check."""
        _, t, lesson = self._, self.text, self.lesson
        out: list[Block] = []
        if lesson.exit_ticket:
            rows = tuple(
                (t("exit_ticket", e.question), t("exit_ticket", e.answer))
                for e in lesson.exit_ticket
            )
            out.append(Table((_("Exit ticket question"), _("Answer key")), rows, (1, 1)))
        if lesson.learning_check:
            out.append(Heading(_("Learning check (before and after)"), 3))
            items = []
            for item in lesson.learning_check:
                right = item.right_option
                if item.options and right is not None:
                    items.append(
                        _("{question} Picture answers: {options}. (Answer: {answer})").format(
                            question=t(item.id, item.text),
                            options=" / ".join(t(o.id, o.text) for o in item.options),
                            answer=t(right.id, right.text),
                        )
                    )
                    continue
                answer = _("True") if item.answer else _("False")
                items.append(
                    _("{statement} (Answer: {answer})").format(
                        statement=t(item.id, item.text), answer=answer
                    )
                )
            out.append(Bullets(tuple(items), ordered=True))
            out.append(
                Paragraph(
                    _(
                        "Turn the learning check on in teacher mode. Answers are counted on "
                        "this device only, with no names, and shown as a class summary."
                    ),
                    "note",
                )
            )
        skills = ", ".join(
            f"{code} {_(SKILLS[code].name)}" for code in lesson.skills_practised if code in SKILLS
        )
        out.append(Paragraph(_("Skills practised: {skills}").format(skills=skills)))
        out += rubric_blocks(self)
        return out

    def differentiation(self) -> list[Block]:
        """More support and a stretch, plus what the game already offers."""
        _, t, lesson = self._, self.text, self.lesson
        items = []
        if lesson.differentiation:
            items += [
                (_("Support"), t("differentiation", lesson.differentiation.support)),
                (_("Extension"), t("differentiation", lesson.differentiation.extension)),
            ]
        items.append(
            (
                _("In the game"),
                _(guidance.IN_THE_GAME),
            )
        )
        return [Terms(tuple(items))]

    def home(self) -> list[Block]:
        """The family letter and conversation starters."""
        _ = self._
        out: list[Block] = [
            Paragraph(
                _(
                    "Send the family letter home before the lesson. The family pack has the "
                    "letter, conversation starters, a family agreement and what to do if a "
                    "child tells a grown-up something worrying."
                )
            )
        ]
        starters = self.text.starters()
        if starters:
            out += [Heading(_("Conversation starters"), 3), Bullets(tuple(starters))]
        return out

    def background(self) -> list[Block]:
        """Sourced facts, the tactics this lesson covers, and the response skills."""
        _, t, lesson = self._, self.text, self.lesson
        titles = {s.url: f"{english(s.title)}, {self.year(s)}" for s in lesson.sources}
        out: list[Block] = []
        if lesson.background:
            out.append(
                Bullets(
                    tuple(
                        _("{fact} (Source: {source})").format(
                            fact=t("background", f.fact),
                            source=titles.get(f.source, english(f.source)),
                        )
                        for f in lesson.background
                    )
                )
            )
        tactics = [TACTICS[c] for c in lesson.tactics_covered if c in TACTICS]
        if tactics:
            out.append(Heading(_("Red flags in this lesson"), 3))
            out.append(Terms(tuple((_(x.name), _(x.explain)) for x in tactics)))
        out += myth_blocks(self)
        out += faq_blocks(self)
        return out

    def disclosure(self) -> list[Block]:
        """The disclosure-response script (NSPCC and UKCIS)."""
        _ = self._
        return [
            Paragraph(
                _(
                    "If a child tells you something worrying during or after the lesson, "
                    "follow your safeguarding policy and these steps."
                )
            ),
            Bullets(tuple(_(s) for s in guidance.DISCLOSURE_DO), ordered=True),
            Heading(_("What you can say"), 3),
            Paragraph(_(guidance.DISCLOSURE_WORDS), "callout"),
            Heading(_("What not to do"), 3),
            Bullets(tuple(_(s) for s in guidance.DISCLOSURE_DONT)),
        ]

    def signposts(self) -> list[Block]:
        """What the Help screen shows this age group, then every service, for the adults."""
        return help_screen_blocks(self.tr, self.local, self.lesson.grade_band) + help_table(
            self.tr, self.local
        )

    def sources(self) -> list[Block]:
        """Every source the lesson and its myths to avoid cite, then the change log."""
        items = tuple(
            f"{english(s.title)} ({self.year(s)}): {english(s.url)}" for s in self.lesson.sources
        )
        out: list[Block] = [Bullets(items)] if items else [Paragraph("-", "note")]
        myths = tuple(myth_sources(self))  # the myths' sources, after the lesson's own
        return out + ([Bullets(myths)] if myths else []) + change_log_blocks(self)

    def year(self, source: Source) -> str:
        """The source's year, or "n.d." (no date) where the source gives none."""
        if source.year is None:
            # TRANSLATORS: "no date": a source that gives no year, as in a reference list.
            return self._("n.d.")
        return str(source.year)


def help_screen_blocks(tr: Translator, local: LocalHelp, band: str) -> list[Block]:
    """What a child of *band* sees on the Help screen: the steps, then the services."""
    _ = tr._
    steps = help_steps(band)
    out: list[Block] = [
        Heading(_("What the Help screen shows this age group"), 3),
        Paragraph(_(steps.heading)),
        Bullets(tuple(_(step) for step in steps.steps)),
    ]
    services = local.services(band)
    if services:
        out.append(Terms(tuple((s.name, local.describe(s, band, tr)) for s in services)))
    else:
        out.append(
            Paragraph(
                _("Your trusted grown-ups are your helpers. They can find more help for you.")
            )
        )
    if not local.known:
        out.append(Paragraph(_("A grown-up can choose your country in Settings.")))
    out.append(Heading(_("Help and reporting services for adults"), 3))
    return out


def help_table(tr: Translator, local: LocalHelp, families: bool = False) -> list[Block]:
    """Every help and reporting service for the country, as a table, with a review note.

    For a country with no data: the international directory, and a note that the school
    adds the local services (*families*: ask the school for them).
    """
    _ = tr._
    rows = []
    for service in local.services(ADULT):
        ways = [
            _("Call {number}").format(number=isolated(service.phone)) if service.phone else "",
            _("Text {number}").format(number=isolated(service.text)) if service.text else "",
            isolated(service.web or ""),
        ]
        rows.append(
            (
                service.name,
                local.describe(service, ADULT, tr),
                "\n".join(w for w in ways if w),
            )
        )
    if local.known:
        intro = _("Services in {country}:").format(country=territory_name(tr.language, local.code))
    else:
        intro = _(
            "This country's own services are not listed yet. Find the child helpline in "
            "your country here:"
        )
    out: list[Block] = [
        Paragraph(intro),
        Table((_("Service"), _("What it is for"), _("How to reach it")), tuple(rows), (3, 5, 3)),
    ]
    if not local.known and families:
        out.append(Paragraph(_("Ask your child's school for local help and reporting services.")))
    elif not local.known:
        out += [
            Paragraph(
                _(
                    "The school should add local help and reporting services here before "
                    "the lesson."
                ),
                "note",
            ),
            WriteLine(_("Local help line for children")),
            WriteLine(_("Where to report online exploitation")),
        ]
    if not local.listed.reviewed:
        out.append(
            Paragraph(
                _("Check these details with your safeguarding lead before the lesson."), "note"
            )
        )
    out.append(
        Paragraph(_("If a child is in danger now, call your local emergency number."), "note")
    )
    return out


def plan_document(lesson: Lesson, tr: Translator, local: LocalHelp) -> Document:
    """One lesson's plan as a printable document, with the help for *local*'s country."""
    text = LessonText(lesson, tr, local)
    return Document(
        title=tr._("Lesson plan: {title}").format(title=text.title),
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=tuple(PlanBuilder(lesson, tr, local).blocks()),
        footer=tr._("Signal Scouts - lesson plan - {title}").format(title=text.title),
    )


def book_order(lessons: list[Lesson]) -> list[Lesson]:
    """*lessons* from the youngest age group to the oldest, each group in session order."""
    return sorted(
        lessons,
        key=lambda x: (BAND_ORDER.index(x.grade_band), x.session_of or (0, 0), x.id),
    )


def _contents_line(lesson: Lesson, tr: Translator) -> str:
    """A contents entry: title, age group and, in a series, its session and what it is about."""
    text = LessonText(lesson, tr)
    if lesson.session_of is None:
        return tr._("{title} ({ages})").format(title=text.title, ages=text.ages)
    n, total = (tr.number(x) for x in lesson.session_of)
    if not lesson.about:
        return tr._("{title} ({ages}, session {n} of {total})").format(
            title=text.title, ages=text.ages, n=n, total=total
        )
    return tr._("{title} ({ages}, session {n} of {total}): {about}").format(
        title=text.title,
        ages=text.ages,
        n=n,
        total=total,
        about=tr.pgettext(f"{lesson.id}/about", lesson.about),
    )


def curriculum_document(lessons: list[Lesson], tr: Translator, local: LocalHelp) -> Document:
    """Every lesson's plan in one book (youngest to oldest), with a contents list."""
    _ = tr._
    lessons = book_order(lessons)
    blocks: list[Block] = [
        Heading(_("Signal Scouts: curriculum book"), 1),
        Paragraph(
            _(
                "Lesson plans for every Signal Scouts lesson, from the youngest age group to "
                "the oldest. Each plan can also be printed on its own."
            ),
            "lead",
        ),
        Heading(_("Contents"), 2),
        Bullets(tuple(_contents_line(lesson, tr) for lesson in lessons), ordered=True),
    ]
    blocks += coverage_blocks(lessons, tr)
    for lesson in lessons:
        blocks.append(PageBreak())
        # One h1 for the book: each plan's title becomes h2, its sections h3, and so on.
        blocks += demoted(PlanBuilder(lesson, tr, local).blocks())
    return Document(
        title=_("Signal Scouts: curriculum book"),
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=tuple(blocks),
        footer=_("Signal Scouts - curriculum book"),
    )
