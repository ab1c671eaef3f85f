"""Follow-ups after publication: their rules, the current outcome, the latest facts."""

from __future__ import annotations

import io
import re
import textwrap
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from complaints.domain.followups import (
    after_publication,
    current_outcome,
    followup_problems,
    latest_case,
    modified_after_updates,
    publication_day,
    timeline_after,
)
from complaints.domain.model import parse_testimony
from complaints.domain.problems import ContentError
from complaints.domain.timeline import derive_facts
from complaints.editorial.validate import check_text
from complaints.outputs import opendata
from complaints.outputs.feeds import update_notice
from complaints.outputs.opendata import FOLLOWUP_COLUMNS, followup_rows, write_csv
from complaints.outputs.tables import registry
from complaints.outputs.workbook import workbook_bytes
from complaints.present.followups import on_date_html, outcome_text
from complaints.present.render import render_case_html
from tests.support.checks import RULES

PUBLISHED = date(2021, 3, 10)
BASE = {
    "merchant": "meubles-imaginaires",
    "fictional": True,
    "experience_date": "2021-01-04",
    "order": {"date": "2021-01-04", "item": "table", "amount": {"value": 450, "currency": "EUR"}},
    "events": [
        {"date": "2021-01-04", "actor": "consumer", "kind": "order"},
        {"date": "2021-01-22", "actor": "consumer", "kind": "complaint"},
        {"date": "2021-03-15", "actor": "merchant", "kind": "merchant_reply", "note": "Réponse."},
    ],
    "outcome": {"status": "open", "as_of": "2021-03-15"},  # as_of: after every event
}
RESOLVED = {
    "status": "resolved",
    "resolution": "refund",
    "recovered": {"value": 450, "currency": "EUR"},
}
PARTIAL = {
    "status": "partially_resolved",
    "resolution": "refund",
    "recovered": {"value": 200, "currency": "EUR"},
}
# every kind, fuzzy dates, an outcome that changes twice, a correction
UPDATES = [
    {"date": "2021-03-12", "kind": "correction", "text": "Date corrigée.", "wrong": "le 12 janvier", "right": "le 22 janvier"},
    {"date": "2021-04", "kind": "merchant_reply", "text": "Le marchand répond enfin."},
    {"date": "2021-05-03", "kind": "outcome", "text": "Un premier virement.", "outcome": PARTIAL},
    {"date": "2021-05..2021-06", "kind": "follow_up", "text": "Relances pour le solde.", "approx": None},
    {"date": "2021-07-01", "kind": "outcome", "text": "Le solde est versé.", "outcome": RESOLVED},
]  # fmt: skip


def _updates(*items):
    return [{k: v for k, v in item.items() if v is not None} for item in items]


def case(updates=None, **more):
    data = {**BASE, **more, "updates": _updates(*(UPDATES if updates is None else updates))}
    return parse_testimony(data, source="t.md", merchants=None)


def problems(updates, published=PUBLISHED, **more):
    try:
        parsed = case(updates, **more)
    except ContentError as error:
        return [f"{p.field} {p.expected}" for p in error.problems]
    return [f"{p.field} {p.expected}" for p in followup_problems(parsed, published, "t.md")]


def test_the_full_set_is_valid():
    assert problems(UPDATES) == []


def test_the_current_outcome_is_the_last_stated_and_the_published_one_is_kept():
    full = case()
    assert full.outcome.status == "open"  # at publication, never lost
    now = current_outcome(full)
    assert (now.status, now.resolution, now.recovered.value) == ("resolved", "refund", 450)
    assert now.as_of == date(2021, 7, 1)
    # a later follow-up without an outcome keeps it, as of its own date
    later = case([*UPDATES, {"date": "2021-08", "kind": "follow_up", "text": "Merci."}])
    assert current_outcome(later).status == "resolved"
    assert current_outcome(later).as_of == date(2021, 8, 1)
    assert current_outcome(case([])) == case([]).outcome


def test_durations_use_the_latest_facts():
    before = derive_facts(case([]))
    assert before.status == "open" and before.first_answer_date is None
    facts = derive_facts(latest_case(case()))
    assert facts.status == "resolved" and facts.recovered.value == 450
    assert facts.first_answer_date == date(2021, 4, 1)  # the answer after publication
    assert facts.resolution_date == date(2021, 5, 3)  # first money received
    assert facts.days_to_resolution == (date(2021, 5, 3) - date(2021, 1, 22)).days
    assert facts.approx  # the answer's date is a month
    assert facts.case_points > before.case_points


