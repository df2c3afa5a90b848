"""The "Open folder" button shown after files are saved, and what pressing it does.

A screen shows the button once something is saved, and only when the computer can
open a folder (``app.folder_opener``, see :mod:`game.folder_opener`). Pressing it shows
the folder in the file manager; the game goes on at once.
"""

from __future__ import annotations

from pathlib import Path

import pygame

from game.ui import theme
from game.ui.text import TextCache
from game.ui.theme import Metrics
from game.ui.widgets import Button

#: The button's key.
OPEN_FOLDER = "open-folder"


def open_folder_button(app, folder: Path | None, rect: pygame.Rect) -> Button | None:
    """An "Open folder" button in *rect* for *folder*, or None (nothing saved, no opener)."""
    if folder is None or app.folder_opener is None:
        return None
    return Button(
        OPEN_FOLDER,
        app.tr._("Open folder"),
        rect,
        "secondary",
        icon=folder_icon,
    )


def natural_width(button: Button, text: TextCache, m: Metrics) -> int:
    """How wide *button* is with its label on one line (icon and margins included)."""
    size = button.text_size or m.body
    label = text.render(button.label, size, theme.INK, bold=button.bold, lang=button.lang)
    icon = round(size * (button.icon_scale + 0.4)) if button.icon else 0
    return label.get_width() + icon + 2 * m.pad + m.px(8)


def open_folder(app, folder: Path) -> str:
    """Show *folder* in the file manager; '' when that started, else a line saying why not."""
    if app.folder_opener is None:
        return ""
    try:
        app.folder_opener(folder)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return app.tr._("Could not open the folder: {reason}").format(reason=reason)
    return ""


def folder_icon(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
    """A closed folder (with its tab), outlined in ink (the button's words say what it does)."""
    cx, cy = center
    line = max(2, size // 10)
    body = pygame.Rect(0, 0, round(size * 0.9), round(size * 0.62))
    body.center = (cx, cy + size // 10)
    tab = pygame.Rect(body.left, body.top - round(size * 0.14), round(size * 0.4), size // 4)
    radius = max(2, size // 12)
    pygame.draw.rect(surface, theme.ACCENT, tab, border_radius=radius)
    pygame.draw.rect(surface, theme.INK, tab, line, border_radius=radius)
    pygame.draw.rect(surface, theme.ACCENT, body, border_radius=radius)
    pygame.draw.rect(surface, theme.INK, body, line, border_radius=radius)
