"""Kept drawings are re-used only while nothing they show has changed.

Buttons, the chat's visible part and a bubble being read aloud are drawn again as soon as
something they show has changed.
"""

from __future__ import annotations

import pygame
import pytest

from game.app import App
from game.scenes.base import Scene
from game.scenes.chat import ChatScene
from game.session import Entry, LessonSession
from game.ui import theme
from game.ui.widgets import Button


def _counting_button(label: str = "Continue") -> tuple[Button, list[int]]:
    calls: list[int] = []
    button = Button(
        "go",
        label,
        pygame.Rect(100, 100, 400, 80),
        icon=lambda surface, center, size: calls.append(size),
    )
    return button, calls


def test_a_button_is_drawn_once_while_nothing_changes(app: App) -> None:
    """Three frames of the same button draw its icon once; the pixels land where they did."""
    button, calls = _counting_button()
    kept = pygame.Surface((800, 400))
    for _ in range(3):
        kept.fill(theme.BG)
        button.draw(kept, app.text, app.metrics, False)
    assert len(calls) == 1
    Button.keep_drawings = False
    try:
        fresh = pygame.Surface((800, 400))
        fresh.fill(theme.BG)
        button.draw(fresh, app.text, app.metrics, False)
    finally:
        Button.keep_drawings = True
    differ = sum(
        1
        for x in range(100, 500, 4)
        for y in range(100, 180, 4)
        if kept.get_at((x, y)) != fresh.get_at((x, y))
    )
    assert differ == 0


@pytest.mark.parametrize("change", ["focus", "label", "palette", "language", "size"])
def test_a_button_is_drawn_again_when_what_it_shows_changes(app: App, change: str) -> None:
    """Focus, label, colours, language or size changing draws the button afresh."""
    button, calls = _counting_button()
    surface = pygame.Surface((800, 400))
    button.draw(surface, app.text, app.metrics, False)
    focused = False
    saved = theme.PALETTE
    try:
        if change == "focus":
            focused = True
        elif change == "label":
            button.label = "Next"
        elif change == "palette":
            theme.use_palette(theme.HIGH_CONTRAST)
        elif change == "language":
            app.set_language("fr")
        else:
            button.rect.width = 300
        button.draw(surface, app.text, app.metrics, focused)
    finally:
        theme.use_palette(saved)
    assert len(calls) == 2


def test_a_label_being_read_aloud_is_drawn_in_place(app: App) -> None:
    """While a word of its label is lit, the button is drawn each frame (the word moves)."""
    button, calls = _counting_button("Stop and tell a grown-up")
    surface = pygame.Surface((800, 400))
    for start in (0, 5, 9):
        app.text.highlight = (button.label, start, start + 3)
        button.draw(surface, app.text, app.metrics, False)
    app.text.highlight = None
    assert len(calls) == 3


def _chat(app: App, count: int = 12) -> ChatScene:
    lesson = app.pack.by_id("g35-gift-or-trick")
    session = LessonSession(lesson)
    messages = [m for step in lesson.steps for m in getattr(step, "messages", [])]
    session.history.clear()
    for index in range(count):
        message = messages[index % len(messages)]
        session.history.append(
            Entry(
                key=f"t:{index}",
                sender=("contact", "me")[index % 2],
                text=message.text,
                context=f"{lesson.id}/{message.id}",
            )
        )
    scene = ChatScene(app, lesson, session)
    app.push(scene)
    return scene


def test_the_chat_is_composed_again_only_when_it_changes(app: App) -> None:
    """Redrawing keeps the composed chat; scrolling or a new message composes it again."""
    scene = _chat(app)
    scene.draw(app.screen)
    first = scene._phone_view
    scene.draw(app.screen)
    assert scene._phone_view is first
    scene.scroll += app.metrics.px(60)
    scene.draw(app.screen)
    scrolled = scene._phone_view
    assert scrolled is not first
    scene.session.history.append(
        Entry(key="t:new", sender="me", text="OK", context="g35-gift-or-trick/none")
    )
    scene.draw(app.screen)
    assert scene._phone_view is not scrolled


