"""Drawn icons for the privacy-settings step: setting kinds, picked values, safer or open.

Simple shapes, never a real face: the pretend profile's picture is a faceless head and
shoulders. Every icon is shown with words too (never colour or shape alone).
"""

from __future__ import annotations

import pygame

from game.ui import draw, theme


def picked_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A tick in a filled circle: the picked value (with the word "Picked" too)."""
    pygame.draw.circle(surface, theme.WHITE, center, round(size * 0.5))
    draw.check(surface, center, round(size * 0.6), theme.PRIMARY_DARK)


def empty_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """An empty ring: a value not picked (the same for every value)."""
    pygame.draw.circle(surface, theme.PRIMARY, center, round(size * 0.5), max(2, size // 10))


def shield(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A shield with a tick: a setting on a safer value."""
    cx, cy = center
    h = size / 2
    points = [
        (cx - h * 0.85, cy - h * 0.8),
        (cx, cy - h),
        (cx + h * 0.85, cy - h * 0.8),
        (cx + h * 0.75, cy + h * 0.1),
        (cx, cy + h),
        (cx - h * 0.75, cy + h * 0.1),
    ]
    pygame.draw.polygon(surface, theme.GOOD, points)
    draw.check(surface, (cx, round(cy - h * 0.05)), round(size * 0.5), theme.WHITE)


def flag_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A flag: a setting left open (always with the word "Open" too)."""
    draw.flag(surface, center, size, theme.FLAG)


def profile_avatar(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A generic profile picture: a head and shoulders in a circle, no face."""
    cx, cy = center
    r = size // 2
    pygame.draw.circle(surface, theme.BG_BAND, center, r)
    pygame.draw.circle(surface, theme.PRIMARY, (cx, round(cy - r * 0.22)), round(r * 0.34))
    body = pygame.Rect(0, 0, round(r * 1.3), round(r * 0.9))
    body.midtop = (cx, round(cy + r * 0.2))
    clip = surface.get_clip()
    surface.set_clip(pygame.Rect(cx - r, cy - r, 2 * r, round(r * 1.75)).clip(clip))
    pygame.draw.ellipse(surface, theme.PRIMARY, body)
    surface.set_clip(clip)
    pygame.draw.circle(surface, theme.OUTLINE, center, r, max(2, size // 24))


def setting_icon(surface: pygame.Surface, center: tuple[int, int], size: int, kind: str) -> None:
    """A simple drawn icon for a setting (message, posts, location, friends, camera, profile)."""
    cx, cy = center
    s = size / 2
    line = max(2, size // 14)
    pygame.draw.circle(surface, theme.BG_BAND, center, round(s))
    ink = theme.PRIMARY_DARK
    if kind == "message":
        bubble = pygame.Rect(0, 0, round(s * 1.3), round(s * 0.9))
        bubble.center = (cx, round(cy - s * 0.1))
        pygame.draw.rect(surface, ink, bubble, border_radius=max(3, size // 8))
        tail = [
            (bubble.left + s * 0.25, bubble.bottom - 1),
            (bubble.left + s * 0.15, bubble.bottom + s * 0.35),
            (bubble.left + s * 0.6, bubble.bottom - 1),
        ]
        pygame.draw.polygon(surface, ink, tail)
        for dx in (-0.35, 0, 0.35):
            pygame.draw.circle(
                surface, theme.WHITE, (round(cx + dx * s), bubble.centery), max(2, size // 18)
            )
    elif kind == "posts":
        frame = pygame.Rect(0, 0, round(s * 1.3), round(s * 1.1))
        frame.center = center
        pygame.draw.rect(surface, theme.WHITE, frame, border_radius=max(2, size // 14))
        pygame.draw.rect(surface, ink, frame, line, border_radius=max(2, size // 14))
        hill = [
            (frame.left + line, frame.bottom - line),
            (frame.left + frame.width * 0.4, frame.top + frame.height * 0.45),
            (frame.right - line, frame.bottom - line),
        ]
        pygame.draw.polygon(surface, ink, hill)
        pygame.draw.circle(
            surface,
            theme.ACCENT,
            (round(frame.right - frame.width * 0.25), round(frame.top + frame.height * 0.3)),
            max(2, size // 12),
        )
    elif kind == "location":
        head = (cx, round(cy - s * 0.25))
        pin = [
            (cx - s * 0.5, cy - s * 0.15),
            (cx, cy + s * 0.8),
            (cx + s * 0.5, cy - s * 0.15),
        ]
        pygame.draw.polygon(surface, ink, pin)
        pygame.draw.circle(surface, ink, head, round(s * 0.52))
        pygame.draw.circle(surface, theme.WHITE, head, round(s * 0.2))
    elif kind == "friends":
        for dx, shade in ((-0.35, theme.PRIMARY), (0.35, ink)):
            x = round(cx + dx * s)
            pygame.draw.circle(surface, shade, (x, round(cy - s * 0.3)), round(s * 0.28))
            body = pygame.Rect(0, 0, round(s * 0.75), round(s * 0.6))
            body.midtop = (x, round(cy + s * 0.05))
            pygame.draw.ellipse(surface, shade, body)
    elif kind == "camera":
        box = pygame.Rect(0, 0, round(s * 1.4), round(s * 0.95))
        box.center = (cx, round(cy + s * 0.1))
        pygame.draw.rect(surface, ink, box, border_radius=max(2, size // 12))
        top = pygame.Rect(0, 0, round(s * 0.5), round(s * 0.3))
        top.midbottom = (cx, box.top + 1)
        pygame.draw.rect(surface, ink, top, border_radius=max(1, size // 20))
        pygame.draw.circle(surface, theme.WHITE, box.center, round(s * 0.3))
        pygame.draw.circle(surface, ink, box.center, round(s * 0.16))
    else:  # profile
        profile_avatar(surface, center, round(size * 0.8))
