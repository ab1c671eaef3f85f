"""Derived facts: t0, first answer, resolution, broken promises, points, timeline."""

from datetime import date

from complaints.domain.model import parse_testimony
from complaints.domain.timeline import build_timeline, case_points, derive_facts, replies
from complaints.present.formatting import duration_fr
from tests.support.content import pixmania_testimony


def case(data):
    return parse_testimony(data, source="t.md", merchants=None)


def simple(events, status="open", as_of="2021-06-30"):
    return case(
        {
            "merchant": "x",
            "experience_date": "2021-01-04",
            "order": {"date": "2021-01-04", "item": "table"},
            "events": events,
            "outcome": {"status": status, "as_of": as_of},
        }
    )


def ev(day, actor, kind):
    return {"date": day, "actor": actor, "kind": kind}


def nbsp(text):
    return text.replace("\u00a0", " ")


def test_pixmania_facts():
    facts = derive_facts(case(pixmania_testimony()))
    assert facts.t0 == date(2008, 7, 1)
    assert facts.first_answer_date == date(2009, 6, 1)
    assert facts.days_to_first_answer == 335
    assert nbsp(duration_fr(facts.days_to_first_answer, facts.approx)) == "environ 11 mois"
    assert facts.days_open == 370
    assert facts.days_followed == 370
    assert duration_fr(facts.days_open, facts.approx) == "plus d’un an"
    assert facts.resolution_date is None and facts.days_to_resolution is None
    assert facts.broken_promises == 1
    assert facts.case_points == 0
    assert facts.approx
    assert facts.status == "open"
    assert facts.issues[0] == "delivery.wrong_recipient"
    assert facts.amount.currency == "EUR"


def test_complaint_wins_t0_and_ack_is_not_an_answer():
    facts = derive_facts(
        simple(
            [
                ev("2021-01-04", "consumer", "order"),
                ev("2021-01-10", "carrier", "delivery_problem"),
                ev("2021-01-12", "consumer", "complaint"),
                ev("2021-01-12", "merchant", "merchant_ack"),
                ev("2021-01-20", "merchant", "merchant_answer"),
                ev("2021-02-02", "consumer", "remedy_received"),
            ],
            status="resolved",
        )
    )
    assert facts.t0 == date(2021, 1, 12)
    assert facts.days_to_first_answer == 8
    assert facts.days_to_resolution == 21
    assert facts.days_open is None
    assert facts.days_followed == 21
    assert not facts.approx
    assert facts.case_points == 60 + 25 + 15


def test_t0_falls_back_to_first_event():
    facts = derive_facts(simple([ev("2021-01-04", "consumer", "order")]))
    assert facts.t0 == date(2021, 1, 4)
    assert facts.days_to_first_answer is None
    assert facts.case_points == 15


def test_answer_before_t0_does_not_count():
    facts = derive_facts(
        simple(
            [
                ev("2021-01-04", "merchant", "merchant_answer"),
                ev("2021-01-10", "consumer", "complaint"),
                ev("2021-03-01", "merchant", "offer"),
            ]
        )
    )
    assert facts.first_answer_date == date(2021, 3, 1)
    assert facts.days_to_first_answer == 50


def test_broken_promise_needs_30_days_elapsed():
    events = [
        ev("2021-01-10", "consumer", "complaint"),
        ev("2021-01-20", "merchant", "promise"),
    ]
    assert derive_facts(simple(events, as_of="2021-02-18")).broken_promises == 0
    assert derive_facts(simple(events, as_of="2021-02-19")).broken_promises == 1
    kept = [*events, ev("2021-02-19", "merchant", "remedy_received")]
    assert derive_facts(simple(kept, as_of="2021-06-01")).broken_promises == 0
    late = [*events, ev("2021-02-20", "merchant", "remedy_received")]
    assert derive_facts(simple(late, as_of="2021-06-01")).broken_promises == 1


def test_case_points_table():
    assert case_points("resolved", 15, 0) == 100
    assert case_points("partially_resolved", 16, 0) == 30 + 15 + 15
    assert case_points("open", 60, 1) == 5
    assert case_points("unresolved", 61, 2) == 0
    assert case_points("open", None, 0) == 15


def test_timeline_durations_and_replies():
    testimony = simple(
        [
            ev("2021-01-04", "consumer", "order"),
            ev("2021-01-25", "consumer", "complaint"),
            ev("2021-01-25", "merchant", "merchant_ack"),
            ev("2021-02", "merchant", "offer"),
            ev("2021-05-02", "merchant", "merchant_reply"),
        ]
    )
    entries = build_timeline(testimony)
    assert [e.days_since_previous for e in entries] == [None, 21, 0, 7]
    assert [e.approx for e in entries] == [False, False, False, True]
    assert [e.kind for e in replies(testimony)] == ["merchant_reply"]


def test_timeline_overlapping_imprecise_dates_have_no_duration():
    entries = build_timeline(case(pixmania_testimony()))
    assert entries[1].days_since_previous is None  # 2008-07 after 2008-07-13
    assert entries[3].days_since_previous is None  # after the period 2008-07..2009-05
    assert entries[4].days_since_previous is None  # same month, imprecise (2009-06)


def test_remedy_before_the_first_complaint_is_not_a_resolution():
    """A refund before the complaint (e.g. for an earlier problem) resolves nothing."""
    data = pixmania_testimony()
    data["events"] = [
        {"date": "2020-01-01", "actor": "carrier", "kind": "delivery_problem"},
        {"date": "2020-01-05", "actor": "merchant", "kind": "remedy_received"},
        {"date": "2020-01-15", "actor": "consumer", "kind": "complaint"},
        {"date": "2020-01-20", "actor": "merchant", "kind": "merchant_answer"},
    ]
    data["outcome"] = {"status": "unresolved", "resolution": "none", "as_of": "2020-03-01"}
    facts = derive_facts(case(data))
    assert facts.t0 == date(2020, 1, 15)
    assert facts.resolution_date is None and facts.days_to_resolution is None
    assert facts.days_to_first_answer == 5
    assert facts.days_open == 46


def test_an_imprecise_answer_in_the_month_of_the_complaint_counts():
    data = pixmania_testimony()
    data["events"] = [
        {"date": "2020-01-13", "actor": "consumer", "kind": "complaint"},
        {"date": "2020-01", "actor": "merchant", "kind": "merchant_answer"},
    ]
    data["outcome"] = {"status": "open", "resolution": "none", "as_of": "2020-03-01"}
    facts = derive_facts(case(data))
    assert facts.first_answer_date == date(2020, 1, 13)
    assert facts.days_to_first_answer == 0


def test_an_unsolved_case_has_no_resolution_time_even_with_a_remedy():
    data = pixmania_testimony()
    data["events"] = [
        {"date": "2020-01-13", "actor": "consumer", "kind": "complaint"},
        {"date": "2020-02-01", "actor": "merchant", "kind": "remedy_received"},
    ]
    data["outcome"] = {"status": "unresolved", "resolution": "none", "as_of": "2020-03-01"}
    facts = derive_facts(case(data))
    assert facts.days_to_resolution is None
    assert facts.days_open == 48
