"""The testimony schema: valid data, field paths, plain messages, cross-field rules."""

import copy
from datetime import date
from decimal import Decimal

import pytest

from complaints.domain import model
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import parse_testimony, path, unknown_merchant_problem
from complaints.domain.problems import ContentError, Problem
from tests.support.content import pixmania_testimony


def problems(data, merchants=None) -> list[Problem]:
    with pytest.raises(ContentError) as info:
        parse_testimony(data, source="t.md", merchants=merchants)
    return info.value.problems


def test_pixmania_is_valid():
    case = parse_testimony(pixmania_testimony(), source="p.md", merchants={"pixmania"})
    assert isinstance(case, model.Testimony)
    assert case.order.amount.value == Decimal(900)
    assert case.order.amount.qualifier == "more_than"
    assert case.events[2].date == FuzzyDate.parse("2008-07..2009-05")
    assert case.events[2].date.approx
    assert case.outcome.as_of == date(2009, 7, 6)
    assert case.experience_date.start == date(2008, 7, 13)


def test_cases_read_in_another_process_share_their_field_names_and_stay_copyable():
    import pickle

    case = parse_testimony(pixmania_testimony(), source="p.md", merchants={"pixmania"})
    first, second = (pickle.loads(pickle.dumps(case)) for _ in range(2))
    assert first == case == second
    assert first.order.__pydantic_fields_set__ is second.order.__pydantic_fields_set__
    changed = first.outcome.model_copy(update={"as_of": date(2010, 1, 1)})
    assert changed.as_of == date(2010, 1, 1) and "as_of" in changed.model_fields_set
    assert first.outcome.as_of == date(2009, 7, 6)
    assert copy.deepcopy(first) == case


def test_yaml_date_forms_are_all_accepted():
    data = pixmania_testimony()
    data["experience_date"] = 2008
    data["events"][0]["date"] = "2008-07-13"
    data["outcome"]["as_of"] = "2009-07-06"
    case = parse_testimony(data, source="p.md", merchants=None)
    assert case.experience_date.precision == "year"


def test_path_format():
    assert path(("events", 3, "date")) == "testimony.events[4].date"  # the fourth event
    assert path(("issues", 0)) == "testimony.issues[1]"
    assert path(("name",), root="") == "name"


def test_all_problems_are_collected():
    data = pixmania_testimony()
    data["events"][1]["actor"] = "livreur"
    data["events"][4]["options"] = ["refund", "bon_achat"]
    data["outcome"]["status"] = "ouvert"
    del data["order"]["item"]
    found = problems(data, merchants={"autre"})
    fields = {p.field for p in found}
    assert fields == {
        "testimony.events[2].actor",
        "testimony.events[5].options[2]",
        "testimony.outcome.status",
        "testimony.order.item",
        "testimony.merchant",
    }
    assert all(p.file == "t.md" for p in found)


def test_problem_str_names_file_field_value_and_expectation():
    data = pixmania_testimony()
    data["events"][3]["date"] = "2009-13"
    (problem,) = problems(data)
    text = str(problem)
    assert text.startswith("t.md")
    assert "testimony.events[4].date" in text
    assert "2009-13" in text
    assert "mois 13" in text


def test_unknown_field_lists_allowed_fields():
    data = pixmania_testimony()
    data["outcome"]["statut"] = "open"
    (problem,) = problems(data)
    assert problem.field == "testimony.outcome.statut"
    assert "status" in problem.expected and "as_of" in problem.expected


@pytest.mark.parametrize("bad", [None, [], "texte", 3, 2.5, True])
def test_non_mapping_data(bad):
    (problem,) = problems(bad)
    assert problem.field == "testimony"


def test_events_out_of_order_but_overlapping_imprecise_dates_are_fine():
    data = pixmania_testimony()  # 2008-07-13 then 2008-07: the month covers the day
    parse_testimony(data, source="p.md", merchants=None)
    data["events"][1]["date"] = "2008-06"
    (problem,) = problems(data)
    assert problem.field == "testimony.events[2].date"


def test_as_of_before_last_event():
    data = pixmania_testimony()
    data["outcome"]["as_of"] = date(2009, 6, 30)
    (problem,) = problems(data)
    assert problem.field == "testimony.outcome.as_of"
    assert "2009-07-01" in problem.expected


def test_resolved_needs_remedy_and_passes_with_one():
    data = pixmania_testimony()
    data["outcome"]["status"] = "partially_resolved"
    (problem,) = problems(data)
    assert problem.field == "testimony.outcome.status"
    data["events"].append({"date": "2009-07-05", "actor": "merchant", "kind": "remedy_received"})
    parse_testimony(data, source="p.md", merchants=None)


def test_recovered_currency_must_match_order():
    data = pixmania_testimony()
    data["outcome"]["recovered"]["currency"] = "CHF"
    (problem,) = problems(data)
    assert problem.field == "testimony.outcome.recovered.currency"


def test_currency_comes_from_babel():
    data = pixmania_testimony()
    data["order"]["amount"]["currency"] = "CHF"
    data["outcome"]["recovered"]["currency"] = "CHF"
    parse_testimony(data, source="p.md", merchants=None)
    data["order"]["amount"]["currency"] = "ABC"
    assert problems(data)[0].field == "testimony.order.amount.currency"


def test_merchant_check_skipped_with_none():
    data = pixmania_testimony()
    parse_testimony(data, source="p.md", merchants=None)
    (problem,) = problems(data, merchants={"pixmanie"})
    assert "pixmanie" in problem.expected  # suggestion


def test_unknown_merchant_problem():
    problem = unknown_merchant_problem("fnak", "a.md", {"fnac": object()})
    assert problem.field == "testimony.merchant"
    assert "fnak" in problem.value and "fnac" in problem.expected


def test_input_is_not_mutated():
    data = pixmania_testimony()
    before = copy.deepcopy(data)
    parse_testimony(data, source="p.md", merchants=None)
    assert data == before
