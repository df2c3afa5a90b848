"""The look of the game: a palette (normal or high contrast) and sizes scaled to the window.

Screens read colours as module attributes (``theme.INK``) at draw time, so
:func:`use_palette` switches every screen's colours at once (the app calls it at start-up
and when the setting changes, then lays the screens out again). Tables that name
colours (button styles, verdict looks) use :class:`Themed`, which looks the names up
in the palette in use.
"""

from __future__ import annotations

from collections import UserDict
from dataclasses import dataclass, fields
from typing import Any

Color = tuple[int, int, int]


@dataclass(frozen=True)
class Palette:
    """Every colour of one look. Field names match the module attributes, in lower case."""

    bg: Color
    bg_band: Color
    ink: Color
    ink_soft: Color
    white: Color
    primary: Color
    primary_dark: Color
    secondary: Color
    accent: Color
    good: Color
    good_bg: Color
    flag: Color
    flag_bg: Color
    think_bg: Color
    scout_bg: Color
    system_bg: Color
    me_bubble: Color
    them_bubble: Color
    phone: Color
    phone_screen: Color
    #: The focus ring: 3:1 or more against every background it is drawn on.
    focus: Color
    shadow: Color
    #: A soft line around things that are not controls (chat bubbles, badges, pictures).
    outline: Color
    #: An outline every card and control gets when its own style has none (None: no
    #: outline), so each control stands out 3:1 from what is around it.
    edge: Color | None = None
    #: How much thicker than usual outlines are drawn (high contrast draws them bolder).
    edge_scale: float = 1.0


#: The everyday look. Every text and background pair meets WCAG 2.2 AA (4.5:1), and the
#: focus ring reaches 3:1 on every background it is drawn on (tests/test_contrast.py).
NORMAL = Palette(
    bg=(234, 243, 255),
    bg_band=(214, 230, 252),
    ink=(30, 40, 70),
    ink_soft=(78, 90, 120),
    white=(255, 255, 255),
    primary=(52, 100, 220),
    primary_dark=(34, 70, 170),
    secondary=(255, 255, 255),
    accent=(255, 186, 52),
    good=(22, 118, 74),
    good_bg=(222, 246, 232),
    flag=(188, 40, 30),
    flag_bg=(255, 232, 226),
    think_bg=(255, 244, 214),
    scout_bg=(255, 246, 220),
    system_bg=(222, 228, 242),
    me_bubble=(52, 100, 220),
    them_bubble=(255, 255, 255),
    phone=(44, 52, 84),
    phone_screen=(246, 248, 253),
    focus=(186, 72, 0),
    shadow=(190, 204, 230),
    outline=(190, 204, 230),
)

#: High contrast: black text on white (7:1 and more for every text pair), dark controls,
#: a black outline on every card and control (3:1 and more) and a bold focus ring.
HIGH_CONTRAST = Palette(
    bg=(255, 255, 255),
    bg_band=(236, 236, 236),
    ink=(0, 0, 0),
    ink_soft=(36, 36, 36),
    white=(255, 255, 255),
    primary=(0, 46, 150),
    primary_dark=(0, 0, 0),
    secondary=(255, 255, 255),
    accent=(255, 204, 0),
    good=(0, 96, 40),
    good_bg=(236, 250, 240),
    flag=(168, 0, 0),
    flag_bg=(255, 238, 238),
    think_bg=(255, 248, 226),
    scout_bg=(255, 248, 226),
    system_bg=(240, 240, 240),
    me_bubble=(0, 46, 150),
    them_bubble=(255, 255, 255),
    phone=(0, 0, 0),
    phone_screen=(255, 255, 255),
    focus=(176, 64, 0),
    shadow=(255, 255, 255),
    outline=(96, 96, 96),
    edge=(0, 0, 0),
    edge_scale=1.3,
)

#: The looks a grown-up can choose in Settings, by the name saved in settings.json.
PALETTES: dict[str, Palette] = {"normal": NORMAL, "high_contrast": HIGH_CONTRAST}

