"""A merchant's scorecard: pure functions from a list of cases to its metrics.

Every formula here is stated in plain French on ``content/pages/methodologie.md``;
its constants live in :mod:`complaints.domain.rules`. Nothing here imports Pelican or the
model: cases are read through the :class:`CaseLike` protocol (``timeline.CaseFacts``
satisfies it).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, Protocol

from complaints.domain import rules
from complaints.domain.rules import OPEN, PARTIALLY_RESOLVED, RESOLVED

# The numbers of complaints.domain.rules (thresholds, prior, RESOLUTION_CREDIT, Z) are read
# when a scorecard is computed, not copied at import: tests/edge change one and see the
# merchant page and the Méthodologie page follow.


class MoneyLike(Protocol):
    """An amount of money (``model.Money``)."""

    value: Any  # Decimal or float
    currency: str


class CaseLike(Protocol):
    """The facts of one case that the scorecard reads (``timeline.CaseFacts``)."""

    days_to_first_answer: int | None
    days_to_resolution: int | None
    days_open: int | None
    days_followed: int | None
    broken_promises: int
    status: str
    amount: MoneyLike | None
    recovered: MoneyLike | None
    issues: Sequence[str]
    case_points: float
    experience_date: Any  # date, or a FuzzyDate (anything with ``start``)


# --------------------------------------------------------------------------
# Statistics
# --------------------------------------------------------------------------


def kaplan_meier_median(observations: Iterable[tuple[float, bool]]) -> float | None:
    """Kaplan–Meier median of ``(duration, event_observed)`` pairs.

    Returns the smallest duration t where the survival S(t) <= 0.5, or None when
    the curve never falls that low ("médiane non atteinte") or there is no data.
    At tied durations, events are counted before censorings (the usual rule).
    """
    events: Counter[float] = Counter()
    at_time: Counter[float] = Counter()
    for duration, observed in observations:
        at_time[duration] += 1
        if observed:
            events[duration] += 1
    at_risk = sum(at_time.values())
    survival = Fraction(1)
    for t in sorted(at_time):
        deaths = events[t]
        if deaths:
            survival *= Fraction(at_risk - deaths, at_risk)
            if survival <= Fraction(1, 2):
                return t
        at_risk -= at_time[t]
    return None


def wilson_interval(successes: float, n: float, z: float | None = None) -> tuple[float, float]:
    """Wilson score interval for a proportion ``successes / n`` (``z``: its quantile,
    ``rules.Z`` by default).

    ``successes`` may be fractional (a partially resolved case counts 0.5).
    With ``n == 0`` nothing is known and the interval is the whole ``(0.0, 1.0)``.
    """
    if n < 0 or not 0 <= successes <= n:
        raise ValueError(f"need 0 <= successes <= n, got {successes}/{n}")
    if n == 0:
        return (0.0, 1.0)
    z = rules.Z if z is None else z
    p = successes / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    low = 0.0 if successes == 0 else max(0.0, centre - half)
    high = 1.0 if successes == n else min(1.0, centre + half)
    return (low, high)


def shrunk_score(
    points: Sequence[float],
    prior_cases: float | None = None,
    prior_mean: float | None = None,
) -> float:
    """Mean of ``points`` shrunk toward ``prior_mean``: (k·m + Σc) / (k + n).

    ``prior_cases`` and ``prior_mean`` default to ``rules.PRIOR_CASES`` and
    ``rules.PRIOR_MEAN``.
    """
    prior_cases = rules.PRIOR_CASES if prior_cases is None else prior_cases
    prior_mean = rules.PRIOR_MEAN if prior_mean is None else prior_mean
    return (prior_cases * prior_mean + sum(points)) / (prior_cases + len(points))


def round_score(value: float) -> float:
    """Round a score to one decimal, halves upward (as a spreadsheet's ROUND)."""
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), ROUND_HALF_UP))


