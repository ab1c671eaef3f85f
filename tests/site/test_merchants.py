"""Merchant pages, the merchant index, open data and drafts on the production build."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from complaints.domain.scorecard import round_score, shrunk_score
from tests.support.content import content_drafts
from tests.support.pages import soup
from tests.support.sample import CONTENT


@pytest.fixture(scope="module")
def merchants_json(built_site: Path) -> dict:
    return json.loads((built_site / "donnees/marchands.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def csv_rows(built_site: Path) -> list[dict[str, str]]:
    with (built_site / "donnees/temoignages.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def merchant_list(data: dict) -> list[dict]:
    """marchands.json is an object: {"generated": …, "merchants": [one record each]}."""
    assert isinstance(data, dict) and isinstance(data["merchants"], list)
    return data["merchants"]


def published_articles(site: Path) -> list[Path]:
    return sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))


def test_every_merchant_with_a_published_testimony_has_a_page_and_feeds(
    built_site: Path, csv_rows, site_url: str
) -> None:
    profiles = sorted(p.stem for p in (CONTENT / "merchants").glob("*.md"))
    published = {row["merchant"] for row in csv_rows}
    assert "pixmania" in published and len(published) >= 6
    index = soup(built_site, "marchands/index.html")
    for slug in profiles:
        public = slug in published  # a merchant is public only with a published testimony
        assert (built_site / f"marchands/{slug}/index.html").exists() == public, slug
        assert (built_site / f"feeds/marchands/{slug}.atom.xml").exists() == public, slug
        assert (built_site / f"feeds/marchands/{slug}.rss.xml").exists() == public, slug
        link = index.find("a", href=f"{site_url}/marchands/{slug}/")
        assert (link is not None) == public, f"{slug} in the index: {link is not None}"


def test_pixmania_page_shows_one_testimony_and_no_score(built_site: Path, site_url: str) -> None:
    page = soup(built_site, "marchands/pixmania/index.html")
    text = " ".join(page.get_text(" ").split())
    assert "publiées à partir de 3 témoignages" in text
    assert page.select_one("details.detailed-stats") is None
    assert "Note" not in [dt.get_text(" ", strip=True) for dt in page.select("dl dt")]
    assert page.find("a", href=f"{site_url}/2009/07/pixmania-camescope-livre-chez-un-autre/")
    listed = page.select("main ul.testimonies > li")
    assert len(listed) == 1


def test_index_has_a_row_per_merchant(built_site: Path, merchants_json) -> None:
    rows = soup(built_site, "marchands/index.html").select("table tbody tr")
    assert len(rows) == len(merchant_list(merchants_json))


def test_csv_has_one_row_per_published_testimony(built_site: Path, csv_rows, site_url: str) -> None:
    urls = {row["url"] for row in csv_rows}
    pages = {
        f"{site_url}/{p.parent.relative_to(built_site).as_posix()}/"
        for p in published_articles(built_site)
    }
    assert urls == pages
    assert len(csv_rows) == len(pages)
    assert list(csv_rows[0]) == [
        "url",
        "title",
        "date_published",
        "experience_date",
        "merchant",
        "issues",
        "status",
        "resolution",
        "amount",
        "amount_qualifier",
        "currency",
        "recovered",
        "recovered_qualifier",
        "recovered_currency",
        "days_to_first_answer",
        "days_to_resolution",
        "days_open",
        "days_followed",
        "broken_promises",
        "case_points",
        "not_recovered",
        "fictional",
        "status_at_publication",
        "last_updated",
    ]


def test_scores_can_be_recomputed_from_the_csv(merchants_json, csv_rows) -> None:
    points = defaultdict(list)
    for row in csv_rows:
        points[row["merchant"]].append(float(row["case_points"]))
    for record in merchant_list(merchants_json):
        cases = points.get(record["slug"], [])
        if len(cases) < 3:
            assert record["score"] is None, record["slug"]
        else:
            assert record["score"] == round_score(shrunk_score(cases)), record["slug"]


def test_pixmania_row_matches_its_case(csv_rows) -> None:
    row = next(r for r in csv_rows if r["merchant"] == "pixmania")
    assert row["status"] == "open"
    assert row["broken_promises"] == "1"
    assert row["case_points"] == "0"
    assert row["experience_date"] == "2008-07-13"
    assert int(row["days_to_first_answer"]) > 300
    assert int(row["days_open"]) > 365


def test_no_draft_anywhere(built_site: Path) -> None:
    drafts = content_drafts(CONTENT)
    assert drafts, "the sample content should keep one draft to prove it stays out"
    assert not (built_site / "brouillons").exists() and not (built_site / "drafts").exists()
    for _, title, slug in drafts:
        for produced in built_site.rglob("*"):
            if produced.is_file() and produced.suffix in {".html", ".xml", ".json", ".csv", ".txt"}:
                text = produced.read_text(encoding="utf-8")
                assert slug not in text, f"draft {slug} leaks into {produced}"
                assert title not in text, f"draft {title!r} leaks into {produced}"


# Points of each Techno-Bazar Lunaire case, worked out by hand from its events:
# resolved 60 / partially 30; first answer within 15 days 25, 30 days 15, 60 days 5;
# no broken promise 15.
TECHNO_BAZAR_BY_HAND = {
    "techno-bazar-lunaire-disque-dur-perdu": 60 + 25 + 15,  # answered after 1 day
    "techno-bazar-lunaire-ordinateur-garantie-refusee": 0 + 25 + 0,  # promise of 2012-04-02 broken
    "techno-bazar-lunaire-double-prelevement": 60 + 25 + 15,  # answered after 2 days
    "techno-bazar-lunaire-televiseur-abime": 30 + 15 + 15,  # the ack does not count: 21 days
    # refunded after publication (follow-up of 2021-10-04); its first answer, after
    # publication, came 94 days after the complaint
    "techno-bazar-lunaire-carte-graphique-remboursement": 60 + 0 + 15,
    "techno-bazar-lunaire-casque-contrefait": 0 + 25 + 0,  # promise of 2025-02-12 broken
}


def test_techno_bazar_score_is_the_one_its_cases_give_by_hand(
    built_site: Path, merchants_json, csv_rows
) -> None:
    rows = {
        r["url"].rstrip("/").rsplit("/", 1)[1]: r
        for r in csv_rows
        if r["merchant"] == "techno-bazar-lunaire"
    }
    assert {slug: int(rows[slug]["case_points"]) for slug in rows} == TECHNO_BAZAR_BY_HAND
    expected = (5 * 50 + sum(TECHNO_BAZAR_BY_HAND.values())) / (5 + 6)  # 635 / 11
    assert expected == pytest.approx(57.73, abs=0.01)
    record = next(r for r in merchant_list(merchants_json) if r["slug"] == "techno-bazar-lunaire")
    assert record["score"] == 57.7
    page = " ".join(
        soup(built_site, "marchands/techno-bazar-lunaire/index.html").get_text(" ").split()
    )
    assert "57,7" in page
    assert "6 témoignages" in page


def test_merchant_page_shows_replies_bar_chart_and_feeds(built_site: Path, site_url: str) -> None:
    page = soup(built_site, "marchands/techno-bazar-lunaire/index.html")
    replies = page.select_one("section.replies")
    assert replies is not None
    assert replies.find("a", href=f"{site_url}/2025/03/techno-bazar-lunaire-casque-contrefait/")
    chart = [
        t for t in page.select("table") if t.find("th", string=lambda s: s and "Livraison" in s)
    ]
    assert chart, "issue categories are not readable as a table"
    feeds = {link["href"] for link in page.select('link[rel="alternate"]')}
    assert f"{site_url}/feeds/marchands/techno-bazar-lunaire.atom.xml" in feeds
    assert f"{site_url}/feeds/marchands/techno-bazar-lunaire.rss.xml" in feeds
    text = " ".join(page.get_text(" ").split()).lower()
    assert "représentatif" in text  # the caveat beside the score


def test_money_not_recovered_can_be_recomputed_from_the_csv(merchants_json, csv_rows) -> None:
    from decimal import Decimal

    lost: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for row in csv_rows:
        if row["not_recovered"]:
            per = lost[row["merchant"]]
            per[row["currency"]] = per.get(row["currency"], Decimal(0)) + Decimal(
                row["not_recovered"]
            )
    for record in merchant_list(merchants_json):
        expected = {c: float(v) for c, v in lost.get(record["slug"], {}).items()}
        assert record["money_not_recovered"] == expected, record["slug"]


def test_open_data_says_which_merchants_are_invented(merchants_json, csv_rows) -> None:
    flags = {r["slug"]: r["fictional"] for r in merchant_list(merchants_json)}
    assert flags["pixmania"] is False
    assert all(flag for slug, flag in flags.items() if slug != "pixmania")
    assert {r["merchant"] for r in csv_rows if r["fictional"] == "false"} == {"pixmania"}
