"""Help plan: practise the response, not just know it.

1. Pick trusted adults by role (no names are typed or stored).
2. In a mock app, save the chat, block and report, in the safe order.
3. Choose the words to say, then rehearse them out loud.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import HelpPlanStep
from game.i18n import N_
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import Block, card_height, card_row
from game.ui.layout import UNLIMITED, grid, grid_buttons
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

ROLE_NAMES = {
    "parent": N_("Mum, Dad or a parent"),
    "grandparent": N_("Grandparent"),
    "carer": N_("Carer or foster parent"),
    "teacher": N_("Teacher"),
    "counsellor": N_("School counsellor"),
    "coach": N_("Coach"),
    "older_cousin": N_("Older cousin"),
    "aunt_uncle": N_("Aunt or uncle"),
    "neighbour": N_("Trusted neighbour"),
    "doctor": N_("Doctor or nurse"),
    "club_leader": N_("Club leader"),
    "helpline": N_("A helpline"),
}
#: Trusted grown-ups wear only trusted looks (model.TRUSTED_AVATARS, or the helpline's
#: robot), never a lesson contact's face.
ROLE_AVATARS = {
    "parent": "bear",
    "grandparent": "owl",
    "carer": "panda",
    "teacher": "owl",
    "counsellor": "bunny",
    "coach": "fox",
    "older_cousin": "fox",
    "aunt_uncle": "bear",
    "neighbour": "panda",
    "doctor": "bunny",
    "club_leader": "fox",
    "helpline": "robot",
}
APP_ACTIONS = {
    # action: (button, instruction, confirmation)
    "save": (
        N_("Screenshot"),
        N_("First, save the chat: take a screenshot of the chat and the username."),
        N_("Chat saved for a grown-up to see."),
    ),
    "block": (
        N_("Block"),
        N_("Now block them so they can't message you."),
        N_("Blocked. They can't message you now."),
    ),
    "report": (
        N_("Report"),
        N_("Now report them to the app."),
        N_("Reported. Thank you for telling the app."),
    ),
}
#: Younger groups learn "Don't delete it. Show a grown-up." (safety-education.md R09).
YOUNGER_SAVE = (
    N_("Save"),
    N_("First, don't delete it: save the chat to show a grown-up."),
    N_("Chat saved to show a grown-up."),
)
APP_MESSAGES = {
    "K2": N_("Player: I have a prize for you. Keep it our secret, okay?"),
    "G35": N_("Player: let's chat on a private app. don't tell your parents."),
    "G68": N_("Unknown player: send me a pic. don't tell anyone."),
    "G912": N_("Unknown player: send me a pic. don't tell anyone."),
}
STAGES = ("adults", "app", "say", "rehearse")


class HelpPlanScene(StepScene):
    """One help-plan activity, in four short stages."""

    step_type = "help_plan"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.stage = "adults"
        #: Ages 11 and up say "adult" and "red flag"; younger groups say "grown-up".
        self.older = lesson.grade_band in ("G68", "G912")
        self.adults: list[str] = []
        self.app_done: list[str] = []
        self.said: list[str] = []
        self.hint = ""

    @property
    def step(self) -> HelpPlanStep:
        """The help-plan step being played."""
        return self.step_as(HelpPlanStep)

    def next_action(self) -> str | None:
        """The app action to do next (None when all are done)."""
        todo = [a for a in self.step.app_actions if a not in self.app_done]
        return todo[0] if todo else None

    def action_text(self, action: str, part: int) -> str:
        """Button label (0), instruction (1) or confirmation (2) of an app action, for the band."""
        if action == "save" and self.lesson.grade_band in ("K2", "G35"):
            return self._(YOUNGER_SAVE[part])
        return self._(APP_ACTIONS[action][part])

    def helpful_ids(self) -> list[str]:
        """Ids of the helpful phrases."""
        return [o.id for o in self.step.say if o.helpful]

    # -- layout ----------------------------------------------------------------
    def build(self) -> None:
        """Buttons for the current stage.

        When a stage does not fit the window at full size (large text, long
        translations), its parts go one under another across the window and the page
        scrolls; nothing is shrunk.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.area = area
        # Room for the prompt as it wraps (a long translation, the largest text size).
        self.prompt_h = max(m.font(30) * 2, self._prompt_label(area.width).get_height()) + m.pad
        self.flowing = False
        self.hint_rect: pygame.Rect | None = None
        self.card_rect = pygame.Rect(0, 0, 0, 0)
        self._build_stage()
        if not self._stage_fits():
            self.flowing = True
            self.buttons = []
            self._build_stage()
            hint = self.hint_rect.bottom if self.hint_rect else 0
            self.extent = max(self.card_rect.bottom, hint)

    def _bottom(self, y: int) -> pygame.Rect:
        """Where the stage's Done / Continue button goes (roomy: bottom right)."""
        m = self.m
        area = self.area
        if self.flowing:
            return pygame.Rect(area.left, y, area.width, m.button_h)
        return pygame.Rect(area.right - m.px(380), area.bottom - m.button_h, m.px(380), m.button_h)

    def _add_bottom(self, y: int, label: str | None = None) -> None:
        """The stage's Done / Continue button (and, when flowing, the hint above it)."""
        m = self.m
        if self.flowing and self.hint:
            hint = self._hint_label(self.area.width - 2 * m.pad)
            self.hint_rect = pygame.Rect(self.area.left, y, self.area.width, hint.get_height())
            self.hint_rect.height += m.px(16)
            y = self.hint_rect.bottom + m.pad
        button = self.continue_button(self._bottom(y), label, key="done")
        if self.flowing:
            self.end_side(button, self.area, y)
        self.buttons.append(button)

    def _hint_label(self, width: int) -> pygame.Surface:
        return self.app.text.render(self.hint, self.m.body, theme.INK, width)

    def _stage_fits(self) -> bool:
        """True when the roomy layout of the stage holds everything at full size."""
        m = self.m
        area = self.area
        for index, button in enumerate(self.buttons):
            if button.rect.bottom > area.bottom + 1 or not button.label_fits(self.app.text, m):
                return False
            if any(button.rect.colliderect(other.rect) for other in self.buttons[index + 1 :]):
                return False
        if self.hint and self.stage != "app":
            hint = self._hint_label(area.width - m.px(420))
            if hint.get_height() + m.px(16) > m.button_h + m.px(10):
                return False
        if self.stage == "rehearse":
            return card_height(m, self.card_rect.width, self._rehearsal) <= self.card_rect.height
        if self.stage == "app":
            if card_height(m, self.card_rect.width, self._app_steps) > self.card_rect.height:
                return False
            actions = [b for b in self.buttons if b.key.startswith("app:")]
            return self._bubbles_bottom(self.phone) <= min(b.rect.top for b in actions)
        return True

    def _build_stage(self) -> None:
        m = self.m
        area = self.area
        top = area.top + self.prompt_h
        if self.stage == "adults":
            self._role_buttons(top)
        elif self.stage == "app":
            self._app_buttons(top)
        elif self.stage == "say":
            bottom = self._say_buttons(area)
            if set(self.helpful_ids()) <= set(self.said):
                self._add_bottom(bottom + m.pad)
            elif self.flowing and self.hint:
                hint = self._hint_label(area.width - 2 * m.pad)
                self.hint_rect = pygame.Rect(area.left, bottom + m.pad, area.width, 0)
                self.hint_rect.height = hint.get_height() + m.px(16)
        else:
            room = area.bottom - m.button_h - m.pad - top
            self.card_rect = pygame.Rect(area.left, top, area.width, room)
            if self.flowing:
                self.card_rect.height = card_height(m, area.width, self._rehearsal)
            self._add_bottom(self.card_rect.bottom + m.pad)

    def _role_buttons(self, top: int) -> None:
        m = self.m
        area = self.area
        bottom = self._bottom(0)
        body = pygame.Rect(area.left, top, area.width, bottom.top - top - m.pad)
        roles = self.step.roles
        columns = 4 if len(roles) > 6 else 3
        rows = -(-len(roles) // columns)
        cell_h = min(m.px(130), (body.height - m.pad * (rows - 1)) // rows)
        buttons = []
        for role, rect in zip(roles, grid(body, len(roles), columns, cell_h, m.pad), strict=True):
            chosen = role in self.adults
            buttons.append(
                Button(
                    f"role:{role}",
                    self._(ROLE_NAMES[role]),
                    rect,
                    "selected" if chosen else "choice",
                    text_size=m.font(22),
                    sublabel=self._("Picked") if chosen else "",
                    icon=lambda s, c, z, k=ROLE_AVATARS[role]: draw.avatar(s, c, z, k),
                    icon_scale=2.0,
                    icon_above=True,
                )
            )
        self.buttons += buttons
        y = body.bottom + m.pad
        if self.flowing:
            body.height = UNLIMITED  # the page scrolls
            y = grid_buttons(
                buttons, body, columns, m.px(130), m.pad, self.app.text, m, center=False
            )
            y += m.pad
        self._add_bottom(y, self._("Done"))

    def _app_buttons(self, top: int) -> None:
        m = self.m
        area = self.area
        self.phone = pygame.Rect(area.left, top, round(area.width * 0.45), area.bottom - top)
        if self.flowing:
            self.phone.width = area.width
        actions = [*self.step.app_actions, "delete"]
        gap = m.px(10)
        buttons = []
        for action in actions:
            label = self._("Delete chat") if action == "delete" else self.action_text(action, 0)
            done = action in self.app_done
            buttons.append(
                Button(
                    f"app:{action}",
                    label,
                    pygame.Rect(0, 0, 1, m.button_h),
                    "action" if done else "secondary",
                    text_size=m.font(22),
                    icon=_tick if done else None,
                    icon_scale=0.9,
                )
            )
        inner = self.phone.inflate(-m.px(44), -m.px(44))
        if self.flowing:
            # The messages, then the app's buttons, then the steps card and Continue.
            top = self._bubbles_bottom(self.phone) + m.pad
            row = pygame.Rect(inner.left, top, inner.width, UNLIMITED)
            bottom = grid_buttons(buttons, row, 2, m.button_h, gap, self.app.text, m, center=False)
            self.phone.height = bottom + m.px(22) - self.phone.top
            card_top = self.phone.bottom + m.pad
            height = card_height(m, area.width, self._app_steps)
            self.card_rect = pygame.Rect(area.left, card_top, area.width, height)
        else:
            cell_w = (inner.width - gap) // 2
            rows = -(-len(actions) // 2)
            bar_top = inner.bottom - rows * m.button_h - (rows - 1) * gap
            for index, button in enumerate(buttons):
                button.rect = pygame.Rect(
                    inner.left + (index % 2) * (cell_w + gap),
                    bar_top + (index // 2) * (m.button_h + gap),
                    cell_w,
                    m.button_h,
                )
            self.card_rect = pygame.Rect(
                self.phone.right + 2 * m.pad,
                self.phone.top,
                area.right - self.phone.right - 2 * m.pad,
                self.phone.height - m.button_h - m.pad,
            )
        self.buttons += buttons
        if self.next_action() is None:
            self._add_bottom(self.card_rect.bottom + m.pad)

    def _bubbles_bottom(self, phone: pygame.Rect) -> int:
        """The bottom of the message bubbles on the pretend app's screen."""
        m = self.m
        screen = phone.inflate(-m.px(20), -m.px(20))
        y = screen.top + m.pad
        for line in self._app_lines():
            label = self.app.text.render(line, m.small, theme.INK, screen.width - 3 * m.pad)
            y += label.get_height() + m.px(12) + m.px(10)
        return y

    def _app_lines(self) -> list[str]:
        """The pretend app's messages: the tricky one, then what each action did."""
        message = (
            self.lt(self.step.id, self.step.app_message)
            if self.step.app_message
            else self._(APP_MESSAGES[self.lesson.grade_band])
        )
        return [message, *(self.action_text(a, 2) for a in self.app_done)]

    def _say_buttons(self, area: pygame.Rect) -> int:
        """The phrases, all one height (a longer, helpful one never stands out).

        Each has a box that a tick fills once it is picked, so picking one never moves
        the others; the bottom row stays free for the hint and Continue. Returns the
        bottom of the last phrase.
        """
        m = self.m
        top, gap = area.top + self.prompt_h, m.px(10)
        bottom = area.bottom - m.button_h - m.pad
        # Narrow first; then the whole width; then (large text) the page scrolls.
        for share in (0.58, 1.0):
            options = [
                Button(
                    f"say:{option.id}",
                    self.lt(option.id, option.text),
                    pygame.Rect(area.left, top, round(area.width * share), m.button_h),
                    "action" if option.id in self.said else "choice",
                    align="left",
                    bold=False,
                    icon=_tick if option.id in self.said else _box,
                    icon_scale=1.0,
                    text_size=m.body,
                )
                for option in self.step.say
            ]
            height = max(b.needed_height(self.app.text, m) for b in options)
            if top + len(options) * (height + gap) - gap <= bottom:
                break
        for index, button in enumerate(options):
            button.rect.update(area.left, top + index * (height + gap), button.rect.width, height)
        self.buttons.extend(options)
        return options[-1].rect.bottom

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Handle a press in the current stage."""
        kind, _, value = key.partition(":")
        self.hint = ""
        if kind == "role":
            if value in self.adults:
                self.adults.remove(value)
            else:
                self.adults.append(value)
        elif kind == "app":
            self._app_action(value)
        elif kind == "say":
            self._say(value)
        elif key == "done" and self._finish_stage():
            return
        self.relayout()
        if key == "done" or self.stage == "rehearse":
            self.set_focus(0, "screen")

    def _app_action(self, action: str) -> None:
        expected = self.next_action()
        if action == "delete":
            self.hint = self._("Don't delete it. A grown-up may need to see the chat.")
            self.app.sound.play("think")
        elif action == expected:
            self.app_done.append(action)
            self.app.sound.play("good")
        elif action in self.app_done:
            self.hint = self._("Already done!")
        else:
            self.hint = self._("Not yet. {step}").format(step=self.action_text(expected, 1))
            self.app.sound.play("think")

    def _say(self, option_id: str) -> None:
        option = next(o for o in self.step.say if o.id == option_id)
        if not option.helpful:
            self.hint = self._(
                "Those words might not get you help. Try words that say what "
                "happened and ask for help."
            )
            self.app.sound.play("think")
        elif option_id not in self.said:
            self.said.append(option_id)
            self.app.sound.play("good")

    def _finish_stage(self) -> bool:
        """Move to the next stage; return True if the screen was replaced."""
        if self.stage == "adults":
            missing = self.step.min_adults - len(self.adults)
            if missing > 0:
                self.hint = (
                    self.app.tr.ngettext(
                        "Pick {n} more adult you could tell.",
                        "Pick {n} more adults you could tell.",
                        missing,
                    )
                    if self.older
                    else self.app.tr.ngettext(
                        "Pick {n} more grown-up you could tell.",
                        "Pick {n} more grown-ups you could tell.",
                        missing,
                    )
                ).format(n=self.app.tr.number(missing))
                self.relayout()
                return True
            self.stage = "app"
        elif self.stage == "app" and self.next_action() is None:
            self.stage = "say"
        elif self.stage == "say":
            self.stage = "rehearse"
        elif self.stage == "rehearse":
            skills = {"R12"} | {
                {"save": "R09", "block": "R10", "report": "R11"}[a] for a in self.app_done
            }
            self.session.finish_activity({}, skills)
            return self.follow()
        return False

    # -- drawing ---------------------------------------------------------------
    def _prompt_label(self, width: int) -> pygame.Surface:
        """The stage's prompt, as drawn over the stage (one or more lines)."""
        return self.app.text.render(
            self.prompt_text(), self.m.font(30), theme.INK, width, bold=True
        )

    def prompt_text(self) -> str:
        """The stage's prompt (what to do now)."""
        prompts = {
            "adults": (
                self.app.tr.ngettext(
                    "Who are your trusted adults? Pick at least {n}.",
                    "Who are your trusted adults? Pick at least {n}.",
                    self.step.min_adults,
                )
                if self.older
                else self.app.tr.ngettext(
                    "Who are your trusted grown-ups? Pick at least {n}.",
                    "Who are your trusted grown-ups? Pick at least {n}.",
                    self.step.min_adults,
                )
            ).format(n=self.app.tr.number(self.step.min_adults)),
            "app": self._("Practise in a pretend app. Follow the steps."),
            "say": self._("What could you say to a trusted adult? Pick the helpful words.")
            if self.older
            else self._("What could you say to a trusted grown-up? Pick the helpful words."),
            "rehearse": self._("Now practise saying it out loud."),
        }
        return prompts[self.stage]

    def narration_body(self) -> list[Line]:
        """The stage's prompt, then what it shows: people, the pretend app, words to say."""
        say = self.say
        stage = self.stage
        lines = [say.said(self.prompt_text(), key=f"{stage}/prompt")]
        if stage in ("adults", "say"):
            for button in self.buttons:
                kind, _, value = button.key.partition(":")
                if kind == "role":
                    lines.append(say.said(button.label, key=button.key))
                elif kind == "say":
                    option = next(o for o in self.step.say if o.id == value)
                    lines.append(self.lesson_line(option.id, "text", option.text, key=button.key))
        elif stage == "app":
            if self.step.app_message:
                message = self.lesson_line(self.step.id, "app_message", self.step.app_message)
            else:
                message = say.ui(APP_MESSAGES[self.lesson.grade_band])
            lines.append(message)
            lines += [say.said(self.action_text(a, 2), key=f"done/{a}") for a in self.app_done]
            action = self.next_action()
            if action is not None:
                steps = self.step.app_actions
                shown = f"{steps.index(action) + 1}. {self.action_text(action, 1)}"
                lines.append(say.said(self.action_text(action, 1), key=f"do/{action}", shown=shown))
            else:
                done = (
                    "All done! Now tell a trusted adult."
                    if self.older
                    else "All done! Now tell a trusted grown-up."
                )
                lines.append(say.ui(done))
        else:
            words = " ".join(self.lt(o.id, o.text) for o in self.step.say if o.id in self.said)
            names = ", ".join(self._(ROLE_NAMES[r]) for r in self.adults)
            later = (
                "If the first adult doesn't help, tell another one. It's never too late to tell."
                if self.older
                else "If the first grown-up doesn't help, tell another one. "
                "It's never too late to tell."
            )
            lines += [
                say.plain(words, shown=f"\u201c{words}\u201d"),
                say.ui("You could say this to: {people}.", people=names),
                say.ui(later),
            ]
        if self.hint:
            lines.append(say.said(self.hint, key=f"hint/{len(self.adults)}/{self.app_done}"))
        return lines

    def draw_content(self, surface: pygame.Surface) -> None:
        """Prompt for the stage, the mock app or the rehearsal card, and any hint."""
        m = self.m
        text = self.app.text
        area = self.area
        prompt = self._prompt_label(area.width)
        surface.blit(prompt, self.start_pos(area, prompt, area.top))
        if self.stage == "app":
            self._draw_app(surface)
        elif self.stage == "rehearse":
            card_row(surface, self.card_rect, m, [(1.0, theme.SCOUT_BG, self._rehearsal)])
        if self.hint and self.stage != "app":
            if self.hint_rect is not None:  # large text: a full-width note above the button
                draw.card(surface, self.hint_rect, theme.THINK_BG, m.radius)
                hint = self._hint_label(area.width - 2 * m.pad)
                inner = self.hint_rect.inflate(-2 * m.pad, 0)
                surface.blit(hint, self.start_pos(inner, hint, self.hint_rect.top + m.px(8)))
            else:
                hint = text.render(self.hint, m.body, theme.INK, area.width - m.px(420))
                pill = hint.get_rect(bottomleft=(area.left + m.pad, area.bottom - m.px(10)))
                draw.card(surface, pill.inflate(2 * m.pad, m.px(16)), theme.THINK_BG, m.radius)
                surface.blit(hint, pill)

    def _draw_app(self, surface: pygame.Surface) -> None:
        m = self.m
        text = self.app.text
        phone = self.phone
        draw.card(surface, phone, theme.PHONE, m.px(30), shadow=m.px(6))
        screen = phone.inflate(-m.px(20), -m.px(20))
        pygame.draw.rect(surface, theme.PHONE_SCREEN, screen, border_radius=m.px(22))
        y = screen.top + m.pad
        for index, line in enumerate(self._app_lines()):
            label = text.render(line, m.small, theme.INK, screen.width - 3 * m.pad)
            bubble = label.get_rect(topleft=(screen.left + m.pad, y)).inflate(m.pad, m.px(12))
            bubble.left = screen.left + m.px(12)
            draw.card(
                surface,
                bubble,
                theme.WHITE if index == 0 else theme.GOOD_BG,
                m.px(12),
                border=theme.OUTLINE,
            )
            surface.blit(label, label.get_rect(center=bubble.center))
            y = bubble.bottom + m.px(10)
        card_row(surface, self.card_rect, m, [(1.0, theme.WHITE, self._app_steps)])

    def _app_steps(self, width: int, scale: float) -> list[Block]:
        m = self.m
        blocks = []
        size = round(m.body * scale)
        for index, action in enumerate(self.step.app_actions):
            done = action in self.app_done
            current = action == self.next_action()
            blocks.append(
                Block(
                    self.app.text.render(
                        f"{index + 1}. {self.action_text(action, 1)}",
                        size,
                        theme.INK if current or done else theme.INK_SOFT,
                        width - size - m.px(12),
                        bold=current,
                    ),
                    gap_before=m.px(12) if index else 0,
                    indent=size + m.px(12),
                    icon_size=size,
                    icon=_tick if done else (_arrow if current else None),
                )
            )
        if self.next_action() is None:
            blocks.append(
                Block(
                    self.app.text.render(
                        self._("All done! Now tell a trusted adult.")
                        if self.older
                        else self._("All done! Now tell a trusted grown-up."),
                        size,
                        theme.GOOD,
                        width,
                        bold=True,
                    ),
                    gap_before=m.pad,
                )
            )
        if self.hint:
            blocks.append(
                Block(
                    self.app.text.render(
                        self.hint, size, theme.FLAG, width - size - m.px(12), bold=True
                    ),
                    gap_before=m.pad,
                    indent=size + m.px(12),
                    icon_size=size,
                    icon=draw.bulb,
                )
            )
        return blocks

    def _rehearsal(self, width: int, scale: float) -> list[Block]:
        m = self.m
        words = " ".join(self.lt(o.id, o.text) for o in self.step.say if o.id in self.said)
        names = ", ".join(self._(ROLE_NAMES[r]) for r in self.adults)
        return [
            Block(
                self.app.text.render(
                    f"\u201c{words}\u201d", round(m.font(36) * scale), theme.INK, width, bold=True
                )
            ),
            Block(
                self.app.text.render(
                    self._("You could say this to: {people}.").format(people=names),
                    round(m.body * scale),
                    theme.INK_SOFT,
                    width,
                ),
                gap_before=m.pad,
            ),
            Block(
                self.app.text.render(
                    self._(
                        "If the first adult doesn't help, tell another "
                        "one. It's never too late to tell."
                    )
                    if self.older
                    else self._(
                        "If the first grown-up doesn't help, tell another "
                        "one. It's never too late to tell."
                    ),
                    round(m.body * scale),
                    theme.INK,
                    width,
                ),
                gap_before=m.px(10),
            ),
        ]


def _tick(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    pygame.draw.circle(surface, theme.GOOD, center, round(size * 0.5))
    draw.check(surface, center, round(size * 0.6), theme.WHITE)


def _box(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """An empty circle: a phrase not picked yet (the same for every phrase)."""
    pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.5), max(2, size // 10))


def _arrow(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.arrow(surface, center, size, theme.ACCENT)
