"""The open-data job of a build: every table of the registry in CSV and JSON, the
workbook, today's ``temoignages.csv`` and ``marchands.json``, ``datapackage.json``
made from those bytes, and the page « Données ouvertes » rendered from the package.

One table at a time, its rows made once for its files and its sheet; every file is
written as soon as its bytes exist. The job may run in any process (it only writes
files): the page is rendered here, the sitemap hears of it in the main process.
"""

from __future__ import annotations

import io
import posixpath
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any

from pelican.utils import get_relative_path

from complaints.edge.findability import WRITTEN_KEY
from complaints.edge.open_data_files import PackageFiles
from complaints.edge.output_folder import write_output
from complaints.edge.settings import setting
from complaints.outputs import datapackage
from complaints.outputs.data_page import page_view
from complaints.outputs.opendata import merchant_record, write_csv, write_json
from complaints.outputs.sitemap import SitemapEntry
from complaints.outputs.table_files import csv_bytes, json_bytes
from complaints.outputs.tables import PublishedTestimony, Source, Table, registry
from complaints.present.jsonld import absolute_url

if TYPE_CHECKING:
    from complaints.outputs.workbook import TableWorkbook

PAGE_TEMPLATE = "donnees"


def page_url(settings: Mapping[str, Any]) -> str | None:
    """The URL of the page « Données ouvertes » (``donnees/``), None when off."""
    save_as = setting(settings, "COMPLAINTS_DATA_PAGE")
    if not save_as or not setting(settings, "COMPLAINTS_DATA_PACKAGE"):
        return None
    return save_as[: -len("index.html")] if save_as.endswith("index.html") else save_as


def table_paths(settings: Mapping[str, Any], table: Table) -> dict[str, str]:
    """Where a table's files go, by format (paths under the output folder)."""
    folder = posixpath.dirname(setting(settings, "COMPLAINTS_DATA_PACKAGE"))
    return {fmt: posixpath.join(folder, fmt, f"{table.name}.{fmt}") for fmt in ("csv", "json")}


def planned(settings: Mapping[str, Any]) -> dict[str, str]:
    """Every file the package adds to the output plan."""
    package = setting(settings, "COMPLAINTS_DATA_PACKAGE")
    if not package:
        return {}
    plan = {package: "le paquet de données (COMPLAINTS_DATA_PACKAGE)"}
    for table in registry():
        for path in table_paths(settings, table).values():
            plan[path] = f"la table « {table.name} » des données ouvertes"
    if save_as := setting(settings, "COMPLAINTS_DATA_PAGE"):
        plan[save_as] = "la page « Données ouvertes » (COMPLAINTS_DATA_PAGE)"
    return plan


def note_page_for_sitemap(context: dict[str, Any], settings: Mapping[str, Any]) -> None:
    """The page is written by the job, not by the writer: list it in the sitemap here."""
    url = page_url(settings)
    written = context.get(WRITTEN_KEY)
    if url is not None and written is not None:
        lastmod = max((a.date for a in context["articles"]), default=None)
        written.append(SitemapEntry(url, lastmod.date() if lastmod else None))


def source(context: Mapping[str, Any], merchants: Sequence[Any], siteurl: str) -> Source:
    """The testimonies (by date, then URL) and merchant records the tables read."""
    articles = sorted(context["articles"], key=lambda a: (a.date, a.url))
    return Source(
        testimonies=[
            PublishedTestimony(
                url=absolute_url(siteurl, a.url),
                title=a.title,
                date_published=a.date,
                facts=a.facts,
                testimony=a.case,
            )
            for a in articles
        ],
        merchants=[
            merchant_record(
                slug=m.slug,
                name=m.name,
                url=absolute_url(siteurl, m.url),
                scorecard=m.scorecard,
                fictional=m.fictional,
                effect=m.publication_effect,
            )
            for m in merchants
        ],
    )


