"""The typed lesson model. A YAML lesson file is validated into a :class:`Lesson`.

Every step, message and choice carries an author-written id: translations and
progress are keyed by those ids, so they never derive from text.
"""

from __future__ import annotations

import datetime
from functools import cached_property
from typing import Annotated, Literal, get_args

from pydantic import BaseModel, ConfigDict, Discriminator, Field, StringConstraints, Tag

Id = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*$", max_length=64),
    Field(description="Stable id: lowercase letters, digits, '-' and '_'. Never change it."),
]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]
TacticCode = Annotated[str, StringConstraints(pattern=r"^T\d\d$")]
SkillCode = Annotated[str, StringConstraints(pattern=r"^R\d\d$")]
BandCode = Literal["K2", "G35", "G68", "G912"]
Avatar = Literal[
    "fox", "owl", "cat", "bear", "bunny", "robot", "panda", "frog", "tiger", "lion", "raccoon",
    "koala", "monkey", "penguin", "dog", "sheep", "unicorn", "mouse", "pig", "chick",
    "hedgehog", "cow",
]
#: Avatars that look like Scout, the game's guide (a friendly robot). A contact must never
#: borrow the guide's look: a child would trust it like Scout (lint refuses them).
SCOUT_LIKE_AVATARS = frozenset({"robot"})
#: Avatars worn by trusted and friendly characters: the grown-ups in the help plan, the age
#: groups and the grown-ups' menu. A contact never wears them, so a tricky contact never
#: looks like someone the child should trust (lint refuses them).
TRUSTED_AVATARS = frozenset({"fox", "owl", "bear", "bunny", "panda"})
#: The faces a lesson's contact may wear, in the order the authoring guide lists them.
CONTACT_AVATARS = tuple(
    kind
    for kind in get_args(Avatar)
    if kind not in SCOUT_LIKE_AVATARS and kind not in TRUSTED_AVATARS
)
Sender = Literal["contact", "me", "scout", "system"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Vocabulary(_Strict):
    """A key word taught in the lesson, with a child-friendly definition."""

    term: Text
    definition: Text


class DiscussionQuestion(_Strict):
    """A question for the class, with the answer a teacher listens for."""

    question: Text
    model_answer: Text
    misconception: Text | None = None
    pause_after: Id | None = Field(
        None,
        description="In classroom mode, stop after this step and show the question on screen.",
    )


FlowPartName = Literal["warm_up", "story", "game", "practice", "discuss", "apply", "plenary"]


class FlowPart(_Strict):
    """One timed part of the classroom lesson flow (safety-education.md §5.4 item 9)."""

    part: FlowPartName
    minutes: int = Field(ge=1, le=60)


class ExitTicket(_Strict):
    """An exit-ticket question with the answer a teacher looks for."""

    question: Text
    answer: Text


class Differentiation(_Strict):
    """How to adapt the lesson: more support, and a stretch for confident learners."""

    support: Text
    extension: Text


class Fact(_Strict):
    """A sourced fact for the teacher background; *source* is a url from ``sources``."""

    fact: Text
    source: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]


class Home(_Strict):
    """The home connection: what the family letter says, talk starters and an agreement."""

    letter: Text = Field(description="One paragraph for families: what this lesson teaches.")
    starters: list[Text] = Field(min_length=2, description="Conversation starters for home.")
    agreement: list[Text] = Field(min_length=2, description="Lines of the family agreement.")


class Faq(_Strict):
    """A question teachers ask about this lesson, with the answer (the plan's background)."""

    question: Text
    answer: Text


class RubricRow(_Strict):
    """What beginning, developing and secure look like for one learning objective."""

    beginning: Text
    developing: Text
    secure: Text


class Change(_Strict):
    """One entry of the lesson's change log (newest first)."""

    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
    date: datetime.date
    note: Text = Field(description="What changed, in a few words.")


