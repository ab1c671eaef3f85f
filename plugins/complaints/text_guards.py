"""Thin adapter to the personal-data and placeholder finders (helper h7's modules).

``personal_data.scan(text, allowed)`` and ``placeholders.find_placeholders(text)`` are
pure; this module only names the front-matter key where a testimony lists the exact
strings it is allowed to publish (e.g. a merchant's public customer-service number).
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

ALLOW_KEY = "public_data"  # front-matter list of exact strings that are not personal data
PAGE_PLACEHOLDER = "[À COMPLÉTER"

try:  # until the personal-data and placeholder modules land, nothing is found
    from complaints.personal_data import scan as _scan
except ImportError:  # pragma: no cover - removed when h7's branch is merged
    _scan = None
try:
    from complaints.placeholders import find_placeholders as _find
except ImportError:  # pragma: no cover - removed when h7's branch is merged
    _find = None


def personal_data(text: str, allowed: Collection[str]) -> list[Any]:
    """Findings (``kind``, ``start``, ``end``, ``masked``) of personal data in a text."""
    return list(_scan(text, allowed)) if _scan else []


def placeholders(text: str) -> list[str]:
    """Skeleton text of the testimony template (or « [À COMPLÉTER ») left in a text."""
    if _find:
        return list(_find(text))
    return [PAGE_PLACEHOLDER] if PAGE_PLACEHOLDER in text else []
