"""Chat bubbles baked into one surface each, re-made only when something about them changes."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pygame

from game.content.taxonomy import TACTICS
from game.session import Entry
from game.ui import draw, theme

if TYPE_CHECKING:
    from game.app import App


@dataclass
class Baked:
    """A bubble drawn without its text, where the text goes, and how to draw the text."""

    frame: pygame.Surface
    at: tuple[int, int]
    text_block: Callable[[], pygame.Surface]

    def compose(self, *, keep: bool = False) -> pygame.Surface:
        """The finished bubble: the text drawn into the frame (into a copy when *keep*)."""
        surface = self.frame.copy() if keep else self.frame
        surface.blit(self.text_block(), self.at)
        return surface


class BubbleRenderer:
    """Turns chat history entries into finished bubble surfaces, cached."""

    def __init__(self, app: App, band: str) -> None:
        self.app = app
        #: The lesson's age group: help services in the text are named for it.
        self.band = band
        self._cache: dict[tuple, pygame.Surface] = {}
        #: Bubbles with a word lit up for narration, by what they were baked for (the same
        #: message can be in the chat twice: both light up).
        self._lit: dict[tuple, pygame.Surface] = {}
        #: Each message's text as shown, by (context, source, language, country).
        self._texts: dict[tuple, str] = {}
        #: Bubbles being read aloud, without their text: each new word only redraws the text.
        self._frames: dict[tuple, Baked] = {}
        #: The bubbles of :attr:`_cache` for one chat width and look, by (entry key,
        #: revealed): a chat's many bubbles are found without hashing the look each time.
        self._shelf: dict[tuple[str, bool], pygame.Surface] = {}
        self._shelf_look: tuple | None = None

    def clear(self) -> None:
        """Forget every baked bubble."""
        self._cache.clear()
        self._texts.clear()
        self._lit.clear()
        self._frames.clear()
        self._shelf = {}
        self._shelf_look = None

    def render_all(self, entries: Iterable[Entry], width: int) -> tuple[pygame.Surface, ...]:
        """The bubbles for *entries* in a chat column *width* wide, as :meth:`render` makes them.

        The same pictures, found faster: the look they depend on (window metrics,
        language, colours, reading font) is checked once for all of them.
        """
        app = self.app
        if app.text.highlight is not None:  # a word is lit somewhere: bubble by bubble
            return tuple(self.render(entry, width) for entry in entries)
        look = (width, app.metrics, app.tr.language, theme.PALETTE, app.fonts.reading)
        if look != self._shelf_look:
            self._shelf, self._shelf_look = {}, look
        shelf = self._shelf
        shown = []
        for entry in entries:
            surface = shelf.get((entry.key, entry.revealed))
            if surface is None:
                surface = shelf[(entry.key, entry.revealed)] = self.render(entry, width)
            shown.append(surface)
        return tuple(shown)

    def render(self, entry: Entry, width: int) -> pygame.Surface:
        """The bubble for *entry* in a chat column *width* pixels wide."""
        m = self.app.metrics
        app = self.app
        look = (app.tr.language, theme.PALETTE, app.fonts.reading)
        key = (entry.key, entry.revealed, width, m, look)
        lit = app.text.highlight  # a word of this bubble is being read aloud:
        if lit is not None and lit[0] == self._text(entry):
            return self._lit_bubble(entry, width, key, lit)
        surface = self._cache.get(key)
        if surface is None:
            surface = self._bake(entry, width).compose()
            self._cache[key] = surface
        return surface

    def _lit_bubble(self, entry: Entry, width: int, key: tuple, lit: tuple) -> pygame.Surface:
        """The bubble with the word being read lit: its frame is kept, only the text changes."""
        surface = self._lit.get((key, lit))
        if surface is None:
            if len(self._lit) > 16:  # the word moved on: earlier lit pictures are done with
                self._lit.clear()
            frame = self._frames.get(key)
            if frame is None:
                if len(self._frames) > 8:
                    self._frames.clear()
                frame = self._frames[key] = self._bake(entry, width)
            surface = self._lit[(key, lit)] = frame.compose(keep=True)
        return surface

    def _text(self, entry: Entry) -> str:
        """The message as shown: translated, services filled in (looked up once, then kept)."""
        app = self.app
        key = (entry.context, entry.text, app.tr.language, app.profile.settings.country)
        text = self._texts.get(key)
        if text is None:
            if len(self._texts) > 512:
                self._texts.clear()
            text = app.fill_services(app.tr.pgettext(entry.context, entry.text), self.band)
            self._texts[key] = text
        return text

    def _bake(self, entry: Entry, width: int) -> Baked:
        if entry.sender == "scout":
            return self._scout(entry, width)
        if entry.sender == "system":
            return self._system(entry, width)
        return self._chat(entry, width)

    def _chat(self, entry: Entry, width: int) -> Baked:
        m = self.app.metrics
        mine = entry.sender == "me"
        avatar = 0 if mine else m.px(44)
        pad = m.px(14)
        max_text = round(width * 0.78) - avatar - 2 * pad
        text = self._text(entry)
        if not self.app.text.fits_words(text, m.body, max_text):
            max_text = width - avatar - m.px(8) - 2 * pad  # a long word: the whole width
        ink = theme.WHITE if mine else theme.INK

        def text_block() -> pygame.Surface:
            return self.app.text.render(text, m.body, ink, max_text)

        body = text_block()
        picture_h = round(max_text * 0.45) if entry.hidden_picture else 0
        picture_w = min(max_text, round(m.px(300)))
        inner_w = max(body.get_width(), picture_w if picture_h else 0)
        bubble = pygame.Rect(
            0,
            0,
            inner_w + 2 * pad,
            body.get_height() + 2 * pad + (picture_h + pad if picture_h else 0),
        )
        flag_s = self._flag_tag(entry, width - avatar - m.px(8)) if entry.revealed else None
        height = bubble.height + (flag_s.get_height() + m.px(6) if flag_s else 0)
        surface = pygame.Surface((width, max(height, avatar)), pygame.SRCALPHA)
        rtl = m.rtl  # in right-to-left languages the two sides of the chat swap
        if mine:
            if rtl:
                bubble.topleft = (0, 0)
            else:
                bubble.topright = (width, 0)
        else:
            if rtl:
                bubble.topright = (width - avatar - m.px(8), 0)
            else:
                bubble.topleft = (avatar + m.px(8), 0)
            avatar_x = width - avatar // 2 if rtl else avatar // 2
            draw.avatar(
                surface, (avatar_x, avatar // 2 + m.px(4)), avatar, self.app_contact_avatar()
            )
        color = theme.ME_BUBBLE if mine else theme.THEM_BUBBLE
        border = None if mine else theme.OUTLINE
        draw.card(surface, bubble, color, m.px(16), border=border)
        y = bubble.top + pad
        if picture_h:
            tile = pygame.Rect(bubble.left + pad, y, picture_w, picture_h)
            draw.hidden_picture(surface, tile, m.unit)
            y += picture_h + pad
        if flag_s:
            flag_x = bubble.right - flag_s.get_width() if rtl else bubble.left
            surface.blit(flag_s, (flag_x, bubble.bottom + m.px(6)))
        at = (bubble.right - pad - body.get_width() if rtl else bubble.left + pad, y)
        return Baked(surface, at, text_block)

    def app_contact_avatar(self) -> str:
        """The avatar of the contact in the lesson being played.

        The nearest scene with a lesson, so a dialog over the chat (Leave?) never turns
        the contact's face into another character's.
        """
        for scene, _callback in reversed(self.app.stack):
            lesson = getattr(scene, "lesson", None)
            if lesson is not None:
                return lesson.contact.avatar
        return "cat"  # the contact's default face (model.Contact)

    def _flag_tag(self, entry: Entry, width: int) -> pygame.Surface:
        """'Red flag: <tactic>' with a flag icon: icon and text, never colour alone."""
        m = self.app.metrics
        tactic = TACTICS.get(entry.tactic or "")
        name = self.app.tr._(tactic.name) if tactic else ""
        label = self.app.text.render(
            self.app.tr._("Red flag: {name}").format(name=name),
            m.small,
            theme.FLAG,
            width - m.px(48),
            bold=True,
        )
        tag = pygame.Rect(0, 0, label.get_width() + m.px(52), label.get_height() + m.px(10))
        surface = pygame.Surface(tag.size, pygame.SRCALPHA)
        pygame.draw.rect(surface, theme.FLAG_BG, tag, border_radius=tag.height // 2)
        pygame.draw.rect(surface, theme.FLAG, tag, width=2, border_radius=tag.height // 2)
        if m.rtl:  # the icon leads the tag: at its right end in right-to-left text
            draw.flag(surface, (tag.right - m.px(24), tag.centery), m.px(24), theme.FLAG)
            surface.blit(label, (tag.right - m.px(42) - label.get_width(), m.px(5)))
        else:
            draw.flag(surface, (m.px(24), tag.centery), m.px(24), theme.FLAG)
            surface.blit(label, (m.px(42), m.px(5)))
        return surface

    def _scout(self, entry: Entry, width: int) -> Baked:
        m = self.app.metrics
        icon = m.px(44)
        pad = m.px(14)
        text = self._text(entry)

        def text_block() -> pygame.Surface:
            return self.app.text.render(text, m.body, theme.INK, width - icon - 3 * pad)

        body = text_block()
        rect = pygame.Rect(0, 0, width, max(body.get_height(), icon) + 2 * pad)
        surface = pygame.Surface(rect.size, pygame.SRCALPHA)
        draw.card(surface, rect, theme.SCOUT_BG, m.px(16), border=theme.ACCENT)
        if m.rtl:
            draw.avatar(
                surface, (width - pad - icon // 2, pad + icon // 2 + m.px(4)), icon, "scout"
            )
            at = (width - 2 * pad - icon - body.get_width(), pad)
        else:
            draw.avatar(surface, (pad + icon // 2, pad + icon // 2 + m.px(4)), icon, "scout")
            at = (2 * pad + icon, pad)
        return Baked(surface, at, text_block)

    def _system(self, entry: Entry, width: int) -> Baked:
        m = self.app.metrics
        pad = m.px(10)
        tick = m.small if entry.is_choice and entry.safe else 0
        text = self._text(entry)

        def text_block() -> pygame.Surface:
            return self.app.text.render(
                text,
                m.small,
                theme.INK,
                width - 4 * pad - tick,
                bold=entry.is_choice,
                align="center",
            )

        body = text_block()
        pill = pygame.Rect(0, 0, body.get_width() + 3 * pad + tick, body.get_height() + pad)
        surface = pygame.Surface((width, pill.height), pygame.SRCALPHA)
        pill.centerx = width // 2
        pygame.draw.rect(
            surface, theme.SYSTEM_BG, pill, border_radius=min(pill.height // 2, m.px(18))
        )
        x = pill.left + pad
        if tick and m.rtl:  # the tick leads: on the right in right-to-left text
            draw.check(surface, (pill.right - pad - tick // 2, pill.centery), tick, theme.GOOD)
        elif tick:
            draw.check(surface, (x + tick // 2, pill.centery), tick, theme.GOOD)
            x += tick + pad // 2
        return Baked(surface, (x, pill.top + pad // 2), text_block)
