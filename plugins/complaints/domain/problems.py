"""Editor-facing problems: one home for how a content mistake is described.

Every check of the project (testimonies, profiles, pages, output paths, personal
data) reports :class:`Problem` values; a file's problems travel together in a
:class:`ContentError`. Nothing here imports Pelican.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

MISSING = object()  # a field that is absent, as opposed to present but empty


@dataclass(frozen=True)
class Problem:
    """One editor-facing problem: where, what was found, what was expected."""

    file: str
    field: str
    value: str
    expected: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where} : {self.field} = {self.value} : {self.expected}"


class ContentError(ValueError):
    """Raised with every problem found in one file (testimony, profile or page)."""

    __test__ = False  # not a pytest test class

    def __init__(self, problems: Iterable[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def show(value: object, limit: int = 60) -> str:
    """A short, quoted display of a bad value for a message."""
    if value is MISSING:
        return "(absent)"
    if value is None:
        return "(vide)"
    text = _written(value)
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return f"« {text} »"


def _written(value: object, depth: int = 0) -> str:
    """A value as an editor wrote it in YAML: ``{date: 2008-07-13, kind: order}``."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str | int | float | Decimal):
        return str(value)
    if depth < 3 and isinstance(value, dict):
        items = (f"{_written(k, depth + 1)}: {_written(v, depth + 1)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    if depth < 3 and isinstance(value, list | tuple):
        return "[" + ", ".join(_written(item, depth + 1) for item in value) + "]"
    try:
        return repr(value)
    except Exception:  # a hostile __repr__ must not crash the check
        return f"<{type(value).__name__}>"


def did_you_mean(value: object, choices: Iterable[str]) -> str:
    """` (vouliez-vous dire « x » ?)` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(value), [str(c) for c in choices], n=1)
    return f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
