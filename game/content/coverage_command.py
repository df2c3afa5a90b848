"""``signal-scouts coverage``: the tactic x band and skill x band matrices, as text, md or csv."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import TextIO

from game.content.coverage import BAND_CODES, Cell, Coverage, coverage_of
from game.content.taxonomy import BANDS, SKILLS, TACTICS

_MARK = {"covered": "●", "missing": "○", "not expected": "·", "extra": "+"}
LEGEND = "● covered   ○ MISSING   · not expected   + taught, not expected   g = gentle form"


def run_coverage(paths: list[Path], fmt: str, out: TextIO, err: TextIO) -> int:
    """Load the lessons under *paths* and print their coverage; 1 if a lesson failed to load."""
    from game.content.loader import load_pack

    pack = load_pack(paths)
    for failure in pack.failures:
        err.write(f"{failure.path}: not counted, it has errors (run `signal-scouts lint`)\n")
    cov = coverage_of(pack.lessons)
    render = {"text": as_text, "md": as_markdown, "csv": as_csv}[fmt]
    out.write(render(cov, len(pack.lessons)))
    return 1 if pack.failures else 0


def _rows(cov: Coverage, kind: str) -> list[tuple[str, str, list[Cell]]]:
    """(code, English name, cells in band order) for tactics or skills."""
    names = TACTICS if kind == "tactics" else SKILLS
    cells = cov.tactics if kind == "tactics" else cov.skills
    return [
        (code, item.name, [cells[(code, band)] for band in BAND_CODES])
        for code, item in names.items()
    ]


def _totals(cov: Coverage, which: int) -> list[str]:
    """'covered/expected' per band for tactics (which=0) or skills (which=2)."""
    return [f"{cov.totals(b)[which]}/{cov.totals(b)[which + 1]}" for b in BAND_CODES]


def as_text(cov: Coverage, count: int) -> str:
    """A terminal report: both matrices, totals, who covers what, the series and the gaps."""
    lines = [f"Signal Scouts curriculum coverage ({count} lessons)", LEGEND, ""]
    width = 38
    for kind, title, which in (("tactics", "Tactics", 0), ("skills", "Skills", 2)):
        lines.append(f"{title:<{width}}" + "".join(f"{b:<7}" for b in BAND_CODES))
        for code, name, cells in _rows(cov, kind):
            label = f"{code} {name}"[: width - 1]
            marks = "".join(f"{_MARK[c.status] + ('g' if c.gentle else ''):<7}" for c in cells)
            lines.append(f"{label:<{width}}{marks}".rstrip())
        lines.append(
            f"{'covered / expected':<{width}}" + "".join(f"{t:<7}" for t in _totals(cov, which))
        )
        lines.append("")
    lines.append("Lessons carrying each code in play")
    for kind in ("tactics", "skills"):
        for code, _name, cells in _rows(cov, kind):
            taught = [f"{c.band}: {', '.join(c.lessons)}" for c in cells if c.lessons]
            if taught:
                lines.append(f"  {code}  " + "; ".join(taught))
    lines += ["", "Series per band"]
    for band in BAND_CODES:
        sessions = cov.series.get(band, [])
        listed = ", ".join(f"{s.number or '?'}. {s.lesson_id}" for s in sessions) or "none"
        lines.append(f"  {band} ({BANDS[band].label}): {listed}")
        lines += [f"      gap: {gap}" for gap in cov.series_gaps(band)]
    missing = cov.missing()
    lines += ["", f"Missing expected cells: {len(missing)}"]
    if missing:
        lines.append("  " + ", ".join(f"{c.code}/{c.band}" for c in missing))
    return "\n".join(lines) + "\n"


def _md_cell(cell: Cell) -> str:
    if cell.status == "missing":
        return "**missing**" + (" (gentle)" if cell.gentle else "")
    if not cell.lessons:
        return "—"
    mark = "✓" if cell.expected else "+"
    return f"{mark} {'<br>'.join(cell.lessons)}" + (" (gentle)" if cell.gentle else "")


def as_markdown(cov: Coverage, count: int) -> str:
    """Markdown tables for the docs or an issue."""
    out = [f"# Curriculum coverage ({count} lessons)", ""]
    for kind, title, which in (("tactics", "Tactics", 0), ("skills", "Skills", 2)):
        out += [f"## {title}", "", "| code | name | " + " | ".join(BAND_CODES) + " |"]
        out.append("|---|---|" + "---|" * len(BAND_CODES))
        for code, name, cells in _rows(cov, kind):
            out.append(f"| {code} | {name} | " + " | ".join(_md_cell(c) for c in cells) + " |")
        out.append("| | **covered / expected** | " + " | ".join(_totals(cov, which)) + " |")
        out.append("")
    out += ["## Series", ""]
    for band in BAND_CODES:
        sessions = ", ".join(
            f"{s.number or '?'}. `{s.lesson_id}`" for s in cov.series.get(band, [])
        )
        gaps = "; ".join(cov.series_gaps(band))
        out.append(
            f"- **{band}** ({BANDS[band].label}): {sessions or 'none'}"
            + (f". Gaps: {gaps}" if gaps else "")
        )
    return "\n".join(out) + "\n"


def as_csv(cov: Coverage, count: int) -> str:
    """One row per code and band: kind, code, name, band, expected, gentle, status, lessons."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["kind", "code", "name", "band", "expected", "gentle", "status", "lessons"])
    for kind in ("tactics", "skills"):
        for code, name, cells in _rows(cov, kind):
            for c in cells:
                writer.writerow(
                    [
                        kind[:-1],
                        code,
                        name,
                        c.band,
                        c.expected,
                        c.gentle,
                        c.status,
                        " ".join(c.lessons),
                    ]
                )
    return buffer.getvalue()
