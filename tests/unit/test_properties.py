"""Property-based tests: bad input gives DateError / ContentError, never a crash."""

import copy
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from complaints.domain.fuzzydate import DateError, FuzzyDate
from complaints.domain.model import parse_testimony
from complaints.domain.problems import ContentError
from complaints.editorial.frontmatter import read_front_matter, split_front_matter
from complaints.editorial.validate import check_text
from tests.support.checks import RULES as SITE_RULES

PIXMANIA = Path(__file__).parents[1] / "bad_content" / "good" / "pixmania.md"
BASE, _ = split_front_matter(PIXMANIA.read_text(encoding="utf-8"), str(PIXMANIA))
BASE = BASE["testimony"]

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True)
    | st.text(max_size=20)
    | st.dates()
    | st.sampled_from(["2008-07", "2008-07..2009-05", "EUR", "open", "merchant", "-1"])
)
garbage = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=15,
)


def date_like_text():
    digits = st.integers(min_value=-1, max_value=10000).map(str)
    return st.builds(
        lambda a, b, c, sep: sep.join(x for x in (a, b, c) if x),
        digits,
        st.one_of(st.just(""), digits),
        st.one_of(st.just(""), digits),
        st.sampled_from(["-", "..", "/", "-0"]),
    )


@given(st.one_of(st.text(), st.integers(), date_like_text(), garbage))
def test_fuzzy_date_parse_raises_only_date_error(value):
    try:
        parsed = FuzzyDate.parse(value)
    except DateError:
        return
    assert parsed.start <= parsed.end
    assert 1 <= len(parsed.datetime_values) <= 2


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_iso_text_round_trips(day):
    assert FuzzyDate.parse(day.isoformat()).start == day


@settings(max_examples=200)
@given(garbage)
def test_parse_testimony_raises_only_testimony_error(data):
    try:
        parse_testimony(data, source="g.md", merchants={"pixmania"})
    except ContentError as error:
        assert error.problems
        assert all(p.file == "g.md" and p.field.startswith("testimony") for p in error.problems)


def _paths(value, prefix=()):
    """Every path (keys and indices) inside nested dicts and lists."""
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return
    for key, child in items:
        yield (*prefix, key)
        yield from _paths(child, (*prefix, key))


PATHS = list(_paths(BASE))


@settings(max_examples=300)
@given(st.sampled_from(PATHS), garbage)
def test_one_field_replaced_by_garbage(where, junk):
    data = copy.deepcopy(BASE)
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = junk
    try:
        parse_testimony(data, source="g.md", merchants={"pixmania"})
    except ContentError as error:
        assert error.problems
        for problem in error.problems:
            assert str(problem).startswith("g.md")


# --- the loader and the validator, on arbitrary text --------------------------

GOOD_TEXT = PIXMANIA.read_text(encoding="utf-8")
RULES = SITE_RULES
yaml_bits = st.sampled_from(
    [
        "[",
        "]",
        "{",
        "}",
        "&a ",
        "*a",
        ": ",
        "- ",
        "\t",
        "\n",
        "  ",
        '"',
        "'",
        "---",
        "#",
        "!!python/object:os.system",
        "\x1b",
        "\ufffe",
        "\x00",
        "0001-01-01",
        "1e400",
    ]
)
texts = st.lists(st.one_of(st.text(max_size=12), yaml_bits), max_size=40).map("".join)


@settings(max_examples=300)
@given(texts)
def test_loader_raises_only_content_error(text):
    for candidate in (text, "---\n" + text + "\n---\nbody"):
        try:
            document = read_front_matter(candidate, "g.md")
        except ContentError as error:
            assert error.problems and all(p.file == "g.md" for p in error.problems)
        else:
            assert all(isinstance(line, int) and line >= 2 for line in document.lines.values())


@settings(max_examples=200)
@given(st.integers(min_value=0, max_value=len(GOOD_TEXT)), texts)
def test_validator_on_a_testimony_with_text_inserted(at, junk):
    text = GOOD_TEXT[:at] + junk + GOOD_TEXT[at:]
    for kind in ("testimony", "page"):
        checked = check_text(text, "g.md", kind, RULES)  # returns problems, never raises
        assert all(p.file == "g.md" and p.line for p in checked.problems)
        assert (checked.case is None) == (kind == "page" or bool(checked.problems))
