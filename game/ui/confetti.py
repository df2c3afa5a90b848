"""A short burst of confetti for a celebration (the end of a mission).

Pieces fall from above the window, swaying and turning, and are gone after the tween
(about 1.5 s). Positions come from a seeded random generator, so a frame depends only
on how far along the tween is (snapshots and tests see the same picture). With reduced
motion the tween is finished before it starts and nothing is drawn.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass

import pygame

from game.ui.motion import Tween

#: How long the burst lasts (ms).
CONFETTI_MS = 1500
#: Bright, friendly colours (the pieces are decoration only: nothing is said by colour).
COLOURS = ((255, 186, 52), (52, 100, 220), (236, 94, 120), (60, 170, 110), (150, 100, 220))


@dataclass(frozen=True)
class _Piece:
    x: float  # fraction of the width
    start: float  # fraction of the height above the top (negative: out of sight)
    fall: float  # how far it falls over the burst, in heights
    sway: float  # side-to-side amplitude, fraction of the width
    phase: float
    spin: float
    colour: tuple[int, int, int]


class Confetti:
    """The pieces of one burst, drawn as the *tween* goes along."""

    def __init__(self, tween: Tween, *, pieces: int = 90, seed: int = 14) -> None:
        self.tween = tween
        rng = random.Random(seed)
        self.pieces = [
            _Piece(
                x=rng.random(),
                start=-rng.uniform(0.02, 0.45),
                fall=rng.uniform(1.1, 1.6),
                sway=rng.uniform(0.005, 0.025),
                phase=rng.uniform(0, 2 * math.pi),
                spin=rng.uniform(2, 6),
                colour=rng.choice(COLOURS),
            )
            for _ in range(pieces)
        ]

    @property
    def active(self) -> bool:
        """True while pieces are still falling."""
        return not self.tween.done

    def draw(self, surface: pygame.Surface) -> None:
        """The pieces where they are now (nothing once the burst is over)."""
        t = self.tween.progress()
        if t >= 1.0:
            return
        w, h = surface.get_size()
        size = max(8, min(w, h) // 50)
        for piece in self.pieces:
            y = (piece.start + piece.fall * t) * h
            if y < -size or y > h + size:
                continue
            x = piece.x * w + math.sin(piece.phase + t * 9) * piece.sway * w
            turn = abs(math.cos(piece.phase + t * piece.spin * 3))  # a flat piece turning over
            rect = pygame.Rect(0, 0, size, max(2, round(size * 0.5 * (0.3 + turn))))
            rect.center = (round(x), round(y))
            pygame.draw.rect(surface, piece.colour, rect, border_radius=2)
