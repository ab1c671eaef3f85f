"""Related testimonies: same merchant first, then the same issues, newest first.

Pure: works on any objects with ``case`` (merchant, issues), ``date`` and ``url``.
Each lookup costs O(limit × issues of the case), so it stays cheap at 5,000 testimonies.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any


def _newest_first(item: Any) -> tuple[Any, str]:
    return (item.date, item.url)


class RelatedIndex:
    """Testimonies indexed by merchant and by issue, each list newest first."""

    def __init__(self, items: Iterable[Any]) -> None:
        self.items = sorted(
            (i for i in items if getattr(i, "case", None)), key=_newest_first, reverse=True
        )
        self.by_merchant: dict[str, list[Any]] = defaultdict(list)
        self.by_issue: dict[str, list[Any]] = defaultdict(list)
        for item in self.items:  # appended newest first, so every list stays sorted
            self.by_merchant[item.case.merchant].append(item)
            for issue in dict.fromkeys(item.case.issues):
                self.by_issue[issue].append(item)

    def related(self, item: Any, limit: int = 5, minimum: int = 3) -> list[Any]:
        """Up to ``limit`` testimonies related to ``item``, best first.

        Same merchant (newest first), then sharing an issue (newest first); when that
        gives fewer than ``minimum``, the newest other testimonies complete the list.
        """
        chosen: dict[int, Any] = {}

        def take(candidates: Iterable[Any], until: int) -> None:
            for candidate in candidates:
                if len(chosen) >= until:
                    return
                if candidate is not item and id(candidate) not in chosen:
                    chosen[id(candidate)] = candidate

        case = item.case
        take(self.by_merchant.get(case.merchant, []), limit)
        issue_lists: Sequence[list[Any]] = [self.by_issue.get(i, []) for i in case.issues]
        take(_merge_newest_first(issue_lists), limit)
        take(self.items, min(limit, minimum))
        return list(chosen.values())


def _merge_newest_first(lists: Sequence[list[Any]]) -> Iterator[Any]:
    """Merge lists that are each newest first into one newest-first stream."""
    return heapq.merge(*lists, key=_newest_first, reverse=True)


def section_neighbours(items: Sequence[Any]) -> dict[int, tuple[Any | None, Any | None]]:
    """For items of one section: id(item) → (previous = older, next = newer)."""
    ordered = sorted(items, key=_newest_first)
    return {
        id(item): (
            ordered[index - 1] if index > 0 else None,
            ordered[index + 1] if index + 1 < len(ordered) else None,
        )
        for index, item in enumerate(ordered)
    }
