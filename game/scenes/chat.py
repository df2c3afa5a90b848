"""The chat simulator: a phone on the left, the child's decisions on the right.

Messages appear one at a time when the child presses Next. Choices never time
out. After a choice, the red-flag messages of that moment are marked with a flag
icon and the tactic's name, and the feedback is kind whatever was chosen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pygame

from game.content.model import Lesson
from game.i18n import N_
from game.scenes.step_base import NUMBER_KEYS, VERDICT_LOOK, StepScene
from game.scenes.tally import COUNT_HANDS
from game.session import FEELINGS, Entry, LessonSession, Phase
from game.ui import draw, scout_faces, theme
from game.ui.chat_bubbles import BubbleRenderer
from game.ui.flow import READABLE, Block, draw_blocks, fit, height_of
from game.ui.layout import split
from game.ui.motion import Tween, ease_out
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


#: How much of the width the phone takes beside the panel, widest first.
PHONE_SHARES = (0.53, 0.46, 0.4)
#: How long the "typing…" dots show before a message from the contact or Scout (ms).
TYPING_MS = 450
#: How long a new message takes to slide and fade into the chat (ms).
SLIDE_MS = 250
#: Who types before their message appears (the child's own picks and notes just slide in).
TYPERS = ("contact", "scout")
#: Buttons that only finish a message still arriving: the message shows first.
WAIT_FOR_MESSAGE = ("next", "finish", "feel:", "choice:")


class ChatScene(StepScene):
    """Plays the chat steps of a lesson."""

    step_type = "chat"

    def __init__(self, app, lesson: Lesson, session: LessonSession | None = None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.bubbles = BubbleRenderer(app, lesson.grade_band)
        self.scroll = 0
        #: The chat as last drawn, with what it was drawn from (see :meth:`_draw_phone`).
        self._phone_view: _PhoneView | None = None
        #: Only a word read aloud moved within the chat's bubbles: redraw just the chat.
        self._word_only = False
        self.panel = pygame.Rect(0, 0, 0, 0)
        self.phone = pygame.Rect(0, 0, 0, 0)
        #: Large text: the phone on top and the panel under it, across the window.
        self.stacked = False
        #: Classroom mode: the teacher showed every red flag of the chat so far.
        self.flags_shown = False
        #: The newest message while it types and slides in (None: the chat is still).
        self._arrival: _Arrival | None = None
        #: Only the arriving message moved: redraw just the chat.
        self._phone_only = False
        #: What the whole window was last drawn from at rest (see :meth:`_draw_kept_frame`),
        #: and the kept picture of it on :attr:`_canvas` once it has been drawn twice.
        self._frame: _Frame | None = None
        self._canvas: pygame.Surface | None = None

    # -- layout ----------------------------------------------------------------
    def release(self) -> None:
        """Also drop the baked chat bubbles while the screen is hidden or closed."""
        super().release()
        self.bubbles.clear()
        self._phone_view = None
        self._frame = None
        self._canvas = None
        self._arrival = None  # back on screen, the chat is at rest

    #: The chat's own history scrolls with Page Up / Page Down.
    own_page_keys = True

    def build(self) -> None:
        """Phone and panel rectangles, then the buttons for the current phase.

        The phone sits beside the panel. When the panel's text does not fit there at full
        size (large text, long translations), the phone goes on top and the panel under
        it, across the window, and the page scrolls.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.stacked = False
        for share in PHONE_SHARES:  # a narrower phone before the panel goes under it
            self.buttons = []
            self.phone, self.panel = split(area, share, 2 * m.pad)
            self._build_panel()
            if self._panel_fits():
                break
        else:
            self.stacked = True
            self.buttons = []
            if self.panel.width < READABLE * m.body or not self._panel_words_fit():
                # Too narrow to read beside the phone: the phone on top, the panel under it.
                phone_h = max(m.px(260), round((m.height - self.header_height()) * 0.8))
                self.phone = pygame.Rect(area.left, area.top, area.width, phone_h)
                top = self.phone.bottom + 2 * m.pad
                self.panel = pygame.Rect(area.left, top, area.width, max(0, area.bottom - top))
            # (else the panel stays beside the phone and runs on down the page)
            self._build_panel()
            self.panel.height = max(self.panel.height, self._panel_content_height())
            self._build_panel_buttons_again()

    def _build_panel_buttons_again(self) -> None:
        """Place the bottom button (if any) at the bottom of the grown panel."""
        m = self.m
        for button in self.buttons:
            if button.key in ("next", "finish"):
                self.end_side(button, self.panel, self.panel.bottom - button.rect.height)
        self.extent = self.panel.bottom + m.pad // 2

    def _panel_content_height(self) -> int:
        """How tall the panel must be for its prompt, buttons or feedback at full size."""
        m = self.m
        phase = self.session.phase
        prompt = self.panel_prompt()
        prompt_h = self._prompt_height(prompt) + m.pad if prompt else 0
        bottom = [b.rect.height for b in self.buttons if b.key in ("next", "finish")]
        bottom_h = max(bottom, default=0)
        if phase is Phase.FEEDBACK:
            return self._feedback_height(self.panel.width) + m.pad + bottom_h
        if phase in (Phase.CHECK_IN, Phase.CHOOSING):
            return max(b.rect.bottom for b in self.buttons) - self.panel.top
        return prompt_h + bottom_h

    def _panel_fits(self) -> bool:
        """True when the panel's content fits beside the phone at full size."""
        m = self.m
        panel = self.panel
        if any(b.rect.bottom > panel.bottom for b in self.buttons):
            return False
        if not all(b.label_fits(self.app.text, m) for b in self.buttons):
            return False
        if not self._contact_fits():
            return False
        prompt = self.panel_prompt()
        phase = self.session.phase
        room = panel.height - m.button_h - m.pad
        if phase is Phase.FEEDBACK:
            return self._feedback_height(panel.width) <= room
        if phase in (Phase.READING, Phase.CONTINUE, Phase.FINISHED) and prompt:
            return self._prompt_height(prompt) + m.px(150) + m.pad <= room
        return True

    def _panel_words_fit(self) -> bool:
        """True when no word of the panel's text is wider than the panel (none cut in two)."""
        m = self.m
        text = self.app.text
        width = self.panel.width - 2 * m.pad
        words = [self.panel_prompt() or "", self._feeling_note()]
        choice = self.session.chosen
        if self.session.phase is Phase.FEEDBACK and choice is not None:
            words.append(self.lt(choice.id, choice.feedback))
        return (
            all(text.fits_words(w, m.font(30), width, bold=True) for w in words if w)
            and all(b.fits_words(text, m) for b in self.buttons)
            and self._contact_fits()
        )

    def _contact_fits(self) -> bool:
        """True when every word of the contact's name fits the phone's title bar."""
        name = self.lt("contact", self.lesson.contact.name)
        return self.app.text.fits_words(name, self.m.body, self._contact_width(), bold=True)

    def _contact_width(self) -> int:
        """Room for the contact's name in the phone's title bar."""
        m = self.m
        size = m.px(64) + m.small - m.px(16)
        return max(10, self.phone.width - m.px(20) - (2 * m.pad + size) * 2)

    def _feedback_height(self, width: int) -> int:
        return height_of(self._feedback_blocks(width - 2 * self.m.pad, 1.0)) + 2 * self.m.pad

    def _build_panel(self) -> None:
        """The buttons of the current phase, in the panel."""
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
        if self.session.mode == "classroom" and phase in (
            Phase.READING,
            Phase.CONTINUE,
            Phase.FINISHED,
        ):
            top = self.panel.top + self._prompt_height(self.panel_prompt() or "") + self.m.pad
            self._classroom_buttons(top)

    def _bottom_button(self, key: str, label: str, *, arrow: bool) -> None:
        m = self.m
        rect = pygame.Rect(
            self.panel.left, self.panel.bottom - m.button_h, self.panel.width, m.button_h
        )
        self.end_half(rect)
        forward = m.forward
        icon = (lambda s, c, z: draw.arrow(s, c, z, theme.WHITE, forward)) if arrow else None
        button = Button(key, label, rect, "primary", icon=icon, text_size=m.font(30))
        height = max(m.button_h, button.needed_height(self.app.text, m))  # Arabic is taller
        rect.update(rect.left, self.panel.bottom - height, rect.width, height)
        if self.stacked:
            self.end_side(button, self.panel, rect.top)
        self.buttons.append(button)

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
            button = Button(
                f"feel:{mood}",
                labels[mood],
                rect,
                "choice",
                align="left",
                icon=lambda s, c, z, mood=mood: draw.face(s, c, round(z * 1.3), mood),
            )
            rect.height = max(m.button_h, button.needed_height(self.app.text, m))
            self.buttons.append(button)
            y += rect.height + m.px(14)

    def _choice_buttons(self) -> None:
        m = self.m
        top = self.panel.top + self._prompt_height(self.choosing_prompt()) + m.pad
        note = self._feeling_note()
        if note:
            top += self.app.text.render(
                note, m.small, theme.INK_SOFT, self.panel.width
            ).get_height() + m.px(10)
        if self.session.mode == "classroom":
            top = self._classroom_buttons(top)
        # Choices are never shrunk: when they do not fit beside the phone, the panel
        # goes under it (see build) and the page scrolls.
        self.buttons.extend(self._make_choices(top, m.body))

    def _classroom_buttons(self, top: int) -> int:
        """Classroom only: 'Count the hands' (the tally) and the teacher's red-flag reveal.

        Side by side at *top* when their words fit, else one under the other (near the
        top of the page, so the chat stays in view). Returns where the next thing goes.
        """
        m = self.m
        labels = [("tally", self._(COUNT_HANDS))] if self.session.step.has_choices else []
        if any(entry.tactic for entry in self.session.history):
            hide = self._("Hide the red flags")
            labels.append(("flags", hide if self.flags_shown else self._("Show the red flags")))
        if not labels:
            return top
        gap = m.px(12)
        width = (self.panel.width - gap * (len(labels) - 1)) // len(labels)
        buttons = [
            Button(key, label, pygame.Rect(0, top, width, m.button_h), "secondary")
            for key, label in labels
        ]
        if not all(b.fits_words(self.app.text, m) for b in buttons):
            width = self.panel.width
        x = self.panel.left
        for button in buttons:
            button.rect.update(x, top, width, m.button_h)
            button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
            if width == self.panel.width:
                top = button.rect.bottom + gap
            else:
                x += width + gap
        if width < self.panel.width:  # one row: one height
            tallest = max(b.rect.height for b in buttons)
            for button in buttons:
                button.rect.height = tallest
        self.buttons.extend(buttons)
        return max(b.rect.bottom for b in buttons) + m.pad

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
        arrival = self._arrival
        if arrival is not None and not arrival.tween.done:
            typing = arrival.typing_now()
            arrival.tween.finish()  # a press while a message arrives shows it at once
            self._arrival = self._phone_view = None
            if typing and key.startswith(WAIT_FOR_MESSAGE):
                return  # never skip a message: this press showed it, the next goes on
        before = len(session.history)
        if key == "next":
            if session.phase is Phase.READING:
                session.reveal()
                self.app.sound.play("message")
            else:
                session.advance()
                self.app.sound.play("message")
                self.flags_shown = False  # a new step: the class looks for its flags first
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
        elif key == "tally":
            self.count_hands()
            return
        elif key == "flags":
            self.flags_shown = not self.flags_shown
            self.relayout()
            self.focus_on("flags")
            return
        if not self.follow():
            self.relayout()
        self._start_arrival(before)

    # -- messages arriving -------------------------------------------------------
    def _start_arrival(self, before: int) -> None:
        """Animate the newest message when this press added one (none with reduced motion)."""
        history = self.session.history
        if self.app.scene is not self or len(history) <= before:
            return
        entry = history[-1]
        typing = TYPING_MS if entry.sender in TYPERS and not entry.is_choice else 0
        tween = self.app.motion.tween(typing + SLIDE_MS, lambda: self.app.guard.clock())
        if not tween.done:
            self._arrival = _Arrival(len(history), entry.sender, typing, tween)

    @property
    def animating(self) -> bool:
        """True while a message types or slides in; when it has just ended, one last redraw."""
        arrival = self._arrival
        if arrival is None:
            return False
        if arrival.tween.done or arrival.count != len(self.session.history):
            self._arrival = None
            self._phone_view = None
            self.dirty = True
            return False
        return True

    def animation_frame(self) -> None:
        """A frame of the arriving message (only the chat redrawn when nothing else changed)."""
        if not self.dirty and self.max_scroll() == 0:
            self._phone_only = True
        self.dirty = True

    def on_key(self, event: pygame.event.Event) -> None:
        """Number keys pick a choice; Page Up / Page Down scroll the chat."""
        if event.key in NUMBER_KEYS:
            self.number_key(event, ("choice:", "feel:"))
        elif event.key == pygame.K_PAGEUP:
            self.on_scroll(3)
        elif event.key == pygame.K_PAGEDOWN:
            self.on_scroll(-3)

    def on_scroll(self, amount: int) -> None:
        """Scroll the chat history (positive = older messages).

        With the panel under the phone (large text), the wheel scrolls the chat only over
        the phone, and the page everywhere else.
        """
        if self.stacked and self.max_scroll() > 0:
            pointer = pygame.mouse.get_pos()
            if not self.phone.move(0, -self.scroll_y).collidepoint(pointer):
                super().on_scroll(amount)
                return
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
        bar = pygame.Rect(screen.left, screen.top, screen.width, self._bar_height())
        pygame.draw.rect(
            surface,
            theme.WHITE,
            bar,
            border_top_left_radius=m.px(24),
            border_top_right_radius=m.px(24),
        )
        pygame.draw.line(surface, theme.OUTLINE, bar.bottomleft, bar.bottomright, 2)
        contact = self.lesson.contact
        size = m.px(64) + m.small - m.px(16)
        avatar_x = bar.right - m.pad - size // 2 if m.rtl else bar.left + m.pad + size // 2
        draw.avatar(surface, (avatar_x, bar.centery), size, contact.avatar)
        name, app_name = self._contact_labels()
        text_area = bar.inflate(-(2 * m.pad + size) * 2, 0)
        top = bar.centery - (name.get_height() + app_name.get_height() - m.px(10)) // 2
        surface.blit(name, self.start_pos(text_area, name, top))
        app_top = top + name.get_height() - m.px(2)
        surface.blit(app_name, self.start_pos(text_area, app_name, app_top))
        self._draw_panel(surface)

    def _bar_height(self) -> int:
        """The phone's title bar: the contact's name over the app's name, with room around."""
        m = self.m
        name, app_name = self._contact_labels()
        return max(m.px(64) + m.small, name.get_height() + app_name.get_height() + m.px(8))

    def _contact_labels(self) -> tuple[pygame.Surface, pygame.Surface]:
        """The contact's name and app, wrapped to the title bar (never shrunk)."""
        m = self.m
        contact = self.lesson.contact
        width = self._contact_width()
        text = self.app.text
        name = text.render(self.lt("contact", contact.name), m.body, theme.INK, width, bold=True)
        app_name = text.render(self.lt("contact", contact.app), m.font(18), theme.INK_SOFT, width)
        return name, app_name

    def _chat_area(self) -> pygame.Rect:
        m = self.m
        screen = self.phone.inflate(-m.px(20), -m.px(20))
        top = screen.top + self._bar_height()
        chat = pygame.Rect(screen.left, top, screen.width, screen.bottom - top)
        return chat.inflate(-2 * m.px(14), -2 * m.px(12))

    def word_moved(self, strings: set[str]) -> None:
        """When the word read aloud was and is only in chat bubbles, redraw just the chat.

        Anything else that changed this turn has already made the screen dirty, and then
        the whole screen is drawn as usual.
        """
        self._word_only = (
            not self.dirty
            and self._phone_view is not None
            and self.max_scroll() == 0
            and self._only_in_bubbles(strings)
        )
        self.dirty = True

    def _only_in_bubbles(self, strings: set[str]) -> bool:
        """True when each of *strings* is a bubble's text and shown nowhere else."""
        bubbles = {self.bubbles._text(entry) for entry in self.session.history}
        elsewhere = {self.panel_prompt() or ""}
        for button in self.all_buttons():
            elsewhere |= {button.label, button.sublabel}
        return strings <= bubbles and not strings & elsewhere

    def draw(self, surface: pygame.Surface) -> None:
        """The whole screen, or only the chat when nothing but a word read aloud moved.

        At rest the whole screen is one kept picture (see :meth:`_draw_kept_frame`).
        """
        if self._word_only or self._phone_only:
            self._word_only = self._phone_only = False
            self._draw_phone(surface)
            return
        if not self._draw_kept_frame(surface):
            super().draw(surface)

    def _draw_kept_frame(self, surface: pygame.Surface) -> bool:
        """Draw the screen at rest as one kept picture; False: draw it part by part instead.

        The picture is the backdrop (header, phone frame, panel), the chat as scrolled and
        the buttons with the focus ring, composed exactly as :meth:`Scene.draw` composes
        them. It is composed again whenever any of those changed: a new backdrop (layout,
        language, text size, colours, window size), the chat (scroll, a new message, a red
        flag shown), the focus or any button. The first frame after a change is drawn part
        by part; the picture is made when a second frame shows the same, so a screen that
        changes every frame never pays for it. While something moves (a message arriving,
        a word read aloud, a button held down) or the page scrolls, nothing is kept.
        """
        if not self._at_rest(surface):
            self._frame = None
            return False
        backdrop = self.window_backdrop(surface)
        frame = self._frame
        # The chat's place only changes with the layout, and a new layout is a new backdrop.
        kept = frame is not None and frame.backdrop is backdrop
        chat = frame.view.chat if frame is not None and kept else self._chat_area()
        view = self._kept_view(surface, chat, self._bubbles(chat))
        look = self._frame_look()
        size = surface.get_size()
        if frame is None or not frame.shows(backdrop, view, look, size):
            self._frame = _Frame(backdrop, view, view.version, look, size)
            return False
        canvas = self._canvas
        if not frame.composed or canvas is None or canvas.get_size() != size:
            if canvas is None or canvas.get_size() != size:
                canvas = self._canvas = pygame.Surface(size, 0, surface)
            canvas.blit(backdrop, (0, 0))
            self.draw_content(canvas)
            self.draw_buttons(canvas)
            frame.composed = True
        surface.blit(canvas, (0, 0))
        return True

    def _at_rest(self, surface: pygame.Surface) -> bool:
        """True when the screen may be drawn from the kept picture (nothing moves on it)."""
        return (
            self.max_scroll() <= 0
            and not surface.get_flags() & pygame.SRCALPHA
            and self.app.text.highlight is None
            and Button.keep_drawings
            and self.pressed_key() is None
            and not (self._arrival is not None and self.animating)
        )

    def _frame_look(self) -> tuple:
        """What the kept picture's buttons were drawn from: the focus and each button."""
        text = self.app.text
        return (
            self.focused_key(),
            tuple(_button_look(button) for button in self.all_buttons()),
            self.m,
            theme.PALETTE,
            text.language,
            text.fonts.reading,
        )

    def _bubbles(self, chat: pygame.Rect) -> tuple[pygame.Surface, ...]:
        """Every message's bubble as shown now (red flags revealed by the teacher too)."""
        history = self.session.history
        if self.flags_shown:
            history = [self._as_shown(entry) for entry in history]
        return self.bubbles.render_all(history, chat.width)

    def _draw_phone(self, surface: pygame.Surface) -> None:
        """The visible part of the chat, composed once and re-used until a bubble changes."""
        chat = self._chat_area()
        bubbles = self._bubbles(chat)
        if self._arrival is not None and self.animating:
            self._draw_arriving(surface, chat, bubbles, self._arrival)
            return
        surface.blit(self._kept_view(surface, chat, bubbles).image, chat.topleft)

    def _kept_view(
        self, surface: pygame.Surface, chat: pygame.Rect, bubbles: tuple[pygame.Surface, ...]
    ) -> _PhoneView:
        """The chat as it should look now: the kept one, brought up to date.

        When only some bubbles changed and none changed height (a word being read aloud
        lit up, a red flag shown on a bubble of the same size), only those are redrawn.
        """
        view = self._phone_view
        if view is None or not view.same_layout(chat, self.scroll, self._backdrop, bubbles):
            view = _PhoneView(chat, self._backdrop, pygame.Surface(chat.size).convert(surface))
            view.image.blit(self._under(surface), (0, 0), chat)  # the phone's empty screen
            self._compose_phone(view, bubbles)
            self._phone_view = view
        elif any(a is not b for a, b in zip(view.bubbles, bubbles, strict=True)):
            self._redraw_changed(view, self._under(surface), bubbles)
        return view

    def _draw_arriving(
        self,
        surface: pygame.Surface,
        chat: pygame.Rect,
        bubbles: tuple[pygame.Surface, ...],
        arrival: _Arrival,
    ) -> None:
        """One frame of the newest message arriving: "typing…" dots, then it slides in.

        The chat scrolls smoothly to the new message (the earlier ones rise with it).
        Drawn afresh each frame; the cached view is composed again once it is at rest.
        """
        m = self.m
        gap = m.px(12)
        elapsed = arrival.tween.progress() * arrival.total_ms
        image = pygame.Surface(chat.size).convert(surface)
        image.blit(self._under(surface), (0, 0), chat)
        shown = list(bubbles)
        newest = shown.pop()
        if elapsed < arrival.typing_ms:
            shown.append(self._typing_bubble(chat.width, arrival.sender, elapsed))
            rise, fade = 0, 255
        else:
            done = ease_out((elapsed - arrival.typing_ms) / SLIDE_MS)
            was = m.px(44) + gap if arrival.typing_ms else 0
            rise = round((1 - done) * max(m.px(24), newest.get_height() + gap - was))
            fade = round(255 * done)
            if fade < 255:
                newest = newest.copy()
                newest.set_alpha(fade)
            shown.append(newest)
        total = sum(b.get_height() for b in shown) + gap * max(0, len(shown) - 1)
        y = chat.height - total if total > chat.height else 0
        for index, bubble in enumerate(shown):
            last = index == len(shown) - 1
            top = y + (rise if total > chat.height or last else 0)
            if top + bubble.get_height() >= 0 and top <= chat.height:
                image.blit(bubble, (0, top))
            y += bubble.get_height() + gap
        surface.blit(image, chat.topleft)

    def _typing_bubble(self, width: int, sender: str, elapsed: float) -> pygame.Surface:
        """The sender's picture and a small bubble of three bouncing dots ("typing…")."""
        m = self.m
        avatar = m.px(44)
        surface = pygame.Surface((width, avatar + m.px(4)), pygame.SRCALPHA)
        bubble = pygame.Rect(0, 0, m.px(84), avatar)
        if m.rtl:
            bubble.topright = (width - avatar - m.px(8), 0)
            avatar_x = width - avatar // 2
        else:
            bubble.topleft = (avatar + m.px(8), 0)
            avatar_x = avatar // 2
        face = self.lesson.contact.avatar if sender == "contact" else "scout"
        draw.avatar(surface, (avatar_x, avatar // 2 + m.px(4)), avatar, face)
        pygame.draw.rect(surface, theme.THEM_BUBBLE, bubble, border_radius=m.px(18))
        pygame.draw.rect(surface, theme.OUTLINE, bubble, 1, border_radius=m.px(18))
        step = m.px(18)
        for dot in range(3):
            wave = math.sin(2 * math.pi * (elapsed / 600 - dot * 0.18))
            x = bubble.centerx + (dot - 1) * step
            y = bubble.centery - round(m.px(5) * max(0.0, wave))
            pygame.draw.circle(surface, theme.INK_SOFT, (x, y), m.px(6))
        return surface

    def _as_shown(self, entry: Entry) -> Entry:
        """*entry* with its red-flag tag shown when the teacher revealed the red flags."""
        if self.flags_shown and entry.tactic and not entry.revealed:
            return replace(entry, revealed=True)
        return entry

    def _under(self, surface: pygame.Surface) -> pygame.Surface:
        """What lies under the chat: the backdrop (same coordinates as *surface*)."""
        return self._backdrop if self._backdrop is not None else surface

    def _compose_phone(self, view: _PhoneView, surfaces: tuple[pygame.Surface, ...]) -> None:
        """Draw the bubbles that show (scrolled) and the "scroll up" hint onto *view*."""
        m = self.m
        chat = view.chat
        gap = m.px(12)
        total = sum(s.get_height() for s in surfaces) + gap * max(0, len(surfaces) - 1)
        self.scroll = min(self.scroll, max(0, total - chat.height))
        y = chat.height - total + self.scroll if total > chat.height else 0
        tops = []
        for bubble in surfaces:
            tops.append(y)
            if y + bubble.get_height() >= 0 and y <= chat.height:
                view.image.blit(bubble, (0, y))
            y += bubble.get_height() + gap
        view.scroll, view.bubbles, view.tops = self.scroll, surfaces, tops
        view.hint = total > chat.height and self.scroll < total - chat.height
        self._draw_scroll_hint(view)

    def _redraw_changed(
        self, view: _PhoneView, under: pygame.Surface, bubbles: tuple[pygame.Surface, ...]
    ) -> None:
        """Redraw on *view* only the bubbles that changed (each over what lies *under* it)."""
        chat = view.chat
        for index, (old, new) in enumerate(zip(view.bubbles, bubbles, strict=True)):
            y = view.tops[index]
            if old is new or y + new.get_height() < 0 or y > chat.height:
                continue
            place = pygame.Rect(0, y, chat.width, new.get_height())
            view.image.blit(under, place, place.move(chat.topleft))
            view.image.blit(new, place)
        view.bubbles = bubbles
        view.version += 1
        self._draw_scroll_hint(view)

    def _draw_scroll_hint(self, view: _PhoneView) -> None:
        """The "scroll up for earlier messages" pill over the chat, when there are some."""
        if not view.hint:
            return
        m = self.m
        width = view.chat.width
        hint = self.app.text.render(
            self._("Scroll up for earlier messages"),
            m.font(16),
            theme.INK_SOFT,
            width - m.px(24),
            align="center",
        )
        pill = hint.get_rect().inflate(m.px(16), m.px(6))
        pill.midtop = (width // 2, 0)
        view.image.fill(theme.PHONE_SCREEN, (0, 0, width, pill.height + m.px(6)))
        pygame.draw.rect(view.image, theme.SYSTEM_BG, pill, border_radius=pill.height // 2)
        view.image.blit(hint, hint.get_rect(center=pill.center))

    def panel_prompt(self) -> str | None:
        """The line at the top of the panel for the current phase (None after a choice)."""
        return {
            Phase.READING: self._("Read the message, then press Next."),
            Phase.CHECK_IN: self._("How does this make you feel?"),
            Phase.CHOOSING: self.choosing_prompt(),
            Phase.CONTINUE: self._("Ready for what happens next?"),
            Phase.FINISHED: self._("You reached the end of the mission!"),
        }.get(self.session.phase)

    # -- reading aloud -----------------------------------------------------------------
    def narration_body(self) -> list[Line]:
        """Each message with who says it, then the panel: prompt, options or feedback."""
        session = self.session
        lines = []
        for entry in session.history:
            if not entry.is_choice:  # the child's own pick is not read back to them
                lines += self.entry_lines(entry)
        phase, step = session.phase, session.step
        # "Read the message, then press Next." is said once; later prompts on each step.
        key = "reading" if phase is Phase.READING else f"{session.step_id}/{phase.value}"
        prompt = self.panel_prompt()
        if phase is Phase.CHOOSING and getattr(step, "prompt", None):
            lines.append(self.lesson_line(step.id, "prompt", step.prompt, key=f"{key}/prompt"))
        elif prompt:
            lines.append(self.say.said(prompt, key=f"{key}/prompt"))
        if phase is Phase.CHECK_IN:
            lines += self.numbered_lines("feel:")
        elif phase is Phase.CHOOSING:
            note = self._feeling_note()
            if note:
                lines.append(self.say.said(note, key=f"{key}/note"))
            lines += self.choice_lines()
        elif phase is Phase.FEEDBACK:
            lines += self.feedback_lines()
        return lines

    def entry_lines(self, entry: Entry) -> list[Line]:
        """Who is speaking ("Zippy says:"), then the message."""
        owner = entry.context.split("/", 1)[1]
        if entry.sender == "contact":
            name = self.lt("contact", self.lesson.contact.name)
            # TRANSLATORS: read aloud before a chat message; {name} is who sent it.
            who = [self.say.ui(N_("{name} says:"), key=f"{entry.key}/who", name=name)]
        elif entry.sender == "scout":
            who = [self.say.ui(N_("Scout says:"), key=f"{entry.key}/who")]
        elif entry.sender == "me":
            # TRANSLATORS: read aloud before a message the child sends in the chat.
            who = [self.say.ui(N_("You say:"), key=f"{entry.key}/who")]
        else:
            who = []
        return [*who, self.lesson_line(owner, "text", entry.text, key=entry.key)]

    def _draw_panel(self, surface: pygame.Surface) -> None:
        m = self.m
        text = self.app.text
        phase = self.session.phase
        panel = self.panel
        prompt = self.panel_prompt()
        if prompt:
            label = text.render(prompt, m.font(30), theme.INK, panel.width, bold=True)
            surface.blit(label, self.start_pos(panel, label, panel.top))
            if phase is Phase.CHOOSING and self._feeling_note():
                note = text.render(self._feeling_note(), m.small, theme.INK_SOFT, panel.width)
                surface.blit(
                    note, self.start_pos(panel, note, panel.top + label.get_height() + m.px(10))
                )
            big_scout = not self.stacked and self.session.mode != "classroom"
            if phase in (Phase.READING, Phase.CONTINUE, Phase.FINISHED) and big_scout:
                center = (panel.centerx, panel.centery - m.px(10))
                scout_faces.scout(surface, center, m.px(150), self.scout_mood())
        if phase is Phase.FEEDBACK:
            card = self._draw_feedback(surface)
            self._scout_in_room(surface, card.bottom, panel.bottom - m.button_h - m.pad)
        elif phase is Phase.CHOOSING:
            below = max((b.rect.bottom for b in self.buttons), default=panel.top)
            self._scout_in_room(surface, below, panel.bottom)

    def scout_mood(self) -> str:
        """Scout's face for this moment (``scout_faces.MOODS``).

        Thinking while choosing, concerned after a risky pick (kind, never cross), proud
        after a great pick and at the end, happy otherwise.
        """
        session = self.session
        phase = session.phase
        if phase in (Phase.CHECK_IN, Phase.CHOOSING):
            return "thinking"
        if phase is Phase.FEEDBACK and session.chosen is not None:
            return {"unsafe": "concerned", "great": "proud"}.get(session.chosen.verdict, "happy")
        return "proud" if phase is Phase.FINISHED else "happy"

    def _scout_in_room(self, surface: pygame.Surface, top: int, bottom: int) -> None:
        """Scout with the moment's face between *top* and *bottom*, when there is room."""
        m = self.m
        size = min(m.px(130), bottom - top - 2 * m.pad)
        if size < m.px(80) or self.stacked or self.session.mode == "classroom":
            return
        center = (self.panel.centerx, (top + bottom) // 2)
        scout_faces.scout(surface, center, size, self.scout_mood())

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

    def _draw_feedback(self, surface: pygame.Surface) -> pygame.Rect:
        """The feedback card; returns where it is."""
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
        card = pygame.Rect(area.left, area.top, area.width, height_of(blocks) + 2 * m.pad)
        draw.card(surface, card, VERDICT_LOOK[choice.verdict][1], m.radius, shadow=m.px(4))
        draw_blocks(surface, blocks, card.left + m.pad, card.top + m.pad, inner_w, m.rtl)
        return card



@dataclass
class _Arrival:
    """The newest message while it arrives: who sends it and its one animation."""

    #: How many entries the chat had when it arrived (another change ends the animation).
    count: int
    sender: str
    #: How long the "typing…" dots show before it (0: none, it only slides in).
    typing_ms: int
    tween: Tween

    @property
    def total_ms(self) -> int:
        """The typing dots and the slide together."""
        return self.typing_ms + SLIDE_MS

    def typing_now(self) -> bool:
        """True while the dots still show (the message itself is not in sight yet)."""
        return self.tween.progress() * self.total_ms < self.typing_ms


@dataclass
class _PhoneView:
    """The chat's visible part as last drawn, and what it was drawn from."""

    chat: pygame.Rect
    backdrop: pygame.Surface | None
    image: pygame.Surface
    scroll: int = 0
    bubbles: tuple[pygame.Surface, ...] = ()
    #: Where each bubble's top is on :attr:`image` (above 0: scrolled out of sight).
    tops: list[int] = field(default_factory=list)
    hint: bool = False
    #: Counts the redraws of some bubbles in place (the kept window picture shows one).
    version: int = 0

    def same_layout(
        self,
        chat: pygame.Rect,
        scroll: int,
        backdrop: pygame.Surface | None,
        bubbles: tuple[pygame.Surface, ...],
    ) -> bool:
        """True when every bubble would sit where it sits now (only their pictures may differ)."""
        return (
            self.chat == chat
            and self.scroll == scroll
            and self.backdrop is backdrop
            and len(self.bubbles) == len(bubbles)
            and all(
                a.get_height() == b.get_height() for a, b in zip(self.bubbles, bubbles, strict=True)
            )
        )


def _button_look(button: Button) -> tuple:
    """Everything a button is drawn from, as plain values (its rectangle copied)."""
    return (type(button),) + tuple(
        tuple(value) if isinstance(value, pygame.Rect) else value
        for name, value in vars(button).items()
        if name != "_baked"
    )


@dataclass(eq=False)
class _Frame:
    """What the whole window at rest was drawn from (the picture itself is kept apart)."""

    backdrop: pygame.Surface
    view: _PhoneView
    version: int
    look: tuple
    size: tuple[int, int]
    #: True once the kept picture shows this frame.
    composed: bool = False

    def shows(
        self, backdrop: pygame.Surface, view: _PhoneView, look: tuple, size: tuple[int, int]
    ) -> bool:
        """True when the screen now would look as this frame did (nothing it shows changed)."""
        return (
            self.backdrop is backdrop
            and self.view is view
            and self.version == view.version
            and self.size == size
            and self.look == look
        )
