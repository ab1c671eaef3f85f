"""« Ce que la publication a changé » recomputed from the published open data alone
(``csv/suivis.csv`` and ``temoignages.csv``) equals what the merchants' pages, the
merchants' index and ``marchands.json`` say."""

from __future__ import annotations

import csv
import json
import re
from collections import defaultdict
from datetime import date
from pathlib import Path
from statistics import median

from complaints.domain import rules
from tests.support.pages import soup

SOLVED = {"resolved", "partially_resolved"}


def _rows(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "donnees" / name).open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def _delay(testimony: dict[str, str], followups: list[dict[str, str]]) -> int | None:
    """Days from publication to the first merchant answer or solved status, as the
    Méthodologie page says, read from the CSV cells only."""
    published = date.fromisoformat(testimony["date_published"])
    status = testimony["status_at_publication"]
    for row in sorted(followups, key=lambda r: int(r["number"])):
        moved = row["kind"] == "merchant_reply"
        if row["status"]:
            moved = moved or (row["status"] in SOLVED and row["status"] != status)
            status = row["status"]
        if moved:
            return max(0, (date.fromisoformat(row["date_start"]) - published).days)
    return None


def _recomputed(site: Path) -> tuple[dict[str, tuple], tuple]:
    followups = defaultdict(list)
    for row in _rows(site, "csv/suivis.csv"):
        followups[row["testimony_url"]].append(row)
    delays = defaultdict(list)
    for testimony in _rows(site, "temoignages.csv"):
        delays[testimony["merchant"]].append(_delay(testimony, followups[testimony["url"]]))

    def figures(values: list[int | None]) -> tuple:
        if len(values) < rules.MIN_CASES_FOR_SCORE:
            return (len(values), None, None)
        moves = [v for v in values if v is not None]
        return (len(values), len(moves), median(moves) if moves else None)

    every = [d for values in delays.values() for d in values]
    return {slug: figures(values) for slug, values in delays.items()}, figures(every)


def _shown(section) -> tuple:
    text = re.sub(r"\s+", " ", section.get_text(" ")).replace("\u202f", " ").replace("\u00a0", " ")
    found = re.search(r"\((\d+) publiés?\)", text) or re.search(
        r"sur (\d+) dossiers? publiés?", text
    )
    cases = int(found[1])
    if "pas assez de témoignages" in text.lower():
        return (cases, None, None)
    moved = int(re.search(r"après publication (\d+) sur", text)[1])
    days = re.search(r"([\d,]+) jours?", text)
    return (cases, moved, float(days[1].replace(",", ".")) if days else None)


def test_every_merchant_figure_recomputes_from_the_open_data(built_site: Path) -> None:
    per_merchant, whole_site = _recomputed(built_site)
    records = json.loads((built_site / "donnees/marchands.json").read_text(encoding="utf-8"))
    assert {r["slug"] for r in records["merchants"]} == set(per_merchant)
    for record in records["merchants"]:
        expected = per_merchant[record["slug"]]
        published = (
            record["after_publication_cases"],
            record["after_publication_moved"],
            record["after_publication_median_days"],
        )
        assert published == expected, record["slug"]
        page = soup(built_site, f"marchands/{record['slug']}/index.html")
        assert _shown(page.select_one(".scorecard .publication-effect")) == expected, record["slug"]
    index = soup(built_site, "marchands/index.html")
    assert _shown(index.select_one(".publication-effect")) == whole_site


def test_the_sample_site_shows_a_move_and_the_threshold(built_site: Path) -> None:
    per_merchant, whole_site = _recomputed(built_site)
    assert per_merchant["techno-bazar-lunaire"][1] >= 1  # the graphics card's answer
    assert per_merchant["pixmania"] == (1, None, None)  # one case: no figure
    page = soup(built_site, "marchands/pixmania/index.html")
    assert "pas assez de témoignages" in page.select_one(".publication-effect").get_text().lower()
    assert whole_site[1] >= 1 and whole_site[0] == len(_rows(built_site, "temoignages.csv"))