#: Built-in pictures a learning-check answer can show (drawn by game/ui/answer_pictures.py).
CheckPicture = Literal["gift", "secret", "tell", "grown_up", "stop", "tablet"]


class CheckOption(_Strict):
    """A picture answer of a learning-check item: words read aloud and a drawn picture."""

    id: Id
    text: Text
    picture: CheckPicture
    correct: bool = False


class CheckItem(_Strict):
    """An item of the anonymous learning check, asked before and after the lesson.

    Either a true/false statement (``answer``) or, for the youngest, a question about a
    character with two or three picture answers (``options``), so no child has to hear
    a false belief read out and agree or disagree with it.
    """

    id: Id
    text: Text
    answer: bool | None = Field(None, description="The right answer of a true/false item.")
    options: list[CheckOption] | None = Field(
        None,
        description="Picture answers (2-3, one with 'correct: true') instead of true/false; "
        "use them for K2.",
    )
    tactic: TacticCode | None = None
    explain: Text

    @property
    def right_option(self) -> CheckOption | None:
        """The correct picture answer (None for a true/false item)."""
        return next((o for o in self.options or [] if o.correct), None)


class Source(_Strict):
    """A source for a fact in the lesson (every statistic needs one, with its year)."""

    title: Text
    url: Annotated[str, StringConstraints(pattern=r"^https?://\S+$")]
    year: int | None = Field(
        None,
        ge=1990,
        le=2100,
        description="Year of publication; leave it out (or null) when the source gives none, "
        "and plans print 'n.d.'.",
    )


class Contact(_Strict):
    """The online contact the child chats with in this lesson."""

    name: Text
    avatar: Avatar = Field(
        "cat",
        description="A built-in face, one per lesson; never 'robot' (Scout, the guide's look) "
        "nor fox, owl, bear, bunny or panda (trusted characters' looks).",
    )
    app: Text = Field("Game chat", description="Name shown in the phone's title bar.")


class Message(_Strict):
    """One chat bubble (from the contact or the child) or a note from Scout or the phone."""

    id: Id
    sender: Sender = Field("contact", alias="from")
    text: Text
    tactic: TacticCode | None = Field(None, description="The tactic this message uses (T01-T21).")
    hidden_picture: bool = Field(
        False, description="Show a hidden-picture placeholder; the picture is never shown."
    )


class Choice(_Strict):
    """A reply or action the child can pick. Every choice, safe or not, leads somewhere kind."""

    id: Id
    text: Text
    safe: bool | Literal["okay"] = Field(
        description="true: the best move ('Great choice!'); okay: fine but not the best "
        "('Okay, but...'); false: unsafe ('Let's think about that'), which leads to a "
        "repair path and awards no skill."
    )
    feedback: Text
    next: Id
    action: bool = Field(
        False, description="An action (block, tell) rather than a chat reply the child types."
    )
    skills: list[SkillCode] = Field(default_factory=list)

    @property
    def verdict(self) -> Literal["great", "okay", "unsafe"]:
        """How the feedback heads this choice: the best move, fine but not best, or unsafe."""
        if self.safe is True:
            return "great"
        return "okay" if self.safe == "okay" else "unsafe"


Where = tuple[str | int, ...]
Exit = tuple[str | None, str, bool]  # (choice id or None, target step, passes the help route)


