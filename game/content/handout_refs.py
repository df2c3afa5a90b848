"""What a lesson handout's ``uses`` references point at: the game's own lines.

Lint (:mod:`game.content.lint_handouts`) and the handout builders
(:mod:`game.printing.handouts`) both resolve references here, so a handout can only
print what the game itself shows, never a new line.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.content.model import (
    AnyStep,
    ChatStep,
    Choice,
    Handout,
    HelpPlanStep,
    Lesson,
    SortStep,
    SpotStep,
    StoryStep,
)

#: Kinds whose ``uses`` must name at least one line; the others print lesson sections.
NEEDS_USES = ("message_cards", "sort_cards", "worksheet", "picture_cards")
#: What each kind may reference, for the lint's fix hints.
USABLE = {
    "message_cards": "a chat message from the contact or from 'me', a spot-step message, "
    "a choice or a help-plan 'say' line (or a chat, spot or help_plan step for all of them)",
    "sort_cards": "a sort step (all its cards) or one card of a sort step",
    "worksheet": "a chat or story step (its replies that are not the best move), "
    "one choice, or a chat message",
    "picture_cards": "a story step (its picture and text)",
    "support_plan": "a chat message from the contact or from 'me', a spot-step message, "
    "a choice or a help-plan 'say' line (or a chat, spot or help_plan step for all of them), "
    "printed at the top of the plan",
    "icon_cards": "a chat message from the contact or from 'me', a spot-step message, "
    "a choice or a help-plan 'say' line, each printed on a speech-bubble card",
}
#: Kinds that print the band's own response steps, never a lesson's lines.
BAND_KINDS = ("step_cards", "chant_cards", "hand_sheet")


@dataclass(frozen=True)
class Line:
    """One of the game's lines as a handout prints it.

    *speaker* is who says it in the game ('' for the child's own reply or narration);
    *step* is the step it comes from, *ref* the reference that names it alone, and
    *owner* the id its translation is filed under (see :mod:`game.printing.lesson_text`).
    """

    text: str
    speaker: str
    step: AnyStep
    ref: str

    @property
    def owner(self) -> str:
        """The item id (or, for a step's own text, the step id) that owns the text."""
        return self.ref.rpartition(".")[2]


class RefError(ValueError):
    """A reference that names nothing (``missing``) or something the kind cannot use."""

    def __init__(self, message: str, missing: bool) -> None:
        super().__init__(message)
        self.missing = missing


def resolve(lesson: Lesson, handout: Handout, ref: str) -> list[Line]:
    """The lines that *ref* gives a handout of *handout*'s kind, or raise :class:`RefError`."""
    step_id, _, item = ref.partition(".")
    step = lesson.step_map.get(step_id)
    if step is None:
        raise RefError(f"no step has the id '{step_id}'", missing=True)
    lines = _lines(lesson, handout.kind, step, item)
    if lines is None:
        raise RefError(f"step '{step_id}' has no item with the id '{item}'", missing=True)
    if not lines:
        what = f"'{ref}' ({_describe(step, item)})"
        raise RefError(f"{what} cannot go on {handout.kind}", missing=False)
    return lines


def handout_lines(lesson: Lesson, handout: Handout) -> list[Line]:
    """Every line the handout prints, in order, skipping references lint reports."""
    out: list[Line] = []
    for ref in handout.uses:
        try:
            out += resolve(lesson, handout, ref)
        except RefError:
            continue
    return out


def item_ids(step: AnyStep) -> list[str]:
    """Ids of the items inside *step* that a reference may name."""
    return [value for path, value in step.item_ids() if path != ("id",)]


def _describe(step: AnyStep, item: str) -> str:
    if not item:
        return f"a {step.type} step"
    if isinstance(step, ChatStep):
        for m in step.messages:
            if m.id == item:
                return f"a message from '{m.sender}'"
    return f"an item of a {step.type} step"


def _lines(lesson: Lesson, kind: str, step: AnyStep, item: str) -> list[Line] | None:
    """Lines of *step* (or of its item *item*) usable by *kind*; None if *item* is unknown."""
    if item and item not in item_ids(step):
        return None
    if kind in ("message_cards", "support_plan", "icon_cards"):
        found = _message_lines(lesson, step)
    elif kind == "sort_cards":
        found = (
            [Line(c.text, "", step, f"{step.id}.{c.id}") for c in step.cards]
            if isinstance(step, SortStep)
            else []
        )
    elif kind == "worksheet":
        found = _worksheet_lines(lesson, step, whole=not item)
    elif kind == "picture_cards":
        found = [Line(step.text, "", step, step.id)] if isinstance(step, StoryStep) else []
    else:
        found = []
    if item:
        return [x for x in found if x.ref == f"{step.id}.{item}"]
    return found


def _message_lines(lesson: Lesson, step: AnyStep) -> list[Line]:
    out: list[Line] = []
    if isinstance(step, ChatStep):
        for m in step.messages:
            if m.sender == "contact":
                out.append(Line(m.text, lesson.contact.name, step, f"{step.id}.{m.id}"))
            elif m.sender == "me":
                out.append(Line(m.text, "", step, f"{step.id}.{m.id}"))
    elif isinstance(step, SpotStep):
        out += [Line(m.text, m.sender, step, f"{step.id}.{m.id}") for m in step.messages]
    elif isinstance(step, HelpPlanStep):
        out += [Line(o.text, "", step, f"{step.id}.{o.id}") for o in step.say if o.helpful]
    out += [_choice_line(step, c) for c in step.choice_list]
    return out


def _worksheet_lines(lesson: Lesson, step: AnyStep, *, whole: bool) -> list[Line]:
    """Replies to rewrite: a whole step gives its replies that are not the best move."""
    choices = [c for c in step.choice_list if not whole or (c.verdict != "great" and not c.action)]
    out = [_choice_line(step, c) for c in choices]
    if not whole and isinstance(step, ChatStep):
        out += [
            Line(
                m.text,
                lesson.contact.name if m.sender == "contact" else "",
                step,
                f"{step.id}.{m.id}",
            )
            for m in step.messages
            if m.sender in ("contact", "me")
        ]
    return out


def _choice_line(step: AnyStep, choice: Choice) -> Line:
    return Line(choice.text, "", step, f"{step.id}.{choice.id}")
