"""schema.org descriptions (JSON-LD) of testimonies and merchants.

A testimony is an ``Article`` whose ``about`` is the merchant (an ``OnlineStore``); a
merchant page is the ``OnlineStore`` with its testimonies as ``Review`` items. The
editorial score is never published as an ``AggregateRating``: it is not a rating
given by reviewers, and search engines would treat it as one.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from complaints.present.escaping import is_safe_url


def absolute_url(siteurl: str, url: str) -> str:
    """A site path made absolute with SITEURL (root-relative when SITEURL is empty)."""
    return f"{siteurl}/{url}" if siteurl else f"/{url}"


def store_reference(merchant: Any, siteurl: str) -> dict[str, Any]:
    """The short OnlineStore node used inside other descriptions."""
    node: dict[str, Any] = {
        "@type": "OnlineStore",
        "@id": absolute_url(siteurl, merchant.url) + "#marchand",
        "name": merchant.name,
    }
    if is_safe_url(merchant.website):
        node["sameAs"] = merchant.website
    return node


def _person(author: Any, siteurl: str, profiles: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """An author: a ``Person``, or an ``Organization`` when its profile has
    ``kind: organization`` (a team signature such as « La rédaction »)."""
    profile = (profiles or {}).get(getattr(author, "slug", ""))
    kind = "Organization" if getattr(profile, "kind", "") == "organization" else "Person"
    return {"@type": kind, "name": str(author), "url": absolute_url(siteurl, author.url)}


def publisher(sitename: str, siteurl: str, logo: str) -> dict[str, Any]:
    """The magazine as the ``Organization`` that publishes every article."""
    return {
        "@type": "Organization",
        "name": sitename,
        "url": absolute_url(siteurl, ""),
        "logo": {"@type": "ImageObject", "url": absolute_url(siteurl, logo)},
    }


def article_jsonld(
    article: Any,
    siteurl: str,
    *,
    profiles: Mapping[str, Any] | None = None,
    publisher: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The Article node for one testimony page (authors typed from their profiles)."""
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "url": absolute_url(siteurl, article.url),
        "datePublished": article.date.isoformat(),
        "dateModified": getattr(article, "modified", article.date).isoformat(),
        "inLanguage": "fr",
        "articleSection": str(article.category),
        "author": [_person(a, siteurl, profiles) for a in getattr(article, "authors", [])],
    }
    if publisher is not None:
        data["publisher"] = publisher
    merchant = getattr(article, "merchant", None)
    if merchant is not None and getattr(merchant, "public", True):  # never name a merchant early
        data["about"] = store_reference(merchant, siteurl)
    return data


def merchant_jsonld(
    merchant: Any, siteurl: str, *, profiles: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    """The OnlineStore node of a merchant page, its testimonies linked as reviews."""
    data = {"@context": "https://schema.org", **store_reference(merchant, siteurl)}
    data["url"] = absolute_url(siteurl, merchant.url)
    data["review"] = [
        {
            "@type": "Review",
            "name": article.title,
            "url": absolute_url(siteurl, article.url),
            "datePublished": article.date.isoformat(),
            "inLanguage": "fr",
            "author": [_person(a, siteurl, profiles) for a in getattr(article, "authors", [])],
        }
        for article in merchant.articles
    ]
    return data
