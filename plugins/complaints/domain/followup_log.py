"""The magazine's corrections log: every follow-up of the published testimonies, newest
first, each with the testimony it belongs to (« Suivi des dossiers »).

Pure: items are objects with ``case`` (a Testimony), ``date`` (the publication) and
``url``; those without a case are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from complaints.domain.followups import publication_day, update_day
from complaints.domain.model import FollowUp

FOLLOWUPS_LOG_URL = "suivi-des-dossiers/"
ENTRY_ID = "suivi-du-dossier-{number}"
"""The id of one follow-up in its testimony's « Suivi du dossier » (numbered from 1)."""


@dataclass(frozen=True)
class LogEntry:
    """One follow-up in the log: its testimony, its place there (from 1) and its day."""

    item: Any
    update: FollowUp
    number: int
    day: date

    @property
    def anchor(self) -> str:
        return ENTRY_ID.format(number=self.number)


def followup_log(items: Iterable[Any]) -> list[LogEntry]:
    """Every follow-up of ``items``, newest first (by day, then the later follow-up of a
    testimony first; ties between testimonies by URL, so the order never varies)."""
    entries = []
    for item in items:
        case = getattr(item, "case", None)
        if case is None:
            continue
        published = publication_day(getattr(item, "date", None))
        for number, update in enumerate(case.updates, 1):
            entries.append(LogEntry(item, update, number, update_day(update, published)))
    entries.sort(
        key=lambda e: (e.day, e.update.date.sort_key, str(getattr(e.item, "url", "")), e.number),
        reverse=True,
    )
    return entries
