"""What every lesson-step screen shares: the lesson, the session, and moving on.

When the session moves to a step of another kind (a chat beat, a story page, a
spot, sort, quiz or help-plan activity), :meth:`StepScene.follow` swaps in the
screen for that kind; when the lesson is over it opens the debrief.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

import pygame

from game.content.model import Lesson
from game.content.taxonomy import TACTICS
from game.scenes.base import Scene
from game.session import LessonSession, Phase
from game.ui import draw, theme
from game.ui.flow import Block
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.app import App

S = TypeVar("S")
NUMBER_KEYS = {pygame.K_1: 0, pygame.K_2: 1, pygame.K_3: 2, pygame.K_4: 3}


class StepScene(Scene):
    """Base for screens that play one kind of lesson step."""

    #: The step type this screen plays (``chat``, ``story``, ...).
    step_type = ""

    def __init__(self, app: App, lesson: Lesson, session: LessonSession | None = None) -> None:  # noqa: D107
        super().__init__(app)
        self.lesson = lesson
        self.session = session or LessonSession(lesson)

    def title(self) -> str:
        """The lesson title (marked as a preview or a class lesson for the teacher)."""
        title = self.app.tr.pgettext(f"{self.lesson.id}/title", self.lesson.title)
        if self.session.mode == "classroom":
            return self._("Classroom: {title}").format(title=title)
        if self.session.mode == "preview":
            return self._("Preview: {title}").format(title=title)
        return title

    def choosing_prompt(self) -> str:
        """The line over a chat's choices; in classroom mode it asks the class to vote."""
        if self.session.mode == "classroom":
            return self._("Hands up: what should we do?")
        return self._("What do you do?")

    def step_as(self, kind: type[S]) -> S:
        """The current step, checked to be of the kind this screen plays."""
        step = self.session.step
        assert isinstance(step, kind), f"{type(self).__name__} cannot play {step.type} steps"
        return step

    def lt(self, item_id: str, text: str) -> str:
        """Translate a lesson string by its stable id."""
        return self.app.tr.pgettext(f"{self.lesson.id}/{item_id}", text)

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
        flag_w = round(m.px(28) * scale)
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
    from game.scenes.quiz import QuizScene
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
    }
    return kinds[session.step.type](app, lesson, session)
