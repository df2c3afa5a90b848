"""How many stars a lesson can give: the "out of" in "2 of 3 stars".

Stars are earned per red-flag tactic (see :mod:`game.session`): a safe choice on a step
earns one for each tactic its messages (or story page) show, and a spot-the-red-flags
activity one for each red flag marked. Progress keeps the best count per tactic over all
plays, so a lesson's possible stars are, per tactic, the most one way through the lesson
can earn, summed over the tactics.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from game.content.model import Lesson, SpotStep

if TYPE_CHECKING:
    from game.i18n import Translator


def possible_stars(lesson: Lesson) -> int:
    """The most stars *lesson* can hold in the child's progress (at least 0).

    A way back to a step already on the way (a repair loop) adds nothing: stars are
    counted once per step on the way.
    """
    best: dict[str, Counter[str]] = {}
    on_way: set[str] = set()

    def most_from(step_id: str) -> Counter[str]:
        if step_id in best:
            return best[step_id]
        if step_id in on_way or step_id not in lesson.step_map:
            return Counter()
        on_way.add(step_id)
        step = lesson.step(step_id)
        own: Counter[str] = Counter()
        if isinstance(step, SpotStep):
            own = Counter(m.tactic for m in step.messages if m.tactic)
        tactics = Counter(dict.fromkeys((code for _where, code in step.tactic_refs()), 1))
        ways: list[Counter[str]] = []
        for choice in step.choice_list:
            gain = tactics if choice.safe and not isinstance(step, SpotStep) else Counter()
            ways.append(gain + most_from(choice.next))
        if step.next and not step.choice_list and not step.end:
            ways.append(most_from(step.next))
        result = Counter(own)
        if ways:
            most: Counter[str] = Counter()
            for way in ways:
                most |= way  # the larger count of each tactic
            result += most
        on_way.discard(step_id)
        best[step_id] = result
        return result

    return sum(most_from(lesson.start_id).values())


def stars_text(tr: Translator, earned: int, total: int) -> str:
    """'2 of 3 stars' in the child's language (*tr* is the app's translator).

    *earned* is capped at *total*: a repair loop played twice never shows '4 of 3'.
    """
    shown = min(earned, total) if total else earned
    return tr.ngettext("{n} of {total} star", "{n} of {total} stars", total).format(
        n=tr.number(shown), total=tr.number(total)
    )
