"""Formatting for French readers through Babel (never the C locale); Jinja filters.

Durations (`duration_fr`), chosen thresholds:
0 day "moins d'un jour"; 1–13 days in days; 14–59 days in weeks (rounded);
60–364 days in months of 30.44 days (rounded); 365 "1 an"; 366–729 "plus d'un an";
730 and more in whole years, "plus de N ans" when not exact. `approx` prefixes
"environ" (except for "plus d'…", already a lower bound).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from functools import lru_cache
from typing import Any

from babel import Locale
from babel.dates import format_date, format_timedelta
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal, format_percent
from jinja2 import pass_context
from jinja2.runtime import Context
from markupsafe import Markup

from complaints.domain import vocabulary
from complaints.domain.fuzzydate import FuzzyDate
from complaints.present.grammar import de, elides, plural
from complaints.present.nextsteps import advice_for

LOCALE = "fr_FR"
DAYS_PER_MONTH = 365.25 / 12
_FORMATS = {"day": "d MMMM y", "month": "MMMM y", "year": "y"}
_LOCALE = Locale.parse(LOCALE)  # parsed once: Babel parses a locale name at every call
_TERRITORIES = _LOCALE.territories


def date_fr(value: date | datetime | None) -> str:
    """Day text "6 juillet 2009", "1er janvier 2010"; aware datetimes keep their day."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = value.date()
    return _day_text(value, "day")


def iso_day(value: date | datetime) -> str:
    """``YYYY-MM-DD`` of the value's own day (a ``<time>`` element's ``datetime``).

    What ``value.strftime('%Y-%m-%d')`` gives, without Pelican's slower
    ``SafeDatetime.strftime``; memoised per day (pages show the same dates often).
    """
    if isinstance(value, datetime):
        value = value.date()
    return _iso_day(value)


@lru_cache(maxsize=8192)
def _iso_day(day: date) -> str:
    return day.strftime("%Y-%m-%d")


@lru_cache(maxsize=8192)
def _day_text(day: date, precision: str) -> str:
    text = format_date(day, format=_FORMATS[precision], locale=_LOCALE)
    if precision == "day" and day.day == 1:
        text = "1er" + text[1:]  # French ordinal for the first day of a month
    return text


def _parts(value: FuzzyDate) -> list[tuple[str, str | None]]:
    """Text pieces of a fuzzy date: (text, HTML datetime value or None)."""
    values = value.datetime_values
    first = _day_text(value.start, value.precision)
    if not value.is_range:
        if not value.approx:
            return [(first, values[0])]
        lead = "vers le " if value.precision == "day" else "vers "
        return [(lead, None), (first, values[0])]
    last = _day_text(value.end, value.end_precision)
    if value.precision == "day":
        lead = "du "
    else:
        lead = "d’" if elides(first) else "de "
    middle = " au " if value.end_precision == "day" else " à "
    parts = [(lead, None), (first, values[0]), (middle, None), (last, values[1])]
    if value.approx:
        parts.append((" environ", None))
    return parts


def fuzzy_date_fr(value: FuzzyDate | date | None) -> str:
    """Text: "13 juillet 2008", "vers juin 2009", "de juillet 2008 à mai 2009"."""
    if value is None:
        return ""
    if not isinstance(value, FuzzyDate):
        return date_fr(value)
    return "".join(text for text, _ in _parts(value))


def fuzzy_date_html(value: FuzzyDate | date | None) -> Markup:
    """The same text with `<time datetime=…>` at the date's precision."""
    # FuzzyDate equality ignores `approx`: it must be part of the cache key.
    return _fuzzy_date_html(value, getattr(value, "approx", False))


@lru_cache(maxsize=8192)
def _fuzzy_date_html(value: FuzzyDate | date | None, approx: bool) -> Markup:
    if value is None:
        return Markup("")
    if not isinstance(value, FuzzyDate):
        value = FuzzyDate.parse(value)
    html = Markup("")
    for text, machine in _parts(value):
        if machine is None:
            html += text
        else:
            html += Markup('<time datetime="{}">{}</time>').format(machine, text)
    return html


@lru_cache(maxsize=1024)
def _babel_duration(amount: int, unit: str) -> str:
    seconds = {"day": 86400, "week": 7 * 86400, "month": 30 * 86400}
    seconds["year"] = 365 * 86400
    delta = timedelta(seconds=amount * seconds[unit])
    # threshold=amount: larger units are below it, so Babel keeps `unit` and `amount`
    return format_timedelta(delta, granularity=unit, threshold=amount, locale=_LOCALE)


