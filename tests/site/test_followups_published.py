"""Follow-ups after publication, as readers, aggregators and data users see them in the
sample site: the page, its feeds' entries, the sitemap, the open data, the scorecard."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import feedparser
import openpyxl

from complaints.outputs.opendata import FOLLOWUP_COLUMNS
from tests.support.pages import soup

REFUNDED = "2021/09/techno-bazar-lunaire-carte-graphique-remboursement/"
REMINDED = "2025/03/techno-bazar-lunaire-casque-contrefait/"
CORRECTED = "2023/03/maison-plumetis-rideaux-jamais-livres/"
PIXMANIA = "2009/07/pixmania-camescope-livre-chez-un-autre/"


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True).replace("\u202f", " "))


def test_the_page_says_when_it_was_updated_and_links_to_the_follow_ups(built_site: Path) -> None:
    page = soup(built_site, REFUNDED + "index.html")
    link = page.select_one(".byline a.updated-link")
    assert _text(link) == "mis à jour le 4 octobre 2021"
    assert link.time["datetime"] == "2021-10-04"
    section = page.select_one(link["href"])
    assert section is not None and "Suivi du dossier" in _text(section.h2)
    items = section.select("li.followup")
    assert [_text(li.select_one(".followup-kind")) for li in items] == [
        "Réponse du marchand après publication",
        "Correction",
        "Dénouement",
    ]
    correction = items[1].select_one("dl.correction")
    assert _text(correction.select_one("del")) == "un paiement par carte bancaire"
    assert "virement" in _text(correction.select_one("ins"))
    outcome = _text(items[2].select_one(".followup-new-outcome"))
    assert "résolu (remboursement, 1 149 € récupérés)" in outcome.replace("\u00a0", " ")
    assert "auparavant : en cours" in outcome


def test_the_case_box_and_timeline_show_the_latest_facts(built_site: Path) -> None:
    page = soup(built_site, REFUNDED + "index.html")
    assert _text(page.select_one(".case-status")) == "résolu"
    assert _text(page.select_one(".merchant-strip .badge")) == "résolu"
    timeline = page.select("ol.timeline > li")
    marker = next(i for i, li in enumerate(timeline) if "timeline-publication" in li["class"])
    assert "Publication du témoignage" in _text(timeline[marker])
    before, after = timeline[:marker], timeline[marker + 1 :]
    assert len(after) == 3 and all("timeline-after" in li["class"] for li in after)
    assert all(li.time["datetime"] < "2021-09-13" for li in before)
    assert "3 mois après le premier signalement" in _text(page.select_one("dl.case-summary"))


def test_a_right_of_reply_after_publication_follows_the_marker(built_site: Path) -> None:
    page = soup(built_site, REMINDED + "index.html")
    after = page.select_one("li.timeline-publication").find_next_siblings("li")
    assert [li.time["datetime"] for li in after] == ["2025-04-02", "2025-05"]
    assert "droit de réponse" in _text(after[0])
    assert _text(page.select_one(".byline a.updated-link")) == "mis à jour en mai 2025"
    assert _text(page.select_one(".case-status")) == "en cours"


def test_a_page_without_follow_ups_has_neither_link_nor_section(built_site: Path) -> None:
    page = soup(built_site, PIXMANIA + "index.html")
    assert page.select_one("a.updated-link") is None
    assert page.select_one("section.followups") is None
    assert page.select_one("li.timeline-publication") is None


def test_json_ld_is_modified_at_the_last_follow_up(built_site: Path) -> None:
    page = soup(built_site, REFUNDED + "index.html")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["datePublished"].startswith("2021-09-13")
    assert data["dateModified"].startswith("2021-10-04")


def test_feed_entries_carry_the_update_date_and_the_follow_ups(
    built_site: Path, site_url: str
) -> None:
    link = f"{site_url}/{REFUNDED}"
    atom = feedparser.parse(str(built_site / "feeds/all.atom.xml"))
    entry = next(e for e in atom.entries if e.link == link)
    assert entry.updated.startswith("2021-10-04") and entry.published.startswith("2021-09-13")
    content = entry.content[0].value
    assert 'class="notice-updated"' in content and "Dénouement" in content
    assert 'class="followups"' in content and "<del>" in content
    rss = feedparser.parse(str(built_site / "feeds/all.rss.xml"))
    item = next(e for e in rss.entries if e.link == link)
    assert 'class="notice-updated"' in item.description and 'class="followups"' in item.description
    other = next(e for e in atom.entries if e.link == f"{site_url}/{PIXMANIA}")
    assert other.updated == other.published


def test_the_sitemap_dates_a_page_by_its_last_follow_up(built_site: Path, site_url: str) -> None:
    text = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    for page, day in (
        (REFUNDED, "2021-10-04"),
        (CORRECTED, "2023-04-03"),
        (REMINDED, "2025-05-01"),
    ):
        assert f"<loc>{site_url}/{page}</loc>\n    <lastmod>{day}</lastmod>" in text, page


def _csv(site: Path, name: str) -> list[dict[str, str]]:
    with (site / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_open_data_has_the_last_update_and_one_row_per_follow_up(
    built_site: Path, site_url: str
) -> None:
    testimonies = {row["url"]: row for row in _csv(built_site, "donnees/temoignages.csv")}
    refunded = testimonies[f"{site_url}/{REFUNDED}"]
    assert (refunded["status"], refunded["status_at_publication"]) == ("resolved", "open")
    assert refunded["last_updated"] == "2021-10-04" and refunded["recovered"] == "1149.00"
    assert testimonies[f"{site_url}/{PIXMANIA}"]["last_updated"] == ""
    rows = _csv(built_site, "donnees/csv/suivis.csv")
    assert list(rows[0]) == list(FOLLOWUP_COLUMNS)
    assert [(r["testimony_url"].removeprefix(site_url + "/"), r["kind"]) for r in rows] == [
        (REFUNDED, "merchant_reply"),
        (REFUNDED, "correction"),
        (REFUNDED, "outcome"),
        (CORRECTED, "correction"),
        (REMINDED, "follow_up"),
    ]
    data = json.loads((built_site / "donnees/json/suivis.json").read_text(encoding="utf-8"))
    assert [(r["testimony_url"], r["number"], r["kind"]) for r in data] == [
        (r["testimony_url"], int(r["number"]), r["kind"]) for r in rows
    ]
    sheet = openpyxl.load_workbook(built_site / "donnees/temoignages.xlsx")["Suivis"]
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == list(FOLLOWUP_COLUMNS) and len(table) == len(rows) + 1


def test_the_scorecard_counts_the_current_outcome(built_site: Path, site_url: str) -> None:
    merchants = json.loads((built_site / "donnees/marchands.json").read_text(encoding="utf-8"))
    techno = next(m for m in merchants["merchants"] if m["slug"] == "techno-bazar-lunaire")
    rows = [
        r
        for r in _csv(built_site, "donnees/temoignages.csv")
        if r["merchant"] == "techno-bazar-lunaire"
    ]
    assert techno["n_resolved"] == sum(r["status"] == "resolved" for r in rows)
    assert techno["n_open"] == sum(r["status"] == "open" for r in rows)
    assert any(r["status"] != r["status_at_publication"] for r in rows)
