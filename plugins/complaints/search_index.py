"""Edge module: the Pagefind search index, built at the end of every build.

Pagefind (PyPI ``pagefind[bin]``, which bundles its binary: nothing is downloaded when
the site is built) reads the written HTML and writes its index under ``pagefind/``.
Only elements marked ``data-pagefind-body`` are indexed (testimonies, merchant pages,
static pages), without their parts marked ``data-pagefind-ignore`` (advice, notices,
links and lists repeated from page to page) nor ``IGNORED_SELECTORS``; the page's
``lang="fr"`` selects French stemming. Pagefind reads only the files of those pages
(``--glob``, see ``search_scope``): its memory grows with what it reads.
"""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path
from typing import Any

from pelican import signals

from .pelican_edge import every_article, every_page
from .search_scope import ALL_HTML, search_glob

logger = logging.getLogger(__name__)

SEARCH_OUTPUT = "pagefind"
SEARCH_ENTRY = f"{SEARCH_OUTPUT}/pagefind.js"  # the file the search page loads first
# Boilerplate inside testimonies' bodies, which feeds carry too: not marked in the HTML
IGNORED_SELECTORS = (".timeline-legend",)

_globs: dict[str, str] = {}  # resolved output folder → glob of this build's searched pages


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


def index_site(output_path: str | Path, glob: str = ALL_HTML) -> None:
    """Run Pagefind on the files of a built site that ``glob`` matches; raise
    SearchIndexError when it fails."""
    command = [
        str(pagefind_executable()),
        "--site",
        str(output_path),
        "--output-subdir",
        SEARCH_OUTPUT,
        "--glob",
        glob,
        *(arg for selector in IGNORED_SELECTORS for arg in ("--exclude-selectors", selector)),
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


def searched_paths(context: dict[str, Any]) -> list[str]:
    """Output paths of the pages whose template marks ``data-pagefind-body``: published
    and hidden testimonies and pages (drafts are not searchable), merchant pages."""
    articles = [a for a in every_article(context) if a.status != "draft"]
    pages = [p for p in every_page(context) if p.status != "draft"]
    merchants = context.get("merchants", [])
    return [item.save_as for item in (*articles, *pages, *merchants)]


def plan_index(generators: list[Any]) -> None:
    """``all_generators_finalized`` receiver: note which files Pagefind will read."""
    if generators:
        output = str(Path(generators[0].output_path).resolve())
        _globs[output] = search_glob(searched_paths(generators[0].context))


def index_after_build(pelican: Any) -> None:
    """``finalized`` receiver: index what this build wrote."""
    glob = _globs.pop(str(Path(pelican.output_path).resolve()), ALL_HTML)
    index_site(pelican.output_path, glob)


def register() -> None:
    signals.all_generators_finalized.connect(plan_index)
    signals.finalized.connect(index_after_build)
