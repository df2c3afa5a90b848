"""The end of a mission: key message, the band's response steps and reassurance."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.taxonomy import TACTICS, response_sequence
from game.scenes.base import Scene
from game.session import LessonSession
from game.stars import possible_stars, stars_text
from game.ui import draw, scout_faces, theme
from game.ui.confetti import CONFETTI_MS, Confetti
from game.ui.flow import READABLE, Block, card_height, card_row
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


class DebriefScene(Scene):
    """Shown after the last step; saves progress once."""

    def __init__(self, app, session: LessonSession) -> None:  # noqa: D107
        super().__init__(app)
        self.session = session
        self.lesson = session.lesson
        self.remember_rect = pygame.Rect(0, 0, 0, 0)
        self.score_rect = pygame.Rect(0, 0, 0, 0)
        #: The celebration when the mission ends (None: not started; nothing with reduced motion).
        self.confetti: Confetti | None = None
        self._confetti_over = False
        #: Badges this play earned that the child did not have (shown on leaving, once).
        self.new_badges: list[str] = []
        self._badges_shown = False

    def enter(self) -> None:
        """Record a child's finished mission in the progress file, then lay out.

        A teacher's preview or a classroom lesson is not recorded. A place kept from an
        earlier, unfinished play of the lesson is forgotten: it has been finished now.
        """
        progress = self.app.profile.progress
        mode = self.session.mode
        finished_part_way = mode in ("play", "classroom") and (
            progress.resume_point(self.lesson.id, mode) is not None
        )
        if finished_part_way:
            progress.set_resume(self.lesson.id, mode, None)
        if self.session.records_progress:
            self._record_and_find_badges()
        if self.session.records_progress or finished_part_way:
            self.app.profile.save_progress()
        super().enter()
        if self.confetti is None:  # once: not again when coming back from Help
            self.confetti = Confetti(
                self.app.motion.tween(CONFETTI_MS, lambda: self.app.guard.clock())
            )

    def _record_and_find_badges(self) -> None:
        """Record the play, noting the badges it earned (as the badges screen counts them)."""
        from game.scenes.badges import earned_skills
        from game.scenes.new_badge import new_badges

        band = self.app.profile.settings.band or self.lesson.grade_band
        before = earned_skills(self.app, band)
        self.app.profile.progress.record(self.lesson.id, self.session.stars, self.session.skills)
        self.new_badges = new_badges(before, earned_skills(self.app, band))

    def press(self, key: str) -> None:
        """Leaving with new badges (More missions, Play again, Back) shows them first, once.

        The debrief itself always shows first; Continue on the badges then goes on with
        what the child pressed here.
        """
        if key in ("missions", "again", "back") and self.new_badges and not self._badges_shown:
            from game.scenes.new_badge import NewBadgeScene

            self._badges_shown = True
            self.app.sound.play("select")
            self.app.push(NewBadgeScene(self.app, self.new_badges), lambda _: self.press(key))
            return
        super().press(key)

    @property
    def animating(self) -> bool:
        """True while the confetti falls (never with reduced motion: Scout's star stays).

        When it has just ended the screen is drawn once more, without it.
        """
        if self.confetti is None or self._confetti_over:
            return False
        if self.confetti.active:
            return True
        self._confetti_over = True
        self.dirty = True
        return False

    def handle(self, event: pygame.event.Event) -> None:
        """Any press ends the confetti at once, then does what it always does (never waits)."""
        if self.animating and event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN):
            assert self.confetti is not None
            self.confetti.tween.finish()
            self.dirty = True
        super().handle(event)

    def draw(self, surface: pygame.Surface) -> None:
        """The screen, with the confetti over it while it falls."""
        super().draw(surface)
        if self.confetti is not None:
            self.confetti.draw(surface)

    def help_audience(self) -> str | None:
        """The lesson's own age group (a class lesson may not be the settings' group)."""
        return self.lesson.grade_band

    def title(self) -> str:
        """Header title."""
        return self._("Mission complete!")

    def build(self) -> None:
        """The two cards, and More missions / Play again under the first one.

        The buttons sit on the start side, never where a step's Continue or Finish
        button was (those are on the end side): a double click on Finish lands on the
        "what to remember" card, not on a button that skips it.
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.remember_rect = pygame.Rect(
            area.left, area.top, round(area.width * 0.56), area.height - m.button_h - m.pad
        )
        self.score_rect = pygame.Rect(
            self.remember_rect.right + m.pad,
            area.top,
            area.right - self.remember_rect.right - m.pad,
            area.height,
        )
        row = min(self.remember_rect.width, area.width // 2 - m.pad)
        width = (row - m.pad) // 2
        y = area.bottom - m.button_h
        self.buttons = [
            Button(
                "missions",
                self._("More missions"),
                pygame.Rect(area.left, y, width, m.button_h),
                "primary",
            ),
            Button(
                "again",
                self._("Play again"),
                pygame.Rect(area.left + width + m.pad, y, width, m.button_h),
                "secondary",
            ),
        ]
        if self._cards_fit():
            return
        inner = min(self.remember_rect.width, self.score_rect.width) - 2 * m.pad
        if inner >= READABLE * m.body and all(b.label_fits(self.app.text, m) for b in self.buttons):
            # The cards still read well side by side: they grow down the page, and the
            # buttons follow the first one.
            self.remember_rect.height = max(
                self.remember_rect.height,
                card_height(m, self.remember_rect.width, self._lesson_blocks),
            )
            self.score_rect.height = max(
                self.score_rect.height, card_height(m, self.score_rect.width, self._score_blocks)
            )
            for button in self.buttons:
                button.rect.top = self.remember_rect.bottom + m.pad
            return
        # Large text: what to remember, then what was earned, then the buttons, one
        # under another across the window (the page scrolls).
        self.remember_rect = pygame.Rect(area.left, area.top, area.width, 0)
        self.remember_rect.height = card_height(m, area.width, self._lesson_blocks)
        self.score_rect = pygame.Rect(area.left, self.remember_rect.bottom + m.pad, area.width, 0)
        self.score_rect.height = card_height(m, area.width, self._score_blocks)
        # The start half only: a step's way on (Continue, Finish) is on the end half.
        half = (area.width - m.pad) // 2
        y = self.score_rect.bottom + m.pad
        for button in self.buttons:
            button.rect.update(area.left, y, half, m.button_h)
            if not button.fits_words(self.app.text, m):
                button.rect.width = area.width
            button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
            y = button.rect.bottom + m.pad

    def _cards_fit(self) -> bool:
        """True when both cards and both buttons fit side by side at full size."""
        m = self.m
        text = self.app.text
        return (
            card_height(m, self.remember_rect.width, self._lesson_blocks)
            <= self.remember_rect.height
            and card_height(m, self.score_rect.width, self._score_blocks) <= self.score_rect.height
            and all(
                b.label_fits(text, m)
                for b in self.buttons
            )
        )

    def first_focus(self) -> int:
        """Nothing is focused at first, so a key pressed again and again cannot leave (Tab can)."""
        return -1

    def on_button(self, key: str) -> None:
        """Replay the lesson (the same way: play, preview or classroom) or return to the list."""
        if key == "again":
            from game.scenes.step_base import scene_for

            replay = LessonSession(self.lesson, mode=self.session.mode)
            self.app.replace(scene_for(self.app, self.lesson, replay))
        elif key == "missions":
            from game.scenes.check import after_lesson

            after_lesson(self.app, self.lesson, self)

    def narration_body(self) -> list[Line]:
        """What to remember (key message, the response steps, reassurance), then the score."""
        from game.narration.lines import LineMaker

        band = self.lesson.grade_band
        say = LineMaker(self.app.tr, lambda text: self.app.fill_services(text, band))
        lines = [
            say.lesson(self.lesson.id, "key_message", "key_message", self.lesson.key_message),
            say.ui("Remember:"),
        ]
        steps = response_sequence(band, self.lesson.sensitivity_level)
        lines += [say.ui(step) for step in steps]
        if self.lesson.sensitivity_level >= 2:
            lines += [
                say.ui("It's not your fault."),
                say.ui("You won't be in trouble for telling."),
                say.ui("It's never too late to tell."),
            ]
        stars = sum(self.session.stars.values())
        lines.append(
            say.said(
                stars_text(self.app.tr, stars, possible_stars(self.lesson))
            )
        )
        spotted = self.session.flags_spotted()
        if spotted:
            lines.append(say.ui("Red flags you learned to spot:"))
            lines += [say.ui(TACTICS[code].name) for code in spotted]
        return lines

    def _lesson_blocks(self, width: int, scale: float) -> list[Block]:
        """Key message, the band's response steps and the reassurance lines."""
        m = self.m
        text = self.app.text
        icon = round(m.px(64) * scale)
        key_message = self.app.fill_services(
            self.app.tr.pgettext(f"{self.lesson.id}/key_message", self.lesson.key_message),
            self.lesson.grade_band,
        )
        blocks = [
            Block(
                text.render(
                    key_message,
                    round(m.font(30) * scale),
                    theme.INK,
                    width - icon - m.pad,
                    bold=True,
                ),
                indent=icon + m.pad,
                icon=lambda s, c, z: scout_faces.scout(s, c, z, "proud"),
                icon_size=icon,
            ),
            Block(
                text.render(
                    self._("Remember:"), round(m.body * scale), theme.INK_SOFT, width, bold=True
                ),
                gap_before=m.pad,
            ),
            Block(self._sequence(width, scale), gap_before=m.px(8)),
        ]
        if self.lesson.sensitivity_level >= 2:
            size = round(m.font(22) * scale)
            for index, line in enumerate(
                (
                    self._("It's not your fault."),
                    self._("You won't be in trouble for telling."),
                    self._("It's never too late to tell."),
                )
            ):
                blocks.append(
                    Block(
                        text.render(line, size, theme.INK, width - size - m.px(10)),
                        gap_before=m.pad if index == 0 else m.px(4),
                        indent=size + m.px(10),
                        icon=lambda s, c, z: draw.check(s, c, z, theme.GOOD),
                        icon_size=size,
                    )
                )
        return blocks

    def _score_blocks(self, width: int, scale: float) -> list[Block]:
        """Stars earned and the red flags met in this play."""
        m = self.m
        text = self.app.text
        stars = sum(self.session.stars.values())
        star = round(m.px(46) * scale)
        blocks = [
            Block(
                text.render(
                    stars_text(self.app.tr, stars, possible_stars(self.lesson)),
                    round(m.font(30) * scale),
                    theme.INK,
                    width - star - m.px(12),
                    bold=True,
                ),
                indent=star + m.px(12),
                icon_size=star,
                icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            )
        ]
        spotted = self.session.flags_spotted()
        if spotted:
            blocks.append(
                Block(
                    text.render(
                        self._("Red flags you learned to spot:"),
                        round(m.body * scale),
                        theme.INK_SOFT,
                        width,
                        bold=True,
                    ),
                    gap_before=m.pad,
                )
            )
        flag = round(m.px(26) * scale)
        for code in spotted:
            blocks.append(
                Block(
                    text.render(
                        self._(TACTICS[code].name),
                        round(m.small * scale),
                        theme.FLAG,
                        width - flag - m.px(12),
                        bold=True,
                    ),
                    gap_before=m.px(8),
                    indent=flag + m.px(12),
                    icon_size=flag,
                    icon=lambda s, c, z: draw.flag(s, c, z, theme.FLAG),
                )
            )
        return blocks

    def draw_content(self, surface: pygame.Surface) -> None:
        """Two cards: what to remember, and what was earned."""
        m = self.m
        card_row(surface, self.remember_rect, m, [(1.0, theme.SCOUT_BG, self._lesson_blocks)])
        card_row(surface, self.score_rect, m, [(1.0, theme.WHITE, self._score_blocks)])

    def _sequence(self, width: int, scale: float) -> pygame.Surface:
        """The band's response steps as chips joined by arrows, wrapping onto new rows."""
        m = self.m
        steps = response_sequence(self.lesson.grade_band, self.lesson.sensitivity_level)
        arrow_w = round(m.px(30) * scale)
        labels = [
            self.app.text.render(
                self._(step), round(m.small * scale), theme.WHITE, width - m.px(24), bold=True
            )
            for step in steps
        ]
        places = []
        x = y = row_h = 0
        for index, label in enumerate(labels):
            chip = pygame.Rect(0, 0, label.get_width() + m.px(24), label.get_height() + m.px(12))
            needed = chip.width + (arrow_w if index < len(labels) - 1 else 0)
            if x and x + needed > width:
                x, y = 0, y + row_h + m.px(10)
            chip.topleft = (x, y)
            places.append(chip)
            x = chip.right + arrow_w
            row_h = chip.height
        out = pygame.Surface((width, y + row_h), pygame.SRCALPHA)
        for index, (chip, label) in enumerate(zip(places, labels, strict=True)):
            after = chip.right + arrow_w // 2
            if m.rtl:  # read right to left: mirror the chips and point the arrows left
                chip.x = width - chip.right
                after = chip.left - arrow_w // 2
            pygame.draw.rect(out, theme.PRIMARY, chip, border_radius=chip.height // 2)
            out.blit(label, (chip.left + m.px(12), chip.top + m.px(6)))
            if index < len(labels) - 1:
                draw.arrow(
                    out, (after, chip.centery), round(m.px(20) * scale), theme.ACCENT, m.forward
                )
        return out
