"""Open data: ``donnees/temoignages.csv`` (one row per published testimony),
the rows of the follow-ups table and ``donnees/marchands.json``.

CSV: RFC 4180, ISO dates keeping their precision (``2008-07``, a range ``start/end``),
money with two decimals and its ISO 4217 code, issues joined with ``;``; a cell a
spreadsheet would run as a formula starts with ``'`` (OWASP). JSON: rates in [0, 1] to
4 places, money per currency, ``score`` null below the minimum of cases. ``status`` is
the current outcome (``status_at_publication`` the first). Every score is recomputable
from the CSV: ``round_score(shrunk_score(case_points of a merchant's rows))``; what
publication changed, from ``suivis.csv`` with ``temoignages.csv`` (Méthodologie).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Protocol, TextIO

from complaints.domain.publication_effect import PublicationEffect
from complaints.domain.scorecard import CaseLike, MoneyLike, Scorecard, not_recovered

CSV_COLUMNS: tuple[str, ...] = (
    "url",
    "title",
    "date_published",
    "experience_date",
    "merchant",
    "issues",
    "status",
    "resolution",
    "amount",
    "amount_qualifier",
    "currency",
    "recovered",
    "recovered_qualifier",
    "recovered_currency",
    "days_to_first_answer",
    "days_to_resolution",
    "days_open",
    "days_followed",
    "broken_promises",
    "case_points",
    "not_recovered",
    "fictional",
    "status_at_publication",
    "last_updated",
)
FOLLOWUP_COLUMNS: tuple[str, ...] = (
    "testimony_url",
    "merchant",
    "number",
    "date",
    "date_start",
    "kind",
    "text",
    "wrong",
    "right",
    "status",
    "resolution",
    "recovered",
    "currency",
    "fictional",
)
"""One row per follow-up: ``status``… are empty when the follow-up states no outcome."""
RATE_PLACES = 4
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?")
CENT = Decimal("0.01")


class FactsLike(CaseLike, Protocol):
    """The case facts a CSV row reads (``timeline.CaseFacts``)."""

    resolution: str | None


class TestimonyLike(Protocol):
    """The part of a testimony a CSV row reads (``model.Testimony``)."""

    merchant: str
    fictional: bool


def _updates(testimony: Any) -> list[Any]:
    return list(getattr(testimony, "updates", None) or ())


def iso_date(value: Any) -> str:
    """ISO text of a date, datetime (its day) or FuzzyDate; "" for None."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    values = getattr(value, "datetime_values", None)
    if values:
        return "/".join(values)
    start = getattr(value, "start", None)
    return start.isoformat() if isinstance(start, date) else str(value)


def cents(value: Any) -> Decimal:
    """A Decimal rounded to cents (halves up) from a Decimal, int or float."""
    amount = value if isinstance(value, Decimal) else Decimal(str(value))
    return amount.quantize(CENT, ROUND_HALF_UP)


