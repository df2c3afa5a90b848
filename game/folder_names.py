"""A saved-files folder named the way people see it: "Documents › Signal Scouts".

The child's "Certificate saved!" says where the file went, for the grown-up who will
print it. A folder in the home folder is named by its folders from there (the home
folder itself, with the user name, is left out); any other by all of its folders.
"""

from __future__ import annotations

from pathlib import PurePath

#: Between two folder names (it reads the same way in left-to-right and right-to-left text).
SEPARATOR = " › "


def friendly_folder(folder: PurePath, home: PurePath) -> str:
    """*folder* as its folder names joined by " › ", starting after *home* when inside it."""
    try:
        parts = folder.relative_to(home).parts
    except ValueError:
        parts = folder.parts
        if folder.anchor:  # "/" alone is no name; a drive ("C:\\") is
            anchor = folder.anchor.rstrip("\\/")
            parts = (anchor, *parts[1:]) if anchor else parts[1:]
    return SEPARATOR.join(parts) if parts else str(folder)