def test_an_answer_before_publication_stays_the_first_answer():
    events = [*BASE["events"][:2], {"date": "2021-02-01", "actor": "merchant", "kind": "offer"}]
    facts = derive_facts(latest_case(case(events=events)))
    assert facts.first_answer_date == date(2021, 2, 1)


def test_still_open_after_a_reminder_counts_days_open_to_the_follow_up():
    reminder = [{"date": "2021-06-10", "kind": "follow_up", "text": "Relance, sans réponse."}]
    facts = derive_facts(latest_case(case(reminder)))
    assert facts.status == "open" and facts.as_of == date(2021, 6, 10)
    assert facts.days_open == (date(2021, 6, 10) - date(2021, 1, 22)).days


@pytest.mark.parametrize(
    ("updates", "published", "expected"),
    [
        (
            [{"date": "2021-02", "kind": "follow_up", "text": "x"}],
            PUBLISHED,
            "updates[1].date un suivi daté après la publication (2021-03-10)",
        ),
        (
            [
                {"date": "2021-05-12", "kind": "follow_up", "text": "x"},
                {"date": "2021-04", "kind": "follow_up", "text": "y"},
            ],
            PUBLISHED,
            "updates[2].date des suivis dans l'ordre chronologique",
        ),
        (
            [{"date": "2021-04", "kind": "relance", "text": "x"}],
            PUBLISHED,
            "updates[1].kind type de suivi : valeur inconnue",
        ),
        (
            [
                {
                    "date": "2021-04",
                    "kind": "outcome",
                    "text": "x",
                    "outcome": {"status": "resolved"},
                }
            ],
            PUBLISHED,
            "updates[1].outcome.resolution un dossier résolu (même en partie) dit ce qui a été obtenu",
        ),
        (
            [{"date": "2021-04", "kind": "correction", "text": "x", "wrong": " ", "right": "b"}],
            PUBLISHED,
            "updates[1].wrong une correction dit ce qui était écrit",
        ),
        (
            [{"date": "2021-04", "kind": "correction", "text": "x", "wrong": "a"}],
            PUBLISHED,
            "updates[1].right une correction dit ce qui est exact",
        ),
        (
            [{"date": "2021-04", "kind": "correction", "text": "x"}],
            PUBLISHED,
            "updates[1].wrong une correction dit ce qui était écrit et ce qui est exact",
        ),
        (
            [{"date": "2021-04", "kind": "follow_up", "text": "x", "wrong": "a"}],
            PUBLISHED,
            "updates[1].wrong wrong et right ne servent qu'à une correction",
        ),
        (
            [{"date": "2021-04", "kind": "outcome", "text": "x"}],
            PUBLISHED,
            "updates[1].outcome un dénouement donne la nouvelle issue",
        ),
        (
            [
                {
                    "date": "2021-04",
                    "kind": "outcome",
                    "text": "x",
                    "outcome": {**RESOLVED, "recovered": {"value": 0, "currency": "EUR"}},
                }
            ],
            PUBLISHED,
            "updates[1].outcome.recovered.value la somme obtenue, plus de zéro",
        ),
        (
            [
                {
                    "date": "2021-04",
                    "kind": "outcome",
                    "text": "x",
                    "outcome": {**RESOLVED, "recovered": {"value": 450, "currency": "CHF"}},
                }
            ],
            PUBLISHED,
            "updates[1].outcome.recovered.currency la devise de la commande (EUR)",
        ),
        (
            [{"date": "2021-04", "kind": "follow_up", "text": ""}],
            PUBLISHED,
            "updates[1].text texte non vide attendu",
        ),
    ],
)
def test_each_broken_follow_up_gives_its_french_problem(updates, published, expected):
    found = problems(updates, published)
    assert len(found) == 1, found
    assert found[0].startswith("testimony." + expected.split(" ")[0])
    assert " ".join(expected.split(" ")[1:]) in found[0]


def test_a_resolved_outcome_says_what_was_obtained_one_way_or_another():
    def outcome(**fields):
        return [{"date": "2021-04", "kind": "outcome", "text": "x", "outcome": fields}]

    money = {"value": 120, "currency": "EUR"}
    assert problems(outcome(status="resolved", resolution="refund")) == []  # sum unknown
    assert problems(outcome(status="partially_resolved", recovered=money)) == []
    assert problems(outcome(status="resolved", resolution="replacement")) == []
    assert len(problems(outcome(status="resolved"))) == 1
    assert problems(outcome(status="unresolved")) == []


def test_a_month_overlapping_the_publication_day_is_not_before_it():
    assert problems([{"date": "2021-03", "kind": "follow_up", "text": "x"}]) == []
    assert problems([{"date": "2021-02", "kind": "follow_up", "text": "x"}], published=None) == []


