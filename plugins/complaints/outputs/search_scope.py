"""Which built files Pagefind reads, in how many runs.

Only the pages the theme marks ``data-pagefind-body``; a large site in runs of at most
``max_pages`` pages, each writing a bundle the search page merges (Pagefind keeps what
it reads in memory until it writes). A run's files are one ``--glob``: each page's path
with the folder holding its file made ``*`` (``2015/02/*/index.html``), the distinct
shapes joined in one ``{…,…}``: short, and matching those pages and almost nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

ALL_HTML = "**/*.{html}"  # Pagefind's own default
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.-]+")  # no glob syntax to escape


def path_shape(path: str) -> str | None:
    """``2015/02/slug/index.html`` → ``2015/02/*/index.html``; None when a part of the
    path is not a plain file name (the caller then reads every HTML file)."""
    parts = path.strip("/").split("/")
    if not all(_PLAIN_NAME.fullmatch(part) and part not in {".", ".."} for part in parts):
        return None
    if len(parts) <= 2:
        return "/".join(parts)
    return "/".join([*parts[:-2], "*", parts[-1]])


def alternative(shapes: list[str]) -> str:
    """One glob matching any of the shapes."""
    return shapes[0] if len(shapes) == 1 else "{" + ",".join(shapes) + "}"


def search_bundles(paths: Iterable[str], max_pages: int = 0) -> list[str]:
    """The globs of Pagefind's runs: every path given, in runs of at most ``max_pages``
    pages (0: one run; a shape with more pages than that is a run of its own).
    ``[ALL_HTML]`` when no path is given or one cannot be written as a glob safely."""
    counts: Counter[str] = Counter()
    for path in paths:
        if not path:
            continue  # content not written (save_as "")
        shape = path_shape(path)
        if shape is None:
            return [ALL_HTML]
        counts[shape] += 1
    if not counts:
        return [ALL_HTML]
    runs: list[list[str]] = [[]]
    size = 0
    for shape in sorted(counts):
        if max_pages and runs[-1] and size + counts[shape] > max_pages:
            runs.append([])
            size = 0
        runs[-1].append(shape)
        size += counts[shape]
    return [alternative(run) for run in runs]


def with_path(glob: str, path: str) -> str:
    """A glob of search_bundles that also matches the plain file ``path``."""
    inner = glob[1:-1] if glob.startswith("{") else glob
    return "{" + inner + "," + path + "}"
