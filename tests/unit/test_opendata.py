"""Unit tests of the open data files (CSV rows and JSON records)."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import yaml

from complaints.domain import model, timeline
from complaints.domain.scorecard import compute_scorecard, round_score, shrunk_score
from complaints.outputs import opendata
from complaints.outputs.opendata import CSV_COLUMNS, merchant_record, write_csv, write_json
from tests.support.fakes import FakeCase as FakeFacts
from tests.support.fakes import FakeMoney


@dataclass(frozen=True)
class FakeTestimony:
    merchant: str
    fictional: bool = False


@dataclass(frozen=True)
class FakeFuzzy:
    start: date
    datetime_values: tuple[str, ...]


PIXMANIA = FakeFacts(
    status="open",
    resolution="none",
    days_open=358,
    days_followed=358,
    broken_promises=1,
    amount=FakeMoney(900, qualifier="more_than"),
    recovered=FakeMoney(0),
    issues=("delivery.wrong_recipient", "refund.not_paid"),
    case_points=0,
    experience_date=date(2008, 7, 13),
)


def _row(facts: FakeFacts, merchant: str = "pixmania", n: int = 0) -> dict[str, str]:
    return opendata.testimony_row(
        url=f"https://example.org/temoignages/{merchant}-{n}/",
        title=f"Témoignage n° {n}, « {merchant} »",
        date_published=datetime(2009, 7, 6, 10, 0, tzinfo=UTC),
        facts=facts,
        testimony=FakeTestimony(merchant),
    )


def test_row_columns_and_cells() -> None:
    row = _row(PIXMANIA)
    assert tuple(row) == CSV_COLUMNS
    assert row["date_published"] == "2009-07-06"
    assert row["experience_date"] == "2008-07-13"
    assert row["merchant"] == "pixmania"
    assert row["issues"] == "delivery.wrong_recipient;refund.not_paid"
    assert row["amount"] == "900.00"
    assert row["currency"] == "EUR"
    assert row["recovered"] == "0.00"
    assert row["days_to_first_answer"] == ""
    assert row["days_to_resolution"] == ""
    assert row["days_open"] == "358"
    assert row["broken_promises"] == "1"
    assert row["case_points"] == "0"
    assert row["not_recovered"] == "900.00"
    assert row["fictional"] == "false"
    assert all(isinstance(v, str) for v in row.values())


def test_row_without_money_and_fuzzy_date() -> None:
    fuzzy = FakeFuzzy(date(2008, 7, 1), ("2008-07",))
    row = _row(FakeFacts(experience_date=fuzzy))  # type: ignore[arg-type]
    assert row["experience_date"] == "2008-07"
    assert row["amount"] == row["currency"] == row["recovered"] == row["not_recovered"] == ""
    assert row["resolution"] == ""


def test_write_csv_round_trip() -> None:
    stream = io.StringIO(newline="")
    write_csv([_row(PIXMANIA)], stream)
    text = stream.getvalue()
    assert text.startswith(",".join(CSV_COLUMNS) + "\r\n")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert rows == [_row(PIXMANIA)]


def test_merchant_record_is_json_and_complete() -> None:
    cases = [
        PIXMANIA,
        FakeFacts(
            status="resolved",
            days_to_first_answer=3,
            days_to_resolution=12,
            days_followed=12,
            amount=FakeMoney(Decimal("19.999")),
            recovered=FakeMoney(10),
            case_points=100,
        ),
        FakeFacts(case_points=40, amount=FakeMoney(5, "CHF")),
    ]
    card = compute_scorecard(cases)
    record = merchant_record(
        slug="pixmania", name="Pixmania", url="/marchands/pixmania/", scorecard=card
    )
    assert json.loads(json.dumps(record)) == record
    assert record["first_experience_date"] == "2008-07-13"
    assert record["money_at_stake"] == {"CHF": 5.0, "EUR": 920.0}
    # the resolved case counts for nothing lost, whatever it recovered in money
    assert record["money_not_recovered"] == {"CHF": 5.0, "EUR": 900.0}
    assert record["response_rate"] == round(1 / 3, 4)
    assert record["median_days_to_first_answer"] is None
    assert record["score"] == round_score((250 + 140) / 8) == 48.8
    assert record["resolved_share_interval"] is not None
    expected = {f for f in card.__dataclass_fields__}
    assert expected <= set(record)


def test_record_under_three_testimonies_has_null_score() -> None:
    card = compute_scorecard([PIXMANIA])
    record = merchant_record(slug="p", name="P", url="/p/", scorecard=card)
    text = json.dumps(record)
    assert '"score": null' in text
    assert record["n"] == 1
    assert record["low_confidence"] is True


def test_empty_scorecard_record() -> None:
    record = merchant_record(slug="x", name="X", url="/x/", scorecard=compute_scorecard([]))
    assert record["first_experience_date"] is None
    assert record["resolved_share"] is None
    assert record["money_at_stake"] == {}


def test_write_json_shape() -> None:
    stream = io.StringIO()
    record = merchant_record(slug="é", name="Éa", url="/é/", scorecard=compute_scorecard([]))
    write_json([record], stream, generated=date(2024, 5, 1))
    text = stream.getvalue()
    assert "Éa" in text  # not \\u-escaped
    document = json.loads(text)
    assert document == {"generated": "2024-05-01", "merchants": [record]}


def test_score_reproducible_from_csv() -> None:
    by_merchant = {
        "alpha": [FakeFacts(case_points=p) for p in (0, 100, 40, 55)],
        "beta": [FakeFacts(case_points=p) for p in (30, 15, 0)],
        "gamma": [FakeFacts(case_points=25), FakeFacts(case_points=60)],
    }
    rows = [
        _row(facts, merchant, i)
        for merchant, cases in by_merchant.items()
        for i, facts in enumerate(cases)
    ]
    stream = io.StringIO(newline="")
    write_csv(rows, stream)
    read = list(csv.DictReader(io.StringIO(stream.getvalue(), newline="")))

    for merchant, cases in by_merchant.items():
        record = merchant_record(
            slug=merchant, name=merchant, url="/", scorecard=compute_scorecard(cases)
        )
        points = [float(r["case_points"]) for r in read if r["merchant"] == merchant]
        if len(points) < 3:
            assert record["score"] is None
        else:
            assert record["score"] == round_score(shrunk_score(points))


PIXMANIA_YAML = """
merchant: pixmania
experience_date: 2008-07-13
order: {date: 2008-07-13, item: caméscope numérique,
        amount: {value: 900, currency: EUR, qualifier: more_than}, channel: web}
