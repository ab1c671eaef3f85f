"""``donnees/datapackage.json``: the Frictionless Data Package (v2) of the open data.

Made from the registry of :mod:`.tables` and the written bytes: a Table Schema per
table (French titles and descriptions, types, units, allowed codes read from the
vocabularies when the package is made, keys), the licence, the format's version and
changelog, and every downloadable file with its size (``downloads``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from typing import Any

from complaints.domain.vocabulary import vocabulary
from complaints.outputs.table_fields import Field
from complaints.outputs.tables import Table

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
FORMAT_VERSION = "1.0.0"
#: (version, date, what changed), newest first: the page « Données ouvertes » prints it.
CHANGELOG: tuple[tuple[str, str, str], ...] = (
    (
        "1.0.0",
        "2026-12-06",
        "Première version décrite : paquet Frictionless, tables des événements, des "
        "problèmes, des suivis après publication, des marchands et des montants ; "
        "précision des montants (amount_qualifier, recovered_qualifier), monnaie de la "
        "somme récupérée, jours suivis (days_followed), statut à la publication "
        "(status_at_publication) et date du dernier suivi (last_updated) dans la table "
        "des témoignages.",
    ),
)
LICENCE = {
    "name": "etalab-2.0",
    "title": "Licence Ouverte / Open Licence version 2.0",
    "path": "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
}
CSV_MEDIATYPE = "text/csv"


def allowed_values(field: Field) -> dict[str, str]:
    """The codes a field may hold with their French labels ({} when free)."""
    values = vocabulary(field.vocabulary) if field.vocabulary else field.values
    return {code: label or code for code, label in values.items()}


def field_schema(field: Field) -> dict[str, Any]:
    """The Table Schema descriptor of one field."""
    schema: dict[str, Any] = {
        "name": field.name,
        "type": field.type,
        "title": field.title,
        "description": field.description,
    }
    if field.type == "boolean":
        schema["trueValues"], schema["falseValues"] = ["true"], ["false"]
    if field.unit:
        schema["unit"] = field.unit
    if field.currency_field:
        schema["currencyField"] = field.currency_field
    constraints: dict[str, Any] = {}
    if field.required:
        constraints["required"] = True
    if values := allowed_values(field):
        constraints["enum"] = list(values)
        schema["categories"] = [{"value": code, "label": text} for code, text in values.items()]
    if field.pattern:
        constraints["pattern"] = field.pattern
    if constraints:
        schema["constraints"] = constraints
    return schema


def table_schema(table: Table) -> dict[str, Any]:
    """The Table Schema of one table, with its keys."""
    schema: dict[str, Any] = {
        "fields": [field_schema(f) for f in table.fields],
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": list(key.fields),
                "reference": {"resource": key.table, "fields": list(key.table_fields)},
            }
            for key in table.foreign_keys
        ]
    return schema


def resource(table: Table, path: str, data: bytes) -> dict[str, Any]:
    """The resource of a table's reference CSV file (``path`` relative to the package)."""
    return {
        "name": table.name,
        "type": "table",
        "path": path,
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": CSV_MEDIATYPE,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": "sha256:" + hashlib.sha256(data).hexdigest(),
        "schema": table_schema(table),
    }


def download(path: str, title: str, data: bytes, mediatype: str) -> dict[str, Any]:
    """One downloadable file of the package (other formats, the workbook...)."""
    return {"path": path, "title": title, "mediatype": mediatype, "bytes": len(data)}


def package(
    *,
    name: str,
    title: str,
    homepage: str,
    created: str | None,
    resources: Sequence[Mapping[str, Any]],
    downloads: Sequence[Mapping[str, Any]],
) -> dict[str, Any]:
    """The Data Package descriptor."""
    descriptor: dict[str, Any] = {
        "$schema": PROFILE,
        "name": name,
        "title": title,
        "description": (
            "Témoignages de consommateurs publiés par le magazine : dossiers, chronologies, "
            "problèmes et fiches des marchands. Chaque note se recalcule à partir des tables."
        ),
        "version": FORMAT_VERSION,
        "homepage": homepage,
        "language": "fr",
        "licenses": [LICENCE],
        "changelog": [
            {"version": version, "date": day, "changes": text} for version, day, text in CHANGELOG
        ],
        "resources": [dict(r) for r in resources],
        "downloads": [dict(d) for d in downloads],
    }
    if created:
        descriptor["created"] = created
    return descriptor


def dumps(descriptor: Mapping[str, Any]) -> bytes:
    """The descriptor as indented UTF-8 JSON bytes."""
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