class _StepBase(_Strict):
    """What every step has: an id, where it goes, and the skills it practises."""

    id: Id
    next: Id | None = None
    end: bool = Field(False, description="The lesson's debrief follows this step.")
    skills: list[SkillCode] = Field(default_factory=list)

    @property
    def choice_list(self) -> list[Choice]:
        """Branching choices (only chat and story steps have them)."""
        return list(getattr(self, "choices", None) or [])

    @property
    def has_choices(self) -> bool:
        """True when the step branches on the child's choice."""
        return getattr(self, "choices", None) is not None

    def exits(self, help_skill: str) -> list[Exit]:
        """Ways out of this step."""
        outs: list[Exit] = [(None, self.next, False)] if self.next else []
        return outs + [(c.id, c.next, help_skill in c.skills) for c in self.choice_list]

    def item_ids(self) -> list[tuple[Where, str]]:
        """Every id in the step, with its path inside the step."""
        ids: list[tuple[Where, str]] = [(("id",), self.id)]
        return ids + [(("choices", i, "id"), c.id) for i, c in enumerate(self.choice_list)]

    def child_texts(self) -> list[tuple[Where, str]]:
        """Every string a child reads in this step, with its path."""
        texts: list[tuple[Where, str]] = []
        for i, choice in enumerate(self.choice_list):
            texts += [
                (("choices", i, "text"), choice.text),
                (("choices", i, "feedback"), choice.feedback),
            ]
        return texts

    def tactic_refs(self) -> list[tuple[Where, str]]:
        """Tactic codes used in the step."""
        return []

    def skill_refs(self) -> list[tuple[Where, str]]:
        """Skill codes used in the step and its choices."""
        refs: list[tuple[Where, str]] = [(("skills", i), c) for i, c in enumerate(self.skills)]
        for ci, choice in enumerate(self.choice_list):
            refs += [(("choices", ci, "skills", k), c) for k, c in enumerate(choice.skills)]
        return refs


class ChatStep(_StepBase):
    """A beat of a chat: messages revealed one at a time, then choices or a next step."""

    type: Literal["chat"] = "chat"
    messages: list[Message] = Field(default_factory=list)
    check_in: bool = Field(False, description="Ask 'How does this make you feel?' first.")
    prompt: Text | None = Field(
        None,
        description="Question over the choices (default 'What do you do?'), e.g. "
        "'What could Lina do?'",
    )
    choices: list[Choice] | None = None

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        return super().item_ids() + [
            (("messages", i, "id"), m.id) for i, m in enumerate(self.messages)
        ]

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts = [(("messages", i, "text"), m.text) for i, m in enumerate(self.messages)]
        if self.prompt:
            texts.append((("prompt",), self.prompt))
        return texts + super().child_texts()

    def tactic_refs(self) -> list[tuple[Where, str]]:  # noqa: D102
        return [
            (("messages", i, "tactic"), m.tactic) for i, m in enumerate(self.messages) if m.tactic
        ]


Picture = Literal["bedroom", "park", "school", "kitchen", "bus", "library"]
Character = Literal["kai", "pip", "lina", "grandpa", "teacher", "mum", "dad", "scout"]


class StoryStep(_StepBase):
    """A picture-book page: a drawn picture, text to read aloud, and maybe a choice."""

    type: Literal["story"]
    text: Text
    picture: Picture = "bedroom"
    characters: list[Character] = Field(default_factory=list, max_length=3)
    device: bool = Field(False, description="The first character holds a tablet.")
    tactics: list[TacticCode] = Field(
        default_factory=list,
        description="Red flags this page shows; named after the child's choice, and a safe "
        "choice earns their stars.",
    )
    prompt: Text | None = Field(
        None, description="Question over the choices, e.g. 'What should Kai do?'"
    )
    choices: list[Choice] | None = None

    def tactic_refs(self) -> list[tuple[Where, str]]:  # noqa: D102
        return [(("tactics", i), code) for i, code in enumerate(self.tactics)]

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = [(("text",), self.text)]
        if self.prompt:
            texts.append((("prompt",), self.prompt))
        return texts + super().child_texts()


class SpotMessage(_Strict):
    """A message in a finished conversation: a red flag (with its tactic) or fine (with why)."""

    id: Id
    sender: Text = Field(alias="from", description="The display name shown on the message.")
    text: Text
    tactic: TacticCode | None = Field(None, description="Set on red-flag messages.")
    why_ok: Text | None = Field(None, description="Why a message that is not a red flag is fine.")


