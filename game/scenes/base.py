"""The base screen: a header with Back and Help, focusable buttons and input handling.

Every screen gets the same control scheme: mouse or touch press-and-release on a
button, Tab / arrows to move the focus ring, Enter or Space to press, Escape to go
back and F1 for help.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pygame

from game.ui import draw, theme
from game.ui.widgets import STYLES, Button

if TYPE_CHECKING:
    from game.app import App

STYLES.setdefault("help", (theme.ACCENT, theme.INK, None))

NEXT_KEYS = {pygame.K_TAB, pygame.K_DOWN, pygame.K_RIGHT}
PREV_KEYS = {pygame.K_UP, pygame.K_LEFT}
PRESS_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE}


class Scene:
    """One screen. Subclasses build their buttons in :meth:`build` and draw in :meth:`draw`."""

    #: Show a Back button in the header (Escape does the same).
    has_back = True
    #: Show the Help button in the header.
    has_help = True
    #: Whose help the Help button opens: None for the child's own age group (settings),
    #: a band code, or ``"adult"`` (game.helplines.ADULT) on grown-ups' screens.
    help_for: str | None = None

    def __init__(self, app: App) -> None:
        self.app = app
        self.buttons: list[Button] = []
        self.header_buttons: list[Button] = []
        self.focus = 0
        self.dirty = True
        self._pressed: str | None = None
        self._backdrop: pygame.Surface | None = None

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

    def relayout(self) -> None:
        """Rebuild buttons for the current window, language and text size."""
        focused = self.focused_key()
        before = [b.key for b in self.buttons]
        self.header_buttons = self._header()
        self.buttons = []
        self.focus = self.first_focus()
        self.build()
        if [b.key for b in self.buttons] != before:
            # New buttons are a new screen for the child: a press already on its way
            # (a double click, a repeated key) must not land on them.
            self.app.guard.hold()
        if self.m.rtl:
            self._mirror()
        keys = [b.key for b in self.all_buttons()]
        if focused in keys:
            self.focus = keys.index(focused)
        self._backdrop = None
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
        """The area below the header."""
        top = self.header_height()
        return pygame.Rect(0, top, self.m.width, self.m.height - top)

    def header_height(self) -> int:
        """Height of the header band."""
        return self.m.px(60) + self.m.button_h // 2

    def _header(self) -> list[Button]:
        m = self.m
        h = m.button_h
        top = (self.header_height() - h) // 2
        out = []
        if self.has_help:
            width = self._header_width(self._("Help"))
            rect = pygame.Rect(m.width - m.pad - width, top, width, h)
            out.append(Button("help", self._("Help"), rect, "help", icon=self._help_icon))
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
        """Wide enough for the label on one line (long translations), within a quarter screen."""
        m = self.m
        text_w = self.app.text.render(label, m.body, theme.INK, bold=True).get_width()
        return min(max(m.px(130) + m.font(26) * 2, text_w + m.body * 2 + 2 * m.pad), m.width // 4)

    def _help_icon(self, surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        glyph = self.app.text.render("?", round(size * 0.8), theme.INK, bold=True)
        draw.question(surface, center, size, glyph)

    def all_buttons(self) -> list[Button]:
        """Buttons in keyboard order: the screen's own first, then Back, then Help."""
        back = [b for b in self.header_buttons if b.key == "back"]
        helps = [b for b in self.header_buttons if b.key == "help"]
        return self.buttons + back + helps

    def focus_on(self, key: str) -> None:
        """Put the focus ring on button *key* (if it is on screen)."""
        keys = [b.key for b in self.all_buttons()]
        if key in keys:
            self.focus = keys.index(key)
            self.dirty = True

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
            elif buttons and event.key == pygame.K_TAB and event.mod & pygame.KMOD_SHIFT:
                self.move_focus(-1)
            elif buttons and event.key in NEXT_KEYS:
                self.move_focus(1)
            elif buttons and event.key in PREV_KEYS:
                self.move_focus(-1)
            elif buttons and event.key in PRESS_KEYS:
                focused = self.focused_key()
                if focused is not None:
                    self.press(focused)
            else:
                self.on_key(event)
        elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
            self._pressed = self._hit(event.pos)
        elif event.type == pygame.MOUSEBUTTONUP and event.button == 1:
            hit = self._hit(event.pos)
            if hit is not None and hit == self._pressed:
                self.press(hit)
            self._pressed = None
        elif event.type == pygame.MOUSEMOTION:
            hit = self._hit(event.pos)
            keys = [b.key for b in buttons]
            if hit is not None and keys.index(hit) != self.focus:
                self.focus = keys.index(hit)
                self.dirty = True
        elif event.type == pygame.MOUSEWHEEL:
            self.on_scroll(event.y)

    def _hit(self, pos: tuple[int, int]) -> str | None:
        for button in self.all_buttons():
            if button.rect.collidepoint(pos):
                return button.key
        return None

    def move_focus(self, delta: int) -> None:
        """Move the focus ring to the next (1) or previous (-1) button, wrapping around."""
        count = len(self.all_buttons())
        if count and not 0 <= self.focus < count:  # nothing focused yet: start at an end
            self.focus = 0 if delta > 0 else count - 1
            self.dirty = True
        elif count:
            self.focus = (self.focus + delta) % count
            self.dirty = True

    def press(self, key: str) -> None:
        """Activate the button *key* (header buttons handled here)."""
        self.app.sound.play("tap")
        if key == "help":
            from game.scenes.help import HelpScene

            self.app.push(HelpScene(self.app, self.help_audience()))
        elif key == "back":
            self.app.pop()
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
        """Mouse wheel (subclasses may override)."""

    # -- drawing ---------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole screen: the cached backdrop, then what changes, then buttons."""
        if self._backdrop is None or self._backdrop.get_size() != surface.get_size():
            self._backdrop = pygame.Surface(surface.get_size()).convert(surface)
            self._backdrop.fill(theme.BG)
            self.draw_header(self._backdrop)
            self.draw_backdrop(self._backdrop)
        surface.blit(self._backdrop, (0, 0))
        self.draw_content(surface)
        self.draw_buttons(surface)

    def draw_backdrop(self, surface: pygame.Surface) -> None:
        """Parts of the screen that only change on relayout (drawn once, then reused)."""

    def draw_header(self, surface: pygame.Surface) -> None:
        """The header band with the screen title."""
        m = self.m
        band = pygame.Rect(0, 0, m.width, self.header_height())
        pygame.draw.rect(surface, theme.BG_BAND, band)
        title = self.title()
        if title:
            # The title sits between the header buttons, centred and symmetric, whichever
            # side each button is on (they swap in right-to-left languages).
            half = m.width // 2
            inset = max(
                [b.rect.right for b in self.header_buttons if b.rect.centerx < half]
                + [m.width - b.rect.left for b in self.header_buttons if b.rect.centerx >= half]
                + [0]
            )
            left, right = inset + m.pad, m.width - inset - m.pad
            for size in (m.heading, round(m.heading * 0.8), round(m.heading * 0.65)):
                label = self.app.text.render(
                    title, size, theme.INK, right - left, bold=True, align="center"
                )
                if label.get_height() <= band.height:
                    break
            surface.blit(label, label.get_rect(center=((left + right) // 2, band.centery)))

    def draw_content(self, surface: pygame.Surface) -> None:
        """The screen's own content (subclasses override)."""

    def draw_buttons(self, surface: pygame.Surface) -> None:
        """Every button, with the focus ring on the focused one."""
        focused = self.focused_key()
        for button in self.all_buttons():
            button.draw(surface, self.app.text, self.m, button.key == focused)
