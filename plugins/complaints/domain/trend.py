"""A merchant's trend, year by year: testimonies, share resolved, typical delay.

``yearly_figures`` groups cases by the year of their experience date; every figure
can be recomputed from ``donnees/temoignages.csv`` (columns experience_date, status,
days_to_first_answer):
- testimonies: cases of the year;
- share resolved: (resolved + 0.5 × partially resolved) / cases of the year;
- typical delay: the median of days to first answer, over the cases of the year that
  got an answer (``unanswered`` counts the others).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import median
from typing import Any

from complaints.domain import rules


@dataclass(frozen=True)
class YearFigures:
    year: int
    n: int
    resolved_share: float
    median_days_to_first_answer: float | None
    unanswered: int


def _year(value: Any) -> int:
    return value.year if hasattr(value, "year") else value.start.year


def yearly_figures(cases: Iterable[Any]) -> list[YearFigures]:
    """Figures per year of experience, oldest first (years without a case are absent)."""
    by_year: dict[int, list[Any]] = {}
    for case in cases:
        by_year.setdefault(_year(case.experience_date), []).append(case)
    figures = []
    for year, group in sorted(by_year.items()):
        delays = [c.days_to_first_answer for c in group if c.days_to_first_answer is not None]
        credit = sum(rules.RESOLUTION_CREDIT.get(c.status, 0.0) for c in group)
        figures.append(
            YearFigures(
                year=year,
                n=len(group),
                resolved_share=credit / len(group),
                median_days_to_first_answer=median(delays) if delays else None,
                unanswered=len(group) - len(delays),
            )
        )
    return figures


def has_trend(figures: Sequence[YearFigures]) -> bool:
    """Enough to draw: at least two years and rules.MIN_CASES_FOR_SCORE testimonies."""
    return len(figures) >= 2 and sum(f.n for f in figures) >= rules.MIN_CASES_FOR_SCORE
