"""Edge module: the Pagefind search index, built at the end of every build.

Pagefind (PyPI ``pagefind[bin]``, which bundles its binary: nothing is downloaded when
the site is built) reads the written HTML and writes its index under ``pagefind/``.
Only elements marked ``data-pagefind-body`` are indexed (testimonies, merchant pages,
static pages); the page's ``lang="fr"`` selects French stemming.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

from pelican import signals

logger = logging.getLogger(__name__)

SEARCH_OUTPUT = "pagefind"
SEARCH_ENTRY = f"{SEARCH_OUTPUT}/pagefind.js"  # the file the search page loads first


class SearchIndexError(Exception):
    """Pagefind could not index the built site: the build fails."""

    exitcode = 1


def pagefind_executable() -> Path:
    """The binary shipped by the ``pagefind_bin`` wheel."""
    try:
        from pagefind_bin import get_executable
    except ImportError as error:
        raise SearchIndexError(
            "Pagefind est absent : pip install -r requirements.txt (pagefind[bin])"
        ) from error
    return get_executable()


def index_site(output_path: str | Path) -> None:
    """Run Pagefind on a built site; raise SearchIndexError when it fails."""
    command = [
        str(pagefind_executable()),
        "--site",
        str(output_path),
        "--output-subdir",
        SEARCH_OUTPUT,
        "--quiet",
    ]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchIndexError(
            f"l'index de recherche n'a pas pu être construit (Pagefind, code {result.returncode}) :\n"
            f"{result.stdout}{result.stderr}"
        )
    if not (Path(output_path) / SEARCH_ENTRY).is_file():
        raise SearchIndexError(f"Pagefind n'a rien écrit dans {output_path}/{SEARCH_OUTPUT}/")
    logger.info("Search index written to %s/%s", output_path, SEARCH_OUTPUT)


def index_after_build(pelican: Any) -> None:
    """``finalized`` receiver: index what this build wrote."""
    index_site(pelican.output_path)


def register() -> None:
    signals.finalized.connect(index_after_build)
