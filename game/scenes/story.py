"""Story: picture-book pages with a recurring cast; the child advises a character.

A page shows a drawn picture and text written to be read aloud. Choice pages ask
"What should Kai do?" (never about the child), branch, and rejoin the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import StoryStep
from game.scenes.step_base import StepScene
from game.scenes.tally import COUNT_HANDS
from game.session import Phase
from game.ui import theme
from game.ui.flow import READABLE, Block, draw_blocks, fit, height_of
from game.ui.layout import split
from game.ui.pictures import draw_picture
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


#: How much of the width the picture takes beside the words, widest first.
PICTURE_SHARES = (0.5, 0.42, 0.35)


class StoryScene(StepScene):
    """Plays consecutive story pages."""

    step_type = "story"

    @property
    def step(self) -> StoryStep:
        """The page being read."""
        return self.step_as(StoryStep)

    def build(self) -> None:
        """Picture on the left page; text, choices or Next on the right page.

        When the words do not fit beside the picture at full size (large text, long
        translations), the picture goes on top and the words under it, across the
        window, and the page scrolls.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        for share in PICTURE_SHARES:  # a narrower picture before the words leave its side
            self.buttons = []
            self.picture, self.page = split(area, share, 2 * m.pad)
            self._build_page()
            if self._page_fits():
                return
        self.buttons = []
        if self.page.width >= READABLE * m.body:
            # The words still read well beside the picture: they run on down the page.
            self._build_page(stacked=True)
            self.extent = max(b.rect.bottom for b in self.buttons)
            return
        view = m.height - self.header_height()
        self.picture = pygame.Rect(
            area.left, area.top, area.width, max(m.px(200), round(view * 0.55))
        )
        top = self.picture.bottom + m.pad
        self.page = pygame.Rect(area.left, top, area.width, max(0, area.bottom - top))
        self._build_page(stacked=True)
        self.extent = max(b.rect.bottom for b in self.buttons)

    def _words_height(self, width: int) -> int:
        """The page text, and after a choice its feedback, at full size."""
        return height_of(self._text_blocks(width, 1.0) + self._feedback(width, 1.0))

    def _page_fits(self) -> bool:
        m = self.m
        if any(b.rect.bottom > self.page.bottom for b in self.buttons):
            return False
        if not all(b.label_fits(self.app.text, m) for b in self.buttons):
            return False
        if self.session.phase is Phase.CHOOSING:
            return True
        return self._words_height(self.page.width) <= self.page.height - m.button_h - m.pad

    def _build_page(self, stacked: bool = False) -> None:
        """The choices, or the button that turns the page (under the words when *stacked*)."""
        m = self.m
        bottom = pygame.Rect(
            self.page.left, self.page.bottom - m.button_h, self.page.width, m.button_h
        )
        self.end_half(bottom)
        phase = self.session.phase
        if phase is Phase.CHOOSING:
            self._choice_buttons()
            return
        if phase is Phase.FEEDBACK:
            button = self.continue_button(bottom)
        elif phase is Phase.FINISHED:
            button = self.continue_button(bottom, self._("The end"), key="finish")
        else:
            button = self.continue_button(bottom, self._("Next page"))
        if stacked:
            self.end_side(button, self.page, 0)
            words = self.page.top + self._words_height(self.page.width) + m.pad
            bottom.top = max(words, self.page.bottom - bottom.height)
        self.buttons.append(button)

    def _text_blocks(self, width: int, scale: float) -> list[Block]:
        m = self.m
        blocks = [
            Block(
                self.app.text.render(
                    self.lt(self.step.id, self.step.text),
                    round(m.font(32) * scale),
                    theme.INK,
                    width,
                )
            )
        ]
        if self.session.phase in (Phase.CHOOSING, Phase.FEEDBACK) and self.step.prompt:
            blocks.append(
                Block(
                    self.app.text.render(
                        self.lt(self.step.id, self.step.prompt),
                        round(m.font(30) * scale),
                        theme.PRIMARY_DARK,
                        width,
                        bold=True,
                    ),
                    gap_before=m.px(14),
                )
            )
        return blocks

    def _choice_buttons(self) -> None:
        m = self.m
        top = self.page.top + height_of(self._text_blocks(self.page.width, 1.0)) + m.pad
        if self.session.mode == "classroom":  # the teacher counts the class's hands first
            tally = pygame.Rect(self.page.left, top, self.page.width, m.button_h)
            self.buttons.append(Button("tally", self._(COUNT_HANDS), tally, "secondary"))
            top = tally.bottom + m.pad
        area = pygame.Rect(self.page.left, top, self.page.width, max(0, self.page.bottom - top))
        self.buttons.extend(self.choice_buttons(area, m.body, m.px(12)))

    def narration_body(self) -> list[Line]:
        """The page; then the question and the choices, or the feedback and red flags."""
        step = self.step
        lines = [self.lesson_line(step.id, "text", step.text, key=f"{step.id}/text")]
        phase = self.session.phase
        if phase in (Phase.CHOOSING, Phase.FEEDBACK) and step.prompt:
            lines.append(
                self.lesson_line(step.id, "prompt", step.prompt, key=f"{step.id}/prompt")
            )
        if phase is Phase.CHOOSING:
            lines += self.choice_lines()
        elif phase is Phase.FEEDBACK:
            lines += self.feedback_lines(explain=False)
        return lines

    def first_focus(self) -> int:
        """No answer is pre-selected while the child decides: Enter alone never picks."""
        return -1 if self.session.phase is Phase.CHOOSING else 0

    def on_button(self, key: str) -> None:
        """Turn the page, pick a choice, or finish the story."""
        session = self.session
        if key.startswith("choice:"):
            choice = session.choose(key.split(":", 1)[1])
            self.choice_sound(choice)
        elif key == "tally":
            self.count_hands()
            return
        elif key == "next":
            session.advance()
        elif key == "finish":
            self.finish_lesson()
            return
        if not self.follow():
            self.relayout()
            self.focus_on("next")

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-4 pick a choice."""
        self.number_key(event, ("choice:",))

    def draw_content(self, surface: pygame.Surface) -> None:
        """The picture, the page text and, after a choice, its feedback."""
        m = self.m
        draw_picture(
            surface,
            self.picture,
            self.step.picture,
            list(self.step.characters),
            m.radius,
            device=self.step.device,
        )
        pygame.draw.rect(surface, theme.OUTLINE, self.picture, 3, border_radius=m.radius)
        width = self.page.width
        if self.session.phase is Phase.CHOOSING:
            blocks = self._text_blocks(width, 1.0)
        else:
            limit = max(b.rect.top for b in self.buttons) - m.pad - self.page.top
            blocks = fit(lambda s: self._text_blocks(width, s) + self._feedback(width, s), limit)
        draw_blocks(surface, blocks, self.page.left, self.page.top, width, m.rtl)

    def _feedback(self, width: int, scale: float) -> list[Block]:
        """After a choice: kind feedback, then the red flags this page showed."""
        choice = self.session.chosen
        if self.session.phase is not Phase.FEEDBACK or choice is None:
            return []
        m = self.m
        heading = self.choice_heading_block(choice, width, scale)
        heading.gap_before = m.pad
        feedback = Block(
            self.app.text.render(
                self.lt(choice.id, choice.feedback), round(m.body * scale), theme.INK, width
            ),
            gap_before=m.px(8),
        )
        return [
            heading,
            feedback,
            *self.red_flag_blocks(self.session.step_tactics(), width, scale, explain=False),
        ]
