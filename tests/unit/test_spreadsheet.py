"""The testimonies' sheet of donnees/temoignages.xlsx: typed cells, the CSV's columns,
same bytes twice."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

import openpyxl

from complaints.outputs.opendata import CSV_COLUMNS
from complaints.outputs.tables import registry
from complaints.outputs.workbook import workbook_bytes

ROW = {column: "" for column in CSV_COLUMNS} | {
    "url": "https://example.org/2009/07/x/",
    "title": "Pixmania\u202f: un caméscope",
    "date_published": "2009-07-06",
    "experience_date": "2008-07..2009-05",
    "merchant": "pixmania",
    "status": "open",
    "amount": "900.00",
    "currency": "EUR",
    "recovered": "0.00",
    "days_open": "370",
    "broken_promises": "1",
    "case_points": "0",
    "not_recovered": "1234.56",
    "fictional": "false",
}


TESTIMONIES = next(table for table in registry() if table.name == "temoignages")


def _xlsx(rows: list[dict[str, str]], generated: datetime | None = None) -> bytes:
    return workbook_bytes([(TESTIMONIES, rows)], generated=generated)


def _sheet(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data)).active


def test_header_is_the_csv_columns() -> None:
    sheet = _sheet(_xlsx([ROW]))
    assert [c.value for c in sheet[1]] == list(CSV_COLUMNS)


def test_numbers_are_numbers_dates_are_dates_text_is_text() -> None:
    sheet = _sheet(_xlsx([ROW]))
    cells = {name: cell for name, cell in zip(CSV_COLUMNS, sheet[2], strict=True)}
    assert cells["amount"].value == 900 and cells["amount"].data_type == "n"
    assert cells["amount"].number_format == "#,##0.00"
    assert cells["not_recovered"].value == 1234.56
    assert cells["days_open"].value == 370 and cells["days_open"].data_type == "n"
    assert cells["date_published"].is_date
    assert cells["date_published"].value == datetime(2009, 7, 6)
    assert cells["fictional"].value is False
    assert cells["experience_date"].value == "2008-07..2009-05"  # precision kept, as text
    assert cells["title"].value == "Pixmania\u202f: un caméscope"
    assert cells["days_to_resolution"].value is None  # empty = unknown, as in the CSV


def test_same_rows_give_the_same_bytes() -> None:
    stamp = datetime(2026, 10, 5, 9, 0)
    assert _xlsx([ROW], stamp) == _xlsx([ROW], stamp)


def test_the_time_of_saving_is_not_in_the_file() -> None:
    # openpyxl stamps "modified" with the clock: builds a second apart must not differ
    workbook = openpyxl.load_workbook(io.BytesIO(_xlsx([ROW], datetime(2026, 10, 5, 9, 0))))
    assert workbook.properties.created == datetime(2026, 10, 5, 9, 0)
    assert workbook.properties.modified == workbook.properties.created


def test_no_rows_is_a_header_only_sheet() -> None:
    sheet = _sheet(_xlsx([]))
    assert sheet.max_row == 1


def test_amounts_keep_their_cents() -> None:
    row = ROW | {"amount": "0.10", "recovered": "0.20"}
    cells = dict(zip(CSV_COLUMNS, _sheet(_xlsx([row]))[2], strict=True))
    assert Decimal(str(cells["amount"].value)) + Decimal(str(cells["recovered"].value)) == Decimal(
        "0.30"
    )


def test_text_starting_with_equals_is_a_string_cell_never_a_formula() -> None:
    hostile = '=HYPERLINK("http://evil.example","x")'
    sheet = _sheet(_xlsx([ROW | {"title": hostile, "merchant": "=1+1"}]))
    cells = {name: cell for name, cell in zip(CSV_COLUMNS, sheet[2], strict=True)}
    assert cells["title"].data_type == "s" and cells["title"].value == hostile
    assert cells["merchant"].data_type == "s"
