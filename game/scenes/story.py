"""Story: picture-book pages with a recurring cast; the child advises a character.

A page shows a drawn picture and text written to be read aloud. Choice pages ask
"What should Kai do?" (never about the child), branch, and rejoin the story.
"""

from __future__ import annotations

import pygame

from game.content.model import StoryStep
from game.scenes.step_base import StepScene
from game.session import Phase
from game.ui import theme
from game.ui.flow import Block, draw_blocks, fit, height_of
from game.ui.layout import split
from game.ui.pictures import draw_picture


class StoryScene(StepScene):
    """Plays consecutive story pages."""

    step_type = "story"

    @property
    def step(self) -> StoryStep:
        """The page being read."""
        return self.step_as(StoryStep)

    def build(self) -> None:
        """Picture on the left page; text, choices or Next on the right page."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.picture, self.page = split(area, 0.5, 2 * m.pad)
        bottom = pygame.Rect(
            self.page.left, self.page.bottom - m.button_h, self.page.width, m.button_h
        )
        phase = self.session.phase
        if phase is Phase.CHOOSING:
            self._choice_buttons()
        elif phase is Phase.FEEDBACK:
            self.buttons.append(self.continue_button(bottom))
        elif phase is Phase.FINISHED:
            self.buttons.append(self.continue_button(bottom, self._("The end"), key="finish"))
        else:
            self.buttons.append(self.continue_button(bottom, self._("Next page")))

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
        for scale in (1.0, 0.9, 0.8, 0.7, 0.6, 0.52, 0.45):
            top = self.page.top + height_of(self._text_blocks(self.page.width, scale)) + m.pad
            area = pygame.Rect(self.page.left, top, self.page.width, self.page.bottom - top)
            buttons = self.choice_buttons(area, round(m.body * scale), m.px(12))
            if buttons[-1].rect.bottom <= self.page.bottom:
                break
        self.text_scale = scale
        self.buttons.extend(buttons)

    def first_focus(self) -> int:
        """No answer is pre-selected while the child decides: Enter alone never picks."""
        return -1 if self.session.phase is Phase.CHOOSING else 0

    def on_button(self, key: str) -> None:
        """Turn the page, pick a choice, or finish the story."""
        session = self.session
        if key.startswith("choice:"):
            choice = session.choose(key.split(":", 1)[1])
            self.choice_sound(choice)
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
        pygame.draw.rect(surface, theme.SHADOW, self.picture, 3, border_radius=m.radius)
        width = self.page.width
        if self.session.phase is Phase.CHOOSING:
            blocks = self._text_blocks(width, getattr(self, "text_scale", 1.0))
        else:
            limit = self.page.height - m.button_h - m.pad
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
