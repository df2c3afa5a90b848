"""Quiz: multiple-choice and true/false questions, feedback on every answer, no timers.

The summary counts right answers gently; every explanation is shown whatever was
answered, so a wrong answer is still a chance to learn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import QuizQuestion, QuizStep
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import Block, card_height, card_row
from game.ui.layout import split
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

#: The letters that label a question's options, per language (others use A, B, C, D).
#: Arabic school books label choices with the first letters of the abjad order.
OPTION_LETTERS = {"ar": "أبجدهو"}
LATIN_LETTERS = "ABCDEF"


def option_letters(language: str) -> str:
    """The option labels for *language*, in order: A, B, C, D (or its own letters)."""
    return OPTION_LETTERS.get(language, LATIN_LETTERS)


class QuizScene(StepScene):
    """One quiz step."""

    step_type = "quiz"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.index = 0
        self.answers: dict[str, str] = {}  # question id -> option id or "true"/"false"

    @property
    def step(self) -> QuizStep:
        """The quiz step being played."""
        return self.step_as(QuizStep)

    @property
    def question(self) -> QuizQuestion | None:
        """The current question (None after the last one)."""
        questions = self.step.questions
        return questions[self.index] if self.index < len(questions) else None

    def is_right(self, question: QuizQuestion, answer: str) -> bool:
        """Whether *answer* is the right one for *question*."""
        if question.kind == "true_false":
            return answer == ("true" if question.answer else "false")
        return any(o.id == answer and o.correct for o in question.options or [])

    def score(self) -> int:
        """Right answers so far."""
        return sum(
            self.is_right(q, self.answers[q.id])
            for q in self.step.questions
            if q.id in self.answers
        )

    def options(self, question: QuizQuestion) -> list[tuple[str, str]]:
        """(answer key, label) for each answer button."""
        if question.kind == "true_false":
            return [("true", self._("True")), ("false", self._("False"))]
        return [(o.id, self.lt(o.id, o.text)) for o in question.options or []]

    def build(self) -> None:
        """Answer buttons on the left; feedback and Continue on the right once answered.

        When that does not fit at full size (large text), everything goes one under
        another across the window: the question number, the question, the answers, the
        feedback, then Continue (the page scrolls).
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.left, self.right = split(area, 0.55, 2 * m.pad)
        self.flowing = False
        self._build_quiz()
        if self._quiz_fits():
            return
        self.flowing = True
        self.buttons = []
        counter = self._counter().get_height() + m.px(10)
        self.left = pygame.Rect(area.left, area.top + counter, area.width, area.height - counter)
        self.right = pygame.Rect(area.left, area.top, area.width, 0)
        self._build_quiz()

    def _counter(self) -> pygame.Surface:
        total = len(self.step.questions)
        return self.app.text.render(
            self._("Question {n} of {total}").format(
                n=self.app.tr.number(self.index + 1), total=self.app.tr.number(total)
            ),
            self.m.small,
            theme.INK_SOFT,
        )

    def _card_builder(self):
        """What the card shows: the summary, or the feedback on the answer (None: no card)."""
        question = self.question
        if question is None:
            return self._summary
        if question.id not in self.answers:
            return None
        right = self.is_right(question, self.answers[question.id])
        return lambda w, s: self._feedback(question, right, w, s)

    def _quiz_fits(self) -> bool:
        m = self.m
        for button in self.buttons:
            if button.rect.bottom > self.left.bottom + 1 or not button.label_fits(self.app.text, m):
                return False
        build = self._card_builder()
        if build is None:
            return True
        box = self.card_box()
        return card_height(m, box.width, build) <= box.height

    def card_box(self) -> pygame.Rect:
        """Where the feedback (or the summary) card goes."""
        m = self.m
        if self.flowing:
            return self.box
        panel_h = self.right.height - m.button_h - m.pad
        if self.question is None:  # across both columns (either way round)
            both = self.left.union(self.right)
            return pygame.Rect(both.left, both.top, both.width, panel_h)
        top = self._counter().get_height() + m.px(10)
        return pygame.Rect(self.right.left, self.right.top + top, self.right.width, panel_h - top)

    def _build_quiz(self) -> None:
        m = self.m
        bottom = pygame.Rect(
            self.right.left, self.right.bottom - m.button_h, self.right.width, m.button_h
        )
        question = self.question
        y = self.left.top
        if question is not None:
            answered = question.id in self.answers
            top = self.left.top + self._question_height(question) + m.pad
            buttons = self._answer_buttons(question, top, 1.0, answered)
            self.buttons.extend(buttons)
            y = buttons[-1].rect.bottom + m.pad
            if not answered:
                return
        button = self.continue_button(bottom)
        if self.flowing:
            build = self._card_builder()
            assert build is not None
            top = self.right.top if question is None else y
            self.box = pygame.Rect(self.left.left, top, self.left.width, 0)
            self.box.height = card_height(m, self.box.width, build)
            self.end_side(button, self.left, self.box.bottom + m.pad)
        if question is None:
            self.buttons.append(button)
        else:
            self.buttons.insert(0, button)

    def first_focus(self) -> int:
        """No answer is pre-selected: Enter alone never answers for the child."""
        question = self.question
        return -1 if question is not None and question.id not in self.answers else 0

    def _question_height(self, question: QuizQuestion) -> int:
        return self.app.text.render(
            self.lt(question.id, question.text),
            self.m.font(30),
            theme.INK,
            self.left.width,
            bold=True,
        ).get_height()

    def _answer_buttons(
        self, question: QuizQuestion, top: int, scale: float, answered: bool
    ) -> list[Button]:
        m = self.m
        buttons = []
        y = top
        chosen = self.answers.get(question.id)
        for index, (key, label) in enumerate(self.options(question)):
            style = "choice"
            icon = _letter_icon(self.app, option_letters(self.app.tr.language)[index])
            if answered:
                right = self.is_right(question, key)
                style = "action" if right else ("selected" if key == chosen else "quiet")
                if right:
                    icon = _tick_icon
                    label = self._("{answer} (right answer)").format(answer=label)
                elif key == chosen:
                    label = self._("{answer} (your answer)").format(answer=label)
            button = Button(
                f"answer:{key}",
                label,
                pygame.Rect(self.left.left, y, self.left.width, m.button_h),
                style,
                align="left",
                bold=False,
                icon=icon,
                text_size=round(m.body * scale),
            )
            button.rect.height = button.needed_height(self.app.text, m)
            buttons.append(button)
            y += button.rect.height + m.px(12)
        return buttons

    def narration_body(self) -> list[Line]:
        """The question and its answers (A, B...); then whether it was right, and why."""
        say = self.say
        question = self.question
        total = len(self.step.questions)
        if question is None:
            score = self.app.tr.ngettext(
                "You answered {right} of {n} question right.",
                "You answered {right} of {n} questions right.",
                total,
            ).format(right=self.app.tr.number(self.score()), n=self.app.tr.number(total))
            return [
                say.ui("Quiz done!", key="done"),
                say.said(score, key="done/score"),
                say.ui("Every answer, right or not, helps you learn what to do."),
            ]
        counter = self._("Question {n} of {total}").format(
            n=self.app.tr.number(self.index + 1), total=self.app.tr.number(total)
        )
        lines = [
            say.said(counter, key=f"{question.id}/counter"),
            self.lesson_line(question.id, "text", question.text, key=question.id),
        ]
        if question.id not in self.answers:
            for index, (key, label) in enumerate(self.options(question)):
                letter = option_letters(self.app.tr.language)[index]
                lines.append(say.plain(letter, key=f"{question.id}/{key}/letter", shown=""))
                if question.kind == "true_false":
                    lines.append(say.said(label, key=f"{question.id}/{key}"))
                else:
                    option = next(o for o in question.options or [] if o.id == key)
                    lines.append(
                        self.lesson_line(option.id, "text", option.text, key=f"{question.id}/{key}")
                    )
            return lines
        right = self.is_right(question, self.answers[question.id])
        heading = "That's right!" if right else "Not quite. Here's why:"
        return lines + [
            say.ui(heading, key=f"{question.id}/verdict"),
            self.lesson_line(question.id, "explain", question.explain, key=f"{question.id}/why"),
        ]

    def on_button(self, key: str) -> None:
        """Answer, go to the next question, or finish the quiz."""
        question = self.question
        if key.startswith("answer:") and question and question.id not in self.answers:
            answer = key.split(":", 1)[1]
            self.answers[question.id] = answer
            self.app.sound.play("good" if self.is_right(question, answer) else "think")
        elif key == "next":
            if question is None:
                self.session.finish_activity({})
                if self.follow():
                    return
            elif question.id in self.answers:
                self.index += 1
        self.relayout()
        self.focus_on("next")

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-4 pick an answer."""
        self.number_key(event, ("answer:",))

    def draw_content(self, surface: pygame.Surface) -> None:
        """The question, its number, and the feedback or the summary."""
        m = self.m
        text = self.app.text
        question = self.question
        if question is None:
            card_row(surface, self.card_box(), m, [(1.0, theme.SCOUT_BG, self._summary)])
            return
        label = text.render(
            self.lt(question.id, question.text), m.font(30), theme.INK, self.left.width, bold=True
        )
        surface.blit(label, self.start_pos(self.left, label, self.left.top))
        counter = self._counter()
        surface.blit(counter, self.start_pos(self.right, counter, self.right.top))
        build = self._card_builder()
        if build is not None:
            right = self.is_right(question, self.answers[question.id])
            fill = theme.GOOD_BG if right else theme.THINK_BG
            card_row(surface, self.card_box(), m, [(1.0, fill, build)])

    def _feedback(
        self, question: QuizQuestion, right: bool, width: int, scale: float
    ) -> list[Block]:
        m = self.m
        text = self.app.text
        heading = self._("That's right!") if right else self._("Not quite. Here's why:")
        return [
            self.verdict_block(right, heading, width, scale),
            Block(
                text.render(
                    self.lt(question.id, question.explain), round(m.body * scale), theme.INK, width
                ),
                gap_before=m.px(10),
            ),
        ]

    def _summary(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        total = len(self.step.questions)
        return [
            Block(
                text.render(
                    self._("Quiz done!"), round(m.font(36) * scale), theme.INK, width, bold=True
                )
            ),
            Block(
                text.render(
                    self.app.tr.ngettext(
                        "You answered {right} of {n} question right.",
                        "You answered {right} of {n} questions right.",
                        total,
                    ).format(right=self.app.tr.number(self.score()), n=self.app.tr.number(total)),
                    round(m.font(30) * scale),
                    theme.INK,
                    width,
                ),
                gap_before=m.px(12),
            ),
            Block(
                text.render(
                    self._("Every answer, right or not, helps you learn what to do."),
                    round(m.body * scale),
                    theme.INK_SOFT,
                    width,
                ),
                gap_before=m.px(12),
            ),
        ]


def _letter_icon(app, letter: str):
    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.5))
        glyph = app.text.render(letter, round(size * 0.65), theme.WHITE, bold=True)
        surface.blit(glyph, glyph.get_rect(center=center))

    return paint


def _tick_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    pygame.draw.circle(surface, theme.GOOD, center, round(size * 0.5))
    draw.check(surface, center, round(size * 0.6), theme.WHITE)