class SpotStep(_StepBase):
    """Spot the red flag: the child selects the messages that are red flags, then checks."""

    type: Literal["spot"]
    setting: Literal["chat", "lobby", "comments", "requests"] = "chat"
    prompt: Text
    messages: list[SpotMessage] = Field(min_length=2, max_length=5)

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        return super().item_ids() + [
            (("messages", i, "id"), m.id) for i, m in enumerate(self.messages)
        ]

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = [(("prompt",), self.prompt)]
        for i, m in enumerate(self.messages):
            texts.append((("messages", i, "text"), m.text))
            if m.why_ok:
                texts.append((("messages", i, "why_ok"), m.why_ok))
        return texts

    def tactic_refs(self) -> list[tuple[Where, str]]:  # noqa: D102
        return [
            (("messages", i, "tactic"), m.tactic) for i, m in enumerate(self.messages) if m.tactic
        ]


class SortBin(_Strict):
    """A box that cards are sorted into."""

    id: Id
    label: Text


class SortCard(_Strict):
    """A card to sort, the bin it belongs in, and why."""

    id: Id
    text: Text
    bin: Id
    explain: Text


class SortStep(_StepBase):
    """Sort it: cards go into two or three bins, by dragging or with the keyboard."""

    type: Literal["sort"]
    prompt: Text
    bins: list[SortBin] = Field(min_length=2, max_length=3)
    cards: list[SortCard] = Field(min_length=2)

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        return (
            super().item_ids()
            + [(("bins", i, "id"), b.id) for i, b in enumerate(self.bins)]
            + [(("cards", i, "id"), c.id) for i, c in enumerate(self.cards)]
        )

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = [(("prompt",), self.prompt)]
        texts += [(("bins", i, "label"), b.label) for i, b in enumerate(self.bins)]
        for i, card in enumerate(self.cards):
            texts += [(("cards", i, "text"), card.text), (("cards", i, "explain"), card.explain)]
        return texts


class QuizOption(_Strict):
    """One answer to a multiple-choice question."""

    id: Id
    text: Text
    correct: bool = False


class QuizQuestion(_Strict):
    """A multiple-choice or true/false question with an explanation for every answer."""

    id: Id
    text: Text
    kind: Literal["choice", "true_false"] = "choice"
    options: list[QuizOption] | None = None
    answer: bool | None = Field(None, description="The right answer of a true/false question.")
    explain: Text


class QuizStep(_StepBase):
    """A quiz: questions one at a time, feedback on every answer, a summary at the end."""

    type: Literal["quiz"]
    questions: list[QuizQuestion] = Field(min_length=1)

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        ids = super().item_ids()
        for qi, q in enumerate(self.questions):
            ids.append((("questions", qi, "id"), q.id))
            ids += [
                (("questions", qi, "options", oi, "id"), o.id)
                for oi, o in enumerate(q.options or [])
            ]
        return ids

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = []
        for qi, q in enumerate(self.questions):
            texts += [
                (("questions", qi, "text"), q.text),
                (("questions", qi, "explain"), q.explain),
            ]
            texts += [
                (("questions", qi, "options", oi, "text"), o.text)
                for oi, o in enumerate(q.options or [])
            ]
        return texts


Role = Literal[
    "parent",
    "grandparent",
    "carer",
    "teacher",
    "counsellor",
    "coach",
    "older_cousin",
    "aunt_uncle",
    "neighbour",
    "doctor",
    "club_leader",
    "helpline",
]


#: Roles offered when a help plan does not list its own.
DEFAULT_ROLES: tuple[Role, ...] = (
    "parent",
    "grandparent",
    "carer",
    "teacher",
    "counsellor",
    "coach",
    "older_cousin",
    "aunt_uncle",
)


class SayOption(_Strict):
    """A phrase the child could say when telling; helpful ones are rehearsed."""

    id: Id
    text: Text
    helpful: bool


