"""« Vos droits, vos délais »: the letters filled or with blanks, the page's data."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlparse

import pytest

from complaints.domain import consumer_law as law
from complaints.present import rights_tool
from tests.support.rights_cases import CASES, LETTER_FIELDS


@pytest.mark.parametrize("case", CASES, ids=[case["why"] for case in CASES])
def test_a_letter_filled_from_the_form_has_no_blank_left(case: dict) -> None:
    inputs = LETTER_FIELDS | case["inputs"]
    found = rights_tool.answer(case["situation"], inputs)
    letter = found.letter
    assert "[" not in letter and "{" not in letter, letter
    assert "Camille Exemple" in letter and "A-2026-0042" in letter
    assert "30 avril 2026" in letter  # the deadline the reader set
    assert re.search(r"article L2\d\d-\d+", letter)
    for fact in found.facts:
        if fact.key in ("refund_deadline", "due", "total", "percent", "increase_amount"):
            assert fact.text in letter, fact.key


def test_a_late_refund_letter_states_the_days_the_increase_and_the_total() -> None:
    found = rights_tool.answer(
        "annulation",
        LETTER_FIELDS | {"cancel_date": "2026-03-01", "amount": "200", "today": "2026-04-15"},
    )
    assert found.states == {"late_percent"}
    assert "31 jours de retard" in found.letter
    assert "50\u00a0%, soit 100\u00a0€ (article L241-4)" in found.letter
    assert "la somme de 300\u00a0€" in found.letter
    assert "L216-7" in found.letter and "L242-4" not in found.letter


def test_letters_with_blanks_name_every_blank_and_every_variant() -> None:
    for letter in rights_tool.blank_letters():
        text = " ".join(p["text"] for p in letter["paragraphs"])
        assert "{" not in text
        assert "[date limite que vous fixez]" in text or letter["key"] == "conformite"
        assert all(
            p["when"] is None or p["when"].startswith(("si", "pour")) for p in letter["paragraphs"]
        )


def test_every_state_has_a_paragraph_and_a_label() -> None:
    used = {p.when for letter in rights_tool.letters_file().letters for p in letter.paragraphs}
    assert set(rights_tool.STATES) == used - {None}
    assert set(rights_tool.STATE_LABELS) == set(rights_tool.STATES)


def test_a_paragraph_with_an_unknown_state_is_refused() -> None:
    with pytest.raises(ValueError):
        rights_tool.Paragraph(text="x", when="late")


def test_page_data_carries_the_rules_formats_and_letters() -> None:
    data = json.loads(json.dumps(rights_tool.page_data()))
    assert data["rules"] == law.rules_data()
    assert data["formats"]["months"][1] == "février"
    assert data["formats"]["currency_suffix"] == "\u00a0€"
    assert data["formats"]["group"] == "\u202f"
    assert {letter["key"] for letter in data["letters"]} == set(rights_tool.SITUATIONS)
    assert set(data["articles"]) >= {"L216-1", "L216-7", "L241-4", "L221-24", "L242-4", "L217-10"}


def test_legifrance_links_search_the_article_of_the_code() -> None:
    url = urlparse(rights_tool.legifrance_url("L241-4"))
    assert (url.scheme, url.netloc, url.path) == ("https", "www.legifrance.gouv.fr", "/search/code")
    assert parse_qs(url.query)["query"] == ['"L241-4" "code de la consommation"']


def test_amounts_are_read_as_readers_type_them() -> None:
    assert rights_tool.parse_cents("1 234,5") == 123450
    assert rights_tool.parse_cents("89.90") == 8990
    assert rights_tool.parse_cents("12") == 1200
    assert rights_tool.parse_cents("12,345") is None
    assert rights_tool.parse_cents("douze") is None


def test_worked_examples_and_tables_come_from_the_rules() -> None:
    examples = rights_tool.worked_examples()
    assert [e["answer"].situation for e in examples] == list(rights_tool.SITUATIONS)
    rows = rights_tool.scales()[0]["rows"]
    assert rows == [
        ("1 à 14 jours", "10\u00a0%"),
        ("15 à 30 jours", "20\u00a0%"),
        ("31 jours et plus", "50\u00a0%"),
    ]
    assert ("Livraison sans date annoncée", "30 jours après la commande", "L216-1") in (
        rights_tool.deadlines()
    )
