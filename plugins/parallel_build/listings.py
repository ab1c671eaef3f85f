"""Lists that answer ``in`` from a set of their items' ids.

Pelican looks every article of the site up in each tag, category and author page's
list (:func:`parallel_build.pelican_internals.replace_listings`): quadratic. Content
objects compare by identity, so a set of ids answers ``in`` as the list does. The
lists stay lists for every other use; any change to one drops its set.
"""

from __future__ import annotations

from typing import Any

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
