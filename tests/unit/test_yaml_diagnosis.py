"""YAML mistakes are reported at the line where they are, with their field, in French:
every quote, bracket and brace of a valid testimony, removed in turn, is found again."""

from __future__ import annotations

import re

import pytest

from complaints.editorial.validate import check_text
from tests.support.checks import RULES
from tests.support.content import GOOD_PIXMANIA

GOOD = GOOD_PIXMANIA.read_text(encoding="utf-8")
ENGLISH = re.compile(r"\b(expected|found|while|mapping|scalar|should|Input|required)\b")


def only_problem(text: str):
    problems = check_text(text, "t.md", "testimony", RULES).problems
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    assert not ENGLISH.search(problem.expected), problem
    return problem


def closing_marks(opening: str, closing: str):
    """(line number from 1, text without the line's last closing mark) for each line
    of the front matter that holds the pair."""
    lines = GOOD.split("\n")
    end = lines.index("---", 1)
    for number, line in enumerate(lines[:end], 1):
        if opening in line and line.rstrip().endswith(closing):
            cut = line.rstrip()[:-1]
            yield number, "\n".join([*lines[: number - 1], cut, *lines[number:]])


def quote_cuts():
    lines = GOOD.split("\n")
    end = lines.index("---", 1)
    for number, line in enumerate(lines[:end], 1):
        last = line.rfind('"')
        if line.count('"') >= 2:
            cut = line[:last] + line[last + 1 :]
            yield number, "\n".join([*lines[: number - 1], cut, *lines[number:]])


QUOTES = list(quote_cuts())
BRACKETS = list(closing_marks("[", "]")) + list(closing_marks("{", "}"))


def test_the_base_is_valid():
    assert check_text(GOOD, "t.md", "testimony", RULES).problems == []
    assert len(QUOTES) >= 3 and len(BRACKETS) >= 8


@pytest.mark.parametrize(("line", "text"), QUOTES, ids=[f"ligne-{n}" for n, _ in QUOTES])
def test_an_unclosed_quote_is_found_on_its_own_line(line, text):
    problem = only_problem(text)
    assert problem.line == line
    assert "guillemet fermant" in problem.expected
    assert problem.field != "front matter"


@pytest.mark.parametrize(("line", "text"), BRACKETS, ids=[f"ligne-{n}" for n, _ in BRACKETS])
def test_an_unclosed_bracket_or_brace_is_found_on_its_own_line(line, text):
    problem = only_problem(text)
    assert problem.line == line
    assert "jamais refermé" in problem.expected
    assert problem.field.startswith(("testimony", "tags"))


@pytest.mark.parametrize(
    ("old", "new", "field", "advice"),
    [
        ("{value: 900,", "{value: 449,90,", "testimony.order.amount.value", "écrivez 449.90"),
        ("  merchant: pixmania", "  merchant:pixmania", "testimony.merchant", "une espace"),
        ("item: caméscope numérique,", "item: caméscope, numérique,", "testimony.order.item", "virgule"),
        ("  outcome:", "   outcome:", "testimony.outcome", "indentation de 2 espaces"),
        ("  outcome:", "\toutcome:", "testimony.outcome", "tabulation"),
        ("    - {date: 2009-06, actor: consumer, kind: choice", "    -{date: 2009-06, actor: consumer, kind: choice", "testimony.events[6]", "tiret"),
        ("{date: 2008-07, actor: carrier", "{date: 2008-07 actor: carrier", "testimony.events[2].date", "une virgule avant « actor: »"),
        ('note: "le même choix est reproposé"', "note: le même: choix", "testimony.events[7].note", "guillemets"),
        ('note: "le même choix est reproposé"', "note: 'l'entreprise'", "testimony.events[7].note", "apostrophe"),
        ('note: "le même choix est reproposé"', "note: @pixmania", "testimony.events[7].note", "commence par « @ »"),
        ("  experience_date: 2008-07-13", "  experience_date: 2008-07-13\n  2009: x", "testimony.2009", "nom de champ"),
        ("  merchant: pixmania", "  merchant pixmania", "testimony.merchant", "un « : » après le nom du champ « merchant »"),
        ("    - {date: 2009-06, actor: consumer, kind: choice", "    {date: 2009-06, actor: consumer, kind: choice", "testimony.events[6]", "un tiret « - »"),
        ("{value: 900,", "{value: 1 299,", "testimony.order.amount.value", "écrivez 1299"),
        ("{value: 900,", "{value: 900€,", "testimony.order.amount.value", "la devise va dans currency"),
        ("currency: EUR, qualifier", "currency: €, qualifier", "testimony.order.amount.currency", "écrivez EUR"),
        ("documents_seen: false", "documents_seen: non", "testimony.verification.documents_seen", "écrivez false"),
        ("  events:\n    - {date: 2008-07-13, actor: consumer, kind: order, channel: web}\n", "  events:\n    {date: 2008-07-13, actor: consumer, kind: order, channel: web}\n", "testimony.events[1]", "un tiret « - »"),
    ],
)  # fmt: skip
def test_usual_mistakes_name_their_line_field_and_what_to_do(old, new, field, advice):
    assert old in GOOD
    text = GOOD.replace(old, new, 1)
    problem = only_problem(text)
    assert problem.field == field
    assert advice in problem.expected
    changed = next(
        n
        for n, (a, b) in enumerate(zip(GOOD.split("\n"), text.split("\n"), strict=False), 1)
        if a != b
    )
    assert problem.line == changed
    assert "datetime" not in problem.value and "{'" not in problem.value
