"""Unit tests of the open-data package: the registry of tables, their rows, the Table
Schemas made from the vocabularies, the files, the workbook and the page's view."""

from __future__ import annotations

import io
import json
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
import yaml
from frictionless import Package

from complaints.domain import model, timeline, vocabulary
from complaints.domain.scorecard import compute_scorecard
from complaints.outputs import datapackage
from complaints.outputs.data_page import TYPE_LABELS, page_view, size_fr
from complaints.outputs.opendata import CSV_COLUMNS, merchant_record
from complaints.outputs.table_files import csv_bytes, json_bytes, typed
from complaints.outputs.tables import PublishedTestimony, Source, registry
from complaints.outputs.workbook import FIELDS_SHEET, workbook_bytes
from tests.unit.test_opendata import PIXMANIA_YAML

HOSTILE_TITLE = '=HYPERLINK("https://evil.example","clic")'


def _source() -> Source:
    case = model.parse_testimony(
        yaml.safe_load(PIXMANIA_YAML), source="pixmania.md", merchants=None
    )
    facts = timeline.derive_facts(case)
    items = [
        PublishedTestimony(f"https://example.org/{n}/", title, date(2009, 7, 6 + n), facts, case)
        for n, title in enumerate(("Caméscope livré chez un autre", HOSTILE_TITLE))
    ]
    record = merchant_record(
        slug="pixmania",
        name="Pixmania",
        url="https://example.org/marchands/pixmania/",
        scorecard=compute_scorecard([facts, facts]),
    )
    return Source(items, [record])


def _tables(source: Source) -> dict[str, list[dict[str, str]]]:
    return {table.name: list(table.rows(source)) for table in registry()}


def test_every_column_is_described_once_with_a_known_type_and_vocabulary() -> None:
    tables = registry()
    assert [t.name for t in tables][:1] == ["temoignages"]
    assert tables[0].columns == CSV_COLUMNS
    for table in tables:
        assert len(set(table.columns)) == len(table.columns), table.name
        assert set(table.primary_key) <= set(table.columns)
        for field in table.fields:
            assert field.type in TYPE_LABELS, (table.name, field.name)
            assert field.title and field.description.endswith((".", ")")), field.name
            if field.vocabulary:
                assert vocabulary.vocabulary(field.vocabulary)


def test_rows_have_every_column_and_one_event_per_step() -> None:
    source = _source()
    tables = _tables(source)
    for table in registry():
        for row in tables[table.name]:
            assert tuple(row) == table.columns, table.name
    case = source.testimonies[0].testimony
    events = [r for r in tables["evenements"] if r["testimony"] == source.testimonies[0].url]
    assert [int(r["order"]) for r in events] == list(range(1, len(case.events) + 1))
    ranged = next(r for r in events if r["precision"] == "range")
    assert (ranged["date"], ranged["date_start"], ranged["date_end"]) == (
        "2008-08/2009-05",
        "2008-08-01",
        "2009-05-31",
    )
    assert ranged["approx"] == "true"
    offer = next(r for r in events if r["kind"] == "offer")
    assert offer["options"] == ";".join(next(e for e in case.events if e.kind == "offer").options)
    assert ";" in offer["options"]
    first = tables["temoignages"][0]
    assert (first["amount"], first["amount_qualifier"]) == ("900.00", "more_than")
    assert len(tables["problemes"]) == 2 * len(case.issues)
    assert {r["category"] for r in tables["problemes"]} == {i.split(".")[0] for i in case.issues}
    (merchant,) = tables["marchands"]
    assert merchant["n"] == "2" and merchant["slug"] == "pixmania"
    (amounts,) = tables["montants_marchands"]
    assert amounts["money_at_stake"] == "1800.00"
    assert amounts["money_at_stake_qualifier"] == "more_than"


def test_a_vocabulary_change_reaches_the_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    kinds = {k: v for k, v in vocabulary.KINDS.items() if k != "loop"}
    kinds["courtesy_call"] = "Appel de courtoisie"
    monkeypatch.setitem(vocabulary.VOCABULARIES, "kind", kinds)
    monkeypatch.setitem(
        vocabulary.VOCABULARIES, "actor", {**vocabulary.ACTORS, "consumer": "Client"}
    )
    events = next(t for t in registry() if t.name == "evenements")
    schema = {f["name"]: f for f in datapackage.table_schema(events)["fields"]}
    assert "courtesy_call" in schema["kind"]["constraints"]["enum"]
    assert "loop" not in schema["kind"]["constraints"]["enum"]
    assert {"value": "courtesy_call", "label": "Appel de courtoisie"} in schema["kind"][
        "categories"
    ]
    assert {"value": "consumer", "label": "Client"} in schema["actor"]["categories"]


def test_field_schema_of_codes_booleans_money_and_free_text() -> None:
    fields = {f.name: f for f in registry()[0].fields}
    status = datapackage.field_schema(fields["status"])
    assert status["constraints"] == {"required": True, "enum": list(vocabulary.STATUSES)}
    qualifier = datapackage.field_schema(fields["amount_qualifier"])
    assert {"value": "exactly", "label": "exactly"} in qualifier["categories"]
    assert {"value": "more_than", "label": "plus de"} in qualifier["categories"]
    fictional = datapackage.field_schema(fields["fictional"])
    assert (fictional["trueValues"], fictional["falseValues"]) == (["true"], ["false"])
    amount = datapackage.field_schema(fields["amount"])
    assert amount["type"] == "number" and amount["currencyField"] == "currency"
    title = datapackage.field_schema(fields["title"])
    assert "constraints" not in title and "categories" not in title