class HelpPlanStep(_StepBase):
    """Help plan: pick trusted adults by role, practise save-block-report, rehearse the words."""

    type: Literal["help_plan"]
    app_message: Text | None = Field(
        None, description="The message shown in the pretend app (default: one fit for the band)."
    )
    roles: list[Role] = Field(
        default_factory=lambda: list(DEFAULT_ROLES),
        min_length=3,
        max_length=8,
    )
    min_adults: int = Field(3, ge=1, le=5, description="How many trusted adults to pick.")
    app_actions: list[Literal["save", "block", "report"]] = Field(
        default_factory=lambda: ["save", "block", "report"], min_length=1, max_length=3
    )
    say: list[SayOption] = Field(min_length=2, max_length=6)

    def exits(self, help_skill: str) -> list[Exit]:
        """A help plan is the help route itself: telling a trusted adult is rehearsed here."""
        return [(None, self.next, True)] if self.next else []

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        return super().item_ids() + [(("say", i, "id"), o.id) for i, o in enumerate(self.say)]

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts = [(("say", i, "text"), o.text) for i, o in enumerate(self.say)]
        return texts + ([(("app_message",), self.app_message)] if self.app_message else [])


class ReplyTile(_Strict):
    """A tile the child can put in a reply: part of the "no", a reason, or an action."""

    id: Id
    text: Text
    firm: bool = Field(
        True,
        description="false: the tile leaves the door open (a 'maybe', 'keep chatting'); "
        "the contact pushes back with its 'comeback:' and the child builds again.",
    )
    comeback: Text | None = Field(
        None,
        description="What the contact sends back to this tile (needed on reasons and on "
        "tiles that are not firm: a reason gives the contact something to argue with).",
    )
    result: Text | None = Field(
        None, description="What happens after a firm action, e.g. 'Jay is blocked.'"
    )
    explain: Text = Field(description="Scout's word on this tile after the reply is sent.")


class ReplyStep(_StepBase):
    """Reply builder: the child builds a reply from tiles and sees the contact's reaction.

    The rows are a no, a reason or none, and an action. A short, firm no with no reason
    is enough: a reason only gives the contact something to argue with.
    """

    type: Literal["reply"]
    prompt: Text
    say_no: list[ReplyTile] = Field(
        min_length=2, max_length=4, description="Ways to say no."
    )
    reasons: list[ReplyTile] = Field(
        min_length=1,
        max_length=3,
        description="Reasons the child may add; the game adds 'No reason' itself.",
    )
    actions: list[ReplyTile] = Field(
        min_length=2, max_length=4, description="What the child does after sending."
    )

    @property
    def parts(self) -> list[tuple[str, list[ReplyTile]]]:
        """The three rows of tiles in order: (part name, tiles)."""
        return [("say_no", self.say_no), ("reasons", self.reasons), ("actions", self.actions)]

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        ids = super().item_ids()
        for part, tiles in self.parts:
            ids += [((part, i, "id"), t.id) for i, t in enumerate(tiles)]
        return ids

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = [(("prompt",), self.prompt)]
        for part, tiles in self.parts:
            for i, tile in enumerate(tiles):
                texts.append(((part, i, "text"), tile.text))
                for key in ("comeback", "result", "explain"):
                    if value := getattr(tile, key):
                        texts.append(((part, i, key), value))
        return texts


PrivacyIcon = Literal["message", "posts", "location", "friends", "camera", "profile"]


class PrivacyOption(_Strict):
    """One value of a pretend setting, and what it changes in the scenario."""

    id: Id
    text: Text
    safe: bool = Field(description="true: the safer value for this setting.")
    effect: Text = Field(description="What happens in the scenario with this value.")


class PrivacySetting(_Strict):
    """A setting on the pretend profile (who can message me, location on/off, ...)."""

    id: Id
    label: Text
    icon: PrivacyIcon = "profile"
    options: list[PrivacyOption] = Field(
        min_length=2,
        max_length=3,
        description="The first option is how a new profile starts (often the open one).",
    )


