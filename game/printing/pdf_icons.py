"""Simple black-and-white icons drawn with fpdf2 lines and shapes (no colour, no images).

Each icon fills a square *size* mm wide at (*x*, *y*) (its top-left corner) and reads
without colour, so handouts and posters keep their meaning on a black-and-white printer.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from fpdf import FPDF

INK = (0, 0, 0)
PAPER = (255, 255, 255)
GREY = (200, 200, 200)
MM_PER_PT = 25.4 / 72
LATIN = "andika"  # the bundled Latin font family (see game.printing.pdf)


def _pen(pdf: FPDF, size: float) -> None:
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*PAPER)
    pdf.set_line_width(max(0.4, size * 0.05))


def _flag(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A flag on a pole: the red flag, drawn so that it needs no red."""
    _pen(pdf, s)
    pdf.line(x + s * 0.25, y + s * 0.1, x + s * 0.25, y + s * 0.95)
    pdf.set_fill_color(*GREY)
    pdf.polygon(
        [(x + s * 0.25, y + s * 0.12), (x + s * 0.85, y + s * 0.3), (x + s * 0.25, y + s * 0.5)],
        style="DF",
    )


def _stop(pdf: FPDF, x: float, y: float, s: float) -> None:
    """An octagon with a raised flat hand's bar: stop."""
    _pen(pdf, s)
    cx, cy, r = x + s / 2, y + s / 2, s * 0.45
    points = [
        (
            cx + r * math.cos(math.radians(22.5 + 45 * i)),
            cy + r * math.sin(math.radians(22.5 + 45 * i)),
        )
        for i in range(8)
    ]
    pdf.polygon(points, style="D")
    pdf.set_fill_color(*INK)
    pdf.rect(cx - r * 0.55, cy - r * 0.14, r * 1.1, r * 0.28, style="F")


