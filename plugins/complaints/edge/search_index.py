"""The Pagefind search index, built from the written site at ``finalized``.

Pagefind (the ``pagefind[bin]`` wheel's binary) reads only the pages marked
``data-pagefind-body`` (testimonies, merchant pages, pages), without their
``data-pagefind-ignore`` parts. A site of more than ``COMPLAINTS_SEARCH_BUNDLE_PAGES``
such pages is indexed in several runs (``pagefind/``, ``pagefind/2/``…) that the
search page merges; each run also indexes the site's vocabulary record
(:mod:`complaints.outputs.search_vocabulary`), whose words are noted as each searched
page is written (``content_written``, in whichever process wrote it). Up to
``COMPLAINTS_SEARCH_RUNS_AT_ONCE`` runs go at the same time.
"""

from __future__ import annotations

import logging
import subprocess
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from complaints.edge.contents import every_article, every_page
from complaints.edge.settings import setting
from complaints.outputs.search_scope import ALL_HTML, search_bundles, with_path
from complaints.outputs.search_vocabulary import page_words, vocabulary_page

logger = logging.getLogger(__name__)

SEARCH_OUTPUT = "pagefind"
SEARCH_ENTRY = f"{SEARCH_OUTPUT}/pagefind.js"  # the file the search page loads first
# Boilerplate inside testimonies' bodies, which feeds carry too: not marked in the HTML
IGNORED_SELECTORS = (".timeline-legend",)

MORE_BUNDLES_KEY = "SEARCH_MORE_BUNDLES"  # context: folders of the bundles after the first

VOCABULARY_FILE = "pagefind-vocabulaire.html"  # written for the runs, then removed

# output folder → (globs, searched paths, build context)
_runs: dict[str, tuple[list[str], list[str], dict[str, Any]]] = {}

# Build context, when the vocabulary record is needed (several runs)
WORDS_KEY = "search_vocabulary_words"  # list: words of the searched pages written
WRITTEN_KEY = "search_vocabulary_pages"  # list: searched pages whose words are in it
SEEN_KEY = "search_vocabulary_seen"  # _Seen: what this process already put in the lists


@dataclass
class _Seen:
    """Per process: the searched pages and the words already reported (each word is
    sent to the main process once per process, not once per page)."""

    searched: frozenset[str]
    words: set[str] = field(default_factory=set)


class _NewWords(list):  # type: ignore[type-arg]
    """The build's list of words: a word already in it is not added again, and a
    process forked later knows it (the main process adds what workers send with
    ``extend``, so each word is sent by at most the workers alive when it first shows)."""

    def __init__(self, seen: _Seen) -> None:
        super().__init__()
        self._seen = seen

    def extend(self, words: Any) -> None:
        new = [word for word in words if word not in self._seen.words]
        self._seen.words.update(new)
        super().extend(new)


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


def bundle_folder(number: int) -> str:
    """Folder of the n-th bundle (from 1), relative to the site."""
    return SEARCH_OUTPUT if number == 1 else f"{SEARCH_OUTPUT}/{number}"


def index_site(output_path: str | Path, glob: str = ALL_HTML, folder: str = SEARCH_OUTPUT) -> None:
    """Run Pagefind on the files of a built site that ``glob`` matches, writing its
    bundle in ``folder``; raise SearchIndexError when it fails."""
    command = [
        str(pagefind_executable()),
        "--site",
        str(output_path),
        "--output-subdir",
        folder,
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
    if not (Path(output_path) / folder / "pagefind.js").is_file():
        raise SearchIndexError(f"Pagefind n'a rien écrit dans {output_path}/{folder}/")
    logger.info("Search index written to %s/%s", output_path, folder)


def searched_paths(context: dict[str, Any]) -> list[str]:
    """Output paths of the pages whose template marks ``data-pagefind-body``: published
    and hidden testimonies and pages (drafts are not searchable), merchant pages."""
    articles = [a for a in every_article(context) if a.status != "draft"]
    pages = [p for p in every_page(context) if p.status != "draft"]
    merchants = context.get("merchants", [])
    return [item.save_as for item in (*articles, *pages, *merchants)]


def plan_index(generators: list[Any]) -> None:
    """``all_generators_finalized`` receiver: note which files each run of Pagefind
    will read, and give the search page the folders of the bundles after the first."""
    if not generators:
        return
    context = generators[0].context
    max_pages = setting(generators[0].settings, "COMPLAINTS_SEARCH_BUNDLE_PAGES")
    paths = searched_paths(context)
    runs = search_bundles(paths, max_pages)
    _runs[str(Path(generators[0].output_path).resolve())] = (runs, paths, context)
    context[MORE_BUNDLES_KEY] = [f"{bundle_folder(n)}/" for n in range(2, len(runs) + 1)]
    if len(runs) > 1:
        seen = _Seen(frozenset(path.lstrip("/") for path in paths))
        context[WORDS_KEY], context[WRITTEN_KEY], context[SEEN_KEY] = _NewWords(seen), [], seen
    else:
        context.pop(SEEN_KEY, None)


def note_page_words(path: str, context: dict[str, Any]) -> None:
    """``content_written`` receiver: the words of a searched page, from the file just
    written, into the build's lists (only the words new to this process)."""
    seen = context.get(SEEN_KEY)
    name = str(context.get("output_file", "")).lstrip("/")
    if seen is None or name not in seen.searched:
        return
    context[WORDS_KEY].extend(page_words(Path(path).read_bytes(), IGNORED_SELECTORS))
    context[WRITTEN_KEY].append(name)


def site_vocabulary(output_path: Path, paths: list[str], context: dict[str, Any]) -> set[str]:
    """Every word of the searchable parts of the pages at ``paths``: those reported as
    written, and those read here (a page written by other means)."""
    words = set(context.get(WORDS_KEY, ()))
    written = set(context.get(WRITTEN_KEY, ()))
    for path in paths:
        file = output_path / path.lstrip("/")
        if path and path.lstrip("/") not in written and file.is_file():
            words |= page_words(file.read_bytes(), IGNORED_SELECTORS)
    return words


def runs_at_once(settings: dict[str, Any]) -> int:
    """How many Pagefind runs go at the same time (one in a build of one process)."""
    if not settings.get("PARALLEL", True):
        return 1
    return max(1, int(setting(settings, "COMPLAINTS_SEARCH_RUNS_AT_ONCE")))


def index_after_build(pelican: Any) -> None:
    """``finalized`` receiver: index what this build wrote, in runs of which up to
    :func:`runs_at_once` go at the same time; with several runs, each also reads the
    vocabulary record."""
    output = Path(pelican.output_path)
    runs, paths, context = _runs.pop(str(output.resolve()), ([ALL_HTML], [], {}))
    if len(runs) == 1:
        index_site(output, runs[0])
        return
    vocabulary = output / VOCABULARY_FILE
    words = site_vocabulary(output, paths, context)
    vocabulary.write_text(vocabulary_page(words), encoding="utf-8")
    try:
        with ThreadPoolExecutor(max_workers=runs_at_once(pelican.settings)) as pool:
            done = [
                pool.submit(
                    index_site, output, with_path(glob, VOCABULARY_FILE), bundle_folder(number)
                )
                for number, glob in enumerate(runs, start=1)
            ]
            for run in done:
                run.result()  # the first run that failed, in order, stops the build
    finally:
        vocabulary.unlink()
