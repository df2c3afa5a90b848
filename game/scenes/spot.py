"""Spot the red flag: select the red-flag messages in a finished conversation, then check.

Every message gets feedback: a red flag names its tactic, a fine message says why it
is fine. Stars for each red flag spotted; a false alarm gets a kind note, never a loss.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import SpotStep
from game.content.taxonomy import TACTICS
from game.i18n import N_
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import READABLE, Block, card_height, card_row
from game.ui.layout import split
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


#: How much of the width the messages take beside the panel, narrowest first.
FEED_SHARES = (0.6, 0.68)


class SpotScene(StepScene):
    """One spot-the-red-flag activity."""

    step_type = "spot"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.marked: set[str] = set()
        self.checked = False

    @property
    def step(self) -> SpotStep:
        """The spot step being played."""
        return self.step_as(SpotStep)

    def _setting_title(self) -> str:
        names = {
            "chat": self._("Chat"),
            "lobby": self._("Game lobby"),
            "comments": self._("Comments"),
            "requests": self._("Message requests"),
        }
        return names[self.step.setting]

    def build(self) -> None:
        """One row button per message on the left; Check or Continue on the right.

        When the messages or the panel do not fit side by side at full size (large
        text), everything goes one under another across the window: the task, the
        messages, then the button (the page scrolls).
        """
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        for share in FEED_SHARES:  # a wider feed before the panel goes under it
            feed, self.panel = split(area, share, 2 * m.pad)
            top = feed.top + self._feed_title().get_height() + m.px(30)
            rows = self._rows(feed, top, 1.0)
            bottom = pygame.Rect(
                self.panel.left, self.panel.bottom - m.button_h, self.panel.width, m.button_h
            )
            if self.checked:
                button = self.continue_button(bottom)
            else:
                button = Button(
                    "check", self._("Check my answers"), bottom, "primary", text_size=m.font(28)
                )
            panel_room = self.panel.height - m.button_h - m.pad
            fits = (
                rows[-1].rect.bottom <= feed.bottom
                and card_height(m, self.panel.width, self._panel_blocks) <= panel_room
                and button.label_fits(self.app.text, m)
            )
            if fits:
                break
        self.panel_card = pygame.Rect(self.panel.left, self.panel.top, self.panel.width, panel_room)
        self.feed_top = feed.top
        if not fits and feed.width >= READABLE * m.body:
            # Messages still read well in their column: they run on down the page, with
            # the task and the button beside them.
            card_h = card_height(m, self.panel.width, self._panel_blocks)
            self.panel_card.height = max(panel_room, card_h)
            bottom.update(self.panel.left, self.panel_card.bottom + m.pad, self.panel.width, 0)
            bottom.height = max(m.button_h, button.needed_height(self.app.text, m))
        elif not fits:  # large text: the task, the messages and the button one under another
            card_h = card_height(m, area.width, self._panel_blocks)
            self.panel_card = pygame.Rect(area.left, area.top, area.width, card_h)
            self.feed_top = self.panel_card.bottom + m.pad
            top = self.feed_top + self._feed_title().get_height() + m.px(30)
            rows = self._rows(area, top, 1.0)
            self.end_side(button, area, rows[-1].rect.bottom + m.pad)
        self.buttons.extend(rows)
        self.buttons.append(button)

    def _feed_title(self) -> pygame.Surface:
        m = self.m
        return self.app.text.render(self._setting_title(), m.body, theme.INK_SOFT, bold=True)

    def _rows(self, feed: pygame.Rect, top: int, scale: float) -> list[Button]:
        m = self.m
        rows = []
        y = top
        size = round(m.body * scale)
        for message in self.step.messages:
            marked = message.id in self.marked
            label = f"{message.sender}:  {self.lt(message.id, message.text)}"
            sublabel, icon = self._row_feedback(message, marked)
            row = Button(
                f"spot:{message.id}",
                label,
                pygame.Rect(feed.left, y, feed.width, m.button_h),
                "selected" if marked and not self.checked else "choice",
                align="left",
                bold=False,
                text_size=size,
                sublabel=sublabel,
                icon=icon,
                icon_scale=1.0,
            )
            row.rect.height = row.needed_height(self.app.text, m)
            rows.append(row)
            y += row.rect.height + m.px(10)
        return rows

    def _row_feedback(self, message, marked: bool):
        """The line under a message (and its icon): the mark, or the verdict after checking."""
        if not self.checked:
            if marked:
                return self._("Marked as a red flag"), _flag_icon
            return "", None
        if message.tactic:
            name = self._(TACTICS[message.tactic].name)
            if marked:
                return self._("You spotted it! Red flag: {name}").format(name=name), _star_icon
            return self._("This one was a red flag too: {name}").format(name=name), _flag_icon
        why = self.lt(message.id, message.why_ok or "")
        if marked:
            return self._("Good to be careful! This one is OK: {why}").format(why=why), _ok_icon
        return self._("OK: {why}").format(why=why), _ok_icon

    def narration_body(self) -> list[Line]:
        """The task, then each message with who sent it; after checking, the score and why."""
        step, say = self.step, self.say
        flags = sum(1 for msg in step.messages if msg.tactic)
        lines = [say.said(self._setting_title(), key="setting")]
        if self.checked:
            hits = self.app.tr.ngettext(
                "You spotted {hits} of {n} red flag", "You spotted {hits} of {n} red flags", flags
            ).format(hits=self.app.tr.number(self.hits()), n=self.app.tr.number(flags))
            lines.append(say.said(hits, key="checked/score"))
            false_alarms = any(not m.tactic and m.id in self.marked for m in step.messages)
            note = (
                "Careful checking is a good habit, even when a message turns out to be fine."
                if false_alarms
                else "Red flags are about what people ask for, not who they are."
            )
            lines.append(say.ui(note, key="checked/note"))
        else:
            lines += [
                self.lesson_line(step.id, "prompt", step.prompt, key="prompt"),
                say.ui(
                    "Press a message to mark it. Press it again to unmark it. "
                    "Then check your answers."
                ),
            ]
        rows = {b.key: b for b in self.buttons}
        for message in step.messages:
            row = rows.get(f"spot:{message.id}")
            shown = row.label if row else None
            who = N_("{name} says:")
            lines.append(say.ui(who, key=f"{message.id}/who", name=message.sender))
            lines.append(
                self.lesson_line(message.id, "text", message.text, key=message.id, shown=shown)
            )
            if row and row.sublabel:
                state = "checked" if self.checked else "marked"
                lines.append(say.said(row.sublabel, key=f"{message.id}/{state}"))
        return lines

    def on_button(self, key: str) -> None:
        """Toggle a mark, check the answers, or go on."""
        if key.startswith("spot:") and not self.checked:
            message_id = key.split(":", 1)[1]
            self.marked ^= {message_id}
        elif key == "check":
            self.checked = True
            self.app.sound.play("good" if self.hits() else "think")
        elif key == "next" and self.checked:
            stars: dict[str, int] = {}
            for message in self.step.messages:
                if message.tactic and message.id in self.marked:
                    stars[message.tactic] = stars.get(message.tactic, 0) + 1
            met = [msg.tactic for msg in self.step.messages if msg.tactic]
            self.session.finish_activity(stars, met=met)
            if self.follow():
                return
        self.relayout()
        if self.checked:
            self.focus_on("next")

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-4 toggle the first four messages."""
        self.number_key(event, ("spot:",))

    def hits(self) -> int:
        """Red flags marked."""
        return sum(1 for m in self.step.messages if m.tactic and m.id in self.marked)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The feed's title and the panel with the prompt or the score."""
        m = self.m
        feed_title = self._feed_title()
        surface.blit(
            feed_title,
            self.start_pos(self.content_rect().inflate(-2 * m.pad, 0), feed_title, self.feed_top),
        )
        card_row(surface, self.panel_card, m, [(1.0, theme.SCOUT_BG, self._panel_blocks)])

    def _panel_blocks(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        flags = sum(1 for msg in self.step.messages if msg.tactic)
        if not self.checked:
            return [
                Block(
                    text.render(
                        self.lt(self.step.id, self.step.prompt),
                        round(m.font(28) * scale),
                        theme.INK,
                        width,
                        bold=True,
                    )
                ),
                Block(
                    text.render(
                        self._(
                            "Press a message to mark it. Press it again to "
                            "unmark it. Then check your answers."
                        ),
                        round(m.small * scale),
                        theme.INK_SOFT,
                        width,
                    ),
                    gap_before=m.px(12),
                ),
            ]
        hits = self.hits()
        false_alarms = sum(
            1 for msg in self.step.messages if not msg.tactic and msg.id in self.marked
        )
        star = round(m.px(40) * scale)
        blocks = [
            Block(
                text.render(
                    self.app.tr.ngettext(
                        "You spotted {hits} of {n} red flag",
                        "You spotted {hits} of {n} red flags",
                        flags,
                    ).format(hits=self.app.tr.number(hits), n=self.app.tr.number(flags)),
                    round(m.font(28) * scale),
                    theme.INK,
                    width - star - m.px(12),
                    bold=True,
                ),
                indent=star + m.px(12),
                icon=_star_icon,
                icon_size=star,
            )
        ]
        note = (
            self._("Careful checking is a good habit, even when a message turns out to be fine.")
            if false_alarms
            else self._("Red flags are about what people ask for, not who they are.")
        )
        blocks.append(
            Block(text.render(note, round(m.small * scale), theme.INK, width), gap_before=m.px(12))
        )
        return blocks


def _flag_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.flag(surface, center, size, theme.FLAG)


def _star_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.star(surface, center, size, theme.ACCENT, theme.INK)


def _ok_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    draw.check(surface, center, size, theme.GOOD)
