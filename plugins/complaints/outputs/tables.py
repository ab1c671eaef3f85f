"""The open-data tables, in one registry: each table's fields, keys and rows.

:func:`registry` lists every :class:`Table`; :mod:`.datapackage` describes them,
:mod:`.table_files` and :mod:`.workbook` write them. A row is a dict of CSV cells
(strings, "" for none); a table's rows come from one :class:`Source` in one pass.
Field meanings are in :mod:`.table_fields`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from complaints.outputs import table_fields as described
from complaints.outputs.opendata import (
    CSV_COLUMNS,
    FOLLOWUP_COLUMNS,
    followup_rows,
    iso_date,
    testimony_row,
)
from complaints.outputs.table_fields import Field

Row = dict[str, str]


@dataclass(frozen=True)
class PublishedTestimony:
    """One published testimony as the tables read it (``url`` is absolute)."""

    url: str
    title: str
    date_published: date | datetime | None
    facts: Any  # timeline.CaseFacts
    testimony: Any  # model.Testimony


@dataclass(frozen=True)
class Source:
    """Everything the tables are made from: testimonies in order, merchant records
    (:func:`opendata.merchant_record`)."""

    testimonies: Sequence[PublishedTestimony]
    merchants: Sequence[Mapping[str, Any]]


@dataclass(frozen=True)
class ForeignKey:
    fields: tuple[str, ...]
    table: str
    table_fields: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """One table: its file stem and resource name, sheet, fields, keys and rows."""

    name: str
    title: str
    sheet: str
    description: str
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...]
    foreign_keys: tuple[ForeignKey, ...]
    rows: Callable[[Source], Iterator[Row]]

    @property
    def columns(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money(money: Any) -> tuple[str, str, str]:
    """(amount, qualifier, currency) cells of a Money, or three empty cells."""
    if money is None:
        return "", "", ""
    return f"{money.value:.2f}", getattr(money, "qualifier", "exactly"), money.currency


def _precision(when: Any) -> str:
    return "range" if when.is_range else when.precision


def testimony_rows(source: Source) -> Iterator[Row]:
    for item in source.testimonies:
        yield testimony_row(
            url=item.url,
            title=item.title,
            date_published=item.date_published,
            facts=item.facts,
            testimony=item.testimony,
        )


def event_rows(source: Source) -> Iterator[Row]:
    """Every event of a testimony, in the editor's order (rights of reply included:
    the page shows them apart, after the timeline)."""
    for item in source.testimonies:
        for order, event in enumerate(item.testimony.events, start=1):
            amount, qualifier, currency = _money(event.amount)
            yield {
                "testimony": item.url,
                "order": str(order),
                "date": iso_date(event.date),
                "date_start": event.date.start.isoformat(),
                "date_end": event.date.end.isoformat(),
                "precision": _precision(event.date),
                "approx": _cell(event.date.approx),
                "actor": event.actor,
                "kind": event.kind,
                "channel": event.channel or "",
                "note": event.note or "",
                "value": event.value or "",
                "options": ";".join(event.options),
                "amount": amount,
                "amount_qualifier": qualifier,
                "currency": currency,
            }


def issue_rows(source: Source) -> Iterator[Row]:
    for item in source.testimonies:
        for issue in dict.fromkeys(item.facts.issues):
            yield {
                "testimony": item.url,
                "issue": issue,
                "category": issue.split(".", 1)[0],
            }


def merchant_rows(source: Source) -> Iterator[Row]:
    for record in source.merchants:
        interval = record["resolved_share_interval"] or (None, None)
        row = {name: _cell(record.get(name)) for name in described.MERCHANT_RECORD_FIELDS}
        row["resolved_share_low"] = _cell(interval[0])
        row["resolved_share_high"] = _cell(interval[1])
        row["top_issue_categories"] = ";".join(
            item["category"] for item in record["top_issue_categories"]
        )
        yield {name: row[name] for name in described.MERCHANT}


def merchant_amount_rows(source: Source) -> Iterator[Row]:
    for record in source.merchants:
        lost = record["money_not_recovered"]
        for currency, at_stake in record["money_at_stake"].items():
            yield {
                "merchant": record["slug"],
                "currency": currency,
                "money_at_stake": f"{at_stake:.2f}",
                "money_at_stake_qualifier": record["money_at_stake_qualifier"][currency],
                "money_not_recovered": f"{lost[currency]:.2f}",
                "money_not_recovered_qualifier": record["money_not_recovered_qualifier"].get(
                    currency, "exactly"
                ),
            }


def followup_table_rows(source: Source) -> Iterator[Row]:
    for item in source.testimonies:
        yield from followup_rows(url=item.url, testimony=item.testimony)


def _fields(table: Mapping[str, Field], columns: Sequence[str]) -> tuple[Field, ...]:
    return tuple(table[column] for column in columns)


def registry() -> tuple[Table, ...]:
    """Every table, in the order of the package and the workbook."""
    by_testimony = (ForeignKey(("testimony",), "temoignages", ("url",)),)
    return (
        Table(
            "temoignages",
            "Témoignages",
            "Témoignages",
            "Une ligne par témoignage publié : le dossier et les faits qu'il donne.",
            _fields(described.TESTIMONY, CSV_COLUMNS),
            ("url",),
            (ForeignKey(("merchant",), "marchands", ("slug",)),),
            testimony_rows,
        ),
        Table(
            "evenements",
            "Événements",
            "Événements",
            "Une ligne par étape de la chronologie d'un témoignage, dans l'ordre de la page "
            "(les droits de réponse, montrés à part, compris).",
            tuple(described.EVENT.values()),
            ("testimony", "order"),
            by_testimony,
            event_rows,
        ),
        Table(
            "problemes",
            "Problèmes",
            "Problèmes",
            "Une ligne par témoignage et par problème rencontré.",
            tuple(described.ISSUE.values()),
            ("testimony", "issue"),
            by_testimony,
            issue_rows,
        ),
        Table(
            "suivis",
            "Suivis",
            "Suivis",
            "Une ligne par suivi publié après un témoignage (nouveaux faits, correction, "
            "réponse du marchand, dénouement), dans l'ordre de la page.",
            _fields(described.FOLLOWUP, FOLLOWUP_COLUMNS),
            ("testimony_url", "number"),
            (ForeignKey(("testimony_url",), "temoignages", ("url",)),),
            followup_table_rows,
        ),
        Table(
            "marchands",
            "Marchands",
            "Marchands",
            "Une ligne par marchand public : les chiffres de sa fiche (marchands.json).",
            tuple(described.MERCHANT.values()),
            ("slug",),
            (),
            merchant_rows,
        ),
        Table(
            "montants_marchands",
            "Montants par marchand",
            "Montants",
            "Une ligne par marchand et par monnaie : sommes en jeu et non récupérées.",
            tuple(described.MERCHANT_AMOUNT.values()),
            ("merchant", "currency"),
            (ForeignKey(("merchant",), "marchands", ("slug",)),),
            merchant_amount_rows,
        ),
    )
