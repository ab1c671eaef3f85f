"""schema.org descriptions: a testimony is about a store; the score is never a rating."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.pages import html_pages, soup
from tests.support.sample import PIXMANIA_PAGE


def jsonld(site: Path, page: str) -> list[dict]:
    scripts = soup(site, page).select('script[type="application/ld+json"]')
    return [json.loads(s.string) for s in scripts]


def test_testimony_is_an_article_about_the_merchant(built_site: Path, site_url: str) -> None:
    (article,) = [d for d in jsonld(built_site, PIXMANIA_PAGE) if d.get("@type") == "Article"]
    assert article["about"]["@type"] == "OnlineStore"
    assert article["about"]["name"] == "Pixmania"
    assert article["about"]["@id"] == f"{site_url}/marchands/pixmania/#marchand"
    assert article["datePublished"].startswith("2009-07-06")
    assert article["inLanguage"] == "fr"


def test_merchant_page_is_the_store_with_its_reviews(built_site: Path, site_url: str) -> None:
    (store,) = [
        d
        for d in jsonld(built_site, "marchands/techno-bazar-lunaire/index.html")
        if d.get("@type") == "OnlineStore"
    ]
    assert store["@id"] == f"{site_url}/marchands/techno-bazar-lunaire/#marchand"
    assert len(store["review"]) == 6
    assert all(r["url"].startswith(f"{site_url}/20") for r in store["review"])


def test_the_editorial_score_is_never_an_aggregate_rating(built_site: Path) -> None:
    for page in html_pages(built_site):
        text = page.read_text(encoding="utf-8")
        assert "AggregateRating" not in text and "ratingValue" not in text, page
