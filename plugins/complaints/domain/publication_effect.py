"""What publication changed: how many published cases moved after publication, out of
how many, and the median delay from publication to that first move.

A case moves on its first follow-up that is the merchant's answer (``merchant_reply``)
or that turns its status to resolved or partially resolved (from another status). The
delay counts from the publication day to the first day the follow-up's date covers
(never below 0). Counted from the follow-ups alone, so the open data recomputes it;
no figure below ``rules.MIN_CASES_FOR_SCORE`` published cases, read at call time.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median
from typing import Any, Protocol

from complaints.domain import rules
from complaints.domain.followups import publication_day


class UpdateLike(Protocol):
    """What a move reads of a follow-up (``model.FollowUp``)."""

    kind: str
    date: Any  # a FuzzyDate (anything with ``start``)
    outcome: Any  # with ``status``, or None


def days_to_move(
    updates: Sequence[UpdateLike], published: date | None, status_at_publication: str
) -> int | None:
    """Days from ``published`` to the case's first move; None when it never moved (or
    the publication day is unknown)."""
    if published is None:
        return None
    status = status_at_publication
    for update in updates:
        moved = update.kind == rules.UPDATE_ANSWER_KIND
        if update.outcome is not None:
            new = update.outcome.status
            moved = moved or (new in rules.SOLVED_STATUSES and new != status)
            status = new
        if moved:
            return max(0, (update.date.start - published).days)
    return None


def case_days_to_move(item: Any) -> int | None:
    """:func:`days_to_move` of a published testimony (an object with ``case``, ``date``)."""
    case = item.case
    updates = getattr(case, "updates", None)
    if not updates:
        return None
    return days_to_move(updates, publication_day(item.date), case.outcome.status)


@dataclass(frozen=True)
class PublicationEffect:
    """``moved`` of ``cases`` published cases, and the median days to move; both None
    below the threshold (``median_days`` also when no case moved)."""

    cases: int
    moved: int | None
    median_days: float | None

    @property
    def enough(self) -> bool:
        return self.moved is not None


def publication_effect(delays: Iterable[int | None]) -> PublicationEffect:
    """The figures of the published cases whose :func:`days_to_move` are ``delays``."""
    delays = list(delays)
    if len(delays) < rules.MIN_CASES_FOR_SCORE:
        return PublicationEffect(len(delays), None, None)
    moves = [d for d in delays if d is not None]
    return PublicationEffect(len(delays), len(moves), median(moves) if moves else None)


def effect_of(items: Iterable[Any]) -> PublicationEffect:
    """The figures of published testimonies (objects with ``case`` and ``date``)."""
    return publication_effect(
        case_days_to_move(item) for item in items if getattr(item, "case", None) is not None
    )