def _cell(value: Any) -> str:
    """CSV text of a scalar: "" for None, integral floats without ".0"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money_cell(money: MoneyLike | None) -> str:
    return "" if money is None else _cents_cell(money.value)


def _qualifier_cell(money: MoneyLike | None) -> str:
    return "" if money is None else getattr(money, "qualifier", "exactly")


def _cents_cell(value: Any) -> str:
    return "" if value is None else str(cents(value))


def testimony_row(
    *,
    url: str,
    title: str,
    date_published: date | datetime | None,
    facts: FactsLike,
    testimony: TestimonyLike,
) -> dict[str, str]:
    """One CSV row (all cells are strings, keys in :data:`CSV_COLUMNS` order)."""
    money = facts.amount or facts.recovered
    row = {
        "url": url,
        "title": title,
        "date_published": iso_date(date_published),
        "experience_date": iso_date(facts.experience_date),
        "merchant": testimony.merchant,
        "issues": ";".join(facts.issues),
        "status": _cell(facts.status),
        "resolution": _cell(facts.resolution),
        "amount": _money_cell(facts.amount),
        "amount_qualifier": _qualifier_cell(facts.amount),
        "currency": "" if money is None else money.currency,
        "recovered": _money_cell(facts.recovered),
        "recovered_qualifier": _qualifier_cell(facts.recovered),
        "recovered_currency": "" if facts.recovered is None else facts.recovered.currency,
        "days_to_first_answer": _cell(facts.days_to_first_answer),
        "days_to_resolution": _cell(facts.days_to_resolution),
        "days_open": _cell(facts.days_open),
        "days_followed": _cell(facts.days_followed),
        "broken_promises": _cell(facts.broken_promises),
        "case_points": _cell(facts.case_points),
        "not_recovered": _cents_cell(not_recovered(facts)),
        "fictional": "true" if testimony.fictional else "false",
        "status_at_publication": _cell(
            getattr(getattr(testimony, "outcome", None), "status", None)
        ),
        "last_updated": iso_date(updates[-1].date) if (updates := _updates(testimony)) else "",
    }
    return {column: row[column] for column in CSV_COLUMNS}


def followup_rows(*, url: str, testimony: Any) -> list[dict[str, str]]:
    """The follow-ups of one testimony as rows (strings, :data:`FOLLOWUP_COLUMNS`)."""
    rows = []
    for number, update in enumerate(_updates(testimony), 1):
        outcome = update.outcome
        recovered = outcome.recovered if outcome is not None else None
        rows.append(
            {
                "testimony_url": url,
                "merchant": testimony.merchant,
                "number": str(number),
                "date": iso_date(update.date),
                "date_start": iso_date(update.date.start),
                "kind": update.kind,
                "text": update.text,
                "wrong": update.wrong or "",
                "right": update.right or "",
                "status": outcome.status if outcome is not None else "",
                "resolution": outcome.resolution if outcome is not None else "",
                "recovered": _money_cell(recovered),
                "currency": recovered.currency if recovered is not None else "",
                "fictional": "true" if testimony.fictional else "false",
            }
        )
    return rows


def neutralise_formula(cell: str) -> str:
    """A cell a spreadsheet cannot run: ``'`` before a leading ``= + - @``, tab or CR.

    OWASP's advice for CSV injection; a plain number such as ``-3.5`` stays a number.
    """
    if cell.startswith(FORMULA_TRIGGERS) and not _PLAIN_NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def write_csv(
    rows: Iterable[Mapping[str, str]], stream: TextIO, columns: tuple[str, ...] = CSV_COLUMNS
) -> None:
    """Write the header and ``rows`` to ``stream`` (opened with newline=""), every
    cell through :func:`neutralise_formula`."""
    writer = csv.DictWriter(stream, fieldnames=columns, extrasaction="raise")
    writer.writeheader()
    writer.writerows(
        {key: neutralise_formula(str(value)) for key, value in row.items()} for row in rows
    )


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, RATE_PLACES)


def _days(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _money_json(amounts: Mapping[str, Decimal]) -> dict[str, float]:
    return {currency: float(cents(v)) for currency, v in amounts.items()}


def merchant_record(
    *,
    slug: str,
    name: str,
    url: str,
    scorecard: Scorecard,
    fictional: bool = False,
    effect: PublicationEffect | None = None,
) -> dict[str, Any]:
    """A JSON-serialisable record of a merchant, all its scorecard metrics and what
    publication changed (``after_publication_*``: null below the minimum of cases)."""
    card = scorecard
    interval = card.resolved_share_interval
    return {
        "slug": slug,
        "name": name,
        "url": url,
        "fictional": fictional,
        "n": card.n,
        "n_open": card.n_open,
        "first_experience_date": iso_date(card.first_experience_date) or None,
        "last_experience_date": iso_date(card.last_experience_date) or None,
        "response_rate": _rate(card.response_rate),
        "timely_answer_rate": _rate(card.timely_answer_rate),
        "timely_answer_base": card.timely_answer_base,
        "resolved_share": _rate(card.resolved_share),
        "resolved_share_interval": (
            None if interval is None else [_rate(bound) for bound in interval]
        ),
        "resolved_share_base": card.resolved_share_base,
        "median_days_to_first_answer": _days(card.median_days_to_first_answer),
        "median_days_to_resolution": _days(card.median_days_to_resolution),
        "money_at_stake": _money_json(card.money_at_stake),
        "money_not_recovered": _money_json(card.money_not_recovered),
        "money_at_stake_qualifier": card.money_at_stake_qualifier,
        "money_not_recovered_qualifier": card.money_not_recovered_qualifier,
        "n_timely": card.n_timely,
        "n_resolved": card.n_resolved,
        "n_partially_resolved": card.n_partially_resolved,
        "top_issue_categories": [
            {"category": category, "count": count} for category, count in card.top_issue_categories
        ],
        "issue_counts": [{"issue": issue, "count": count} for issue, count in card.issue_counts],
        "broken_promises": card.broken_promises,
        "cases_with_broken_promises": card.cases_with_broken_promises,
        "score": card.score,
        "low_confidence": card.low_confidence,
        "after_publication_cases": None if effect is None else effect.cases,
        "after_publication_moved": None if effect is None else effect.moved,
        "after_publication_median_days": None if effect is None else effect.median_days,
    }


def write_json(
    records: Iterable[Mapping[str, Any]],
    stream: TextIO,
    *,
    generated: date | datetime | None = None,
) -> None:
    """Write ``{"generated": ..., "merchants": [...]}`` as indented UTF-8 JSON.

    ``generated`` is left to the caller (the build passes its newest testimony date) so
    that two builds of the same content give the same bytes.
    """
    stamp = None if generated is None else generated.isoformat()
    document = {"generated": stamp, "merchants": [dict(r) for r in records]}
    json.dump(document, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
