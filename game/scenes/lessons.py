"""The lesson list for the chosen age group, with progress, and a note on broken files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import Lesson
from game.content.taxonomy import BANDS
from game.scenes.base import Scene
from game.session import LessonSession
from game.ui import draw, theme
from game.ui.layout import grid
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line

BAND_ORDER = list(BANDS)


def lessons_for_band(lessons: list[Lesson], band: str) -> list[Lesson]:
    """The band's own lessons first, then younger bands' lessons it may also play.

    Lessons above the band's sensitivity limit are never offered (levels 3-4 stay out
    of the K2 and G35 groups).
    """
    rank = BAND_ORDER.index(band)
    limit = BANDS[band].max_sensitivity
    allowed = [
        lesson
        for lesson in lessons
        if BAND_ORDER.index(lesson.grade_band) <= rank and lesson.sensitivity_level <= limit
    ]
    return sorted(
        allowed,
        key=lambda lesson: (
            lesson.grade_band != band,
            -BAND_ORDER.index(lesson.grade_band),
            lesson.session_of or (0, 0),
            lesson.id,
        ),
    )


def turned_on(app) -> list[Lesson]:
    """Every loaded lesson except those a teacher turned off on this device."""
    off = set(app.profile.settings.disabled_lessons)
    return [lesson for lesson in app.pack.lessons if lesson.id not in off]


class LessonListScene(Scene):
    """Pick a lesson. Finished lessons show a tick and their stars."""

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.page = 0

    def title(self) -> str:
        """Header title."""
        return self._("Choose a mission")

    def lessons(self) -> list[Lesson]:
        """Lessons offered to the current band, minus any a teacher turned off."""
        return lessons_for_band(turned_on(self.app), self.app.profile.settings.band or "K2")

    def what_it_is_about(self, lesson: Lesson) -> str:
        """The card's first line: the mission's place in its series and what it is about.

        Written in the child's words (``about``); without one, the age group and length.
        """
        parts = []
        if lesson.session_of is not None:
            number, total = lesson.session_of
            parts.append(
                self._("Mission {n} of {total}").format(
                    n=self.app.tr.number(number), total=self.app.tr.number(total)
                )
            )
        if lesson.about:
            parts.append(self.app.tr.pgettext(f"{lesson.id}/about", lesson.about))
        else:
            band = self._(BANDS[lesson.grade_band].label)
            minutes = self.app.tr.ngettext("{n} minute", "{n} minutes", lesson.duration_min)
            parts.append(f"{band} - {minutes.format(n=self.app.tr.number(lesson.duration_min))}")
        return ": ".join(parts)

    def build(self) -> None:
        """Lesson cards in a grid, paged if they do not fit, then the broken-file note.

        With large text the cards grow to hold their words: then every card is listed
        in one column and the page scrolls (no pages to turn).
        """
        m = self.m
        area = self.content_rect().inflate(-4 * m.pad, -2 * m.pad)
        failures = self.app.pack.failures
        area.height -= m.button_h + m.pad  # room for the badges button
        if failures:
            area.height -= m.button_h + m.pad
        cell_h = max(m.px(150), m.button_h * 2)
        columns = 2
        lessons = self.lessons()
        cards = [
            self._card(lesson, pygame.Rect(area.left, area.top, 1, cell_h)) for lesson in lessons
        ]
        for card in cards:
            card.rect.width = (area.width - m.pad) // columns
        needed = max((c.needed_height(self.app.text, m) for c in cards), default=0)
        if needed > cell_h and 2 * needed + m.pad <= area.height:
            cell_h = needed  # taller cards, still two rows a page
        elif needed > cell_h:  # large text: one scrolling column of cards, as tall as they need
            y = area.top
            for card in cards:
                card.rect.width = area.width
                card.rect.height = max(cell_h, card.needed_height(self.app.text, m))
                card.rect.top = y
                y += card.rect.height + m.pad
            self.buttons = cards
            area.height = max(area.height, y - m.pad - area.top)
            self._bottom_buttons(area, pages=1, failures=failures)
            return
        rows = max(1, (area.height + m.pad) // (cell_h + m.pad))
        per_page = rows * columns
        pages = max(1, -(-len(lessons) // per_page))
        self.page = min(self.page, pages - 1)
        shown = cards[self.page * per_page : (self.page + 1) * per_page]
        rects = grid(area, len(shown), columns, cell_h, m.pad, center=False)
        for card, rect in zip(shown, rects, strict=True):
            card.rect = rect
        self.buttons = shown
        self._bottom_buttons(area, pages, failures)

    def _card(self, lesson: Lesson, rect: pygame.Rect) -> Button:
        """A lesson's card: its title, what it is about, and how far the child got."""
        progress = self.app.profile.progress
        entry = progress.lessons.get(lesson.id)
        if progress.resume_point(lesson.id, "play") is not None:
            status = self._("Started - you can carry on")
        elif entry and entry.completed:
            stars = progress.stars_for(lesson.id)
            status = self.app.tr.ngettext(
                "Finished - {n} star", "Finished - {n} stars", stars
            ).format(n=self.app.tr.number(stars))
        else:
            status = self._("Not played yet")
        title = self.app.tr.pgettext(f"{lesson.id}/title", lesson.title)
        details = f"{self.what_it_is_about(lesson)}\n{status}"
        done = bool(entry and entry.completed)
        return Button(
            f"lesson:{lesson.id}",
            title,
            rect,
            "choice",
            align="left",
            icon=lesson_icon(lesson.contact.avatar, done),
            sublabel=details,
            icon_scale=2.0,
        )

    def _bottom_buttons(self, area: pygame.Rect, pages: int, failures: list) -> None:
        """'More missions', 'My badges' and the broken-file note, under the cards."""
        m = self.m
        label_w = self.app.text.render(self._("My badges"), m.body, theme.INK, bold=True)
        badges_w = min(area.width, max(m.px(360), label_w.get_width() + 3 * m.body + 2 * m.pad))
        if pages > 1:
            self.buttons.append(
                Button(
                    "page",
                    self._("More missions ({page} of {pages})").format(
                        page=self.page + 1, pages=pages
                    ),
                    # beside the badges button, under the cards (never over one)
                    pygame.Rect(
                        area.left + badges_w + m.pad,
                        area.bottom + m.pad,
                        area.width - badges_w - m.pad,
                        m.button_h,
                    ),
                    "quiet",
                )
            )
        badges = pygame.Rect(area.left, area.bottom + m.pad, badges_w, m.button_h)
        self.buttons.append(
            Button(
                "badges",
                self._("My badges"),
                badges,
                "secondary",
                icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            )
        )
        if failures:
            names = ", ".join(str(f.problems[0].file) for f in failures)
            label = self.app.tr.ngettext(
                "{n} lesson file could not be opened: {names}. Press to see why.",
                "{n} lesson files could not be opened: {names}. Press to see why.",
                len(failures),
            ).format(n=len(failures), names=names)
            rect = pygame.Rect(area.left, badges.bottom + m.pad, area.width, m.button_h)
            problems = Button("problems", label, rect, "quiet", bold=False, text_size=m.small)
            rect.height = max(m.button_h, problems.needed_height(self.app.text, m))
            self.buttons.append(problems)

    def narration_body(self) -> list[Line]:
        """Each mission's name on this page, in order (or the note that there are none)."""
        missions = [b for b in self.buttons if b.key.startswith("lesson:")]
        if not missions:
            return [
                self.say.ui("No missions for this group yet. Press Back to choose another group.")
            ]
        lines = []
        for button in missions:
            lesson = self.app.pack.by_id(button.key.split(":", 1)[1])
            if lesson is not None:
                lines.append(
                    self.say.lesson(lesson.id, "title", "title", lesson.title, key=button.key)
                )
        return lines

    def on_button(self, key: str) -> None:
        """Open a lesson, the next page, or the list of file problems."""
        if key.startswith("lesson:"):
            lesson = self.app.pack.by_id(key.split(":", 1)[1])
            if lesson:
                self.open(lesson)
        elif key == "page":
            self.page += 1
            self.relayout()
        elif key == "badges":
            from game.scenes.badges import BadgesScene

            self.app.push(BadgesScene(self.app))
        elif key == "problems":
            from game.scenes.problems import ProblemsScene

            self.app.push(ProblemsScene(self.app))

    def open(self, lesson: Lesson) -> None:
        """Start *lesson*; one left part-way asks "Carry on" or "Start again" first."""
        from game.scenes.carry_on import open_lesson

        def start(session: LessonSession | None) -> None:
            if session is None:
                from game.scenes.check import start_lesson

                start_lesson(self.app, lesson)
            else:
                from game.scenes.step_base import scene_for

                self.app.push(scene_for(self.app, lesson, session))

        open_lesson(self.app, lesson, "play", self, start)

    def draw_content(self, surface: pygame.Surface) -> None:
        """A friendly note when the group has no lessons yet."""
        if not self.buttons or all(not b.key.startswith("lesson:") for b in self.buttons):
            m = self.m
            note = self.app.text.render(
                self._("No missions for this group yet. Press Back to choose another group."),
                m.body,
                theme.INK_SOFT,
                m.width - 8 * m.pad,
                align="center",
            )
            surface.blit(note, note.get_rect(center=self.content_rect().center))


def lesson_icon(kind: str, done: bool):
    """An avatar icon for a lesson card, with a tick when it is finished."""

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        draw.avatar(surface, center, size, kind)
        if done:
            badge = (center[0] + size * 2 // 5, center[1] + size * 2 // 5)
            pygame.draw.circle(surface, theme.GOOD, badge, size // 5)
            draw.check(surface, badge, size // 4, theme.WHITE)

    return paint
