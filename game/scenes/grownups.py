"""The grown-ups' menu (behind the gate): teacher mode and home mode in one place."""

from __future__ import annotations

from typing import TYPE_CHECKING

from game.helplines import ADULT
from game.scenes.list_base import Item, ListScene
from game.ui import draw, theme

if TYPE_CHECKING:
    from game.app import App


class GrownUpsScene(ListScene):
    """Classroom mode, lessons, printables, results, the parent guide, certificates."""

    help_for = ADULT

    def __init__(self, app: App, ask_country: bool = False) -> None:  # noqa: D107
        super().__init__(app)
        self.ask_country = ask_country

    @classmethod
    def after_gate(cls, app: App) -> GrownUpsScene:
        """The menu as the gate opens it: it asks for the country until a grown-up chose one."""
        return cls(app, ask_country=True)

    def enter(self) -> None:
        """Show the menu; on a first visit, ask which country's help lines to show."""
        super().enter()
        if self.ask_country and not self.app.profile.settings.country_confirmed:
            from game.scenes.choose_list import CountryScene

            self.app.push(CountryScene(self.app, first_visit=True))

    def title(self) -> str:
        """Header title."""
        return self._("For grown-ups")

    def intro(self) -> str:
        """What this part of the app is for."""
        return self._(
            "Teachers: preview lessons, teach on a projector and print plans. "
            "Parents: see what your child learns and how to talk about it."
        )

    def items(self) -> list[Item]:
        """The teacher and parent tools (and the school's settings, when it set any)."""
        _ = self._
        return self.managed_items() + [
            Item(
                "classroom",
                _("Classroom mode"),
                _("Teach a lesson on a projector, with pause points"),
                "primary",
                icon=lambda s, c, z: draw.avatar(s, c, z, "owl"),
            ),
            Item(
                "lessons",
                _("Lessons"),
                _("Preview any step; turn lessons on or off"),
                icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            ),
            Item(
                "plans",
                _("Lesson plans and family letters"),
                _("Save them as PDF and web pages to print"),
                icon=lambda s, c, z: draw.check(s, c, z, theme.PRIMARY),
            ),
            Item(
                "results",
                _("Learning check results"),
                _("Before and after, with no names"),
                icon=lambda s, c, z: draw.flag(s, c, z, theme.FLAG),
            ),
            Item(
                "home",
                _("Parent guide"),
                _("Key messages and conversation starters"),
                icon=lambda s, c, z: draw.avatar(s, c, z, "bear"),
            ),
            Item(
                "certificates",
                _("Certificates"),
                _("For each age group a child has finished"),
                icon=lambda s, c, z: draw.star(s, c, z, theme.ACCENT, theme.INK),
            ),
        ]

    def managed_items(self) -> list[Item]:
        """"Settings set by your school", first, when a managed-settings file exists."""
        managed = self.app.managed
        if not managed.found:
            return []
        _ = self._
        sub = (
            _("The file has mistakes: see what is ignored")
            if managed.problems
            else _("See which settings are set and locked")
        )
        return [
            Item(
                "managed",
                _("Settings set by your school"),
                sub,
                icon=lambda s, c, z: draw.padlock(s, c, z),
            )
        ]

    def on_button(self, key: str) -> None:
        """Open the chosen tool (each screen's module is imported when first used)."""
        import importlib

        if key in SCREENS:
            module, name = SCREENS[key]
            screen = getattr(importlib.import_module(f"game.scenes.{module}"), name)
            self.app.push(screen(self.app))


#: Menu key -> (module in game.scenes, screen class).
SCREENS = {
    "classroom": ("classroom", "ClassroomScene"),
    "lessons": ("teacher_lessons", "TeacherLessonsScene"),
    "plans": ("printables", "PrintablesScene"),
    "results": ("class_summary", "ClassSummaryScene"),
    "home": ("home_guide", "HomeGuideScene"),
    "certificates": ("printables", "CertificatesScene"),
    "managed": ("managed", "ManagedSettingsScene"),
}
