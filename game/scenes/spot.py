"""Spot the red flag: select the red-flag messages in a finished conversation, then check.

Every message gets feedback: a red flag names its tactic, a fine message says why it
is fine. Stars for each red flag spotted; a false alarm gets a kind note, never a loss.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game.content.model import SpotStep
from game.content.taxonomy import TACTICS
from game.i18n import N_
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import READABLE, Block, card_height, card_row
from game.ui.fly import along_arc, bump, phase, pop, scaled_icon, zoom
from game.ui.layout import split
from game.ui.motion import Tween
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


#: How much of the width the messages take beside the panel, narrowest first.
FEED_SHARES = (0.6, 0.68)
#: A message just marked or unmarked: its row bumps and its flag pops in (ms).
MARK_MS = 240
#: After "Check my answers": the time between two rows showing their verdict (ms) ...
REVEAL_GAP_MS = 110
#: ... how long each row's verdict takes to pop in (ms) ...
ROW_POP_MS = 240
#: ... how long a star takes to fly from a spotted red flag to the counter (ms) ...
STAR_FLY_MS = 480
#: ... and how long the counter bumps as a star lands (ms).
COUNTER_BUMP_MS = 200


class SpotScene(StepScene):
    """One spot-the-red-flag activity."""

    step_type = "spot"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.marked: set[str] = set()
        self.checked = False
        #: The row just marked or unmarked, while it pops (None at rest).
        self._mark: _Mark | None = None
        #: The verdicts being shown row after row, stars flying (None at rest).
        self._reveal: Tween | None = None

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
        mark = reveal = False
        if key.startswith("spot:") and not self.checked:
            message_id = key.split(":", 1)[1]
            self.marked ^= {message_id}
            mark = True
        elif key == "check" and not self.checked:
            self.checked = True
            self.app.sound.play("good" if self.hits() else "think")
            reveal = True
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
        if mark:
            self._start_mark(key.split(":", 1)[1])
        if reveal:
            self._start_reveal()

    # -- feedback that moves (none with reduced motion) ---------------------------
    def _tween(self, ms: int) -> Tween | None:
        """A new animation on the game's clock; None when it is over at once (reduced)."""
        tween = self.app.motion.tween(ms, lambda: self.app.guard.clock())
        return None if tween.done else tween

    def _start_mark(self, message_id: str) -> None:
        """The row just pressed bumps; a new mark's flag pops in."""
        tween = self._tween(MARK_MS)
        self._mark = None if tween is None else _Mark(message_id, message_id in self.marked, tween)

    def _start_reveal(self) -> None:
        """Verdicts pop in row after row; a star flies to the counter per red flag spotted."""
        self._mark = None
        self._reveal = self._tween(self._reveal_ms())

    def _reveal_ms(self) -> int:
        """How long the whole reveal lasts: the last row's pop, or the last star's landing."""
        rows = len(self.step.messages)
        end = (rows - 1) * REVEAL_GAP_MS + ROW_POP_MS
        landings = self._landings()
        if landings:
            end = max(end, landings[-1] + COUNTER_BUMP_MS)
        return end

    def _landings(self) -> list[int]:
        """When (ms into the reveal) each spotted red flag's star reaches the counter."""
        return [
            index * REVEAL_GAP_MS + ROW_POP_MS // 2 + STAR_FLY_MS
            for index, message in enumerate(self.step.messages)
            if message.tactic and message.id in self.marked
        ]

    def _reveal_elapsed(self) -> float | None:
        """How far into the reveal we are (ms); None when it is not running."""
        if self._reveal is None or self._reveal.done:
            return None
        return self._reveal.progress() * self._reveal_ms()

    def stars_shown(self) -> int:
        """The number on the star counter now: the stars that have landed so far."""
        elapsed = self._reveal_elapsed()
        if elapsed is None:
            return self.hits()
        return sum(1 for landing in self._landings() if landing <= elapsed)

    @property
    def animating(self) -> bool:
        """True while a row pops or stars fly; when it has just ended, one last redraw."""
        if self._mark is not None and self._mark.tween.done:
            self._mark = None
            self.dirty = True
        if self._reveal is not None and self._reveal.done:
            self._reveal = None
            self.dirty = True
        return self._mark is not None or self._reveal is not None

    def finish_animation(self) -> None:
        """Show everything in its final place at once (a press while something moves)."""
        for tween in (self._mark and self._mark.tween, self._reveal):
            if tween is not None:
                tween.finish()
        self.dirty = True

    def handle(self, event: pygame.event.Event) -> None:
        """Any press ends the animation at once, then does what it always does (never waits)."""
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and self.animating:
            self.finish_animation()
        super().handle(event)

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
        elapsed = self._reveal_elapsed()
        landed = [t for t in self._landings() if elapsed is not None and t <= elapsed]
        if landed:  # the counter bumps as a star lands on it
            assert elapsed is not None
            zoom(
                surface,
                self._counter_rect(),
                bump(phase(elapsed, landed[-1], COUNTER_BUMP_MS), 0.25),
            )

    # -- the star counter -----------------------------------------------------------
    def _counter_star(self, scale: float = 1.0) -> int:
        """The size of the counter's star (px)."""
        return round(self.m.px(44) * scale)

    def _counter_label(self, width: int, scale: float = 1.0) -> pygame.Surface:
        """'Stars: n' (the stars that have landed so far), beside its star in *width*."""
        m = self.m
        words = self._("Stars: {n}").format(n=self.app.tr.number(self.stars_shown()))
        room = width - self._counter_star(scale) - m.px(12)
        return self.app.text.render(words, round(m.font(32) * scale), theme.INK, room, bold=True)

    def _counter_rect(self) -> pygame.Rect:
        """Where the counter (its star and words) is on the page, at the top of the panel."""
        m = self.m
        inner = self.panel_card.inflate(-2 * m.pad, -2 * m.pad)
        star = self._counter_star()
        label = self._counter_label(inner.width)
        rect = pygame.Rect(
            inner.left,
            inner.top,
            star + m.px(12) + label.get_width(),
            max(star, label.get_height()),
        )
        if m.rtl:
            rect.right = inner.right
        return rect

    def _counter_center(self) -> tuple[int, int]:
        """Where a flying star lands: the middle of the counter's star."""
        m = self.m
        rect = self._counter_rect()
        star = self._counter_star()
        inner = self.panel_card.inflate(-2 * m.pad, -2 * m.pad)
        y = rect.top + min(star, self._counter_label(inner.width).get_height()) // 2
        return (rect.right - star // 2 if m.rtl else rect.left + star // 2), y

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """The buttons; while something moves, rows pop in and stars fly over them."""
        if self._mark is None and self._reveal is None:
            super().draw_buttons(surface)
            return
        focused = self.focused_key()
        rows = {f"spot:{msg.id}": index for index, msg in enumerate(self.step.messages)}
        elapsed = self._reveal_elapsed()
        starts: list[tuple[tuple[int, int], float, int]] = []  # (from, progress, size)
        for button in self.all_buttons():
            index = rows.get(button.key)
            if index is None:
                button.draw(surface, self.app.text, self.m, button.key == focused)
                continue
            row_t = 1.0
            icon_scale = 1.0
            mark = self._mark
            if mark is not None and button.key == f"spot:{mark.message_id}":
                row_t = mark.tween.progress()
                icon_scale = pop(row_t) if mark.marked else 1.0
            elif elapsed is not None:
                row_t = phase(elapsed, index * REVEAL_GAP_MS, ROW_POP_MS)
                icon_scale = pop(row_t)
                message = self.step.messages[index]
                if message.tactic and message.id in self.marked:
                    leave = index * REVEAL_GAP_MS + ROW_POP_MS // 2
                    fly_t = phase(elapsed, leave, STAR_FLY_MS)
                    if 0.0 < fly_t < 1.0:
                        starts.append(
                            (self._row_icon_center(button), fly_t, self._row_icon(button))
                        )
            shown = button
            if button.icon is not None and icon_scale != 1.0:
                shown = replace(button, icon=scaled_icon(button.icon, icon_scale))
            shown.draw(surface, self.app.text, self.m, button.key == focused)
            if row_t <= 0.0:
                _veil(surface, button.rect, self.m.radius)
            else:
                zoom(surface, button.rect.inflate(self.m.px(8), self.m.px(8)), bump(row_t, 0.035))
        end = self._counter_center()
        for start, fly_t, size in starts:
            grown = round(size + (self._counter_star() - size) * fly_t)
            draw.star(
                surface, along_arc(start, end, fly_t, self.m.px(90)), grown, theme.ACCENT, theme.INK
            )

    def _row_icon(self, row: Button) -> int:
        """The size of a row's icon (px), as the row draws it."""
        return round((row.text_size or self.m.body) * row.icon_scale)

    def _row_icon_center(self, row: Button) -> tuple[int, int]:
        """Where a row draws its icon: at the start of the row (the right in RTL)."""
        m = self.m
        inner = row.rect.inflate(-2 * m.pad, -m.px(12))
        half = self._row_icon(row) // 2
        return (inner.right - half if m.rtl else inner.left + half), row.rect.centery

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
        counter = self._counter_label(width, scale)
        blocks = [
            # The star counter: the stars fly here (a star and words, never colour alone).
            Block(
                counter,
                indent=self._counter_star(scale) + m.px(12),
                icon=_star_icon,
                icon_size=self._counter_star(scale),
            ),
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
                gap_before=m.px(12),
                indent=star + m.px(12),
                icon=_flag_icon,
                icon_size=star,
            ),
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


@dataclass
class _Mark:
    """A row just pressed: which message, whether it is marked now, and its pop."""

    message_id: str
    marked: bool
    tween: Tween


def _veil(surface: pygame.Surface, rect: pygame.Rect, radius: int) -> None:
    """A row whose verdict has not popped in yet is shown faintly."""
    veil = pygame.Surface(rect.size, pygame.SRCALPHA)
    pygame.draw.rect(veil, (*theme.BG[:3], 190), veil.get_rect(), border_radius=radius)
    surface.blit(veil, rect.topleft)
