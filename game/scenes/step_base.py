"""What every lesson-step screen shares: the lesson, the session, and moving on.

When the session moves to a step of another kind (a chat beat, a story page, a
spot, sort, quiz or help-plan activity), :meth:`StepScene.follow` swaps in the
screen for that kind; when the lesson is over it opens the debrief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import pygame

from game.content.model import Choice, Lesson
from game.content.taxonomy import TACTICS
from game.scenes.base import Scene
from game.session import LessonSession, Phase
from game.ui import draw, theme
from game.ui.flow import Block
from game.ui.widgets import Button, IconFn

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line, LineMaker

S = TypeVar("S")
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3}

#: Per verdict of a choice: (heading colour, card colour, sound). "Okay" is neutral: not
#: the success green, and never red.
VERDICT_LOOK = theme.Themed(
    {
        "great": ("GOOD", "GOOD_BG", "good"),
        "okay": ("INK", "WHITE", "okay"),
        "unsafe": ("INK", "THINK_BG", "think"),
    }
)


class StepScene(Scene):
    """Base for screens that play one kind of lesson step."""

    #: The step type this screen plays (``chat``, ``story``, ...).
    step_type = ""

    def __init__(self, app: App, lesson: Lesson, session: LessonSession | None = None) -> None:  # noqa: D107
        super().__init__(app)
        self.lesson = lesson
        self.session = session or LessonSession(lesson)

    def lesson_title(self) -> str:
        """The lesson's own title, translated."""
        return self.app.tr.pgettext(f"{self.lesson.id}/title", self.lesson.title)

    def title(self) -> str:
        """The lesson title (marked as a preview or a class lesson for the teacher)."""
        title = self.lesson_title()
        if self.session.mode == "classroom":
            return self._("Classroom: {title}").format(title=title)
        if self.session.mode == "preview":
            return self._("Preview: {title}").format(title=title)
        return title

    # -- classroom: where the class is in the lesson ---------------------------------
    def step_progress(self) -> tuple[int, int] | None:
        """(step number, steps in all) in classroom mode; None for a child's own play.

        The number counts the steps the class went through to get here (after a "Go to
        step" jump, the shortest way from the start to where they jumped); the total adds
        the fewest steps left from here to an end. Taking a longer branch (a repair path)
        makes the total grow: it always describes the way the class is actually on.
        """
        if self.session.mode != "classroom":
            return None
        from game.content.routes import route_between, route_to

        path = self.session.path
        lead = route_to(self.lesson, path[0]) if path else None
        done = len(path) + (len(lead) - 1 if lead else 0)
        rest = route_between(self.lesson, self.session.step_id, None)
        return done, done + (len(rest) - 1 if rest else 0)

    def _progress_label(self) -> pygame.Surface | None:
        """'Step 4 of 11' for the strip under the header (None outside classroom mode)."""
        progress = self.step_progress()
        if progress is None:
            return None
        number = self.app.tr.number
        # TRANSLATORS: classroom mode, under the header: where the class is in the lesson.
        words = self._("Step {n} of {total}").format(
            n=number(progress[0]), total=number(progress[1])
        )
        return self.app.text.render(words, self.m.small, theme.INK, bold=True)

    def _progress_height(self) -> int:
        label = self._progress_label()
        return label.get_height() + self.m.pad // 2 if label else 0

    def content_rect(self) -> pygame.Rect:
        """The area below the header, and below the classroom step progress strip."""
        rect = super().content_rect()
        strip = self._progress_height()
        return pygame.Rect(rect.left, rect.top + strip, rect.width, max(0, rect.height - strip))

    def _draw_page_title(self, surface: pygame.Surface) -> None:
        """The page title, then (classroom mode) 'Step n of total' with a thin bar."""
        super()._draw_page_title(surface)
        label = self._progress_label()
        progress = self.step_progress()
        if label is None or progress is None:
            return
        m = self.m
        top = self.header_height() + self._title_h + m.pad // 4
        row = pygame.Rect(2 * m.pad, top, m.width - 4 * m.pad, label.get_height())
        surface.blit(label, self.start_pos(row, label, row.top))
        room = row.width - label.get_width() - m.pad
        if room < m.px(60):
            return  # no room for the bar: the words alone say it
        bar = pygame.Rect(0, 0, room, max(6, m.px(12)))
        bar.centery = row.centery
        bar.left = row.left if m.rtl else row.right - room
        done = round(bar.width * progress[0] / max(1, progress[1]))
        fill = pygame.Rect(bar.right - done if m.rtl else bar.left, bar.top, done, bar.height)
        pygame.draw.rect(surface, theme.WHITE, bar, border_radius=bar.height // 2)
        pygame.draw.rect(surface, theme.PRIMARY, fill, border_radius=bar.height // 2)
        pygame.draw.rect(surface, theme.OUTLINE, bar, 2, border_radius=bar.height // 2)

    def count_hands(self) -> None:
        """Classroom: open the show-of-hands tally for this step's choices.

        The choice the teacher goes with is then pressed here, as if picked directly.
        """
        from game.scenes.tally import TallyScene

        choices = [(c.id, self.lt(c.id, c.text)) for c in self.session.step.choice_list]
        self.app.push(TallyScene(self.app, choices), self._after_tally)

    def _after_tally(self, choice_id: str | None) -> None:
        """Play the class's choice (nothing happens after Back)."""
        if choice_id and self.session.phase is Phase.CHOOSING:
            self.on_button(f"choice:{choice_id}")

    def choosing_prompt(self) -> str:
        """The line over a chat's choices: the step's ``prompt``, else "What do you do?".

        In classroom mode a step without a prompt asks the class to vote.
        """
        step = self.session.step
        prompt = getattr(step, "prompt", None)
        if prompt:
            return self.lt(step.id, prompt)
        if self.session.mode == "classroom":
            return self._("Hands up: what should we do?")
        return self._("What do you do?")

    def step_as(self, kind: type[S]) -> S:
        """The current step, checked to be of the kind this screen plays."""
        step = self.session.step
        assert isinstance(step, kind), f"{type(self).__name__} cannot play {step.type} steps"
        return step

    def help_audience(self) -> str | None:
        """The lesson's own age group: a preview or class lesson shows that group's help."""
        return self.lesson.grade_band

    def lt(self, item_id: str, text: str) -> str:
        """Translate a lesson string by its stable id (help services named for the country)."""
        text = self.app.tr.pgettext(f"{self.lesson.id}/{item_id}", text)
        return self.app.fill_services(text, self.lesson.grade_band)

    # -- reading aloud -----------------------------------------------------------------
    @property
    def say(self) -> LineMaker:
        """Lines in the current language; lesson text names the country's help services."""
        from game.narration.lines import LineMaker

        band = self.lesson.grade_band
        return LineMaker(self.app.tr, lambda text: self.app.fill_services(text, band))

    def lesson_line(
        self, owner: str, field: str, source: str, *, key: str = "", shown: str | None = None
    ) -> Line:
        """A lesson string to read: *field* of item *owner* (its recorded clip can play)."""
        return self.say.lesson(self.lesson.id, owner, field, source, key=key, shown=shown)

    def narration(self) -> list[Line]:
        """The lesson's title on its first step only, then the step's own text."""
        lines = []
        if len(self.session.path) == 1 and self.session.mode != "classroom":
            lines.append(self.say.lesson(self.lesson.id, "title", "title", self.lesson.title))
        return lines + self.narration_body()

    def choice_lines(self) -> list[Line]:
        """Each choice of the step, after its number (keys 1-4 pick them)."""
        lines = []
        for index, choice in enumerate(self.session.step.choice_list):
            key = f"{self.session.step_id}/choice/{choice.id}"
            number = self.app.tr.number(index + 1)
            lines.append(self.say.plain(number, key=f"{key}/number", shown=""))
            lines.append(self.lesson_line(choice.id, "text", choice.text, key=key))
        return lines

    def feedback_lines(self, explain: bool = True) -> list[Line]:
        """After a choice: the verdict, the feedback, and each red flag of the step."""
        choice = self.session.chosen
        if choice is None:
            return []
        key = f"{self.session.step_id}/feedback"
        lines = [
            self.say.said(self.choice_heading(choice), key=f"{key}/heading"),
            self.lesson_line(choice.id, "feedback", choice.feedback, key=key),
        ]
        return lines + self.red_flag_lines(self.session.step_tactics(), key, explain)

    def red_flag_lines(self, codes: list[str], key: str, explain: bool = True) -> list[Line]:
        """'Red flag: <name>' (and what it means) for each tactic, as the screen shows them."""
        lines = []
        for code in codes:
            tactic = TACTICS[code]
            name = self._("Red flag: {name}").format(name=self._(tactic.name))
            lines.append(self.say.said(name, key=f"{key}/flag/{code}"))
            if explain:
                lines.append(self.say.ui(tactic.explain, key=f"{key}/flag/{code}/explain"))
        return lines

    def numbered_lines(self, prefix: str) -> list[Line]:
        """The labels of this screen's buttons whose keys start with *prefix*, numbered."""
        lines = []
        options = [b for b in self.buttons if b.key.startswith(prefix)]
        for index, button in enumerate(options):
            key = f"{self.session.step_id}/{button.key}"
            number = self.app.tr.number(index + 1)
            lines.append(self.say.plain(number, key=f"{key}/number", shown=""))
            lines.append(self.say.said(button.label, key=key))
        return lines

    def spoken_button(self, button: Button) -> list[Line]:
        """A choice is read with its number; other buttons by their words."""
        if button.key.startswith("choice:"):
            ids = [c.id for c in self.session.step.choice_list]
            choice_id = button.key.split(":", 1)[1]
            if choice_id in ids:
                choice = self.session.step.choice_list[ids.index(choice_id)]
                number = self.app.tr.number(ids.index(choice_id) + 1)
                return [
                    self.say.plain(number, shown=""),
                    self.lesson_line(choice.id, "text", choice.text, shown=button.label),
                ]
        return super().spoken_button(button)

    def follow(self) -> bool:
        """Open the debrief or another step screen if the session moved there.

        Returns True when this screen was replaced. In classroom mode a pause point
        after the step just left opens on top.
        """
        pause = self.session.take_pause()
        replaced = False
        if self.session.step.type != self.step_type:
            self.app.replace(scene_for(self.app, self.lesson, self.session))
            replaced = True
        elif self.session.phase is Phase.FINISHED and self.step_type not in ("chat", "story"):
            self.finish_lesson()
            replaced = True
        if pause:
            self._pause(pause)
        return replaced

    def _pause(self, step_id: str) -> None:
        from game.scenes.pause import PauseScene

        self.app.push(PauseScene(self.app, self.lesson, step_id))

    def finish_lesson(self) -> None:
        """Open the debrief for this play of the lesson (after a last pause point, if any)."""
        from game.scenes.debrief import DebriefScene

        self.app.sound.play("done")
        pause = self.session.take_pause(include_current=True)
        self.app.replace(DebriefScene(self.app, self.session))
        if pause:
            self._pause(pause)

    # -- choices and their feedback ---------------------------------------------
    def choice_heading(self, choice: Choice) -> str:
        """The feedback heading: the best move, fine but not the best, or unsafe."""
        return {
            "great": self._("Great choice!"),
            "okay": self._("Okay, but…"),
            "unsafe": self._("Let's think about that"),
        }[choice.verdict]

    def choice_sound(self, choice: Choice) -> None:
        """Play the sound that matches the verdict of *choice*."""
        self.app.sound.play(VERDICT_LOOK[choice.verdict][2])

    def choice_heading_block(self, choice: Choice, width: int, scale: float) -> Block:
        """The verdict heading with its icon: a star, a tick, or a light bulb (never a cross)."""
        m = self.m
        icon = round(m.font(44) * scale)
        ink = VERDICT_LOOK[choice.verdict][0]
        label = self.app.text.render(
            self.choice_heading(choice),
            round(m.font(32) * scale),
            ink,
            width - icon - m.px(12),
            bold=True,
        )
        badge = {"great": _star_badge, "okay": _okay_badge, "unsafe": draw.bulb}[choice.verdict]
        return Block(label, indent=icon + m.px(12), icon=badge, icon_size=icon)

    def choice_buttons(self, rect: pygame.Rect, text_size: int, gap: int) -> list[Button]:
        """The step's choices, stacked from *rect*'s top: one style and one size for all.

        Nothing but the words tells them apart: not colour, not size, not an icon (an
        action and a reply look the same), so the safe answer is never given away.
        """
        buttons = [
            Button(
                f"choice:{choice.id}",
                self.lt(choice.id, choice.text),
                pygame.Rect(rect.left, rect.top, rect.width, self.m.button_h),
                "choice",
                align="left",
                bold=False,
                icon=_number_icon(self.app, index + 1),
                text_size=text_size,
            )
            for index, choice in enumerate(self.session.step.choice_list)
        ]
        height = max((b.needed_height(self.app.text, self.m) for b in buttons), default=0)
        y = rect.top
        for button in buttons:
            button.rect.update(rect.left, y, rect.width, height)
            y += height + gap
        return buttons

    # -- leaving part-way ---------------------------------------------------------
    def press(self, key: str) -> None:
        """Back (or Escape) asks before leaving the lesson; a teacher's preview just goes."""
        if key == "back" and self.session.mode != "preview":
            self.app.sound.play("tap")
            self.ask_to_leave()
            return
        super().press(key)

    def ask_to_leave(self) -> None:
        """'Leave this mission?' over the lesson: carry on (the default), or leave.

        In classroom mode the teacher may also jump to another step.
        """
        from game.scenes.ask import AskScene

        options = [("carry", self._("Carry on playing"))]
        if self.session.mode == "classroom":
            options.append(("steps", self._("Go to step")))
        options.append(("leave", self._("Leave")))
        ask = AskScene(
            self.app,
            self._("Leave this mission?"),
            self._("You can carry on later."),
            options,
            cancel="carry",
            behind=self,
        )
        self.app.push(ask, self._after_leave_question)

    def _after_leave_question(self, answer: str | None) -> None:
        if answer == "leave":
            from game.resume import save_resume

            save_resume(self.app, self.session)
            self.app.pop()
        elif answer == "steps":
            from game.scenes.go_to_step import GoToStepScene

            steps = GoToStepScene(self.app, self.lesson, self.session.step_id)
            self.app.push(steps, self._go_to)

    def _go_to(self, step_id: str | None) -> None:
        """Jump to the step the teacher picked (nothing happens if none was)."""
        if step_id:
            self.session.jump_to(step_id)
            self.app.replace(scene_for(self.app, self.lesson, self.session))

    def verdict_block(
        self, right: bool, heading: str, width: int, scale: float, gap_before: int = 0
    ) -> Block:
        """A bold heading with a star (right) or a light bulb (let's think again)."""
        m = self.m
        icon = round(m.font(40) * scale)
        label = self.app.text.render(
            heading, round(m.font(30) * scale), theme.INK, width - icon - m.px(12), bold=True
        )
        if right:

            def badge(s: pygame.Surface, c: tuple[int, int], z: int) -> None:
                draw.star(s, c, z, theme.ACCENT, theme.INK)
        else:
            badge = draw.bulb
        return Block(
            label, gap_before=gap_before, indent=icon + m.px(12), icon_size=icon, icon=badge
        )

    def end_half(self, rect: pygame.Rect) -> pygame.Rect:
        """Trim a way on's *rect* so it stays on the end half of the window.

        The debrief's buttons sit on the start half: a double click on Continue or Finish
        can then never land on them.
        """
        middle = self.m.width // 2 + self.m.pad // 2
        if rect.left < middle < rect.right:
            rect.update(middle, rect.top, rect.right - middle, rect.height)
        return rect

    def end_side(self, button: Button, area: pygame.Rect, top: int) -> Button:
        """Put a way-on button (Continue, Finish, Done) on the end half of *area* at *top*.

        As tall as its label needs. The debrief's buttons sit on the start half, so a
        double click on a way on never lands on them, however the page scrolls.
        """
        m = self.m
        half = (area.width - m.pad) // 2
        button.rect.update(area.right - half, top, half, m.button_h)
        if not button.fits_words(self.app.text, m):
            button.rect.update(area.left, top, area.width, m.button_h)
        button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
        return button

    def continue_button(
        self, rect: pygame.Rect, label: str | None = None, key: str = "next"
    ) -> Button:
        """The big 'Continue' button with an arrow."""
        return Button(
            key,
            label or self._("Continue"),
            rect,
            "primary",
            icon=lambda s, c, z, f=self.m.forward: draw.arrow(s, c, z, theme.WHITE, f),
            text_size=self.m.font(30),
        )

    def red_flag_blocks(
        self, codes: list[str], width: int, scale: float, explain: bool = True
    ) -> list[Block]:
        """'Red flag: <name>' with a flag icon (and a one-line explanation), per tactic."""
        m = self.m
        text = self.app.text
        small = round(m.small * scale)
        flag_w = round(max(m.px(28), m.small) * scale)
        blocks = []
        for code in codes:
            tactic = TACTICS[code]
            name = self._("Red flag: {name}").format(name=self._(tactic.name))
            blocks.append(
                Block(
                    text.render(name, small, theme.FLAG, width - flag_w - m.px(12), bold=True),
                    gap_before=m.px(14 if explain else 8),
                    indent=flag_w + m.px(12),
                    icon_size=flag_w,
                    icon=lambda s, c, z: draw.flag(s, c, z, theme.FLAG),
                )
            )
            if not explain:
                continue
            blocks.append(
                Block(
                    text.render(
                        self._(tactic.explain), small, theme.INK, width - flag_w - m.px(12)
                    ),
                    indent=flag_w + m.px(12),
                )
            )
        return blocks

    def number_key(self, event: pygame.event.Event, prefix: tuple[str, ...]) -> None:
        """Keys 1-4 press the first four buttons whose key starts with *prefix*."""
        if event.key in NUMBER_KEYS:
            keys = [b.key for b in self.buttons if b.key.startswith(prefix)]
            index = NUMBER_KEYS[event.key]
            if index < len(keys):
                self.press(keys[index])


def scene_for(app: App, lesson: Lesson, session: LessonSession | None = None) -> StepScene:
    """The screen that plays the session's current step (a new play when *session* is None)."""
    from game.scenes.chat import ChatScene
    from game.scenes.help_plan import HelpPlanScene
    from game.scenes.privacy import PrivacyScene
    from game.scenes.quiz import QuizScene
    from game.scenes.reply import ReplyScene
    from game.scenes.sort import SortScene
    from game.scenes.spot import SpotScene
    from game.scenes.story import StoryScene

    session = session or LessonSession(lesson)
    kinds: dict[str, type[StepScene]] = {
        "chat": ChatScene,
        "story": StoryScene,
        "spot": SpotScene,
        "sort": SortScene,
        "quiz": QuizScene,
        "help_plan": HelpPlanScene,
        "reply": ReplyScene,
        "privacy": PrivacyScene,
    }
    return kinds[session.step.type](app, lesson, session)


def _star_badge(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.star(surface, center, size, theme.ACCENT, theme.INK)


def _okay_badge(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A tick in a calm blue circle: fine, but not the success star."""
    pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.42))
    draw.check(surface, center, round(size * 0.5), theme.WHITE)


def _number_icon(app: App, number: int) -> IconFn:
    """A choice's number in a circle (keys 1-4 pick it), the same for every choice."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.5))
        glyph = app.text.render(str(number), round(size * 0.7), theme.WHITE, bold=True)
        surface.blit(glyph, glyph.get_rect(center=center))

    return paint
