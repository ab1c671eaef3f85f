"""Timeline events read as French sentences."""

from __future__ import annotations

import pytest

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Event, Money
from complaints.domain.vocabulary import ACTORS, CHANNELS, KINDS
from complaints.present.phrasing import HOW, SUBJECTS, VERBS, event_sentence


def event(**fields) -> Event:
    return Event(date=FuzzyDate.parse(fields.pop("date", "2020-01-02")), **fields)


def test_every_actor_kind_and_channel_has_its_words() -> None:
    assert set(SUBJECTS) == set(ACTORS)
    assert set(VERBS) == set(KINDS)
    assert set(HOW) == set(CHANNELS)


@pytest.mark.parametrize(
    ("fields", "sentence"),
    [
        (
            {"actor": "consumer", "kind": "order", "channel": "web"},
            "Le consommateur commande sur le site web.",
        ),
        (
            {"actor": "consumer", "kind": "complaint", "channel": "email"},
            "Le consommateur fait une réclamation par courriel.",
        ),
        (
            {"actor": "merchant", "kind": "merchant_answer", "note": "un geste est promis."},
            "Le marchand répond\u202f: un geste est promis.",
        ),
        (
            {
                "actor": "consumer",
                "kind": "reminder",
                "channel": "letter",
                "date": "2008-07..2009-05",
            },
            "Le consommateur relance le marchand à plusieurs reprises par courrier.",
        ),
        (
            {"actor": "merchant", "kind": "offer", "options": ["refund", "store_credit"]},
            "Le marchand propose\u202f: remboursement ou avoir.",
        ),
        (
            {"actor": "consumer", "kind": "choice", "value": "refund", "note": "par défaut"},
            "Le consommateur choisit\u202f: «\u202fremboursement\u202f» (par défaut).",
        ),
        (
            {"actor": "carrier", "kind": "delivery_problem", "note": "colis perdu !"},
            "Le transporteur rencontre un problème de livraison\u202f: colis perdu !",
        ),
        (
            {
                "actor": "consumer",
                "kind": "remedy_received",
                "amount": Money(value=90, currency="EUR"),
            },
            "Le consommateur obtient une solution, pour 90\u00a0€.",
        ),
    ],
)
def test_sentences(fields: dict, sentence: str) -> None:
    assert event_sentence(event(**fields)) == sentence
