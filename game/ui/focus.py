"""The one place a focus move is announced.

Every move of the focus ring on the screen on top (a key, the mouse, switch scanning,
a screen putting it on its next button) goes through ``Scene.set_focus``, which tells the
app's :class:`FocusEvents`. Whatever follows the focus subscribes there: narration reads
the newly focused button, switch scanning restarts its wait after a child moved the ring
by hand. Listeners get a :class:`FocusChange` and must return quickly (no drawing, no
blocking I/O): they run inside the input loop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from game.scenes.base import Scene
    from game.ui.widgets import Button

#: Why the focus moved: a key (Tab, arrows, a switch's "move"), the mouse or a finger
#: hovering, switch scanning stepping on by itself, or the screen moving it (after an
#: answer, to its Continue button).
FocusCause = Literal["keyboard", "pointer", "scan", "screen"]


@dataclass(frozen=True)
class FocusChange:
    """The focus moved on *scene* to *button* (None: nothing is focused now)."""

    scene: Scene
    button: Button | None
    cause: FocusCause

    @property
    def key(self) -> str | None:
        """The focused button's key (None when nothing is focused)."""
        return self.button.key if self.button is not None else None

    @property
    def label(self) -> str:
        """What the focused button says, as drawn (its label, then its sublabel)."""
        if self.button is None:
            return ""
        return " ".join(part for part in (self.button.label, self.button.sublabel) if part)


FocusListener = Callable[[FocusChange], None]


class FocusEvents:
    """Listeners told about every focus move, in the order they subscribed."""

    def __init__(self) -> None:
        self._listeners: list[FocusListener] = []

    def subscribe(self, listener: FocusListener) -> Callable[[], None]:
        """Call *listener* on every focus move; returns a function that unsubscribes it."""
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, change: FocusChange) -> None:
        """Tell every listener about *change*."""
        for listener in list(self._listeners):
            listener(change)
