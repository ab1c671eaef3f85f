"""Links to other content files: ``{static}``, ``{attach}`` and ``{filename}``.

Pelican resolves such a link against the content folder (``{static}/x.pdf``) or the
linking file's folder (``{static}x.pdf``, ``{filename}../y.md``) and copies or links
what it finds. A target outside the content folder (``{static}/../../../etc/passwd``,
a symbolic link that leaves it) would be published; a missing one only gives a warning
and a broken link. Both are refused here with the file and line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

LINK = re.compile(r"\{(static|attach|filename)\}([^\s\"'<>)\]]+)")


def link_targets(text: str) -> Iterator[tuple[int, str, str]]:
    """(offset, kind, target path) for every content link of a file's text."""
    for match in LINK.finditer(text):
        path = unquote(urlsplit(match.group(2)).path)
        if path:
            yield match.start(), match.group(1), path


def resolve(target: str, file: Path, content_root: Path) -> Path:
    """The file a link names, as Pelican looks for it (symbolic links followed)."""
    base = content_root if target.startswith("/") else file.parent
    return Path(os.path.realpath(base / target.lstrip("/")))


def inside(path: Path, folder: Path) -> bool:
    """True when ``path`` lies inside ``folder`` (both real paths)."""
    folder = Path(os.path.realpath(folder))
    return path == folder or folder in path.parents
