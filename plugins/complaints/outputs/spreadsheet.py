"""Open data for spreadsheets: ``donnees/temoignages.xlsx`` (openpyxl).

The CSV's rows and columns (and, on a second sheet, the follow-ups') as a workbook that opens with a double click in a French
spreadsheet: numbers are numbers, publication dates are dates, text is text (a title
"=HYPERLINK(...)" stays a string). The bytes are deterministic: document dates are
the newest content date and every zip member has a fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from typing import Any, BinaryIO

from lxml import etree
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from complaints.outputs.opendata import CSV_COLUMNS, FOLLOWUP_COLUMNS

SHEET_TITLE = "Témoignages"
FOLLOWUPS_SHEET_TITLE = "Suivis"
MONEY_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)


def _number(cell: str) -> Decimal | None:
    return Decimal(cell) if cell else None


def _integer(cell: str) -> int | None:
    return int(cell) if cell else None


def _day(cell: str) -> date | None:
    return date.fromisoformat(cell) if cell else None


def _boolean(cell: str) -> bool | None:
    return {"true": True, "false": False}.get(cell)


def _text(cell: str) -> str | None:
    return cell or None


#: How each CSV column is typed in the workbook (the others stay text: an
#: experience date keeps its precision, "2008-07" or a range "start/end").
CONVERTERS: dict[str, tuple[Callable[[str], Any], str | None]] = {
    "date_published": (_day, DATE_FORMAT),
    "amount": (_number, MONEY_FORMAT),
    "recovered": (_number, MONEY_FORMAT),
    "not_recovered": (_number, MONEY_FORMAT),
    "days_to_first_answer": (_integer, None),
    "days_to_resolution": (_integer, None),
    "days_open": (_integer, None),
    "broken_promises": (_integer, None),
    "case_points": (_integer, None),
    "fictional": (_boolean, None),
    "number": (_integer, None),
}


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


def _fill(sheet: Any, rows: Iterable[Mapping[str, str]], columns: tuple[str, ...]) -> None:
    """Header and typed rows of one sheet (:data:`CONVERTERS`; other columns are text)."""
    sheet.append(list(columns))
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for count, row in enumerate(rows, start=1):
        values = []
        for column in columns:
            convert, _ = CONVERTERS.get(column, (_text, None))
            values.append(convert(row[column]))
        sheet.append(values)
        for index, value in enumerate(values, start=1):
            if isinstance(value, str):  # openpyxl reads "=..." as a formula: keep it text
                cell = sheet.cell(row=count + 1, column=index)
                if cell.data_type == "f":
                    cell.data_type = "s"
    for index, column in enumerate(columns, start=1):
        _, number_format = CONVERTERS.get(column, (_text, None))
        letter = get_column_letter(index)
        if number_format:
            for (cell,) in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                cell.number_format = number_format
        wide = column in ("url", "title", "testimony_url", "text", "wrong", "right")
        sheet.column_dimensions[letter].width = 60 if wide else 16
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def write_xlsx(
    rows: Iterable[Mapping[str, str]],
    stream: BinaryIO,
    *,
    generated: datetime | None = None,
    followups: Iterable[Mapping[str, str]] | None = None,
) -> None:
    """Write the CSV rows (strings, :func:`opendata.testimony_row`) as a typed workbook,
    with the follow-ups' rows (:func:`opendata.followup_rows`) on a second sheet."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = SHEET_TITLE
    _fill(sheet, rows, CSV_COLUMNS)
    if followups is not None:
        _fill(workbook.create_sheet(FOLLOWUPS_SHEET_TITLE), followups, FOLLOWUP_COLUMNS)
    stamp = (generated or datetime(2000, 1, 1)).replace(tzinfo=None)
    workbook.properties.created = stamp  # openpyxl stamps 'modified' when saving
    workbook.properties.language = "fr-FR"
    buffer = io.BytesIO()
    workbook.save(buffer)
    stream.write(deterministic_zip(buffer.getvalue()))
