"""Render a :class:`~game.printing.document.Document` as one self-contained HTML5 page.

The page works offline and leaks nothing: inline CSS only, no scripts, no fonts,
images or links to fetch; the CSS names only generic font families (the page ships
no font, so it asks for none by name). Text is escaped; structure is semantic (one
``h1``, lists, ``dl``, tables with a caption and header cells) so screen readers and
the browser's print dialog both do the right thing. Layout uses logical CSS properties, so one
stylesheet serves left-to-right and right-to-left pages.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterator

from game.printing.document import (
    Bars,
    Block,
    Bullets,
    CardSheet,
    Document,
    Heading,
    PageBreak,
    Paragraph,
    Table,
    Terms,
    WriteLine,
    map_text,
)
from game.printing.runs import FSI, LRI, PDI, RLI, isolate_latin, plain

#: An innermost isolate (no isolate inside it): its opening mark, then its text.
INNER_ISOLATE = re.compile(f"([{LRI}{RLI}{FSI}])([^{LRI}{RLI}{FSI}{PDI}]*){PDI}")
ISOLATE_TAGS = {
    LRI: ('<span lang="en" dir="ltr">', "</span>"),
    RLI: ('<span dir="rtl">', "</span>"),
    FSI: ("<bdi>", "</bdi>"),
}

#: Generic families only: the system's interface font for the page's ``lang``.
FONT_STACK = "system-ui, sans-serif"

BASE_CSS = f"""
:root {{
  --ink: #212529; --muted: #5c636a; --accent: #007066; --accent-soft: #e0f1ee;
  --rule: #bac4ca; --row: #f1f5f7;
}}
* {{ box-sizing: border-box; }}
html {{ font-family: {FONT_STACK}; color: var(--ink); background: #fff; line-height: 1.5; }}
html:lang(ar) {{ line-height: 1.7; }}
html:lang(zh), html:lang(ja) {{ line-break: strict; }}
body {{ margin: 0; }}
main {{ max-width: 48rem; margin-block: 0; margin-inline: auto; padding: 2rem 1.5rem 1rem; }}
h1, h2, h3, h4 {{ line-height: 1.25; margin-block: 1.4em 0.4em; break-after: avoid; }}
h1 {{ font-size: 2rem; color: var(--accent); margin-block-start: 0; }}
h2 {{ font-size: 1.4rem; padding-block-end: 0.2em; border-block-end: 2px solid var(--accent); }}
h3 {{ font-size: 1.15rem; }}
h4 {{ font-size: 1.05rem; }}
p {{ margin-block: 0 0.75em; }}
.lead {{ font-size: 1.2rem; }}
.note {{ font-size: 0.85rem; color: var(--muted); }}
.callout {{
  font-weight: bold; background: var(--accent-soft); padding: 0.7em 1em;
  border: 1px solid var(--accent); border-inline-start: 0.4em solid var(--accent);
  border-radius: 0.3em; break-inside: avoid;
}}
ul, ol {{ margin-block: 0 1em; padding-inline-start: 1.6em; }}
li {{ margin-block: 0 0.3em; break-inside: avoid; }}
ul li::marker {{ color: var(--accent); }}
.checklist {{ list-style: none; padding-inline-start: 0; }}
.checklist li {{ position: relative; padding-inline-start: 1.8em; }}
.checklist li::before {{
  content: ""; position: absolute; inset-inline-start: 0.1em; inset-block-start: 0.25em;
  width: 0.95em; height: 0.95em; border: 2px solid var(--ink); border-radius: 2px;
}}
dl {{ margin-block: 0 1em; }}
dt {{ font-weight: bold; margin-block-start: 0.4em; }}
dd {{ margin-inline-start: 1.5em; margin-block: 0 0.3em; }}
table {{ width: 100%; border-collapse: collapse; margin-block: 0.5em 1.2em; font-size: 0.95rem; }}
th, td {{ text-align: start; vertical-align: top; padding: 0.35em 0.55em;
  border: 1px solid var(--rule); }}
thead th {{ background: var(--accent-soft); }}
.visually-hidden {{ position: absolute; width: 1px; height: 1px; overflow: hidden;
  clip-path: inset(50%); white-space: nowrap; }}
tbody tr:nth-child(even) {{ background: var(--row); }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
.write-line {{ display: flex; align-items: flex-end; gap: 0.6em; margin-block: 1.6em 1em; }}
.write-line .blank {{ flex: 1; border-block-end: 1px solid var(--ink); min-height: 1.4em; }}
.page-break {{ break-before: page; }}
footer {{ max-width: 48rem; margin-inline: auto; padding: 0.5rem 1.5rem 2rem;
  color: var(--muted); font-size: 0.8rem; border-block-start: 1px solid var(--rule); }}
footer p {{ margin: 0; }}
@media print {{
  html {{ font-size: 11pt; }}
  main, footer {{ max-width: none; padding-inline: 0; }}
  main {{ padding-block-start: 0; }}
  a {{ color: inherit; }}
}}
"""

DOCUMENT_CSS = """
@page {
  size: A4 portrait; margin: 18mm;
  @bottom-center { content: counter(page) " / " counter(pages); font-size: 8pt; }
}
"""

CERTIFICATE_CSS = """
@page { size: A4 landscape; margin: 10mm; }
body.certificate main {
  max-width: 60rem; min-height: 100vh; margin-block: 0; padding: 3rem 4rem;
  display: flex; flex-direction: column; justify-content: center; text-align: center;
  border: 0.6rem double var(--accent); outline: 2px solid #bf9000; outline-offset: -1.4rem;
}
body.certificate h1 { font-size: 3rem; margin-block-end: 0.3em; }
body.certificate h2 { border: 0; }
body.certificate .lead { font-size: 1.5rem; }
body.certificate ul, body.certificate ol, body.certificate dl { text-align: start;
  margin-inline: auto; }
body.certificate ul { columns: 2; column-gap: 2rem; break-inside: avoid; }
body.certificate li { break-inside: avoid; }
body.certificate .write-line { flex-direction: column-reverse; align-items: center;
  gap: 0.2em; margin-block: 2.2em 0.8em; }
body.certificate .write-line .blank { flex: none; width: min(28rem, 80%); }
body.certificate .write-line .label { font-size: 0.85rem; color: var(--muted); }
body.certificate main footer { max-width: none; margin-block-start: 2.5rem; padding: 0;
  border: 0; text-align: center; }
@media print {
  body.certificate main { min-height: calc(210mm - 20mm - 1px); max-width: none;
    padding: 2rem 4rem; break-inside: avoid; }
}
"""


def render_html(doc: Document) -> str:
    """The whole HTML5 page for *doc*, as a string (UTF-8 when saved)."""
    doc = map_text(doc, lambda text: isolate_latin(text, doc.rtl))
    direction = "rtl" if doc.rtl else "ltr"
    css = BASE_CSS + (CERTIFICATE_CSS if doc.layout == "certificate" else DOCUMENT_CSS)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_attr(doc.lang)}" dir="{direction}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(plain(doc.title), quote=False)}</title>",
        f"<style>{css}</style>",
        "</head>",
        f'<body class="{doc.layout}">',
        "<main>",
        *_body(doc),
    ]
    footer = f"<footer><p>{_text(doc.footer)}</p></footer>" if doc.footer else ""
    if doc.layout == "certificate":  # inside the frame, on the same printed page
        parts += [footer, "</main>"]
    else:
        parts += ["</main>", footer]
    parts += ["</body>", "</html>", ""]
    return "\n".join(part for part in parts if part)


def _text(value: str) -> str:
    """*value* escaped for element content, its isolated runs as ``span`` / ``bdi``.

    An English run (LRI … PDI) becomes ``<span lang="en" dir="ltr">``, a first-strong
    one (FSI … PDI) ``<bdi>``; innermost first, so nested runs nest. Unpaired marks go.
    """
    text = html.escape(value, quote=False)
    while True:
        text, found = INNER_ISOLATE.subn(_isolate_tag, text)
        if not found:
            return plain(text)


def _isolate_tag(match: re.Match[str]) -> str:
    """The HTML element for one isolated run."""
    start, end = ISOLATE_TAGS[match.group(1)]
    return f"{start}{match.group(2)}{end}"


def _attr(value: str) -> str:
    """*value* escaped for a double-quoted attribute (isolate marks dropped)."""
    return html.escape(plain(value), quote=True)


def _body(doc: Document) -> Iterator[str]:
    """The blocks as HTML; the title becomes the ``h1`` if no level-1 heading exists.

    A table is captioned by the heading it sits under (or the title): the caption names
    it for screen readers and is hidden on screen, where that heading is just above.
    """
    if not doc.headings(level=1):
        yield f"<h1>{_text(doc.title)}</h1>"
    caption = doc.title
    for block in doc.blocks:
        if isinstance(block, Heading):
            caption = block.text
        if isinstance(block, Table):
            yield _table(block, caption)
        else:
            yield RENDERERS[type(block)](block)


def _heading(block: Heading) -> str:
    """``h1``–``h4`` from levels 1–4 (deeper levels share ``h4``)."""
    level = min(max(block.level, 1), 4)
    return f"<h{level}>{_text(block.text)}</h{level}>"


def _paragraph(block: Paragraph) -> str:
    """A paragraph; its style (lead, note, callout) is a class."""
    if block.style == "body":
        return f"<p>{_text(block.text)}</p>"
    return f'<p class="{block.style}">{_text(block.text)}</p>'


def _bullets(block: Bullets) -> str:
    """``ol`` when ordered, else ``ul``; tick boxes are drawn by CSS (no form inputs)."""
    tag = "ol" if block.ordered else "ul"
    items = "".join(f"<li>{_text(item)}</li>" for item in block.items)
    if block.checkbox:
        return f'<{tag} class="checklist">{items}</{tag}>'
    return f"<{tag}>{items}</{tag}>"


def _terms(block: Terms) -> str:
    """A description list."""
    pairs = "".join(
        f"<dt>{_text(term)}</dt><dd>{_text(explanation)}</dd>" for term, explanation in block.items
    )
    return f"<dl>{pairs}</dl>"


def _table(block: Table, caption: str = "") -> str:
    """A table with a (visually hidden) caption, a ``thead`` of column headers and widths."""
    parts = ["<table>"]
    if caption:
        parts.append(f'<caption class="visually-hidden">{_text(caption)}</caption>')
    if block.widths:
        total = sum(block.widths) or 1
        cols = "".join(f'<col style="width: {100 * w / total:.1f}%">' for w in block.widths)
        parts.append(f"<colgroup>{cols}</colgroup>")
    header = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in block.header)
    parts.append(f"<thead><tr>{header}</tr></thead>")
    rows = "".join(
        "<tr>" + "".join(f"<td>{_cell(cell)}</td>" for cell in row) + "</tr>" for row in block.rows
    )
    parts.append(f"<tbody>{rows}</tbody></table>")
    return "".join(parts)


def _cell(value: str) -> str:
    """A table cell's text; its line breaks stay breaks (one way to reach a service a line)."""
    return "<br>".join(_text(line) for line in value.split("\n"))


def _write_line(block: WriteLine) -> str:
    """A label and an empty underlined space to write on by hand."""
    return (
        f'<p class="write-line"><span class="label">{_text(block.label)}</span>'
        '<span class="blank"></span></p>'
    )


def _page_break(block: PageBreak) -> str:
    """An empty element that starts a new printed page."""
    return '<div class="page-break"></div>'


def _bars(block: Bars) -> str:
    """A bar chart as a table: each value in words, with a ``meter`` bar beside it."""
    header = "".join(f'<th scope="col">{_text(cell)}</th>' for cell in block.header)
    rows = "".join(
        f'<tr><th scope="row">{_text(row.label)}</th>'
        + "".join(
            "<td>"
            + (f'<meter value="{share:.3f}"></meter> ' if share is not None else "")
            + f"{_text(text)}</td>"
            for share, text in row.values
        )
        + "</tr>"
        for row in block.rows
    )
    return f"<table><thead><tr>{header}</tr></thead><tbody>{rows}</tbody></table>"


def _card_sheet(block: CardSheet) -> str:
    """Cards as a plain list (handouts are printed from their PDF; this keeps the text)."""
    items = "".join(
        "<li>"
        + (f"<strong>{_text(c.label)}</strong><br>" if c.label else "")
        + _text(c.text)
        + "".join(f"<br>{_text(p)}" for p in c.prompts)
        + "</li>"
        for c in block.cards
    )
    return f'<ul class="cards">{items}</ul>'


RENDERERS: dict[type, Callable[[Block], str]] = {
    CardSheet: _card_sheet,
    Heading: _heading,
    Paragraph: _paragraph,
    Bullets: _bullets,
    Terms: _terms,
    Table: _table,
    WriteLine: _write_line,
    PageBreak: _page_break,
    Bars: _bars,
}
