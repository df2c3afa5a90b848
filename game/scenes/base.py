"""The base screen: a header with Back and Help, focusable buttons and input handling.

Every screen gets the same control scheme: mouse or touch press-and-release on a
button, Tab / arrows to move the focus ring, Enter or Space to press, Escape to go
back, F1 for help, and R (or the speaker button) to hear the screen read aloud.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pygame

from game.i18n import N_
from game.ui import draw, theme
from game.ui.widgets import STYLES, Button

if TYPE_CHECKING:
    from game.app import App
    from game.narration.lines import Line, LineMaker
    from game.ui.focus import FocusCause

STYLES.setdefault("help", ("ACCENT", "INK", None))

NEXT_KEYS = {pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT}
PREV_KEYS = {pygame.K_UP, pygame.K_LEFT}
PRESS_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}
#: Keys that scroll a page taller than the window.
PAGE_KEYS = {pygame.K_PAGEUP, pygame.K_PAGEDOWN}
#: How long a button pressed by a key or switch keeps its pressed look (ms).
PRESS_LOOK_MS = 150


class Scene:
    """One screen. Subclasses build their buttons in :meth:`build` and draw in :meth:`draw`."""

    #: Show a Back button in the header (Escape does the same).
    has_back = True
    #: Show the Help button in the header.
    has_help = True
    #: Show the speaker button in the header: it reads the screen aloud (so does R).
    has_read = True
    #: Whose help the Help button opens: None for the child's own age group (settings),
    #: a band code, or ``"adult"`` (game.helplines.ADULT) on grown-ups' screens.
    help_for: str | None = None
    #: True for screens whose own part scrolls with Page Up / Page Down (the chat).
    own_page_keys = False
    #: True for menu screens, where the menu music plays (if switched on); never lessons.
    plays_music = False

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: list[Button] = []
        self.header_buttons: list[Button] = []
        self.focus = 0
        self.dirty = True
        self._pressed: str | None = None
        #: A button pressed by a key or switch, drawn pressed until this time (ms).
        self._press_look: tuple[str, int] | None = None
        self._backdrop: pygame.Surface | None = None
        #: How far the page is scrolled down (px) when it is taller than the window.
        self.scroll_y = 0
        #: The bottom of the screen's own text and pictures (page y, px), set by
        #: :meth:`build`; the page grows to hold it and every button, then scrolls.
        self.extent = 0
        self._title_h = 0
        self._header_grow = 0
        self._drag: tuple[int, int, bool] | None = None
        self._page: pygame.Surface | None = None
        self._header_cache: pygame.Surface | None = None

    # -- conveniences ----------------------------------------------------------
    @property
    def m(self) -> theme.Metrics:
        """Current metrics (window size and text scale)."""
        return self.app.metrics

    def _(self, message: str) -> str:
        """Translate a UI string in the current language."""
        return self.app.tr._(message)

    def title(self) -> str:
        """Header title ('' for none)."""
        return ""

    # -- reading aloud (see game.narration) --------------------------------------
    @property
    def say(self) -> LineMaker:
        """Makes the lines this screen reads aloud, in the current language."""
        from game.narration.lines import LineMaker

        return LineMaker(self.app.tr)

    def narration(self) -> list[Line]:
        """What the screen reads aloud, in reading order: its title, then its own text.

        Screens with text of their own override :meth:`narration_body`; the buttons are
        read when they take the focus (:meth:`spoken_button`).
        """
        title = self.title()
        return ([self.say.said(title, key="title")] if title else []) + self.narration_body()

    def narration_body(self) -> list[Line]:
        """The screen's own text to read after its title (subclasses override)."""
        return []

    def spoken_button(self, button: Button) -> list[Line]:
        """What is read when *button* takes the focus: its label, then its sublabel."""
        if button.key == "read":
            # TRANSLATORS: what the speaker button (it reads the screen aloud) is called.
            return [self.say.ui(N_("Read to me"))]
        lines = [self.say.said(button.label)] if button.label else []
        if button.lang and lines:  # a language's name, read in that language
            lines[0] = replace(lines[0], lang=button.lang)
        if button.sublabel:
            lines += [self.say.said(part) for part in button.sublabel.split("\n") if part]
        return lines

    def redraw_all(self) -> None:
        """Draw everything again next frame, the cached backdrop too (its text changed)."""
        self._backdrop = None
        self._header_cache = None
        self.dirty = True

    def word_moved(self, strings: set[str]) -> None:
        """The word read aloud moved on within *strings*; nothing else changed: show it.

        Screens that know where those strings are drawn may redraw only that part.
        """
        self.dirty = True

    def loading_changed(self, appeared_or_went: bool) -> None:
        """The lessons' loading note appeared or went (*appeared_or_went*), or moved on.

        Only screens that show it (the title, see ``App.loading_progress``) override this.
        """

    # -- lifecycle -------------------------------------------------------------
    def enter(self) -> None:
        """Called when the screen is pushed: build the layout."""
        self.relayout()

    def resume(self, result: Any = None) -> None:
        """Called when a screen above this one closes, with its result."""
        self.relayout()

    def release(self) -> None:
        """Free the cached backdrop while the screen is hidden or closed (rebuilt on resume).

        A mouse press begun here is forgotten: its release on another screen, or after
        coming back, presses nothing.
        """
        self._backdrop = None
        self._pressed = None
        self._press_look = None

    def relayout(self) -> None:
        """Rebuild buttons for the current window, language and text size."""
        focused = self.focused_key()
        before = [b.key for b in self.buttons]
        self._fit_header()
        self._title_h = self._page_title_height()
        self.buttons = []
        self.extent = 0
        self.focus = self.first_focus()
        self.build()
        if [b.key for b in self.buttons] != before:
            # New buttons are a new screen for the child: a press already on its way
            # (a double click, a repeated key) must not land on them.
            self.app.guard.hold()
        if self.m.rtl:
            self._mirror()
        keys = [b.key for b in self.all_buttons()]
        self._backdrop = None
        self._header_cache = None
        self.scroll_to(self.scroll_y)
        if focused in keys:
            self.focus = keys.index(focused)
            self._reveal_focus()  # the ring stays in view (a new screen starts at its top)
        self.dirty = True

    def _mirror(self) -> None:
        """Flip the layout for right-to-left languages: every button and layout rectangle."""
        width = self.m.width
        rects = [b.rect for b in self.all_buttons()]
        rects += [v for v in vars(self).values() if isinstance(v, pygame.Rect)]
        for rect in {id(r): r for r in rects}.values():
            rect.x = width - rect.right

    def start_pos(self, area: pygame.Rect, item: pygame.Surface, y: int) -> tuple[int, int]:
        """Where *item* starts on a line of *area*: its left edge, or right edge in RTL."""
        return (area.right - item.get_width(), y) if self.m.rtl else (area.left, y)

    def build(self) -> None:
        """Create ``self.buttons`` for the current layout (subclasses override)."""

    def first_focus(self) -> int:
        """Where the focus ring starts: the first button, or -1 for none.

        Screens that ask for a decision start with no focus, so Enter alone never picks
        for the child (and no answer looks highlighted); Tab or an arrow key shows it.
        """
        return 0

    def content_rect(self) -> pygame.Rect:
        """The area below the header (and below the title, when it needs its own lines).

        Content may run below its bottom: the page then scrolls (see :meth:`page_height`).
        """
        top = self.header_height() + self._title_h
        return pygame.Rect(0, top, self.m.width, self.m.height - top)

    def header_height(self) -> int:
        """Height of the header band (taller when a header button's words need two lines)."""
        return self.m.px(60) + self.m.button_h // 2 + self._header_grow

    def _header_button_h(self) -> int:
        """Height of the header's buttons."""
        return self.m.button_h + self._header_grow

    def _fit_header(self) -> None:
        """Lay out the header; grow it if a button's words need more room (never shrunk)."""
        self._header_grow = 0
        self.header_buttons = self._header()
        m = self.m
        need = max(
            (
                b._label(self.app.text, m, theme.INK).get_height() + m.px(16) - b.rect.height
                for b in self.header_buttons
            ),
            default=0,
        )
        if need > 0:
            self._header_grow = need
            self.header_buttons = self._header()

    def _header(self) -> list[Button]:
        m = self.m
        h = self._header_button_h()
        top = (self.header_height() - h) // 2
        out = []
        edge = m.width - m.pad
        if self.has_help:
            width = self._header_width(self._("Help"))
            rect = pygame.Rect(m.width - m.pad - width, top, width, h)
            out.append(Button("help", self._("Help"), rect, "help", icon=self._help_icon))
            edge = rect.left - m.px(12)
        if self.has_read:
            out.append(speaker_button(pygame.Rect(edge - h, top, h, h)))
        if self.has_back:
            width = self._header_width(self._("Back"))
            rect = pygame.Rect(m.pad, top, width, h)
            out.append(
                Button(
                    "back",
                    self._("Back"),
                    rect,
                    "secondary",
                    icon=lambda s, c, z: draw.arrow(s, c, z, theme.PRIMARY, -m.forward),
                )
            )
        return out

    def _header_width(self, label: str) -> int:
        """Wide enough for the label on one line (long translations, large text).

        At most a third of the window: a title that no longer fits between the header
        buttons gets its own lines under the header.
        """
        m = self.m
        text_w = self.app.text.render(label, m.body, theme.INK, bold=True).get_width()
        return min(max(m.px(130) + m.font(26) * 2, text_w + m.body * 2 + 2 * m.pad), m.width // 3)

    def _help_icon(self, surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        glyph = self.app.text.render("?", round(size * 0.8), theme.INK, bold=True)
        draw.question(surface, center, size, glyph)

    def all_buttons(self) -> list[Button]:
        """Buttons in keyboard order: the screen's own first, then Back, then Help."""
        back = [b for b in self.header_buttons if b.key == "back"]
        read = [b for b in self.header_buttons if b.key == "read"]
        helps = [b for b in self.header_buttons if b.key == "help"]
        return self.buttons + back + read + helps

    def focus_on(self, key: str, cause: FocusCause = "screen") -> None:
        """Put the focus ring on button *key* (if it is on screen)."""
        keys = [b.key for b in self.all_buttons()]
        if key in keys:
            self.set_focus(keys.index(key), cause)

    def set_focus(self, index: int, cause: FocusCause) -> None:
        """Move the focus ring to button *index* (-1: none); the one place focus moves.

        Every move is announced on ``app.focus_events`` (narration reads the button,
        switch scanning restarts its wait), even onto the button already focused, so a
        screen that puts the ring back on the same key after an answer is read again.
        """
        self.focus = index
        self.dirty = True
        self._reveal_focus()
        if self.app.stack and self.app.scene is self:
            from game.ui.focus import FocusChange

            button = self.focused_button()
            self.app.focus_events.emit(FocusChange(self, button, cause))

    def focus_step(self, key: int) -> int:
        """+1 (next in reading order) or -1 for a focus key.

        Left and Right follow the screen: they go to the neighbour (in reading order)
        that sits that way on the same row, so in right-to-left languages Right moves
        the focus back and Left moves it on, while a keypad that keeps 1-2-3 left to
        right still steps the way it looks. With no neighbour on the row, Right means
        "next" left to right and "back" right to left.
        """
        if key not in (pygame.K_LEFT, pygame.K_RIGHT):
            return 1 if key in NEXT_KEYS else -1
        way = 1 if key == pygame.K_RIGHT else -1
        buttons = self.all_buttons()
        if 0 <= self.focus < len(buttons) and len(buttons) > 1:
            here = self.on_screen(buttons[self.focus])
            for step in (1, -1):
                there = self.on_screen(buttons[(self.focus + step) % len(buttons)])
                row = there.top < here.bottom and here.top < there.bottom
                if row and (there.centerx - here.centerx) * way > 0:
                    return step
        return -way if self.m.rtl else way

    def focused_button(self) -> Button | None:
        """The button with keyboard focus (None when nothing is focused)."""
        buttons = self.all_buttons()
        return buttons[self.focus] if 0 <= self.focus < len(buttons) else None

    def focused_key(self) -> str | None:
        """Key of the button with keyboard focus."""
        buttons = self.all_buttons()
        return buttons[self.focus].key if 0 <= self.focus < len(buttons) else None

    # -- input -----------------------------------------------------------------
    def handle(self, event: pygame.event.Event) -> None:
        """Route one input event: keyboard focus, mouse and touch presses, wheel."""
        buttons = self.all_buttons()
        if event.type == pygame.KEYDOWN:
            if event.key == pygame.K_F1 and self.has_help:
                self.press("help")
            elif event.key == pygame.K_ESCAPE and self.has_back:
                self.press("back")
            elif event.key == pygame.K_r and not event.mod & (pygame.KMOD_CTRL | pygame.KMOD_ALT):
                self.app.narration.replay(self)
            elif buttons and event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
                self.move_focus(-1)
            elif buttons and event.key in NEXT_KEYS | PREV_KEYS:
                self.move_focus(self.focus_step(event.key))
            elif buttons and event.key in PRESS_KEYS:
                focused = self.focused_key()
                if focused is not None:
                    self.show_press(focused)
                    self.press(focused)
            elif event.key in PAGE_KEYS and self.max_scroll() > 0 and not self.own_page_keys:
                view = self.m.height - self.header_height() - self.m.px(60)
                self.scroll_to(self.scroll_y + (view if event.key == pygame.K_PAGEDOWN else -view))
            else:
                self.on_key(event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._pressed = self._hit(event.pos)
            self._drag = (event.pos[1], self.scroll_y, False)
            if self._pressed is not None:
                self.dirty = True  # the button looks pushed in while it is held
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            if self._pressed is not None:
                self.dirty = True
            hit = self._hit(event.pos)
            dragged = self._drag is not None and self._drag[2]
            if hit is not None and hit == self._pressed and not dragged:
                self.press(hit)
            self._pressed = None
            self._drag = None
        elif event.type == pygame.MOUSEMOTION:
            if self._drag_page(event):
                return
            hit = self._hit(event.pos)
            keys = [b.key for b in buttons]
            if hit is not None and keys.index(hit) != self.focus:
                self.set_focus(keys.index(hit), "pointer")
        elif event.type == pygame.MOUSEWHEEL:
            self.on_scroll(event.y)

    def show_press(self, key: str) -> None:
        """Show button *key* pressed for a moment (a key or switch pressed it; no animation)."""
        self._press_look = (key, self.app.guard.clock() + PRESS_LOOK_MS)
        self.dirty = True

    def pressed_key(self) -> str | None:
        """The button drawn pressed now: held down by mouse or finger, or just pressed by a key."""
        look = self._press_look
        if look is not None and self.app.guard.clock() < look[1]:
            return look[0]
        return self._pressed

    def settle_press(self) -> None:
        """Let a key's pressed look go once its moment is over (the app calls this when idle)."""
        look = self._press_look
        if look is not None and self.app.guard.clock() >= look[1]:
            self._press_look = None
            self.dirty = True

    def _drag_page(self, event: pygame.event.Event) -> bool:
        """A finger or a held mouse button dragging a tall page scrolls it (no press then)."""
        if self._drag is None or not event.buttons[0] or self.max_scroll() <= 0:
            return False
        start_y, start_scroll, moved = self._drag
        moved = moved or abs(event.pos[1] - start_y) > self.m.px(16)
        if moved:
            self._drag = (start_y, start_scroll, True)
            self.scroll_to(start_scroll - (event.pos[1] - start_y))
        return moved

    def _hit(self, pos: tuple[int, int]) -> str | None:
        for button in self.header_buttons:
            if button.rect.collidepoint(pos):
                return button.key
        if pos[1] < self.header_height():
            return None  # the page scrolled under the header is hidden there
        for button in self.all_buttons():
            if self.on_screen(button).collidepoint(pos):
                return button.key
        return None

    def move_focus(self, delta: int, cause: FocusCause = "keyboard") -> None:
        """Move the focus ring to the next (1) or previous (-1) button, wrapping around."""
        count = len(self.all_buttons())
        if count and not 0 <= self.focus < count:  # nothing focused yet: start at an end
            self.set_focus(0 if delta > 0 else count - 1, cause)
        elif count:
            self.set_focus((self.focus + delta) % count, cause)

    def press(self, key: str) -> None:
        """Activate the button *key* (header buttons handled here)."""
        self.app.sound.play("page" if key == "next" else "select")
        if key == "help":
            from game.scenes.help import HelpScene

            self.app.push(HelpScene(self.app, self.help_audience()))
        elif key == "back":
            self.app.pop()
        elif key == "read":
            self.app.narration.replay(self)
        else:
            self.on_button(key)
        self.dirty = True

    def help_audience(self) -> str | None:
        """Whose help the Help button opens (see :attr:`help_for`)."""
        return self.help_for

    def on_button(self, key: str) -> None:
        """A button of this screen was pressed (subclasses override)."""

    def on_key(self, event: pygame.event.Event) -> None:
        """A key that is not a navigation key (subclasses may override)."""

    def on_scroll(self, amount: int) -> None:
        """Mouse wheel: scroll the page when it is taller than the window.

        (Subclasses with a scrolling part of their own may override.)
        """
        self.scroll_to(self.scroll_y - amount * self.m.px(80))

    # -- drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole screen: the cached backdrop, then what changes, then buttons.

        A page taller than the window is drawn whole and shown through the window
        under the fixed header, scrolled by :attr:`scroll_y`, with a scroll bar.
        """
        if self.max_scroll() <= 0:
            surface.blit(self.window_backdrop(surface), (0, 0))
            self.draw_content(surface)
            self.draw_buttons(surface)
            return
        page = self.draw_page(surface)
        top = self.header_height()
        width, height = surface.get_size()
        surface.blit(page, (0, top), pygame.Rect(0, top + self.scroll_y, width, height - top))
        if self._header_cache is None or self._header_cache.get_width() != width:
            self._header_cache = pygame.Surface((width, top), 0, surface)
            self._header_cache.fill(theme.BG)
            self.draw_header(self._header_cache)
        surface.blit(self._header_cache, (0, 0))
        focused = self.focused_key()
        pressed = self.pressed_key()
        for button in self.header_buttons:
            button.draw(
                surface, self.app.text, self.m, button.key == focused, pressed=button.key == pressed
            )
        self.draw_scrollbar(surface)

    def window_backdrop(self, like: pygame.Surface) -> pygame.Surface:
        """The cached backdrop of a page that fits the window (drawn now if it is not kept).

        Header, page title and :meth:`draw_backdrop`, on a surface the size and format of
        *like*; kept until :meth:`relayout` or :meth:`redraw_all` drops it.
        """
        if self._backdrop is None or self._backdrop.get_size() != like.get_size():
            self._backdrop = pygame.Surface(like.get_size(), 0, like)
            self._backdrop.fill(theme.BG)
            self.draw_header(self._backdrop)
            self._draw_page_title(self._backdrop)
            self.draw_backdrop(self._backdrop)
        return self._backdrop

    def draw_page(self, like: pygame.Surface) -> pygame.Surface:
        """The whole page (window width, :meth:`page_height` tall) with content and buttons.

        Header buttons are not on it: they stay put in the header while the page scrolls.
        """
        size = (like.get_width(), self.page_height())
        if self._backdrop is None or self._backdrop.get_size() != size:
            self._backdrop = pygame.Surface(size, 0, like)
            self._backdrop.fill(theme.BG)
            self._draw_page_title(self._backdrop)
            self.draw_backdrop(self._backdrop)
        if self._page is None or self._page.get_size() != size:
            self._page = pygame.Surface(size, 0, like)
        page = self._page
        page.blit(self._backdrop, (0, 0))
        self.draw_content(page)
        self.draw_page_buttons(page)
        return page

    def draw_page_buttons(self, page: pygame.Surface) -> None:
        """Draw the buttons that scroll with the page (not the header's) onto *page*."""
        header = self.header_buttons
        self.header_buttons = []
        try:
            self.draw_buttons(page)
        finally:
            self.header_buttons = header

    def draw_scrollbar(self, surface: pygame.Surface) -> None:
        """A bar on the end edge showing which part of the page is in view."""
        m = self.m
        top = self.header_height()
        track_h = m.height - top - 2 * m.px(6)
        width = max(6, m.px(10))
        x = m.px(4) if m.rtl else m.width - width - m.px(4)
        track = pygame.Rect(x, top + m.px(6), width, track_h)
        pygame.draw.rect(surface, theme.BG_BAND, track, border_radius=width // 2)
        view = m.height - top
        thumb_h = max(m.px(40), round(track_h * view / (view + self.max_scroll())))
        thumb_y = track.top + round((track_h - thumb_h) * self.scroll_y / self.max_scroll())
        thumb = pygame.Rect(x, thumb_y, width, thumb_h)
        pygame.draw.rect(surface, theme.INK_SOFT, thumb, border_radius=width // 2)

    # -- the page: taller than the window when text is large ----------------------
    def page_height(self) -> int:
        """How tall the page is: the window, or more to hold its buttons and content.

        The screen's own text and pictures end at :attr:`extent`; a margin goes below.
        """
        content = [b.rect.bottom for b in self.buttons] + [self.extent]
        bottom = max(content) + self.m.pad
        return max(self.m.height, bottom)

    def max_scroll(self) -> int:
        """How far the page can scroll (0 when it fits the window)."""
        return max(0, self.page_height() - self.m.height)

    def scroll_to(self, y: int) -> None:
        """Scroll the page so that page row *y* is at the top of the view (clamped)."""
        clamped = min(max(0, y), self.max_scroll())
        if clamped != self.scroll_y:
            self.scroll_y = clamped
            self.dirty = True

    def reveal(self, rect: pygame.Rect) -> None:
        """Scroll just enough for *rect* (page coordinates) to be in view under the header.

        A rect taller than the view shows its top.
        """
        margin = self.m.px(12)
        if rect.bottom + margin > self.m.height + self.scroll_y:
            self.scroll_to(rect.bottom + margin - self.m.height)
        if rect.top - margin < self.header_height() + self.scroll_y:
            self.scroll_to(rect.top - margin - self.header_height())

    def _reveal_focus(self) -> None:
        button = self.focused_button()
        if button is not None and button in self.buttons:
            self.reveal(button.rect)

    def page_pos(self, pos: tuple[int, int]) -> tuple[int, int]:
        """Where a point of the window is on the (possibly scrolled) page."""
        return (pos[0], pos[1] + self.scroll_y)

    def on_screen(self, button: Button) -> pygame.Rect:
        """Where *button* is in the window now (page buttons move as the page scrolls)."""
        if button in self.header_buttons:
            return button.rect
        return button.rect.move(0, -self.scroll_y)

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """Parts of the screen that only change on relayout (drawn once, then reused)."""

    def draw_header(self, surface: pygame.Surface) -> None:
        """The header band with the screen title."""
        m = self.m
        band = pygame.Rect(0, 0, m.width, self.header_height())
        pygame.draw.rect(surface, theme.BG_BAND, band)
        title = self.title()
        if title and not self._title_h:
            left, right = self._title_span()
            label = self.app.text.render(
                title, m.heading, theme.INK, right - left, bold=True, align="center"
            )
            spot = label.get_rect(center=((left + right) // 2, band.centery))
            if label.get_height() > band.height:  # a tall script's line: centre what is drawn
                spot.y = band.centery - label.get_bounding_rect().centery
            surface.blit(label, spot)

    def _title_span(self) -> tuple[int, int]:
        """Where the header title may go: between the header buttons, centred and symmetric.

        (Whichever side each button is on: they swap in right-to-left languages.)
        """
        m = self.m
        half = m.width // 2
        inset = max(
            [b.rect.right for b in self.header_buttons if b.rect.centerx < half]
            + [m.width - b.rect.left for b in self.header_buttons if b.rect.centerx >= half]
            + [0]
        )
        return inset + m.pad, m.width - inset - m.pad

    def _page_title_height(self) -> int:
        """0 when the title fits the header; else the height of its own lines under it.

        A title is never shrunk: one too long for the header at its size (a long
        translation, large text) is written across the page under the header instead.
        """
        title = self.title()
        if not title:
            return 0
        m = self.m
        left, right = self._title_span()
        one_line = self.app.text.render(title, m.heading, theme.INK, bold=True)
        # Arabic's line is taller than the band at large sizes, though its letters fit it.
        if one_line.get_width() <= right - left and (
            one_line.get_height() <= self.header_height()
            or one_line.get_bounding_rect().height <= self.header_height() - 2 * m.px(6)
        ):
            return 0
        return self._page_title().get_height() + m.pad

    def _page_title(self) -> pygame.Surface:
        """The title wrapped across the page, for a title too long for the header."""
        m = self.m
        return self.app.text.render(
            self.title(), m.heading, theme.INK, m.width - 4 * m.pad, bold=True, align="center"
        )

    def _draw_page_title(self, surface: pygame.Surface) -> None:
        """The title on the page, under the header, when it did not fit the header."""
        if self._title_h:
            label = self._page_title()
            top = self.header_height() + self.m.pad // 2
            surface.blit(label, label.get_rect(midtop=(self.m.width // 2, top)))

    def draw_content(self, surface: pygame.Surface) -> None:
        """The screen's own content (subclasses override)."""

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Every button, with the focus ring on the focused one (and the pressed one pushed in)."""
        focused = self.focused_key()
        pressed = self.pressed_key()
        for button in self.all_buttons():
            button.draw(
                surface, self.app.text, self.m, button.key == focused, pressed=button.key == pressed
            )


def speaker_button(rect: pygame.Rect) -> Button:
    """The header's speaker button: a drawn speaker, no words (it is read as "Read to me")."""
    from game.ui.speaker import SpeakerButton

    return SpeakerButton("read", "", rect, "secondary")
