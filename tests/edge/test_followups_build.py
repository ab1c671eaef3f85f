"""A testimony with every kind of follow-up builds (production settings), its updates
written at the top of the front matter; broken follow-ups stop the build."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import feedparser
import pytest

from complaints.edge.messages import ContentProblems
from tests.support.builds import RunPelican
from tests.support.content import write
from tests.support.pages import soup

SITE = "https://allo.example"
BAD = Path(__file__).parents[1] / "bad_content"
FILE = "temoignages/temoignages/meubles-imaginaires-table.md"
PAGE = "2021/03/meubles-imaginaires-table/"
TESTIMONY = """---
title: "Meubles Imaginaires : une table jamais livrée"
date: 2021-03-10 09:00
category: Témoignages
tags: [livraison]
author: Allo C'Est Fini
slug: meubles-imaginaires-table
summary: "Une table payée, jamais livrée, puis remboursée en deux fois après publication."
testimony:
  merchant: meubles-imaginaires
  fictional: true
  experience_date: 2021-01-04
  order: {date: 2021-01-04, item: table en chêne, amount: {value: 450, currency: EUR}, channel: web}
  issues: [delivery.never]
  events:
    - {date: 2021-01-04, actor: consumer, kind: order, channel: web}
    - {date: 2021-01-22, actor: consumer, kind: complaint, channel: email}
  outcome: {status: open, resolution: none, recovered: {value: 0, currency: EUR}, as_of: 2021-03-10}
updates:
  - {date: 2021-03-12, kind: correction, text: "Une date était fausse.", wrong: "réclamation du 12 janvier", right: "réclamation du 22 janvier"}
  - {date: 2021-04, kind: merchant_reply, text: "Le marchand répond enfin.", approx: true}
  - {date: 2021-05-03, kind: outcome, text: "Un premier virement.", outcome: {status: partially_resolved, resolution: refund, recovered: {value: 200, currency: EUR}}}
  - {date: 2021-05..2021-06, kind: follow_up, text: "Relances pour le solde."}
  - {date: 2021-07-01, kind: outcome, text: "Le solde est versé.", outcome: {status: resolved, resolution: refund, recovered: {value: 450, currency: EUR}}}
---
Une table commandée en janvier.
"""


@pytest.fixture
def content(tiny_content: Path) -> Path:
    (tiny_content / "merchants" / "meubles-imaginaires.md").write_bytes(
        (BAD / "merchants" / "meubles-imaginaires.md").read_bytes()
    )
    write(tiny_content / FILE, TESTIMONY)
    return tiny_content


def test_every_kind_of_follow_up_builds_and_shows_the_latest_facts(
    run_pelican: RunPelican, content: Path
) -> None:
    output = run_pelican(content, config="publishconf.py", SITEURL=SITE)
    page = soup(output, PAGE + "index.html")
    assert page.select_one(".byline a.updated-link time")["datetime"] == "2021-07-01"
    assert page.select_one(".case-status").get_text() == "résolu"
    assert len(page.select("section.followups li.followup")) == 5
    assert len(page.select("li.timeline-publication ~ li")) == 5
    correction = page.select_one("dl.correction del").get_text().replace("\u00a0", " ")
    assert correction == "réclamation du 12 janvier"
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["dateModified"].startswith("2021-07-01")
    entries = feedparser.parse(str(output / "feeds/all.atom.xml")).entries
    entry = next(e for e in entries if e.link == f"{SITE}/{PAGE}")
    assert entry.updated.startswith("2021-07-01") and entry.published.startswith("2021-03-10")
    assert "Le solde est versé." in entry.content[0].value
    assert f"<loc>{SITE}/{PAGE}</loc>\n    <lastmod>2021-07-01</lastmod>" in (
        output / "sitemap.xml"
    ).read_text(encoding="utf-8")
    with (output / "donnees/csv/suivis.csv").open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert [r["status"] for r in rows] == ["", "", "partially_resolved", "", "resolved"]
    with (output / "donnees/temoignages.csv").open(encoding="utf-8", newline="") as stream:
        row = next(r for r in csv.DictReader(stream) if r["url"] == f"{SITE}/{PAGE}")
    assert (row["status"], row["recovered"], row["last_updated"]) == (
        "resolved",
        "450.00",
        "2021-07-01",
    )
    # the corrections log: every follow-up, newest first, in the page and its feeds
    log = soup(output, "suivi-des-dossiers/index.html")
    kinds = [li["class"][1] for li in log.select("ol.followups-log > li")]
    assert kinds == [
        "followup-outcome",
        "followup-follow-up",
        "followup-outcome",
        "followup-merchant-reply",
        "followup-correction",
    ]
    for kind in ("atom", "rss"):
        feed = feedparser.parse(str(output / f"feeds/suivis.{kind}.xml"))
        assert [e.link for e in feed.entries] == [
            f"{SITE}/{PAGE}#suivi-du-dossier-{n}" for n in (5, 4, 3, 2, 1)
        ]
    # one case: no « what publication changed » figure
    merchant = soup(output, "marchands/meubles-imaginaires/index.html")
    assert (
        "pas assez de témoignages" in merchant.select_one(".publication-effect").get_text().lower()
    )


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        ("date: 2021-03-12,", "date: 2021-02-12,", "updates[1].date"),
        ("date: 2021-07-01,", "date: 2021-04-20,", "updates[5].date"),
        ("kind: follow_up,", "kind: relance,", "updates[4].kind"),
        ("{status: resolved, resolution: refund, recovered: {value: 450, currency: EUR}}", "{status: resolved}", "updates[5].outcome.resolution"),
        (', wrong: "réclamation du 12 janvier", right: "réclamation du 22 janvier"', "", "updates[1].wrong"),
    ],
)  # fmt: skip
def test_a_broken_follow_up_stops_the_build_with_its_line(
    run_pelican: RunPelican, content: Path, tmp_path: Path, old: str, new: str, field: str
) -> None:
    write(content / FILE, TESTIMONY.replace(old, new, 1))
    with pytest.raises(ContentProblems) as raised:
        run_pelican(content, config="publishconf.py", SITEURL=SITE)
    (problem,) = raised.value.problems
    assert problem.field == field and problem.line is not None
    assert TESTIMONY.splitlines()[problem.line - 1].lstrip().startswith(("- ", "updates"))
    assert not (tmp_path / "output" / PAGE).exists()
