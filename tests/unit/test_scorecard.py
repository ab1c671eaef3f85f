"""Unit tests of the scorecard, with values computed by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints.domain import fuzzydate, model, timeline
from complaints.domain.rules import (
    LOW_CONFIDENCE_BELOW,
    MIN_CASES_FOR_SCORE,
    PRIOR_CASES,
    PRIOR_MEAN,
)
from complaints.domain.scorecard import (
    compute_scorecard,
    kaplan_meier_median,
    round_score,
    shrunk_score,
    wilson_interval,
)
from tests.support.fakes import FakeCase, FakeMoney

# --- Kaplan–Meier ---------------------------------------------------------


def test_km_median_hand_checked() -> None:
    # S(20) = 3/4; 30 censored leaves 2 at risk; S(90) = 3/4 × 1/2 = 3/8 <= 1/2.
    obs = [(20, True), (30, False), (90, True), (400, False)]
    assert kaplan_meier_median(obs) == 90


def test_km_median_order_does_not_matter() -> None:
    obs = [(400, False), (90, True), (20, True), (30, False)]
    assert kaplan_meier_median(obs) == 90


def test_km_median_not_reached() -> None:
    # S(10) = 3/4, then everybody is censored: the curve stays above 0.5.
    assert kaplan_meier_median([(10, True), (20, False), (30, False), (40, False)]) is (None)


def test_km_median_empty_and_all_censored() -> None:
    assert kaplan_meier_median([]) is None
    assert kaplan_meier_median([(5, False), (50, False)]) is None


def test_km_median_exactly_half() -> None:
    assert kaplan_meier_median([(3, True), (7, True)]) == 3


def test_km_median_ties_events_before_censorings() -> None:
    # At t=10: one event and one censoring among 2 at risk -> S = 1/2 (event first).
    # Were the censoring counted first, S would stay 1 and the median not reached.
    assert kaplan_meier_median([(10, True), (10, False)]) == 10
    # Two events among 4 at t=5 -> S = 1/2.
    assert kaplan_meier_median([(5, True), (5, True), (5, False), (8, False)]) == 5


def test_km_median_without_censoring_is_the_lower_median() -> None:
    assert kaplan_meier_median([(d, True) for d in (4, 1, 9, 3, 7)]) == 4


# --- Wilson ---------------------------------------------------------------


def test_wilson_hand_values() -> None:
    # z(90%) = 1.644854, z² = 2.705543; 5/10: centre 0.5,
    # half = z·sqrt(0.025 + z²/400) / (1 + z²/10) = 0.293153 / 1.270554 = 0.230729
    low, high = wilson_interval(5, 10)
    assert low == pytest.approx(0.2693, abs=1e-4)
    assert high == pytest.approx(0.7307, abs=1e-4)


def test_wilson_fractional_and_bounds() -> None:
    # 1.5/3: p = 0.5, symmetric; half = z·sqrt(1/12 + z²/36) / (1 + z²/3)
    #   = 0.654823 / 1.901848 = 0.344309
    low, high = wilson_interval(1.5, 3)
    assert low + high == pytest.approx(1.0)
    assert low == pytest.approx(0.1557, abs=1e-4)
    # 0/4: low 0, high = (z²/4) / (1 + z²/4) = 0.676386 / 1.676386 = 0.4035
    low, high = wilson_interval(0, 4)
    assert low == 0.0
    assert high == pytest.approx(0.4035, abs=1e-4)
    low, high = wilson_interval(4, 4)
    assert high == 1.0
    assert low == pytest.approx(0.5965, abs=1e-4)


def test_wilson_n_zero_is_whole_interval() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_wilson_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        wilson_interval(3, 2)
    with pytest.raises(ValueError):
        wilson_interval(-1, 2)


@given(st.integers(1, 500), st.data())
def test_wilson_contains_the_share(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, 2 * n)) / 2
    low, high = wilson_interval(k, n)
    assert 0.0 <= low <= k / n <= high <= 1.0


# --- Shrunk score ---------------------------------------------------------


def test_shrunk_score_examples() -> None:
    assert shrunk_score([0]) == pytest.approx(250 / 6)
    assert round_score(shrunk_score([0])) == 41.7
    assert shrunk_score([0, 0, 0]) == 31.25
    assert shrunk_score([]) == PRIOR_MEAN
    assert shrunk_score([100] * 5) == 75.0
    assert PRIOR_CASES == 5


def test_round_score_halves_up() -> None:
    assert round_score(31.25) == 31.3
    assert round_score(31.24999) == 31.2


# --- compute_scorecard ----------------------------------------------------


def test_empty_scorecard() -> None:
    card = compute_scorecard([])
    assert card.n == 0
    assert card.n_open == 0
    assert card.first_experience_date is None
    assert card.response_rate is None
    assert card.timely_answer_rate is None
    assert card.resolved_share is None
    assert card.resolved_share_interval is None
    assert card.median_days_to_first_answer is None
    assert card.median_days_to_resolution is None
    assert card.money_at_stake == {}
    assert card.top_issue_categories == ()
    assert card.score is None
    assert card.low_confidence


def test_all_open_recent_cases() -> None:
    cases = [FakeCase(days_followed=10, days_open=10) for _ in range(3)]
    card = compute_scorecard(cases)
    assert card.n_open == 3
    assert card.response_rate == 0
    assert card.timely_answer_rate is None  # nobody followed 15 days yet
    assert card.resolved_share is None  # neither closed nor 60 days old
    assert card.median_days_to_first_answer is None  # all censored
    assert card.median_days_to_resolution is None
    assert card.score == round_score(250 / 8) == 31.3


def test_mixed_cases_hand_computed() -> None:
    cases = [
        FakeCase(  # answered day 5, resolved day 20
            status="resolved",
            days_to_first_answer=5,
            days_to_resolution=20,
            days_followed=20,
            case_points=100,
            issues=("delivery.late", "delivery.lost"),
            experience_date=date(2021, 3, 1),
        ),
        FakeCase(  # answered day 40, partial remedy day 90
            status="partially_resolved",
            days_to_first_answer=40,
            days_to_resolution=90,
            days_followed=90,
            broken_promises=2,
            case_points=30,
            issues=("refund.partial", "delivery.late"),
            experience_date=date(2019, 5, 1),
        ),
        FakeCase(  # never answered, open for 400 days
            status="open",
            days_open=400,
            days_followed=400,
            broken_promises=1,
            case_points=0,
            issues=("customer_service.no_response",),
            experience_date=date(2022, 1, 1),
        ),
        FakeCase(  # answered day 10, open only 30 days
            status="open",
            days_to_first_answer=10,
            days_open=30,
            days_followed=30,
            case_points=40,
            issues=("refund.not_paid",),
            experience_date=date(2020, 7, 1),
        ),
    ]
    card = compute_scorecard(cases)
    assert card.n == 4
    assert card.n_open == 2
    assert card.first_experience_date == date(2019, 5, 1)
    assert card.last_experience_date == date(2022, 1, 1)
    assert card.response_rate == 0.75
    # all four followed >= 15 days; answered within 15: cases 1 and 4.
    assert card.timely_answer_base == 4
    assert card.timely_answer_rate == 0.5
    # base: two closed + the 400-day open case; (1 + 0.5 + 0) / 3.
    assert card.resolved_share_base == 3
    assert card.resolved_share == 0.5
    assert card.resolved_share_interval == wilson_interval(1.5, 3)
    # answers: 5, 10, 40 events, 400 censored -> S(5)=3/4, S(10)=1/2.
    assert card.median_days_to_first_answer == 10
    # resolutions: 20 event, 30 censored, 90 event, 400 censored -> 90.
    assert card.median_days_to_resolution == 90
    assert card.top_issue_categories == (
        ("delivery", 2),
        ("refund", 2),
        ("customer_service", 1),
    )
    assert card.issue_counts[0] == ("delivery.late", 2)
    assert card.broken_promises == 3
    assert card.cases_with_broken_promises == 2
    # (250 + 170) / 9 = 46.666…
    assert card.score == 46.7
    assert card.low_confidence


def test_timely_counts_fast_cases_closed_before_15_days() -> None:
    fast = FakeCase(status="resolved", days_to_first_answer=2, days_followed=6)
    early = FakeCase(days_followed=6)  # too early to know
    card = compute_scorecard([fast, early])
    assert card.timely_answer_base == 1
    assert card.timely_answer_rate == 1.0


def test_issue_category_counted_once_per_case() -> None:
    case = FakeCase(issues=("delivery.late", "delivery.lost", "delivery.late"))
    card = compute_scorecard([case])
    assert card.top_issue_categories == (("delivery", 1),)
    assert card.issue_counts == (("delivery.late", 1), ("delivery.lost", 1))


def test_money_one_currency() -> None:
    cases = [
        FakeCase(amount=FakeMoney(900), recovered=FakeMoney(0)),
        FakeCase(amount=FakeMoney(Decimal("49.90")), recovered=None),
        FakeCase(amount=FakeMoney(100.5), recovered=FakeMoney(150)),  # over-refund
        FakeCase(amount=None, recovered=FakeMoney(10)),
    ]
    card = compute_scorecard(cases)
    assert card.money_at_stake == {"EUR": Decimal("1050.40")}
    assert card.money_not_recovered == {"EUR": Decimal("949.90")}


def test_money_two_currencies() -> None:
    cases = [
        FakeCase(amount=FakeMoney(200, "CHF"), recovered=FakeMoney(50, "CHF")),
        FakeCase(amount=FakeMoney(30), recovered=FakeMoney(30)),
        FakeCase(amount=FakeMoney(20), recovered=FakeMoney(5, "CHF")),
    ]
    card = compute_scorecard(cases)
    assert card.money_at_stake == {"CHF": Decimal(200), "EUR": Decimal(50)}
    assert card.money_not_recovered == {"CHF": Decimal(150), "EUR": Decimal(20)}
    assert list(card.money_at_stake) == ["CHF", "EUR"]


def test_money_resolved_case_loses_nothing_even_without_a_refund() -> None:
    repaired = FakeCase(status="resolved", amount=FakeMoney(849), recovered=FakeMoney(0))
    partial = FakeCase(status="partially_resolved", amount=FakeMoney(100), recovered=FakeMoney(40))
    card = compute_scorecard([repaired, partial])
    assert card.money_at_stake == {"EUR": Decimal(949)}
    assert card.money_not_recovered == {"EUR": Decimal(60)}


def test_score_threshold_and_confidence() -> None:
    below = [FakeCase(case_points=100)] * (MIN_CASES_FOR_SCORE - 1)
    assert compute_scorecard(below).score is None
    at = [FakeCase(case_points=100)] * MIN_CASES_FOR_SCORE
    assert compute_scorecard(at).score == round_score((250 + 300) / 8) == 68.8
    five = [FakeCase()] * LOW_CONFIDENCE_BELOW
    assert not compute_scorecard(five).low_confidence
    assert compute_scorecard(five[:-1]).low_confidence


def test_fuzzy_experience_dates_are_sorted_by_start() -> None:
    @dataclass(frozen=True)
    class Fuzzy:
        start: date

    late, early = Fuzzy(date(2009, 6, 1)), Fuzzy(date(2008, 7, 1))
    cases = [FakeCase(experience_date=late), FakeCase(experience_date=early)]
    card = compute_scorecard(cases)
    assert card.first_experience_date is early
    assert card.last_experience_date is late


def test_scorecard_is_hashable() -> None:
    card = compute_scorecard([FakeCase(amount=FakeMoney(1))])
    assert isinstance(hash(card), int)


def test_with_real_case_facts() -> None:

    def facts(status: str, points: int, when: str, **kw: object) -> object:
        base: dict[str, object] = {
            "t0": date(2009, 1, 1),
            "first_answer_date": None,
            "days_to_first_answer": None,
            "resolution_date": None,
            "days_to_resolution": None,
            "days_open": None,
            "days_followed": 100,
            "broken_promises": 0,
            "status": status,
            "resolution": "none",
            "amount": model.Money(value=Decimal(900), currency="EUR"),
            "recovered": None,
            "issues": ("delivery.wrong_recipient",),
            "approx": False,
            "case_points": points,
            "as_of": date(2009, 7, 6),
            "experience_date": fuzzydate.FuzzyDate.parse(when),
        }
        base.update(kw)
        return timeline.CaseFacts(**base)

    cases = [
        facts("open", 0, "2008-07", days_open=100),
        facts(
            "resolved",
            100,
            "2009-02-03",
            days_to_first_answer=4,
            days_to_resolution=9,
            days_followed=9,
            recovered=model.Money(value=Decimal(900), currency="EUR"),
        ),
        facts("unresolved", 15, "2008"),
    ]
    card = compute_scorecard(cases)  # type: ignore[arg-type]
    assert card.first_experience_date == fuzzydate.FuzzyDate.parse("2008")
    assert card.last_experience_date == fuzzydate.FuzzyDate.parse("2009-02-03")
    assert card.money_not_recovered == {"EUR": Decimal(1800)}
    assert card.resolved_share == pytest.approx(1 / 3)
    assert card.score == round_score((250 + 115) / 8) == 45.6
    assert card.median_days_to_resolution is None