# --------------------------------------------------------------------------
# The scorecard
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class Scorecard:
    """A merchant's metrics; rates are in [0, 1], None when undefined."""

    n: int
    n_open: int
    first_experience_date: Any  # as given by the cases (date or FuzzyDate)
    last_experience_date: Any
    response_rate: float | None
    timely_answer_rate: float | None
    timely_answer_base: int
    resolved_share: float | None
    resolved_share_interval: tuple[float, float] | None
    resolved_share_base: int
    median_days_to_first_answer: float | None
    median_days_to_resolution: float | None
    money_at_stake: dict[str, Decimal] = field(hash=False)
    money_not_recovered: dict[str, Decimal] = field(hash=False)
    top_issue_categories: tuple[tuple[str, int], ...]
    issue_counts: tuple[tuple[str, int], ...]
    broken_promises: int
    cases_with_broken_promises: int
    score: float | None
    low_confidence: bool
    n_timely: int = 0
    """Cases of ``timely_answer_base`` answered within rules.TIMELY_DAYS."""
    n_resolved: int = 0
    n_partially_resolved: int = 0
    money_at_stake_qualifier: dict[str, str] = field(default_factory=dict, hash=False)
    """Per currency, how exact the total is ("more_than": "plus de"), see combine_qualifiers."""
    money_not_recovered_qualifier: dict[str, str] = field(default_factory=dict, hash=False)


def _date_key(value: Any) -> tuple[date, date, int]:
    """Chronological key of a date or a FuzzyDate-like object (``sort_key``)."""
    if isinstance(value, date):
        return (value, value, 0)
    key = getattr(value, "sort_key", None)
    return key if key is not None else (value.start, value.start, 0)


def _decimal(value: Any) -> Decimal:
    return value if isinstance(value, Decimal) else Decimal(str(value))


def _ranked(counter: Counter[str]) -> tuple[tuple[str, int], ...]:
    """Counts sorted by count, highest first, then by name."""
    return tuple(sorted(counter.items(), key=lambda item: (-item[1], item[0])))


def _answered_in_time(case: CaseLike) -> bool:
    days = case.days_to_first_answer
    return days is not None and days <= rules.TIMELY_DAYS


def _timely_known(case: CaseLike) -> bool:
    """Whether we know if this case got an answer within TIMELY_DAYS."""
    return _answered_in_time(case) or (case.days_followed or 0) >= rules.TIMELY_DAYS


def _in_resolved_base(case: CaseLike) -> bool:
    return case.status != OPEN or (case.days_followed or 0) >= rules.OLD_CASE_DAYS


def _resolution_credit(case: CaseLike) -> float:
    return rules.RESOLUTION_CREDIT.get(case.status, 0.0)


def _answer_observation(case: CaseLike) -> tuple[float, bool] | None:
    if case.days_to_first_answer is not None:
        return (case.days_to_first_answer, True)
    if case.days_followed is not None:
        return (case.days_followed, False)
    return None


def _resolution_observation(case: CaseLike) -> tuple[float, bool] | None:
    if case.days_to_resolution is not None:
        return (case.days_to_resolution, True)
    censored_at = case.days_open if case.days_open is not None else case.days_followed
    return None if censored_at is None else (censored_at, False)


def not_recovered(case: CaseLike) -> Decimal | None:
    """Money of one case not recovered, in the currency of its amount (None: no amount).

    A resolved case loses nothing, even when the remedy was a repair or a
    redelivery; otherwise amount − recovered, never below zero, a recovery in another
    currency not deducted. The CSV's ``not_recovered`` column uses this too.
    """
    if case.amount is None:
        return None
    amount = _decimal(case.amount.value)
    if case.status == RESOLVED:
        return Decimal(0)
    recovered = Decimal(0)
    if case.recovered is not None and case.recovered.currency == case.amount.currency:
        recovered = _decimal(case.recovered.value)
    return max(amount - recovered, Decimal(0))


def _money(cases: Sequence[CaseLike]) -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Money at stake and not recovered, per currency of the amount."""
    at_stake: dict[str, Decimal] = {}
    lost: dict[str, Decimal] = {}
    for case in cases:
        lost_here = not_recovered(case)
        if case.amount is None or lost_here is None:
            continue
        currency = case.amount.currency
        at_stake[currency] = at_stake.get(currency, Decimal(0)) + _decimal(case.amount.value)
        lost[currency] = lost.get(currency, Decimal(0)) + lost_here
    return dict(sorted(at_stake.items())), dict(sorted(lost.items()))


def combine_qualifiers(qualifiers: Iterable[str]) -> str:
    """How exact a sum is, from the qualifiers of its terms ("exactly", "more_than",
    "less_than", "about"): exact terms keep the others' bound; mixed bounds give "about"."""
    bounds = set(qualifiers) - {"exactly"}
    if not bounds:
        return "exactly"
    return bounds.pop() if len(bounds) == 1 else "about"


