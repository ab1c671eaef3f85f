"""What the page « Données ouvertes » shows, read from the Data Package descriptor:
the files with their size, each table's fields (meaning, type, unit, allowed values),
the licence, how to cite the data and the format's changelog, all in French, with
French typography (what it prints enters the site here).
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from babel.units import format_unit

from complaints.outputs.datapackage import dumps
from complaints.present.formatting import date_fr
from typographie import apply_text

TYPE_LABELS = {
    "string": "texte",
    "integer": "nombre entier",
    "number": "nombre décimal (point décimal)",
    "boolean": "booléen (true ou false)",
    "date": "date (AAAA-MM-JJ)",
}
FORMAT_LABELS = {
    "text/csv": "CSV",
    "application/json": "JSON",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
}


def size_fr(size: int) -> str:
    """A file size in French: "900 octets", "12,3 ko", "4,1 Mo"."""
    if size < 1000:
        return format_unit(size, "digital-byte", length="long", locale="fr_FR")
    unit, value = ("digital-kilobyte", size / 1000)
    if size >= 1_000_000:
        unit, value = ("digital-megabyte", size / 1_000_000)
    return format_unit(value, unit, length="short", locale="fr_FR", format="#,##0.#")


def _file(folder: str, path: str, title: str, mediatype: str, size: int) -> dict[str, str]:
    return {
        "path": posixpath.join(folder, path),
        "title": apply_text(title),
        "format": FORMAT_LABELS.get(mediatype, mediatype),
        "size": size_fr(size),
    }


def _field(schema: Mapping[str, Any]) -> dict[str, Any]:
    constraints = schema.get("constraints", {})
    return {
        "name": schema["name"],
        "title": apply_text(schema["title"]),
        "description": apply_text(schema["description"]),
        "type": apply_text(TYPE_LABELS.get(schema["type"], schema["type"])),
        "unit": apply_text(schema.get("unit", "")),
        "required": bool(constraints.get("required")),
        "allowed": [(c["value"], apply_text(c["label"])) for c in schema.get("categories", ())],
    }


def _keys(schema: Mapping[str, Any]) -> list[str]:
    return [
        f"{', '.join(key['fields'])} → {key['reference']['resource']}"
        f" ({', '.join(key['reference']['fields'])})"
        for key in schema.get("foreignKeys", ())
    ]


def citation(descriptor: Mapping[str, Any], *, sitename: str, url: str, day: str) -> str:
    """How to cite the data, one line."""
    licence = descriptor["licenses"][0]["title"]
    return (
        f"{sitename}, « {descriptor['title']} », format {descriptor['version']}, "
        f"données du {day}, {url}, {licence}."
    )


def page_view(
    descriptor: Mapping[str, Any],
    *,
    folder: str,
    package_path: str,
    sitename: str,
    generated: date | datetime | None,
) -> dict[str, Any]:
    """Everything the template ``donnees.html`` prints, from the package."""
    files = [
        _file(
            "",
            package_path,
            "Description du paquet (Data Package)",
            "application/json",
            len(dumps(descriptor)),
        )
    ]
    tables = []
    for resource in descriptor["resources"]:
        files.append(
            _file(
                folder,
                resource["path"],
                f"{resource['title']} (CSV de référence)",
                resource["mediatype"],
                resource["bytes"],
            )
        )
        schema = resource["schema"]
        tables.append(
            {
                "name": resource["name"],
                "title": apply_text(resource["title"]),
                "description": apply_text(resource["description"]),
                "path": posixpath.join(folder, resource["path"]),
                "primary_key": ", ".join(schema["primaryKey"]),
                "foreign_keys": _keys(schema),
                "fields": [_field(f) for f in schema["fields"]],
            }
        )
    for item in descriptor["downloads"]:
        files.append(_file(folder, item["path"], item["title"], item["mediatype"], item["bytes"]))
    day = date_fr(generated) if generated else ""
    return {
        "version": descriptor["version"],
        "generated": day,
        "files": files,
        "tables": tables,
        "licence": {
            **descriptor["licenses"][0],
            "title": apply_text(descriptor["licenses"][0]["title"]),
        },
        "citation": apply_text(
            citation(descriptor, sitename=sitename, url=descriptor["homepage"], day=day)
        ),
        "changelog": [
            {
                "version": c["version"],
                "date": date_fr(date.fromisoformat(c["date"])),
                "changes": apply_text(c["changes"]),
            }
            for c in descriptor["changelog"]
        ],
    }