BG: Color = NORMAL.bg
BG_BAND: Color = NORMAL.bg_band
INK: Color = NORMAL.ink
INK_SOFT: Color = NORMAL.ink_soft
WHITE: Color = NORMAL.white
PRIMARY: Color = NORMAL.primary
PRIMARY_DARK: Color = NORMAL.primary_dark
SECONDARY: Color = NORMAL.secondary
ACCENT: Color = NORMAL.accent
GOOD: Color = NORMAL.good
GOOD_BG: Color = NORMAL.good_bg
FLAG: Color = NORMAL.flag
FLAG_BG: Color = NORMAL.flag_bg
THINK_BG: Color = NORMAL.think_bg
SCOUT_BG: Color = NORMAL.scout_bg
SYSTEM_BG: Color = NORMAL.system_bg
ME_BUBBLE: Color = NORMAL.me_bubble
THEM_BUBBLE: Color = NORMAL.them_bubble
PHONE: Color = NORMAL.phone
PHONE_SCREEN: Color = NORMAL.phone_screen
FOCUS: Color = NORMAL.focus
SHADOW: Color = NORMAL.shadow
OUTLINE: Color = NORMAL.outline
EDGE: Color | None = NORMAL.edge
EDGE_SCALE: float = NORMAL.edge_scale
#: The palette in use (set by :func:`use_palette`).
PALETTE: Palette = NORMAL


def use_palette(palette: Palette) -> None:
    """Draw with *palette* from now on: every ``theme.INK``-style attribute follows it.

    Text and baked surfaces keep their old colours until they are rendered again, so
    callers clear their caches and lay the screens out again (``App.set_theme``).
    """
    names = globals()
    for field in fields(palette):
        names[field.name.upper()] = getattr(palette, field.name)
    names["PALETTE"] = palette


def color(name: str) -> Color:
    """The colour called *name* (``"INK"``) in the palette in use."""
    return getattr(PALETTE, name.lower())


class Themed(UserDict):
    """A table whose values name palette colours (``("PRIMARY", "WHITE", None)``).

    Looking a key up gives the colours of the palette in use: upper-case strings that
    are palette names become colours, anything else (a sound name, None, a colour
    given directly) is returned as it is.
    """

    def __getitem__(self, key: str) -> Any:
        """The entry for *key*, its colour names read from the palette in use."""
        value = self.data[key]
        if isinstance(value, tuple) and not _is_color(value):
            return tuple(_resolve(part) for part in value)
        return _resolve(value)


_PALETTE_NAMES = {field.name.upper() for field in fields(Palette)}


def _resolve(value: Any) -> Any:
    return color(value) if isinstance(value, str) and value in _PALETTE_NAMES else value


def _is_color(value: tuple) -> bool:
    return len(value) in (3, 4) and all(isinstance(part, int) for part in value)


#: Reference layout size; everything scales from it.
BASE_W, BASE_H = 1280, 720
MIN_W, MIN_H = 1024, 600

TEXT_SCALES = {"normal": 1.0, "large": 1.2, "extra_large": 1.4, "double": 2.0}


@dataclass(frozen=True)
class Metrics:
    """Sizes for one window size and text-size setting (pixels)."""

    width: int
    height: int
    unit: float
    text_scale: float
    rtl: bool = False
    tall_script: bool = False

    @classmethod
    def for_window(
        cls,
        width: int,
        height: int,
        text_scale: float = 1.0,
        rtl: bool = False,
        tall_script: bool = False,
    ) -> Metrics:
        """Metrics for a window of *width* x *height*.

        *rtl* mirrors the layout; *tall_script* (Arabic) makes buttons taller for its
        taller lines.
        """
        unit = min(width / BASE_W, height / BASE_H)
        return cls(width, height, unit, text_scale, rtl, tall_script)

    @property
    def forward(self) -> int:
        """+1 where reading goes left to right, -1 in right-to-left languages (for arrows)."""
        return -1 if self.rtl else 1

    def px(self, value: float) -> int:
        """A geometry size scaled to the window."""
        return max(1, round(value * self.unit))

    def font(self, value: float) -> int:
        """A font size scaled to the window and the text-size setting."""
        return max(12, round(value * self.unit * self.text_scale))

    @property
    def body(self) -> int:
        """Body text size."""
        return self.font(26)

    @property
    def small(self) -> int:
        """Small print size."""
        return self.font(20)

    def display(self, value: float) -> int:
        """A heading-sized font: it follows the text-size setting up to 1.4x, then grows slower.

        Headings are big already, so past 1.4x they grow half as fast as body text, which
        gets the full 2x.
        """
        scale = self.text_scale if self.text_scale <= 1.4 else 1.4 + (self.text_scale - 1.4) / 2
        return max(12, round(value * self.unit * scale))

    @property
    def heading(self) -> int:
        """Heading size."""
        return self.display(40)

    @property
    def title(self) -> int:
        """Title-screen size."""
        return self.display(76)

    @property
    def button_h(self) -> int:
        """Minimum height of a button: a big target for small hands."""
        return max(self.px(66), round(self.body * (2.6 if self.tall_script else 2.2)))

    @property
    def pad(self) -> int:
        """Standard padding."""
        return self.px(20)

    @property
    def radius(self) -> int:
        """Corner radius for cards and buttons."""
        return self.px(18)
