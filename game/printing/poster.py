"""The response-steps poster of an age group, for the classroom wall (A4 or A3).

One poster per band, not per lesson: the steps are the help screen's own
(:mod:`game.help_steps`), in large type, each with a drawn black-and-white icon.
"""

from __future__ import annotations

from typing import Literal

from game.help_steps import STEPS
from game.i18n import Translator, bcp47
from game.printing.document import Card, CardSheet, Document, Heading

#: An icon for each step, in the order of the band's steps (see game.help_steps).
ICONS: dict[str, tuple[str, ...]] = {
    "K2": ("stop", "ask", "tell", "again", "heart"),
    "G35": ("flag", "stop", "save", "block", "tell", "heart"),
    "G68": ("flag", "stop", "no_send", "save", "block", "tell", "down"),
    "G912": ("flag", "stop", "no_send", "save", "block", "tell", "down"),
}


def poster_document(band: str, tr: Translator, paper: Literal["A4", "A3"] = "A4") -> Document:
    """The response-steps poster of *band*: the heading, then one big row per step."""
    steps = STEPS[band]
    cards = tuple(
        Card(f"{tr.number(index)}. {tr._(step)}", icon=icon, big=True)
        for index, (step, icon) in enumerate(zip(steps.steps, ICONS[band], strict=True), 1)
    )
    heading = tr._(steps.heading)
    return Document(
        title=heading,
        lang=bcp47(tr.language),
        rtl=tr.rtl,
        blocks=(Heading(heading, 1), CardSheet(cards, 1, len(cards), crop_marks=False)),
        footer=tr._("Signal Scouts - what to do poster"),
        paper=paper,
    )
