"""The Pelican edge, tested in process on a tiny content folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints.edge.messages import ContentProblems
from tests.support.builds import RunPelican
from tests.support.content import replace_in
from tests.support.pages import soup
from tests.support.sample import PIXMANIA, PIXMANIA_PAGE

SITE = "https://allo.example"
DRAFT = """---
title: "Brouillon : une autre histoire"
date: 2010-01-05
status: draft
category: Témoignages
author: Allo C'Est Fini
testimony:
  merchant: pixmania
  experience_date: 2009-12-01
  order: {date: 2009-12-01, item: lampe, channel: web}
  issues: [delivery.late]
  events:
    - {date: 2009-12-01, actor: consumer, kind: order, channel: web}
    - {date: 2009-12-10, actor: consumer, kind: complaint, channel: email}
  outcome: {status: open, resolution: none, as_of: 2010-01-04}
---
Un colis attendu.
"""


def jsonld(soup: BeautifulSoup) -> list[dict]:
    return [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]


def test_the_case_box_is_inserted_once_into_the_body(
    run_pelican: RunPelican, tiny_content: Path
) -> None:
    output = run_pelican(tiny_content)
    body = soup(output, PIXMANIA_PAGE).select_one(".article-body")
    assert body is not None
    (box,) = body.select("section.case")
    assert "plus de 900\u00a0€" in box.get_text(" ")
    assert box.select_one("ol.timeline") is not None


def test_the_merchant_page_and_index_are_written(
    run_pelican: RunPelican, tiny_content: Path
) -> None:
    output = run_pelican(tiny_content, SITEURL=SITE, RELATIVE_URLS=False)
    merchant = soup(output, "marchands/pixmania/index.html")
    assert merchant.select_one("h1").get_text(strip=True) == "Pixmania"
    (store,) = jsonld(merchant)
    assert store["@type"] == "OnlineStore"
    assert [r["url"] for r in store["review"]] == [
        f"{SITE}/2009/07/pixmania-camescope-livre-chez-un-autre/"
    ]
    index = soup(output, "marchands/index.html")
    assert [a["href"] for a in index.select("tbody th a")] == [f"{SITE}/marchands/pixmania/"]
    data = json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8"))
    assert [m["slug"] for m in data["merchants"]] == ["pixmania"]


def test_a_draft_gets_the_same_jsonld_as_a_published_testimony(
    run_pelican: RunPelican, tiny_content: Path
) -> None:
    (tiny_content / "temoignages/temoignages/brouillon.md").write_text(DRAFT, encoding="utf-8")
    output = run_pelican(tiny_content)
    (draft,) = jsonld(soup(output, "brouillons/brouillon/index.html"))
    (published,) = jsonld(soup(output, PIXMANIA_PAGE))
    for description in (draft, published):
        assert description["@type"] == "Article"
        assert description["about"]["@type"] == "OnlineStore"
        assert description["about"]["@id"] == "/marchands/pixmania/#marchand"
    assert draft["url"] == "/brouillons/brouillon/"


def test_problems_stop_the_build_before_anything_is_written(
    run_pelican: RunPelican, tiny_content: Path, tmp_path: Path
) -> None:
    replace_in(tiny_content / PIXMANIA, "as_of: 2009-07-06", "as_of: 2009-13-06")
    with pytest.raises(ContentProblems) as raised:
        run_pelican(tiny_content)
    (problem,) = raised.value.problems
    assert problem.file == PIXMANIA
    assert problem.field == "testimony.outcome.as_of"
    output = tmp_path / "output"
    assert [p for p in output.rglob("*") if p.is_file()] == []


def test_an_unknown_merchant_stops_the_build(run_pelican: RunPelican, tiny_content: Path) -> None:
    replace_in(tiny_content / PIXMANIA, "merchant: pixmania", "merchant: pixmanía")
    with pytest.raises(ContentProblems) as raised:
        run_pelican(tiny_content)
    assert [p.field for p in raised.value.problems] == ["testimony.merchant"]


def test_merchant_feed_entries_carry_the_merchant_and_author_link(
    run_pelican: RunPelican, tiny_content: Path
) -> None:
    output = run_pelican(tiny_content, config="publishconf.py", SITEURL=SITE)
    feed = BeautifulSoup(
        (output / "feeds/marchands/pixmania.atom.xml").read_text(encoding="utf-8"), "xml"
    )
    (entry,) = feed.find_all("entry")
    assert "Pixmania" in [c["term"] for c in entry.find_all("category")]
    assert entry.author.uri.string == f"{SITE}/auteurs/allo-cest-fini/"
    assert entry.updated is not None
