"""Curriculum codes from the reference taxonomy: tactics T01-T21, skills R01-R18, age bands.

Names are marked with ``N_`` and translated where they are shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.i18n import N_


@dataclass(frozen=True)
class Tactic:
    """One enticement tactic, named the way a child would understand it."""

    code: str
    name: str
    explain: str


@dataclass(frozen=True)
class Skill:
    """One response skill a child practises (and earns a badge for)."""

    code: str
    name: str
    phrase: str


@dataclass(frozen=True)
class Band:
    """A grade band: who it is for and which content levels it may show."""

    code: str
    label: str
    ages: tuple[int, int]
    max_sensitivity: int
    sequence: tuple[str, ...]


TACTICS: dict[str, Tactic] = {
    t.code: t
    for t in (
        Tactic("T01", N_("Too-nice compliments"), N_("Lots of praise to win your trust fast.")),
        Tactic("T02", N_("The same-same trick"), N_("Pretending to like everything you like.")),
        Tactic("T03", N_("Pretend kid"), N_("Saying they are your age when you can't know that.")),
        Tactic("T04", N_("Free stuff with strings"), N_("A gift that comes with a catch.")),
        Tactic("T05", N_("Secret-keeper trap"), N_("Asking you to hide the chat from grown-ups.")),
        Tactic("T06", N_("Let's go somewhere private"), N_("Asking you to switch to another app.")),
        Tactic(
            "T07",
            N_("Where-do-you-live questions"),
            N_("Asking for private things like your school or address."),
        ),
        Tactic(
            "T08",
            N_("Only I understand you"),
            N_("Trying to pull you away from friends and family."),
        ),
        Tactic(
            "T09",
            N_("Fake crush"),
            N_("Romance talk from someone older that is meant to hook you."),
        ),
        Tactic(
            "T10", N_("Weird-question check"), N_("Personal questions that test how you react.")
        ),
        Tactic("T11", N_("Photo pressure"), N_("Pushing you to send pictures of yourself.")),
        Tactic(
            "T12",
            N_("I'll show you if you show me"),
            N_("Saying you owe them a picture because they sent one."),
        ),
        Tactic(
            "T13",
            N_("Unwanted picture"),
            N_("Sending a picture you didn't ask for that feels uh-oh."),
        ),
        Tactic("T14", N_("Camera-on request"), N_("Pushing for video calls or to see your room.")),
        Tactic(
            "T15", N_("Let's meet up"), N_("Asking to meet in person, often alone or secretly.")
        ),
        Tactic("T16", N_("Hurry-up pressure"), N_("Rushing you so you don't stop and think.")),
        Tactic(
            "T17", N_("Blame game"), N_("Saying you will be in trouble too, so you stay quiet.")
        ),
        Tactic(
            "T18",
            N_("Threat trap"),
            N_("Threatening to share pictures or chats unless you pay or send more."),
        ),
        Tactic("T19", N_("Fake-proof bluff"), N_("Claiming to already have pictures of you.")),
        Tactic(
            "T20",
            N_("Too-good-to-be-true offer"),
            N_("Fame, modelling or job offers that need photos first."),
        ),
        Tactic(
            "T21", N_("Adult-only treats"), N_("Offering rides, places to stay or adult things.")
        ),
    )
}

SKILLS: dict[str, Skill] = {
    s.code: s
    for s in (
        Skill("R01", N_("Notice the feeling"), N_("Listen to your uh-oh feeling.")),
        Skill("R02", N_("Pause"), N_("Stop. You don't have to answer.")),
        Skill("R03", N_("Say no"), N_("You can say no, even to someone you know.")),
        Skill(
            "R04", N_("Keep private things private"), N_("Your address and school stay private.")
        ),
        Skill("R05", N_("Check first"), N_("Ask a grown-up before you accept, share or meet.")),
        Skill("R06", N_("Stay in the safe chat"), N_("Switching apps is a red flag.")),
        Skill("R07", N_("Pressure means no"), N_("Don't send pictures when someone pushes.")),
        Skill("R08", N_("Don't pay, don't send more"), N_("Paying doesn't make it stop.")),
        Skill("R09", N_("Keep the evidence"), N_("Don't delete it. Show a grown-up.")),
        Skill("R10", N_("Block"), N_("Block them so they can't message you.")),
        Skill("R11", N_("Report"), N_("Use the report button, with a grown-up if you like.")),
        Skill("R12", N_("Tell a trusted adult"), N_("Tell a grown-up you trust.")),
        Skill("R13", N_("Never too late"), N_("You can always still tell.")),
        Skill("R14", N_("Not your fault"), N_("The person tricking you did wrong, not you.")),
        Skill("R15", N_("Get it taken down"), N_("There are ways to get pictures removed.")),
        Skill("R16", N_("Reach a helpline"), N_("Helplines are there for you.")),
        Skill("R17", N_("Be an upstander"), N_("Don't forward it. Help your friend tell.")),
        Skill("R18", N_("Secrets versus surprises"), N_("Secrets that feel bad should be told.")),
    )
}

#: The skill that makes a path a "help route" (every path must reach it).
HELP_SKILL = "R12"

DONT_PAY = N_("Don't send, don't pay")
DONT_SEND = N_("Don't send")

_OLDER_SEQUENCE = (
    N_("Spot the red flag"),
    N_("Stop replying"),
    DONT_PAY,
    N_("Save the chat"),
    N_("Block & report"),
    N_("Tell someone"),
    N_("Get it taken down"),
)

BANDS: dict[str, Band] = {
    b.code: b
    for b in (
        Band("K2", N_("Ages 5-7"), (5, 7), 2, (N_("Uh-oh?"), N_("Stop"), N_("Ask"), N_("Tell"))),
        Band(
            "G35",
            N_("Ages 8-10"),
            (8, 10),
            2,
            (N_("Spot it"), N_("Stop"), N_("Block & report"), N_("Tell")),
        ),
        Band(
            "G68",
            N_("Ages 11-13"),
            (11, 13),
            4,
            _OLDER_SEQUENCE,
        ),
        Band(
            "G912",
            N_("Ages 14-18"),
            (14, 18),
            4,
            _OLDER_SEQUENCE,
        ),
    )
}


#: Band codes from the youngest age group to the oldest.
BAND_ORDER: tuple[str, ...] = tuple(BANDS)


def response_sequence(band: str, sensitivity: int) -> tuple[str, ...]:
    """The band's response steps for a lesson; "don't pay" only in sextortion (level 4) lessons.

    safety-education.md §5.5 rule 18: teach "don't pay" only at G68+ and only for sextortion.
    """
    steps = BANDS[band].sequence
    if sensitivity >= 4:
        return steps
    return tuple(DONT_SEND if step == DONT_PAY else step for step in steps)


#: Words a lesson for this band must not use (safety-education.md §5.3 "Avoid").
AVOID_WORDS: dict[str, tuple[str, ...]] = {
    "K2": (
        "sex",
        "sexual",
        "nude",
        "nudes",
        "predator",
        "abuse",
        "kidnap",
        "kill",
        "porn",
        "naked",
    ),
    "G35": ("sexual", "nude", "nudes", "predator", "monster", "porn", "naked", "kill"),
    "G68": ("predator", "monster", "porn"),
    "G912": ("porn",),
}


#: Where the reference expects each tactic to be taught (safety-education.md §5.1):
#: band -> "full", or "gentle" where it is taught in simplified form without sexual
#: reference. T18 at G35 ("a simplified 'mean threat' only") is optional, so not expected.
TACTIC_BANDS: dict[str, dict[str, str]] = {
    "T01": {"K2": "gentle", "G35": "full", "G68": "full", "G912": "full"},
    "T02": {"G35": "full", "G68": "full", "G912": "full"},
    "T03": {"G35": "full", "G68": "full", "G912": "full"},
    "T04": {"K2": "gentle", "G35": "full", "G68": "full", "G912": "full"},
    "T05": {"K2": "full", "G35": "full", "G68": "full", "G912": "full"},
    "T06": {"G35": "full", "G68": "full", "G912": "full"},
    "T07": {"K2": "full", "G35": "full", "G68": "full", "G912": "full"},
    "T08": {"G68": "full", "G912": "full"},
    "T09": {"G68": "full", "G912": "full"},
    "T10": {"G35": "gentle", "G68": "full", "G912": "full"},
    "T11": {"G35": "gentle", "G68": "full", "G912": "full"},
    "T12": {"G68": "full", "G912": "full"},
    "T13": {"K2": "gentle", "G35": "full", "G68": "full", "G912": "full"},
    "T14": {"G35": "full", "G68": "full", "G912": "full"},
    "T15": {"K2": "gentle", "G35": "full", "G68": "full", "G912": "full"},
    "T16": {"G35": "full", "G68": "full", "G912": "full"},
    "T17": {"K2": "gentle", "G35": "full", "G68": "full", "G912": "full"},
    "T18": {"G68": "full", "G912": "full"},
    "T19": {"G68": "full", "G912": "full"},
    "T20": {"G68": "full", "G912": "full"},
    "T21": {"G912": "full"},
}

_ALL_BANDS = ("K2", "G35", "G68", "G912")
_FROM_G35 = ("G35", "G68", "G912")
_FROM_G68 = ("G68", "G912")

#: Where the reference expects each response skill to be practised (§5.2): R06, R07 and
#: R11 from G35; R08, R15, R16 and R17 from G68; R18 in K2 and G35; the rest in every band.
SKILL_BANDS: dict[str, tuple[str, ...]] = {
    code: (
        _FROM_G35
        if code in ("R06", "R07", "R11")
        else _FROM_G68
        if code in ("R08", "R15", "R16", "R17")
        else ("K2", "G35")
        if code == "R18"
        else _ALL_BANDS
    )
    for code in SKILLS
}
