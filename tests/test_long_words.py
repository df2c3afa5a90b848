"""Over-long unbroken words: the wrapper cuts them with few measurements, and pieces fit.

A 5,000-character "word" (a pasted link, a key held down) used to take the wrapper one
measurement per character per line, minutes of frozen screen. These tests count the
characters measured instead of timing, so they do not depend on the machine's speed.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.paths import ContentPaths
from game.ui.text import FontBook, LineRenderer, longest_fit, wrap

#: One unbroken word per script: Latin, Arabic (shaped right to left), Chinese.
LONG_WORDS = {
    "en": "a" * 5000,
    "ar": "ب" * 5000,
    "zh_Hans": "好" * 5000,
}
#: Characters the wrapper may measure per character of text: a line-sized prefix a few
#: dozen times (the old wrapper measured each whole remaining word once per character).
BUDGET_PER_CHAR = 60
#: The same for a whole chat screen, which measures the word for each layout it tries.
SCREEN_BUDGET_PER_CHAR = 200


class Budget:
    """Counts the characters passed to a measuring function; fails fast past a budget."""

    def __init__(self, measure, limit: int) -> None:  # noqa: D107
        self.measure, self.limit = measure, limit
        self.chars = 0
        self.calls = 0

    def __call__(self, line: str) -> int:
        """Measure *line*, counting it; raise once the budget is spent (the old wrapper)."""
        self.calls += 1
        self.chars += len(line)
        if self.chars > self.limit:
            raise AssertionError(f"more than {self.limit} characters measured")
        return self.measure(line)


@pytest.fixture
def fonts(paths: ContentPaths) -> FontBook:
    """The game's fonts, with pygame's font module ready."""
    pygame.font.init()
    return FontBook(paths.fonts)


@pytest.mark.parametrize("language", sorted(LONG_WORDS))
def test_a_long_word_wraps_with_few_measurements_and_every_piece_fits(
    fonts: FontBook, language: str
) -> None:
    """A 5,000-character word is cut in about linear work; each piece fits the width."""
    renderer = LineRenderer(fonts, 24, False, language)
    text = f"Hi {LONG_WORDS[language]} there"
    measure = Budget(renderer.width, BUDGET_PER_CHAR * len(text))
    lines = wrap(measure, text, 400)
    assert len(lines) > 20
    assert all(renderer.width(line) <= 400 for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_longest_fit_finds_the_longest_prefix_that_fits() -> None:
    """With one pixel per character, the cut is exactly the width, in O(log n) steps."""
    measure = Budget(len, 10**9)
    assert longest_fit(measure, "x" * 10_000, 37) == 37
    assert measure.calls <= 2 * 14
    assert longest_fit(len, "x" * 5, 37) == 5
    assert longest_fit(len, "xyz", 0) == 1  # nothing fits: one character per line


def test_a_cut_never_strands_a_vowel_mark() -> None:
    """An Arabic vowel sign stays with its letter when a long word is cut."""
    word = "بَ" * 40  # letter, fatha, letter, fatha...
    assert longest_fit(len, word, 7) == 6


@pytest.mark.parametrize("language", sorted(LONG_WORDS))
def test_a_chat_screen_with_a_5000_character_word_draws_quickly(
    app: App, monkeypatch: pytest.MonkeyPatch, language: str
) -> None:
    """A chat message and a choice with one 5,000-character word draw with bounded work."""
    from game.scenes.chat import ChatScene
    from game.snapshot import play_to

    if language != "en":
        app.set_language(language)
    word = LONG_WORDS[language]
    lesson = app.pack.by_id("g35-gift-or-trick")
    assert lesson is not None
    data = lesson.model_dump(by_alias=True)
    step = next(s for s in data["steps"] if s["id"] == "hello")
    step["messages"][0]["text"] = word
    step["choices"][0]["text"] = word
    lesson = type(lesson).model_validate(data)
    session = play_to(app, lesson, "hello", choose=None, check_in=False)
    original = LineRenderer.width
    measured = Budget(len, SCREEN_BUDGET_PER_CHAR * len(word))

    def width(self: LineRenderer, line: str) -> int:
        measured(line)
        return original(self, line)

    monkeypatch.setattr(LineRenderer, "width", width)
    app.text.recorder = []
    app.push(ChatScene(app, lesson, session))
    app.render()
    assert word in app.text.recorder  # the word is on screen, in the bubble and the choice
