"""The open-data workbook: a sheet per table of :mod:`.tables` and a sheet « Champs »
describing every field (openpyxl, write-only: one pass, rows not kept in memory).

Cells are typed by the Table Schema (numbers, dates, true/false), a text starting with
"=" stays text, money has two decimals. The bytes are deterministic
(:func:`spreadsheet.deterministic_zip`).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from complaints.outputs.datapackage import allowed_values
from complaints.outputs.spreadsheet import MONEY_FORMAT, deterministic_zip
from complaints.outputs.table_fields import Field
from complaints.outputs.table_files import typed
from complaints.outputs.tables import Table

FIELDS_SHEET = "Champs"
FIELDS_COLUMNS = ("table", "colonne", "titre", "type", "unité", "description", "valeurs")
WIDE = 60
NARROW = 16


def _header(sheet: Any, names: Sequence[str]) -> list[WriteOnlyCell]:
    bold = Font(bold=True)
    cells = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font = bold
        cells.append(cell)
    return cells


def _value(sheet: Any, cell: str, field: Field) -> Any:
    value = typed(cell, field)
    if field.currency_field and value is not None:
        money = WriteOnlyCell(sheet, value=value)
        money.number_format = MONEY_FORMAT
        return money
    if isinstance(value, str) and value.startswith("="):
        text = WriteOnlyCell(sheet, value=value)
        text.data_type = "s"  # openpyxl would write "=..." as a formula
        return text
    return value


def _table_sheet(workbook: Workbook, table: Table, rows: Iterable[Mapping[str, str]]) -> None:
    sheet = workbook.create_sheet(table.sheet)
    for index, f in enumerate(table.fields, start=1):
        width = WIDE if f.name in ("url", "title", "testimony", "note") else NARROW
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet, table.columns))
    count = 0
    for row in rows:
        sheet.append([_value(sheet, row[f.name], f) for f in table.fields])
        count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.fields))}{count + 1}"


def _fields_sheet(workbook: Workbook, tables: Sequence[Table]) -> None:
    sheet = workbook.create_sheet(FIELDS_SHEET)
    for index, width in enumerate((20, 28, 36, 10, 16, WIDE, WIDE), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append(_header(sheet, FIELDS_COLUMNS))
    for table in tables:
        for f in table.fields:
            values = "; ".join(f"{code} : {text}" for code, text in allowed_values(f).items())
            sheet.append([table.name, f.name, f.title, f.type, f.unit or "", f.description, values])


def workbook_bytes(
    tables: Sequence[tuple[Table, Iterable[Mapping[str, str]]]],
    *,
    generated: datetime | None = None,
) -> bytes:
    """The workbook of ``(table, rows)`` pairs, then the sheet describing the fields."""
    workbook = Workbook(write_only=True)
    for table, rows in tables:
        _table_sheet(workbook, table, rows)
    _fields_sheet(workbook, [table for table, _ in tables])
    stamp = (generated or datetime(2000, 1, 1)).replace(tzinfo=None)
    workbook.properties.created = stamp
    workbook.properties.language = "fr-FR"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return deterministic_zip(buffer.getvalue())
