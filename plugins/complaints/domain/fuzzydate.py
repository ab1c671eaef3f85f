"""Fuzzy dates: a day, a month, a year or a range of them, possibly approximate."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Literal

Precision = Literal["day", "month", "year"]

MIN_YEAR = 1900
MAX_YEAR = 2100
EXPECTED = (
    "une date AAAA-MM-JJ, AAAA-MM ou AAAA (ex. 2008-07-13, 2008-07, 2008), "
    "ou une période « début..fin » (ex. 2008-07..2009-05)"
)
_PART = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_RANK = {"day": 0, "month": 1, "year": 2}


class DateError(ValueError):
    """A date that cannot be read; the message is for an editor."""


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date at its precision; `start`/`end` are the first/last days covered."""

    start: date
    end: date
    precision: Precision = "day"
    end_precision: Precision = "day"
    approx: bool = field(default=False, compare=False)
    is_range: bool = field(default=False, compare=False)

    @classmethod
    def parse(cls, value: object, approx: bool = False) -> FuzzyDate:
        """Read a YAML value: date, "YYYY-MM-DD", "YYYY-MM", "YYYY", int, "A..B"."""
        if isinstance(value, FuzzyDate):
            return replace(value, approx=value.approx or approx)
        if isinstance(value, datetime):
            value = value.date()
        if isinstance(value, date):
            check_year(value.year)
            return cls(value, value, "day", "day", approx=approx)
        if isinstance(value, bool) or not isinstance(value, int | str):
            raise DateError(f"{EXPECTED} ; reçu une valeur de type {_type_fr(value)}")
        text = str(value).strip()
        if ".." in text:
            first, _, last = text.partition("..")
            a, b = _parse_part(first.strip()), _parse_part(last.strip())
            if b[0] < a[0] or b[1] < a[1] or (a == b):
                raise DateError(
                    f"période « {text} » à l'envers ou vide : la fin doit venir après le début"
                )
            return cls(a[0], b[1], a[2], b[2], approx=approx, is_range=True)
        start, end, precision = _parse_part(text)
        return cls(start, end, precision, precision, approx=approx)

    @property
    def sort_key(self) -> tuple[date, date, int]:
        """Chronological order: by start, then the shorter period first."""
        return (self.start, self.end, _RANK[self.precision])

    @property
    def is_exact(self) -> bool:
        """A single known day, not approximate."""
        return self.precision == "day" and not self.approx and not self.is_range

    @property
    def datetime_values(self) -> tuple[str, ...]:
        """Valid HTML `datetime` values: one, or two for a range."""
        first = _iso(self.start, self.precision)
        if not self.is_range:
            return (first,)
        return (first, _iso(self.end, self.end_precision))

    def __str__(self) -> str:
        return "..".join(self.datetime_values)


def _iso(day: date, precision: Precision) -> str:
    if precision == "year":
        return f"{day.year:04d}"
    if precision == "month":
        return f"{day.year:04d}-{day.month:02d}"
    return day.isoformat()


def _parse_part(text: str) -> tuple[date, date, Precision]:
    match = _PART.fullmatch(text)
    if not match:
        raise DateError(f"« {text} » n'est pas une date lisible ; attendu {EXPECTED}")
    year = int(match[1])
    check_year(year)
    if match[2] is None:
        return date(year, 1, 1), date(year, 12, 31), "year"
    month = int(match[2])
    if not 1 <= month <= 12:
        raise DateError(f"mois {match[2]} impossible dans « {text} » : attendu 01 à 12")
    last = calendar.monthrange(year, month)[1]
    if match[3] is None:
        return date(year, month, 1), date(year, month, last), "month"
    day = int(match[3])
    if not 1 <= day <= last:
        raise DateError(f"jour {match[3]} impossible dans « {text} » : ce mois a {last} jours")
    exact = date(year, month, day)
    return exact, exact, "day"


def check_year(year: int) -> None:
    """The year rule of every date of a testimony, whatever its YAML type."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateError(f"année {year} improbable : attendu entre {MIN_YEAR} et {MAX_YEAR}")


def _type_fr(value: object) -> str:
    names = {
        "NoneType": "vide",
        "bool": "booléen",
        "list": "liste",
        "dict": "bloc",
        "float": "nombre décimal",
    }
    name = type(value).__name__
    return names.get(name, name)