def test_a_bubble_being_read_is_framed_once_and_lit_per_word(app: App) -> None:
    """Each new lit word redraws only the text: the bubble's frame is baked once."""
    scene = _chat(app, count=2)
    entry = scene.session.history[0]
    bubbles = scene.bubbles
    baked: list[str] = []
    real = bubbles._bake

    def counting(entry: Entry, width: int):  # noqa: ANN202
        baked.append(entry.key)
        return real(entry, width)

    bubbles._bake = counting  # type: ignore[method-assign]
    text = bubbles._text(entry)
    shown = []
    for start in range(0, min(len(text), 12), 4):
        app.text.highlight = (text, start, start + 3)
        shown.append(bubbles.render(entry, 500))
    app.text.highlight = None
    assert baked == [entry.key]
    assert len({id(s) for s in shown}) == len(shown)  # each word its own picture
    plain = bubbles.render(entry, 500)
    assert plain.get_size() == shown[0].get_size()


def test_redrawing_only_the_lit_bubble_looks_like_drawing_it_all(app: App) -> None:
    """A word lit in one bubble: the partly redrawn chat equals one composed from scratch."""
    scene = _chat(app)
    scene.draw(app.screen)
    view = scene._phone_view
    entry = scene.session.history[-1]
    text = scene.bubbles._text(entry)
    app.text.highlight = (text, 0, 4)
    try:
        scene.draw(app.screen)
        assert scene._phone_view is view  # redrawn in place, not composed again
        partly = app.screen.copy()
        scene._phone_view = None
        scene.draw(app.screen)
        whole = app.screen.copy()
    finally:
        app.text.highlight = None
    assert partly.get_at((0, 0)) == whole.get_at((0, 0))
    differ = pygame.mask.from_threshold(partly, (0, 0, 0), (1, 1, 1, 255), whole)
    assert differ.count() == partly.get_width() * partly.get_height()


def test_a_word_moving_in_the_chat_redraws_only_the_chat_and_looks_the_same(app: App) -> None:
    """The word read aloud moving within a bubble redraws just the chat, pixel for pixel."""
    scene = _chat(app)
    app.render()
    text = scene.bubbles._text(scene.session.history[-1])
    drawn: list[str] = []
    real_draw_content = scene.draw_content

    def noting(surface: pygame.Surface) -> None:
        drawn.append("whole")
        real_draw_content(surface)

    scene.draw_content = noting  # type: ignore[method-assign]
    try:
        for start in (0, 4):
            app.text.highlight = (text, start, start + 3)
            scene.word_moved({text})
            assert app.render()
        assert drawn == []  # only the chat was drawn, twice
        partly = app.screen.copy()
        scene.dirty = True
        app.render()
        assert drawn == ["whole"]
        whole = app.screen.copy()
    finally:
        app.text.highlight = None
    same = pygame.mask.from_threshold(partly, (0, 0, 0), (1, 1, 1, 255), whole)
    assert same.count() == partly.get_width() * partly.get_height()


def test_a_word_on_a_button_or_with_other_changes_redraws_everything(app: App) -> None:
    """A lit word on a button, or any other change this turn, draws the whole screen."""
    scene = _chat(app)
    app.render()
    label = scene.all_buttons()[0].label
    scene.word_moved({label})
    assert not scene._word_only
    app.render()
    text = scene.bubbles._text(scene.session.history[-1])
    scene.dirty = True  # something else changed first (a key press, a new message)
    scene.word_moved({text})
    assert not scene._word_only


# -- the whole chat screen at rest, kept as one picture ---------------------------------
def _pixels(surface: pygame.Surface) -> bytes:
    return pygame.image.tobytes(surface, "RGB")


