"""Privacy settings: set up a pretend profile, then see how a scenario plays out.

Screen 1 shows the pretend profile (a drawn, generic avatar and its name) and each
setting as a row of big buttons; the picked value carries a tick and the word "Picked".
Screen 2 shows what happens next, and each setting's effect with a shield ("Safer") or
a flag ("Open"). An open setting leads back to change it (the choices are kept, the
open rows are pointed out); with every setting on a safer value, Continue goes on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.content.model import PrivacyOption, PrivacySetting, PrivacyStep
from game.scenes.step_base import StepScene
from game.ui import draw, theme
from game.ui import privacy_icons as icons
from game.ui.flow import Block, card_height, draw_card
from game.ui.widgets import Button

if TYPE_CHECKING:
    from game.narration.lines import Line


class PrivacyScene(StepScene):
    """One privacy-settings activity: pick the settings, then see what happens."""

    step_type = "privacy"

    def __init__(self, app, lesson, session=None) -> None:  # noqa: D107
        super().__init__(app, lesson, session)
        #: setting id -> option id picked; a new profile starts on each first option.
        self.picked: dict[str, str] = {s.id: s.options[0].id for s in self.step.settings}
        #: True on the "what happens" screen.
        self.showing = False
        #: True once the child has seen the result: open rows are then pointed out.
        self.tried = False
        self.label_rects: list[pygame.Rect] = []
        self.effect_rects: list[pygame.Rect] = []
        self.verdict_rect = pygame.Rect(0, 0, 0, 0)
        self.profile_rect = pygame.Rect(0, 0, 0, 0)
        self.card_rect = pygame.Rect(0, 0, 0, 0)

    @property
    def step(self) -> PrivacyStep:
        """The privacy step being played."""
        return self.step_as(PrivacyStep)

    def chosen(self, setting: PrivacySetting) -> PrivacyOption:
        """The value picked for *setting*."""
        return next(o for o in setting.options if o.id == self.picked[setting.id])

    def open_settings(self) -> list[PrivacySetting]:
        """Settings still on an open (not safer) value."""
        return [s for s in self.step.settings if not self.chosen(s).safe]

    @property
    def all_safe(self) -> bool:
        """True when every setting is on a safer value."""
        return not self.open_settings()

    # -- layout ----------------------------------------------------------------
    def build(self) -> None:
        """The settings rows and "See what happens", or the result card and its button."""
        m = self.m
        self.area = self.content_rect().inflate(-2 * m.pad, -2 * m.pad)
        self.label_rects = []
        self.effect_rects = []
        if self.showing:
            self._build_result()
        else:
            self._build_settings()

    def _mirror(self) -> None:
        """Right to left: the setting labels swap sides too."""
        super()._mirror()
        for rect in self.label_rects + self.effect_rects:
            rect.x = self.m.width - rect.right

    def _prompt(self, width: int) -> pygame.Surface:
        return self.app.text.render(
            self.lt(self.step.id, self.step.prompt), self.m.font(30), theme.INK, width, bold=True
        )

    def _profile_lines(self, width: int) -> tuple[pygame.Surface, pygame.Surface]:
        """The profile's name (bold) and the words "Pretend profile" under it."""
        m = self.m
        name = self.app.text.render(
            self.lt(self.step.id, self.step.profile), m.font(30), theme.INK, width, bold=True
        )
        # TRANSLATORS: privacy step, under the made-up profile name the child sets up.
        note = self.app.text.render(self._("Pretend profile"), m.small, theme.INK_SOFT, width)
        return name, note

    def _profile_avatar_size(self) -> int:
        return max(self.m.px(48), round(self.m.body * 1.8))

    def _profile_one_line(self, width: int) -> bool:
        """True when the name and "Pretend profile" fit side by side in the card."""
        name, note = self._profile_lines(10_000)
        words = width - 3 * self.m.pad - self._profile_avatar_size()
        return name.get_width() + self.m.pad + note.get_width() <= words

    def _profile_height(self, width: int) -> int:
        m = self.m
        words = width - 3 * m.pad - self._profile_avatar_size()
        name, note = self._profile_lines(words)
        text_h = (
            name.get_height()
            if self._profile_one_line(width)
            else name.get_height() + note.get_height()
        )
        return max(self._profile_avatar_size(), text_h) + m.px(20)

    def _label(self, setting: PrivacySetting, width: int) -> pygame.Surface:
        return self.app.text.render(
            self.lt(setting.id, setting.label), self.m.body, theme.INK, width, bold=True
        )

    def _mark(self, setting: PrivacySetting, width: int) -> pygame.Surface | None:
        """After a look at the result: "Still open" or "Safer" under a setting's label."""
        if not self.tried:
            return None
        safe = self.chosen(setting).safe
        words = self._status_words(setting)
        ink = theme.GOOD if safe else theme.FLAG
        return self.app.text.render(words, self.m.small, ink, width, bold=True)

    def _icon_size(self) -> int:
        return max(self.m.px(40), round(self.m.body * 1.6))

    def _label_height(self, setting: PrivacySetting, width: int) -> int:
        m = self.m
        height = self._label(setting, width).get_height()
        mark = self._mark(setting, width - m.small - m.px(8))
        if mark is not None:
            height += m.px(6) + mark.get_height()
        return max(self._icon_size(), height)

    def _option_buttons(self, setting: PrivacySetting) -> list[Button]:
        m = self.m
        buttons = []
        for option in setting.options:
            picked = self.picked[setting.id] == option.id
            buttons.append(
                Button(
                    f"opt:{setting.id}:{option.id}",
                    self.lt(option.id, option.text),
                    pygame.Rect(0, 0, 10, m.button_h),
                    "selected" if picked else "choice",
                    icon=icons.picked_icon if picked else icons.empty_icon,
                    icon_scale=0.9,
                    text_size=m.body,
                    # Shape and words say which one is picked, never colour alone.
                    sublabel=self._("Picked") if picked else "",
                )
            )
        return buttons

    def _place_row(self, buttons: list[Button], row: pygame.Rect) -> int:
        """Put *buttons* side by side across *row* (one under another if words don't fit).

        All of a row's buttons are as tall as the tallest would be when picked, so
        picking one never moves the others. Returns the bottom.
        """
        m = self.m
        gap = m.px(12)
        text = self.app.text
        count = len(buttons)
        width = (row.width - gap * (count - 1)) // count
        for button in buttons:
            button.rect.width = width
        side_by_side = all(b.fits_words(text, m) for b in buttons)
        if not side_by_side:
            width = row.width
            for button in buttons:
                button.rect.width = width
        height = 0
        for button in buttons:
            sub, button.sublabel = button.sublabel, self._("Picked")
            height = max(height, button.needed_height(text, m))
            button.sublabel = sub
        y = row.top
        for index, button in enumerate(buttons):
            if side_by_side:
                button.rect.update(row.left + index * (width + gap), row.top, width, height)
            else:
                button.rect.update(row.left, y, width, height)
                y += height + gap
        return max(b.rect.bottom for b in buttons)

    def _build_settings(self) -> None:
        """Prompt, profile card, one row per setting, then "See what happens".

        Roomy: each label on the start side, its buttons beside it. When a label or a
        button's words don't fit there, the label goes over its buttons across the
        window, and the page scrolls if it must.
        """
        m = self.m
        area = self.area
        for beside in (True, False):
            self.buttons = []
            self.label_rects = []
            y = area.top + self._prompt(area.width).get_height() + m.pad
            profile_h = self._profile_height(area.width)
            self.profile_rect = pygame.Rect(area.left, y, area.width, profile_h)
            y = self.profile_rect.bottom + m.pad
            label_w = round(area.width * 0.36) if beside else area.width
            icon_w = self._icon_size() + m.px(12)
            fits = True
            for setting in self.step.settings:
                text_w = label_w - icon_w
                label_h = self._label_height(setting, text_w)
                buttons = self._option_buttons(setting)
                if beside:
                    row = pygame.Rect(
                        area.left + label_w + m.pad, y, area.width - label_w - m.pad, 0
                    )
                    bottom = self._place_row(buttons, row)
                    fits = fits and all(b.rect.top == y for b in buttons)
                    label_rect = pygame.Rect(area.left, y, label_w, label_h)
                    top_gap = max(0, (bottom - y - label_h) // 2)
                    label_rect.top += top_gap
                    bottom = max(bottom, label_rect.bottom)
                else:
                    label_rect = pygame.Rect(area.left, y, label_w, label_h)
                    row = pygame.Rect(area.left, label_rect.bottom + m.px(10), area.width, 0)
                    bottom = self._place_row(buttons, row)
                self.label_rects.append(label_rect)
                self.buttons += buttons
                y = bottom + (m.px(14) if beside else m.pad + m.px(6))
            # TRANSLATORS: privacy step: the button that shows how the story goes with
            # the settings the child picked.
            see = self._("See what happens")
            button = self.continue_button(
                pygame.Rect(area.left, y, area.width, m.button_h),
                see,
                key="see",
            )
            self.buttons.append(self.end_side(button, area, y))
            if not beside or (fits and button.rect.bottom <= area.bottom):
                break
        self.extent = max(r.bottom for r in self.label_rects)

    def _build_result(self) -> None:
        """What happens; one card per setting with its effect; the verdict and a button.

        The setting cards sit side by side while each keeps room for a few words a
        line, else one under another; the verdict sits beside its button when there is
        room, else over it. The page scrolls when it must.
        """
        m = self.m
        area = self.area
        self.card_rect = pygame.Rect(area.left, area.top, area.width, 0)
        self.card_rect.height = card_height(m, area.width, self._scenario_blocks)
        y = self.card_rect.bottom + m.pad
        settings = self.step.settings
        count = len(settings)
        width = (area.width - m.pad * (count - 1)) // count
        builders = [self._effect_builder(s) for s in settings]
        if width >= max(m.px(250), 11 * m.body):
            height = max(card_height(m, width, b) for b in builders)
            self.effect_rects = [
                pygame.Rect(area.left + i * (width + m.pad), y, width, height) for i in range(count)
            ]
        else:
            self.effect_rects = []
            for build in builders:
                height = card_height(m, area.width, build)
                self.effect_rects.append(pygame.Rect(area.left, y, area.width, height))
                y += height + m.pad
            y -= m.pad
        y = max(r.bottom for r in self.effect_rects) + m.pad
        if self.all_safe:
            button = self.continue_button(pygame.Rect(area.left, y, area.width, m.button_h))
        else:
            # TRANSLATORS: privacy step: back to the settings, with the choices kept.
            change = self._("Change my settings")
            button = self.continue_button(
                pygame.Rect(area.left, y, area.width, m.button_h),
                change,
                key="change",
            )
        side = min(m.px(420), area.width // 2)
        verdict_w = area.width - side - m.pad
        self.verdict_rect = pygame.Rect(area.left, y, verdict_w, 0)
        self.verdict_rect.height = card_height(m, verdict_w, self._verdict_blocks)
        button.rect.update(area.right - side, y, side, m.button_h)
        button.rect.height = max(m.button_h, button.needed_height(self.app.text, m))
        fits = button.fits_words(self.app.text, m) and verdict_w >= 12 * m.body
        if fits:
            button.rect.bottom = max(button.rect.bottom, self.verdict_rect.bottom)
        else:
            self.verdict_rect.width = area.width
            self.verdict_rect.height = card_height(m, area.width, self._verdict_blocks)
            self.end_side(button, area, self.verdict_rect.bottom + m.pad)
        self.buttons.append(button)
        self.extent = max(self.verdict_rect.bottom, button.rect.bottom)

    # -- input -----------------------------------------------------------------
    def on_button(self, key: str) -> None:
        """Pick a value, see what happens, go back to change settings, or go on."""
        if key.startswith("opt:"):
            _, setting_id, option_id = key.split(":", 2)
            self.picked[setting_id] = option_id
            self.relayout()
            return
        if key == "see":
            self.showing = True
            self.tried = True
            self.app.sound.play("good" if self.all_safe else "think")
            self.scroll_y = 0
            self.relayout()
            self.focus_on("next" if self.all_safe else "change")
            return
        if key == "change":
            self.showing = False
            self.scroll_y = 0
            self.relayout()
            first_open = self.open_settings()
            if first_open:
                self.focus_on(f"opt:{first_open[0].id}:{self.picked[first_open[0].id]}")
            return
        if key == "next" and self.showing and self.all_safe:
            self.session.finish_activity({})
            self.follow()

    def show_state(self, state: str) -> None:
        """For snapshots and tests: show the result, or the settings after a look at it.

        ``safe`` or ``open``: the result with every setting safer, or as a new profile
        starts; ``change``: the settings again after that.
        """
        if state not in ("safe", "open", "change"):
            raise SystemExit(f"a privacy step shows 'safe', 'open' or 'change', not {state!r}")
        for setting in self.step.settings:
            options = setting.options
            pick = next(o for o in options if o.safe) if state == "safe" else options[0]
            self.picked[setting.id] = pick.id
        self.showing, self.tried = state != "change", True
        self.relayout()

    # -- reading aloud -------------------------------------------------------------
    def narration_body(self) -> list[Line]:
        """Settings: the task, the profile and each setting with its values.

        Result: what happens, then each setting's value, whether it is safer or open,
        and its effect; then the verdict or the kind note.
        """
        step, say = self.step, self.say
        if not self.showing:
            lines = [
                self.lesson_line(step.id, "prompt", step.prompt, key="prompt"),
                say.ui("Pretend profile", key="profile/note"),
                self.lesson_line(step.id, "profile", step.profile, key="profile"),
            ]
            for setting in step.settings:
                lines.append(self.lesson_line(setting.id, "label", setting.label, key=setting.id))
                if self.tried:
                    words = self._status_words(setting)
                    lines.append(say.said(words, key=f"{setting.id}/mark"))
                for option in setting.options:
                    key = f"{setting.id}/{option.id}"
                    lines.append(self.lesson_line(option.id, "text", option.text, key=key))
                    if self.picked[setting.id] == option.id:
                        lines.append(say.ui("Picked", key=f"{key}/picked"))
            return lines
        lines = [self.lesson_line(step.id, "scenario", step.scenario, key="scenario")]
        for setting in step.settings:
            option = self.chosen(setting)
            key = f"result/{setting.id}"
            lines += [
                self.lesson_line(setting.id, "label", setting.label, key=f"{key}/label"),
                say.said(self._status_line(setting), key=f"{key}/status"),
                self.lesson_line(option.id, "effect", option.effect, key=f"{key}/effect"),
            ]
        heading, note = self._verdict_words()
        lines += [say.said(heading, key="verdict"), say.said(note, key="verdict/note")]
        return lines

    # -- words ---------------------------------------------------------------------
    def _status_words(self, setting: PrivacySetting) -> str:
        """The mark under *setting* after a look at the result: safer, or still open."""
        if self.chosen(setting).safe:
            # TRANSLATORS: privacy step: a setting on a safer value (next to a shield).
            return self._("Safer")
        # TRANSLATORS: privacy step: under a setting still open, after the child saw
        # what happens; they pick again.
        return self._("Still open: try another choice")

    def _status_line(self, setting: PrivacySetting) -> str:
        """The result line of *setting*: "Safer: Only friends" or "Open: Everyone"."""
        value = self.lt(self.chosen(setting).id, self.chosen(setting).text)
        if self.chosen(setting).safe:
            # TRANSLATORS: privacy step result: a setting on a safer value.
            return self._("Safer: {value}").format(value=value)
        # TRANSLATORS: privacy step result: a setting left open (never said as a mistake).
        return self._("Open: {value}").format(value=value)

    def _verdict_words(self) -> tuple[str, str]:
        """The heading and the note under the result."""
        if self.all_safe:
            return (
                self._("Great settings!"),
                self._("Every setting is on the safer choice."),
            )
        return (
            self._("Let's change a setting"),
            self._(
                "Lots of new profiles start open. Changing a setting only takes a moment: "
                "pick a safer choice for each one with a flag."
            ),
        )

    # -- drawing ---------------------------------------------------------------
    def draw_content(self, surface: pygame.Surface) -> None:
        """The prompt, profile card and labels; or the result card."""
        m = self.m
        area = self.area
        if self.showing:
            draw_card(surface, self.card_rect, m, theme.WHITE, self._scenario_blocks)
            for setting, rect in zip(self.step.settings, self.effect_rects, strict=True):
                fill = theme.GOOD_BG if self.chosen(setting).safe else theme.WHITE
                draw_card(surface, rect, m, fill, self._effect_builder(setting))
            fill = theme.SCOUT_BG if self.all_safe else theme.THINK_BG
            draw_card(surface, self.verdict_rect, m, fill, self._verdict_blocks)
            return
        prompt = self._prompt(area.width)
        surface.blit(prompt, self.start_pos(area, prompt, area.top))
        self._draw_profile(surface)
        icon = self._icon_size()
        for setting, rect in zip(self.step.settings, self.label_rects, strict=True):
            center_x = rect.right - icon // 2 if m.rtl else rect.left + icon // 2
            icons.setting_icon(surface, (center_x, rect.top + icon // 2), icon, setting.icon)
            text_area = pygame.Rect(rect.left, rect.top, rect.width - icon - m.px(12), 0)
            if not m.rtl:
                text_area.left = rect.left + icon + m.px(12)
            label = self._label(setting, text_area.width)
            surface.blit(label, self.start_pos(text_area, label, rect.top))
            mark_w = text_area.width - m.small - m.px(8)
            mark = self._mark(setting, mark_w)
            if mark is not None:
                y = rect.top + label.get_height() + m.px(6)
                size = m.small
                mark_area = pygame.Rect(text_area.left, y, text_area.width, mark.get_height())
                cx = mark_area.right - size // 2 if m.rtl else mark_area.left + size // 2
                if self.chosen(setting).safe:
                    icons.shield(surface, (cx, y + size // 2), size)
                else:
                    draw.flag(surface, (cx, y + size // 2), size, theme.FLAG)
                words = pygame.Rect(mark_area.left, y, mark_area.width - size - m.px(8), 0)
                if not m.rtl:
                    words.left = mark_area.left + size + m.px(8)
                surface.blit(mark, self.start_pos(words, mark, y))

    def _draw_profile(self, surface: pygame.Surface) -> None:
        """The pretend profile card: a drawn, faceless avatar and the profile's name."""
        m = self.m
        rect = self.profile_rect
        draw.card(surface, rect, theme.WHITE, m.radius, border=theme.OUTLINE, shadow=m.px(4))
        size = self._profile_avatar_size()
        cx = rect.right - m.pad - size // 2 if m.rtl else rect.left + m.pad + size // 2
        icons.profile_avatar(surface, (cx, rect.centery), size)
        inner = rect.inflate(-2 * m.pad, 0)
        words = pygame.Rect(inner.left, rect.top, inner.width - size - m.pad, rect.height)
        if not m.rtl:
            words.left = inner.left + size + m.pad
        name, note = self._profile_lines(words.width)
        if self._profile_one_line(rect.width):
            top = rect.centery - name.get_height() // 2
            surface.blit(name, self.start_pos(words, name, top))
            after = name.get_width() + m.pad
            note_y = top + name.get_height() - note.get_height() - m.px(4)
            x = words.right - after - note.get_width() if m.rtl else words.left + after
            surface.blit(note, (x, note_y))
            return
        top = rect.centery - (name.get_height() + note.get_height()) // 2
        surface.blit(name, self.start_pos(words, name, top))
        surface.blit(note, self.start_pos(words, note, top + name.get_height()))

    def _scenario_blocks(self, width: int, scale: float) -> list[Block]:
        """What happens next in the story."""
        m = self.m
        step = self.step
        return [
            Block(
                self.app.text.render(
                    self.lt(step.id, step.scenario), round(m.body * scale), theme.INK, width
                )
            )
        ]

    def _effect_builder(self, setting: PrivacySetting):
        """A card builder for *setting*'s result: its status, its name and its effect.

        The status is "Safer: ..." with a shield or "Open: ..." with a flag.
        """

        def build(width: int, scale: float) -> list[Block]:
            m = self.m
            text = self.app.text
            option = self.chosen(setting)
            icon = round(max(m.px(32), m.body * 1.3) * scale)
            indent = icon + m.px(10)
            return [
                Block(
                    text.render(
                        self._status_line(setting),
                        round(m.body * scale),
                        theme.GOOD if option.safe else theme.FLAG,
                        width - indent,
                        bold=True,
                    ),
                    indent=indent,
                    icon=icons.shield if option.safe else icons.flag_icon,
                    icon_size=icon,
                ),
                Block(
                    text.render(
                        self.lt(setting.id, setting.label),
                        round(m.small * scale),
                        theme.INK_SOFT,
                        width,
                    ),
                    gap_before=m.px(6),
                ),
                Block(
                    text.render(
                        self.lt(option.id, option.effect),
                        round(m.body * scale),
                        theme.INK,
                        width,
                    ),
                    gap_before=m.px(6),
                ),
            ]

        return build

    def _verdict_blocks(self, width: int, scale: float) -> list[Block]:
        """The verdict: "Great settings!" with a star, or a kind note with a light bulb."""
        m = self.m
        heading, note = self._verdict_words()
        return [
            self.verdict_block(self.all_safe, heading, width, scale),
            Block(
                self.app.text.render(note, round(m.body * scale), theme.INK, width),
                gap_before=m.px(6),
            ),
        ]
