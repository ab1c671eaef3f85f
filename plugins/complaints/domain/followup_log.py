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
    """One follow-up in the log: its testimony, its place there (from 1) and its day
    (what feeds date it by)."""

    item: Any
    update: FollowUp
    number: int
    day: date

    @property
    def anchor(self) -> str:
        return ENTRY_ID.format(number=self.number)


def followup_log(items: Iterable[Any]) -> list[LogEntry]:
    """Every follow-up of ``items``, newest first: by day (the first day its date covers,
    never before the publication nor the testimony's previous follow-up), then by URL
    and the later follow-up first, so the order never varies and a case keeps its own."""
    entries = []
    for item in items:
        case = getattr(item, "case", None)
        if case is None:
            continue
        published = publication_day(getattr(item, "date", None))
        day = None
        for number, update in enumerate(case.updates, 1):
            # a vague date may start before the previous follow-up's ("2021-05" after
            # 3 May): its day is never before that one, so a case keeps its order
            current = update_day(update, published)
            day = current if day is None else max(day, current)
            entries.append(LogEntry(item, update, number, day))
    entries.sort(key=lambda e: (e.day, str(getattr(e.item, "url", "")), e.number), reverse=True)
    return entries
