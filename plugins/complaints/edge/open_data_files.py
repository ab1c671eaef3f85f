"""The open-data files, each written as soon as its bytes exist, and what
``datapackage.json`` says of them (resources and downloads: sizes, hashes), kept in
place of the bytes."""

from __future__ import annotations

import posixpath
from typing import Any

from complaints.edge.output_folder import write_output
from complaints.outputs import datapackage
from complaints.outputs.tables import Table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
#: The files beside the tables, by setting, in the order of the package's downloads.
EXTRA_DOWNLOADS = {
    "COMPLAINTS_DATA_SPREADSHEET": ("Classeur : une feuille par table", XLSX),
    "COMPLAINTS_DATA_TESTIMONIES": ("Témoignages, variante pour tableur (CSV)", "text/csv"),
    "COMPLAINTS_DATA_MERCHANTS": ("Fiches des marchands (JSON)", "application/json"),
}


class PackageFiles:
    """Writes files under ``output``; with the package's ``folder`` (None without a
    package), notes each file's entry of the descriptor (paths relative to it)."""

    def __init__(self, output: str, folder: str | None) -> None:
        self.output, self.folder = output, folder
        self.resources: list[dict[str, Any]] = []
        self._table_downloads: list[dict[str, Any]] = []
        self._extras: dict[str, dict[str, Any]] = {}

    def table_csv(self, table: Table, path: str, data: bytes) -> None:
        """A table's CSV file, a resource of the package."""
        if (rel := self._write(path, data)) is not None:
            self.resources.append(datapackage.resource(table, rel, data))

    def table_json(self, table: Table, path: str, data: bytes) -> None:
        """A table's JSON file, a download of the package."""
        if (rel := self._write(path, data)) is not None:
            title = f"{table.title} (JSON)"
            self._table_downloads.append(datapackage.download(rel, title, data, "application/json"))

    def extra(self, key: str, path: str, data: bytes) -> None:
        """The file of setting ``key`` (one of :data:`EXTRA_DOWNLOADS`), at ``path``."""
        if (rel := self._write(path, data)) is not None:
            title, mediatype = EXTRA_DOWNLOADS[key]
            self._extras[key] = datapackage.download(rel, title, data, mediatype)

    def _write(self, path: str, data: bytes) -> str | None:
        """Write the file; its path relative to the package's folder (None without one)."""
        write_output(self.output, path, data)
        return None if self.folder is None else posixpath.relpath(path, self.folder)

    def downloads(self) -> list[dict[str, Any]]:
        """The tables' JSON files, then the others in :data:`EXTRA_DOWNLOADS` order."""
        extras = [self._extras[key] for key in EXTRA_DOWNLOADS if key in self._extras]
        return self._table_downloads + extras