def _from_scratch(scene: ChatScene, like: pygame.Surface) -> pygame.Surface:
    """The screen drawn part by part (as every screen draws), with no kept chat picture."""
    scene._frame = None
    scene._canvas = None
    scene._phone_view = None
    scene._backdrop = None
    scene.bubbles.clear()
    surface = pygame.Surface(like.get_size(), 0, like)
    Scene.draw(scene, surface)
    return surface


def _render_twice(app: App) -> None:
    """Two frames of the screen in front (the chat keeps its picture from the second)."""
    for _ in range(2):
        app.scene.dirty = True
        app.render()


def test_the_chat_at_rest_is_one_kept_picture_still_drawn_whole(app: App) -> None:
    """Later frames re-use the kept picture (no button drawn) yet paint the whole window."""
    scene = _chat(app, count=40)
    _render_twice(app)
    kept = scene._frame
    assert kept is not None and kept.composed
    drawn: list[str] = []
    real = scene.draw_buttons

    def noting(surface: pygame.Surface) -> None:
        drawn.append("buttons")
        real(surface)

    scene.draw_buttons = noting  # type: ignore[method-assign]
    first = app.screen.copy()
    app.screen.fill((0, 0, 0))  # a redraw must still paint every pixel
    scene.dirty = True
    app.render()
    assert scene._frame is kept and drawn == []
    assert _pixels(app.screen) == _pixels(first)
    assert _pixels(app.screen) == _pixels(_from_scratch(scene, app.screen))


def _change(app: App, scene: ChatScene, change: str) -> None:
    """Make *change* happen to the chat screen the way the game makes it happen."""
    history = scene.session.history
    if change == "scroll":
        scene.on_scroll(2)
    elif change == "message":
        history.append(Entry(key="t:new", sender="me", text="OK", context="g35-gift-or-trick/x"))
        scene.dirty = True
    elif change == "reveal":  # a red flag shown on a bubble already in view
        history[-1].tactic = "T01"
        history[-1].revealed = True
        scene.dirty = True
    elif change == "flags":  # the teacher shows every red flag (classroom)
        history[-1].tactic = "T01"
        scene.on_button("flags")
    elif change == "focus":
        scene.move_focus(1)
    elif change == "label":  # a button's words changed in place, no new layout
        scene.buttons[0].label = "Onwards"
        scene.dirty = True
    elif change == "lit word":  # a word lit in a bubble, then reading stops
        text = scene.bubbles._text(history[-1])
        app.text.highlight = (text, 0, 4)
        scene.word_moved({text})
        app.render()
        app.text.highlight = None
        scene.word_moved({text})
        app.render()
        scene.dirty = True
    elif change == "palette":
        app.set_theme("high_contrast")
    elif change == "language":
        app.set_language("fr")
    elif change == "text size":
        app.text_size_override = "large"
        app.refresh_layout()
    else:  # window size
        app.screen = pygame.display.set_mode((1100, 700))
        app.refresh_layout()


@pytest.mark.parametrize(
    "change",
    [
        "scroll",
        "message",
        "reveal",
        "flags",
        "focus",
        "label",
        "lit word",
        "palette",
        "language",
        "text size",
        "window size",
    ],
)
def test_the_kept_chat_picture_never_shows_a_stale_screen(app: App, change: str) -> None:
    """After each kind of change the chat at rest looks exactly as one drawn from scratch."""
    scene = _chat(app, count=40)
    _render_twice(app)
    assert scene._frame is not None and scene._frame.composed
    saved = theme.PALETTE
    try:
        _change(app, scene, change)
        _render_twice(app)
        frame = scene._frame
        assert (frame is not None and frame.composed) or scene.max_scroll() > 0
        shown = app.screen.copy()
        assert _pixels(shown) == _pixels(_from_scratch(scene, app.screen))
    finally:
        theme.use_palette(saved)