class PrivacyStep(_StepBase):
    """Privacy settings: set up a pretend profile, then see how a scenario plays out.

    Each setting's chosen value shows its effect; an open setting leads back to change it.
    """

    type: Literal["privacy"]
    prompt: Text
    profile: Text = Field(description="The pretend profile's name, e.g. 'Sam_plays'.")
    scenario: Text = Field(description="What happens next, shown with each setting's effect.")
    settings: list[PrivacySetting] = Field(min_length=2, max_length=4)

    def item_ids(self) -> list[tuple[Where, str]]:  # noqa: D102
        ids = super().item_ids()
        for si, setting in enumerate(self.settings):
            ids.append((("settings", si, "id"), setting.id))
            ids += [
                (("settings", si, "options", oi, "id"), o.id)
                for oi, o in enumerate(setting.options)
            ]
        return ids

    def child_texts(self) -> list[tuple[Where, str]]:  # noqa: D102
        texts: list[tuple[Where, str]] = [
            (("prompt",), self.prompt),
            (("profile",), self.profile),
            (("scenario",), self.scenario),
        ]
        for si, setting in enumerate(self.settings):
            texts.append((("settings", si, "label"), setting.label))
            for oi, option in enumerate(setting.options):
                texts += [
                    (("settings", si, "options", oi, "text"), option.text),
                    (("settings", si, "options", oi, "effect"), option.effect),
                ]
        return texts


STEP_CLASSES: dict[str, type[_StepBase]] = {
    "chat": ChatStep,
    "story": StoryStep,
    "spot": SpotStep,
    "sort": SortStep,
    "quiz": QuizStep,
    "help_plan": HelpPlanStep,
    "reply": ReplyStep,
    "privacy": PrivacyStep,
}
STEP_TYPES = tuple(STEP_CLASSES)


def _step_type(value: object) -> str:
    if isinstance(value, dict):
        return str(value.get("type", "chat"))
    return str(getattr(value, "type", "chat"))


Step = Annotated[
    Annotated[ChatStep, Tag("chat")]
    | Annotated[StoryStep, Tag("story")]
    | Annotated[SpotStep, Tag("spot")]
    | Annotated[SortStep, Tag("sort")]
    | Annotated[QuizStep, Tag("quiz")]
    | Annotated[HelpPlanStep, Tag("help_plan")]
    | Annotated[ReplyStep, Tag("reply")]
    | Annotated[PrivacyStep, Tag("privacy")],
    Discriminator(_step_type),
]
AnyStep = (
    ChatStep | StoryStep | SpotStep | SortStep | QuizStep | HelpPlanStep | ReplyStep | PrivacyStep
)


HandoutKind = Literal[
    "message_cards",
    "sort_cards",
    "worksheet",
    "exit_ticket",
    "picture_cards",
    "family_agreement",
    "support_plan",
    "step_cards",
    "chant_cards",
    "hand_sheet",
    "icon_cards",
]
#: Drawn black-and-white pictures an ``icon_cards`` handout may print, each with a fixed caption.
HandoutPicture = Literal[
    "splash", "dog", "house", "gate", "padlock", "ball", "present", "party", "hidden_card"
]
#: A step id, or ``step-id.item-id`` for one message, choice or card of that step.
HandoutRef = Annotated[
    str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)?$")
]


class Handout(_Strict):
    """A printable handout made from the lesson's own lines (see docs/lesson-authoring.md)."""

    id: Id
    kind: HandoutKind
    title: Text | None = Field(None, description="Heading on the sheet (default: by kind).")
    uses: list[HandoutRef] = Field(
        default_factory=list,
        description="Steps, or step-id.item-id, whose lines the handout prints (none for "
        "exit_ticket and family_agreement, which use the lesson's own sections, nor for "
        "step_cards, chant_cards and hand_sheet, which print the band's own steps).",
    )
    pictures: list[HandoutPicture] = Field(
        default_factory=list,
        description="icon_cards only: drawn pictures to print, each with its fixed caption "
        "(see docs/lesson-authoring.md).",
    )


