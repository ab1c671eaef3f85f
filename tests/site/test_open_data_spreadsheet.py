"""Open data a French spreadsheet opens with a double click, beside the canonical CSV."""

from __future__ import annotations

import csv
import json
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import feedparser
import openpyxl

from complaints.outputs.opendata import CSV_COLUMNS
from tests.support.pages import soup

MONEY = ("amount", "recovered", "not_recovered")
INTEGERS = ("days_to_first_answer", "days_to_resolution", "days_open", "broken_promises")


def _csv(site: Path) -> list[dict[str, str]]:
    with (site / "donnees/temoignages.csv").open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def test_the_canonical_csv_keeps_its_columns(built_site: Path) -> None:
    with (built_site / "donnees/temoignages.csv").open(encoding="utf-8", newline="") as stream:
        assert next(csv.reader(stream)) == list(CSV_COLUMNS)


def test_the_workbook_has_the_csv_rows_with_numbers_as_numbers(built_site: Path) -> None:
    rows = _csv(built_site)
    sheet = openpyxl.load_workbook(built_site / "donnees/temoignages.xlsx").active
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == list(CSV_COLUMNS)
    assert len(table) - 1 == len(rows) >= 10
    for row, values in zip(rows, table[1:], strict=True):
        cells = dict(zip(CSV_COLUMNS, values, strict=True))
        assert cells["url"] == row["url"] and cells["title"] == row["title"]
        assert isinstance(cells["date_published"], datetime)
        assert cells["date_published"].date().isoformat() == row["date_published"]
        for column in MONEY:
            if row[column]:
                assert isinstance(cells[column], int | float), (column, cells[column])
                assert Decimal(str(cells[column])) == Decimal(row[column])
            else:
                assert cells[column] is None
        for column in INTEGERS:
            assert cells[column] == (int(row[column]) if row[column] else None)
        assert cells["fictional"] is (row["fictional"] == "true")


def test_merchants_json_is_dated_by_the_newest_testimony(built_site: Path) -> None:
    data = json.loads((built_site / "donnees/marchands.json").read_text(encoding="utf-8"))
    newest = max(
        datetime.fromisoformat(e.published)
        for e in feedparser.parse(str(built_site / "feeds/all.atom.xml")).entries
    )
    assert data["generated"] == newest.isoformat()


def test_methodology_documents_the_workbook(built_site: Path) -> None:
    # the z the code uses is printed from the code: tests/site/test_printed_values.py
    page = soup(built_site, "methodologie/index.html")
    hrefs = [a["href"] for a in page.select("a[href]")]
    assert any(h.endswith("/donnees/temoignages.xlsx") for h in hrefs)
    assert "1,645 " not in page.get_text()