def write_open_data(generator: Any, merchants: Sequence[Any]) -> None:
    """Write every open-data file, the package and its page (``generator``: the
    merchants generator, for its settings, context, output path and templates).

    A file is written once its bytes exist, the package keeps their sizes and hashes;
    a table's rows are made once, for its files and its sheet, and dropped after."""
    settings, context, output = generator.settings, generator.context, generator.output_path
    data = source(context, merchants, settings["SITEURL"])
    # The newest content date, not the clock: two builds of the same content write the
    # same bytes.
    generated: datetime | None = max(
        (getattr(a, "modified", None) or a.date for a in context["articles"]), default=None
    )
    package_path = setting(settings, "COMPLAINTS_DATA_PACKAGE")
    files = PackageFiles(output, posixpath.dirname(package_path) if package_path else None)
    if name := setting(settings, "COMPLAINTS_DATA_MERCHANTS"):
        files.extra(
            "COMPLAINTS_DATA_MERCHANTS",
            name,
            _text(write_json, data.merchants, generated=generated),
        )
    spreadsheet = setting(settings, "COMPLAINTS_DATA_SPREADSHEET")
    workbook = None
    if spreadsheet:  # openpyxl loads here: not in every process of every build
        from complaints.outputs.workbook import TableWorkbook

        workbook = TableWorkbook()
    for index, table in enumerate(registry()):
        _table_files(files, settings, table, data, workbook, first=index == 0)
    if workbook is not None:
        files.extra(
            "COMPLAINTS_DATA_SPREADSHEET", spreadsheet, workbook.finish(generated=generated)
        )
    if not package_path:
        return
    home = page_url(settings)
    descriptor = datapackage.package(
        name="temoignages-consommateurs",
        title=f"Témoignages de consommateurs — {settings['SITENAME']}",
        homepage=absolute_url(settings["SITEURL"], home or ""),
        created=generated.isoformat() if generated else None,
        resources=files.resources,
        downloads=files.downloads(),
    )
    write_output(output, package_path, datapackage.dumps(descriptor))
    if save_as := setting(settings, "COMPLAINTS_DATA_PAGE"):
        _write_page(generator, save_as, descriptor, package_path, generated)


def _table_files(
    files: PackageFiles,
    settings: Mapping[str, Any],
    table: Table,
    data: Source,
    workbook: TableWorkbook | None,
    *,
    first: bool,
) -> None:
    """One table's rows, made once and dropped on return: the testimonies CSV variant
    (from the first table), the table's sheet, its CSV and JSON (with a package)."""
    rows = list(table.rows(data))
    if first and (name := setting(settings, "COMPLAINTS_DATA_TESTIMONIES")):
        files.extra("COMPLAINTS_DATA_TESTIMONIES", name, _text(write_csv, rows))
    if workbook is not None:
        workbook.add(table, rows)
    if files.folder is not None:
        paths = table_paths(settings, table)
        files.table_csv(table, paths["csv"], csv_bytes(rows, table.columns))
        files.table_json(table, paths["json"], json_bytes(rows, table.fields))


def _text(write: Any, data: Any, **options: Any) -> bytes:
    buffer = io.StringIO(newline="")
    write(data, buffer, **options)
    return buffer.getvalue().encode("utf-8")


def _write_page(
    generator: Any,
    save_as: str,
    descriptor: Mapping[str, Any],
    package_path: str,
    generated: datetime | None,
) -> None:
    settings = generator.settings
    local = dict(generator.context)
    if settings["RELATIVE_URLS"]:
        local["SITEURL"] = get_relative_path(save_as)
    folder = posixpath.dirname(package_path)
    local.update(
        output_file=save_as,
        url=page_url(settings),
        data=page_view(
            descriptor,
            folder=folder,
            package_path=package_path,
            sitename=settings["SITENAME"],
            generated=generated,
        ),
    )
    html = generator.get_template(PAGE_TEMPLATE).render(local)
    write_output(generator.output_path, save_as, html.encode("utf-8"))
