"""The numbers the Méthodologie page prints, from the code, formatted in French.

A page writes ``{{ code.TIMELY_DAYS }}`` (see ``page_values``); each name maps to a
function that reads :mod:`complaints.domain.rules` when it is called, never a copy taken at
import, so changing a rule changes the page. The worked examples are computed by the
scorecard's own functions (``shrunk_score``, ``round_score``, ``wilson_interval``), so
an example cannot disagree with the code, and formatted as the merchant pages format
scores and shares (``formatting.score_fr``, ``formatting.percent_fr``).

Pure: no Pelican here.
"""

from __future__ import annotations

from collections.abc import Callable

from babel.numbers import format_decimal

from complaints.domain import rules
from complaints.domain.scorecard import round_score, shrunk_score, wilson_interval
from complaints.present.formatting import LOCALE, percent_fr, score_fr

WILSON_EXAMPLE = (5, 10)
"""The Wilson example: 5 cases resolved out of 10."""
ZERO_POINT_EXAMPLES = {"ONE_ZERO_CASE": 1, "THREE_ZERO_CASES": 3}
"""The score examples: this many cases, each worth 0 points."""


def french_number(value: float, decimals: int | None = None) -> str:
    """``1.64485`` as ``1,64485``: every decimal kept unless ``decimals`` rounds it."""
    if decimals is not None:
        value = round(value, decimals)
    return format_decimal(value, locale=LOCALE, decimal_quantization=False)


def integer(read: Callable[[], float]) -> Callable[[], str]:
    """A value read at call time, printed as a whole number ("15")."""
    return lambda: french_number(read())


def _answer_tier(index: int) -> tuple[Callable[[], str], Callable[[], str]]:
    """Days and points of the ``index``-th tier of ``rules.ANSWER_POINTS``."""
    return (
        integer(lambda: rules.ANSWER_POINTS[index][0]),
        integer(lambda: rules.ANSWER_POINTS[index][1]),
    )


def _wilson_example() -> dict[str, Callable[[], str]]:
    resolved, cases = WILSON_EXAMPLE
    return {
        "EXAMPLE_WILSON_RESOLVED": integer(lambda: resolved),
        "EXAMPLE_WILSON_CASES": integer(lambda: cases),
        "EXAMPLE_WILSON_SHARE": lambda: percent_fr(resolved / cases),
        "EXAMPLE_WILSON_LOW": lambda: percent_fr(wilson_interval(resolved, cases)[0]),
        "EXAMPLE_WILSON_HIGH": lambda: percent_fr(wilson_interval(resolved, cases)[1]),
    }


def _score_example(name: str, cases: int) -> dict[str, Callable[[], str]]:
    """``(k × m + 0) ÷ (k + cases)``: its divisor, its exact value and the published score."""
    return {
        f"EXAMPLE_{name}_DIVISOR": integer(lambda: rules.PRIOR_CASES + cases),
        f"EXAMPLE_{name}_EXACT": lambda: french_number(shrunk_score([0] * cases), 2),
        f"EXAMPLE_{name}_SCORE": lambda: score_fr(round_score(shrunk_score([0] * cases))),
    }


CODE_VALUES: dict[str, Callable[[], str]] = {
    "WILSON_Z": lambda: french_number(rules.Z, 5),
    "CONFIDENCE": lambda: percent_fr(rules.CONFIDENCE),
    "TIMELY_DAYS": integer(lambda: rules.TIMELY_DAYS),
    "OLD_CASE_DAYS": integer(lambda: rules.OLD_CASE_DAYS),
    "PROMISE_DAYS": integer(lambda: rules.PROMISE_DAYS),
    "PARTIAL_RESOLUTION_CREDIT": lambda: french_number(
        rules.RESOLUTION_CREDIT[rules.PARTIALLY_RESOLVED]
    ),
    "POINTS_RESOLVED": integer(lambda: rules.STATUS_POINTS[rules.RESOLVED]),
    "POINTS_PARTIALLY_RESOLVED": integer(lambda: rules.STATUS_POINTS[rules.PARTIALLY_RESOLVED]),
    **{
        f"ANSWER_TIER_{tier}_{part}": value
        for tier in (1, 2, 3)
        for part, value in zip(("DAYS", "POINTS"), _answer_tier(tier - 1), strict=True)
    },
    "POINTS_NO_BROKEN_PROMISE": integer(lambda: rules.NO_BROKEN_PROMISE_POINTS),
    "PRIOR_CASES": integer(lambda: rules.PRIOR_CASES),
    "PRIOR_MEAN": integer(lambda: rules.PRIOR_MEAN),
    "PRIOR_POINTS": integer(lambda: rules.PRIOR_CASES * rules.PRIOR_MEAN),
    "MIN_CASES_FOR_SCORE": integer(lambda: rules.MIN_CASES_FOR_SCORE),
    "LOW_CONFIDENCE_BELOW": integer(lambda: rules.LOW_CONFIDENCE_BELOW),
    **_wilson_example(),
    **{
        key: value
        for name, cases in ZERO_POINT_EXAMPLES.items()
        for key, value in _score_example(name, cases).items()
    },
}
"""Constants of the code a page may print, formatted as a reader sees them."""
