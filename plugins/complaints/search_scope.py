"""Which built files Pagefind reads (pure: no Pelican).

Pagefind keeps what it reads of every file in memory until it writes the index, so
it is given only the kinds of pages the theme marks ``data-pagefind-body``
(testimonies, merchant pages, static pages), as one ``--glob``: each page's path with
its inner folders made ``*`` (``2015/*/*/index.html``, ``marchands/*/index.html``),
the distinct shapes joined in one ``{…,…}`` alternative. That matches those pages and
almost nothing else, and stays short whatever the number of pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

ALL_HTML = "**/*.{html}"  # Pagefind's own default
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.-]+")  # no glob syntax to escape


def path_shape(path: str) -> str | None:
    """``2015/02/slug/index.html`` → ``2015/*/*/index.html``; None when a part of the
    path is not a plain file name (the caller then reads every HTML file)."""
    parts = path.strip("/").split("/")
    if not all(_PLAIN_NAME.fullmatch(part) and part not in {".", ".."} for part in parts):
        return None
    if len(parts) <= 2:
        return "/".join(parts)
    return "/".join([parts[0], *["*"] * (len(parts) - 2), parts[-1]])


def search_glob(paths: Iterable[str]) -> str:
    """One Pagefind glob matching every path given (ALL_HTML when none or when one
    cannot be written as a glob safely)."""
    shapes = set()
    for path in paths:
        if not path:
            continue  # content not written (save_as "")
        shape = path_shape(path)
        if shape is None:
            return ALL_HTML
        shapes.add(shape)
    if not shapes:
        return ALL_HTML
    ordered = sorted(shapes)
    return ordered[0] if len(ordered) == 1 else "{" + ",".join(ordered) + "}"