@pytest.mark.parametrize(
    ("value", "day"),
    [
        (date(2021, 3, 10), date(2021, 3, 10)),
        (datetime(2021, 3, 10, 9, tzinfo=UTC), date(2021, 3, 10)),
        ("2021-03-10 09:30", date(2021, 3, 10)),
        ("2021-02-30", None),
        ("10/03/2021", None),
        (None, None),
    ],
)
def test_publication_day(value, day):
    assert publication_day(value) == day


def test_modified_is_the_last_follow_up_never_before_publication():
    published = datetime(2021, 3, 10, 9, tzinfo=UTC)
    assert modified_after_updates(case([]), published, None) is None
    assert modified_after_updates(case(), published, None) == datetime(2021, 7, 1, tzinfo=UTC)
    same_month = case([{"date": "2021-03", "kind": "follow_up", "text": "x"}])
    assert modified_after_updates(same_month, published, None) == published
    later = datetime(2022, 1, 1, tzinfo=UTC)
    assert modified_after_updates(case(), published, later) == later


def test_after_publication_merges_follow_ups_and_rights_of_reply_in_order():
    steps = after_publication(case(), PUBLISHED)
    assert [s.kind for s in steps][:3] == [
        "correction",
        "merchant_reply",
        "merchant_reply",
    ]
    assert [type(s).__name__ for s in steps][:3] == ["FollowUp", "Event", "FollowUp"]
    entries = timeline_after(case(), PUBLISHED)
    assert entries[0].days_since_previous == 2 and not entries[0].approx
    assert entries[1].days_since_previous == 3  # the reply, 3 days after the correction
    assert (entries[2].days_since_previous, entries[2].approx) == (17, True)  # to a month
    assert (entries[3].days_since_previous, entries[3].approx) == (32, True)
    assert entries[4].days_since_previous is None  # a period starting before: unknown
    assert entries[5].days_since_previous is None  # after a period: unknown
    assert [e.step.date.start.month for e in entries] == [3, 3, 4, 5, 5, 7]  # editor's order


@given(st.lists(st.dates(date(2021, 3, 10), date(2030, 1, 1)), min_size=1, max_size=6))
def test_follow_ups_in_order_after_publication_are_accepted(days):
    updates = [{"date": d.isoformat(), "kind": "follow_up", "text": "x"} for d in sorted(days)]
    assert problems(updates) == []
    shuffled = [updates[-1], *updates[:-1]]
    if sorted(days)[-1] > sorted(days)[0]:
        assert any("ordre chronologique" in p for p in problems(shuffled))


def test_the_page_shows_the_follow_ups_the_correction_and_the_publication_marker():
    full = case()
    html = render_case_html(full, derive_facts(latest_case(full)), published=PUBLISHED)
    soup = BeautifulSoup(html, "html.parser")
    marker = soup.select_one("li.timeline-publication")
    assert "Publication du témoignage" in marker.get_text()
    after = marker.find_next_siblings("li")
    assert len(after) == 6 and all("timeline-after" in li["class"] for li in after)
    assert "Correction" in after[0].get_text() and "Dénouement" in after[-1].get_text()
    section = soup.select_one("section.followups")
    assert section["id"] == "suivi-du-dossier"
    assert section.h2.get_text() == "Suivi du dossier"
    assert section.select_one("dl.correction del").get_text() == "le 12 janvier"
    assert section.select_one("dl.correction ins").get_text() == "le 22 janvier"
    outcomes = [p.get_text(" ", strip=True) for p in section.select(".followup-new-outcome")]
    assert "résolu en partie" in outcomes[0] and "auparavant : en cours" in outcomes[0]
    assert "auparavant : résolu en partie" in outcomes[1].replace("\u00a0", " ")
    status = soup.select_one(".case-status").get_text()
    assert status == "résolu"
    # without follow-ups: no marker, no section, no id
    bare = case([])
    plain = render_case_html(bare, derive_facts(bare))
    assert "timeline-publication" not in plain and "followups" not in plain


def test_on_date_and_outcome_phrases():
    assert str(on_date_html(date(2021, 7, 1))).startswith("le <time")
    assert "1er juillet 2021" in str(on_date_html(date(2021, 7, 1)))
    assert str(case().updates[1].date and on_date_html(case().updates[1].date)).startswith("en ")
    assert outcome_text(case().outcome) == "en cours"
    text = outcome_text(current_outcome(case())).replace("\u00a0", " ").replace("\u202f", " ")
    assert text == "résolu (remboursement, 450 € récupérés)"


