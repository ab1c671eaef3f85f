"""The corrections log « Suivi des dossiers »: its order, its entries and their feed items."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace

from bs4 import BeautifulSoup

from complaints.domain.followup_log import followup_log
from complaints.domain.model import parse_testimony
from complaints.outputs.feeds import feed_title
from complaints.outputs.followup_feed import feed_entry
from complaints.present.followups import followup_entry_html

BASE = {
    "merchant": "meubles-imaginaires",
    "fictional": True,
    "experience_date": "2021-01-04",
    "order": {"date": "2021-01-04", "item": "table", "amount": {"value": 450, "currency": "EUR"}},
    "events": [
        {"date": "2021-01-04", "actor": "consumer", "kind": "order"},
        {"date": "2021-01-22", "actor": "consumer", "kind": "complaint"},
    ],
    "outcome": {"status": "open", "as_of": "2021-01-22"},
}
RESOLVED = {"status": "resolved", "resolution": "refund", "recovered": {"value": 450, "currency": "EUR"}}  # fmt: skip


def article(url: str, published: str, *updates: dict) -> SimpleNamespace:
    case = parse_testimony({**BASE, "updates": list(updates)}, source="t.md", merchants=None)
    date = datetime.fromisoformat(published).replace(tzinfo=UTC)
    merchant = SimpleNamespace(name="Meubles Imaginaires", fictional=True)
    return SimpleNamespace(url=url, title="Une table", date=date, case=case, author="La rédaction", merchant=merchant)  # fmt: skip


def test_every_follow_up_newest_first_with_its_testimony_and_place():
    a = article(
        "a/",
        "2021-03-10",
        {"date": "2021-03-12", "kind": "correction", "text": "Date.", "wrong": "le 12", "right": "le 22"},
        {"date": "2021-05", "kind": "merchant_reply", "text": "Réponse."},
        {"date": "2021-07-01", "kind": "outcome", "text": "Remboursé.", "outcome": RESOLVED},
    )  # fmt: skip
    b = article("b/", "2021-04-01", {"date": "2021-06-15", "kind": "follow_up", "text": "Relance."})
    silent = article("c/", "2021-02-01")
    page = SimpleNamespace(url="p/", date=a.date)  # a page: no case
    log = followup_log([silent, a, page, b])
    assert [(e.item.url, e.number) for e in log] == [("a/", 3), ("b/", 1), ("a/", 2), ("a/", 1)]
    assert log[2].day.isoformat() == "2021-05-01"  # a month is dated by its first day
    assert log[0].anchor == "suivi-du-dossier-3"
    assert followup_log([silent, page]) == []


def test_ties_never_depend_on_the_input_order():
    one = {"date": "2021-05-02", "kind": "follow_up", "text": "Relance."}
    a, b = article("a/", "2021-03-10", one), article("b/", "2021-03-10", one)
    assert [e.item.url for e in followup_log([a, b])] == [e.item.url for e in followup_log([b, a])]


def test_a_follow_up_dated_vaguely_is_never_before_its_publication():
    # "2021" covers the publication day: the log dates it on that day, not on 1 January
    a = article("a/", "2021-03-10", {"date": "2021", "kind": "follow_up", "text": "Relance."})
    assert followup_log([a])[0].day.isoformat() == "2021-03-10"


def test_a_correction_shows_what_was_written_and_what_is_exact():
    a = article(
        "a/",
        "2021-03-10",
        {"date": "2021-03-12", "kind": "correction", "text": "Erreur de date.", "wrong": "le 12 janvier", "right": "le 22 janvier"},
        {"date": "2021-07-01", "kind": "outcome", "text": "Remboursé.", "outcome": RESOLVED},
    )  # fmt: skip
    correction = BeautifulSoup(followup_entry_html(a.case.updates[0]), "html.parser")
    assert correction.select_one("dl.correction del").get_text() == "le 12\u00a0janvier"
    assert correction.select_one("dl.correction ins").get_text() == "le 22\u00a0janvier"
    assert correction.select_one(".followup-new-outcome") is None
    outcome = BeautifulSoup(followup_entry_html(a.case.updates[1]), "html.parser")
    assert outcome.select_one("dl.correction") is None
    assert "résolu (remboursement" in outcome.select_one(".followup-new-outcome").get_text()


def test_a_feed_item_links_the_follow_up_in_its_testimony_and_is_dated_by_it():
    a = article(
        "2021/03/table/",
        "2021-03-10",
        {"date": "2021-03-12", "kind": "correction", "text": "Date.", "wrong": "le 12", "right": "le 22"},
        {"date": "2021-05", "kind": "merchant_reply", "text": "Réponse."},
    )  # fmt: skip
    entry = feed_entry(followup_log([a])[0])
    assert entry.url == "2021/03/table/#suivi-du-dossier-2"
    assert entry.title == "Réponse du marchand après publication\u202f: Une table"
    assert entry.date == entry.modified == datetime(2021, 5, 1, tzinfo=UTC)
    assert "Réponse." in entry.get_content("https://example.org")
    assert entry.author == "La rédaction" and entry.merchant is a.merchant


def test_the_log_feeds_have_their_own_title():
    assert feed_title("followups", sitename="Le Site") == "Suivi des dossiers — Le Site"


def test_a_vague_date_after_a_precise_one_keeps_the_case_order():
    a = article(
        "a/",
        "2021-03-10",
        {"date": "2021-05-03", "kind": "outcome", "text": "Virement.", "outcome": RESOLVED},
        {"date": "2021-05..2021-06", "kind": "follow_up", "text": "Merci."},
    )
    b = article("b/", "2021-03-10", {"date": "2021-05-02", "kind": "follow_up", "text": "Relance."})
    log = followup_log([a, b])
    assert [(e.item.url, e.number) for e in log] == [("a/", 2), ("a/", 1), ("b/", 1)]
    assert log[0].day.isoformat() == "2021-05-03"
