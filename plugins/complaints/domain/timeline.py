"""Facts derived from a case: t0, first answer, resolution, broken promises, points.

All day arithmetic uses `FuzzyDate.start`; a duration touching an imprecise date is
flagged approximate.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from complaints.domain import rules
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Event, Money, Testimony
from complaints.domain.rules import (
    ANSWER_KINDS,
    COMPLAINT_KIND,
    PROBLEM_KINDS,
    PROMISE_KINDS,
    REPLY_KIND,
    RESOLUTION_KIND,
    SOLVED_STATUSES,
)

# The numbers (PROMISE_DAYS and the points) are read when a case is scored, not copied
# at import, like the scorecard's thresholds: a changed rule reaches every page.


@dataclass(frozen=True, slots=True)  # one per testimony, kept for the whole build
class CaseFacts:
    """What a case adds up to, for the case box, the scorecard and open data."""

    t0: date | None
    first_answer_date: date | None
    days_to_first_answer: int | None
    resolution_date: date | None
    days_to_resolution: int | None
    days_open: int | None
    days_followed: int | None
    broken_promises: int
    status: str
    resolution: str
    amount: Money | None
    recovered: Money | None
    issues: tuple[str, ...]
    approx: bool
    case_points: int
    as_of: date
    experience_date: FuzzyDate


@dataclass(frozen=True)
class TimelineEntry:
    """One event with the days since the previous event (None: first or unknown)."""

    event: Event
    days_since_previous: int | None
    approx: bool


def _days(start: date, end: date) -> int:
    return (end - start).days


def _first(events: list[Event], kinds: frozenset[str]) -> Event | None:
    return next((e for e in events if e.kind in kinds), None)


def t0_event(case: Testimony) -> Event | None:
    """First complaint, else first problem-ish event, else first event."""
    events = list(case.events)
    return (
        _first(events, frozenset({COMPLAINT_KIND}))
        or _first(events, PROBLEM_KINDS)
        or (events[0] if events else None)
    )


def count_broken_promises(case: Testimony) -> int:
    """Offers/promises with no remedy within PROMISE_DAYS, once that time has passed."""
    remedies = [e.date.start for e in case.events if e.kind == RESOLUTION_KIND]
    broken = 0
    for event in case.events:
        if event.actor != "merchant" or event.kind not in PROMISE_KINDS:
            continue
        start = event.date.start
        deadline = start + timedelta(days=rules.PROMISE_DAYS)
        if case.outcome.as_of < deadline:
            continue
        if not any(start <= day <= deadline for day in remedies):
            broken += 1
    return broken


def case_points(status: str, days_to_first_answer: int | None, broken: int) -> int:
    """Per-case points of the scorecard (rules.py, stated on the methodology page)."""
    points = rules.STATUS_POINTS.get(status, 0)
    if days_to_first_answer is not None:
        tiers = rules.ANSWER_POINTS
        points += next((p for limit, p in tiers if days_to_first_answer <= limit), 0)
    if broken == 0:
        points += rules.NO_BROKEN_PROMISE_POINTS
    return points


def derive_facts(case: Testimony) -> CaseFacts:
    """Derive the facts of one validated testimony."""
    start_event = t0_event(case)
    t0 = start_event.date.start if start_event else None
    imprecise = [start_event] if start_event and not start_event.date.is_exact else []

    def after_t0(event: Event) -> bool:
        # an imprecise date counts if its period reaches t0 ("2008-07" after 13 July)
        return t0 is None or event.date.end >= t0

    def day_of(event: Event | None) -> date | None:
        # never before t0: a period that starts earlier is taken from t0
        if event is None:
            return None
        return event.date.start if t0 is None else max(event.date.start, t0)

    answer = next(
        (
            e
            for e in case.events
            if e.actor == "merchant" and e.kind in ANSWER_KINDS and after_t0(e)
        ),
        None,
    )
    remedy = next((e for e in case.events if e.kind == RESOLUTION_KIND and after_t0(e)), None)
    answer_date = day_of(answer)
    remedy_date = day_of(remedy)
    for event in (answer, remedy):
        if event is not None and not event.date.is_exact:
            imprecise.append(event)

    as_of = case.outcome.as_of
    solved = remedy_date is not None and case.outcome.status in SOLVED_STATUSES
    days_answer = _days(t0, answer_date) if t0 and answer_date else None
    days_resolution = _days(t0, remedy_date) if t0 and remedy_date and solved else None
    days_open = None if solved or t0 is None else _days(t0, as_of)
    followed = days_resolution if solved else days_open
    broken = count_broken_promises(case)
    return CaseFacts(
        t0=t0,
        first_answer_date=answer_date,
        days_to_first_answer=days_answer,
        resolution_date=remedy_date,
        days_to_resolution=days_resolution,
        days_open=days_open,
        days_followed=followed,
        broken_promises=broken,
        status=case.outcome.status,
        resolution=case.outcome.resolution,
        amount=case.order.amount,
        recovered=case.outcome.recovered,
        issues=tuple(case.issues),
        approx=bool(imprecise),
        case_points=case_points(case.outcome.status, days_answer, broken),
        as_of=as_of,
        experience_date=case.experience_date,
    )


def build_timeline(case: Testimony, events: list[Event] | None = None) -> list[TimelineEntry]:
    """Events in order (``events``, else the case's) with the duration since the
    previous event.

    Rights of reply (`merchant_reply`) are left out: they are shown apart. The
    duration is None for the first event, and when imprecise dates overlap (the
    real gap is unknown).
    """
    entries: list[TimelineEntry] = []
    previous: FuzzyDate | None = None
    for event in case.events if events is None else events:
        if event.kind == REPLY_KIND:
            continue
        days: int | None = None
        approx = False
        if previous is not None and not previous.is_range:
            approx = not (previous.is_exact and event.date.is_exact)
            days = _days(previous.start, event.date.start)
            if days < 0 or (days == 0 and approx):
                days = None  # overlapping imprecise dates: the real gap is unknown
        # after a period ("de juillet 2008 à mai 2009") the gap is unknown too
        entries.append(TimelineEntry(event, days, approx))
        previous = event.date
    return entries


def replies(case: Testimony) -> list[Event]:
    """The merchant's rights of reply, in order."""
    return [e for e in case.events if e.kind == REPLY_KIND]