issues: [delivery.wrong_recipient, customer_service.no_response, refund.not_paid]
events:
  - {date: 2008-07-13, actor: consumer, kind: order, channel: web}
  - {date: 2008-08, actor: carrier, kind: delivery_problem}
  - {date: 2008-08..2009-05, actor: consumer, kind: reminder, approx: true}
  - {date: 2009-06, actor: merchant, kind: offer, options: [refund, reorder]}
outcome: {status: open, resolution: none, recovered: {value: 0, currency: EUR},
          as_of: 2009-07-06}
verification: {documents_seen: false, by: editor}
"""


def test_row_from_real_testimony() -> None:
    case = model.parse_testimony(
        yaml.safe_load(PIXMANIA_YAML), source="pixmania.md", merchants=None
    )
    facts = timeline.derive_facts(case)
    row = opendata.testimony_row(
        url="/p/", title="P", date_published=date(2009, 7, 6), facts=facts,
        testimony=case,
    )  # fmt: skip
    assert row["experience_date"] == "2008-07-13"
    assert row["amount"] == "900.00"
    assert row["recovered"] == "0.00"
    assert row["merchant"] == "pixmania"
    assert row["case_points"] == str(facts.case_points)
    record = merchant_record(
        slug="pixmania",
        name="Pixmania",
        url="/m/",
        scorecard=compute_scorecard([facts]),
    )
    assert json.loads(json.dumps(record))["n"] == 1
