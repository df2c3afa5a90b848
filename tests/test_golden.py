"""Golden images: key screens must look as approved, within a small tolerance.

Regenerate after an intended visual change with ``SIGNAL_SCOUTS_REGEN_GOLDEN=1 make test``
and look at every changed PNG before committing it. On a mismatch the actual image is
written to ``tests/golden/_diff/`` for comparison.
"""

from __future__ import annotations

import argparse
import os
import shutil
from pathlib import Path

import pygame
import pytest

from game.paths import ContentPaths
from game.snapshot import render_to_png

GOLDEN = Path(__file__).parent / "golden"
REGEN = os.environ.get("SIGNAL_SCOUTS_REGEN_GOLDEN") == "1"
CHANNEL_TOLERANCE = 24  # per colour channel, out of 255
MAX_DIFFERENT = 0.005  # share of pixels allowed to differ beyond the tolerance

SCREENS = {
    "title": dict(screen="title", step=None),
    "groups": dict(screen="groups", step=None),
    "lessons": dict(screen="lessons", step=None, band="K2"),
    "lessons-small": dict(screen="lessons", step=None, band="G68", size="1024x600"),
    "chat-feedback": dict(screen="g35-gift-or-trick", step="gift", choose="gift-yes"),
    "chat-check-in": dict(screen="g35-gift-or-trick", step="switch", check_in=True),
    "help": dict(screen="help", step=None),
    "debrief": dict(screen="g35-gift-or-trick", step="debrief"),
    "story": dict(screen="k2-kai-and-the-tricky-game", step="zippy-prize"),
    "spot": dict(screen="g35-spot-the-red-flags", step="lobby-spot"),
    "sort": dict(screen="g35-spot-the-red-flags", step="share-sort"),
    "quiz": dict(screen="g35-spot-the-red-flags", step="spot-quiz"),
    "help-plan": dict(screen="g35-spot-the-red-flags", step="spot-help-plan"),
    "privacy": dict(screen="g35-camera-on-meet-me", step="profile"),
    "privacy-result": dict(screen="g35-camera-on-meet-me", step="profile", choose="open"),
    "reply": dict(screen="g68-pressure-for-pics", step="reply", choose="reply-no,none,reply-block"),
    "reply-result": dict(
        screen="g68-pressure-for-pics", step="reply", choose="reply-maybe,none,reply-keep,send"
    ),
    "badges": dict(screen="badges", step=None, band="G35"),
    "new-badge": dict(screen="new-badge", step=None),
    "gate": dict(screen="gate", step=None),
    "grownups": dict(screen="grownups", step=None),
    "classroom-pause": dict(
        screen="g35-spot-the-red-flags", step="lobby-spot", classroom=True, pause=True
    ),
    "leave": dict(screen="g68-pressure-for-pics", step="push", dialog="leave"),
    "carry-on": dict(screen="g35-gift-or-trick", step="gift", dialog="carry-on"),
    "go-to-step": dict(
        screen="g35-gift-or-trick", step="gift", classroom=True, dialog="go-to-step"
    ),
    "teen-blackmail-chat": dict(screen="g912-ten-minutes-to-blackmail", step="bluff"),
    "teen-age-spot": dict(screen="g912-age-is-just-a-number", step="jules-spot"),
    "teen-send-it-on-chat": dict(screen="g912-send-it-on", step="monday"),
    "teen-too-good-quiz": dict(screen="g912-too-good-to-be-true", step="recap"),
    "k2-private-picture": dict(screen="k2-private-things", step="picture"),
    "k2-review-sort": dict(screen="k2-happy-or-uh-oh", step="happy-sort"),
    "g35-camera-spot": dict(screen="g35-camera-on-meet-me", step="server-spot"),
    "g35-friend-story": dict(screen="g35-help-a-friend", step="first-words"),
    "g68-threat-chat": dict(screen="g68-threat-trap", step="swap"),
    "g68-understand-spot": dict(screen="g68-only-i-understand-you", step="ezra-spot"),
    "g68-upstander-chat": dict(screen="g68-offers-and-upstanders", step="gc-pic"),
}


def different_share(actual: pygame.Surface, expected: pygame.Surface) -> float:
    """Share of pixels whose colour differs by more than the tolerance."""
    if actual.get_size() != expected.get_size():
        return 1.0
    same = pygame.mask.from_threshold(
        actual.convert(24),
        (0, 0, 0, 255),
        (CHANNEL_TOLERANCE, CHANNEL_TOLERANCE, CHANNEL_TOLERANCE, 255),
        expected.convert(24),
    )
    total = actual.get_width() * actual.get_height()
    return 1 - same.count() / total


@pytest.mark.parametrize("name", sorted(SCREENS))
def test_screen_matches_golden(name: str, tmp_path: Path) -> None:
    """The rendered screen matches its approved golden image."""
    spec = {
        "choose": None,
        "check_in": False,
        "band": None,
        "text_size": "normal",
        "classroom": False,
        "pause": False,
        "dialog": None,
        **SCREENS[name],
    }
    out = tmp_path / f"{name}.png"
    args = argparse.Namespace(out=out, **{"size": "1280x720", **spec})
    render_to_png(args, ContentPaths.discover(), tmp_path / "profile")
    golden = GOLDEN / f"{name}.png"
    if REGEN or not golden.exists():
        if not REGEN:
            pytest.fail(f"no golden image {golden.name}: run with SIGNAL_SCOUTS_REGEN_GOLDEN=1")
        shutil.copy(out, golden)
        return
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    share = different_share(pygame.image.load(out), pygame.image.load(golden))
    pygame.quit()
    if share > MAX_DIFFERENT:
        diff_dir = GOLDEN / "_diff"
        diff_dir.mkdir(exist_ok=True)
        shutil.copy(out, diff_dir / f"{name}.actual.png")
        pytest.fail(
            f"{name}: {share:.2%} of pixels differ (allowed {MAX_DIFFERENT:.2%}); "
            f"see {diff_dir / (name + '.actual.png')}"
        )


def test_comparison_detects_a_change() -> None:
    """The comparison itself notices a visible change and ignores a tiny one."""
    pygame.display.init()
    pygame.display.set_mode((1, 1))
    base = pygame.Surface((100, 100))
    base.fill((200, 200, 200))
    nudged = base.copy()
    nudged.fill((205, 198, 200))
    changed = base.copy()
    pygame.draw.rect(changed, (20, 20, 20), (0, 0, 50, 10))
    assert different_share(base, nudged) == 0
    assert different_share(base, changed) == pytest.approx(0.05)
    pygame.quit()
