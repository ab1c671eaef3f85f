"""The rules module states the methodology's numbers (content/pages/methodologie.md)."""

from __future__ import annotations

import pytest

from complaints.domain import rules, vocabulary


def test_points_of_the_methodology() -> None:
    assert rules.STATUS_POINTS == {"resolved": 60, "partially_resolved": 30}
    assert rules.ANSWER_POINTS == ((15, 25), (30, 15), (60, 5))
    assert rules.NO_BROKEN_PROMISE_POINTS == 15
    assert (rules.PRIOR_CASES, rules.PRIOR_MEAN) == (5, 50)


def test_thresholds_of_the_methodology() -> None:
    assert rules.MIN_CASES_FOR_SCORE == 3
    assert rules.LOW_CONFIDENCE_BELOW == 5
    assert rules.TIMELY_DAYS == 15
    assert rules.OLD_CASE_DAYS == 60
    assert rules.PROMISE_DAYS == 30
    assert pytest.approx(1.6449, abs=1e-4) == rules.Z  # two-sided 90 %


def test_rules_name_only_values_of_the_vocabularies() -> None:
    statuses = {rules.OPEN, rules.RESOLVED, rules.PARTIALLY_RESOLVED, rules.UNRESOLVED}
    assert statuses == set(vocabulary.STATUSES)
    assert statuses >= rules.SOLVED_STATUSES
    kinds = {
        rules.COMPLAINT_KIND,
        rules.RESOLUTION_KIND,
        rules.REPLY_KIND,
        *rules.PROBLEM_KINDS,
        *rules.ANSWER_KINDS,
        *rules.PROMISE_KINDS,
    }
    assert kinds <= set(vocabulary.KINDS)
    assert set(rules.STATUS_POINTS) == rules.SOLVED_STATUSES == set(rules.RESOLUTION_CREDIT)