def _write_package(folder: Path, source: Source) -> dict:
    resources, downloads = [], []
    for table in registry():
        rows = list(table.rows(source))
        data = csv_bytes(rows, table.columns)
        (folder / f"{table.name}.csv").write_bytes(data)
        resources.append(datapackage.resource(table, f"{table.name}.csv", data))
        downloads.append(
            datapackage.download(f"{table.name}.json", table.title, b"[]", "application/json")
        )
    descriptor = datapackage.package(
        name="essai",
        title="Essai",
        homepage="https://example.org/donnees/",
        created="2009-07-07T00:00:00",
        resources=resources,
        downloads=downloads,
    )
    (folder / "datapackage.json").write_bytes(datapackage.dumps(descriptor))
    return descriptor


def test_the_package_is_valid_frictionless_keys_included(tmp_path: Path) -> None:
    descriptor = _write_package(tmp_path, _source())
    assert descriptor["version"] == datapackage.FORMAT_VERSION
    assert descriptor["licenses"][0]["name"] == "etalab-2.0"
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # an event of a testimony that is not in the table breaks a foreign key
    events = tmp_path / "evenements.csv"
    lines = events.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = "https://example.org/ailleurs/" + lines[1][lines[1].index(",") :]
    events.write_text("".join(lines), encoding="utf-8")
    descriptor["resources"][1].pop("hash"), descriptor["resources"][1].pop("bytes")
    (tmp_path / "datapackage.json").write_bytes(datapackage.dumps(descriptor))
    report = Package(str(tmp_path / "datapackage.json")).validate()
    assert [e.type for task in report.tasks for e in task.errors] == ["foreign-key"]


def test_reference_csv_keeps_text_as_it_is_and_json_is_typed() -> None:
    source = _source()
    table = registry()[0]
    rows = list(table.rows(source))
    text = csv_bytes(rows, table.columns).decode("utf-8")
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    assert '"=HYPERLINK(""https://evil.example"",""clic"")"' in text  # no quote mark added
    records = json.loads(json_bytes(rows, table.fields))
    assert records[1]["title"] == HOSTILE_TITLE
    assert records[0]["amount"] == 900.0 and records[0]["fictional"] is False
    assert records[0]["date_published"] == "2009-07-06"
    assert records[0]["days_to_first_answer"] == int(rows[0]["days_to_first_answer"])


def test_typed_cells() -> None:
    fields = {f.name: f for f in registry()[0].fields}
    assert typed("", fields["amount"]) is None
    assert typed("12", fields["days_open"]) == 12
    assert typed("false", fields["fictional"]) is False
    assert typed("2009-07-06", fields["date_published"]) == date(2009, 7, 6)
    assert typed("2008-07", fields["experience_date"]) == "2008-07"


def test_workbook_has_a_sheet_per_table_and_one_of_fields() -> None:
    source = _source()
    tables = [(table, list(table.rows(source))) for table in registry()]
    data = workbook_bytes(tables, generated=datetime(2009, 7, 7))
    assert data == workbook_bytes(tables, generated=datetime(2009, 7, 7))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.sheetnames == [t.sheet for t, _ in tables] + [FIELDS_SHEET]
    testimonies = list(book["Témoignages"].iter_rows(values_only=True))
    assert list(testimonies[0]) == list(CSV_COLUMNS)
    cells = dict(zip(CSV_COLUMNS, testimonies[2], strict=True))
    assert cells["title"] == HOSTILE_TITLE  # text, not a formula
    assert cells["amount"] == 900 and cells["fictional"] is False
    assert book["Témoignages"].cell(
        row=2, column=CSV_COLUMNS.index("amount") + 1
    ).number_format == ("#,##0.00")
    fields = list(book[FIELDS_SHEET].iter_rows(values_only=True))
    assert len(fields) - 1 == sum(len(t.fields) for t, _ in tables)
    status = next(r for r in fields if r[:2] == ("temoignages", "status"))
    assert "resolved : résolu" in status[-1]


@pytest.mark.parametrize(
    ("size", "text"),
    [(0, "0 octet"), (999, "999 octets"), (1000, "1 ko"), (12_345, "12,3 ko"),
     (4_100_000, "4,1 Mo")],
)  # fmt: skip
def test_sizes_in_french(size: int, text: str) -> None:
    # Babel's no-break spaces
    assert size_fr(size).replace("\u202f", " ").replace("\xa0", " ") == text


def test_page_view_lists_every_file_field_and_the_citation(tmp_path: Path) -> None:
    descriptor = _write_package(tmp_path, _source())
    view = page_view(
        descriptor,
        folder="donnees",
        package_path="donnees/datapackage.json",
        sitename="Allo C'Est Fini",
        generated=datetime(2009, 7, 7),
    )
    paths = [f["path"] for f in view["files"]]
    assert paths[0] == "donnees/datapackage.json"
    assert "donnees/evenements.csv" in paths and "donnees/evenements.json" in paths
    assert len(view["tables"]) == len(registry())
    kinds = next(f for f in view["tables"][1]["fields"] if f["name"] == "kind")
    assert ("remedy_received", "Solution obtenue") in kinds["allowed"]
    citation = view["citation"].replace("\u202f", " ").replace("\xa0", " ")
    assert "7 juillet 2009" in citation and "Licence Ouverte" in citation
    qualifier = next(f for f in view["tables"][0]["fields"] if f["name"] == "amount_qualifier")
    assert " :" not in qualifier["description"] and "Allo C’Est Fini" in citation  # typeset
    assert view["changelog"][0]["version"] == datapackage.FORMAT_VERSION
