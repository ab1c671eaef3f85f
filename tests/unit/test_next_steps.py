"""« Que faire ? »: the data file covers every issue, is reviewed, and is matched."""

from __future__ import annotations

from datetime import date

import pytest

from complaints.domain.problems import ContentError
from complaints.present.nextsteps import (
    advice_for,
    load_next_steps,
    parse_next_steps,
    stale_entries,
    uncovered_issues,
)


def test_every_issue_of_the_vocabulary_has_advice() -> None:
    assert uncovered_issues(load_next_steps()) == []


def test_no_entry_was_legally_reviewed_more_than_12_months_ago() -> None:
    stale = stale_entries(load_next_steps(), date.today())
    assert not stale, "à revoir : " + ", ".join(f"{e.key} ({e.reviewed})" for e in stale)


def test_a_missing_issue_is_reported() -> None:
    steps = load_next_steps()
    fewer = steps.model_copy(update={"entries": steps.entries[1:]})
    assert "delivery.late" in uncovered_issues(fewer)


@pytest.mark.parametrize(
    ("reviewed", "today", "stale"),
    [
        (date(2025, 11, 26), date(2026, 11, 26), False),
        (date(2025, 11, 25), date(2026, 11, 26), True),
        (date(2024, 2, 29), date(2025, 2, 28), False),
        (date(2024, 2, 28), date(2025, 3, 1), True),
    ],
)
def test_review_dates_expire_after_12_months(reviewed: date, today: date, stale: bool) -> None:
    steps = load_next_steps()
    entry = steps.entries[0].model_copy(update={"reviewed": reviewed})
    one = steps.model_copy(update={"entries": (entry,)})
    assert bool(stale_entries(one, today)) is stale


def test_advice_is_matched_to_the_issues_then_general() -> None:
    keys = [entry.key for entry in advice_for(["refund.not_paid", "delivery.wrong_recipient"])]
    assert keys == ["livraison", "remboursement", "recours"]
    assert [entry.key for entry in advice_for([])] == ["recours"]


def test_delivery_advice_cites_the_delivery_articles() -> None:
    (delivery, _) = advice_for(["delivery.never"])
    refs = " ".join(right.ref for right in delivery.rights)
    for article in ("L216-1", "L216-6", "L216-7"):
        assert article in refs


def test_withdrawal_advice_states_14_days() -> None:
    (withdrawal, _) = advice_for(["withdrawal.refused"])
    assert any(r.ref == "article L221-18" and "14 jours" in r.text for r in withdrawal.rights)


def test_an_unknown_issue_code_in_the_file_is_a_problem() -> None:
    text = "entries:\n  - {key: x, title: X, issues: [delivery.lat], reviewed: 2026-01-01}\n"
    with pytest.raises(ContentError) as caught:
        parse_next_steps(text, source="que-faire.yaml")
    (problem,) = caught.value.problems
    assert problem.field.startswith("entries[") and ".issues[" in problem.field
    assert "delivery.lat" in problem.value


def test_letters_have_placeholders_not_personal_data() -> None:
    for entry in load_next_steps().entries:
        if entry.letter:
            assert "[Nom, adresse, signature]" in entry.letter
            assert len(entry.letter_paragraphs) >= 4


def test_the_late_refund_scales_are_cited_with_the_rules_numbers() -> None:
    """The printed scales match complaints.domain.consumer_law; L216-7 holds no scale."""
    from complaints.domain import consumer_law

    every = [r for e in load_next_steps().entries for r in e.rights]
    for right in every:
        if right.ref == "article L216-7":
            assert "%" not in right.text or "L241-4" in right.text, right.text
    rights = {r.ref: r.text.replace("\u00a0", " ") for r in every}
    cancellation = consumer_law.CANCELLATION_SCALE
    for tier in cancellation.tiers:
        assert f"{tier.percent} %" in rights["article L241-4"]
    assert f"{cancellation.last_percent} %" in rights["article L241-4"]
    assert f"au plus {cancellation.tiers[0].up_to_days} jours" in rights["article L241-4"]
    withdrawal = consumer_law.WITHDRAWAL_SCALE
    for tier in withdrawal.tiers:
        assert f"{tier.up_to_days} jours" in rights["article L242-4"]
        if tier.percent is not None:
            assert f"{tier.percent} % jusqu’à {tier.up_to_days} jours" in rights["article L242-4"]
