"""Reply builder: the child builds a story character's reply from tiles, then sees the reaction.

Three rows of big tiles: a way to say no, a reason (the game's own "No reason" first),
and what to do next. One tile per row is picked (a tick in a circle and the picked look,
and the words in the preview bubble: never colour alone). After Send, a tiny chat shows
the reply, what the contact sends back, and Scout's word on each tile:

* a tile that leaves the door open (``firm: false``): "Let's think about that", and
  "Build it again" (the firm picks stay) is the only way on;
* a firm no with a reason: it works, but no reason was needed ("Try it without a reason");
* a firm no, no reason and a firm action: the best reply.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import ReplyStep, ReplyTile
from game.scenes.step_base import NUMBER_KEYS, VERDICT_LOOK, StepScene, _okay_badge, _star_badge
from game.ui import draw, theme
from game.ui.flow import Block, card_height, draw_card
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

#: The rows, in order.
PARTS = ("say_no", "reasons", "actions")
#: The id of the game's own "No reason" tile (lesson ids are never empty).
NO_REASON = ""


class ReplyScene(StepScene):
    """One reply-builder step."""

    step_type = "reply"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        #: Part -> the id of the picked tile ("" is "No reason"); a part not picked is absent.
        self.picks: dict[str, str] = {}
        self.sent = False
        #: Laid out by :meth:`build` (left-to-right page coordinates; flipped when drawn).
        self._texts: list[tuple[pygame.Rect, pygame.Surface]] = []
        self._bubbles: list[tuple[pygame.Rect, pygame.Surface, str]] = []
        self._card = pygame.Rect(0, 0, 0, 0)

    @property
    def step(self) -> ReplyStep:
        """The reply step being played."""
        return self.step_as(ReplyStep)

    # -- the tiles and the verdict -------------------------------------------------
    def row_title(self, part: str) -> str:
        """The words over a row of tiles."""
        return {
            # TRANSLATORS: reply builder, over the row of ways to say no.
            "say_no": self._("Say no"),
            # TRANSLATORS: reply builder, over the row of reasons (the first is "No reason").
            "reasons": self._("A reason?"),
            # TRANSLATORS: reply builder, over the row of what to do after sending the reply.
            "actions": self._("Then"),
        }[part]

    def tiles(self, part: str) -> list[ReplyTile | None]:
        """The tiles of a row; None stands for the game's own "No reason" tile."""
        tiles: list[ReplyTile | None] = list(getattr(self.step, part))
        return [None, *tiles] if part == "reasons" else tiles

    def tile_text(self, tile: ReplyTile | None) -> str:
        """The words on a tile, in the current language."""
        if tile is None:
            # TRANSLATORS: reply builder: the tile for giving no reason at all.
            return self._("No reason")
        return self.lt(tile.id, tile.text)

    def picked(self, part: str) -> ReplyTile | None:
        """The tile picked in *part* (None for none, or for "No reason")."""
        pick = self.picks.get(part)
        return next((t for t in getattr(self.step, part) if t.id == pick), None)

    @property
    def complete(self) -> bool:
        """True when every row has a pick, so the reply can be sent."""
        return all(part in self.picks for part in PARTS)

    def chosen_tiles(self) -> list[tuple[str, ReplyTile | None]]:
        """(part, tile) for each row's pick, in row order (None: "No reason")."""
        return [(part, self.picked(part)) for part in PARTS if part in self.picks]

    def verdict(self) -> str:
        """``unsafe`` if a picked tile is not firm, ``okay`` with a reason, else ``great``."""
        if any(tile is not None and not tile.firm for _part, tile in self.chosen_tiles()):
            return "unsafe"
        return "great" if self.picks.get("reasons") == NO_REASON else "okay"

    def verdict_heading(self) -> str:
        """Scout's verdict on the reply sent."""
        return {
            # TRANSLATORS: reply builder: a firm no, no reason, a firm action.
            "great": self._("Great reply! Short, clear, and no reason needed."),
            # TRANSLATORS: reply builder: a firm no and action, but with a reason added.
            "okay": self._("That works! No reason was needed: \u201cNo\u201d is enough."),
            "unsafe": self._("Let's think about that"),
        }[self.verdict()]

    def message_text(self) -> str:
        """The reply as sent (or as built so far): the no, then the reason if any."""
        no, reason = self.picked("say_no"), self.picked("reasons")
        if no is None:
            return ""
        said = self.tile_text(no)
        if reason is None:
            return said
        # TRANSLATORS: reply builder: the reply is the way to say no, then the reason.
        return self._("{no} {reason}").format(no=said, reason=self.tile_text(reason))

    def reaction(self) -> list[tuple[str, str, str, str]]:
        """The tiny chat after Send: (kind, text, owner id, field) per bubble.

        The child's message, what the contact sends back to a reason or a tile that is
        not firm, and what happens after a firm action. Kind is me, them or system.
        """
        out = [("me", self.message_text(), "", "")]
        for _part, tile in self.chosen_tiles():
            if tile is not None and tile.comeback:
                out.append(("them", self.lt(tile.id, tile.comeback), tile.id, "comeback"))
        action = self.picked("actions")
        if action is not None and action.firm and action.result:
            out.append(("system", self.lt(action.id, action.result), action.id, "result"))
        return out

    def explains(self) -> list[tuple[str, str, str]]:
        """Scout's word on each picked tile: (shown text, owner id, source)."""
        out = []
        for _part, tile in self.chosen_tiles():
            if tile is None:
                text = self._("No reason is needed. \u201cNo\u201d is enough on its own.")
                out.append((text, "", ""))
            else:
                out.append((self.lt(tile.id, tile.explain), tile.id, tile.explain))
        return out

    # -- layout ---------------------------------------------------------------------
    def build(self) -> None:
        """The rows of tiles and the preview; after Send, the reaction and the ways on."""
        self._texts = []
        self._bubbles = []
        self._card = pygame.Rect(0, 0, 0, 0)
        m = self.m
        area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        if self.sent:
            self._build_reaction(area)
        else:
            self._build_tiles(area)
        bottoms = [r.bottom for r, _s in self._texts] + [r.bottom for r, _s, _k in self._bubbles]
        self.extent = max([self._card.bottom, *bottoms])

    def _text(self, surface: pygame.Surface, left: int, top: int) -> pygame.Rect:
        rect = surface.get_rect(topleft=(left, top))
        self._texts.append((rect, surface))
        return rect

    def _side_labels(self, area: pygame.Rect) -> int:
        """The width of the row-title column beside the tiles (0: titles go above them)."""
        m = self.m
        widths = [
            self.app.text.render(self.row_title(p), m.body, theme.INK, bold=True).get_width()
            for p in PARTS
        ]
        column = max(widths) + m.pad
        return column if column <= area.width * 0.2 else 0

    def _build_tiles(self, area: pygame.Rect) -> None:
        m = self.m
        text = self.app.text
        prompt = text.render(
            self.lt(self.step.id, self.step.prompt), m.font(28), theme.INK, area.width, bold=True
        )
        y = self._text(prompt, area.left, area.top).bottom + m.pad
        side = self._side_labels(area)
        for part in PARTS:
            title = text.render(
                self.row_title(part),
                m.body,
                theme.INK,
                side - self.m.pad if side else area.width,
                bold=True,
            )
            self._text(title, area.left, y + (m.px(14) if side else 0))
            if not side:
                y += title.get_height() + m.px(8)
            tiles = [self._tile_button(part, tile) for tile in self.tiles(part)]
            room = pygame.Rect(area.left + side, y, area.width - side, 0)
            bottom = self._tile_grid(tiles, room)
            self.buttons += tiles
            y = max(bottom, y + title.get_height() if side else bottom) + m.px(14)
        self._build_preview(area, y, side)

    def _tile_grid(self, tiles: list[Button], room: pygame.Rect) -> int:
        """One row of tiles side by side, as tall as the longest label; return the bottom.

        When a word no longer fits a tile (large text, a narrow window, a long
        translation), half as many tiles go on each line, down to one under another.
        """
        m = self.m
        gap = m.px(12)
        columns = len(tiles)
        while True:
            width = (room.width - gap * (columns - 1)) // columns
            for tile in tiles:
                tile.rect.width = width
            fits = width >= m.px(170) and all(t.fits_words(self.app.text, m) for t in tiles)
            if fits or columns == 1:
                break
            columns = max(1, columns // 2)
        height = max(t.needed_height(self.app.text, m) for t in tiles)
        for index, tile in enumerate(tiles):
            row, column = divmod(index, columns)
            tile.rect.update(
                room.left + column * (width + gap), room.top + row * (height + gap), width, height
            )
        return max(t.rect.bottom for t in tiles)

    def _tile_button(self, part: str, tile: ReplyTile | None) -> Button:
        tile_id = NO_REASON if tile is None else tile.id
        chosen = self.picks.get(part) == tile_id
        return Button(
            f"tile:{part}:{tile_id}",
            self.tile_text(tile),
            pygame.Rect(0, 0, 10, self.m.button_h),
            "selected" if chosen else "choice",
            icon=_picked_icon if chosen else _open_icon,
            align="left",
            bold=False,
            text_size=self.m.body,
        )

    def _build_preview(self, area: pygame.Rect, y: int, side: int) -> None:
        """The reply so far in a bubble, and Send (or what is still to pick)."""
        m = self.m
        text = self.app.text
        half = (area.width - m.pad) // 2
        message = self.message_text()
        # TRANSLATORS: reply builder, beside the bubble that shows the reply built so far.
        label = text.render(self._("The reply:"), m.body, theme.INK, side or half, bold=True)
        self._text(label, area.left, y + (m.px(14) if side else 0))
        left = area.left + side
        top = y if side else y + label.get_height() + m.px(6)
        room = half - side
        if message:
            bubble = text.render(message, m.body, theme.WHITE, room - 2 * m.pad)
            rect = bubble.get_rect().inflate(2 * m.pad, m.px(24))
            rect.topleft = (left, top)
            self._bubbles.append((rect, bubble, "me"))
            bottom = rect.bottom
        else:
            hint = text.render(self._("Pick a way to say no."), m.body, theme.INK_SOFT, room)
            bottom = self._text(hint, left, top + m.px(14)).bottom
        if self.complete:
            send = Button(
                "send",
                # TRANSLATORS: reply builder: sends the reply that was built.
                self._("Send"),
                pygame.Rect(0, 0, 10, m.button_h),
                "primary",
                icon=lambda s, c, z, f=m.forward: draw.arrow(s, c, z, theme.WHITE, f),
                text_size=m.font(30),
            )
            self.buttons.append(self.end_side(send, area, y))
        else:
            hint = text.render(
                self._("Pick one tile in each row, then send."),
                m.small,
                theme.INK_SOFT,
                area.width - half - m.pad,
            )
            self._text(hint, area.right - half, y + m.px(14))
        self.extent = max(self.extent, bottom)

    def _build_reaction(self, area: pygame.Rect) -> None:
        """The reply and what comes back on the start side; Scout's card and buttons beside."""
        m = self.m
        text = self.app.text
        wide = area.width >= m.px(900) and m.text_scale <= 1.2
        chat_w = (area.width - m.pad) // 2 if wide else area.width
        y = area.top
        name = self.lt("contact", self.lesson.contact.name)
        for kind, words, _owner, _field in self.reaction():
            width = round(chat_w * 0.85)
            if kind == "them":
                label = text.render(name, m.small, theme.INK_SOFT, width, bold=True)
                y = self._text(label, area.left, y).bottom + m.px(4)
            ink = theme.WHITE if kind == "me" else theme.INK
            words_s = text.render(words, m.body, ink, width - 2 * m.pad)
            rect = words_s.get_rect().inflate(2 * m.pad, m.px(24))
            rect.top = y
            rect.left = area.left + chat_w - rect.width if kind == "me" else area.left
            if kind == "system":
                rect.centerx = area.left + chat_w // 2
            self._bubbles.append((rect, words_s, kind))
            y = rect.bottom + m.px(12)
        if wide:
            card_area = pygame.Rect(
                area.left + chat_w + m.pad, area.top, area.width - chat_w - m.pad, 0
            )
        else:
            card_area = pygame.Rect(area.left, y + m.pad // 2, area.width, 0)
        card_area.height = card_height(m, card_area.width, self._verdict_blocks)
        self._card = card_area
        y = card_area.bottom + m.pad
        for key, label in self._ways_on():
            if key == "next":
                button = self.continue_button(pygame.Rect(0, 0, 10, m.button_h))
            else:
                primary = key == "again"
                button = Button(
                    key,
                    label,
                    pygame.Rect(0, 0, 10, m.button_h),
                    "primary" if primary else "secondary",
                    icon=_again_icon(theme.WHITE if primary else theme.PRIMARY),
                    text_size=m.font(28),
                )
            if key == "no-reason" and wide:
                # Not a way on: it may sit on the start half, beside Continue.
                top = self.buttons[-1].rect.top
                button.rect.update(area.left, top, chat_w, m.button_h)
                button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
                self.buttons.append(button)
                continue
            self.buttons.append(self.end_side(button, card_area, y))
            y = button.rect.bottom + m.px(12)

    def _ways_on(self) -> list[tuple[str, str]]:
        """The buttons under Scout's card, by verdict (a repair before any way on)."""
        verdict = self.verdict()
        if verdict == "unsafe":
            # TRANSLATORS: reply builder: back to the tiles; the firm picks stay.
            return [("again", self._("Build it again"))]
        ways = [("next", self._("Continue"))]
        if verdict == "okay":
            # TRANSLATORS: reply builder: back to the tiles, with "No reason" picked.
            ways.append(("no-reason", self._("Try it without a reason")))
        return ways

    def _verdict_blocks(self, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        verdict = self.verdict()
        icon = round(m.font(44) * scale)
        ink = VERDICT_LOOK[verdict][0]
        heading = text.render(
            self.verdict_heading(),
            round(m.font(30) * scale),
            ink,
            width - icon - m.px(12),
            bold=True,
        )
        badge = {"great": _star_badge, "okay": _okay_badge, "unsafe": draw.bulb}[verdict]
        blocks = [Block(heading, indent=icon + m.px(12), icon=badge, icon_size=icon)]
        for words, _owner, _source in self.explains():
            blocks.append(
                Block(
                    text.render(words, round(m.body * scale), theme.INK, width), gap_before=m.px(10)
                )
            )
        return blocks

    def first_focus(self) -> int:
        """Nothing is picked for the child: Enter alone never picks a tile."""
        return 0 if self.sent else -1

    # -- input ----------------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Pick a tile, send, build again, or go on."""
        if key.startswith("tile:") and not self.sent:
            _tile, part, tile_id = key.split(":", 2)
            self.picks[part] = tile_id
            self.relayout()
            self.focus_on(self._next_focus(part))
            return
        if key == "send" and self.complete:
            self.sent = True
            self.app.sound.play(VERDICT_LOOK[self.verdict()][2])
            self.scroll_y = 0
            self.relayout()
            self.focus_on("again" if self.verdict() == "unsafe" else "next")
            return
        if key == "again":
            for part, tile in self.chosen_tiles():
                if tile is not None and not tile.firm:
                    del self.picks[part]
            self._back_to_tiles()
            return
        if key == "no-reason":
            self.picks["reasons"] = NO_REASON
            self._back_to_tiles()
            return
        if key == "next" and self.sent and self.verdict() != "unsafe":
            self.session.finish_activity({})
            self.follow()

    def _back_to_tiles(self) -> None:
        self.sent = False
        self.scroll_y = 0
        self.relayout()
        self.focus_on(self._next_focus(None))

    def _next_focus(self, after: str | None) -> str:
        """Where the ring goes: the first tile of the next row without a pick, else Send."""
        for part in PARTS:
            if part not in self.picks:
                first = self.tiles(part)[0]
                return f"tile:{part}:{NO_REASON if first is None else first.id}"
        return "send"

    def focused_part(self) -> str | None:
        """The row the focus ring is in (None when it is on no tile)."""
        key = self.focused_key() or ""
        return key.split(":")[1] if key.startswith("tile:") else None

    def on_key(self, event: pygame.event.Event) -> None:
        """Keys 1-4 pick a tile in the row with the focus (else the first row left to pick)."""
        if self.sent or event.key not in NUMBER_KEYS:
            return
        part = self.focused_part() or next((p for p in PARTS if p not in self.picks), PARTS[-1])
        self.number_key(event, (f"tile:{part}:",))

    def show_state(self, state: str) -> None:
        """Pick tiles for a snapshot: ``no-id,reason-id,action-id[,send]``.

        ``none`` is the game's own "No reason" tile; ``send`` shows the reaction.
        """
        words = [word.strip() for word in state.split(",") if word.strip()]
        send = words[-1:] == ["send"]
        for part, tile_id in zip(PARTS, words[:-1] if send else words, strict=False):
            ids = ["none"] * (part == "reasons") + [t.id for t in getattr(self.step, part)]
            if tile_id not in ids:
                raise SystemExit(f"'{tile_id}' is not a '{part}' tile of this step: {ids}")
            self.on_button(f"tile:{part}:{NO_REASON if tile_id == 'none' else tile_id}")
        if send:
            self.on_button("send")

    # -- reading aloud ----------------------------------------------------------------
    def narration_body(self) -> list[Line]:
        """The prompt and each row's tiles by number; after Send, the chat and Scout's word."""
        step, say = self.step, self.say
        if not self.sent:
            lines = [self.lesson_line(step.id, "prompt", step.prompt, key="prompt")]
            for part in PARTS:
                lines.append(say.said(self.row_title(part), key=f"row/{part}"))
                for index, tile in enumerate(self.tiles(part)):
                    key = f"row/{part}/{index}"
                    lines.append(
                        say.plain(self.app.tr.number(index + 1), key=f"{key}/number", shown="")
                    )
                    if tile is None:
                        lines.append(say.said(self.tile_text(None), key=key))
                    else:
                        lines.append(self.lesson_line(tile.id, "text", tile.text, key=key))
            lines.append(say.said(self._("Pick one tile in each row, then send."), key="hint"))
            return lines
        lines = []
        for index, (_kind, words, owner, field) in enumerate(self.reaction()):
            key = f"reaction/{index}"
            if owner:
                tile = next(t for _p, t in self.chosen_tiles() if t is not None and t.id == owner)
                lines.append(self.lesson_line(owner, field, getattr(tile, field), key=key))
            else:
                lines.append(say.said(words, key=key))
        lines.append(say.said(self.verdict_heading(), key="verdict"))
        for index, (words, owner, source) in enumerate(self.explains()):
            key = f"explain/{index}"
            if owner:
                lines.append(self.lesson_line(owner, "explain", source, key=key))
            else:
                lines.append(say.said(words, key=key))
        return lines

    def spoken_button(self, button: Button) -> list[Line]:
        """A tile is read with its row, and whether it is picked."""
        if button.key.startswith("tile:"):
            part = button.key.split(":")[1]
            lines = [self.say.said(self.row_title(part)), self.say.said(button.label)]
            if button.style == "selected":
                # TRANSLATORS: read aloud after a reply-builder tile that is picked.
                lines.append(self.say.said(self._("Picked")))
            return lines
        return super().spoken_button(button)

    # -- drawing ------------------------------------------------------------------------
    def _flip(self, rect: pygame.Rect) -> pygame.Rect:
        """*rect* mirrored for right-to-left languages (layouts are made left to right)."""
        if not self.m.rtl:
            return rect
        return pygame.Rect(self.m.width - rect.right, rect.top, rect.width, rect.height)

    def draw_content(self, surface: pygame.Surface) -> None:
        """The prompt, row titles and bubbles; after Send, Scout's card."""
        m = self.m
        for rect, words in self._texts:
            surface.blit(words, self._flip(rect))
        for rect, words, kind in self._bubbles:
            where = self._flip(rect)
            fill = {"me": theme.ME_BUBBLE, "them": theme.THEM_BUBBLE, "system": theme.SYSTEM_BG}[
                kind
            ]
            border = None if kind == "me" else theme.OUTLINE
            if kind != "system":  # a speech tail: a bubble, not a button
                _tail(surface, where, fill, border, m, end=(kind == "me") != m.rtl)
            draw.card(surface, where, fill, m.radius, border=border)
            surface.blit(words, words.get_rect(center=where.center))
        if self.sent:
            fill = {"great": theme.GOOD_BG, "okay": theme.WHITE, "unsafe": theme.THINK_BG}[
                self.verdict()
            ]
            draw_card(surface, self._card, m, fill, self._verdict_blocks)


def _tail(surface, rect: pygame.Rect, fill, border, m, *, end: bool) -> None:
    """A speech bubble's tail at the bottom corner of *rect* (the end corner if *end*)."""
    way = 1 if end else -1
    x = rect.right - m.px(16) if end else rect.left + m.px(16)
    points = [
        (x - way * m.px(12), rect.bottom - m.px(6)),
        (x + way * m.px(14), rect.bottom + m.px(10)),
        (x + way * m.px(4), rect.bottom - m.px(14)),
    ]
    pygame.draw.polygon(surface, fill, points)
    if border is not None:
        pygame.draw.lines(surface, border, False, points, max(1, m.px(2)))


def _open_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """An empty ring: a tile not picked."""
    pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.42), max(2, size // 10))


def _picked_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A tick in a filled circle: the tile picked in its row."""
    pygame.draw.circle(surface, theme.WHITE, center, round(size * 0.45))
    draw.check(surface, center, round(size * 0.55), theme.PRIMARY_DARK)


def _again_icon(color: tuple[int, int, int]):
    """A round arrow in *color*: build the reply again."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        radius = round(size * 0.38)
        rect = pygame.Rect(0, 0, 2 * radius, 2 * radius)
        rect.center = center
        pygame.draw.arc(surface, color, rect, 0.6, 5.6, max(2, size // 9))
        tip = (center[0] + round(radius * 0.83), center[1] - round(radius * 0.56))
        pygame.draw.circle(surface, color, tip, max(2, size // 8))

    return paint
