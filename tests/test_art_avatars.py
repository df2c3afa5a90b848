"""Avatars: every lesson contact has its own face, never Scout's nor a trusted character's."""

from __future__ import annotations

from collections import Counter
from typing import get_args

import pygame
import pytest

from game.content.loader import load_lesson
from game.content.model import CONTACT_AVATARS, SCOUT_LIKE_AVATARS, TRUSTED_AVATARS, Avatar
from game.paths import ContentPaths
from game.scenes.groups import BAND_AVATARS
from game.scenes.help_plan import ROLE_AVATARS
from game.ui import draw


def _shipped_contact_avatars() -> list[str]:
    lessons_dir = ContentPaths.discover().lessons
    paths = sorted(lessons_dir.glob("*.yaml"))
    assert len(paths) >= 16
    return [load_lesson(path)[0].contact.avatar for path in paths]


def test_no_two_shipped_lessons_share_a_contact_avatar() -> None:
    """Each shipped lesson's contact wears a face no other lesson's contact wears."""
    shared = {kind: n for kind, n in Counter(_shipped_contact_avatars()).items() if n > 1}
    assert shared == {}


def test_shipped_contacts_never_look_like_scout_or_a_trusted_character() -> None:
    """No contact wears Scout's look, nor a face a trusted grown-up or age group wears."""
    trusted = set(ROLE_AVATARS.values()) | set(BAND_AVATARS.values()) | {"scout"}
    for kind in _shipped_contact_avatars():
        assert kind not in trusted
        assert kind in CONTACT_AVATARS


def test_trusted_characters_wear_only_trusted_looks() -> None:
    """The help plan's grown-ups and the age groups wear trusted looks (or the helpline robot)."""
    allowed = TRUSTED_AVATARS | SCOUT_LIKE_AVATARS
    assert set(ROLE_AVATARS.values()) <= allowed
    assert set(BAND_AVATARS.values()) <= allowed


def _picture(kind: str, size: int = 64) -> bytes:
    surface = pygame.Surface((size * 2, size * 2))
    surface.fill((255, 255, 255))
    draw.avatar(surface, (size, size), size, kind)
    return pygame.image.tobytes(surface, "RGB")


@pytest.mark.parametrize("kind", CONTACT_AVATARS)
def test_every_contact_face_is_drawn_its_own_way(kind: str) -> None:
    """Each contact kind draws a picture unlike every other kind's (no silent fallback)."""
    mine = _picture(kind)
    for other in (*get_args(Avatar), "scout"):
        if other != kind:
            assert _picture(other) != mine, f"{kind} looks exactly like {other}"


def test_chat_bubbles_keep_the_contacts_face_under_a_dialog(app) -> None:
    """With a dialog (no lesson) over the chat, bubbles still show the lesson contact's face."""
    from types import SimpleNamespace

    from game.ui.chat_bubbles import BubbleRenderer

    lesson = app.pack.by_id("g68-pressure-for-pics")
    app.stack.append((SimpleNamespace(lesson=lesson), None))
    app.stack.append((SimpleNamespace(), None))  # the "Leave this mission?" dialog
    assert BubbleRenderer(app, "G68").app_contact_avatar() == lesson.contact.avatar == "frog"
