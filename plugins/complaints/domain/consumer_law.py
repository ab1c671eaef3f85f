"""Legal deadlines and late-refund increases of the Code de la consommation in force.

One place for the numbers (delivery 30 days, refunds 14 days, the scales of L241-4
and L242-4, the conformity guarantee) and the arithmetic on a reader's dates. A
deadline of N days ends N days after the event (the event's day is not counted);
a refund paid on that day is on time, each later day is a day late. Amounts are
whole cents; an increase is rounded to the nearest cent, halves up. The browser
reads :func:`rules_data` (generated into the page), never restates these numbers.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

DELIVERY_DAYS = 30  # L216-1: no date announced, delivery at the latest 30 days after the order
CANCELLATION_REFUND_DAYS = 14  # L216-7: refund after a cancelled delivery
WITHDRAWAL_REFUND_DAYS = 14  # L221-24: refund after a withdrawal
GUARANTEE_MONTHS = 24  # L217-3: defects that appear within two years of delivery
PRESUMPTION_MONTHS = 24  # L217-7: presumed to exist at delivery (new goods)
PRESUMPTION_MONTHS_SECOND_HAND = 12  # L217-7: second-hand goods
REMEDY_DAYS = 30  # L217-10: repair or replacement within 30 days of the request


@dataclass(frozen=True)
class Tier:
    """The increase for a delay of at most ``up_to_days`` days: ``percent`` of the sums
    due, or the legal interest rate when ``percent`` is None."""

    up_to_days: int
    percent: int | None


@dataclass(frozen=True)
class Scale:
    """Increases by days late: tiers, then ``step_percent`` more for each period of
    ``step_days`` begun after the last tier, never above ``cap_percent`` (then the
    legal interest on top)."""

    article: str
    tiers: tuple[Tier, ...]
    last_percent: int
    step_days: int = 0
    step_percent: int = 0
    cap_percent: int | None = None


# L241-4: at most 14 days late 10 %, up to 30 days 20 %, beyond 50 %.
CANCELLATION_SCALE = Scale("L241-4", (Tier(14, 10), Tier(30, 20)), last_percent=50)
# L242-4: legal interest up to 10 days, 5 % to 20, 10 % to 30, 20 % to 60, 50 % to 90,
# then five points per new month (30 days) begun, up to the price, then legal interest.
WITHDRAWAL_SCALE = Scale(
    "L242-4",
    (Tier(10, None), Tier(20, 5), Tier(30, 10), Tier(60, 20), Tier(90, 50)),
    last_percent=50,
    step_days=30,
    step_percent=5,
    cap_percent=100,
)


@dataclass(frozen=True)
class Increase:
    """What a delay of ``days_late`` adds: ``percent`` of the sums due (0 on time) and
    whether the legal interest applies (alone, or on top once the cap is reached)."""

    days_late: int
    percent: int
    legal_interest: bool


def increase(scale: Scale, days_late: int) -> Increase:
    """The increase of ``scale`` for ``days_late`` days (0 or less: on time)."""
    if days_late <= 0:
        return Increase(days_late, 0, False)
    for tier in scale.tiers:
        if days_late <= tier.up_to_days:
            if tier.percent is None:
                return Increase(days_late, 0, True)
            return Increase(days_late, tier.percent, False)
    percent = scale.last_percent
    if scale.step_days:
        beyond = days_late - scale.tiers[-1].up_to_days
        periods = -(-beyond // scale.step_days)  # periods begun
        percent += scale.step_percent * periods
    if scale.cap_percent is not None and percent >= scale.cap_percent:
        return Increase(days_late, scale.cap_percent, True)
    return Increase(days_late, percent, False)


def percent_of(cents: int, percent: int) -> int:
    """``percent`` % of ``cents``, to the nearest cent, halves up (cents ≥ 0)."""
    return (cents * percent + 50) // 100


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months; a day the month lacks becomes its last (29 Feb → 28 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@dataclass(frozen=True)
class Delivery:
    """L216-1: when the delivery was due; whether that day has passed."""

    due: date
    announced: bool
    passed: bool


def delivery(ordered: date, today: date, announced: date | None = None) -> Delivery:
    due = announced or ordered + timedelta(days=DELIVERY_DAYS)
    return Delivery(due=due, announced=announced is not None, passed=today > due)


@dataclass(frozen=True)
class Refund:
    """A refund owed from ``start``: its deadline, the delay at ``on`` (the payment day,
    or today when nothing was paid), the increase and the total owed, in cents."""

    deadline: date
    paid: bool
    on: date
    increase: Increase
    amount: int
    increase_amount: int
    total: int

    @property
    def passed(self) -> bool:
        return self.increase.days_late > 0


def _refund(scale: Scale, days: int, start: date, cents: int, today: date, paid: date | None):
    deadline = start + timedelta(days=days)
    on = paid or today
    found = increase(scale, (on - deadline).days)
    extra = percent_of(cents, found.percent)
    return Refund(deadline, paid is not None, on, found, cents, extra, cents + extra)


def cancellation_refund(
    cancelled: date, cents: int, today: date, paid: date | None = None
) -> Refund:
    """L216-7 and L241-4: refund after a delivery contract was cancelled."""
    return _refund(CANCELLATION_SCALE, CANCELLATION_REFUND_DAYS, cancelled, cents, today, paid)


def withdrawal_refund(
    notified: date,
    cents: int,
    today: date,
    paid: date | None = None,
    returned: date | None = None,
) -> Refund:
    """L221-24 and L242-4: refund after the seller learnt of the withdrawal. The seller
    may wait for the goods or the proof of their dispatch (``returned``), when later."""
    start = notified
    if returned is not None:
        start = max(notified, returned - timedelta(days=WITHDRAWAL_REFUND_DAYS))
    return _refund(WITHDRAWAL_SCALE, WITHDRAWAL_REFUND_DAYS, start, cents, today, paid)


@dataclass(frozen=True)
class Conformity:
    """L217-3, L217-7, L217-10: the guarantee's end, the presumption's end, and the
    deadline of the repair or replacement asked for (None when not asked yet). Whether
    the first two have passed is judged on the day of the request (else today)."""

    guarantee_end: date
    presumption_end: date
    remedy_deadline: date | None
    guarantee_passed: bool
    presumption_passed: bool
    remedy_passed: bool


def conformity(
    delivered: date, today: date, second_hand: bool = False, requested: date | None = None
) -> Conformity:
    months = PRESUMPTION_MONTHS_SECOND_HAND if second_hand else PRESUMPTION_MONTHS
    guarantee_end = add_months(delivered, GUARANTEE_MONTHS)
    presumption_end = add_months(delivered, months)
    remedy = requested + timedelta(days=REMEDY_DAYS) if requested else None
    noticed = requested or today  # the defect is known at the request, or today
    return Conformity(
        guarantee_end,
        presumption_end,
        remedy,
        noticed > guarantee_end,
        noticed > presumption_end,
        remedy is not None and today > remedy,
    )


def _scale_data(scale: Scale) -> dict:
    return {
        "article": scale.article,
        "tiers": [{"up_to_days": t.up_to_days, "percent": t.percent} for t in scale.tiers],
        "last_percent": scale.last_percent,
        "step_days": scale.step_days,
        "step_percent": scale.step_percent,
        "cap_percent": scale.cap_percent,
    }


def rules_data() -> dict:
    """Every number above, as plain data for the browser."""
    return {
        "delivery_days": DELIVERY_DAYS,
        "cancellation_refund_days": CANCELLATION_REFUND_DAYS,
        "withdrawal_refund_days": WITHDRAWAL_REFUND_DAYS,
        "guarantee_months": GUARANTEE_MONTHS,
        "presumption_months": PRESUMPTION_MONTHS,
        "presumption_months_second_hand": PRESUMPTION_MONTHS_SECOND_HAND,
        "remedy_days": REMEDY_DAYS,
        "cancellation_scale": _scale_data(CANCELLATION_SCALE),
        "withdrawal_scale": _scale_data(WITHDRAWAL_SCALE),
    }
