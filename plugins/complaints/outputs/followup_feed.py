"""The entries of the corrections log's feeds: one per follow-up (pure).

A :class:`FollowupFeedEntry` answers what the writer reads of an article (``title``,
``url``, ``date``, ``modified``, ``summary``, ``get_content``, ``author``,
``merchant``), so the log's Atom and RSS feeds go through the same writer as the
others: its link is the follow-up in its testimony's « Suivi du dossier »
(``#suivi-du-dossier-N``), which also makes its ``tag:`` id unique.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Any

from complaints.domain.followup_log import LogEntry
from complaints.domain.vocabulary import label
from complaints.present.followups import followup_entry_html


@dataclass(frozen=True)
class FollowupFeedEntry:
    """A follow-up as a feed entry (dated at midnight of its day, in the article's zone)."""

    title: str
    url: str
    date: datetime
    content: str
    author: Any
    merchant: Any

    summary = None

    @property
    def modified(self) -> datetime:
        return self.date

    def get_content(self, _siteurl: str = "") -> str:
        return self.content


def feed_entry(entry: LogEntry) -> FollowupFeedEntry:
    """The feed entry of one follow-up of the log."""
    item = entry.item
    zone = getattr(getattr(item, "date", None), "tzinfo", None)
    return FollowupFeedEntry(
        title=f"{label(entry.update.kind, 'update_kind')}\u202f: {item.title}",
        url=f"{item.url}#{entry.anchor}",
        date=datetime.combine(entry.day, time(), tzinfo=zone),
        content=str(followup_entry_html(entry.update)),
        author=getattr(item, "author", None),
        merchant=getattr(item, "merchant", None),
    )
