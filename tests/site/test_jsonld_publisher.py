"""schema.org: who signs and who publishes, consistent with the page."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support.pages import soup
from tests.support.sample import PIXMANIA_PAGE

TEAMS = {"La rédaction", "Allo C'Est Fini"}


def _articles(site: Path) -> list[tuple[str, dict]]:
    found = []
    for page in sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")):
        rel = page.relative_to(site).as_posix()
        for script in soup(site, rel).select('script[type="application/ld+json"]'):
            data = json.loads(script.string)
            if data.get("@type") == "Article":
                found.append((rel, data))
    assert len(found) >= 10
    return found


def test_every_article_has_the_magazine_as_publisher(built_site: Path, site_url: str) -> None:
    for page, article in _articles(built_site):
        publisher = article["publisher"]
        assert publisher["@type"] == "Organization", page
        assert publisher["name"] == "Allo C'Est Fini"
        assert publisher["url"] == f"{site_url}/"
        logo = publisher["logo"]["url"]
        assert logo.startswith(site_url + "/")
        assert (built_site / logo.removeprefix(site_url + "/")).is_file(), logo


def test_team_signatures_are_organizations(built_site: Path) -> None:
    types = {}
    for _, article in _articles(built_site):
        for author in article["author"]:
            types[author["name"]] = author["@type"]
    assert set(types) >= TEAMS, types
    assert all(types[name] == "Organization" for name in TEAMS), types


def test_the_headline_is_the_page_title(built_site: Path) -> None:
    page = soup(built_site, PIXMANIA_PAGE)
    (article,) = [a for p, a in _articles(built_site) if p == PIXMANIA_PAGE]
    assert article["headline"] == page.h1.get_text(strip=True)
    author_link = page.select_one('a[rel="author"]')
    assert article["author"][0]["url"] == author_link["href"]