_OPPOSITE = {"more_than": "less_than", "less_than": "more_than"}


def _money_qualifiers(cases: Sequence[CaseLike]) -> tuple[dict[str, str], dict[str, str]]:
    """Qualifiers of the totals of ``_money``: "plus de 900 €" stays "plus de".

    Money not recovered is amount − recovered: a lower bound on the amount stays one, a
    lower bound on what was recovered makes it an upper bound. A resolved case loses
    nothing, exactly.
    """
    stake: dict[str, list[str]] = {}
    lost: dict[str, list[str]] = {}
    for case in cases:
        if case.amount is None:
            continue
        currency = case.amount.currency
        amount_q = getattr(case.amount, "qualifier", "exactly")
        stake.setdefault(currency, []).append(amount_q)
        if case.status == RESOLVED:
            continue
        lost.setdefault(currency, []).append(amount_q)
        recovered = case.recovered
        if recovered is not None and recovered.currency == currency and recovered.value:
            recovered_q = getattr(recovered, "qualifier", "exactly")
            lost[currency].append(_OPPOSITE.get(recovered_q, recovered_q))
    return (
        {currency: combine_qualifiers(q) for currency, q in sorted(stake.items())},
        {currency: combine_qualifiers(q) for currency, q in sorted(lost.items())},
    )


def _ratio(numerator: float, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def compute_scorecard(cases: Sequence[CaseLike]) -> Scorecard:
    """Aggregate a merchant's cases into its :class:`Scorecard`."""
    n = len(cases)
    dates = sorted((c.experience_date for c in cases), key=_date_key)

    timely_base = [c for c in cases if _timely_known(c)]
    resolved_base = [c for c in cases if _in_resolved_base(c)]
    credit = sum(_resolution_credit(c) for c in resolved_base)
    resolved_n = len(resolved_base)

    answers = [o for c in cases if (o := _answer_observation(c)) is not None]
    resolutions = [o for c in cases if (o := _resolution_observation(c)) is not None]
    at_stake, not_recovered = _money(cases)
    stake_qualifiers, lost_qualifiers = _money_qualifiers(cases)

    categories: Counter[str] = Counter()
    issues: Counter[str] = Counter()
    for case in cases:
        unique = set(case.issues)
        issues.update(unique)
        categories.update({issue.split(".", 1)[0] for issue in unique})

    score = None
    if n >= rules.MIN_CASES_FOR_SCORE:
        score = round_score(shrunk_score([c.case_points for c in cases]))

    n_timely = sum(1 for c in timely_base if _answered_in_time(c))
    return Scorecard(
        n=n,
        n_open=sum(1 for c in cases if c.status == OPEN),
        first_experience_date=dates[0] if dates else None,
        last_experience_date=dates[-1] if dates else None,
        response_rate=_ratio(sum(1 for c in cases if c.days_to_first_answer is not None), n),
        timely_answer_rate=_ratio(n_timely, len(timely_base)),
        timely_answer_base=len(timely_base),
        resolved_share=_ratio(credit, resolved_n),
        resolved_share_interval=(wilson_interval(credit, resolved_n) if resolved_n else None),
        resolved_share_base=resolved_n,
        median_days_to_first_answer=kaplan_meier_median(answers),
        median_days_to_resolution=kaplan_meier_median(resolutions),
        money_at_stake=at_stake,
        money_not_recovered=not_recovered,
        top_issue_categories=_ranked(categories),
        issue_counts=_ranked(issues),
        broken_promises=sum(c.broken_promises for c in cases),
        cases_with_broken_promises=sum(1 for c in cases if c.broken_promises > 0),
        score=score,
        low_confidence=n < rules.LOW_CONFIDENCE_BELOW,
        n_timely=n_timely,
        n_resolved=sum(1 for c in cases if c.status == RESOLVED),
        n_partially_resolved=sum(1 for c in cases if c.status == PARTIALLY_RESOLVED),
        money_at_stake_qualifier=stake_qualifiers,
        money_not_recovered_qualifier=lost_qualifiers,
    )
