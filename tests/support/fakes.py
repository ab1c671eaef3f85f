"""Stand-ins for CaseFacts and Money in the scorecard and open-data unit tests."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal


@dataclass(frozen=True)
class FakeMoney:
    value: Decimal | float
    currency: str = "EUR"
    qualifier: str = "exactly"


@dataclass(frozen=True)
class FakeCase:
    status: str = "open"
    resolution: str | None = None
    days_to_first_answer: int | None = None
    days_to_resolution: int | None = None
    days_open: int | None = None
    days_followed: int | None = 100
    broken_promises: int = 0
    amount: FakeMoney | None = None
    recovered: FakeMoney | None = None
    issues: tuple[str, ...] = ()
    case_points: int = 0
    experience_date: date = date(2020, 1, 1)