def duration_fr(days: int | None, approx: bool = False) -> str:
    """A number of days for people: "3 semaines", "11 mois", "plus d'un an"."""
    if days is None:
        return ""
    days = int(days)
    if days < 0:
        raise ValueError(f"negative duration: {days} days")
    if days == 0:
        return "durée inconnue" if approx else "moins d’un jour"
    if days < 14:
        text = _babel_duration(days, "day")
    elif days < 60:
        text = _babel_duration(round(days / 7), "week")
    elif days < 365:
        text = _babel_duration(min(round(days / DAYS_PER_MONTH), 11), "month")
        if days >= 350:
            text = _babel_duration(12, "month")
    elif days == 365:
        text = _babel_duration(1, "year")
    elif days < 730:
        return "plus d’un an"
    else:
        years, rest = divmod(days, 365)
        text = _babel_duration(years, "year")
        if rest:
            return f"plus de {text}"
    return f"environ {text}" if approx else text


def money_fr(money: Any) -> str:
    """ "plus de 900 €", "1 234,50 €": no decimals for whole amounts."""
    if money is None:
        return ""
    text = _amount_text(Decimal(str(money.value)), money.currency)
    prefix = vocabulary.QUALIFIERS.get(getattr(money, "qualifier", "exactly"), "")
    return f"{prefix} {text}" if prefix else text


def amount_fr(value: Decimal, currency: str = "EUR") -> str:
    """ "1 234,50 €", "250 €": an amount in French, no decimals when whole."""
    return _amount_text(Decimal(value), currency)


@lru_cache(maxsize=4096)
def _amount_text(value: Decimal, currency: str) -> str:
    """Babel's currency format, without decimals for whole amounts (memoised: slow)."""
    if value == value.to_integral_value():
        pattern = _LOCALE.currency_formats["standard"].pattern
        return format_currency(
            value,
            currency,
            format=pattern.replace(".00", ""),
            currency_digits=False,
            locale=_LOCALE,
        )
    return format_currency(value, currency, locale=_LOCALE)


def percent_fr(value: float | None, digits: int = 0) -> str:
    """A share in [0, 1] as "75 %" (Babel's narrow no-break space)."""
    if value is None:
        return ""
    pattern = "#,##0" + ("." + "0" * digits if digits else "") + "\u00a0%"
    return format_percent(value, format=pattern, locale=_LOCALE)


def label(value: str | None, name: str) -> str:
    """French label of a vocabulary value ("refund", "option" → "remboursement")."""
    if value is None:
        return ""
    return vocabulary.label(value, name)


def labels(values: Iterable[str], name: str, style: str = "standard") -> str:
    """Labels joined in French: "a, b et c" (style "or": "a, b ou c")."""
    return format_list([label(v, name) for v in values], style=style, locale="fr")


def period_fr(parts: Iterable[int]) -> str:
    """A period archive's (year[, month[, day]]) in French: "2009", "juillet 2009"."""
    numbers = list(parts)
    precision = ("year", "month", "day")[len(numbers) - 1]
    numbers += [1] * (3 - len(numbers))
    return _day_text(date(*numbers), precision)


def country_fr(code: str | None) -> str:
    """French name of an ISO 3166 country code (Babel's CLDR data): "BE" → "Belgique"."""
    if not code:
        return ""
    return _TERRITORIES.get(code.upper(), code)


def score_fr(value: float | None) -> str:
    """A score with one decimal and a French comma: 54.3 → "54,3"."""
    if value is None:
        return ""
    return format_decimal(value, format="0.0", locale=_LOCALE)


def share_of(count: float, total: float) -> float:
    """``count / total``, 0 when the total is 0."""
    return count / total if total else 0


def tenths(share: float) -> int:
    """A share in [0, 1] as a whole number of tenths, for bar widths (0.34 → 3)."""
    return round(share * 10)


@pass_context
def author_profile(context: Context, author: Any) -> Any:
    """The profile of an author (``author_profiles`` of the context), or None."""
    profiles = context.get("author_profiles") or {}
    return profiles.get(getattr(author, "slug", None))


@pass_context
def author_name(context: Context, author: Any) -> str:
    """An author's name as the profile gives it, else Pelican's."""
    profile = author_profile(context, author)
    return profile.name if profile is not None else str(author)


def trusted_html(value: object) -> Markup:
    """The one place where content HTML is trusted: bodies Pelican rendered from
    Markdown (and the case box the plugin inserts into them). Every other string is
    escaped by Jinja's autoescaping where it lands."""
    return Markup("" if value is None else value)


FILTERS: dict[str, Callable[..., Any]] = {
    "trusted_html": trusted_html,
    "date_fr": date_fr,
    "iso_day": iso_day,
    "fuzzy_date_fr": fuzzy_date_fr,
    "fuzzy_date_html": fuzzy_date_html,
    "duration_fr": duration_fr,
    "money_fr": money_fr,
    "percent_fr": percent_fr,
    "label": label,
    "labels": labels,
    "period_fr": period_fr,
    "country_fr": country_fr,
    "score_fr": score_fr,
    "share_of": share_of,
    "tenths": tenths,
    "plural": plural,
    "de": de,
    "author_profile": author_profile,
    "author_name": author_name,
    "next_steps": advice_for,
}
