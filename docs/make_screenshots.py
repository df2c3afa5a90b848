"""Render the README and docs screenshots with the game's own ``snapshot`` command.

Run with ``make snapshots``; then look at every image before committing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"

SHOTS: list[tuple[str, list[str]]] = [
    ("title", ["title"]),
    ("groups", ["groups"]),
    ("lessons", ["lessons", "--band", "G68"]),
    ("chat-check-in", ["g35-gift-or-trick", "switch", "--check-in"]),
    ("chat-feedback", ["g35-gift-or-trick", "gift", "--choose", "gift-yes"]),
    ("chat-k2", ["k2-secrets-and-surprises", "prize"]),
    ("chat-g68", ["g68-pressure-for-pics"]),
    ("debrief", ["g35-gift-or-trick", "debrief"]),
    ("story", ["k2-mo-and-the-tricky-game", "zippy-prize"]),
    (
        "story-feedback",
        ["k2-mo-and-the-tricky-game", "zippy-prize", "--choose", "prize-ask-grandpa"],
    ),
    ("spot", ["g35-red-flag-detectives", "lobby-spot"]),
    ("sort", ["g35-red-flag-detectives", "share-sort"]),
    ("quiz", ["g35-red-flag-detectives", "detective-quiz"]),
    ("help-plan", ["g35-red-flag-detectives", "detective-help-plan"]),
    ("badges", ["badges", "--band", "G35"]),
    ("help", ["help"]),
    ("settings", ["settings"]),
    ("small-window", ["g35-gift-or-trick", "gift", "--size", "1024x600"]),
    ("arabic-chat", ["g35-gift-or-trick", "gift", "--choose", "gift-yes", "--lang", "ar"]),
    ("arabic-debrief", ["g35-gift-or-trick", "debrief", "--lang", "ar"]),
    ("arabic-help", ["help", "--lang", "ar"]),
    ("chinese-story", ["k2-mo-and-the-tricky-game", "zippy-prize", "--lang", "zh_Hans"]),
    ("chinese-spot", ["g35-red-flag-detectives", "lobby-spot", "--lang", "zh_Hans"]),
    ("language-picker", ["languages"]),
]


def main() -> int:
    """Write every screenshot; report lessons that are missing instead of failing."""
    OUT.mkdir(exist_ok=True)
    failed = 0
    for name, args in SHOTS:
        out = OUT / f"{name}.png"
        result = subprocess.run(
            [sys.executable, "-m", "game", "snapshot", *args, "--out", str(out)],
            capture_output=True,
            text=True,
        )
        if result.returncode:
            failed += 1
            print(f"{name}: {result.stderr.strip()}", file=sys.stderr)
        else:
            print(f"wrote {out.relative_to(HERE.parent)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
