"""The look of the game: one palette and one set of sizes, scaled to the window."""

from __future__ import annotations

from dataclasses import dataclass

Color = tuple[int, int, int]

BG: Color = (234, 243, 255)
BG_BAND: Color = (214, 230, 252)
INK: Color = (30, 40, 70)
INK_SOFT: Color = (88, 100, 130)
WHITE: Color = (255, 255, 255)
PRIMARY: Color = (52, 100, 220)
PRIMARY_DARK: Color = (34, 70, 170)
SECONDARY: Color = (255, 255, 255)
ACCENT: Color = (255, 186, 52)
GOOD: Color = (30, 140, 90)
GOOD_BG: Color = (222, 246, 232)
FLAG: Color = (206, 58, 44)
FLAG_BG: Color = (255, 232, 226)
THINK_BG: Color = (255, 244, 214)
SCOUT_BG: Color = (255, 246, 220)
SYSTEM_BG: Color = (222, 228, 242)
ME_BUBBLE: Color = (52, 100, 220)
THEM_BUBBLE: Color = (255, 255, 255)
PHONE: Color = (44, 52, 84)
PHONE_SCREEN: Color = (246, 248, 253)
FOCUS: Color = (255, 128, 0)
SHADOW: Color = (190, 204, 230)

#: Reference layout size; everything scales from it.
BASE_W, BASE_H = 1280, 720
MIN_W, MIN_H = 1024, 600

TEXT_SCALES = {"normal": 1.0, "large": 1.2, "extra_large": 1.4}


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

    @property
    def heading(self) -> int:
        """Heading size."""
        return self.font(40)

    @property
    def title(self) -> int:
        """Title-screen size."""
        return self.font(76)

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
