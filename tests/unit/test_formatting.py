"""French formatting through Babel: dates, fuzzy dates, durations, money, labels."""

from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from markupsafe import Markup
from pelican.utils import SafeDatetime

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Money
from complaints.present.formatting import (
    FILTERS,
    date_fr,
    duration_fr,
    fuzzy_date_fr,
    fuzzy_date_html,
    iso_day,
    label,
    labels,
    money_fr,
    percent_fr,
)

NBSP, NNBSP = "\u00a0", "\u202f"


def plain(text: str) -> str:
    return text.replace(NBSP, " ").replace(NNBSP, " ")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (date(2009, 7, 6), "6 juillet 2009"),
        (date(2010, 1, 1), "1er janvier 2010"),
        (date(2008, 2, 29), "29 février 2008"),
        (date(2008, 8, 15), "15 août 2008"),
        (datetime(2009, 7, 6, 23, 30), "6 juillet 2009"),
        (
            datetime(2009, 7, 6, 23, 30, tzinfo=timezone(timedelta(hours=2))),
            "6 juillet 2009",
        ),
        (datetime(2009, 12, 31, 23, 59, tzinfo=UTC), "31 décembre 2009"),
        (None, ""),
    ],
)
def test_date_fr(value, expected):
    assert date_fr(value) == expected


@pytest.mark.parametrize(
    ("value", "approx", "expected"),
    [
        ("2008-07-13", False, "13 juillet 2008"),
        ("2008-07", False, "juillet 2008"),
        ("2008", False, "2008"),
        ("2009-06", True, "vers juin 2009"),
        ("2009-06-01", True, "vers le 1er juin 2009"),
        ("2008", True, "vers 2008"),
        ("2008-07..2009-05", False, "de juillet 2008 à mai 2009"),
        ("2008-04..2009-05", False, "d’avril 2008 à mai 2009"),
        ("2008-07..2009-05", True, "de juillet 2008 à mai 2009 environ"),
        ("2008-07-13..2008-07-20", False, "du 13 juillet 2008 au 20 juillet 2008"),
        ("2008..2010", False, "de 2008 à 2010"),
    ],
)
def test_fuzzy_date_fr(value, approx, expected):
    assert fuzzy_date_fr(FuzzyDate.parse(value, approx=approx)) == expected


def test_fuzzy_date_fr_accepts_plain_dates():
    assert fuzzy_date_fr(date(2009, 7, 6)) == "6 juillet 2009"
    assert fuzzy_date_fr(None) == ""


def test_fuzzy_date_html():
    html = fuzzy_date_html(FuzzyDate.parse("2008-07"))
    assert isinstance(html, Markup)
    assert html == '<time datetime="2008-07">juillet 2008</time>'
    approx = fuzzy_date_html(FuzzyDate.parse("2009-06", approx=True))
    assert approx == 'vers <time datetime="2009-06">juin 2009</time>'
    span = fuzzy_date_html(FuzzyDate.parse("2008-07..2009-05"))
    assert span.count("<time") == 2
    assert span == (
        'de <time datetime="2008-07">juillet 2008</time> à <time datetime="2009-05">mai 2009</time>'
    )
    assert fuzzy_date_html(date(2009, 7, 6)) == (
        '<time datetime="2009-07-06">6 juillet 2009</time>'
    )


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "moins d’un jour"),
        (1, "1 jour"),
        (6, "6 jours"),
        (7, "7 jours"),
        (13, "13 jours"),
        (14, "2 semaines"),
        (21, "3 semaines"),
        (29, "4 semaines"),
        (30, "4 semaines"),
        (31, "4 semaines"),
        (59, "8 semaines"),
        (60, "2 mois"),
        (335, "11 mois"),
        (364, "12 mois"),
        (365, "1 an"),
        (366, "plus d’un an"),
        (370, "plus d’un an"),
        (400, "plus d’un an"),
        (729, "plus d’un an"),
        (730, "2 ans"),
        (800, "plus de 2 ans"),
        (1095, "3 ans"),
    ],
)
def test_duration_fr(days, expected):
    assert plain(duration_fr(days)) == expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "durée inconnue"),
        (7, "environ 7 jours"),
        (335, "environ 11 mois"),
        (370, "plus d’un an"),
        (730, "environ 2 ans"),
    ],
)
def test_duration_fr_approx(days, expected):
    assert plain(duration_fr(days, approx=True)) == expected


def test_duration_fr_uses_babel_no_break_space():
    assert duration_fr(21) == f"3{NBSP}semaines"


def test_duration_fr_none_and_negative():
    assert duration_fr(None) == ""
    with pytest.raises(ValueError):
        duration_fr(-1)


@pytest.mark.parametrize(
    ("money", "expected"),
    [
        (
            Money(value=900, currency="EUR", qualifier="more_than"),
            f"plus de 900{NBSP}€",
        ),
        (Money(value=Decimal("1234.5"), currency="EUR"), f"1{NNBSP}234,50{NBSP}€"),
        (Money(value=1234, currency="EUR"), f"1{NNBSP}234{NBSP}€"),
        (Money(value=0, currency="EUR"), f"0{NBSP}€"),
        (Money(value=50, currency="USD", qualifier="about"), f"environ 50{NBSP}$US"),
        (None, ""),
    ],
)
def test_money_fr(money, expected):
    assert money_fr(money) == expected


def test_percent_fr():
    assert percent_fr(0.75) == f"75{NBSP}%"
    assert percent_fr(0.756, digits=1) == f"75,6{NBSP}%"
    assert percent_fr(None) == ""


def test_labels():
    assert label("ivr", "channel") == "serveur vocal"
    assert label("open", "status") == "en cours"
    assert label("unknown-value", "kind") == "unknown-value"
    assert label(None, "kind") == ""
    assert labels(["refund", "reorder", "store_credit"], "option", "or") == (
        "remboursement, nouvelle commande ou avoir"
    )
    with pytest.raises(KeyError):
        label("x", "nope")


def test_filters_registry():
    assert {"date_fr", "fuzzy_date_fr", "fuzzy_date_html", "duration_fr"} <= set(FILTERS)
    assert {"money_fr", "percent_fr", "label"} <= set(FILTERS)
    assert all(callable(f) for f in FILTERS.values())


@pytest.mark.parametrize(
    "value",
    [
        SafeDatetime(2009, 7, 6, 23, 59, tzinfo=ZoneInfo("Europe/Paris")),
        SafeDatetime(2010, 1, 1, 0, 0),
        SafeDatetime(999, 12, 31, 12, 0),
        date(2024, 2, 29),
    ],
)
def test_iso_day_is_what_pelicans_strftime_gives(value: date) -> None:
    assert iso_day(value) == value.strftime("%Y-%m-%d")
    assert iso_day(value) == iso_day(value)  # memoised: the same text again


def test_iso_day_keeps_the_local_day_of_equal_aware_datetimes() -> None:
    paris = SafeDatetime(2009, 7, 7, 0, 30, tzinfo=ZoneInfo("Europe/Paris"))
    utc = paris.astimezone(ZoneInfo("UTC"))  # the same instant (equal), the day before
    assert paris == utc
    assert (iso_day(paris), iso_day(utc)) == ("2009-07-07", "2009-07-06")
