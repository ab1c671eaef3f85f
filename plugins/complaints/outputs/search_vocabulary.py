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

from lxml import etree
from lxml import html as lxml_html

VOCABULARY_FILTER = "vocabulaire"  # data-pagefind-filter of the record; value "oui"
_PARSER = lxml_html.HTMLParser(encoding="utf-8")  # Pelican writes UTF-8


def _class_test(selector: str) -> str:
    """XPath test of a ``.class`` selector (the only kind IGNORED_SELECTORS holds)."""
    name = selector.removeprefix(".")
    return f"contains(concat(' ', normalize-space(@class), ' '), ' {name} ')"


_BODIES = etree.XPath("//*[@data-pagefind-body]")
_ATTRIBUTES = etree.XPath(".//@alt | .//@title")


@cache
def _skipped(ignored_classes: tuple[str, ...]) -> etree.XPath:
    """The parts of a searchable element that Pagefind does not read."""
    tests = ["@data-pagefind-ignore", "self::script", "self::style"]
    return etree.XPath(f".//*[{' or '.join(tests + [_class_test(c) for c in ignored_classes])}]")


def page_words(page: bytes, ignored_classes: Iterable[str] = ()) -> set[str]:
    """The space-separated words of the searchable parts of one HTML page (UTF-8)."""
    if not page.strip():
        return set()
    tree = lxml_html.fromstring(page, parser=_PARSER)
    skipped = _skipped(tuple(ignored_classes))
    words: set[str] = set()
    for body in _BODIES(tree):
        for part in skipped(body):
            part.drop_tree()
        texts = list(body.itertext())
        words.update(" ".join(texts).split())
        words.update("".join(texts).split())
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
