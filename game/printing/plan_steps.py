"""The plan's game steps: every step a child may meet, every choice, and where it leads.

Steps are numbered in the order of the lesson file (the start first), which keeps a
repair path next to the choice that leads to it. For each step the plan shows what the
child meets in full (lines wrap, nothing is cut), then each choice with its verdict, in
words and with a text marker that survives black-and-white printing (``[+]`` best,
``[~]`` okay, ``[!]`` unsafe), and the step it leads to. A pause point's question is a
block of its own after its step. Steps a child only meets after an unsafe choice are
marked as a repair path.
"""

from __future__ import annotations

from collections import deque

from game.content.model import (
    AnyStep,
    Choice,
    Lesson,
    PrivacyStep,
    QuizQuestion,
    ReplyStep,
    ReplyTile,
)
from game.i18n import N_, Translator
from game.printing import guidance
from game.printing.document import Block, Bullets, Heading, Paragraph, Terms
from game.printing.lesson_text import LessonText

#: Text markers of the verdicts: no icon, no colour, the same in every script.
MARKERS = {"great": "[+]", "okay": "[~]", "unsafe": "[!]"}
VERDICTS = {
    # TRANSLATORS: in a lesson plan, the verdict of a choice in the game: the best move.
    "great": N_("Best choice"),
    # TRANSLATORS: in a lesson plan: a choice that is fine, but not the best move.
    "okay": N_("Okay choice"),
    # TRANSLATORS: in a lesson plan: an unsafe choice (it leads to a repair path).
    "unsafe": N_("Unsafe choice"),
}
KEY = N_(
    "Every step a child may meet, in order. Choices are marked [+] best, [~] okay "
    "and [!] unsafe. Every unsafe choice leads to a repair path: steps marked "
    '"repair path" are met only after an unsafe choice.'
)


def step_order(lesson: Lesson) -> list[AnyStep]:
    """The steps a child can reach, in file order with the start step first."""
    reachable: set[str] = set()
    todo = deque([lesson.start_id])
    while todo:
        step = lesson.step(todo.popleft())
        if step.id in reachable:
            continue
        reachable.add(step.id)
        todo.extend(target for target in _targets(step) if target in lesson.step_map)
    first = lesson.step(lesson.start_id)
    return [first] + [s for s in lesson.steps if s.id in reachable and s.id != first.id]


def repair_steps(lesson: Lesson) -> set[str]:
    """Ids of the steps a child meets only after an unsafe choice."""
    safe_reach: set[str] = set()
    todo = deque([lesson.start_id])
    while todo:
        step = lesson.step(todo.popleft())
        if step.id in safe_reach:
            continue
        safe_reach.add(step.id)
        if step.has_choices:
            todo.extend(c.next for c in step.choice_list if c.verdict != "unsafe")
        elif step.next:
            todo.append(step.next)
    return {s.id for s in step_order(lesson)} - safe_reach


def _targets(step: AnyStep) -> list[str]:
    if step.has_choices:
        return [c.next for c in step.choice_list]
    return [step.next] if step.next else []


