"""Personal data and placeholders in what an editor writes: the validator's one door
to :mod:`.personal_data` and :mod:`.placeholders`.

It also names the front-matter key where a testimony lists the exact strings it is
allowed to publish (e.g. a merchant's public customer-service number).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from complaints.editorial.personal_data import Finding, scan
from complaints.editorial.placeholders import TO_COMPLETE, find_placeholders

ALLOW_KEY = "public_data"  # front-matter list of exact strings that are not personal data


def personal_data(text: str, allowed: Collection[str]) -> list[Finding]:
    """Personal data found in a text (``kind``, ``start``, ``end``, ``masked``)."""
    return scan(text, allowed)


def placeholders(text: str) -> list[str]:
    """Skeleton text of the testimony template, or « [À COMPLÉTER », left in a text."""
    return find_placeholders(text)


def to_complete(text: str) -> re.Match[str] | None:
    """The first « [À COMPLÉTER » marker of a page or setting (case, accents, spaces as
    :data:`.placeholders.TO_COMPLETE` reads them), or None."""
    return TO_COMPLETE.search(text)
