"""Every use parallel_build makes of Pelican's private API or of how its code runs.

Each touch says which Pelican code it relies on; ``WRITTEN_FOR`` gives the releases
that code was read in. On any other, the plugin connects nothing and logs
:func:`version_problem`'s warning: the build is Pelican's own, serial and untouched.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pelican
from pelican import signals
from pelican.contents import Article, Content

WRITTEN_FOR = ("4.12",)  # the Pelican "major.minor" releases this module was read against


def version_problem() -> str | None:
    """Why the installed Pelican cannot be used, in French, or None."""
    if ".".join(pelican.__version__.split(".")[:2]) in WRITTEN_FOR:
        return None
    return (
        f"parallel_build : écrit pour Pelican {', '.join(WRITTEN_FOR)}, installé {pelican.__version__} ; "
        "construction en série, Pelican seul (pip install -r requirements.txt)."
    )


# --- URLs: Content._expand_settings(key, klass) formats ``url`` / ``save_as`` from the
# settings at every access (pelican/contents.py: the ``url`` and ``save_as`` properties)

PELICAN_EXPAND_SETTINGS = Content._expand_settings


def format_urls_with(expand: Callable[..., str]) -> None:
    """Have every content object's ``url`` and ``save_as`` formatted by ``expand``
    (called as ``Content._expand_settings(self, key, klass)``)."""
    Content._expand_settings = expand


def format_urls_as_pelican() -> None:
    """Pelican's own formatting again."""
    Content._expand_settings = PELICAN_EXPAND_SETTINGS


# --- contents' HTML: Content.__init__ stores it as ``self._content`` (a str), which
# get_content and refresh_metadata_intersite_links read and write (pelican/contents.py)


class Utf8Attribute:
    """A str attribute kept as UTF-8 bytes (about half the memory of the text of a
    French page, which a euro sign or a dash makes two bytes a character); other
    values, and values stored before it was installed, are kept as they are."""

    def __init__(self, name: str) -> None:
        self.name, self.key = name, f"{name}_utf8"

    def __get__(self, obj: Any, owner: Any = None) -> Any:
        if obj is None:
            return self
        found = obj.__dict__
        data = found.get(self.key)
        if data is not None:
            return data.decode("utf-8", "surrogatepass")
        try:
            return found[self.name]
        except KeyError:
            raise AttributeError(self.name) from None

    def __set__(self, obj: Any, value: Any) -> None:
        found = obj.__dict__
        if isinstance(value, str):
            found.pop(self.name, None)
            found[self.key] = value.encode("utf-8", "surrogatepass")
        else:
            found.pop(self.key, None)
            found[self.name] = value

    def __delete__(self, obj: Any) -> None:
        obj.__dict__.pop(self.key, None)
        obj.__dict__.pop(self.name, None)


def keep_contents_html_as_utf8() -> None:
    """Every content object's HTML (``_content``) kept as UTF-8 from now on, in this
    process and in those it forks (never undone: objects made meanwhile need it)."""
    if not isinstance(Content.__dict__.get("_content"), Utf8Attribute):
        Content._content = Utf8Attribute("_content")


# --- contents' HTML: Content.get_content is ``@memoized`` (pelican/utils.py: the
# decorator keeps its results in the function's ``cache`` dict until the build ends)


def forget_contents_html() -> None:
    """Empty Pelican's memo of every content's HTML (it fills again on demand)."""
    Content.get_content.cache.clear()


# --- reading: ArticlesGenerator.generate_context reads each article file with
# ``self.readers.read_file(base_path=..., path=..., **these arguments)``


def article_reading_arguments(generator: Any) -> dict[str, Any]:
    """The keyword arguments of the articles generator's loop to ``read_file``."""
    return {
        "content_class": Article,
        "context": generator.context,
        "preread_signal": signals.article_generator_preread,
        "preread_sender": generator,
        "context_signal": signals.article_generator_context,
        "context_sender": generator,
    }


def is_articles_loop(kwargs: dict[str, Any], generator: Any) -> bool:
    """Whether a ``read_file`` call with ``kwargs`` is that loop's (its context sender)."""
    return kwargs.get("context_sender") is generator


def rebind_context(content: Any, context: dict[str, Any]) -> None:
    """Give a content object read in an earlier build this build's context
    (``Content._context``, set in ``__init__``, read to resolve intra-site links)."""
    content._context = context


def article_holders(generator: Any) -> Iterator[list[Any] | dict[str, Any]]:
    """Every list and mapping where generate_context puts the articles it read: its
    lists, ``tags``, ``categories`` and ``authors`` (of pairs), ``period_archives``
    (``dates`` and ``articles`` of each archive), the context's copies and
    ``generated_content``."""
    for name in ("articles", "translations", "dates", "drafts", "drafts_translations",
                 "hidden_articles", "hidden_translations"):  # fmt: skip
        yield getattr(generator, name, [])
    yield from getattr(generator, "tags", {}).values()
    for name in ("categories", "authors"):
        yield from (items for _key, items in getattr(generator, name, []))
    for archives in getattr(generator, "period_archives", {}).values():
        for archive in archives:
            yield archive.get("dates", [])
            yield archive.get("articles", [])
    context = generator.context
    for name in ("articles", "dates", "drafts", "hidden_articles"):
        yield context.get(name, [])
    for name in ("tags", "categories", "authors"):
        yield from (items for _key, items in context.get(name, []))
    yield context.get("generated_content", {})


# --- writing: Pelican.run calls ``generate_output(writer)`` on each generator in turn;
# its generators write one article's or page's page with ``article=`` or ``page=``


def take_over_output(generators: list[Any], generate_all: Callable[[Any], None]) -> None:
    """Make the first generator's ``generate_output`` run ``generate_all(writer)`` and
    the others' do nothing."""
    generators[0].generate_output = generate_all
    for generator in generators[1:]:
        generator.generate_output = _nothing


def writes_one_content(kwargs: dict[str, Any]) -> bool:
    """Whether a ``write_file`` call writes the page of one article or page."""
    return "article" in kwargs or "page" in kwargs


def _nothing(*_args: Any) -> None:
    """Output already written by the first generator's ``generate_output``."""


# --- listings: ArticlesGenerator.generate_tags/categories/authors write each page with
# ``dates = [a for a in self.dates if a in articles]``, ``articles`` being the lists of
# ``self.tags`` (a dict), ``self.categories`` and ``self.authors`` (lists of pairs),
# also in the context as lists of pairs; content objects define no ``__eq__``


def replace_listings(generator: Any, make: Callable[[list[Any]], list[Any]]) -> None:
    """Put ``make(articles)`` in the place of each tag, category and author list of the
    generator and of the context (one new list for each old one)."""
    replaced: dict[int, tuple[list[Any], list[Any]]] = {}  # the old list kept: ids unique
    made: set[int] = set()

    def new(articles: list[Any]) -> list[Any]:
        if id(articles) in made:  # a list of pairs both hold, already done
            return articles
        if id(articles) not in replaced:
            replaced[id(articles)] = (articles, make(articles))
            made.add(id(replaced[id(articles)][1]))
        return replaced[id(articles)][1]

    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = new(articles)
    for holder in (generator.__dict__, generator.context):
        for name in ("categories", "authors", "tags"):
            pairs = holder.get(name)
            if isinstance(pairs, list):
                pairs[:] = [(key, new(articles)) for key, articles in pairs]