def _ask(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A big question mark in a circle: ask first."""
    _pen(pdf, s)
    pdf.circle(x + s / 2, y + s / 2, s * 0.45, style="D")
    family = LATIN if f"{LATIN}B" in pdf.fonts else pdf.font_family  # every font has "?"
    pdf.set_font(family, "B", s * 0.62 / MM_PER_PT)
    pdf.set_text_color(*INK)
    width = pdf.get_string_width("?")
    pdf.text(x + (s - width) / 2, y + s * 0.72, "?")


def _tell(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A speech bubble with three lines of words: tell."""
    _pen(pdf, s)
    pdf.rect(x + s * 0.08, y + s * 0.12, s * 0.84, s * 0.55, style="D", round_corners=True)
    pdf.polygon(
        [(x + s * 0.28, y + s * 0.67), (x + s * 0.22, y + s * 0.9), (x + s * 0.46, y + s * 0.67)],
        style="DF",
    )
    for i in range(3):
        yy = y + s * (0.27 + 0.13 * i)
        pdf.line(x + s * 0.2, yy, x + s * (0.8 - 0.15 * (i == 2)), yy)


def _save(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A phone with a camera-shutter corner: save the chat (screenshot), don't delete."""
    _pen(pdf, s)
    pdf.rect(x + s * 0.28, y + s * 0.06, s * 0.44, s * 0.88, style="D", round_corners=True)
    for i in range(3):
        yy = y + s * (0.28 + 0.14 * i)
        pdf.line(x + s * 0.36, yy, x + s * 0.64, yy)
    for cx, cy, dx, dy in (
        (0.12, 0.1, 1, 1),
        (0.88, 0.1, -1, 1),
        (0.12, 0.9, 1, -1),
        (0.88, 0.9, -1, -1),
    ):
        px, py = x + s * cx, y + s * cy
        pdf.line(px, py, px + dx * s * 0.1, py)
        pdf.line(px, py, px, py + dy * s * 0.1)


def _block(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A circle with a slash: block and report."""
    _pen(pdf, s)
    cx, cy, r = x + s / 2, y + s / 2, s * 0.42
    pdf.circle(cx, cy, r, style="D")
    d = r * math.sqrt(0.5)
    pdf.line(cx - d, cy - d, cx + d, cy + d)


def _no_send(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A paper plane crossed out: don't send, don't pay."""
    _pen(pdf, s)
    pdf.polygon(
        [(x + s * 0.1, y + s * 0.45), (x + s * 0.9, y + s * 0.15), (x + s * 0.55, y + s * 0.85)],
        style="D",
    )
    pdf.line(x + s * 0.9, y + s * 0.15, x + s * 0.45, y + s * 0.55)
    pdf.set_line_width(max(0.6, s * 0.08))
    pdf.line(x + s * 0.1, y + s * 0.9, x + s * 0.9, y + s * 0.1)


def _heart(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A heart: it's never too late, and it's not your fault."""
    _pen(pdf, s)
    r = s * 0.2
    pdf.circle(x + s * 0.32, y + s * 0.36, r, style="D")
    pdf.circle(x + s * 0.68, y + s * 0.36, r, style="D")
    pdf.polygon(
        [
            (x + s * 0.13, y + s * 0.42),
            (x + s * 0.5, y + s * 0.9),
            (x + s * 0.87, y + s * 0.42),
            (x + s * 0.5, y + s * 0.42),
        ],
        style="DF",
    )
    pdf.set_draw_color(*PAPER)
    pdf.line(x + s * 0.2, y + s * 0.44, x + s * 0.8, y + s * 0.44)
    pdf.set_draw_color(*INK)


def _again(pdf: FPDF, x: float, y: float, s: float) -> None:
    """Two speech bubbles: tell another grown-up."""
    _tell(pdf, x, y + s * 0.15, s * 0.7)
    _tell(pdf, x + s * 0.3, y, s * 0.7)


def _down(pdf: FPDF, x: float, y: float, s: float) -> None:
    """An arrow down to a line: get it taken down."""
    _pen(pdf, s)
    cx = x + s / 2
    pdf.line(cx, y + s * 0.1, cx, y + s * 0.7)
    pdf.polygon(
        [(cx - s * 0.2, y + s * 0.5), (cx + s * 0.2, y + s * 0.5), (cx, y + s * 0.75)], style="DF"
    )
    pdf.line(x + s * 0.15, y + s * 0.88, x + s * 0.85, y + s * 0.88)


def hand_outline(
    pdf: FPDF, x: float, y: float, s: float, numbers: bool = False, mirrored: bool = False
) -> None:
    """A friendly open hand (palm, four fingers, a thumb) in the *s*-mm square at (*x*, *y*).

    The parts are stroked thick, then filled white, so only the outline of the whole hand
    shows. With *numbers*, the thumb and fingers carry 1 to 5 (for the "five grown-ups
    I can tell" sheet); *mirrored* puts the thumb on the right (right-to-left pages, so
    the numbers run in reading order).
    """

    def at(f: float) -> float:
        return x + s * (1 - f if mirrored else f)

    fw = s * 0.125
    fingers = ((0.41, 0.1, 0.5), (0.54, 0.04, 0.56), (0.67, 0.07, 0.53), (0.8, 0.16, 0.44))
    thumb = (at(0.24), y + s * 0.56)  # centre of the thumb, leaning out at 40 degrees
    tips = [(at(0.15), thumb[1] - s * 0.09)]
    tips += [(at(fx), y + s * (fy + 0.11)) for fx, fy, _h in fingers]

    def parts(style: str) -> None:
        for fx, fy, fh in fingers:
            pdf.ellipse(at(fx) - fw / 2, y + s * fy, fw, s * fh, style=style)
        with pdf.rotation(-40 if mirrored else 40, thumb[0], thumb[1]):
            pdf.ellipse(thumb[0] - fw / 2, thumb[1] - s * 0.19, fw, s * 0.38, style=style)
        palm_x = at(0.87) if mirrored else at(0.34)
        pdf.rect(
            palm_x,
            y + s * 0.4,
            s * 0.53,
            s * 0.52,
            style=style,
            round_corners=True,
            corner_radius=s * 0.16,
        )

    line = max(0.5, s * 0.022)
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*PAPER)
    pdf.set_line_width(line * 2)
    parts("D")
    parts("F")
    pdf.set_line_width(line * 0.6)  # soft creases where the fingers meet the palm
    for fx, _fy, _fh in fingers[1:]:
        pdf.line(at(fx - 0.065), y + s * 0.42, at(fx - 0.065), y + s * 0.5)
    if numbers:
        family = LATIN if f"{LATIN}B" in pdf.fonts else pdf.font_family
        pdf.set_font(family, "B", fw * 0.7 / MM_PER_PT)
        pdf.set_text_color(*INK)
        for n, (cx, cy) in enumerate(tips, 1):
            label = str(n)
            pdf.text(cx - pdf.get_string_width(label) / 2, cy + fw * 0.25, label)


def _flat_hand(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A flat hand held up: stop."""
    hand_outline(pdf, x, y, s)


def _tummy(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A child with a swirl in the tummy and a wobbly mouth: the uh-oh feeling."""
    cx = x + s / 2
    pdf.set_draw_color(*INK)
    pdf.set_fill_color(*PAPER)
    pdf.set_line_width(max(0.4, s * 0.035))
    pdf.ellipse(cx - s * 0.25, y + s * 0.36, s * 0.5, s * 0.58, style="DF")  # body
    pdf.circle(cx, y + s * 0.2, s * 0.15, style="DF")  # head
    pdf.set_fill_color(*INK)
    pdf.circle(cx - s * 0.05, y + s * 0.17, s * 0.018, style="F")
    pdf.circle(cx + s * 0.05, y + s * 0.17, s * 0.018, style="F")
    pdf.set_line_width(max(0.3, s * 0.02))
    wobble = [(cx - s * 0.06 + s * 0.02 * i, y + s * (0.26 + 0.012 * (-1) ** i)) for i in range(7)]
    pdf.polyline(wobble)  # an unsure, wobbly mouth
    swirl = [
        (
            cx + s * 0.012 * t * math.cos(t * 1.1),
            y + s * 0.66 + s * 0.012 * t * math.sin(t * 1.1),
        )
        for t in (i * 0.25 for i in range(41))
    ]
    pdf.polyline(swirl)  # the funny feeling in the tummy


def _splash(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A paint splash with drops: a favourite colour."""
    _pen(pdf, s)
    cx, cy = x + s * 0.5, y + s * 0.5
    points = []
    for i in range(16):
        r = s * (0.36 if i % 2 else 0.24)
        a = math.radians(i * 22.5)
        points.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    pdf.set_fill_color(*GREY)
    pdf.polygon(points, style="DF")
    for dx, dy, r in ((0.12, 0.12, 0.05), (0.88, 0.2, 0.04), (0.85, 0.88, 0.05)):
        pdf.circle(x + s * dx, y + s * dy, s * r, style="DF")


def _dog(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A friendly dog's face with floppy ears: a favourite animal."""
    _pen(pdf, s)
    cx, cy = x + s / 2, y + s * 0.52
    pdf.set_fill_color(*GREY)
    pdf.ellipse(cx - s * 0.42, cy - s * 0.32, s * 0.18, s * 0.42, style="DF")
    pdf.ellipse(cx + s * 0.24, cy - s * 0.32, s * 0.18, s * 0.42, style="DF")
    pdf.set_fill_color(*PAPER)
    pdf.circle(cx, cy, s * 0.3, style="DF")
    pdf.set_fill_color(*INK)
    pdf.circle(cx - s * 0.11, cy - s * 0.07, s * 0.035, style="F")
    pdf.circle(cx + s * 0.11, cy - s * 0.07, s * 0.035, style="F")
    pdf.ellipse(cx - s * 0.06, cy + s * 0.04, s * 0.12, s * 0.08, style="F")
    pdf.line(cx, cy + s * 0.12, cx, cy + s * 0.17)
    pdf.line(cx - s * 0.08, cy + s * 0.19, cx, cy + s * 0.17)
    pdf.line(cx + s * 0.08, cy + s * 0.19, cx, cy + s * 0.17)


def _house(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A house with a number on its door: where you live."""
    _pen(pdf, s)
    pdf.polygon(
        [(x + s * 0.1, y + s * 0.45), (x + s * 0.5, y + s * 0.1), (x + s * 0.9, y + s * 0.45)],
        style="D",
    )
    pdf.rect(x + s * 0.18, y + s * 0.45, s * 0.64, s * 0.45)
    pdf.rect(x + s * 0.5, y + s * 0.56, s * 0.24, s * 0.34)
    pdf.rect(x + s * 0.25, y + s * 0.54, s * 0.14, s * 0.14)
    family = LATIN if f"{LATIN}B" in pdf.fonts else pdf.font_family
    pdf.set_font(family, "B", s * 0.12 / MM_PER_PT)
    pdf.set_text_color(*INK)
    width = pdf.get_string_width("12")
    pdf.text(x + s * 0.62 - width / 2, y + s * 0.7, "12")


def _gate(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A school gate: two posts, an arch and bars."""
    _pen(pdf, s)
    pdf.rect(x + s * 0.1, y + s * 0.25, s * 0.1, s * 0.67)
    pdf.rect(x + s * 0.8, y + s * 0.25, s * 0.1, s * 0.67)
    pdf.line(x + s * 0.2, y + s * 0.4, x + s * 0.8, y + s * 0.4)
    pdf.line(x + s * 0.2, y + s * 0.9, x + s * 0.8, y + s * 0.9)
    for i in range(1, 6):
        xx = x + s * (0.2 + 0.1 * i)
        pdf.line(xx, y + s * 0.4, xx, y + s * 0.9)
    pdf.ellipse(x + s * 0.15, y + s * 0.08, s * 0.7, s * 0.34, style="D")


def _padlock(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A closed padlock: a password, kept private."""
    _pen(pdf, s)
    pdf.set_line_width(max(0.6, s * 0.07))
    pdf.ellipse(x + s * 0.3, y + s * 0.1, s * 0.4, s * 0.5, style="D")
    _pen(pdf, s)
    pdf.rect(x + s * 0.2, y + s * 0.42, s * 0.6, s * 0.48, style="DF", round_corners=True)
    pdf.set_fill_color(*INK)
    pdf.circle(x + s * 0.5, y + s * 0.6, s * 0.05, style="F")
    pdf.rect(x + s * 0.48, y + s * 0.6, s * 0.04, s * 0.15, style="F")


def _ball(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A football: a favourite game."""
    _pen(pdf, s)
    cx, cy, r = x + s / 2, y + s / 2, s * 0.42
    pdf.circle(cx, cy, r, style="D")
    pent = [
        (
            cx + r * 0.35 * math.cos(math.radians(-90 + 72 * i)),
            cy + r * 0.35 * math.sin(math.radians(-90 + 72 * i)),
        )
        for i in range(5)
    ]
    pdf.set_fill_color(*INK)
    pdf.polygon(pent, style="DF")
    for px, py in pent:
        dx, dy = px - cx, py - cy
        pdf.line(px, py, cx + dx * 2.85, cy + dy * 2.85)


def _present(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A wrapped present with a ribbon and a bow."""
    _pen(pdf, s)
    pdf.rect(x + s * 0.15, y + s * 0.4, s * 0.7, s * 0.5)
    pdf.rect(x + s * 0.1, y + s * 0.3, s * 0.8, s * 0.12)
    pdf.set_fill_color(*GREY)
    pdf.rect(x + s * 0.45, y + s * 0.3, s * 0.1, s * 0.6, style="DF")
    pdf.ellipse(x + s * 0.28, y + s * 0.14, s * 0.22, s * 0.16, style="DF")
    pdf.ellipse(x + s * 0.5, y + s * 0.14, s * 0.22, s * 0.16, style="DF")


def _party(pdf: FPDF, x: float, y: float, s: float) -> None:
    """Balloons and a party hat: a surprise party."""
    _pen(pdf, s)
    for bx, by in ((0.25, 0.2), (0.45, 0.12)):
        pdf.set_fill_color(*(GREY if bx < 0.3 else PAPER))
        pdf.ellipse(x + s * (bx - 0.1), y + s * by, s * 0.2, s * 0.26, style="DF")
        pdf.line(x + s * bx, y + s * (by + 0.26), x + s * (bx + 0.05), y + s * 0.9)
    pdf.set_fill_color(*PAPER)
    pdf.polygon(
        [(x + s * 0.58, y + s * 0.9), (x + s * 0.74, y + s * 0.42), (x + s * 0.9, y + s * 0.9)],
        style="DF",
    )
    pdf.line(x + s * 0.64, y + s * 0.72, x + s * 0.84, y + s * 0.72)
    pdf.circle(x + s * 0.74, y + s * 0.38, s * 0.04, style="DF")


def _hidden_card(pdf: FPDF, x: float, y: float, s: float) -> None:
    """A birthday card with a heart, half tucked behind a book: hidden until the day."""
    _pen(pdf, s)
    pdf.polygon(
        [
            (x + s * 0.2, y + s * 0.15),
            (x + s * 0.7, y + s * 0.1),
            (x + s * 0.75, y + s * 0.7),
            (x + s * 0.25, y + s * 0.75),
        ],
        style="DF",
    )
    hx, hy, r = x + s * 0.47, y + s * 0.33, s * 0.07
    pdf.set_fill_color(*GREY)
    pdf.circle(hx - r * 0.8, hy, r, style="DF")
    pdf.circle(hx + r * 0.8, hy, r, style="DF")
    pdf.polygon(
        [(hx - r * 1.75, hy + r * 0.3), (hx, hy + r * 2.4), (hx + r * 1.75, hy + r * 0.3)],
        style="F",
    )
    pdf.set_fill_color(*PAPER)
    pdf.rect(x + s * 0.08, y + s * 0.5, s * 0.84, s * 0.4, style="DF", round_corners=True)
    pdf.line(x + s * 0.16, y + s * 0.62, x + s * 0.84, y + s * 0.62)


ICONS: dict[str, Callable[[FPDF, float, float, float], None]] = {
    "flag": _flag,
    "stop": _stop,
    "ask": _ask,
    "tell": _tell,
    "again": _again,
    "save": _save,
    "block": _block,
    "no_send": _no_send,
    "heart": _heart,
    "down": _down,
    "tummy": _tummy,
    "flat_hand": _flat_hand,
    "splash": _splash,
    "dog": _dog,
    "house": _house,
    "gate": _gate,
    "padlock": _padlock,
    "ball": _ball,
    "present": _present,
    "party": _party,
    "hidden_card": _hidden_card,
    "hand_numbers": lambda pdf, x, y, s: hand_outline(pdf, x, y, s, numbers=True),
}


def draw_icon(pdf: FPDF, name: str, x: float, y: float, size: float, rtl: bool = False) -> None:
    """Draw icon *name* in the *size*-mm square whose top-left corner is (*x*, *y*).

    On right-to-left pages (*rtl*) the numbered hand is mirrored so 1 to 5 run from the right.
    """
    with pdf.local_context():
        if name == "hand_numbers":
            hand_outline(pdf, x, y, size, numbers=True, mirrored=rtl)
        else:
            ICONS[name](pdf, x, y, size)