class StepsSection:
    """Builds the "Game steps and pause points" blocks of one lesson's plan."""

    def __init__(self, lesson: Lesson, tr: Translator, text: LessonText) -> None:  # noqa: D107
        self.lesson, self.tr, self.text, self._ = lesson, tr, text, tr._
        self.order = step_order(lesson)
        self.numbers = {step.id: number for number, step in enumerate(self.order, 1)}
        self.repair = repair_steps(lesson)

    def blocks(self, pauses: dict[str, list[str]]) -> list[Block]:
        """Every step, its choices and where they lead, then its pause questions."""
        _ = self._
        out: list[Block] = [Paragraph(_(KEY), "note")]
        for step in self.order:
            out.append(Heading(self.heading(step), 4))
            meets = self.meets(step)
            if meets:
                out.append(Bullets(tuple(meets)))
            if step.has_choices:
                out.append(Terms(tuple(self.choice(c) for c in step.choice_list)))
            elif step.end:
                out.append(Paragraph(_("The game ends here; the debrief follows."), "note"))
            elif step.next:
                out.append(Paragraph(_("Then step {n}.").format(n=self.number(step.next))))
            for question in pauses.get(step.id, []):
                pause = _('Pause point: ask "{question}"').format(question=question)
                out.append(Paragraph(pause, "callout"))
        return out

    def number(self, step_id: str) -> str:
        """The step's number in the plan, in the reader's digits."""
        return self.tr.number(self.numbers.get(step_id, 0))

    def heading(self, step: AnyStep) -> str:
        """The step's heading, e.g. "Step 3: Chat"; "(repair path)" after an unsafe choice only."""
        _ = self._
        kind = _(guidance.STEP_KINDS[step.type])
        if step.id in self.repair:
            return _("Step {n}: {kind} (repair path)").format(n=self.number(step.id), kind=kind)
        return _("Step {n}: {kind}").format(n=self.number(step.id), kind=kind)

    def choice(self, choice: Choice) -> tuple[str, str]:
        """(marker and verdict, the choice's words and the step it leads to)."""
        _ = self._
        verdict = f"{MARKERS[choice.verdict]} {_(VERDICTS[choice.verdict])}"
        words = self.text.line(choice.id, choice.text)
        # TRANSLATORS: a choice in the game, then the number of the step it leads to.
        return verdict, _("{choice} (then step {n})").format(
            choice=words, n=self.number(choice.next)
        )

    def meets(self, step: AnyStep) -> list[str]:
        """What the child reads or hears in *step*, each line in full."""
        _, line = self._, self.text.line
        out: list[str] = []
        if step.type == "chat":
            out += [self.message(m.sender, line(m.id, m.text)) for m in step.messages]
        elif step.type == "story":
            out.append(line(step.id, step.text))
        elif step.type == "spot":
            out.append(line(step.id, step.prompt))
            for m in step.messages:
                said = f"{m.sender}: {line(m.id, m.text)}"
                out.append(
                    _("[!] Red flag: {text}").format(text=said)
                    if m.tactic
                    else _("Fine: {text}").format(text=said)
                )
        elif step.type == "sort":
            out.append(line(step.id, step.prompt))
            bins = {b.id: line(b.id, b.label) for b in step.bins}
            out += [
                _("{card} (goes in: {box})").format(card=line(c.id, c.text), box=bins[c.bin])
                for c in step.cards
            ]
        elif step.type == "quiz":
            out += [self.question(q) for q in step.questions]
        elif step.type == "reply":
            out += self.reply(step)
        elif step.type == "privacy":
            out += self.privacy(step)
        elif step.type == "help_plan":
            if step.app_message:
                out.append(line(step.id, step.app_message))
            out.append(
                _(
                    "The child picks trusted adults, practises save, block and report in "
                    "the pretend app, and chooses words to say when telling."
                )
            )
        prompt = getattr(step, "prompt", None)
        if step.has_choices and prompt:
            out.append(line(step.id, prompt))
        return out

    def reply(self, step: ReplyStep) -> list[str]:
        """A reply builder's task and its rows of tiles (tiles that leave the door open marked)."""
        _, line = self._, self.text.line

        def tiles(row: list[ReplyTile]) -> str:
            return " / ".join(
                line(t.id, t.text)
                if t.firm
                else _("{tile} (leaves the door open)").format(tile=line(t.id, t.text))
                for t in row
            )

        return [
            line(step.id, step.prompt),
            _("Say no: {tiles}").format(tiles=tiles(step.say_no)),
            _("A reason (the best reply needs none): {tiles}").format(tiles=tiles(step.reasons)),
            _("Then: {tiles}").format(tiles=tiles(step.actions)),
        ]

    def privacy(self, step: PrivacyStep) -> list[str]:
        """A privacy-settings task: each setting with its values (the safer ones marked)."""
        _, line = self._, self.text.line
        out = [line(step.id, step.prompt)]
        for setting in step.settings:
            values = " / ".join(
                _("{value} (safer)").format(value=line(o.id, o.text))
                if o.safe
                else line(o.id, o.text)
                for o in setting.options
            )
            label = line(setting.id, setting.label)
            out.append(_("{setting}: {values}").format(setting=label, values=values))
        out.append(line(step.id, step.scenario))
        return out

    def message(self, sender: str, text: str) -> str:
        """A chat line with who says it, as the narrator reads it."""
        _ = self._
        if sender == "contact":
            name = self.text("contact", self.lesson.contact.name)
            return f"{_('{name} says:').format(name=name)} {text}"
        if sender == "scout":
            return f"{_('Scout says:')} {text}"
        if sender == "me":
            return f"{_('You say:')} {text}"
        return text

    def question(self, question: QuizQuestion) -> str:
        """A quiz question with its right answer."""
        _, line = self._, self.text.line
        if question.kind == "true_false" or not question.options:
            answer = _("True") if question.answer else _("False")
        else:
            answer = " / ".join(line(o.id, o.text) for o in question.options if o.correct)
        return _("{statement} (Answer: {answer})").format(
            statement=line(question.id, question.text), answer=answer
        )
