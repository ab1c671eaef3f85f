"""Every Jinja filter and global of the case box and the theme, installed in one call.

Templates hold no arithmetic, month or country tables, plurals or elision: they call
these filters (``{{ n|plural("dossier") }}``, ``{{ name|de }}``) and read the domain's
rules as ``{{ rules.TIMELY_DAYS }}``.
"""

from __future__ import annotations

from typing import Any

from jinja2 import Environment

from complaints.domain import rules
from complaints.present import (
    escaping,
    followups,
    formatting,
    publication_effect,
    rights_tool,
    synopsis,
    trend_chart,
)
from complaints.present.text import plain_text

FILTERS: dict[str, Any] = {
    **formatting.FILTERS,
    **synopsis.FILTERS,
    **trend_chart.FILTERS,
    **followups.FILTERS,
    **publication_effect.FILTERS,
}
"""French formatting, the merchant pages' sentences, the trend chart, follow-ups, what
publication changed."""

THEME_FILTERS: dict[str, Any] = {**escaping.FILTERS, "striptags": plain_text}
"""On top of :data:`FILTERS` in the theme: URLs and JSON checked where they land, and a
``striptags`` that keeps the typographic no-break spaces (Jinja's collapses them)."""


def install(env: Environment) -> None:
    """Give ``env`` the formatting filters and the ``rules`` global (the case box)."""
    env.filters.update(FILTERS)
    env.globals["rules"] = rules


def install_theme(env: Environment) -> None:
    """Give ``env`` everything the theme's templates use (and ``rights_tool``, what
    the page « Vos droits, vos délais » prints)."""
    install(env)
    env.filters.update(THEME_FILTERS)
    env.globals["rights_tool"] = rights_tool
