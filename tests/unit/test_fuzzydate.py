"""FuzzyDate: parsing at every precision, ranges, ordering, HTML datetime values."""

from datetime import date, datetime

import pytest

from complaints.domain.fuzzydate import DateError, FuzzyDate


@pytest.mark.parametrize(
    ("value", "start", "end", "precision", "machine"),
    [
        (date(2008, 7, 13), date(2008, 7, 13), date(2008, 7, 13), "day", "2008-07-13"),
        (
            datetime(2008, 7, 13, 10),
            date(2008, 7, 13),
            date(2008, 7, 13),
            "day",
            "2008-07-13",
        ),
        ("2008-07-13", date(2008, 7, 13), date(2008, 7, 13), "day", "2008-07-13"),
        ("2008-07", date(2008, 7, 1), date(2008, 7, 31), "month", "2008-07"),
        ("2008-2", date(2008, 2, 1), date(2008, 2, 29), "month", "2008-02"),
        ("2008", date(2008, 1, 1), date(2008, 12, 31), "year", "2008"),
        (2008, date(2008, 1, 1), date(2008, 12, 31), "year", "2008"),
        (" 2009-06 ", date(2009, 6, 1), date(2009, 6, 30), "month", "2009-06"),
    ],
)
def test_single_dates(value, start, end, precision, machine):
    parsed = FuzzyDate.parse(value)
    assert (parsed.start, parsed.end, parsed.precision) == (start, end, precision)
    assert parsed.datetime_values == (machine,)
    assert not parsed.is_range


def test_range():
    parsed = FuzzyDate.parse("2008-07..2009-05", approx=True)
    assert parsed.is_range and parsed.approx
    assert (parsed.start, parsed.end) == (date(2008, 7, 1), date(2009, 5, 31))
    assert parsed.datetime_values == ("2008-07", "2009-05")
    assert str(parsed) == "2008-07..2009-05"


def test_mixed_precision_range():
    parsed = FuzzyDate.parse("2008-07-13..2009")
    assert (parsed.precision, parsed.end_precision) == ("day", "year")
    assert parsed.datetime_values == ("2008-07-13", "2009")


def test_is_exact():
    assert FuzzyDate.parse("2008-07-13").is_exact
    assert not FuzzyDate.parse("2008-07-13", approx=True).is_exact
    assert not FuzzyDate.parse("2008-07").is_exact
    assert not FuzzyDate.parse("2008-07-13..2008-07-20").is_exact


def test_sorting_by_start_then_shorter_first():
    values = ["2009", "2008-07-13", "2008-07", "2008-07..2009-05", "2008"]
    ordered = sorted((FuzzyDate.parse(v) for v in values), key=lambda d: d.sort_key)
    assert [str(d) for d in ordered] == [
        "2008",
        "2008-07",
        "2008-07..2009-05",
        "2008-07-13",
        "2009",
    ]
    assert min(FuzzyDate.parse(v) for v in values) == FuzzyDate.parse("2008")


def test_parse_keeps_and_adds_approx():
    parsed = FuzzyDate.parse("2008")
    assert FuzzyDate.parse(parsed, approx=True).approx


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("2008-13", "mois 13"),
        ("2008-00", "mois 00"),
        ("2009-02-29", "ce mois a 28 jours"),
        ("2008-07-32", "jour 32"),
        ("13/07/2008", "n'est pas une date"),
        ("juillet 2008", "n'est pas une date"),
        ("", "n'est pas une date"),
        ("2009-05..2008-07", "à l'envers"),
        ("2008..2008", "à l'envers ou vide"),
        ("2008-07..", "n'est pas une date"),
        (208, "n'est pas une date"),
        (1850, "improbable"),
        (None, "vide"),
        (True, "booléen"),
        (2008.5, "nombre décimal"),
        ([2008], "liste"),
    ],
)
def test_errors_are_date_errors_with_plain_messages(value, fragment):
    with pytest.raises(DateError, match=fragment):
        FuzzyDate.parse(value)


def test_leap_day_is_fine():
    assert FuzzyDate.parse("2008-02-29").start == date(2008, 2, 29)
