"""Wheel build hook: compile the translation catalogs into the wheel.

Compiled ``.mo`` files are build output, never committed; this hook makes them from
``locales/*/LC_MESSAGES/messages.po`` and places them at ``game/_bundled/locales``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CompileCatalogs(BuildHookInterface):
    """Compile every .po catalog and force-include the .mo files."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict) -> None:
        """Write the .mo files to a temporary folder and add them to the wheel."""
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        if self.target_name != "wheel":
            return
        out = Path(tempfile.mkdtemp(prefix="signal-scouts-mo-"))
        for po in sorted(Path(self.root, "locales").glob("*/LC_MESSAGES/messages.po")):
            language = po.parts[-3]
            with po.open("rb") as handle:
                catalog = read_po(handle, locale=language)
            mo = out / language / "messages.mo"
            mo.parent.mkdir(parents=True)
            with mo.open("wb") as handle:
                write_mo(handle, catalog)
            target = f"game/_bundled/locales/{language}/LC_MESSAGES/messages.mo"
            build_data["force_include"][str(mo)] = target
