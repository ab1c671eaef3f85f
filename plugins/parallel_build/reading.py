"""Articles read ahead by forked workers, handed to Pelican's loop one by one.

:class:`ParallelReaders` stands in for ``ArticlesGenerator.readers``: at the loop's
first ``read_file`` it forks workers that read every article file with the
generator's own ``Readers`` and arguments (every reading signal included) and send
each article back as bytes (:mod:`.transfer`). A file a worker could not read is read
again in the main process, so errors are raised and logged as in a serial build. The
preview also passes articles already read (``ready``) and collects the bytes of the
others (``fresh``).
"""

from __future__ import annotations

import logging
from collections.abc import MutableMapping
from typing import Any

from pelican.urlwrappers import URLWrapper

from parallel_build import url_memo
from parallel_build.pelican_internals import is_articles_loop, rebind_context
from parallel_build.transfer import dumps, loads, shared_objects
from parallel_build.workers import Jobs, results

logger = logging.getLogger(__name__)


def slug_names(content: Any) -> None:
    """Have the category, authors and tags of ``content`` slugify their names now.

    Pelican does it at the first use of ``slug`` (the generator's loop hashes them
    into its category, author and tag lists, in the main process); done in the worker,
    the slug travels with the article (about 27,000 names at 5,000 testimonies).
    """
    for wrapper in (
        getattr(content, "category", None),
        getattr(content, "author", None),
        *(getattr(content, "authors", None) or ()),
        *(getattr(content, "tags", None) or ()),
    ):
        if isinstance(wrapper, URLWrapper):
            wrapper.slug  # noqa: B018 (the property computes the slug and keeps it)


class ParallelReaders:
    """``Readers`` of an articles generator, reading every article file ahead.

    ``ready`` maps source paths (relative to the content folder) to articles already
    read (their ``_context`` is rebound to this build's context); ``fresh``, when
    given, receives the bytes of every article read in this build.
    """

    def __init__(
        self,
        readers: Any,
        generator: Any,
        processes: int,
        ready: dict[str, Any] | None = None,
        fresh: MutableMapping[str, bytes] | None = None,
    ) -> None:
        self._readers = readers
        self._generator = generator
        self._processes = processes
        self._ready = ready or {}
        self._fresh = fresh
        # source path -> (article read ahead, its bytes when ``fresh`` wants them)
        self._ahead: dict[str, tuple[Any, bytes | None]] | None = None
        self._call: tuple[str, dict[str, Any]] | None = None  # the loop's arguments

    def __getattr__(self, name: str) -> Any:
        return getattr(self._readers, name)

    @property
    def inner(self) -> Any:
        """The generator's own ``Readers`` (which read in this process)."""
        return self._readers

    def read_file(self, base_path: str, path: str, **kwargs: Any) -> Any:
        if not is_articles_loop(kwargs, self._generator):
            return self._readers.read_file(base_path, path, **kwargs)
        if self._call is None:
            self._call = (base_path, kwargs)
        elif self._call != (base_path, kwargs):
            return self._readers.read_file(base_path, path, **kwargs)
        if self._ahead is None:
            self._ahead = {}
            try:
                self._read_ahead(base_path, kwargs)
            except Exception:  # no workers (cannot fork?): every file is read here
                logger.warning("Lecture en parallèle impossible", exc_info=True)
        ready = self._ready.get(path)
        if ready is not None:
            rebind_context(ready, self._generator.context)
            return ready
        ahead = self._ahead.pop(path, None)
        if ahead is None:  # not read ahead, or failed there: read here, errors included
            article = self._readers.read_file(base_path, path, **kwargs)
            if self._fresh is not None:
                self._fresh[path] = dumps(article, shared_objects(self._generator))
            return article
        article, data = ahead
        if self._fresh is not None and data is not None:
            self._fresh[path] = data
        return article

    def _read_ahead(self, base_path: str, kwargs: dict[str, Any]) -> None:
        settings = self._generator.settings
        paths = [
            path
            for path in self._generator.get_files(
                settings["ARTICLE_PATHS"], exclude=settings["ARTICLE_EXCLUDES"]
            )
            if path not in self._ready
        ]
        if len(paths) < 2 * self._processes:
            return
        shared = shared_objects(self._generator)

        def read(index: int) -> tuple[bytes, list[Any]]:
            size = url_memo.memo_size()
            article = self._readers.read_file(base_path, paths[index], **kwargs)
            slug_names(article)
            return dumps(article, shared), url_memo.take_formatted(size, article)

        jobs = Jobs(len(paths))
        keep = self._fresh is not None
        # loaded as they arrive (this process waits for the workers anyway): it never
        # holds the bytes of every article beside the articles themselves
        for index, (data, urls) in results(jobs.fork(self._processes, read)):
            article = loads(data, shared)
            url_memo.adopt(article, urls)  # formatted by the worker, not again here
            self._ahead[paths[index]] = (article, data if keep else None)
        jobs.join()
        logger.debug("%d of %d articles read by workers", len(self._ahead), len(paths))
