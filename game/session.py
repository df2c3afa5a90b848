"""Playing one lesson: the story state, separate from how it is drawn.

A :class:`LessonSession` walks the step graph. Each step reveals its messages one
at a time, may ask a feelings check-in, then offers choices (or goes on). The
chat history and the stars earned are kept here so the screen only draws them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from game.content.model import AnyStep, ChatStep, Choice, Lesson, Message, StoryStep


class Phase(Enum):
    """Where the child is inside the current step."""

    READING = "reading"  # more messages to reveal
    CHECK_IN = "check_in"  # "How does this make you feel?"
    CHOOSING = "choosing"
    FEEDBACK = "feedback"  # after a choice
    CONTINUE = "continue"  # all read, no choices: go on
    ACTIVITY = "activity"  # a spot, sort, quiz or help-plan activity runs on its own screen
    FINISHED = "finished"  # the last step was read: debrief next


FEELINGS = ("good", "unsure", "uhoh")

#: How a lesson is being played: by a child, previewed by a teacher, or on a projector.
MODES = ("play", "preview", "classroom")


@dataclass
class Entry:
    """One line of the chat history as the screen shows it."""

    key: str
    sender: str
    text: str
    context: str
    tactic: str | None = None
    revealed: bool = False
    hidden_picture: bool = False
    is_choice: bool = False
    safe: bool = False


@dataclass
class LessonSession:
    """The state of one play of a lesson."""

    lesson: Lesson
    step_id: str = ""
    shown: int = 0
    phase: Phase = Phase.READING
    history: list[Entry] = field(default_factory=list)
    feeling: str | None = None
    chosen: Choice | None = None
    stars: dict[str, int] = field(default_factory=dict)
    skills: set[str] = field(default_factory=set)
    path: list[str] = field(default_factory=list)
    #: The choice made at each step of ``path`` (None where none was), to carry on later.
    picks: list[str | None] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    mode: str = "play"
    paused: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        self._enter(self.step_id or self.lesson.start_id)

    @property
    def records_progress(self) -> bool:
        """Only a child's own play counts for badges (not a preview or a class lesson)."""
        return self.mode == "play"

    def take_pause(self, include_current: bool = False) -> str | None:
        """In classroom mode, the step just left whose discussion questions are now due.

        Each pause point is shown once; *include_current* also considers the step the
        lesson ends on.
        """
        if self.mode != "classroom":
            return None
        due = {q.pause_after for q in self.lesson.discussion_questions if q.pause_after}
        left = self.path[:-1] + ([self.step_id] if include_current else [])
        for step_id in left:
            if step_id in due and step_id not in self.paused:
                self.paused.add(step_id)
                return step_id
        return None

    # -- reading -----------------------------------------------------------------
    @property
    def step(self) -> AnyStep:
        """The current step."""
        return self.lesson.step(self.step_id)

    def context(self, item_id: str) -> str:
        """The translation context of a lesson item: ``lesson-id/item-id``."""
        return f"{self.lesson.id}/{item_id}"

    def _enter(self, step_id: str) -> None:
        self.step_id = step_id
        self.path.append(step_id)
        self.picks.append(None)
        self.shown = 0
        self.feeling = None
        self.chosen = None
        self.skills.update(self.step.skills)
        step = self.step
        if isinstance(step, ChatStep):
            self.phase = Phase.READING
            self.reveal()
        elif isinstance(step, StoryStep):
            self.phase = self._after_reading()
        else:
            self.phase = Phase.ACTIVITY

    def _entry(self, message: Message) -> Entry:
        return Entry(
            key=f"msg:{message.id}",
            sender=message.sender,
            text=message.text,
            context=self.context(message.id),
            tactic=message.tactic,
            hidden_picture=message.hidden_picture,
        )

    def reveal(self) -> None:
        """Show the next message of the step, or move to what comes after the messages."""
        step = self.step
        if self.phase is not Phase.READING or not isinstance(step, ChatStep):
            return
        if self.shown < len(step.messages):
            self.history.append(self._entry(step.messages[self.shown]))
            self.shown += 1
        if self.shown >= len(step.messages):
            self.phase = self._after_reading()

    def reveal_all(self) -> None:
        """Show every remaining message of the step at once."""
        while self.phase is Phase.READING:
            self.reveal()

    def _after_reading(self) -> Phase:
        step = self.step
        if step.has_choices:
            return Phase.CHECK_IN if getattr(step, "check_in", False) else Phase.CHOOSING
        if step.end:
            return Phase.FINISHED
        return Phase.CONTINUE

    # -- deciding ----------------------------------------------------------------
    def answer_check_in(self, feeling: str) -> None:
        """Record the child's feeling (only for this moment; it is never saved)."""
        if self.phase is Phase.CHECK_IN and feeling in FEELINGS:
            self.feeling = feeling
            self.phase = Phase.CHOOSING

    def choose(self, choice_id: str) -> Choice:
        """Pick a choice: add it to the chat, reveal the red flags and earn stars."""
        if self.phase is not Phase.CHOOSING:
            raise ValueError(f"cannot choose now (phase {self.phase.value})")
        choice = next(c for c in self.step.choice_list if c.id == choice_id)
        self.chosen = choice
        self.picks[-1] = choice.id
        if isinstance(self.step, ChatStep):
            self.history.append(
                Entry(
                    key=f"choice:{choice.id}",
                    sender="system" if choice.action else "me",
                    text=choice.text,
                    context=self.context(choice.id),
                    is_choice=True,
                    safe=choice.verdict != "unsafe",
                )
            )
        keys = self._step_message_keys()
        for entry in self.history:
            if entry.tactic and entry.key in keys:
                entry.revealed = True
        if choice.safe:
            for tactic in self.step_tactics():
                self.stars[tactic] = self.stars.get(tactic, 0) + 1
        self._meet(self.step_tactics())
        self.skills.update(choice.skills)
        self.phase = Phase.FEEDBACK
        return choice

    def _step_message_keys(self) -> set[str]:
        return {f"msg:{m.id}" for m in getattr(self.step, "messages", [])}

    def step_tactics(self) -> list[str]:
        """Tactics used by the current step's messages, in order, without repeats."""
        seen: list[str] = []
        for _where, code in self.step.tactic_refs():
            if code not in seen:
                seen.append(code)
        return seen

    def finish_activity(
        self, stars: dict[str, int], skills: set[str] | None = None, met: list[str] | None = None
    ) -> None:
        """Close an activity step (spot, sort, quiz, help plan) and go on to the next step.

        *met* lists the red-flag tactics the activity showed the child.
        """
        if self.phase is not Phase.ACTIVITY:
            raise ValueError(f"no activity is running (phase {self.phase.value})")
        for tactic, count in stars.items():
            self.stars[tactic] = self.stars.get(tactic, 0) + count
        self._meet(met or [])
        self.skills.update(skills or ())
        if self.step.end:
            self.phase = Phase.FINISHED
        elif self.step.next:
            self._enter(self.step.next)

    def jump_to(self, step_id: str) -> None:
        """Start again from *step_id* (a teacher's 'Go to step'), keeping stars and flags.

        The way here is forgotten, so pause points come as if the lesson began there.
        """
        self.lesson.step(step_id)  # an unknown id raises before anything changes
        self.path.clear()
        self.picks.clear()
        self.paused.clear()
        self._enter(step_id)

    def advance(self) -> None:
        """Go on after feedback or a step without choices."""
        if self.phase is Phase.FEEDBACK and self.chosen:
            self._enter(self.chosen.next)
        elif self.phase is Phase.CONTINUE and self.step.next:
            self._enter(self.step.next)

    @property
    def finished(self) -> bool:
        """True when the last step has been read and the debrief comes next."""
        return self.phase is Phase.FINISHED

    def _meet(self, tactics: list[str]) -> None:
        for tactic in tactics:
            if tactic not in self.flags:
                self.flags.append(tactic)

    def flags_spotted(self) -> list[str]:
        """Every red-flag tactic shown so far (chat, story or activity), in the order met."""
        return list(self.flags)
