"""A table's files: the reference CSV (UTF-8, RFC 4180, cells as they are) and JSON
(an array of objects, one a line, typed by the Table Schema, null for an empty
cell).

:func:`typed` turns a CSV cell into its value by the field's type; the workbook uses
it too.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from decimal import Decimal
from typing import Any

from complaints.outputs.table_fields import Field

TYPED: dict[str, Callable[[str], Any]] = {
    "integer": int,
    "number": Decimal,
    "boolean": lambda cell: cell == "true",
    "date": date.fromisoformat,
}


def typed(cell: str, field: Field) -> Any:
    """The value of a CSV cell: None when empty, else by the field's type."""
    if cell == "":
        return None
    convert = TYPED.get(field.type)
    return cell if convert is None else convert(cell)


def csv_bytes(rows: Iterable[Mapping[str, str]], columns: Sequence[str]) -> bytes:
    """The reference CSV: header and rows, UTF-8 without BOM, CRLF line ends."""
    stream = io.StringIO(newline="")
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    writer.writerows(rows)
    return stream.getvalue().encode("utf-8")


def _json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(value) if "." in str(value) else int(value)
    if isinstance(value, date):
        return value.isoformat()
    return value


def json_bytes(rows: Iterable[Mapping[str, str]], fields: Sequence[Field]) -> bytes:
    """The table as a JSON array of objects, one a line, in the schema's types (the
    lines go to one buffer as they are made: no copy of the text beside the bytes)."""
    out = io.BytesIO()
    separator = b"[\n"
    for row in rows:
        record = {f.name: _json_value(typed(row[f.name], f)) for f in fields}
        out.write(separator)
        out.write(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        separator = b",\n"
    out.write(b"[]\n" if separator == b"[\n" else b"\n]\n")
    return out.getvalue()
