"""Pelican edge: each article's and page's URL and ``save_as`` formatted once per build.

Pelican formats them again at every access (``Content.get_url_setting``; templates
ask for ``article.url`` many times per page, feeds and listings again). They depend
on metadata and settings only, which no longer change once every generator has its
context. :func:`stable_urls` keeps each value the first time it is asked for: from
``get_writer`` until ``finalized``, and around the work of ``all_generators_finalized``
receivers that ask for many (output plan, JSON-LD). Static files are left alone: an
``{attach}`` link moves them while pages are rendered. ``plugins/parallel_build``
uses the same memo around its own output phase.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pelican import signals
from pelican.contents import Article, Content, Page

#: Pelican's own method, restored when the output phase ends.
PELICAN_GET_URL_SETTING = Content.get_url_setting


def _memoised(memo: dict[tuple[int, str], tuple[Any, str]]) -> Any:
    def get_url_setting(self: Content, key: str) -> str:
        if not isinstance(self, (Article, Page)):
            return PELICAN_GET_URL_SETTING(self, key)
        found = memo.get((id(self), key))
        if found is None:  # the object is kept with its value: its id stays unique
            found = memo[id(self), key] = (self, PELICAN_GET_URL_SETTING(self, key))
        return found[1]

    return get_url_setting


def urls_are_stable() -> bool:
    """Whether the memo is in place (the output phase of a build is running)."""
    return Content.get_url_setting is not PELICAN_GET_URL_SETTING


def begin_stable_urls(*_args: Any, **_kwargs: Any) -> None:
    """Keep each URL once formatted, until :func:`end_stable_urls` (a fresh memo)."""
    Content.get_url_setting = _memoised({})


def end_stable_urls(*_args: Any, **_kwargs: Any) -> None:
    """Format URLs at every access again, as Pelican does (forgets the memo)."""
    Content.get_url_setting = PELICAN_GET_URL_SETTING


@contextmanager
def stable_urls() -> Iterator[None]:
    """The memo for the duration of the block (nothing more if one is in place)."""
    if urls_are_stable():
        yield
        return
    begin_stable_urls()
    try:
        yield
    finally:
        end_stable_urls()


def connect() -> None:
    """Every build: the memo from the writer's creation to the end of the build.

    A build that failed during its output phase leaves the memo in place; the next
    build (Pelican's autoreload) removes it before reading anything.
    """
    signals.get_generators.connect(end_stable_urls)
    signals.get_writer.connect(begin_stable_urls)
    signals.finalized.connect(end_stable_urls)
