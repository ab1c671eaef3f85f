"""The year-by-year trend of a merchant: figures and their inline SVG."""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from complaints.domain.trend import has_trend, yearly_figures
from complaints.present.trend_chart import trend_svg
from tests.support.fakes import FakeCase


def case(year: int, status: str = "open", answer: int | None = None) -> FakeCase:
    return FakeCase(experience_date=date(year, 6, 1), status=status, days_to_first_answer=answer)


CASES = [
    case(2020, "resolved", 4),
    case(2020, "partially_resolved", 10),
    case(2020, "open"),
    case(2022, "unresolved", 30),
]


def test_figures_per_year() -> None:
    first, second = yearly_figures(CASES)
    assert (first.year, first.n, first.resolved_share) == (2020, 3, 0.5)
    assert first.median_days_to_first_answer == 7 and first.unanswered == 1
    assert (second.year, second.n, second.resolved_share) == (2022, 1, 0.0)
    assert second.median_days_to_first_answer == 30 and second.unanswered == 0


def test_a_trend_needs_two_years_and_enough_testimonies() -> None:
    assert has_trend(yearly_figures(CASES))
    assert not has_trend(yearly_figures(CASES[:3]))  # one year
    assert not has_trend(yearly_figures([case(2020), case(2021)]))  # 2 < 3 testimonies


def test_svg_has_a_title_three_panels_and_no_script() -> None:
    svg = BeautifulSoup(str(trend_svg(yearly_figures(CASES), "Évolution <de> X")), "html.parser")
    root = svg.find("svg")
    assert root["role"] == "img"
    assert root.title.string == "Évolution <de> X"  # escaped in the markup, read back
    assert len(root.select("rect.trend-bar")) == 2 + 2 + 2 - 1  # no bar for 0 % resolved
    assert [t.get_text() for t in root.select("text.trend-year")] == ["2020", "2022"] * 3
    assert not root.find("script") and "fill=" not in str(root)  # colours from the CSS
