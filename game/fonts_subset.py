"""Build the Chinese font: Noto Sans CJK SC cut down to the characters the game uses.

The full font is 19.5 MB; the subset keeps only what the Simplified Chinese catalog,
the language picker and basic Latin need. Run ``make fonts`` after the ``zh_Hans``
catalog changes (a test fails if a character in the catalog is missing from the font).
"""

from __future__ import annotations

import string
import sys
from pathlib import Path

SOURCE = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
SC_FACE = 2  # the TTC's faces: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK
EXTRA = "，。！？、：；（）“”‘’《》…—·「」『』【】～ "


def catalog_characters(po: Path) -> set[str]:
    """Every character used in the translations of *po*."""
    from babel.messages.pofile import read_po

    with po.open("rb") as handle:
        catalog = read_po(handle)
    chars: set[str] = set()
    for message in catalog:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in strings:
            chars.update(text or "")
    return chars


def babel_characters(language: str) -> set[str]:
    """Characters Babel writes for *language* in the game's dates, numbers and places.

    Dates in every month (plans, certificates, the class summary), percentages, and the
    names of the countries with help lines.
    """
    import datetime

    from babel import Locale
    from babel.dates import format_date
    from babel.numbers import format_decimal, format_percent

    chars: set[str] = set()
    for month in range(1, 13):
        for width in ("short", "medium", "long", "full"):
            chars.update(format_date(datetime.date(2026, month, 28), width, locale=language))
    chars.update(format_percent(0.5, locale=language) + format_decimal(1234.5, locale=language))
    territories = Locale.parse(language).territories
    for code in ("US", "GB", "CA", "AU", "IE", "ES", "MX", "FR", "BR", "NZ", "IN", "ZA"):
        chars.update(territories.get(code, ""))
    return chars


def needed_characters(root: Path) -> set[str]:
    """Characters the subset must cover."""
    from babel import Locale

    from game.i18n import LANGUAGES

    chars = set(string.printable) | set(EXTRA)
    chars |= set("".join(Locale.parse(code).display_name for code in LANGUAGES))
    chars |= babel_characters("zh_Hans")
    po = root / "locales" / "zh_Hans" / "LC_MESSAGES" / "messages.po"
    if po.exists():
        chars |= catalog_characters(po)
    return {c for c in chars if c.isprintable() or c == " "}


def build(root: Path, source: Path = SOURCE) -> Path:
    """Write ``assets/fonts/NotoSansSC-Subset.otf`` and return its path."""
    from fontTools import subset

    out = root / "assets" / "fonts" / "NotoSansSC-Subset.otf"
    options = subset.Options()
    options.font_number = SC_FACE
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(needed_characters(root))))
    subsetter.subset(font)
    subset.save_font(font, str(out), options)
    return out


if __name__ == "__main__":
    path = build(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())
    print(f"wrote {path} ({path.stat().st_size // 1024} KB)")
