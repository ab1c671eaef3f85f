"""The open-data workbook: a sheet per table of :mod:`.tables` and a sheet « Champs »
describing every field (openpyxl, write-only: one pass, rows not kept in memory).

Cells are typed by the Table Schema (numbers, dates, true/false), a text starting with
"=" stays text, money has two decimals. The bytes are deterministic
(:func:`deterministic_zip`: fixed zip timestamps, ``modified`` as ``created``).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from lxml import etree
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from complaints.outputs.datapackage import allowed_values
from complaints.outputs.table_fields import Field
from complaints.outputs.table_files import typed
from complaints.outputs.tables import Table

MONEY_FORMAT = "#,##0.00"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
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


class TableWorkbook:
    """The workbook filled one table at a time: :meth:`add` writes a table's sheet
    (openpyxl keeps its rows in a temporary file, not in memory), :meth:`finish` adds
    the sheet describing the fields of the added tables and returns the bytes."""

    def __init__(self) -> None:
        self._workbook = Workbook(write_only=True)
        self._tables: list[Table] = []

    def add(self, table: Table, rows: Iterable[Mapping[str, str]]) -> None:
        """The sheet of one table, after the sheets already added."""
        _table_sheet(self._workbook, table, rows)
        self._tables.append(table)

    def finish(self, *, generated: datetime | None = None) -> bytes:
        """The sheet « Champs » last, then the workbook's deterministic bytes."""
        _fields_sheet(self._workbook, self._tables)
        stamp = (generated or datetime(2000, 1, 1)).replace(tzinfo=None)
        self._workbook.properties.created = stamp
        self._workbook.properties.language = "fr-FR"
        buffer = io.BytesIO()
        self._workbook.save(buffer)
        return deterministic_zip(buffer.getvalue())


def workbook_bytes(
    tables: Sequence[tuple[Table, Iterable[Mapping[str, str]]]],
    *,
    generated: datetime | None = None,
) -> bytes:
    """The workbook of ``(table, rows)`` pairs, then the sheet describing the fields."""
    workbook = TableWorkbook()
    for table, rows in tables:
        workbook.add(table, rows)
    return workbook.finish(generated=generated)


CORE_PROPERTIES = "docProps/core.xml"
_DCTERMS = "{http://purl.org/dc/terms/}"


def _modified_as_created(core_xml: bytes) -> bytes:
    """openpyxl stamps ``modified`` with the time of saving: give it ``created``'s value."""
    root = etree.fromstring(core_xml)
    created = root.find(f"{_DCTERMS}created")
    modified = root.find(f"{_DCTERMS}modified")
    if created is not None and modified is not None:
        modified.text = created.text
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def deterministic_zip(data: bytes) -> bytes:
    """The same zip with a fixed timestamp on every member and in its properties."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=ZIP_EPOCH)
            member.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == CORE_PROPERTIES:
                content = _modified_as_created(content)
            target.writestr(member, content)
    return out.getvalue()
