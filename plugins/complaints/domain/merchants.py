"""Merchants as the site shows them: a profile, its testimonies, its scorecard, its URLs.

Pure: the Pelican edge fills these objects; templates, feeds and data files read them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from complaints.domain.profiles import MerchantProfile
from complaints.domain.publication_effect import PublicationEffect, effect_of
from complaints.domain.scorecard import Scorecard, compute_scorecard
from complaints.domain.timeline import replies

MERCHANT_URL = "marchands/{slug}/"
MERCHANTS_INDEX_URL = "marchands/"


@dataclass
class Merchant:
    """A merchant page: what a profile says plus what the testimonies add up to.

    ``articles`` holds the published testimonies about the merchant, newest first;
    ``replies`` holds ``(article, event)`` pairs for its right-of-reply events.
    A merchant is public only once one of its testimonies is published: before that
    it has no URL and no feeds (a draft or hidden testimony names it without a link).
    """

    profile: MerchantProfile
    feed_atom_pattern: str | None = None
    feed_rss_pattern: str | None = None
    articles: list[Any] = field(default_factory=list)
    replies: list[tuple[Any, Any]] = field(default_factory=list)
    scorecard: Scorecard | None = None
    publication_effect: PublicationEffect | None = None
    jsonld: dict[str, Any] | None = None  # set by the Pelican edge with the page

    slug = property(lambda self: self.profile.slug)
    name = property(lambda self: self.profile.name)
    website = property(lambda self: self.profile.website)
    country = property(lambda self: self.profile.country)
    logo = property(lambda self: self.profile.logo)
    description = property(lambda self: self.profile.description)
    fictional = property(lambda self: self.profile.fictional)

    @property
    def public(self) -> bool:
        """True once at least one testimony about the merchant is published."""
        return bool(self.articles)

    @property
    def url(self) -> str:
        """Path of the merchant page relative to SITEURL, e.g. ``marchands/pixmania/``;
        "" while the merchant is not public."""
        return MERCHANT_URL.format(slug=self.slug) if self.public else ""

    @property
    def save_as(self) -> str:
        """File the merchant page is written to."""
        return self.url + "index.html" if self.url.endswith("/") else self.url

    @property
    def feed_atom_url(self) -> str | None:
        """Path of the merchant's Atom feed, or None when feeds are off or not public."""
        if not (self.feed_atom_pattern and self.public):
            return None
        return self.feed_atom_pattern.format(slug=self.slug)

    @property
    def feed_rss_url(self) -> str | None:
        """Path of the merchant's RSS feed, or None when feeds are off or not public."""
        if not (self.feed_rss_pattern and self.public):
            return None
        return self.feed_rss_pattern.format(slug=self.slug)

    def __str__(self) -> str:
        return self.name


def build_merchants(
    profiles: Mapping[str, MerchantProfile],
    articles: Iterable[Any],
    *,
    feed_atom_pattern: str | None = None,
    feed_rss_pattern: str | None = None,
) -> list[Merchant]:
    """Group published testimonies by merchant and compute each scorecard once.

    ``articles`` are objects with ``case`` (a Testimony), ``facts`` (CaseFacts) and
    ``date``; those without a case are ignored. Returns every profile's merchant,
    sorted by name; those without a published testimony are not :attr:`Merchant.public`
    (see :func:`public_merchants`).
    """
    merchants = {
        slug: Merchant(
            profile, feed_atom_pattern=feed_atom_pattern, feed_rss_pattern=feed_rss_pattern
        )
        for slug, profile in profiles.items()
    }
    for article in articles:
        case = getattr(article, "case", None)
        if case is None:
            continue
        merchant = merchants[case.merchant]
        merchant.articles.append(article)
        merchant.replies.extend((article, event) for event in replies(case))
    for merchant in merchants.values():
        merchant.articles.sort(key=lambda a: a.date, reverse=True)
        merchant.scorecard = compute_scorecard([a.facts for a in merchant.articles])
        merchant.publication_effect = effect_of(merchant.articles)
    return sorted(merchants.values(), key=lambda m: m.name.casefold())


def public_merchants(merchants: Iterable[Merchant]) -> list[Merchant]:
    """The merchants the site may name: those with a published testimony."""
    return [merchant for merchant in merchants if merchant.public]


def recount(merchant: Merchant, articles: Iterable[Any]) -> None:
    """Compute a merchant's replies, scorecard and publication effect again from the
    published ``articles`` (in the order :func:`build_merchants` had them), after one of
    its testimonies was read again with the same merchant and date (the preview's warm
    path)."""
    merchant.replies = [
        (article, event)
        for article in articles
        if getattr(article, "case", None) is not None and article.case.merchant == merchant.slug
        for event in replies(article.case)
    ]
    merchant.scorecard = compute_scorecard([a.facts for a in merchant.articles])
    merchant.publication_effect = effect_of(merchant.articles)
