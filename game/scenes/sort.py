"""Sort it: cards go into two or three bins, dragged with the mouse or finger, or by keys.

One card at a time. After each card the child sees why it belongs where it does;
a card put in the wrong bin is moved to the right one with a kind explanation.
"""

from __future__ import annotations

import pygame

from game.content.model import SortCard, SortStep
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui.flow import Block, card_row
from game.ui.widgets import Button


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
        """The card in the middle, bins along the bottom, or the feedback and Continue."""
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        bins = self.step.bins
        bin_h = max(m.button_h * 2, m.px(150))
        self.bin_area = pygame.Rect(area.left, area.bottom - bin_h, area.width, bin_h)
        width = (area.width - m.pad * (len(bins) - 1)) // len(bins)
        self.middle = pygame.Rect(
            area.left,
            area.top + m.heading + m.pad,
            area.width,
            self.bin_area.top - area.top - m.heading - 2 * m.pad,
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
        for index, sort_bin in enumerate(bins):
            rect = pygame.Rect(area.left + index * (width + m.pad), self.bin_area.top, width, bin_h)
            count = sum(
                1
                for c in self.step.cards[: self.index + (1 if self.answered else 0)]
                if c.bin == sort_bin.id
            )
            self.buttons.append(
                Button(
                    f"bin:{sort_bin.id}",
                    self.lt(sort_bin.id, sort_bin.label),
                    rect,
                    "quiet" if self.answered else "choice",
                    text_size=m.font(30),
                    sublabel=self.app.tr.ngettext("{n} card", "{n} cards", count).format(
                        n=self.app.tr.number(count)
                    ),
                    icon=_box_icon,
                    icon_above=True,
                    icon_scale=1.4,
                )
            )
        card_w = min(m.px(620), area.width)
        self.card_rect = pygame.Rect(0, 0, card_w, min(self.middle.height, m.px(170)))
        self.card_rect.center = self.middle.center

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

    def place(self, bin_id: str) -> None:
        """Sort the current card into *bin_id* and show why it belongs where it does."""
        card = self.card
        assert card is not None
        self.placed[card.id] = bin_id
        self.answered = True
        self.app.sound.play("good" if bin_id == card.bin else "think")
        self.relayout()
        self.focus_on("next")

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-3 sort the card into the first, second or third bin."""
        self.number_key(event, ("bin:",))

    def handle(self, event: pygame.event.Event) -> None:
        """Drag the card with mouse or finger; drop it on a bin to sort it."""
        if self.card and not self.answered:
            if (
                event.type == pygame.MOUSEBUTTONDOWN
                and event.button == 1
                and self.card_rect.collidepoint(event.pos)
            ):
                self.drag_offset = (
                    event.pos[0] - self.card_rect.x,
                    event.pos[1] - self.card_rect.y,
                )
                self.drag_pos = self.card_rect.topleft
                return
            if event.type == pygame.MOUSEMOTION and self.drag_offset:
                self.drag_pos = (
                    event.pos[0] - self.drag_offset[0],
                    event.pos[1] - self.drag_offset[1],
                )
                self.dirty = True
                return
            if event.type == pygame.MOUSEBUTTONUP and event.button == 1 and self.drag_offset:
                self.drag_offset = self.drag_pos = None
                for button in self.buttons:
                    if button.key.startswith("bin:") and button.rect.collidepoint(event.pos):
                        self.place(button.key.split(":", 1)[1])
                        return
                self.dirty = True
                return
        super().handle(event)

    def draw_content(self, surface: pygame.Surface) -> None:
        """Prompt, then the card (or its explanation, or the summary)."""
        m = self.m
        text = self.app.text
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        prompt = text.render(
            self.lt(self.step.id, self.step.prompt),
            m.font(30),
            theme.INK,
            area.width,
            bold=True,
            align="center",
        )
        surface.blit(prompt, prompt.get_rect(midtop=(area.centerx, area.top)))
        card = self.card
        if card is None:
            card_row(surface, self.middle, m, [(1.0, theme.SCOUT_BG, self._summary)])
        elif self.answered:
            box = self.middle.copy()
            box.height -= m.button_h + m.pad
            fill = theme.GOOD_BG if self.placed[card.id] == card.bin else theme.THINK_BG
            card_row(surface, box, m, [(1.0, fill, self._explanation)])
        else:
            if not self.drag_pos:
                self._draw_card(surface, self.card_rect, theme.PRIMARY, m.px(4))
            hint = text.render(
                self._("Drag the card to a box, or press the box's number key."),
                m.small,
                theme.INK_SOFT,
                area.width,
                align="center",
            )
            surface.blit(
                hint, hint.get_rect(midtop=(area.centerx, self.card_rect.bottom + m.px(10)))
            )

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Bins and buttons, with the dragged card drawn on top of them."""
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

    def _draw_card(self, surface: pygame.Surface, rect: pygame.Rect, border, shadow: int) -> None:
        """The card to sort, with its text centred."""
        m = self.m
        card = self.card
        assert card is not None
        draw.card(surface, rect, theme.WHITE, m.radius, border=border, shadow=shadow)
        label = self.app.text.render(
            self.lt(card.id, card.text),
            m.font(30),
            theme.INK,
            rect.width - 2 * m.pad,
            align="center",
        )
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
