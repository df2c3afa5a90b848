"""Render the README and docs screenshots with the game's own ``snapshot`` command.

Run with ``make snapshots``; then look at every image before committing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "screenshots"

#: The largest text size on the smallest window, and the high-contrast colours.
NETBOOK_DOUBLE = ["--size", "1024x600", "--text-size", "double"]
HIGH_CONTRAST = ["--theme", "high_contrast"]

SHOTS: list[tuple[str, list[str]]] = [
    ("title", ["title"]),
    ("groups", ["groups"]),
    ("lessons", ["lessons", "--band", "K2"]),
    ("chat-check-in", ["g35-gift-or-trick", "switch", "--check-in"]),
    ("chat-feedback", ["g35-gift-or-trick", "gift", "--choose", "gift-yes"]),
    ("chat-k2", ["k2-secrets-and-surprises", "prize"]),
    ("chat-g68", ["g68-pressure-for-pics"]),
    ("debrief", ["g35-gift-or-trick", "debrief"]),
    ("story", ["k2-kai-and-the-tricky-game", "zippy-prize"]),
    (
        "story-feedback",
        ["k2-kai-and-the-tricky-game", "zippy-prize", "--choose", "prize-ask-grandpa"],
    ),
    ("spot", ["g35-spot-the-red-flags", "lobby-spot"]),
    ("sort", ["g35-spot-the-red-flags", "share-sort"]),
    ("quiz", ["g35-spot-the-red-flags", "spot-quiz"]),
    ("help-plan", ["g35-spot-the-red-flags", "spot-help-plan"]),
    ("privacy", ["g35-camera-on-meet-me", "profile"]),
    ("privacy-result", ["g35-camera-on-meet-me", "profile", "--choose", "open"]),
    ("reply", ["g68-pressure-for-pics", "reply", "--choose", "reply-no,none,reply-block"]),
    (
        "reply-result",
        ["g68-pressure-for-pics", "reply", "--choose", "reply-no,reply-parents,reply-tell,send"],
    ),
    ("badges", ["badges", "--band", "G35"]),
    ("help", ["help"]),
    ("settings", ["settings"]),
    ("small-window", ["g35-gift-or-trick", "gift", "--size", "1024x600"]),
    ("arabic-chat", ["g35-gift-or-trick", "gift", "--choose", "gift-yes", "--lang", "ar"]),
    ("arabic-debrief", ["g35-gift-or-trick", "debrief", "--lang", "ar"]),
    ("arabic-help", ["help", "--lang", "ar"]),
    ("chinese-story", ["k2-kai-and-the-tricky-game", "zippy-prize", "--lang", "zh_Hans"]),
    ("chinese-spot", ["g35-spot-the-red-flags", "lobby-spot", "--lang", "zh_Hans"]),
    ("language-picker", ["languages"]),
    ("gate", ["gate"]),
    ("grownups", ["grownups"]),
    ("teacher-lessons", ["teacher-lessons"]),
    ("coverage", ["coverage"]),
    ("help-k2", ["help", "--band", "K2"]),
    ("help-teen", ["help", "--band", "G912"]),
    ("help-unlisted-country", ["help", "--band", "G35", "--country", "ZZ"]),
    ("chat-g912", ["g912-ten-minutes-to-blackmail", "bluff"]),
    ("leave", ["g68-pressure-for-pics", "push", "--dialog", "leave"]),
    ("carry-on", ["g35-gift-or-trick", "gift", "--dialog", "carry-on"]),
    ("arabic-help-k2", ["help", "--band", "K2", "--lang", "ar"]),
    ("classroom-list", ["classroom"]),
    ("classroom-chat", ["g35-gift-or-trick", "hello", "--classroom"]),
    ("classroom-pause", ["g35-spot-the-red-flags", "lobby-spot", "--classroom", "--pause"]),
    ("parent-guide", ["home", "--band", "G35"]),
    ("arabic-parent-guide", ["home", "--band", "G35", "--lang", "ar"]),
    # Access for every child: the settings, high contrast, double text on a netbook.
    ("accessibility", ["access"]),
    ("high-contrast-chat", ["g35-gift-or-trick", "gift", *HIGH_CONTRAST]),
    ("high-contrast-story", ["k2-kai-and-the-tricky-game", "zippy-prize", *HIGH_CONTRAST]),
    ("large-text-chat", ["g35-gift-or-trick", "gift", *NETBOOK_DOUBLE, "--scroll", "420"]),
    ("large-text-help", ["help", "--band", "K2", *NETBOOK_DOUBLE]),
    (
        "large-text-arabic-sort",
        ["g35-spot-the-red-flags", "share-sort", "--lang", "ar", *NETBOOK_DOUBLE, *HIGH_CONTRAST],
    ),
    (
        "large-text-chinese-chat",
        ["g35-gift-or-trick", "gift", "--lang", "zh_Hans", *NETBOOK_DOUBLE, "--scroll", "400"],
    ),
    ("reading-font", ["k2-kai-and-the-tricky-game", "zippy-prize", "--font", "atkinson"]),
    ("read-aloud", ["k2-kai-and-the-tricky-game", "zippy-prize", "--read-at", "2500"]),
    (
        "read-aloud-arabic",
        ["k2-secrets-and-surprises", "blip-hi", "--lang", "ar", "--read-at", "2000"],
    ),
]

#: Printables rendered to PNG (first page) for the docs: (name, kind, lesson, language).
PRINTS = [
    ("plan-page", "plan", "g35-gift-or-trick", "en"),
    ("plan-page-arabic", "plan", "g35-gift-or-trick", "ar"),
    ("plan-page-chinese", "plan", "k2-kai-and-the-tricky-game", "zh_Hans"),
    ("family-letter", "family", "g68-pressure-for-pics", "en"),
    ("handout-cards", "handouts", "g68-pressure-for-pics", "en"),
    ("handout-cards-arabic", "handouts", "k2-private-things", "ar"),
    ("poster", "poster", "G35", "en"),
]


def summary_shot(out: Path) -> None:
    """The learning-check summary, with made-up answers from a demo class (this script only)."""
    import datetime
    import os
    import random
    import tempfile

    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from game.app import App
    from game.learning_check import CheckStore
    from game.paths import ContentPaths
    from game.scenes.class_summary import ClassSummaryScene

    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as folder:
        app = App(ContentPaths.discover(), data_folder=Path(folder), fullscreen=False, sound=False)
        store = CheckStore(app.data_folder)
        day = datetime.date(2026, 11, 27)
        for lesson in app.pack.lessons[:3]:
            for item in lesson.learning_check:
                for phase, right in (("pre", 0.45), ("post", 0.85)):
                    for _child in range(24):
                        store.log.record(day, lesson.id, item, phase, rng.random() < right)
        store.save()
        app.push(ClassSummaryScene(app))
        app.render()
        pygame.image.save(app.screen, str(out))
        pygame.quit()


def print_shots() -> int:
    """First pages of a plan (en, ar, zh), a family letter, handouts, a poster and a certificate."""
    import datetime
    import shutil
    import tempfile

    from game.content.loader import load_pack
    from game.helplines import load_helplines
    from game.i18n import Translator
    from game.paths import ContentPaths
    from game.printing.certificate import certificate_document
    from game.printing.family import family_document
    from game.printing.handout_pictures import story_picture
    from game.printing.handouts import handouts_document
    from game.printing.pdf import render_pdf
    from game.printing.plan import plan_document
    from game.printing.poster import poster_document

    if not shutil.which("pdftoppm"):
        print("pdftoppm not found (Debian: poppler-utils): printables skipped", file=sys.stderr)
        return 1
    paths = ContentPaths.discover()
    pack = load_pack([paths.lessons], root=paths.lessons.parent)
    country = load_helplines(paths.assets / "safety" / "helplines.yaml").for_country("US")
    docs = []
    for name, kind, lesson_id, language in PRINTS:
        tr = Translator(language, paths.locales)
        if kind == "poster":
            docs.append((name, poster_document(lesson_id, tr)))
            continue
        lesson = pack.by_id(lesson_id)
        assert lesson is not None, lesson_id
        if kind == "handouts":
            doc = handouts_document(lesson, tr, story_picture)
            assert doc is not None, lesson_id
            docs.append((name, doc))
        else:
            build = plan_document if kind == "plan" else family_document
            docs.append((name, build(lesson, tr, country)))
    day = datetime.date(2026, 11, 29)
    tr = Translator("en", paths.locales)
    docs.append(("certificate", certificate_document("G35", ["R01", "R10", "R12", "R14"], tr, day)))
    with tempfile.TemporaryDirectory() as folder:
        for name, doc in docs:
            pdf = Path(folder) / f"{name}.pdf"
            pdf.write_bytes(render_pdf(doc, paths.fonts))
            subprocess.run(
                [
                    "pdftoppm",
                    "-png",
                    "-r",
                    "70",
                    "-f",
                    "1",
                    "-l",
                    "1",
                    "-singlefile",
                    pdf,
                    OUT / name,
                ],
                check=True,
            )
            print(f"wrote docs/screenshots/{name}.png")
    return 0


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
    summary_shot(OUT / "class-summary.png")
    failed += print_shots()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
