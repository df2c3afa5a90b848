"""What the help screen tells a reader to do, in the words of each age group.

The children's steps follow the core sequences of safety-education.md §5.2 (K2:
"Uh-oh? Stop - Ask - Tell"; G35: "Spot it - Stop - Block & Report - Tell"; G68 and
G912 the longer one) and the vocabulary of §5.3. Grown-ups get the "if your child
tells you" steps. The help screen and the printed plans both read them from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from game.helplines import ADULT
from game.i18n import N_
from game.printing import guidance


@dataclass(frozen=True)
class HelpSteps:
    """A heading and the steps under it (untranslated; pass them through the translator)."""

    heading: str
    steps: tuple[str, ...]


K2_STEPS = HelpSteps(
    N_("Uh-oh feeling? Stop - Ask - Tell"),
    (
        N_("Stop. You don't have to answer."),
        N_("Ask a grown-up you trust before you tap, share or answer."),
        N_("Tell a grown-up you trust. Don't delete it: show them."),
        N_("If they don't help, tell another grown-up."),
        N_("It's never too late to tell, and it's not your fault."),
    ),
)

G35_STEPS = HelpSteps(
    N_("Spot it - Stop - Block & Report - Tell"),
    (
        N_("Spot it: a red flag, or an uh-oh feeling."),
        N_("Stop. You don't have to answer."),
        N_("Don't delete it. Show a grown-up."),
        N_("Block and report, with a grown-up if you like."),
        N_("Tell a grown-up you trust. If they don't help, tell another one."),
        N_("It's never too late to tell, and it's not your fault."),
    ),
)

OLDER_STEPS = HelpSteps(
    N_("If something online feels wrong:"),
    (
        N_("Spot the red flag, and trust your red flag feeling."),
        N_("Stop replying. You don't owe anyone an answer."),
        N_(
            "Don't send anything. If someone threatens you or asks for money, don't pay: "
            "get help first."
        ),
        N_(
            "Don't delete: save the chat. Screenshot it and the username. Never save or forward "
            "a private picture."
        ),
        N_("Block and report the account."),
        N_("Tell someone you trust. If they don't help, tell someone else."),
        N_("Pictures can be taken down, with help. It's never too late, and it's not your fault."),
    ),
)

GROWN_UP_STEPS = HelpSteps(
    N_("If your child tells you something happened"), guidance.IF_YOUR_CHILD_TELLS_YOU
)

STEPS = {"K2": K2_STEPS, "G35": G35_STEPS, "G68": OLDER_STEPS, "G912": OLDER_STEPS}


def child_audience(band: str | None) -> str:
    """The age group whose help a child sees: the youngest wording until a group is chosen."""
    return band if band in STEPS else "K2"


def help_steps(audience: str) -> HelpSteps:
    """The steps for *audience*: an age group, or :data:`~game.helplines.ADULT`."""
    if audience == ADULT:
        return GROWN_UP_STEPS
    return STEPS[child_audience(audience)]
