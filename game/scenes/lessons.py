"""The lesson list for the chosen age group, with progress, and a note on broken files."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import Lesson
from game.content.taxonomy import BANDS
from game.scenes.base import Scene
from game.session import LessonSession
from game.stars import possible_stars, stars_text
from game.ui import draw, theme
from game.ui.layout import grid
from game.ui.pictures import draw_picture
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
    """Pick a lesson: cards with a picture, a hook and New, Carry on or Done with stars."""

    #: The menu music plays here (when switched on).
    plays_music = True

    def __init__(self, app) -> None:  # noqa: D107
        super().__init__(app)
        self.page = 0

    def title(self) -> str:
        """Header title."""
        return self._("Choose a mission")

    def lessons(self) -> list[Lesson]:
        """Lessons offered to the current band, minus any a teacher turned off."""
        return lessons_for_band(turned_on(self.app), self.app.profile.settings.band or "K2")

    def hook(self, lesson: Lesson) -> str:
        """The card's line under the title: the lesson's hook, or what it is about.

        Both are in the child's words; the card never shows minutes (that is for grown-ups).
        """
        if lesson.hook:
            return self.app.tr.pgettext(f"{lesson.id}/hook", lesson.hook)
        if lesson.about:
            return self.app.tr.pgettext(f"{lesson.id}/about", lesson.about)
        return ""

    def card_status(self, lesson: Lesson) -> str:
        """'new', 'carry_on' (a saved place to go back to) or 'done'."""
        progress = self.app.profile.progress
        if progress.resume_point(lesson.id, "play") is not None:
            return "carry_on"
        entry = progress.lessons.get(lesson.id)
        return "done" if entry and entry.completed else "new"

    def status_text(self, lesson: Lesson, status: str) -> str:
        """The card's status word: 'New', 'Carry on' or 'Done - 2 of 3 stars'."""
        if status == "carry_on":
            return self._("Carry on")
        if status == "new":
            return self._("New")
        total = possible_stars(lesson)
        if not total:
            return self._("Done")
        earned = self.app.profile.progress.stars_for(lesson.id)
        return self._("Done - {stars}").format(stars=stars_text(self.app.tr, earned, total))

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
        """A lesson's card: a picture, the title, the hook, and New / Carry on / Done."""
        title = self.app.tr.pgettext(f"{lesson.id}/title", lesson.title)
        status = self.card_status(lesson)
        details = "\n".join(filter(None, (self.hook(lesson), self.status_text(lesson, status))))
        return Button(
            f"lesson:{lesson.id}",
            title,
            rect,
            "choice",
            align="left",
            icon=card_picture(lesson, status, self.m.rtl),
            sublabel=details,
            icon_scale=4.0,
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


def card_scene(lesson: Lesson) -> tuple[str, list[str]]:
    """The place and people of a lesson's card picture: its first story page.

    Never the lesson's contact (that is the tricky person in the chat); a lesson with no
    story page shows Scout, the guide, in a bedroom.
    """
    for step in lesson.steps:
        if step.type == "story":
            return step.picture, list(step.characters)
    return "bedroom", ["scout"]


def lesson_picture(lesson: Lesson):
    """A lesson's picture (its first story page) for the grown-ups' lesson lists.

    The same picture as the child's mission card, without the status sign; never the
    face of the lesson's tricky contact.
    """
    place, characters = card_scene(lesson)

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        _paint_scene(surface, center, size, place, characters)

    return paint


def _paint_scene(
    surface: pygame.Surface, center: tuple[int, int], size: int, place: str, characters: list[str]
) -> pygame.Rect:
    """Draw a lesson's place and people in a framed picture; return the picture's rect."""
    rect = pygame.Rect(0, 0, size, round(size * 0.8))
    rect.center = center
    draw_picture(surface, rect, place, characters, radius=max(4, size // 10))
    pygame.draw.rect(
        surface, theme.OUTLINE, rect, max(1, size // 60), border_radius=max(4, size // 10)
    )
    return rect


def card_picture(lesson: Lesson, status: str, rtl: bool = False):
    """A mission card's picture, with a status sign on its bottom corner.

    The sign goes with the status word on the card (never colour alone): a star for New,
    an arrow for Carry on, a tick for Done.
    """
    place, characters = card_scene(lesson)

    def paint(surface: pygame.Surface, center: tuple[int, int], size: int) -> None:
        rect = _paint_scene(surface, center, size, place, characters)
        radius = size // 7
        inset = radius + max(2, size // 30)  # inside the picture, clear of the words
        corner = (rect.left + inset if rtl else rect.right - inset, rect.bottom - inset)
        if status == "done":
            pygame.draw.circle(surface, theme.GOOD, corner, radius)
            draw.check(surface, corner, round(radius * 1.3), theme.WHITE)
        elif status == "carry_on":
            pygame.draw.circle(surface, theme.PRIMARY, corner, radius)
            draw.arrow(surface, corner, round(radius * 1.2), theme.WHITE, -1 if rtl else 1)
        else:
            pygame.draw.circle(surface, theme.WHITE, corner, radius)
            pygame.draw.circle(surface, theme.INK, corner, radius, max(1, size // 40))
            draw.star(surface, corner, round(radius * 1.5), theme.ACCENT, theme.INK)

    return paint
