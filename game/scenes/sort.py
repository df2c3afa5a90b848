"""Sort it: cards go into two or three bins, dragged with the mouse or finger, or by keys.

One card at a time. After each card the child sees why it belongs where it does;
a card put in the wrong bin is moved to the right one with a kind explanation.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

import pygame

from game.content.model import SortCard, SortStep
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import Block, card_height, card_row
from game.ui.fly import along_arc, bump, phase, zoom
from game.ui.layout import UNLIMITED, grid_buttons
from game.ui.motion import Tween
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

#: A placed card flies into the box it was put in (ms) ...
CARD_FLY_MS = 260
#: ... slides on to the right box when that was not it (ms) ...
CARD_SLIDE_MS = 200
#: ... and the box it lands in bumps as its count goes up (ms).
BIN_BUMP_MS = 200


class SortScene(StepScene):
    """One sorting activity."""

    step_type = "sort"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        self.index = 0
        self.placed: dict[str, str] = {}  # card id -> bin chosen
        self.answered = False
        self.card_rect = pygame.Rect(0, 0, 0, 0)
        self.drag_offset: tuple[int, int] | None = None
        self.drag_pos: tuple[int, int] | None = None
        #: The card just placed, on its way into a box (None at rest).
        self._flight: _Flight | None = None

    @property
    def step(self) -> SortStep:
        """The sort step being played."""
        return self.step_as(SortStep)

    @property
    def card(self) -> SortCard | None:
        """The card being sorted (None when all are done)."""
        cards = self.step.cards
        return cards[self.index] if self.index < len(cards) else None

    @property
    def done(self) -> bool:
        """True when every card has been sorted and explained."""
        return self.card is None

    def right_first_time(self) -> int:
        """Cards put in the right bin at the first try."""
        return sum(1 for c in self.step.cards if self.placed.get(c.id) == c.bin)

    def build(self) -> None:
        """The card in the middle, bins along the bottom, or the feedback and Continue.

        When that does not fit at full size (large text), everything goes one under
        another: the prompt, the card (or why it goes where it does, and Continue), then
        the boxes; the page scrolls.
        """
        self._build_classic()
        if not self._classic_fits():
            self.buttons = []
            self._build_flowing()

    def _prompt(self, width: int) -> pygame.Surface:
        return self.app.text.render(
            self.lt(self.step.id, self.step.prompt),
            self.m.font(30),
            theme.INK,
            width,
            bold=True,
            align="center",
        )

    def _card_label(self, width: int) -> pygame.Surface:
        card = self.card
        assert card is not None
        return self.app.text.render(
            self.lt(card.id, card.text), self.m.font(30), theme.INK, width, align="center"
        )

    def _hint(self, width: int) -> pygame.Surface:
        return self.app.text.render(
            self._("Drag the card to a box, or press the box's number key."),
            self.m.small,
            theme.INK_SOFT,
            width,
            align="center",
        )

    def _box_builder(self):
        """What the middle card shows: the summary, or why the card goes where it does."""
        return self._summary if self.done else self._explanation

    def _box_fill(self):
        card = self.card
        if card is None:
            return theme.SCOUT_BG
        return theme.GOOD_BG if self.placed[card.id] == card.bin else theme.THINK_BG

    def _classic_fits(self) -> bool:
        """True when the roomy layout holds everything at full size."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        for button in self.buttons:
            if not button.label_fits(self.app.text, m):
                return False
        if self.done:
            return card_height(m, self.middle.width, self._summary) <= self.middle.height
        if self.answered:
            room = self.middle.height - m.button_h - m.pad
            return card_height(m, self.middle.width, self._explanation) <= room
        label = self._card_label(self.card_rect.width - 2 * m.pad)
        hint = self._hint(area.width)
        return (
            label.get_height() <= self.card_rect.height - m.px(8)
            and self.card_rect.bottom + m.px(10) + hint.get_height() <= self.bin_area.top
        )

    def _build_flowing(self) -> None:
        """Prompt, card or feedback, Continue and the boxes, one under another."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        y = area.top + self._prompt(area.width).get_height() + m.pad
        bins = self.step.bins
        if self.done or self.answered:
            height = card_height(m, area.width, self._box_builder())
            self.middle = pygame.Rect(area.left, y, area.width, height)
            y = self.middle.bottom + m.pad
            button = self.continue_button(pygame.Rect(area.left, y, area.width, m.button_h))
            self.buttons.append(self.end_side(button, area, y))
            self.middle.height += m.pad + button.rect.height  # the card, then Continue
            y = button.rect.bottom + m.pad
            if self.done:
                return
        else:
            label = self._card_label(min(m.px(620), area.width) - 2 * m.pad)
            card_w = min(m.px(620), area.width)
            card_h = max(m.px(170), label.get_height() + 2 * m.pad)
            self.card_rect = pygame.Rect(area.centerx - card_w // 2, y, card_w, card_h)
            self.middle = pygame.Rect(area.left, y, area.width, card_h)
            y = self.card_rect.bottom + m.px(10) + self._hint(area.width).get_height() + m.pad
        bin_h = max(m.button_h * 2, m.px(150))
        self.bin_area = pygame.Rect(area.left, y, area.width, bin_h)
        boxes = self._bins(self.bin_area, bin_h)
        room = pygame.Rect(area.left, y, area.width, UNLIMITED)  # the page scrolls
        grid_buttons(boxes, room, len(bins), bin_h, m.pad, self.app.text, m, center=False)
        self.buttons += boxes

    def _bins(self, row: pygame.Rect, bin_h: int) -> list[Button]:
        """One button per box, with how many cards are in it."""
        m = self.m
        bins = self.step.bins
        width = (row.width - m.pad * (len(bins) - 1)) // len(bins)
        boxes = []
        for index, sort_bin in enumerate(bins):
            rect = pygame.Rect(row.left + index * (width + m.pad), row.top, width, bin_h)
            count = sum(
                1
                for c in self.step.cards[: self.index + (1 if self.answered else 0)]
                if c.bin == sort_bin.id
            )
            boxes.append(
                Button(
                    f"bin:{sort_bin.id}",
                    self.lt(sort_bin.id, sort_bin.label),
                    rect,
                    "quiet" if self.answered else "choice",
                    text_size=m.font(30),
                    sublabel=self._count_label(count),
                    icon=_box_icon,
                    icon_above=True,
                    icon_scale=1.4,
                )
            )
        return boxes

    def _count_label(self, count: int) -> str:
        """'n cards', under a box's name."""
        return self.app.tr.ngettext("{n} card", "{n} cards", count).format(
            n=self.app.tr.number(count)
        )

    def _build_classic(self) -> None:
        """The roomy layout: the card in the middle and the boxes along the bottom."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        bin_h = max(m.button_h * 2, m.px(150))
        probe = self._bins(pygame.Rect(area.left, 0, area.width, bin_h), bin_h)
        bin_h = max([bin_h] + [b.needed_height(self.app.text, m) for b in probe])
        self.bin_area = pygame.Rect(area.left, area.bottom - bin_h, area.width, bin_h)
        prompt_h = max(m.heading, self._prompt(area.width).get_height())
        self.middle = pygame.Rect(
            area.left,
            area.top + prompt_h + m.pad,
            area.width,
            self.bin_area.top - area.top - prompt_h - 2 * m.pad,
        )
        if self.done:
            # On the end side, like every step's way on (never over the debrief's buttons).
            self.buttons.append(
                self.continue_button(
                    pygame.Rect(
                        area.right - m.px(440),
                        self.bin_area.centery - m.button_h // 2,
                        m.px(440),
                        m.button_h,
                    )
                )
            )
            return
        if self.answered:
            self.buttons.append(
                self.continue_button(
                    pygame.Rect(
                        area.right - m.px(360),
                        self.bin_area.top - m.button_h - m.pad,
                        m.px(360),
                        m.button_h,
                    )
                )
            )
        self.buttons += self._bins(self.bin_area, bin_h)
        card_w = min(m.px(620), area.width)
        self.card_rect = pygame.Rect(0, 0, card_w, min(self.middle.height, m.px(170)))
        self.card_rect.center = self.middle.center

    def narration_body(self) -> list[Line]:
        """The task, the card and the boxes by number; then why it goes where it does."""
        step, say = self.step, self.say
        lines = [self.lesson_line(step.id, "prompt", step.prompt, key="prompt")]
        card = self.card
        if card is None:
            total = len(step.cards)
            score = self.app.tr.ngettext(
                "{right} of {n} card went in the right box first time.",
                "{right} of {n} cards went in the right box first time.",
                total,
            ).format(right=self.app.tr.number(self.right_first_time()), n=self.app.tr.number(total))
            return lines + [
                say.ui("All sorted!", key="done"),
                say.said(score, key="done/score"),
                say.ui("Every card you sorted is practice for spotting tricks in real life."),
            ]
        lines.append(self.lesson_line(card.id, "text", card.text, key=card.id))
        if not self.answered:
            lines.append(say.ui("Drag the card to a box, or press the box's number key."))
            for index, sort_bin in enumerate(step.bins):  # read with the first card only
                key = f"bins/{sort_bin.id}"
                number = self.app.tr.number(index + 1)
                lines.append(say.plain(number, key=f"{key}/number", shown=""))
                lines.append(self.lesson_line(sort_bin.id, "label", sort_bin.label, key=key))
            return lines
        label = self.lt(card.bin, next(b.label for b in step.bins if b.id == card.bin))
        heading = (
            self._("Yes! It goes in \u201c{bin}\u201d.")
            if self.placed[card.id] == card.bin
            else self._("Good try! This one goes in \u201c{bin}\u201d.")
        ).format(bin=label)
        return lines + [
            say.said(heading, key=f"{card.id}/verdict"),
            self.lesson_line(card.id, "explain", card.explain, key=f"{card.id}/explain"),
        ]

    def on_button(self, key: str) -> None:
        """Put the card in a bin, or go on to the next card or step."""
        card = self.card
        if key.startswith("bin:") and card and not self.answered:
            self.place(key.split(":", 1)[1])
            return
        if key == "next":
            if self.done:
                self.session.finish_activity({})
                if self.follow():
                    return
            elif self.answered:
                self.index += 1
                self.answered = False
        self.relayout()
        self.focus_on("next" if self.done else f"bin:{self.step.bins[0].id}")

    def place(self, bin_id: str, start: pygame.Rect | None = None) -> None:
        """Sort the current card into *bin_id* and show why it belongs where it does.

        The card flies from *start* (where it was dropped; default: its place) into
        that box, on to the right box if that was not it, and the box's count goes up;
        then the explanation shows. Nothing moves with reduced motion.
        """
        card = self.card
        assert card is not None
        start = (start or self.card_rect).copy()
        self.placed[card.id] = bin_id
        self.answered = True
        self.app.sound.play("good" if bin_id == card.bin else "think")
        self.relayout()
        self.focus_on("next")
        self._start_flight(card, bin_id, start)

    # -- the card flying into its box (none with reduced motion) ---------------------
    def _start_flight(self, card: SortCard, bin_id: str, start: pygame.Rect) -> None:
        """Send the placed *card* from *start* into box *bin_id*, then on to its own box."""
        self._flight = None
        if self.app.scene is not self or start.width <= 0:
            return
        flight_ms = CARD_FLY_MS + (0 if bin_id == card.bin else CARD_SLIDE_MS)
        tween = self.app.motion.tween(flight_ms + BIN_BUMP_MS, lambda: self.app.guard.clock())
        if not tween.done:
            self._flight = _Flight(card, bin_id, start, flight_ms, tween)

    @property
    def flying(self) -> bool:
        """True while the placed card is on its way (the explanation shows when it lands)."""
        flight = self._flight
        return flight is not None and flight.elapsed() < flight.flight_ms

    @property
    def animating(self) -> bool:
        """True while the card flies or its box bumps; when it has just ended, one last redraw."""
        if self._flight is not None and self._flight.tween.done:
            self._flight = None
            self.dirty = True
        return self._flight is not None

    def finish_animation(self) -> None:
        """The card is in its box at once and the explanation shows (a press while it moves)."""
        if self._flight is not None:
            self._flight.tween.finish()
            self._flight = None
        self.dirty = True

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-3 sort the card into the first, second or third bin."""
        self.number_key(event, ("bin:",))

    def handle(self, event: pygame.event.Event) -> None:
        """Drag the card with mouse or finger; drop it on a bin to sort it.

        A press while a placed card flies puts it in its box at once and shows why
        (that press does nothing else: the explanation is never skipped unseen); a press
        while the box bumps ends that and does what it always does.
        """
        if event.type in (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN) and self.animating:
            flying = self.flying
            self.finish_animation()
            if flying:
                self._pressed = None
                return
        if self.card and not self.answered and hasattr(event, "pos"):
            # The card and the bins are on the page, which may be scrolled.
            pos = self.page_pos(event.pos)
            if (
                event.type == pygame.MOUSEBUTTONDOWN
                and event.button == 1
                and self.card_rect.collidepoint(pos)
            ):
                self.drag_offset = (pos[0] - self.card_rect.x, pos[1] - self.card_rect.y)
                self.drag_pos = self.card_rect.topleft
                return
            if event.type == pygame.MOUSEMOTION and self.drag_offset:
                self.drag_pos = (pos[0] - self.drag_offset[0], pos[1] - self.drag_offset[1])
                self.dirty = True
                return
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.drag_offset:
                dropped = self.card_rect.copy()
                if self.drag_pos:
                    dropped.topleft = self.drag_pos
                self.drag_offset = self.drag_pos = None
                for button in self.buttons:
                    if button.key.startswith("bin:") and button.rect.collidepoint(pos):
                        self.place(button.key.split(":", 1)[1], dropped)
                        return
                self.dirty = True
                return
        super().handle(event)

    def draw_content(self, surface: pygame.Surface) -> None:
        """Prompt, then the card (or its explanation, or the summary)."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        prompt = self._prompt(area.width)
        surface.blit(prompt, prompt.get_rect(midtop=(area.centerx, area.top)))
        if self.flying:
            return  # the explanation shows when the card has landed
        if self.done or self.answered:
            box = self.middle.copy()
            after = [b.rect.top for b in self.buttons if b.key == "next"]
            if after and after[0] < box.bottom:  # Continue sits under the card
                box.height = after[0] - m.pad - box.top
            card_row(surface, box, m, [(1.0, self._box_fill(), self._box_builder())])
        else:
            if not self.drag_pos:
                self._draw_card(surface, self.card_rect, theme.PRIMARY, m.px(4))
            hint = self._hint(area.width)
            surface.blit(
                hint, hint.get_rect(midtop=(area.centerx, self.card_rect.bottom + m.px(10)))
            )

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Bins and buttons, with the dragged (or flying) card drawn on top of them."""
        if self._flight is not None:
            self._draw_flight(surface, self._flight)
            return
        super().draw_buttons(surface)
        if self.drag_pos and self.card:
            self._draw_card(
                surface,
                self.card_rect.move(
                    self.drag_pos[0] - self.card_rect.x, self.drag_pos[1] - self.card_rect.y
                ),
                theme.ACCENT,
                self.m.px(8),
            )

    def _draw_flight(self, surface: pygame.Surface, flight: _Flight) -> None:
        """One frame of a placed card going into its box: the buttons, the box, the card.

        Continue appears when the card has landed; the right box's count goes up then,
        with a bump.
        """
        m = self.m
        elapsed = flight.elapsed()
        landed = elapsed >= flight.flight_ms
        focused = self.focused_key()
        boxes = {b.key: b for b in self.buttons if b.key.startswith("bin:")}
        right = boxes.get(f"bin:{flight.card.bin}")
        chosen = boxes.get(f"bin:{flight.chosen}")
        for button in self.all_buttons():
            if button.key == "next" and not landed:
                continue
            shown = button
            if button is right and not landed:  # not counted until it lands
                before = sum(1 for c in self.step.cards[: self.index] if c.bin == flight.card.bin)
                shown = replace(button, sublabel=self._count_label(before))
            shown.draw(surface, self.app.text, m, button.key == focused)
            if button is right and landed:
                grow = bump(phase(elapsed, flight.flight_ms, BIN_BUMP_MS), 0.08)
                zoom(surface, button.rect.inflate(m.px(12), m.px(12)), grow)
        if landed or right is None or chosen is None:
            return
        image = flight.image or self._card_image(flight)
        flight.image = image
        small = min(1.0, chosen.rect.width * 0.4 / max(1, flight.start.width))
        into = phase(elapsed, 0, CARD_FLY_MS)
        if into < 1.0:
            scale = 1.0 + (small - 1.0) * into
            at = along_arc(flight.start.center, _mouth(chosen.rect), into, m.px(40))
        else:
            scale = small
            on = phase(elapsed, CARD_FLY_MS, CARD_SLIDE_MS)
            at = along_arc(_mouth(chosen.rect), _mouth(right.rect), on, m.px(50))
        size = (max(1, round(image.get_width() * scale)), max(1, round(image.get_height() * scale)))
        shown = pygame.transform.smoothscale(image, size)
        surface.blit(shown, shown.get_rect(center=at))

    def _card_image(self, flight: _Flight) -> pygame.Surface:
        """The placed card as it looked in the middle, to fly (drawn once per flight)."""
        m = self.m
        image = pygame.Surface(flight.start.size, pygame.SRCALPHA)
        rect = image.get_rect()
        draw.card(image, rect, theme.WHITE, m.radius, border=theme.PRIMARY)
        label = self.app.text.render(
            self.lt(flight.card.id, flight.card.text),
            m.font(30),
            theme.INK,
            rect.width - 2 * m.pad,
            align="center",
        )
        image.blit(label, label.get_rect(center=rect.center))
        return image

    def _draw_card(self, surface: pygame.Surface, rect: pygame.Rect, border, shadow: int) -> None:
        """The card to sort, with its text centred."""
        m = self.m
        card = self.card
        assert card is not None
        draw.card(surface, rect, theme.WHITE, m.radius, border=border, shadow=shadow)
        label = self._card_label(rect.width - 2 * m.pad)
        surface.blit(label, label.get_rect(center=rect.center))

    def _explanation(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        card = self.card
        assert card is not None
        right = self.placed[card.id] == card.bin
        label = next(b.label for b in self.step.bins if b.id == card.bin)
        label = self.lt(card.bin, label)
        heading = (
            self._("Yes! It goes in \u201c{bin}\u201d.")
            if right
            else self._("Good try! This one goes in \u201c{bin}\u201d.")
        ).format(bin=label)
        return [
            Block(
                text.render(
                    self.lt(card.id, card.text), round(m.small * scale), theme.INK_SOFT, width
                )
            ),
            self.verdict_block(right, heading, width, scale, gap_before=m.px(8)),
            Block(
                text.render(
                    self.lt(card.id, card.explain), round(m.body * scale), theme.INK, width
                ),
                gap_before=m.px(8),
            ),
        ]

    def _summary(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        total = len(self.step.cards)
        right = self.right_first_time()
        return [
            Block(
                text.render(
                    self._("All sorted!"), round(m.font(34) * scale), theme.INK, width, bold=True
                )
            ),
            Block(
                text.render(
                    self.app.tr.ngettext(
                        "{right} of {n} card went in the right box first time.",
                        "{right} of {n} cards went in the right box first time.",
                        total,
                    ).format(right=self.app.tr.number(right), n=self.app.tr.number(total)),
                    round(m.body * scale),
                    theme.INK,
                    width,
                ),
                gap_before=m.px(10),
            ),
            Block(
                text.render(
                    self._("Every card you sorted is practice for spotting tricks in real life."),
                    round(m.small * scale),
                    theme.INK_SOFT,
                    width,
                ),
                gap_before=m.px(10),
            ),
        ]


def _box_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    cx, cy = center
    box = pygame.Rect(0, 0, size, round(size * 0.7))
    box.center = (cx, cy + size // 10)
    pygame.draw.rect(surface, theme.ACCENT, box, border_radius=max(3, size // 10))
    lid = pygame.Rect(0, 0, round(size * 1.15), max(4, size // 5))
    lid.midbottom = (cx, box.top + 2)
    pygame.draw.rect(surface, theme.PRIMARY, lid, border_radius=max(2, size // 14))


def _mouth(box: pygame.Rect) -> tuple[int, int]:
    """Where a card goes into a box: over the box picture, above its name."""
    return box.centerx, box.top + box.height // 3


@dataclass
class _Flight:
    """A card just placed: which card, the box it was put in, where it set off, its tween."""

    card: SortCard
    chosen: str
    start: pygame.Rect
    #: When it is in the right box (ms into the tween); the box bumps after that.
    flight_ms: int
    tween: Tween
    #: The card as drawn, made on the first frame.
    image: pygame.Surface | None = None

    def elapsed(self) -> float:
        """How far along it is (ms)."""
        return self.tween.progress() * self.tween.ms
