"""The plain-French sentence that sums a merchant up (merchant page, first screen)."""

from __future__ import annotations

from decimal import Decimal

from complaints.domain.scorecard import combine_qualifiers, compute_scorecard
from complaints.present.synopsis import merchant_sentence, money_sort_key, totals_fr
from tests.support.fakes import FakeCase, FakeMoney

PIXMANIA = FakeCase(
    days_to_first_answer=330,
    days_followed=400,
    days_open=400,
    broken_promises=1,
    amount=FakeMoney(Decimal(900), qualifier="more_than"),
    recovered=FakeMoney(Decimal(0)),
)
RESOLVED = FakeCase(
    status="resolved",
    days_to_first_answer=5,
    days_to_resolution=20,
    days_followed=20,
    amount=FakeMoney(Decimal(100)),
)
PARTLY = FakeCase(
    status="partially_resolved",
    days_to_first_answer=10,
    days_to_resolution=40,
    days_followed=40,
    amount=FakeMoney(Decimal(480), "CHF"),
    recovered=FakeMoney(Decimal(200), "CHF"),
)


def test_one_open_case_with_a_broken_promise_and_money_lost() -> None:
    assert merchant_sentence("Pixmania", compute_scorecard([PIXMANIA])) == (
        "D’après 1 témoignage (dossier encore en cours), Pixmania a mis 11\u00a0mois à répondre, "
        "n’a pas tenu une promesse et n’a résolu aucun dossier\u202f: "
        "plus de 900\u00a0€ n’ont pas été récupérés."
    )


def test_several_cases_several_currencies() -> None:
    text = merchant_sentence("Exemple", compute_scorecard([PIXMANIA, RESOLVED, PARTLY]))
    assert text.startswith("D’après 3 témoignages (dont 1 encore en cours), Exemple ")
    assert "met en général 10\u00a0jours à répondre" in text
    assert "a résolu 1 dossier sur 3 (1 autre en partie)" in text
    assert text.endswith("280\u00a0CHF et plus de 900\u00a0€ n’ont pas été récupérés.")


def test_all_resolved_nothing_lost() -> None:
    text = merchant_sentence("Exemple", compute_scorecard([RESOLVED]))
    assert (
        text
        == "D’après 1 témoignage, Exemple a mis 5\u00a0jours à répondre et a résolu le dossier."
    )


def test_no_answer_at_all() -> None:
    silent = FakeCase(days_followed=90, days_open=90)
    text = merchant_sentence("Exemple", compute_scorecard([silent, silent]))
    assert "n’a pas répondu dans la plupart des dossiers" in text
    assert "n’a résolu aucun dossier." in text


def test_no_testimony() -> None:
    assert merchant_sentence("Exemple", compute_scorecard([])) == (
        "Aucun témoignage publié sur Exemple pour l’instant."
    )


def test_one_euro_not_recovered_is_singular() -> None:
    case = FakeCase(amount=FakeMoney(Decimal(1)), days_followed=90, days_open=90)
    assert merchant_sentence("Exemple", compute_scorecard([case])).endswith(
        "1\u00a0€ n’a pas été récupéré."
    )


def test_qualifiers_of_a_sum() -> None:
    assert combine_qualifiers([]) == "exactly"
    assert combine_qualifiers(["exactly", "more_than"]) == "more_than"
    assert combine_qualifiers(["less_than", "exactly"]) == "less_than"
    assert combine_qualifiers(["more_than", "less_than"]) == "about"


def test_totals_keep_plus_de_and_a_lower_bound_on_recovery_bounds_the_loss() -> None:
    card = compute_scorecard([PIXMANIA, RESOLVED])
    assert (
        totals_fr(card.money_at_stake, card.money_at_stake_qualifier) == "plus de 1\u202f000\u00a0€"
    )
    partly_back = FakeCase(
        amount=FakeMoney(Decimal(100)), recovered=FakeMoney(Decimal(40), qualifier="more_than")
    )
    card = compute_scorecard([partly_back])
    assert card.money_not_recovered_qualifier == {"EUR": "less_than"}
    assert totals_fr(card.money_not_recovered, card.money_not_recovered_qualifier) == (
        "moins de 60\u00a0€"
    )


def test_money_sort_keys_group_by_currency_then_amount() -> None:
    keys = {
        "nothing": money_sort_key({}),
        "zero": money_sort_key({"EUR": Decimal(0)}),
        "chf": money_sort_key({"CHF": Decimal(480)}),
        "small": money_sort_key({"EUR": Decimal("89.90")}),
        "big": money_sort_key({"EUR": Decimal(2626)}),
        "both": money_sort_key({"EUR": Decimal(10), "CHF": Decimal(5)}),
    }
    assert keys == {
        "nothing": "0",
        "zero": "0",
        "chf": "CHF 48000",
        "small": "EUR 8990",
        "big": "EUR 262600",
        "both": "CHF 500",
    }
