"""Front page, sections, tags, authors and archives on the production build."""

from __future__ import annotations

from pathlib import Path

from tests.support.pages import local_path, soup
from tests.support.sample import PIXMANIA_PAGE


def article_links(doc, siteurl: str) -> set[str]:
    return {
        a["href"]
        for a in doc.select("main .cards a[href]")  # the list, not the featured story
        if a["href"].startswith(siteurl + "/")
        and a["href"].removeprefix(siteurl + "/")[:4].isdigit()
    }


def test_front_page_lists_the_latest_testimonies_with_merchant_status_and_summary(
    built_site: Path,
) -> None:
    front = soup(built_site, "index.html")
    entries = front.select("main .cards article")
    assert 1 <= len(entries) <= 10
    first = " ".join(entries[0].get_text(" ").split())
    assert "2026" in first  # newest first
    for entry in entries:
        assert entry.select_one('a[href*="/marchands/"]'), "entry without its merchant"
        assert entry.select_one(".badge"), "entry without its status"
        assert entry.select_one("p"), "entry without its summary"


def test_front_page_paginates(built_site: Path, site_url: str) -> None:
    front = soup(built_site, "index.html")
    second = built_site / "page/2/index.html"
    assert second.exists()
    assert front.find("a", href=f"{site_url}/page/2/")
    page2 = soup(built_site, "page/2/index.html")
    assert page2.select("main article")
    assert not article_links(front, site_url) & article_links(page2, site_url)


def test_sections_tags_and_authors_link_to_their_articles(built_site: Path, site_url: str) -> None:
    pixmania_url = f"{site_url}/{PIXMANIA_PAGE.removesuffix('index.html')}"
    for listing in (
        "rubriques/temoignages/index.html",
        "etiquettes/livraison/index.html",
        "auteurs/allo-cest-fini/index.html",
    ):
        assert (built_site / listing).exists(), listing
        links = article_links(soup(built_site, listing), site_url)
        assert links, f"{listing} links no article"
        for href in links:
            assert local_path(built_site, href, site_url).exists(), href
    assert pixmania_url in article_links(
        soup(built_site, "auteurs/allo-cest-fini/index.html"), site_url
    )


def test_archives_and_indexes_exist(built_site: Path) -> None:
    for path in (
        "archives/index.html",
        "404.html",
        "rubriques/index.html",
        "etiquettes/index.html",
        "auteurs/index.html",
        "a-propos/index.html",
        "methodologie/index.html",
        "mentions-legales/index.html",
        "droit-de-reponse/index.html",
    ):
        assert (built_site / path).exists(), path


def test_dates_are_french(built_site: Path) -> None:
    archives = " ".join(soup(built_site, "archives/index.html").get_text(" ").split())
    assert "6 juillet 2009" in archives
    assert "July" not in archives
