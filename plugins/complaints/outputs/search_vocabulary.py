"""The site's vocabulary record, indexed in every search bundle.

Pagefind drops a query word a bundle lacks, so with several bundles « résiliation
refusée » would find every page with « refusée » in a bundle without « résiliation ».
Every bundle therefore also indexes one hidden page holding every word of every indexed
page (read with lxml from the ``data-pagefind-body`` parts, a superset of Pagefind's
words), filtered out of every query by ``VOCABULARY_FILTER`` (static/js/recherche.js).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from html import escape
from itertools import pairwise

from lxml import etree
from lxml import html as lxml_html

VOCABULARY_FILTER = "vocabulaire"  # data-pagefind-filter of the record; value "oui"
_PARSER = lxml_html.HTMLParser(encoding="utf-8")  # Pelican writes UTF-8

# Steps on names and attributes: libxml2 is several times slower with a predicate per element
_BODIES = etree.XPath("/descendant::*/@data-pagefind-body/..")  # //*[@data-pagefind-body]
_TEXTS = etree.XPath(".//text()", smart_strings=False)  # after the drops, the itertext() pieces
_ATTRIBUTES = etree.XPath(".//@alt | .//@title", smart_strings=False)
_MARKED = ("$b/descendant::*/@data-pagefind-ignore/..", "$b//script", "$b//style")
_XML_SPACES = str.maketrans("\t\n\r", "   ")  # what normalize-space() collapses, with " "


@cache
def _maybe_skipped(names: tuple[str, ...]) -> etree.XPath:
    """The elements inside the searchable ones ``$b`` that Pagefind may not read: those
    :func:`_skipped` keeps (a class is only looked for as a substring here)."""
    if not all(names) or any(space in name for name in names for space in " \t\n\r"):
        raise ValueError(f"not class selectors: {names}")
    classes = [f"$b/descendant::*/@class[contains(., '{name}')]/.." for name in names]
    return etree.XPath(" | ".join([*_MARKED, *classes]))


def _skipped(element: etree._Element, names: tuple[str, ...]) -> bool:
    """Whether Pagefind does not read this element (marked, script, style, or with one
    of the classes, as in ``contains(concat(' ', normalize-space(@class), ' '), ' x ')``)."""
    if element.get("data-pagefind-ignore") is not None or element.tag in ("script", "style"):
        return True
    classes = (element.get("class") or "").translate(_XML_SPACES).split(" ")
    return any(name in classes for name in names)


def _words(texts: list[str]) -> set[str]:
    """The words of the (non-empty) texts joined as they are and joined with spaces: those
    of the former, and the words on each side of a seam without space (« 1<sup>er</sup> »
    gives 1er, 1 and er); every other word is the same either way."""
    words = set("".join(texts).split())
    for before, after in pairwise(texts):
        if not (before[-1].isspace() or after[0].isspace()):
            words.add(before.rsplit(None, 1)[-1])
            words.add(after.split(None, 1)[0])
    return words


def page_words(page: bytes, ignored_classes: Iterable[str] = ()) -> set[str]:
    """The space-separated words of the searchable parts of one HTML page (UTF-8)."""
    if not page.strip():
        return set()
    tree = lxml_html.fromstring(page, parser=_PARSER)
    bodies = _BODIES(tree)
    if not bodies:
        return set()
    names = tuple(selector.removeprefix(".") for selector in ignored_classes)
    for part in _maybe_skipped(names)(tree, b=bodies):
        if _skipped(part, names):
            part.drop_tree()  # its tail joins the text before it
    words: set[str] = set()
    for body in bodies:
        words |= _words(list(filter(None, _TEXTS(body))))
        for value in _ATTRIBUTES(body):
            words.update(value.split())
    return words


def vocabulary_page(words: Iterable[str]) -> str:
    """A French HTML page that Pagefind indexes as one record holding every word."""
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>-</title></head>'
        f'<body><main data-pagefind-body data-pagefind-filter="{VOCABULARY_FILTER}:oui">'
        f"{escape(' '.join(sorted(words)), quote=False)}</main></body></html>\n"
    )
