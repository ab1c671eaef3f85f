"""A case that agrees with itself: each rule of complaints.domain.consistency refuses
its contradiction and lets the honest variants of it through."""

from datetime import date

import pytest

from complaints.domain.consistency import RULES, case_problems, duplicates
from complaints.domain.model import parse_testimony
from tests.support.content import pixmania_testimony

PUBLISHED = date(2009, 7, 6)


def problems_of(data, published=PUBLISHED):
    case = parse_testimony(data, source="t.md", merchants=None, published=published)
    lines = {"testimony.events[1].date": 14, "testimony.events[5].options": 18}
    return case_problems(case, "t.md", published, lines.get)


def fields(data, published=PUBLISHED) -> list[str]:
    return [p.field for p in problems_of(data, published)]


def test_the_founding_case_agrees_with_itself():
    assert problems_of(pixmania_testimony()) == []


def test_duplicates_names_each_repeat_and_its_first():
    assert duplicates(["a", "b", "a", "a"]) == [(3, 1), (4, 1)]
    assert duplicates([]) == []


def test_order_date_and_order_event_must_agree():
    data = pixmania_testimony()
    data["order"]["date"] = "2008-07-25"
    (problem,) = problems_of(data)
    assert problem.field == "testimony.order.date"
    assert "testimony.events[1].date = 2008-07-13, ligne 14" in problem.expected


def test_an_imprecise_order_date_covering_the_event_agrees():
    data = pixmania_testimony()
    data["order"]["date"] = "2008-07"
    assert problems_of(data) == []


def test_order_channel_and_order_event_channel_must_agree():
    data = pixmania_testimony()
    data["events"][0]["channel"] = "phone"
    assert fields(data) == ["testimony.order.channel"]


def test_experience_before_the_order_is_refused():
    data = pixmania_testimony()
    data["experience_date"] = "2008-06"
    assert fields(data) == ["testimony.experience_date"]


@pytest.mark.parametrize("name", ["issues", "lessons"])
def test_a_code_given_twice_is_refused(name):
    data = pixmania_testimony()
    data[name] = [*data[name], data[name][0]]
    (problem,) = problems_of(data)
    assert problem.field == f"testimony.{name}[{len(data[name])}]"
    assert f"{name}[1]" in problem.expected


def test_an_option_offered_twice_is_refused():
    data = pixmania_testimony()
    data["events"][4]["options"] = ["refund", "reorder", "refund"]
    assert fields(data) == ["testimony.events[5].options[3]"]


def test_an_event_after_publication_belongs_to_the_follow_ups():
    data = pixmania_testimony()
    data["events"].append({"date": "2009-08-01", "actor": "consumer", "kind": "reminder"})
    data["outcome"]["as_of"] = "2009-08-01"
    (problem,) = problems_of(data)
    assert problem.field == "testimony.events[8].date"
    assert "updates:" in problem.expected


def test_an_event_of_the_publication_month_may_be_told():
    data = pixmania_testimony()
    data["events"][-1]["date"] = "2009-07"  # may be before the 6th: not surely after
    assert problems_of(data) == []


def test_a_right_of_reply_comes_after_publication():
    data = pixmania_testimony()
    reply = {"date": "2009-07-03", "actor": "merchant", "kind": "merchant_reply"}
    data["events"].append(reply)
    assert fields(data) == ["testimony.events[8].date"]
    reply["date"] = "2009-07-20"
    data["outcome"]["as_of"] = "2009-07-20"
    assert problems_of(data) == []


def test_without_a_publication_date_no_publication_rule_applies():
    data = pixmania_testimony()
    data["events"].append({"date": "2009-07-03", "actor": "merchant", "kind": "merchant_reply"})
    assert problems_of(data, published=None) == []


def _resolved(data, recovered, resolution="refund", note=None):
    event = {"date": "2009-07-02", "actor": "merchant", "kind": "remedy_received"}
    if note:
        event["note"] = note
    data["events"].append(event)
    data["order"]["amount"] = {"value": 900, "currency": "EUR"}
    data["outcome"].update(
        status="resolved",
        resolution=resolution,
        recovered={"value": recovered, "currency": "EUR"},
    )
    return data


def test_more_recovered_than_paid_needs_an_explanation():
    assert fields(_resolved(pixmania_testimony(), 1200)) == ["testimony.outcome.recovered.value"]
    explained = _resolved(pixmania_testimony(), 1200, note="remboursé et dédommagé de 300 €")
    assert problems_of(explained) == []
    assert problems_of(_resolved(pixmania_testimony(), 900)) == []


def test_an_amount_given_as_a_lower_bound_may_be_exceeded():
    data = _resolved(pixmania_testimony(), 1200)
    data["order"]["amount"]["qualifier"] = "more_than"
    assert problems_of(data) == []


@pytest.mark.parametrize(
    ("status", "resolution", "recovered", "field"),
    [
        ("resolved", "none", 0, "testimony.outcome.resolution"),
        ("resolved", "refund", 0, "testimony.outcome.recovered"),
        ("unresolved", "refund", 0, "testimony.outcome.resolution"),
        ("open", "goodwill", 0, "testimony.outcome.resolution"),
        ("open", "none", 50, "testimony.outcome.resolution"),
    ],
)
def test_status_resolution_and_amount_agree(status, resolution, recovered, field):
    data = _resolved(pixmania_testimony(), recovered, resolution)
    data["outcome"]["status"] = status
    if status == "open":
        data["events"].pop()
    assert fields(data) == [field]


def test_a_replacement_needs_no_amount():
    assert problems_of(_resolved(pixmania_testimony(), 0, "replacement")) == []


def test_a_choice_is_one_of_the_options_offered_before_it():
    data = pixmania_testimony()
    data["events"][5]["value"] = "repair"
    (problem,) = problems_of(data)
    assert problem.field == "testimony.events[6].value"
    assert "events[5].options = refund, reorder, store_credit, ligne 18" in problem.expected


def test_a_choice_without_an_offer_before_it_is_not_checked():
    data = pixmania_testimony()
    data["events"][4]["options"] = []
    data["events"][5]["value"] = "repair"
    assert problems_of(data) == []


def test_never_delivered_has_no_delivery_event():
    data = pixmania_testimony()
    data["issues"] = ["delivery.never"]
    data["events"][1]["kind"] = "delivery"
    assert fields(data) == ["testimony.events[2].kind"]
    data["issues"] = ["delivery.late"]
    assert problems_of(data) == []


def test_every_rule_is_described_in_french():
    assert len(RULES) >= 8
    assert all(fields and len(text) > 40 for fields, text in RULES)


def test_a_download_has_no_carrier():
    data = pixmania_testimony()
    data["delivery"] = {"carrier": "Colissimo", "mode": "digital"}
    assert fields(data) == ["testimony.delivery.carrier"]
    data["delivery"] = {"mode": "digital"}
    assert problems_of(data) == []


def test_documents_seen_were_seen_by_someone():
    data = pixmania_testimony()
    data["verification"] = {"documents_seen": True, "by": "none"}
    assert fields(data) == ["testimony.verification.by"]
    data["verification"]["by"] = "editor"
    assert problems_of(data) == []


def test_a_remedy_is_paid_in_the_order_currency():
    data = _resolved(pixmania_testimony(), 900)
    data["events"][-1]["amount"] = {"value": 900, "currency": "CHF"}
    assert fields(data) == ["testimony.events[8].amount.currency"]
