"""Colour contrast as WCAG 2.2 measures it, and the colour pairs each palette must meet.

:func:`contrast_ratio` is the WCAG formula (relative luminance of sRGB colours).
:data:`TEXT_PAIRS` lists every text colour on every background the screens use it on,
by palette name; :data:`SURFACES` the backgrounds controls and the focus ring sit on.
``tests/test_contrast.py`` checks each palette against them (4.5:1 text in the normal
look, 7:1 in high contrast; 3:1 for the focus ring and, in high contrast, every
control's outline) and checks that rendered screens use no other pairs.
"""

from __future__ import annotations

from game.ui.theme import Color, Palette

#: WCAG 2.2 AA for text (1.4.3) and non-text contrast (1.4.11); AAA text (1.4.6).
AA_TEXT = 4.5
AAA_TEXT = 7.0
NON_TEXT = 3.0

#: (text colour, background) by palette field name: every pair a screen draws.
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("ink", "bg"),
    ("ink", "bg_band"),
    ("ink", "white"),
    ("ink", "accent"),
    ("ink", "good_bg"),
    ("ink", "flag_bg"),
    ("ink", "think_bg"),
    ("ink", "scout_bg"),
    ("ink", "system_bg"),
    ("ink", "them_bubble"),
    ("ink", "phone_screen"),
    ("ink_soft", "bg"),
    ("ink_soft", "bg_band"),
    ("ink_soft", "white"),
    ("ink_soft", "scout_bg"),
    ("ink_soft", "think_bg"),
    ("ink_soft", "good_bg"),
    ("ink_soft", "system_bg"),
    ("ink_soft", "phone_screen"),
    ("white", "primary"),
    ("white", "primary_dark"),
    ("white", "me_bubble"),
    ("white", "flag"),
    ("white", "good"),
    ("primary", "white"),
    ("primary", "bg"),
    ("primary_dark", "bg"),
    ("primary_dark", "white"),
    ("primary_dark", "scout_bg"),
    ("good", "white"),
    ("good", "good_bg"),
    ("good", "bg"),
    ("flag", "white"),
    ("flag", "flag_bg"),
    ("flag", "good_bg"),
    ("flag", "think_bg"),
    ("flag", "bg"),
)

#: Backgrounds that controls and the focus ring are drawn on (a ring crosses the soft
#: shadow under its own button too).
SURFACES: tuple[str, ...] = (
    "bg",
    "bg_band",
    "white",
    "scout_bg",
    "good_bg",
    "think_bg",
    "flag_bg",
    "system_bg",
    "phone_screen",
    "shadow",
)


def relative_luminance(color: Color) -> float:
    """The WCAG relative luminance of an sRGB colour (0 black to 1 white)."""

    def channel(value: int) -> float:
        v = value / 255
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b = color[:3]
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(a: Color, b: Color) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_pairs(palette: Palette) -> list[tuple[str, str, float]]:
    """Each text pair of :data:`TEXT_PAIRS` in *palette*, with its contrast ratio."""
    return [
        (fg, bg, contrast_ratio(getattr(palette, fg), getattr(palette, bg)))
        for fg, bg in TEXT_PAIRS
    ]
