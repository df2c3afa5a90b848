"""Home mode: the parent guide.

A parent picks the child's age group and reads each lesson's key message and
conversation starters, with what to do if the child tells them something.
"""

from __future__ import annotations

import pygame

from game.content.model import Lesson
from game.content.taxonomy import BANDS
from game.helplines import ADULT
from game.printing import guidance
from game.printing.lesson_text import LessonText
from game.scenes.base import Scene
from game.scenes.lessons import lessons_for_band, turned_on
from game.ui import draw, theme
from game.ui.flow import Block, draw_blocks, fit, height_of
from game.ui.layout import grid_buttons
from game.ui.widgets import Button


class HomeGuideScene(Scene):
    """Age-group tabs on top; one lesson's guide per page in a big card."""

    help_for = ADULT

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.band = app.profile.settings.band or "K2"
        self.index = 0
        self.status = ""

    def title(self) -> str:
        """Header title."""
        return self._("Parent guide")

    def lessons(self) -> list[Lesson]:
        """The lessons a child in the chosen age group can play."""
        return lessons_for_band(turned_on(self.app), self.band)

    def build(self) -> None:
        """Band tabs, the guide card, and next / save buttons.

        With large text the tabs wrap into more rows, the card grows to hold the whole
        guide and the buttons follow it (the page scrolls).
        """
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -m.pad)
        tab_h = round(m.button_h * 0.8)
        for code, band in BANDS.items():
            style = "selected" if code == self.band else "choice"
            rect = pygame.Rect(area.left, area.top, 1, tab_h)
            self.buttons.append(Button(f"band:{code}", self._(band.label), rect, style))
        tabs_bottom = grid_buttons(
            self.buttons,
            pygame.Rect(area.left, area.top, area.width, tab_h),
            len(BANDS),
            tab_h,
            m.pad,
            self.app.text,
            m,
        )
        lessons = self.lessons()
        self.index = self.index % max(1, len(lessons))
        half = (area.width - m.pad) // 2
        row: list[Button] = []
        if len(lessons) > 1:
            label = self._("Next lesson ({n} of {total})").format(
                n=self.app.tr.number(self.index + 1), total=self.app.tr.number(len(lessons))
            )
            row.append(Button("next", label, pygame.Rect(area.left, 0, half, 1), "secondary"))
        if lessons:
            rect = pygame.Rect(area.left + half + m.pad, 0, half, 1)
            row.append(Button("save", self._("Save the family pack"), rect, "primary"))
        row_h = max([m.button_h] + [b.needed_height(self.app.text, m) for b in row])
        top = tabs_bottom + m.pad // 2
        self.card = pygame.Rect(area.left, top, area.width, area.bottom - row_h - m.pad - top)
        inner = self.card.inflate(-3 * m.pad, -m.pad)
        if lessons:
            blocks = self._blocks(lessons[self.index], inner.width, 1.0)
            self.card.height = max(self.card.height, height_of(blocks) + m.pad)
        for button in row:
            button.rect.update(button.rect.left, self.card.bottom + m.pad, half, row_h)
        self.buttons += row

    def on_button(self, key: str) -> None:
        """Switch age group, go to the next lesson, or save the family pack."""
        if key.startswith("band:"):
            self.band, self.index, self.status = key.split(":", 1)[1], 0, ""
        elif key == "next":
            self.index += 1
            self.status = ""
        elif key == "save":
            self.status = self._save()
        self.relayout()
        self.focus_on(key)

    def _save(self) -> str:
        from game.printing.export import render_document
        from game.printing.family import family_document
        from game.storage import write_document

        lesson = self.lessons()[self.index]
        country = self.app.helplines.for_country(self.app.profile.settings.country)
        doc = family_document(lesson, self.app.tr, country)
        folder = self.app.print_folder / self.app.tr.language
        try:
            for fmt in ("pdf", "html"):
                data = render_document(doc, fmt, self.app.paths.fonts)
                write_document(folder / f"{lesson.id}-family.{fmt}", data)
        except OSError as exc:
            return self._("Could not save the files: {reason}").format(reason=exc.strerror)
        return self._("Saved to {path}").format(path=folder / f"{lesson.id}-family.pdf")

    def _blocks(self, lesson: Lesson, width: int, scale: float) -> list[Block]:
        m = self.m
        text = self.app.text
        t = LessonText(lesson, self.app.tr, self.app.local_help())

        def line(words: str, size: int, colour=theme.INK, bold=False, gap=0) -> Block:
            return Block(
                text.render(words, round(m.font(size) * scale), colour, width, bold=bold),
                gap_before=round(gap * scale),
            )

        blocks = [
            line(t.title, 30, theme.PRIMARY_DARK, True),
            line(self._("Key message: {message}").format(message=t.key_message), 24, gap=m.px(6)),
            line(self._("Conversation starters"), 24, bold=True, gap=m.pad),
        ]
        blocks += [line(f"• {s}", 22, gap=m.px(4)) for s in t.starters()]
        blocks.append(
            line(self._("If your child tells you something happened"), 24, bold=True, gap=m.pad)
        )
        blocks += [
            line(f"• {self._(s)}", 20, theme.INK_SOFT, gap=m.px(4))
            for s in guidance.IF_YOUR_CHILD_TELLS_YOU[:3]
        ]
        if self.status:
            blocks.append(line(self.status, 18, theme.INK, True, gap=m.pad))
        return blocks

    def draw_content(self, surface: pygame.Surface) -> None:
        """The guide card for the current lesson."""
        m = self.m
        draw.card(surface, self.card, theme.WHITE, m.radius, shadow=m.px(4))
        inner = self.card.inflate(-3 * m.pad, -m.pad)
        lessons = self.lessons()
        if not lessons:
            note = self.app.text.render(
                self._("No missions for this group yet."), m.body, theme.INK_SOFT, inner.width
            )
            surface.blit(note, self.start_pos(inner, note, inner.top))
            return
        lesson = lessons[self.index]
        blocks = fit(lambda scale: self._blocks(lesson, inner.width, scale), inner.height)
        draw_blocks(surface, blocks, inner.left, inner.top, inner.width, m.rtl)
