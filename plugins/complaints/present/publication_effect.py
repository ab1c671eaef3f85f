"""What readers see of « Ce que la publication a changé »: a number of days, exactly.

The figures themselves are :mod:`complaints.domain.publication_effect`'s; the theme's
``partials/publication_effect.html`` prints them on each merchant's page and on the
merchants' index (the whole site).
"""

from __future__ import annotations

from babel.numbers import format_decimal

from complaints.present.formatting import LOCALE
from complaints.present.grammar import plural


def days_fr(days: float | None) -> str:
    """``18`` → « 18 jours », ``12.5`` → « 12,5 jours », ``1`` → « 1 jour »; "" for None."""
    if days is None:
        return ""
    return f"{format_decimal(days, locale=LOCALE)}\u00a0{plural(days, 'jour')}"


FILTERS = {"days_fr": days_fr}
