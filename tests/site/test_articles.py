"""The testimony pages, as a reader sees them on the production build."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.pages import html_pages, local_path, soup, visible_text
from tests.support.sample import PIXMANIA_PAGE


@pytest.fixture(scope="module")
def pixmania(built_site: Path):
    return soup(built_site, PIXMANIA_PAGE)


def test_pixmania_page_has_section_title_and_french_byline(pixmania) -> None:
    assert pixmania.h1 is not None
    assert "Pixmania" in pixmania.h1.get_text()
    text = " ".join(pixmania.get_text(" ").split())
    assert "Publié le 6 juillet 2009 par Allo C'Est Fini" in text
    section_links = [a for a in pixmania.select("a[href]") if "/rubriques/" in a["href"]]
    assert any(a.get_text(strip=True) == "Témoignages" for a in section_links)


def test_pixmania_page_names_the_merchant_with_its_logo(pixmania, site_url: str) -> None:
    merchant_links = pixmania.select(f'a[href="{site_url}/marchands/pixmania/"]')
    assert merchant_links, "no link to the merchant page"
    logo = pixmania.select_one('img[src$="pixmania.svg"]')
    assert logo is not None and "Pixmania" in logo["alt"]


def test_pixmania_page_lists_the_lessons(pixmania) -> None:
    lessons = pixmania.select("ul.lessons > li")
    assert len(lessons) == 3
    assert all(li.get_text(strip=True) for li in lessons)


def test_pixmania_page_links_back_to_the_front_page(pixmania, site_url: str) -> None:
    assert pixmania.find("a", href=f"{site_url}/", string=lambda s: s and "Retour à la une" in s)


def test_pixmania_page_has_an_author_box(pixmania, built_site: Path, site_url: str) -> None:
    box = pixmania.select_one("aside.author-box")
    assert box is not None
    assert "Allo C'Est Fini" in box.get_text()
    hrefs = [a["href"] for a in box.select("a[href]")]
    assert f"{site_url}/auteurs/allo-cest-fini/" in hrefs
    assert any(
        h.startswith("https://") and "allo-cest-fini" in h and site_url not in h for h in hrefs
    )
    assert (built_site / "auteurs/allo-cest-fini/index.html").exists()


def test_pixmania_page_shows_the_case_box_and_timeline(pixmania) -> None:
    case = pixmania.select_one("section.case")
    assert case is not None
    summary = visible_text(case)
    # Babel's French currency format: a no-break space (U+00A0) before the sign
    assert "plus de 900\u00a0€" in summary
    assert "Colissimo" in summary
    timeline = case.select_one("ol.timeline")
    assert timeline is not None
    datetimes = [t["datetime"] for t in timeline.select("time[datetime]")]
    assert "2008-07-13" in datetimes
    assert "2008-07" in datetimes


def test_every_testimony_renders_its_timeline(built_site: Path) -> None:
    articles = [p for p in html_pages(built_site) if p.parent.parent.parent.name.isdigit()]
    assert len(articles) >= 11
    for page in articles:
        doc = soup(built_site, str(page.relative_to(built_site)))
        items = doc.select("section.case ol.timeline > li")
        assert items, f"{page} has no timeline"
        assert all(li.find("time") for li in items), f"{page}: an event without a <time>"


def test_fictional_testimonies_say_so(built_site: Path) -> None:
    for page in built_site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"):
        text = page.read_text(encoding="utf-8")
        if "pixmania" in page.parent.name:
            assert "fictif" not in text.lower()
        else:
            assert "Exemple fictif" in text, f"{page} does not say it is fictional"


def test_every_page_is_french(built_site: Path) -> None:
    pages = html_pages(built_site)
    assert len(pages) > 30
    for page in pages:
        html = soup(built_site, str(page.relative_to(built_site))).html
        assert html is not None and html.get("lang") == "fr", page


def test_internal_links_of_the_pixmania_page_exist(
    pixmania, built_site: Path, site_url: str
) -> None:
    for a in pixmania.select("a[href]"):
        if a["href"].startswith(site_url):
            assert local_path(built_site, a["href"], site_url).exists(), a["href"]
