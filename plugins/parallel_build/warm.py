"""The preview's warm path: one saved article's pages written from the last build.

The process of the last good build keeps every object of it. :func:`refresh` reads the
saved file again with the build's readers, puts the new article where the old one
stood (:func:`substitute`: Pelican's structures and the noted writes, by name), lets
plugins update what they derived (:data:`content_refreshed`), and replays the noted
writes of the article's page and its merchant's page. It refuses, writing nothing,
whenever more than those two pages' text could change (place, status, date, tags,
category, authors, unclaimed metadata, a warning while reading, no noted writes).
A full build follows.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from blinker import signal
from pelican.contents import Article, SkipStub
from pelican.generators import ArticlesGenerator

from parallel_build.pelican_internals import article_holders, article_reading_arguments
from parallel_build.workers import WarningsKept
from parallel_build.writing import affected_outputs, write_only

# sent with the articles generator, ``old=`` and ``new=`` once the new article stands
# everywhere the old one stood (the old one's attributes set by the build's context
# phase, such as ``merchant``, copied onto it). A receiver brings what it derived up to
# date and returns the metadata names it took care of, or a reason (str) to refuse.
content_refreshed = signal("parallel_build_content_refreshed")

FREE_METADATA = frozenset({"title", "summary"})  # shown on the two pages only
PLACING = ("slug", "status", "lang", "template", "save_as", "url", "in_default_lang")


def refresh(generators: list[Any], path: str) -> tuple[list[str], str]:
    """Write again the pages of the article read from ``path`` (relative to the
    content folder); returns the output names written, or ``[]`` and why not.

    Nothing it logs is printed: the full build that follows logs it again.
    """
    with _collected_warnings() as logged:
        articles = next((g for g in generators if isinstance(g, ArticlesGenerator)), None)
        if articles is None:
            return [], "no articles generator"
        old = articles.context["generated_content"].get(path)
        if not any(a is old for a in articles.articles) or old.translations:
            return [], "not a published article without translations"
        new = _read(articles, path, logged)
        if logged:
            return [], f"reading logged: {logged[0]}"
        return _replace(generators, articles, path, old, new)


def _replace(
    generators: list[Any], articles: ArticlesGenerator, path: str, old: Any, new: Any
) -> tuple[list[str], str]:
    """Put ``new`` where ``old`` stood and write its pages (see :func:`refresh`)."""
    reason = _refused(old, new)
    if reason:
        return [], reason
    for name, value in vars(old).items():  # what the build's context phase set
        if name not in vars(new):
            setattr(new, name, value)
    substitute(old, new, generators, articles)
    taken: set[str] = set(FREE_METADATA)
    for _receiver, answer in content_refreshed.send(articles, old=old, new=new):
        if isinstance(answer, str):
            return [], answer
        taken |= set(answer or ())
    new.refresh_metadata_intersite_links()  # as Pelican.run() does after that signal
    changed = {
        name
        for name in old.metadata.keys() | new.metadata.keys()
        if name not in taken and old.metadata.get(name) != new.metadata.get(name)
    }
    if changed:
        return [], f"metadata changed: {', '.join(sorted(changed))}"
    written = write_only(generators, affected_outputs(articles.context, {path}))
    return written, "" if written else "no noted writes of its pages (a serial build)"


def _refused(old: Any, new: Any) -> str:
    """Why ``new`` cannot stand for ``old`` on the two pages alone ("" if it can)."""
    if isinstance(new, SkipStub) or not isinstance(new, Article) or not new.is_valid():
        return "not read as a valid article"
    if new.status != "published":
        return f"status {new.status}"
    date = getattr(new, "date", None)
    if not isinstance(date, datetime) or date.tzinfo is None or date > datetime.now(UTC):
        return "no date, or a date in the future"
    for name in (*PLACING, "date", "category", "tags", "authors"):
        if getattr(old, name, None) != getattr(new, name, None):
            return f"{name} changed"
    return ""


@contextmanager
def _collected_warnings() -> Iterator[list[str]]:
    """Collect (instead of printing) what is logged at WARNING or above meanwhile."""
    root = logging.getLogger()
    kept = WarningsKept()
    handlers, level = root.handlers[:], root.level
    root.handlers, root.level = [kept], min(level, logging.WARNING)
    try:
        yield kept.messages
    finally:
        root.handlers, root.level = handlers, level


def _read(generator: ArticlesGenerator, path: str, logged: list[str]) -> Any:
    """The article ``path`` as the build's loop reads it (None if reading raised,
    which is added to ``logged``)."""
    readers = getattr(generator.readers, "inner", generator.readers)
    try:
        return readers.read_file(
            base_path=generator.path, path=path, **article_reading_arguments(generator)
        )
    except Exception as error:
        logged.append(f"{type(error).__name__}: {error}")
        return None


def substitute(old: Any, new: Any, generators: list[Any], articles: ArticlesGenerator) -> int:
    """Put ``new`` in the place of ``old`` wherever the build keeps its articles: the
    lists and mappings of Pelican's articles generator and its context, and the
    arguments of the noted writes; returns how many places. A list or mapping that
    several holders share is looked through once."""
    seen: set[int] = set()

    def swap(holder: Any) -> int:
        if not isinstance(holder, (list, dict)) or id(holder) in seen:
            return 0
        seen.add(id(holder))
        return replace_item(holder, old, new)

    places = sum(swap(holder) for holder in article_holders(articles))
    for generator in generators:
        recorder = getattr(generator, "output_recorder", None)
        for task in recorder.tasks.values() if recorder is not None else ():
            for index, (method, args, kwargs) in enumerate(task.calls):
                if any(a is old for a in args):
                    args = tuple(new if a is old else a for a in args)
                    task.calls[index] = (method, args, kwargs)
                for value in (*args, *kwargs.values()):
                    places += swap(value)
                places += swap(kwargs)
    return places


def replace_item(holder: Any, old: Any, new: Any) -> int:
    """Put ``new`` in the place of ``old`` in a list or a mapping's values; how many."""
    if isinstance(holder, list):
        found = [index for index, item in enumerate(holder) if item is old]
    elif isinstance(holder, dict):
        found = [key for key, item in holder.items() if item is old]
    else:
        return 0
    for place in found:
        holder[place] = new
    return len(found)
