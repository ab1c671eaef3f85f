"""« Ce que la publication a changé »: when a case moves, the figures and their threshold."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from complaints.domain import rules
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.publication_effect import days_to_move, publication_effect
from complaints.present.publication_effect import days_fr

PUBLISHED = date(2021, 3, 10)


def update(day: str, kind: str = "follow_up", status: str | None = None) -> SimpleNamespace:
    outcome = None if status is None else SimpleNamespace(status=status)
    return SimpleNamespace(date=FuzzyDate.parse(day), kind=kind, outcome=outcome)


def test_no_follow_up_no_move():
    assert days_to_move([], PUBLISHED, "open") is None
    assert days_to_move([update("2021-04-01"), update("2021-05-01")], PUBLISHED, "open") is None


def test_the_merchant_answering_after_publication_is_a_move():
    assert days_to_move([update("2021-03-17", "merchant_reply")], PUBLISHED, "open") == 7


def test_a_case_resolved_or_partly_resolved_through_a_follow_up_is_a_move():
    assert days_to_move([update("2021-04-09", "outcome", "resolved")], PUBLISHED, "open") == 30
    partly = update("2021-04-09", "outcome", "partially_resolved")
    assert days_to_move([partly], PUBLISHED, "unresolved") == 30
    # an outcome that stays open, or turns unresolved, is not a move
    assert days_to_move([update("2021-04-09", "outcome", "unresolved")], PUBLISHED, "open") is None


def test_a_case_moving_twice_counts_its_first_move():
    steps = [
        update("2021-03-12", "correction"),
        update("2021-03-20", "merchant_reply"),
        update("2021-05-01", "outcome", "partially_resolved"),
        update("2021-06-01", "outcome", "resolved"),
    ]
    assert days_to_move(steps, PUBLISHED, "open") == 10


def test_restating_the_status_at_publication_is_no_move():
    # resolved at publication, the follow-up says it again: nothing changed
    assert (
        days_to_move([update("2021-04-01", "outcome", "resolved")], PUBLISHED, "resolved") is None
    )
    # partly, then fully resolved after publication: a move
    assert days_to_move([update("2021-04-01", "outcome", "resolved")], PUBLISHED, "partially_resolved") == 22  # fmt: skip


def test_a_fuzzy_date_counts_from_its_first_day_never_before_publication():
    assert days_to_move([update("2021-04", "merchant_reply")], PUBLISHED, "open") == 22
    assert days_to_move([update("2021-03", "merchant_reply")], PUBLISHED, "open") == 0
    assert days_to_move([update("2021-03..2021-05", "merchant_reply")], PUBLISHED, "open") == 0
    assert days_to_move([update("2021-03-17", "merchant_reply")], None, "open") is None


def test_below_the_threshold_there_is_no_figure():
    below = publication_effect([3] * (rules.MIN_CASES_FOR_SCORE - 1))
    assert (below.cases, below.moved, below.median_days, below.enough) == (
        rules.MIN_CASES_FOR_SCORE - 1,
        None,
        None,
        False,
    )
    assert publication_effect([]).moved is None


def test_the_figures_from_the_threshold_on():
    effect = publication_effect([7, None, 30, None])
    assert (effect.cases, effect.moved, effect.median_days, effect.enough) == (4, 2, 18.5, True)
    nothing = publication_effect([None, None, None])
    assert (nothing.cases, nothing.moved, nothing.median_days) == (3, 0, None)


def test_the_threshold_is_read_when_counting(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rules, "MIN_CASES_FOR_SCORE", 5)
    assert publication_effect([1, 2, 3, 4]).moved is None
    assert publication_effect([1, 2, 3, 4, None]).moved == 4


@given(st.lists(st.one_of(st.none(), st.integers(0, 2000)), min_size=3, max_size=30))
def test_the_median_lies_between_the_fastest_and_slowest_move(delays):
    effect = publication_effect(delays)
    moves = [d for d in delays if d is not None]
    assert effect.moved == len(moves) and effect.cases == len(delays)
    if moves:
        assert min(moves) <= effect.median_days <= max(moves)
        assert sum(d <= effect.median_days for d in moves) * 2 >= len(moves)


def test_days_are_printed_exactly():
    assert days_fr(18) == "18\u00a0jours"
    assert days_fr(18.5) == "18,5\u00a0jours"
    assert days_fr(1) == "1\u00a0jour"
    assert days_fr(None) == ""
