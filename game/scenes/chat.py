"""The chat simulator: a phone on the left, the child's decisions on the right.

Messages appear one at a time when the child presses Next. Choices never time
out. After a choice, the red-flag messages of that moment are marked with a flag
icon and the tactic's name, and the feedback is kind whatever was chosen.
"""

from __future__ import annotations

import pygame

from game.content.model import Lesson
from game.scenes.step_base import NUMBER_KEYS, VERDICT_LOOK, StepScene
from game.session import FEELINGS, LessonSession, Phase
from game.ui import draw, theme
from game.ui.chat_bubbles import BubbleRenderer
from game.ui.flow import Block, draw_blocks, fit, height_of
from game.ui.layout import split
from game.ui.widgets import Button


class ChatScene(StepScene):
    """Plays the chat steps of a lesson."""

    step_type = "chat"

    def __init__(self, app, lesson: Lesson, session: LessonSession | None = None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.bubbles = BubbleRenderer(app, lesson.grade_band)
        self.scroll = 0
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.phone = pygame.Rect(0, 0, 0, 0)

    # -- layout ----------------------------------------------------------------
    def release(self) -> None:
        """Also drop the baked chat bubbles while the screen is hidden or closed."""
        super().release()
        self.bubbles.clear()

    def build(self) -> None:
        """Phone and panel rectangles, then the buttons for the current phase."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.phone, self.panel = split(area, 0.53, 2 * m.pad)
        phase = self.session.phase
        if phase is Phase.READING:
            self._bottom_button("next", self._("Next"), arrow=True)
        elif phase is Phase.CHECK_IN:
            self._check_in_buttons()
        elif phase is Phase.CHOOSING:
            self._choice_buttons()
        elif phase is Phase.FEEDBACK:
            self._bottom_button("next", self._("Continue"), arrow=True)
        elif phase is Phase.CONTINUE:
            self._bottom_button("next", self._("Next"), arrow=True)
        elif phase is Phase.FINISHED:
            self._bottom_button("finish", self._("Finish mission"), arrow=True)

    def _bottom_button(self, key: str, label: str, *, arrow: bool) -> None:
        m = self.m
        rect = pygame.Rect(
            self.panel.left, self.panel.bottom - m.button_h, self.panel.width, m.button_h
        )
        forward = m.forward
        icon = (lambda s, c, z: draw.arrow(s, c, z, theme.WHITE, forward)) if arrow else None
        self.buttons.append(Button(key, label, rect, "primary", icon=icon, text_size=m.font(30)))

    def _prompt_height(self, text: str) -> int:
        m = self.m
        return self.app.text.render(
            text, m.font(30), theme.INK, self.panel.width, bold=True
        ).get_height()

    def _check_in_buttons(self) -> None:
        m = self.m
        labels = {
            "good": self._("Happy or OK"),
            "unsure": self._("Not sure"),
            "uhoh": self._("Uneasy") if self._older() else self._("Uh-oh"),
        }
        y = self.panel.top + self._prompt_height(self._("How does this make you feel?")) + m.pad
        for mood in FEELINGS:
            rect = pygame.Rect(self.panel.left, y, self.panel.width, m.button_h)
            self.buttons.append(
                Button(
                    f"feel:{mood}",
                    labels[mood],
                    rect,
                    "choice",
                    align="left",
                    icon=lambda s, c, z, mood=mood: draw.face(s, c, round(z * 1.3), mood),
                )
            )
            y += m.button_h + m.px(14)

    def _choice_buttons(self) -> None:
        m = self.m
        top = self.panel.top + self._prompt_height(self.choosing_prompt()) + m.pad
        note = self._feeling_note()
        if note:
            top += self.app.text.render(
                note, m.small, theme.INK_SOFT, self.panel.width
            ).get_height() + m.px(10)
        # Long choices at large text sizes: step the choice text down until all fit.
        for size in (m.body, m.font(23), m.font(20), m.font(17), 12):
            buttons = self._make_choices(top, size)
            if buttons[-1].rect.bottom <= self.panel.bottom:
                break
        self.buttons.extend(buttons)

    def _make_choices(self, top: int, size: int) -> list[Button]:
        area = pygame.Rect(self.panel.left, top, self.panel.width, self.panel.bottom - top)
        return self.choice_buttons(area, size, self.m.px(12))

    def first_focus(self) -> int:
        """No answer is pre-selected: Enter alone never picks (a choice or a feeling)."""
        return -1 if self.session.phase in (Phase.CHECK_IN, Phase.CHOOSING) else 0

    def _feeling_note(self) -> str:
        return {
            "good": self._("It can feel nice. Let's look closely at what they asked."),
            "unsure": self._("Not sure is a good reason to slow down and think."),
            "uhoh": self._("Good noticing. That uneasy, red flag feeling is a signal to pause.")
            if self._older()
            else self._("Good noticing! An uh-oh feeling is a signal to slow down."),
        }.get(self.session.feeling or "", "")

    def _older(self) -> bool:
        """Ages 11 and up: 'red flag feeling' rather than the younger groups' 'uh-oh'."""
        return self.lesson.grade_band in ("G68", "G912")

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Advance the story according to the button pressed."""
        session = self.session
        if key == "next":
            if session.phase is Phase.READING:
                session.reveal()
                self.app.sound.play("message")
            else:
                session.advance()
                self.app.sound.play("message")
            self.scroll = 0
        elif key.startswith("feel:"):
            session.answer_check_in(key.split(":", 1)[1])
        elif key.startswith("choice:"):
            choice = session.choose(key.split(":", 1)[1])
            self.choice_sound(choice)
            self.scroll = 0
        elif key == "finish":
            self.finish_lesson()
            return
        if not self.follow():
            self.relayout()

    def on_key(self, event: pygame.event.Event) -> None:
        """Number keys pick a choice; Page Up / Page Down scroll the chat."""
        if event.key in NUMBER_KEYS:
            self.number_key(event, ("choice:", "feel:"))
        elif event.key == pygame.K_PAGEUP:
            self.on_scroll(3)
        elif event.key == pygame.K_PAGEDOWN:
            self.on_scroll(-3)

    def on_scroll(self, amount: int) -> None:
        """Scroll the chat history (positive = older messages)."""
        self.scroll = max(0, self.scroll + amount * self.m.px(60))
        self.dirty = True

    # -- drawing ---------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        """The chat history (it scrolls; everything else is in the backdrop)."""
        self._draw_phone(surface)

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """The phone frame and its title bar with the contact (static while playing)."""
        m = self.m
        phone = self.phone
        draw.card(surface, phone, theme.PHONE, m.px(34), shadow=m.px(6))
        screen = phone.inflate(-m.px(20), -m.px(20))
        pygame.draw.rect(surface, theme.PHONE_SCREEN, screen, border_radius=m.px(24))
        bar = pygame.Rect(screen.left, screen.top, screen.width, m.px(64) + m.small)
        pygame.draw.rect(
            surface,
            theme.WHITE,
            bar,
            border_top_left_radius=m.px(24),
            border_top_right_radius=m.px(24),
        )
        pygame.draw.line(surface, theme.SHADOW, bar.bottomleft, bar.bottomright, 2)
        contact = self.lesson.contact
        size = bar.height - m.px(16)
        avatar_x = bar.right - m.pad - size // 2 if m.rtl else bar.left + m.pad + size // 2
        draw.avatar(surface, (avatar_x, bar.centery), size, contact.avatar)
        name = self.app.text.render(self.lt("contact", contact.name), m.body, theme.INK, bold=True)
        app_name = self.app.text.render(self.lt("contact", contact.app), m.font(18), theme.INK_SOFT)
        text_area = bar.inflate(-(2 * m.pad + size) * 2, 0)
        surface.blit(
            name, self.start_pos(text_area, name, bar.centery - name.get_height() + m.px(6))
        )
        surface.blit(app_name, self.start_pos(text_area, app_name, bar.centery + m.px(4)))
        self._draw_panel(surface)

    def _chat_area(self) -> pygame.Rect:
        m = self.m
        screen = self.phone.inflate(-m.px(20), -m.px(20))
        top = screen.top + m.px(64) + m.small
        chat = pygame.Rect(screen.left, top, screen.width, screen.bottom - top)
        return chat.inflate(-2 * m.px(14), -2 * m.px(12))

    def _draw_phone(self, surface: pygame.Surface) -> None:
        m = self.m
        chat = self._chat_area()
        surfaces = [self.bubbles.render(entry, chat.width) for entry in self.session.history]
        gap = m.px(12)
        total = sum(s.get_height() for s in surfaces) + gap * max(0, len(surfaces) - 1)
        self.scroll = min(self.scroll, max(0, total - chat.height))
        y = chat.bottom - total + self.scroll if total > chat.height else chat.top
        previous_clip = surface.get_clip()
        surface.set_clip(chat)
        for bubble in surfaces:
            if y + bubble.get_height() >= chat.top and y <= chat.bottom:
                surface.blit(bubble, (chat.left, y))
            y += bubble.get_height() + gap
        surface.set_clip(previous_clip)
        if total > chat.height and self.scroll < total - chat.height:
            hint = self.app.text.render(
                self._("Scroll up for earlier messages"), m.font(16), theme.INK_SOFT
            )
            pill = hint.get_rect(midtop=(chat.centerx, chat.top)).inflate(m.px(16), m.px(6))
            veil = pygame.Surface((chat.width, pill.height + m.px(6)), pygame.SRCALPHA)
            veil.fill((*theme.PHONE_SCREEN, 255))
            surface.blit(veil, chat.topleft)
            pygame.draw.rect(surface, theme.SYSTEM_BG, pill, border_radius=pill.height // 2)
            surface.blit(hint, hint.get_rect(center=pill.center))

    def _draw_panel(self, surface: pygame.Surface) -> None:
        m = self.m
        text = self.app.text
        phase = self.session.phase
        panel = self.panel
        prompt = {
            Phase.READING: self._("Read the message, then press Next."),
            Phase.CHECK_IN: self._("How does this make you feel?"),
            Phase.CHOOSING: self.choosing_prompt(),
            Phase.CONTINUE: self._("Ready for what happens next?"),
            Phase.FINISHED: self._("You reached the end of the mission!"),
        }.get(phase)
        if prompt:
            label = text.render(prompt, m.font(30), theme.INK, panel.width, bold=True)
            surface.blit(label, self.start_pos(panel, label, panel.top))
            if phase is Phase.CHOOSING and self._feeling_note():
                note = text.render(self._feeling_note(), m.small, theme.INK_SOFT, panel.width)
                surface.blit(
                    note, self.start_pos(panel, note, panel.top + label.get_height() + m.px(10))
                )
            if phase in (Phase.READING, Phase.CONTINUE, Phase.FINISHED):
                draw.avatar(surface, (panel.centerx, panel.centery - m.px(10)), m.px(150), "scout")
        if phase is Phase.FEEDBACK:
            self._draw_feedback(surface)

    def _feedback_blocks(self, width: int, scale: float) -> list[Block]:
        """The feedback card's content: verdict, explanation, and each red flag of the step."""
        m = self.m
        text = self.app.text
        choice = self.session.chosen
        assert choice is not None
        blocks = [
            self.choice_heading_block(choice, width, scale),
            Block(
                text.render(
                    self.lt(choice.id, choice.feedback), round(m.body * scale), theme.INK, width
                ),
                gap_before=m.px(10),
            ),
        ]
        blocks += self.red_flag_blocks(self.session.step_tactics(), width, scale)
        return blocks

    def _draw_feedback(self, surface: pygame.Surface) -> None:
        m = self.m
        choice = self.session.chosen
        assert choice is not None
        area = pygame.Rect(
            self.panel.left,
            self.panel.top,
            self.panel.width,
            self.panel.height - m.button_h - m.pad,
        )
        inner_w = area.width - 2 * m.pad
        blocks = fit(lambda scale: self._feedback_blocks(inner_w, scale), area.height - 2 * m.pad)
        card = pygame.Rect(
            area.left, area.top, area.width, min(height_of(blocks) + 2 * m.pad, area.height)
        )
        draw.card(surface, card, VERDICT_LOOK[choice.verdict][1], m.radius, shadow=m.px(4))
        draw_blocks(surface, blocks, card.left + m.pad, card.top + m.pad, inner_w, m.rtl)