def test_the_feed_entry_heads_with_the_last_follow_up():
    class Item:
        pass

    item = Item()
    item.case = case()
    notice = update_notice(item)
    assert 'class="notice-updated"' in notice and "Le solde est versé." in notice
    item.case = case([])
    assert update_notice(item) == ""


def test_open_data_rows_and_workbook_sheet():
    full = case()
    rows = followup_rows(url="https://example.org/t/", testimony=full)
    assert [r["number"] for r in rows] == ["1", "2", "3", "4", "5"]
    assert rows[1]["date"] == "2021-04" and rows[1]["date_start"] == "2021-04-01"
    assert rows[3]["date"] == "2021-05/2021-06"
    assert rows[0]["wrong"] == "le 12 janvier" and rows[0]["status"] == ""
    assert (rows[4]["status"], rows[4]["recovered"], rows[4]["currency"]) == (
        "resolved",
        "450.00",
        "EUR",
    )
    stream = io.StringIO(newline="")
    write_csv(rows, stream, columns=FOLLOWUP_COLUMNS)
    assert stream.getvalue().startswith(",".join(FOLLOWUP_COLUMNS) + "\r\n")
    facts = derive_facts(latest_case(full))
    row = opendata.testimony_row(
        url="u", title="t", date_published=PUBLISHED, facts=facts, testimony=full
    )
    assert (row["status"], row["status_at_publication"], row["last_updated"]) == (
        "resolved",
        "open",
        "2021-07-01",
    )
    tables = {table.name: table for table in registry()}
    data = workbook_bytes([(tables["temoignages"], [row]), (tables["suivis"], rows)])
    sheet = openpyxl.load_workbook(io.BytesIO(data))[tables["suivis"].sheet]
    table = list(sheet.iter_rows(values_only=True))
    assert list(table[0]) == list(FOLLOWUP_COLUMNS) and len(table) == 6
    cells = dict(zip(FOLLOWUP_COLUMNS, table[5], strict=True))
    assert cells["number"] == 5 and Decimal(str(cells["recovered"])) == 450


def test_the_readme_example_of_follow_ups_is_valid():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = re.search(r"```yaml\n( +outcome: .*?\n +updates:\n.*?) *```", readme, re.S)
    assert block is not None, "README.md lost its follow-ups example"
    data = yaml.safe_load(textwrap.dedent(block[1]))
    order = {"date": "2021-06-02", "item": "carte", "amount": {"value": 1149, "currency": "EUR"}}
    events = [{"date": "2021-06-02", "actor": "consumer", "kind": "order"}]
    parsed = parse_testimony(
        {**BASE, "order": order, "events": events, **data}, source="README.md", merchants=None
    )
    assert followup_problems(parsed, date(2021, 9, 13), "README.md") == []
    assert current_outcome(parsed).status == "resolved"
    assert {u.kind for u in parsed.updates} == {"merchant_reply", "correction", "outcome"}


TESTIMONY_FILE = (Path(__file__).parents[1] / "bad_content" / "good" / "pixmania.md").read_text(
    encoding="utf-8"
)
FICTIONAL_FILE = TESTIMONY_FILE.replace("merchant: pixmania", "merchant: x\n  fictional: true")


def _check(text):
    return check_text(text, "t.md", "testimony", RULES)


def test_updates_at_the_top_of_the_front_matter_are_the_case_s_follow_ups():
    text = FICTIONAL_FILE.replace(
        "testimony:\n",
        'updates:\n  - {date: 2009-08, kind: follow_up, text: "Relance."}\n'
        '  - {date: 2009-07-20, kind: relance, text: "x", approx: true}\ntestimony:\n',
        1,
    )
    checked = _check(text)
    assert [(p.field, p.line) for p in checked.problems] == [("updates[2].kind", 9)]
    fixed = _check(
        text.replace("kind: relance", "kind: follow_up").replace("2009-07-20", "2009-09-20")
    )
    assert fixed.problems == [] and [u.kind for u in fixed.case.updates] == ["follow_up"] * 2
    assert fixed.case.updates[1].date.approx
    inside = text.replace("verification:", "updates: []\n  verification:", 1)
    assert [p.field for p in _check(inside).problems] == ["updates"]


def test_an_outcome_may_say_as_of_when_not_before_its_follow_up():
    late = {**RESOLVED, "as_of": "2021-07-20"}
    updates = [{"date": "2021-07", "kind": "outcome", "text": "x", "outcome": late}]
    assert problems(updates) == []
    assert current_outcome(case(updates)).as_of == date(2021, 7, 20)
    early = [{**updates[0], "outcome": {**RESOLVED, "as_of": "2021-06-30"}}]
    assert any("outcome.as_of" in p for p in problems(early))
