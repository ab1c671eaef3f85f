"""A merchant's trend drawn as three small bar charts in inline SVG at build time.

No script; colours come from the page's CSS, so dark mode follows. The figures are
:func:`complaints.domain.trend.yearly_figures`.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from complaints.domain.trend import YearFigures, has_trend, yearly_figures
from complaints.present.formatting import duration_fr, percent_fr

_BAR, _GAP, _HEIGHT, _TOP, _BOTTOM = 34, 16, 80, 34, 20


def _panel(title: str, values: list[tuple[int, float | None, str]], top: float) -> list[str]:
    """One small bar chart: (year, value or None, label); bars scaled to the largest."""
    largest = max((v for _, v, _ in values if v), default=0) or 1
    parts = [f'<text class="trend-title" x="-10" y="{top + 14}">{escape(title)}</text>']
    base = top + _TOP + _HEIGHT
    for index, (year, value, text) in enumerate(values):
        x = index * (_BAR + _GAP)
        height = 0 if not value else max(1.0, _HEIGHT * value / largest)
        if value:  # no bar for zero or no value: the label says which
            parts.append(
                f'<rect class="trend-bar" x="{x}" y="{base - height:.1f}" width="{_BAR}" '
                f'height="{height:.1f}"/>'
            )
        parts.append(
            f'<text class="trend-value" x="{x + _BAR / 2}" y="{base - height - 4:.1f}" '
            f'text-anchor="middle">{escape(text)}</text>'
        )
        parts.append(
            f'<text class="trend-year" x="{x + _BAR / 2}" y="{base + 14}" '
            f'text-anchor="middle">{year}</text>'
        )
    parts.append(
        f'<line class="trend-axis" x1="0" y1="{base}" x2="{len(values) * (_BAR + _GAP) - _GAP}" '
        f'y2="{base}"/>'
    )
    return parts


def delay_label(days: float | None) -> str:
    """The typical delay as a reader reads it: "6 jours", "—" without any answer."""
    return "—" if days is None else duration_fr(round(days))


def trend_svg(figures: Sequence[YearFigures], title: str) -> Markup:
    """Three small bar charts (testimonies, share resolved, typical delay) in one SVG."""
    panel = _TOP + _HEIGHT + _BOTTOM + 8
    width = max(len(figures) * (_BAR + _GAP) - _GAP, 200)
    parts = [
        f'<svg class="trend-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="-12 0 {width + 24} {3 * panel}" width="{width + 24}" height="{3 * panel}">',
        f"<title>{escape(title)}</title>",
    ]
    parts += _panel("Témoignages", [(f.year, f.n, str(f.n)) for f in figures], 0)
    parts += _panel(
        "Part résolue",
        [(f.year, f.resolved_share, percent_fr(f.resolved_share)) for f in figures],
        panel,
    )
    parts += _panel(
        "Délai typique de réponse",
        [
            (f.year, f.median_days_to_first_answer, delay_label(f.median_days_to_first_answer))
            for f in figures
        ],
        2 * panel,
    )
    parts.append("</svg>")
    return Markup("".join(parts))


FILTERS = {
    "yearly_figures": yearly_figures,
    "has_trend": has_trend,
    "trend_svg": trend_svg,
    "delay_label": delay_label,
}
"""Jinja filters of the merchant page's trend section."""
