"""Template filters of complaints.formatting that replace logic once in templates."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from jinja2 import Environment

from complaints.domain import rules
from complaints.domain.fuzzydate import FuzzyDate
from complaints.present.filters import install
from complaints.present.formatting import (
    country_fr,
    fuzzy_date_fr,
    period_fr,
    score_fr,
    share_of,
    tenths,
)


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2009,), "2009"),
        ((2009, 7), "juillet 2009"),
        ((2010, 8), "août 2010"),
        ((2009, 7, 6), "6 juillet 2009"),
        ((2010, 1, 1), "1er janvier 2010"),
    ],
)
def test_period_fr(parts: tuple[int, ...], expected: str) -> None:
    assert period_fr(parts) == expected


@pytest.mark.parametrize(
    ("code", "expected"),
    [("FR", "France"), ("be", "Belgique"), ("CH", "Suisse"), ("GB", "Royaume-Uni")],
)
def test_country_fr_uses_babel_names(code: str, expected: str) -> None:
    assert country_fr(code) == expected


def test_country_fr_unknown_or_empty() -> None:
    assert country_fr("ZZZ") == "ZZZ"
    assert country_fr(None) == ""
    assert country_fr("") == ""


@pytest.mark.parametrize(
    ("value", "expected"), [(54.3, "54,3"), (100.0, "100,0"), (0, "0,0"), (7.5, "7,5")]
)
def test_score_fr(value: float, expected: str) -> None:
    assert score_fr(value) == expected


def test_score_fr_none() -> None:
    assert score_fr(None) == ""


def test_share_of_and_tenths() -> None:
    assert share_of(1, 4) == 0.25
    assert share_of(3, 0) == 0
    assert [tenths(x) for x in (0, 0.04, 0.06, 0.34, 0.5, 1)] == [0, 0, 1, 3, 5, 10]


def test_month_range_elides_with_the_grammar_rule() -> None:
    assert fuzzy_date_fr(FuzzyDate.parse("2008-08..2009-05")) == "d’août 2008 à mai 2009"
    assert fuzzy_date_fr(FuzzyDate.parse("2008-07..2009-05")) == "de juillet 2008 à mai 2009"


def _env() -> Environment:
    env = Environment(autoescape=True)
    install(env)
    return env


def test_author_profile_and_name_read_the_context() -> None:
    env = _env()
    profile = SimpleNamespace(name="Inès Martin")
    author = SimpleNamespace(slug="ines")
    template = env.from_string("{{ a|author_name }}|{{ (a|author_profile).name }}")
    assert template.render(a=author, author_profiles={"ines": profile}) == "Inès Martin|Inès Martin"


def test_author_name_without_profile_is_pelicans_name() -> None:
    class Author:
        slug = "anon"

        def __str__(self) -> str:
            return "Anonyme"

    env = _env()
    assert (
        env.from_string("{{ a|author_name }}").render(a=Author(), author_profiles={}) == "Anonyme"
    )
    assert env.from_string("{{ a|author_name }}").render(a=Author()) == "Anonyme"


def test_templates_see_the_rules_and_escape_filter_output() -> None:
    env = _env()
    assert env.from_string("{{ rules.TIMELY_DAYS }}").render() == str(rules.TIMELY_DAYS)
    assert env.from_string("{{ name|de }}").render(name="A & B") == "d’A &amp; B"
    assert env.from_string("{{ 2|plural('dossier') }}").render() == "dossiers"