class Lesson(_Strict):
    """A whole lesson: teacher-facing metadata plus the playable story graph."""

    id: Id
    title: Text
    about: Text | None = Field(
        None,
        description="What the mission is about, in one short sentence in the child's own "
        "words (the band's vocabulary); shown under the title in the child's lesson list.",
    )
    hook: Text | None = Field(
        None,
        description="A one-line invitation to play, in the band's own words, with no scary "
        "detail (at most about 70 characters); shown on the child's mission card.",
    )
    version: Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")] = "1.0.0"
    grade_band: BandCode
    age_range: tuple[int, int]
    duration_min: int = Field(ge=10, le=120)
    session_of: tuple[int, int] | None = None
    sensitivity_level: int = Field(ge=1, le=4)
    reviewed_by: Text | None = Field(
        None,
        description="The safeguarding reviewer who signed the lesson off; null (or left out) "
        "while it is a draft. Plans then say it is not yet reviewed.",
    )
    last_reviewed: datetime.date | None = Field(
        None, description="When the reviewer signed it off; null while it is a draft."
    )
    big_idea: Text
    essential_question: Text
    objectives: list[Text] = Field(min_length=1)
    success_criteria: list[Text] = Field(default_factory=list)
    vocabulary: list[Vocabulary] = Field(default_factory=list)
    tactics_covered: list[TacticCode] = Field(default_factory=list)
    skills_practised: list[SkillCode] = Field(min_length=1)
    discussion_questions: list[DiscussionQuestion] = Field(default_factory=list)
    key_message: Text
    teacher_notes: Text | None = None
    standards: dict[str, list[Text]] = Field(
        default_factory=dict, description="Framework name -> standards this lesson supports."
    )
    materials: list[Text] = Field(default_factory=list)
    warm_up: Text | None = Field(None, description="The warm-up / baseline question.")
    story_hook: Text | None = Field(
        None,
        description="2-3 sentences the teacher says to introduce the character and setting "
        "(a made-up story, the band's words), ending with what the class will watch for.",
    )
    flow: list[FlowPart] = Field(default_factory=list)
    practice: Text | None = Field(None, description="The practice (role-play) activity.")
    apply: Text | None = Field(None, description="The apply activity (poster, plan, ...).")
    exit_ticket: list[ExitTicket] = Field(default_factory=list)
    differentiation: Differentiation | None = None
    background: list[Fact] = Field(default_factory=list)
    faqs: list[Faq] = Field(
        default_factory=list, description="Questions teachers ask about this lesson only."
    )
    rubric: list[RubricRow] | None = Field(
        None,
        description="Own rubric descriptors, one row per objective in the same order "
        "(default: the same three descriptors for every objective).",
    )
    home: Home | None = None
    handouts: list[Handout] = Field(
        default_factory=list, description="Printable handouts made from the lesson's lines."
    )
    learning_check: list[CheckItem] = Field(default_factory=list, max_length=5)
    sources: list[Source] = Field(default_factory=list)
    changes: list[Change] = Field(
        default_factory=list,
        description="Change log, newest first; the newest entry's version is the lesson's.",
    )
    contact: Contact
    start: Id | None = Field(None, description="First step id; defaults to the first step.")
    steps: list[Step] = Field(min_length=1)

    @property
    def start_id(self) -> str:
        """The id of the step the lesson starts at."""
        return self.start or self.steps[0].id

    def step(self, step_id: str) -> AnyStep:
        """Return the step with *step_id* (lint guarantees every reference exists)."""
        return self.step_map[step_id]

    @cached_property
    def step_map(self) -> dict[str, AnyStep]:
        """Steps by id."""
        return {s.id: s for s in self.steps}
