"""Pelican edge: the article lists of tags, categories and authors answer ``in`` at once.

Pelican writes each tag, category and author page with
``dates = [a for a in self.dates if a in articles]``: every article of the site is
looked up in that page's list, one by one (quadratic: 1.2 s for the 30 tags of a
5,000-testimony build, in the process that records the writes). Content objects
compare by identity (Pelican defines no ``__eq__`` for them), so a set of the items'
ids answers ``in`` exactly as the list does. The lists stay lists for every other use
(templates, pagination); any change to one drops its set.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

_MUTATORS = (
    "__setitem__",
    "__delitem__",
    "__iadd__",
    "__imul__",
    "append",
    "extend",
    "insert",
    "pop",
    "remove",
    "clear",
)


class IdentityList(list):
    """A list of objects without ``__eq__`` whose ``in`` looks their id up in a set."""

    _ids: set[int] | None = None

    def __contains__(self, item: object) -> bool:
        if type(item).__eq__ is not object.__eq__:
            return list.__contains__(self, item)  # equality may differ from identity
        if self._ids is None:
            self._ids = {id(x) for x in self}
        return id(item) in self._ids


def _forgetting(name: str) -> Any:
    method = getattr(list, name)

    def changed(self: IdentityList, *args: Any) -> Any:
        self._ids = None
        return method(self, *args)

    changed.__name__ = name
    return changed


for _name in _MUTATORS:
    setattr(IdentityList, _name, _forgetting(_name))


def index_listings(generator: Any) -> None:
    """``article_generator_finalized``: the tag, category and author lists of the
    generator, and the same lists in the context's pairs, become :class:`IdentityList`."""
    replaced: dict[int, tuple[list[Any], IdentityList]] = {}  # the old list kept: ids unique

    def indexed(articles: list[Any]) -> IdentityList:
        replaced[id(articles)] = (articles, IdentityList(articles))
        return replaced[id(articles)][1]

    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, articles in tags.items():
            tags[tag] = indexed(articles)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(key, indexed(articles)) for key, articles in pairs]
    for name in ("tags", "categories", "authors"):  # the context's lists of pairs
        pairs = generator.context.get(name)
        if isinstance(pairs, list):
            pairs[:] = [
                (key, replaced[id(articles)][1] if id(articles) in replaced else articles)
                for key, articles in pairs
            ]


def connect() -> None:
    signals.article_generator_finalized.connect(index_listings)
