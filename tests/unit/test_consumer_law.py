"""The legal deadlines and late-refund scales: worked cases citing the articles
(tests/support/rights_cases.py), and the boundaries with Hypothesis."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints.domain import consumer_law as law
from complaints.present import rights_tool
from tests.support.rights_cases import CASES

days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))
cents = st.integers(min_value=0, max_value=10**9)


@pytest.mark.parametrize("case", CASES, ids=[case["why"] for case in CASES])
def test_worked_case(case: dict) -> None:
    found = rights_tool.answer(case["situation"], case["inputs"])
    values = {fact.key: fact.value for fact in found.facts}
    assert {key: values.get(key) for key in case["expected"]} == case["expected"]
    passed = {fact.key: fact.passed for fact in found.facts}
    for key, expected in case.get("passed", {}).items():
        assert passed[key] is expected, key


def test_the_scales_are_those_of_l241_4_and_l242_4() -> None:
    assert [
        law.increase(law.CANCELLATION_SCALE, d).percent for d in (0, 1, 14, 15, 30, 31, 400)
    ] == [
        0,
        10,
        10,
        20,
        20,
        50,
        50,
    ]
    withdrawal = [
        law.increase(law.WITHDRAWAL_SCALE, d)
        for d in (10, 11, 20, 21, 30, 31, 60, 61, 90, 91, 120, 121)
    ]
    assert [(i.percent, i.legal_interest) for i in withdrawal] == [
        (0, True),
        (5, False),
        (5, False),
        (10, False),
        (10, False),
        (20, False),
        (20, False),
        (50, False),
        (50, False),
        (55, False),
        (55, False),
        (60, False),
    ]


@given(start=days, amount=cents)
def test_a_cancellation_refund_on_the_14th_day_is_on_time_the_15th_is_10_percent(
    start: date, amount: int
) -> None:
    on_time = law.cancellation_refund(start, amount, start, paid=start + timedelta(days=14))
    assert not on_time.passed and on_time.total == amount
    late = law.cancellation_refund(start, amount, start, paid=start + timedelta(days=15))
    assert late.increase.days_late == 1 and late.increase.percent == 10
    assert late.total == amount + (amount * 10 + 50) // 100


@given(start=days, amount=cents)
def test_cancellation_boundaries_14_15_30_31_days_late(start: date, amount: int) -> None:
    deadline = start + timedelta(days=law.CANCELLATION_REFUND_DAYS)
    percents = [
        law.cancellation_refund(start, amount, deadline + timedelta(days=late)).increase.percent
        for late in (14, 15, 30, 31)
    ]
    assert percents == [10, 20, 20, 50]


@given(start=days, amount=cents)
def test_withdrawal_boundaries_10_20_30_60_90_days_late(start: date, amount: int) -> None:
    deadline = start + timedelta(days=law.WITHDRAWAL_REFUND_DAYS)
    found = {
        late: law.withdrawal_refund(start, amount, deadline + timedelta(days=late)).increase
        for late in (10, 11, 20, 21, 30, 31, 60, 61, 90, 91)
    }
    assert found[10].legal_interest and found[10].percent == 0
    assert [found[d].percent for d in (11, 20, 21, 30, 31, 60, 61, 90, 91)] == [
        5,
        5,
        10,
        10,
        20,
        20,
        50,
        50,
        55,
    ]


@given(late=st.integers(min_value=1, max_value=5000))
def test_the_withdrawal_increase_never_decreases_and_stops_at_the_price(late: int) -> None:
    now = law.increase(law.WITHDRAWAL_SCALE, late)
    after = law.increase(law.WITHDRAWAL_SCALE, late + 1)
    assert now.percent <= after.percent <= 100
    assert (now.percent == 100) == (now.legal_interest and now.percent > 0)


@given(amount=cents, percent=st.integers(min_value=0, max_value=100))
def test_an_increase_is_rounded_to_the_nearest_cent_halves_up(amount: int, percent: int) -> None:
    exact = amount * percent / 100
    assert abs(law.percent_of(amount, percent) - exact) <= 0.5
    if (amount * percent) % 100 == 50:
        assert law.percent_of(amount, percent) == int(exact + 0.5)


@given(ordered=days)
def test_delivery_is_due_30_days_after_the_order_without_a_date(ordered: date) -> None:
    due = ordered + timedelta(days=30)
    assert law.delivery(ordered, due).due == due and not law.delivery(ordered, due).passed
    assert law.delivery(ordered, due + timedelta(days=1)).passed


@given(day=days, months=st.integers(min_value=0, max_value=120))
def test_adding_months_keeps_the_day_or_takes_the_month_end(day: date, months: int) -> None:
    later = law.add_months(day, months)
    assert (later.year * 12 + later.month) - (day.year * 12 + day.month) == months
    assert later.day == day.day or (later.day < day.day and (later + timedelta(days=1)).day == 1)


def test_29_february() -> None:
    assert law.add_months(date(2024, 2, 29), 24) == date(2026, 2, 28)
    assert law.add_months(date(2024, 2, 29), 48) == date(2028, 2, 29)
    assert law.conformity(date(2024, 2, 29), date(2024, 3, 1)).guarantee_end == date(2026, 2, 28)
    assert law.delivery(date(2028, 1, 30), date(2028, 3, 1)).due == date(2028, 2, 29)
    assert law.cancellation_refund(date(2028, 2, 15), 100, date(2028, 2, 29)).deadline == date(
        2028, 2, 29
    )


@given(delivered=days, second_hand=st.booleans())
def test_conformity_guarantee_two_years_presumption_24_or_12_months(
    delivered: date, second_hand: bool
) -> None:
    found = law.conformity(delivered, delivered, second_hand)
    assert found.guarantee_end == law.add_months(delivered, 24)
    assert found.presumption_end == law.add_months(delivered, 12 if second_hand else 24)
    assert found.remedy_deadline is None and not found.remedy_passed


def test_rules_data_holds_every_number_the_page_reads() -> None:
    data = law.rules_data()
    assert data["delivery_days"] == 30
    assert data["cancellation_scale"]["article"] == "L241-4"
    assert [t["up_to_days"] for t in data["withdrawal_scale"]["tiers"]] == [10, 20, 30, 60, 90]
    assert data["withdrawal_scale"]["tiers"][0]["percent"] is None
