"""The corrections log « Suivi des dossiers » in the sample site: the page, its feeds,
the sitemap, the links to it; every follow-up of the open data is there, newest first."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import feedparser

from tests.support.pages import soup

LOG = "suivi-des-dossiers/index.html"
CORRECTED = "2023/03/maison-plumetis-rideaux-jamais-livres/"


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True).replace("\u202f", " "))


def _followups(site: Path) -> list[dict[str, str]]:
    with (site / "donnees/csv/suivis.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _newest_first(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [(r["testimony_url"], r["number"]) for r in sorted(rows, key=lambda r: r["date_start"], reverse=True)]  # fmt: skip


def test_the_log_lists_every_follow_up_newest_first(built_site: Path, site_url: str) -> None:
    page = soup(built_site, LOG)
    assert _text(page.h1) == "Suivi des dossiers"
    items = page.select("ol.followups-log > li.followup")
    rows = _followups(built_site)
    assert len(items) == len(rows) >= 5
    days = [li.select_one(".followup-when time")["datetime"] for li in items]
    assert days == sorted(days, reverse=True)
    for li in items:
        link = li.select_one(".followup-testimony a")
        assert link["href"].startswith(site_url + "/") and link["href"].endswith(
            "#suivi-du-dossier"
        )
        target = soup(built_site, link["href"][len(site_url) + 1 :].split("#")[0] + "index.html")
        assert target.select_one("#suivi-du-dossier") is not None
        assert _text(link) == _text(target.h1)
        assert li.select_one(".followup-kind") and li.select_one(".followup-text")
        assert "(exemple fictif)" in _text(li)  # every sample follow-up is about an invented case


def test_a_correction_in_the_log_shows_what_was_written_and_what_is_exact(built_site: Path) -> None:
    page = soup(built_site, LOG)
    corrections = page.select("li.followup-correction")
    assert len(corrections) == 2
    rideaux = next(
        li for li in corrections if CORRECTED in li.select_one(".followup-testimony a")["href"]
    )
    assert "421" in _text(rideaux.select_one("dl.correction del"))
    assert "412" in _text(rideaux.select_one("dl.correction ins"))


def test_the_log_feeds_have_one_entry_per_follow_up_linking_it(
    built_site: Path, site_url: str
) -> None:
    page = soup(built_site, LOG)
    rows = _followups(built_site)
    for kind in ("atom", "rss"):
        announced = page.select_one(f'link[rel=alternate][href$="suivis.{kind}.xml"]')
        assert announced["title"] == "Suivi des dossiers — Allo C’Est Fini"
        feed = feedparser.parse(str(built_site / f"feeds/suivis.{kind}.xml"))
        assert feed.feed.title == announced["title"]
        assert len(feed.entries) == len(rows)
        assert len({e.id for e in feed.entries}) == len(rows)
        expected = [f"{site_url}/{url.split('/', 3)[3]}#suivi-du-dossier-{n}" for url, n in _newest_first(rows)]  # fmt: skip
        assert [e.link for e in feed.entries] == expected
        for entry in feed.entries:
            path, anchor = entry.link[len(site_url) + 1 :].split("#")
            assert soup(built_site, path + "index.html").select_one(f"#{anchor}") is not None
            assert "Exemple fictif" in entry.get("content", [entry])[0].get("value", entry.get("summary"))  # fmt: skip
    atom = (built_site / "feeds/suivis.atom.xml").read_text(encoding="utf-8")
    newest = max(r["date_start"] for r in rows)
    assert f"<updated>{newest}T00:00:00" in atom


def test_the_log_is_in_the_sitemap_dated_by_the_newest_follow_up(
    built_site: Path, site_url: str
) -> None:
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    entry = re.search(rf"<loc>{re.escape(site_url)}/suivi-des-dossiers/</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap)  # fmt: skip
    assert entry is not None
    assert entry[1] == max(r["date_start"] for r in _followups(built_site))


def test_the_footer_and_each_case_follow_up_section_link_to_the_log(
    built_site: Path, site_url: str
) -> None:
    home = soup(built_site, "index.html")
    assert (
        home.select_one(f'footer a[href="{site_url}/suivi-des-dossiers/"]').get_text()
        == "Suivi des dossiers"
    )
    section = soup(built_site, CORRECTED + "index.html").select_one("#suivi-du-dossier")
    assert section.select_one(f'.followups-log-link a[href="{site_url}/suivi-des-dossiers/"]')
    assert section.select_one("li#suivi-du-dossier-1.followup-correction")
    log_footer = soup(built_site, LOG).select_one('footer a[aria-current="page"]')
    assert log_footer.get_text() == "Suivi des dossiers"
