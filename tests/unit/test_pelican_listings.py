"""Tag, category and author lists that answer ``in`` by identity (complaints.pelican_listings)."""

from __future__ import annotations

from types import SimpleNamespace

from parallel_build.listings import IdentityList
from parallel_build.pelican_internals import replace_listings


class Item:
    """Compares by identity, as Pelican's content objects do."""


def test_in_answers_as_the_list_does_before_and_after_every_change() -> None:
    a, b, c = Item(), Item(), Item()
    items = IdentityList([a, b])
    assert a in items and c not in items
    items.append(c)
    assert c in items
    items.remove(a)
    assert a not in items
    items[0] = a  # b replaced by a
    assert a in items and b not in items
    del items[:]
    assert a not in items
    items += [b]
    assert b in items
    assert "x" not in IdentityList(["y"]) and "y" in IdentityList(["y"])  # equality kept
    assert IdentityList([a, b]) == [a, b] and isinstance(IdentityList([a])[0:1], list)


def test_the_generators_and_the_contexts_lists_become_the_same_identity_lists() -> None:
    a, b = Item(), Item()
    tags = {"t": [a]}
    categories, authors = [("c", [a, b])], [("x", [b])]
    context = {"tags": list(tags.items()), "categories": categories, "authors": authors}
    generator = SimpleNamespace(tags=tags, categories=categories, authors=authors,
                                context=context)  # fmt: skip
    replace_listings(generator, IdentityList)
    assert isinstance(tags["t"], IdentityList) and tags["t"] == [a]
    assert context["tags"] == [("t", tags["t"])] and context["tags"][0][1] is tags["t"]
    assert context["categories"] is categories and isinstance(categories[0][1], IdentityList)
    assert categories[0][1] == [a, b] and isinstance(authors[0][1], IdentityList)
