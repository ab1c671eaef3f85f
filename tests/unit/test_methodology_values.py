"""The Méthodologie page's numbers: read from complaints.rules when printed."""

import pytest

from complaints.domain import rules
from complaints.present.methodology_values import CODE_VALUES


def printed(name: str) -> str:
    return CODE_VALUES[name]().replace("\u00a0", " ").replace("\u202f", " ")


def test_the_worked_examples_as_published() -> None:
    assert [printed(f"EXAMPLE_WILSON_{part}") for part in ("SHARE", "LOW", "HIGH")] == [
        "50 %",
        "27 %",
        "73 %",
    ]
    assert printed("PRIOR_POINTS") == "250"
    assert printed("EXAMPLE_ONE_ZERO_CASE_DIVISOR") == "6"
    assert printed("EXAMPLE_ONE_ZERO_CASE_SCORE") == "41,7"
    assert printed("EXAMPLE_THREE_ZERO_CASES_EXACT") == "31,25"
    assert printed("EXAMPLE_THREE_ZERO_CASES_SCORE") == "31,3"  # halves upward
    assert printed("PARTIAL_RESOLUTION_CREDIT") == "0,5"


def test_values_are_read_when_printed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "TIMELY_DAYS", 21)
    monkeypatch.setattr(rules, "ANSWER_POINTS", ((7, 30), (14, 20), (28, 10)))
    monkeypatch.setattr(rules, "PRIOR_CASES", 2)
    assert printed("TIMELY_DAYS") == "21"
    assert (printed("ANSWER_TIER_2_DAYS"), printed("ANSWER_TIER_2_POINTS")) == ("14", "20")
    assert printed("EXAMPLE_ONE_ZERO_CASE_SCORE") == "33,3"  # (2 × 50 + 0) ÷ 3
    assert printed("EXAMPLE_THREE_ZERO_CASES_DIVISOR") == "5"


def test_large_numbers_are_grouped_in_french(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(rules, "OLD_CASE_DAYS", 1200)
    assert CODE_VALUES["OLD_CASE_DAYS"]() == "1\u202f200"
