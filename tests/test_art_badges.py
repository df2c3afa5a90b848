"""Badge pictures: one drawn picture per skill, earned and not-yet told apart by shape."""

from __future__ import annotations

import pygame
import pytest

from game.content.taxonomy import SKILLS
from game.ui import badge_art, theme

SIZE = 64


def _mask(code: str, earned: bool) -> pygame.mask.Mask:
    return pygame.mask.from_surface(badge_art.badge_surface(code, SIZE, earned, theme.NORMAL))


def _pixels(code: str, earned: bool = True) -> bytes:
    return pygame.image.tobytes(badge_art.badge_surface(code, SIZE, earned, theme.NORMAL), "RGBA")


def test_every_skill_has_its_own_picture_and_medal_colour() -> None:
    """R01-R18 each have a painter and a medal colour, and no two skills share a colour."""
    assert set(badge_art.PAINTERS) == set(SKILLS)
    assert set(badge_art.MEDAL_COLORS) == set(SKILLS)
    assert len(set(badge_art.MEDAL_COLORS.values())) == len(SKILLS)


def test_no_two_badges_look_the_same_even_in_one_colour() -> None:
    """Each skill's picture has its own shape: the white picture pixels differ between skills."""

    def picture_shape(code: str) -> bytes:
        surface = badge_art.badge_surface(code, SIZE, True, theme.NORMAL)
        white = pygame.mask.from_threshold(surface, (255, 255, 255, 255), (8, 8, 8, 255))
        return bytes(white.get_at((x, y)) for y in range(SIZE) for x in range(SIZE))

    shapes = {code: picture_shape(code) for code in SKILLS}
    assert len(set(shapes.values())) == len(SKILLS)


@pytest.mark.parametrize("code", sorted(SKILLS))
def test_earned_and_not_yet_differ_in_shape_not_only_colour(code: str) -> None:
    """An earned badge covers far more of its square than the dashed not-yet ring does."""
    earned = _mask(code, True).count()
    not_yet = _mask(code, False).count()
    assert earned > 2 * not_yet


def test_a_badge_is_rendered_once_per_size_and_palette() -> None:
    """The same badge at the same size and palette is the cached surface; others are new."""
    first = badge_art.badge_surface("R07", SIZE, True, theme.NORMAL)
    assert badge_art.badge_surface("R07", SIZE, True, theme.NORMAL) is first
    assert badge_art.badge_surface("R07", SIZE + 8, True, theme.NORMAL) is not first
    assert badge_art.badge_surface("R07", SIZE, True, theme.HIGH_CONTRAST) is not first


def test_a_badge_picture_fills_its_square_without_spilling() -> None:
    """The medal reaches near every edge of its square (it is drawn at the size asked)."""
    rects = _mask("R12", True).get_bounding_rects()
    rect = rects[0].unionall(rects[1:])
    assert rect.width >= SIZE * 0.8
    assert rect.height >= SIZE * 0.9
