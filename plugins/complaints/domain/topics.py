"""Topic pages: the published testimonies grouped by issue category ("Livraison", …).

Pure: the Pelican edge builds the topics from its articles and writes their pages/feeds.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from complaints.domain.vocabulary import ISSUE_CATEGORIES, STATUSES

TOPIC_URL = "problemes/{slug}/"
TOPICS_INDEX_URL = "problemes/"


def topic_slug(category: str) -> str:
    """URL slug of an issue category, from its French label: "Service client" → "service-client"."""
    label = ISSUE_CATEGORIES.get(category, category)
    ascii_label = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_label.lower()).split()
    return "-".join(words)


def topic_url(category: str) -> str:
    """Path of a topic page relative to SITEURL, e.g. ``problemes/livraison/``."""
    return TOPIC_URL.format(slug=topic_slug(category))


def categories_of(issues: Iterable[str]) -> list[str]:
    """Issue categories of a case, in the vocabulary's order, each once."""
    found = {issue.split(".", 1)[0] for issue in issues}
    return [category for category in ISSUE_CATEGORIES if category in found]


@dataclass
class Topic:
    """One issue category and its published testimonies (newest first)."""

    category: str
    articles: list[Any] = field(default_factory=list)
    feed_atom_url: str | None = None  # None when feeds are off
    feed_rss_url: str | None = None

    label = property(lambda self: ISSUE_CATEGORIES[self.category])
    slug = property(lambda self: topic_slug(self.category))
    url = property(lambda self: topic_url(self.category))
    save_as = property(lambda self: self.url + "index.html")

    @property
    def status_counts(self) -> list[tuple[str, int]]:
        """(status, number of testimonies) for every status present, vocabulary order."""
        counts = Counter(a.facts.status for a in self.articles)  # the current outcome
        return [(status, counts[status]) for status in STATUSES if counts[status]]

    @property
    def merchants(self) -> list[tuple[Any, int]]:
        """(merchant, number of testimonies here), most cited first, then by name."""
        counts: Counter[str] = Counter()
        by_slug: dict[str, Any] = {}
        for article in self.articles:
            merchant = getattr(article, "merchant", None)
            if merchant is not None:
                counts[merchant.slug] += 1
                by_slug[merchant.slug] = merchant
        return sorted(
            ((by_slug[s], n) for s, n in counts.items()),
            key=lambda pair: (-pair[1], pair[0].name.casefold()),
        )


def build_topics(
    articles: Iterable[Any],
    *,
    feed_atom_pattern: str | None = None,
    feed_rss_pattern: str | None = None,
) -> list[Topic]:
    """Topics that have at least one testimony, in the vocabulary's order.

    ``articles`` are objects with ``case`` (a Testimony) and ``date``; those without a
    case are ignored. Each topic's articles are newest first.
    """

    def feed(pattern: str | None, category: str) -> str | None:
        return pattern.format(slug=topic_slug(category)) if pattern else None

    topics = {
        c: Topic(
            c, feed_atom_url=feed(feed_atom_pattern, c), feed_rss_url=feed(feed_rss_pattern, c)
        )
        for c in ISSUE_CATEGORIES
    }
    for article in articles:
        case = getattr(article, "case", None)
        if case is None:
            continue
        for category in categories_of(case.issues):
            topics[category].articles.append(article)
    for topic in topics.values():
        topic.articles.sort(key=lambda a: (a.date, a.url), reverse=True)
    return [t for t in topics.values() if t.articles]
