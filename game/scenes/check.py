"""The anonymous learning check: a few questions before and after a lesson.

Items are true-or-false statements or, for the youngest, a question about a story
character with two or three picture answers (so no 5-year-old has to hear a false
belief read aloud and deny it).

Before the lesson nothing is marked right or wrong: the child just says what they
think and moves on. After it, every answer gets a kind explanation. "Not sure" is
always allowed (it counts as answered, not as right), and there is no timer. Only
counts are saved, on this device (see :mod:`game.learning_check`).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

import pygame

from game.content.model import CheckItem, CheckOption, Lesson
from game.learning_check import CheckStore, Phase
from game.scenes.base import Scene
from game.ui import draw, theme
from game.ui.answer_pictures import draw_answer_picture
from game.ui.flow import Block, card_height, card_row, cards_bottom, height_of
from game.ui.layout import UNLIMITED, grid_buttons
from game.ui.widgets import ICON_REACH, Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line
    from game.scenes.debrief import DebriefScene

#: The answer buttons of a true/false item, in the order keys 1, 2 and 3 pick them.
ANSWERS = ("true", "false", "unsure")
NUMBER_KEYS = {
    pygame.K_1: 0,
    pygame.K_2: 1,
    pygame.K_3: 2,
    pygame.K_4: 3,
    pygame.K_KP1: 0,
    pygame.K_KP2: 1,
    pygame.K_KP3: 2,
    pygame.K_KP4: 3,
}


#: How much bigger than the text a picture answer's picture is.
PICTURE_SCALE = 2.6


def answers_of(item: CheckItem) -> tuple[str, ...]:
    """The answer keys of *item* in button order, "unsure" last."""
    if item.options:
        return (*(option.id for option in item.options), "unsure")
    return ANSWERS


def check_enabled(app: App, lesson: Lesson) -> bool:
    """True when a teacher turned the learning check on and *lesson* has check items."""
    return bool(app.profile.settings.learning_check and lesson.learning_check)


def start_lesson(app: App, lesson: Lesson) -> None:
    """Open *lesson*, with the before-check first when the learning check is on."""
    from game.scenes.step_base import scene_for

    if check_enabled(app, lesson):
        app.push(CheckScene(app, lesson, "pre"))
    else:
        app.push(scene_for(app, lesson))


def after_lesson(app: App, lesson: Lesson, debrief_scene: DebriefScene) -> None:
    """Leave the debrief: through the after-check when it is on, else back to the list.

    Only a child's own play is checked (not a teacher's preview or a class lesson).
    """
    own_play = debrief_scene.session.records_progress
    if own_play and check_enabled(app, lesson) and app.scene is debrief_scene:
        app.replace(CheckScene(app, lesson, "post"))
    else:
        app.pop()


class CheckScene(Scene):
    """The items of one lesson's learning check, one at a time."""

    def __init__(self, app: App, lesson: Lesson, phase: Phase) -> None:  # noqa: D107
        super().__init__(app)
        self.lesson = lesson
        self.phase: Phase = phase
        self.items: list[CheckItem] = list(lesson.learning_check)
        self.index = 0
        #: The answer given to the current item, while its explanation shows (after only).
        self.answer: str | None = None
        self.store = CheckStore(app.data_folder, app.save_notice.report)
        #: How much bigger than the words the answer pictures are drawn (set by build()).
        self.picture_scale = PICTURE_SCALE

    # -- state -----------------------------------------------------------------
    @property
    def item(self) -> CheckItem | None:
        """The item being asked (None once every item was answered)."""
        return self.items[self.index] if self.index < len(self.items) else None

    @staticmethod
    def is_right(item: CheckItem, answer: str) -> bool:
        """Whether *answer* (a picture answer's id, "true", "false" or "unsure") is right."""
        if item.options:
            right = item.right_option
            return right is not None and answer == right.id
        return answer == ("true" if item.answer else "false")

    def lt(self, item: CheckItem, text: str) -> str:
        """Translate one of the item's strings (the item id owns the context)."""
        text = self.app.tr.pgettext(f"{self.lesson.id}/{item.id}", text)
        return self.app.fill_services(text, self.lesson.grade_band)

    def label_of(self, answer: str) -> str:
        """The button label of an answer (a picture answer's words, in the reader's language)."""
        option = self._option(answer)
        if option is not None:
            return self.app.tr.pgettext(f"{self.lesson.id}/{option.id}", option.text)
        return {"true": self._("True"), "false": self._("False"), "unsure": self._("Not sure")}[
            answer
        ]

    def _option(self, answer: str) -> CheckOption | None:
        item = self.item
        options = (item.options or []) if item is not None else []
        return next((o for o in options if o.id == answer), None)

    def right_answer(self, item: CheckItem) -> str:
        """The key of *item*'s right answer."""
        right = item.right_option
        if right is not None:
            return right.id
        return "true" if item.answer else "false"

    def help_audience(self) -> str | None:
        """The lesson's own age group (a class lesson may not be the settings' group)."""
        return self.lesson.grade_band

    def title(self) -> str:
        """Header title: before or after the mission."""
        if self.phase == "pre":
            return self._("Before we start: what do you think?")
        return self._("What do you think now?")

    # -- layout ----------------------------------------------------------------
    def build(self) -> None:
        """Three big answer buttons under the statement, or a Continue button."""
        m = self.m
        self.area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        item = self.item
        if item is None or self.answer is not None:
            width = max(self.area.width * 2 // 5, m.px(320))
            rect = pygame.Rect(
                self.area.right - width, self.area.bottom - m.button_h, width, m.button_h
            )
            self.buttons.append(
                Button(
                    "next",
                    self._("Continue"),
                    rect,
                    "primary",
                    icon=lambda s, c, z, f=m.forward: draw.arrow(s, c, z, theme.WHITE, f),
                    text_size=m.font(30),
                )
            )
            self.cards = pygame.Rect(
                self.area.left,
                self.area.top,
                self.area.width,
                self.area.height - m.button_h - m.pad,
            )
            if item is None:  # the closing words: a card just big enough, in the middle
                needed = height_of(self._thanks(self.cards.width - 2 * m.pad, 1.0)) + 2 * m.pad
                if needed < self.cards.height:
                    self.cards.top += (self.cards.height - needed) // 2
                    self.cards.height = needed
            bottom = cards_bottom(self.cards, m, self._card_spec())
            button = self.buttons[-1]
            if bottom > self.cards.bottom or not button.label_fits(self.app.text, m):
                # Large text: the cards grow (or stack) and Continue follows them.
                rect.height = max(m.button_h, button.needed_height(self.app.text, m))
                rect.top = max(rect.top, bottom + m.pad)
            return
        size = m.font(30)
        answers = answers_of(item)
        # The icon above the label, with room around both: a big target for small hands.
        # Picture answers get a big picture and room for two lines of words.
        scale = 1.3
        width = (self.area.width - (len(answers) - 1) * m.pad) // len(answers)
        height = max(
            m.button_h, m.px(124), round(size * (3.1 if m.tall_script else 2.7)) + m.px(36)
        )
        if item.options:
            size, scale, height = self._picture_row(answers, width, height)
        self.picture_scale = scale
        row = pygame.Rect(self.area.left, self.area.bottom - height, self.area.width, height)
        statement_h = card_height(m, self.area.width, self._statement)
        flowing = statement_h + m.pad + height > self.area.height
        icons = {
            "true": _tick_icon,
            "false": _cross_icon,
            "unsure": self._unsure_icon if not item.options else self._small_unsure_icon,
        }
        for option in item.options or []:
            icons[option.id] = _picture_icon(option.picture)
        for index, answer in enumerate(answers):
            self.buttons.append(
                Button(
                    f"answer:{answer}",
                    self.label_of(answer),
                    pygame.Rect(row.left + index * (width + m.pad), row.top, width, height),
                    "choice",
                    icon=icons[answer],
                    icon_above=True,
                    icon_scale=scale,
                    text_size=size,
                )
            )
        needed = max(b.needed_height(self.app.text, m) for b in self.buttons)
        words_fit = all(b.fits_words(self.app.text, m) for b in self.buttons)
        if needed > height and words_fit and statement_h + m.pad + needed <= self.area.height:
            # Taller answers still fit under the statement: grow the row, keep the layout.
            height = needed
            row = pygame.Rect(self.area.left, self.area.bottom - height, self.area.width, height)
            for button in self.buttons:
                button.rect.update(button.rect.left, row.top, button.rect.width, height)
        elif flowing or needed > height or not words_fit:
            # Large text: the statement card as tall as it needs, the answers under it
            # (in fewer columns if their words need it); the page scrolls.
            self.cards = pygame.Rect(self.area.left, self.area.top, self.area.width, statement_h)
            row.top = self.cards.bottom + m.pad
            row.height = UNLIMITED  # the page scrolls
            grid_buttons(
                self.buttons,
                row,
                len(answers),
                height,
                m.pad,
                self.app.text,
                m,
                center=False,
            )
            return
        self.cards = pygame.Rect(
            self.area.left, self.area.top, self.area.width, self.area.height - height - m.pad
        )

    def _card_spec(self) -> list:
        """The cards on the screen: the statement (and why), or the closing words."""
        item = self.item
        if item is None:
            return [(1.0, theme.SCOUT_BG, self._thanks)]
        if self.answer is None:
            return [(1.0, theme.WHITE, self._statement)]
        right = self.is_right(item, self.answer)
        return [
            (0.45, theme.WHITE, self._statement),
            (1.0, theme.GOOD_BG if right else theme.THINK_BG, self._why),
        ]

    def _picture_row(
        self, answers: tuple[str, ...], width: int, least: int
    ) -> tuple[int, float, int]:
        """Text size, picture scale and height of a row of picture answers.

        The picture sits over the words; the row takes at most half the screen, so on a
        small window or with extra-large text the picture gets smaller (the words never
        do).
        """
        m = self.m
        limit = max(least, self.area.height // 2)
        size = m.font(30)
        words = max(
            self.app.text.render(
                self.label_of(answer),
                size,
                theme.INK,
                width - 2 * m.pad,
                bold=True,
                align="center",
            ).get_height()
            for answer in answers
        )
        room = round((limit - words - m.px(40)) / ICON_REACH)
        picture = max(min(round(size * PICTURE_SCALE), room), round(size * 1.3))
        return size, picture / size, max(least, round(picture * ICON_REACH) + words + m.px(40))

    # -- reading aloud -----------------------------------------------------------
    def narration_body(self) -> list[Line]:
        """The question and its answers; after answering, why; at the end, the thanks."""
        from game.narration.lines import LineMaker

        band = self.lesson.grade_band
        say = LineMaker(self.app.tr, lambda text: self.app.fill_services(text, band))
        item = self.item
        if item is None:
            return [
                say.ui("Thanks! Now let's play."),
                say.ui("Your answers are not marked, and your name is never saved."),
            ]
        key = f"{item.id}/{self.answer or ''}"
        counter = self._("Question {n} of {total}").format(
            n=self.app.tr.number(self.index + 1), total=self.app.tr.number(len(self.items))
        )
        lines = [
            say.said(counter, key=f"{key}/counter"),
            say.ui("Pick an answer." if item.options else "True or false?", key=f"{key}/kind"),
            say.lesson(self.lesson.id, item.id, "text", item.text, key=f"{key}/text"),
        ]
        if self.answer is None:
            if self.phase == "pre":
                lines.append(say.ui("This is not a test. Pick what you think, or Not sure."))
            for index, answer in enumerate(answers_of(item)):
                number = self.app.tr.number(index + 1)
                lines.append(say.plain(number, key=f"{key}/{answer}/number", shown=""))
                option = self._option(answer)
                if option is not None:
                    words = say.lesson(
                        self.lesson.id, option.id, "text", option.text, key=f"{key}/{answer}"
                    )
                else:
                    words = say.said(self.label_of(answer), key=f"{key}/{answer}")
                lines.append(words)
            return lines
        if self.is_right(item, self.answer):
            heading = "That's right!"
        elif self.answer == "unsure":
            heading = "It's OK not to be sure. Here's why:"
        else:
            heading = "Not quite. Here's why:"
        right = self._("{answer} (right answer)").format(
            answer=self.label_of(self.right_answer(item))
        )
        return lines + [
            say.ui(heading, key=f"{key}/heading"),
            say.said(right, key=f"{key}/right"),
            say.lesson(self.lesson.id, item.id, "explain", item.explain, key=f"{key}/why"),
        ]

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Count an answer, show why (after the lesson only), or move on."""
        item = self.item
        if key.startswith("answer:") and item is not None and self.answer is None:
            answer = key.split(":", 1)[1]
            right = self.is_right(item, answer)
            # The check is optional: a full or read-only disk never stops the child.
            with contextlib.suppress(OSError):
                self.store.record(self.lesson.id, item, self.phase, right)
            if self.phase == "post":
                self.answer = answer
                self.app.sound.play("good" if right else "think")
            else:
                self.index += 1
        elif key == "next":
            if item is None:
                self._finish()
                return
            self.answer = None
            self.index += 1
            if self.phase == "post" and self.item is None:
                self._finish()
                return
        self.relayout()
        if self.answer is not None or self.item is None:
            self.focus_on("next")

    def _finish(self) -> None:
        """Before: on to the lesson. After: back to the list of missions."""
        if self.phase == "pre":
            from game.scenes.step_base import scene_for

            self.app.replace(scene_for(self.app, self.lesson))
        else:
            self.app.pop()

    def on_key(self, event: pygame.event.Event) -> None:
        """Number keys pick the answers in order (True, False, Not sure; or the pictures)."""
        item = self.item
        if event.key in NUMBER_KEYS and item is not None and self.answer is None:
            answers = answers_of(item)
            if NUMBER_KEYS[event.key] < len(answers):
                self.press(f"answer:{answers[NUMBER_KEYS[event.key]]}")

    # -- drawing ---------------------------------------------------------------
    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The cards: the statement (and why, after answering), or the closing words."""
        card_row(surface, self.cards, self.m, self._card_spec())

    def _statement(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        item = self.item
        assert item is not None
        counter = self._("Question {n} of {total}").format(
            n=self.app.tr.number(self.index + 1), total=self.app.tr.number(len(self.items))
        )
        small = round(m.small * scale)
        kind = self._("Pick an answer.") if item.options else self._("True or false?")
        blocks = [
            Block(text.render(counter, small, theme.INK_SOFT, width)),
            Block(
                text.render(kind, small, theme.INK_SOFT, width, bold=True),
                gap_before=m.px(6),
            ),
            Block(
                text.render(
                    self.lt(item, item.text), round(m.font(36) * scale), theme.INK, width, bold=True
                ),
                gap_before=m.px(14),
            ),
        ]
        if self.answer is not None:
            mine = self._("{answer} (your answer)").format(answer=self.label_of(self.answer))
            blocks.append(
                Block(text.render(mine, round(m.body * scale), theme.INK, width), gap_before=m.pad)
            )
        elif self.phase == "pre":
            blocks.append(
                Block(
                    text.render(
                        self._("This is not a test. Pick what you think, or Not sure."),
                        small,
                        theme.INK_SOFT,
                        width,
                    ),
                    gap_before=m.pad,
                )
            )
        return blocks

    def _why(self, width: int, scale: float) -> list[Block]:
        """The kind verdict, the right answer and the explanation."""
        m = self.m
        text = self.app.text
        item = self.item
        assert item is not None and self.answer is not None
        right = self.is_right(item, self.answer)
        if right:
            heading = self._("That's right!")
        elif self.answer == "unsure":
            heading = self._("It's OK not to be sure. Here's why:")
        else:
            heading = self._("Not quite. Here's why:")
        icon = round(m.font(40) * scale)
        answer = self._("{answer} (right answer)").format(
            answer=self.label_of(self.right_answer(item))
        )
        return [
            Block(
                text.render(
                    heading,
                    round(m.font(30) * scale),
                    theme.INK,
                    width - icon - m.px(12),
                    bold=True,
                ),
                indent=icon + m.px(12),
                icon_size=icon,
                icon=_star_icon if right else draw.bulb,
            ),
            Block(
                text.render(answer, round(m.body * scale), theme.INK, width, bold=True),
                gap_before=m.px(14),
            ),
            Block(
                text.render(self.lt(item, item.explain), round(m.body * scale), theme.INK, width),
                gap_before=m.px(10),
            ),
        ]

    def _thanks(self, width: int, scale: float) -> list[Block]:
        """The closing words before the lesson starts, beside Scout."""
        m = self.m
        text = self.app.text
        icon = round(m.px(80) * scale)
        label = text.render(
            self._("Thanks! Now let's play."),
            round(m.font(40) * scale),
            theme.INK,
            width - icon - m.pad,
            bold=True,
        )
        return [
            Block(
                label,
                # Scout is centred on the first line: start low enough to keep it in the card.
                gap_before=max(0, (icon - label.get_height()) // 2),
                indent=icon + m.pad,
                icon=lambda s, c, z: draw.avatar(s, c, z, "scout"),
                icon_size=icon,
            ),
            Block(
                text.render(
                    self._("Your answers are not marked, and your name is never saved."),
                    round(m.body * scale),
                    theme.INK_SOFT,
                    width,
                ),
                gap_before=m.px(8),
            ),
        ]

    def _small_unsure_icon(
        self, surface: pygame.Surface, center: tuple[int, int], size: int
    ) -> None:
        """The "Not sure" icon beside picture answers: the same size as the true/false one."""
        self._unsure_icon(surface, center, round(size * 1.3 / self.picture_scale))

    def _unsure_icon(self, surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        pygame.draw.circle(surface, theme.ACCENT, center, round(size * 0.5))
        glyph = self.app.text.render("?", round(size * 0.7), theme.INK, bold=True)
        surface.blit(glyph, glyph.get_rect(center=center))


def _picture_icon(name: str):  # noqa: ANN202
    """A button icon that draws the answer picture *name*."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        draw_answer_picture(surface, center, size, name)

    return paint


def _tick_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    pygame.draw.circle(surface, theme.GOOD, center, round(size * 0.5))
    draw.check(surface, center, round(size * 0.6), theme.WHITE)


def _cross_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """An answer icon for 'False' (a choice, never a mark of a wrong answer)."""
    pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.5))
    cx, cy = center
    s = round(size * 0.22)
    width = max(3, size // 8)
    pygame.draw.line(surface, theme.WHITE, (cx - s, cy - s), (cx + s, cy + s), width)
    pygame.draw.line(surface, theme.WHITE, (cx - s, cy + s), (cx + s, cy - s), width)


def _star_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.star(surface, center, size, theme.ACCENT, theme.INK)
