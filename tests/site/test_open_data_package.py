"""The open-data package of the production build: `frictionless validate` finds no
error, the events table matches the timelines readers see, every scorecard
recomputes from the tables alone, the page « Données ouvertes » describes it all."""

from __future__ import annotations

import csv
import json
import os
import re
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.scorecard import compute_scorecard
from complaints.outputs.data_page import size_fr
from complaints.outputs.opendata import merchant_record
from complaints.outputs.tables import Source, merchant_amount_rows, merchant_rows, registry
from tests.support.pages import soup
from tests.support.sample import ROOT

FRICTIONLESS = Path(sys.executable).with_name("frictionless")


def plain(text: str) -> str:
    """Text with French typography's no-break spaces and apostrophes made plain."""
    return text.replace("\u202f", " ").replace("\xa0", " ").replace("’", "'")


def _table(site: Path, name: str) -> list[dict[str, str]]:
    with (site / "donnees/csv" / f"{name}.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


@pytest.fixture(scope="module")
def package(built_site: Path) -> dict[str, Any]:
    return json.loads((built_site / "donnees/datapackage.json").read_text(encoding="utf-8"))


def test_frictionless_validate_finds_no_error_foreign_keys_included(built_site: Path) -> None:
    done = subprocess.run(
        [str(FRICTIONLESS), "validate", "--json", "donnees/datapackage.json"],
        cwd=built_site,
        capture_output=True,
        text=True,
        check=False,
    )
    report = json.loads(done.stdout)
    errors = [e for task in report["tasks"] for e in task["errors"]] + report["errors"]
    assert report["valid"] and done.returncode == 0, errors[:5]
    assert {task["name"] for task in report["tasks"]} == {t.name for t in registry()}
    assert all(task["stats"]["rows"] > 0 for task in report["tasks"])


def test_the_package_describes_every_table_with_keys_licence_and_version(
    package, site_url: str
) -> None:
    resources = {r["name"]: r for r in package["resources"]}
    assert list(resources) == [t.name for t in registry()]
    events = resources["evenements"]["schema"]
    assert events["primaryKey"] == ["testimony", "order"]
    assert events["foreignKeys"] == [
        {"fields": ["testimony"], "reference": {"resource": "temoignages", "fields": ["url"]}}
    ]
    kind = next(f for f in events["fields"] if f["name"] == "kind")
    assert {"value": "remedy_received", "label": "Solution obtenue"} in kind["categories"]
    assert package["licenses"][0]["name"] == "etalab-2.0"
    assert re.fullmatch(r"\d+\.\d+\.\d+", package["version"])
    assert package["homepage"] == f"{site_url}/donnees/"


def _page(site: Path, url: str, site_url: str) -> Path:
    return Path(url.removeprefix(site_url).lstrip("/")) / "index.html"


def test_one_event_row_per_step_shown_on_the_page(built_site: Path, site_url: str) -> None:
    events: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _table(built_site, "evenements"):
        events[row["testimony"]].append(row)
    testimonies = _table(built_site, "temoignages")
    assert set(events) <= {t["url"] for t in testimonies}
    followups: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _table(built_site, "suivis"):
        followups[row["testimony_url"]].append(row)
    for testimony in testimonies:
        page = soup(built_site, str(_page(built_site, testimony["url"], site_url)))
        # an event is a step of the timeline (a right of reply: a pointer to its aside);
        # a follow-up is a step after the publication marker, a row of « suivis »
        shown = page.select("ol.timeline li.timeline-event:not(.timeline-update)")
        rows = events[testimony["url"]]
        assert len(rows) == len(shown), testimony["url"]
        for row, item in zip(rows, shown, strict=True):
            assert f"timeline-{row['actor']}" in item["class"]
            if row["precision"] == "day":
                assert item.find("time")["datetime"] == row["date"]
        updates = page.select("ol.timeline li.timeline-update")
        assert len(updates) == len(followups[testimony["url"]]), testimony["url"]


@dataclass(frozen=True)
class Money:
    value: Decimal
    currency: str
    qualifier: str


@dataclass(frozen=True)
class Case:
    """The facts of one case, read back from a row of the testimonies table."""

    days_to_first_answer: int | None
    days_to_resolution: int | None
    days_open: int | None
    days_followed: int | None
    broken_promises: int
    status: str
    amount: Money | None
    recovered: Money | None
    issues: tuple[str, ...]
    case_points: float
    experience_date: Any


def _days(cell: str) -> int | None:
    return int(cell) if cell else None


def _money(value: str, currency: str, qualifier: str) -> Money | None:
    return Money(Decimal(value), currency, qualifier) if value else None


def _case(row: dict[str, str], issues: list[str]) -> Case:
    return Case(
        days_to_first_answer=_days(row["days_to_first_answer"]),
        days_to_resolution=_days(row["days_to_resolution"]),
        days_open=_days(row["days_open"]),
        days_followed=_days(row["days_followed"]),
        broken_promises=int(row["broken_promises"]),
        status=row["status"],
        amount=_money(row["amount"], row["currency"], row["amount_qualifier"]),
        recovered=_money(row["recovered"], row["recovered_currency"], row["recovered_qualifier"]),
        issues=tuple(issues),
        case_points=int(row["case_points"]),
        experience_date=FuzzyDate.parse(row["experience_date"].replace("/", "..")),
    )


def test_every_scorecard_recomputes_from_the_tables_alone(built_site: Path) -> None:
    issues: dict[str, list[str]] = defaultdict(list)
    for row in _table(built_site, "problemes"):
        issues[row["testimony"]].append(row["issue"])
    cases: dict[str, list[Case]] = defaultdict(list)
    for row in _table(built_site, "temoignages"):
        cases[row["merchant"]].append(_case(row, issues[row["url"]]))
    published = _table(built_site, "marchands")
    amounts = _table(built_site, "montants_marchands")
    assert {m["slug"] for m in published} == set(cases)
    records = []
    for merchant in published:
        record = merchant_record(
            slug=merchant["slug"],
            name=merchant["name"],
            url=merchant["url"],
            scorecard=compute_scorecard(cases[merchant["slug"]]),
            fictional=merchant["fictional"] == "true",
        )
        records.append(record)
    recomputed = Source([], records)
    # what publication changed is recomputed from the follow-ups
    # (tests/site/test_publication_effect_published.py): the scorecard's columns here
    effect = ("after_publication_cases", "after_publication_moved", "after_publication_median_days")

    def scorecard_columns(rows):
        return [{k: v for k, v in row.items() if k not in effect} for row in rows]

    assert scorecard_columns(merchant_rows(recomputed)) == scorecard_columns(published)
    assert list(merchant_amount_rows(recomputed)) == amounts
    # and marchands.json, today's file, holds the same figures
    data = json.loads((built_site / "donnees/marchands.json").read_text(encoding="utf-8"))
    assert [m["score"] for m in data["merchants"]] == [r["score"] for r in records]
    assert [m["median_days_to_resolution"] for m in data["merchants"]] == [
        r["median_days_to_resolution"] for r in records
    ]


def test_the_worked_example_of_the_docs_recomputes_its_merchant(built_site: Path) -> None:
    text = (ROOT / "docs/open-data.md").read_text(encoding="utf-8")
    (code,) = re.findall(r"```python\n(.*?)```", text, re.S)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=built_site,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("techno-bazar-lunaire 6 ")


def test_json_and_workbook_hold_the_csv_rows(built_site: Path) -> None:
    book = openpyxl.load_workbook(built_site / "donnees/temoignages.xlsx", read_only=True)
    for table in registry():
        rows = _table(built_site, table.name)
        records = json.loads(
            (built_site / "donnees/json" / f"{table.name}.json").read_text(encoding="utf-8")
        )
        assert [r[table.columns[0]] for r in records] == [r[table.columns[0]] for r in rows]
        sheet = list(book[table.sheet].iter_rows(values_only=True))
        assert list(sheet[0]) == list(table.columns) and len(sheet) == len(rows) + 1
        for field in table.fields:
            if field.type == "date":
                cells = [line[table.columns.index(field.name)] for line in sheet[1:]]
                assert all(c is None or c.date() == date.fromisoformat(r[field.name])
                           for c, r in zip(cells, rows, strict=True))  # fmt: skip
    assert book.sheetnames[-1] == "Champs"
    book.close()


def test_the_page_lists_files_fields_licence_citation_and_changes(
    built_site: Path, package, site_url: str
) -> None:
    page = soup(built_site, "donnees/index.html")
    links = page.select("ul.data-files li")
    described = ["datapackage.json"] + [r["path"] for r in package["resources"]]
    described += [d["path"] for d in package["downloads"]]
    assert len(links) == len(described)
    for item, path in zip(links, described, strict=True):
        href = item.a["href"]
        assert href == f"{site_url}/donnees/{path}"
        file = built_site / "donnees" / path
        assert size_fr(file.stat().st_size) in item.get_text()
    text = plain(page.get_text(" ", strip=True))
    for resource in package["resources"]:
        for field in resource["schema"]["fields"]:
            assert page.find("code", string=field["name"]) is not None
            assert plain(field["title"]) in text
    assert "resolved : résolu" in text
    assert page.select_one(f'a[href="{package["licenses"][0]["path"]}"]')
    citation = page.select_one(".citation").get_text()
    assert f"{site_url}/donnees/" in citation and package["version"] in citation
    assert package["changelog"][0]["changes"][:40] in text
    home = soup(built_site, "index.html")
    assert home.select_one(f'footer a[href="{site_url}/donnees/"]')
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{site_url}/donnees/</loc>" in sitemap
