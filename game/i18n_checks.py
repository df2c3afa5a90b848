"""Checks Babel does not make: every translation keeps the message's ``{placeholders}``.

Run on a catalog with ``python -m game.i18n_checks locales/es/LC_MESSAGES/messages.po``;
the test suite runs it on every catalog.
"""

from __future__ import annotations

import re
import string
import sys
from pathlib import Path

from babel.messages.pofile import read_po

_FIELD = re.compile(r"\{([^{}]*)\}")
#: Review status is kept in the catalog's header comment, on a line starting with this.
REVIEW_PREFIX = "Review-Status:"


def placeholders(text: str) -> set[str]:
    """The ``{name}`` fields of a format string."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}
    except ValueError:
        return set(_FIELD.findall(text))


def check_catalog(path: Path) -> list[str]:
    """Problems in one .po file: dropped, renamed or added placeholders (empty = good)."""
    with path.open("rb") as handle:
        catalog = read_po(handle)
    problems = []
    for message in catalog:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(placeholders(i) for i in ids))
        for form in strings:
            if form and placeholders(form) != expected:
                where = f"{path}:{message.lineno}"
                problems.append(
                    f"{where}: placeholders {sorted(placeholders(form))} in the "
                    f"translation do not match {sorted(expected)} in "
                    f"{ids[0]!r}; keep every {{name}} exactly as in English"
                )
    return problems


def review_status(path: Path) -> str:
    """The catalog's review status line (``draft`` when none is recorded)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        body = line.lstrip("# ").strip()
        if body.startswith(REVIEW_PREFIX):
            return body.removeprefix(REVIEW_PREFIX).strip()
    return "draft"


def main(argv: list[str]) -> int:
    """Check the catalogs named on the command line; exit 1 on any problem."""
    problems = [p for arg in argv for p in check_catalog(Path(arg))]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
