"""One source for the methodology: change a rule in complaints.rules, the pages follow.

Each test builds the tiny site twice, before and after changing one constant, and reads
the merchant page as a reader would. A number typed in a template would not move.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints import rules
from tests.edge.conftest import RunPelican

MERCHANT_PAGE = "marchands/pixmania/index.html"


def _text(element) -> str:
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()  # keeps no-break spaces


def figures(output: Path) -> dict[str, str]:
    doc = BeautifulSoup((output / MERCHANT_PAGE).read_text(encoding="utf-8"), "lxml")
    return {
        _text(item.dt): _text(item.dd)
        for item in doc.select("section.scorecard dl.headline-figures > div")
    }


def test_timely_days_moves_the_label_and_the_count(
    run_pelican: RunPelican, tiny_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = figures(run_pelican(tiny_content))
    assert before[f"Réponse sous {rules.TIMELY_DAYS}\u00a0jours"] == "0 cas sur 1"
    monkeypatch.setattr(rules, "TIMELY_DAYS", 400)  # Pixmania answered after about 11 months
    after = figures(run_pelican(tiny_content))
    assert "Réponse sous 15\u00a0jours" not in after
    assert after["Réponse sous 400\u00a0jours"] == "1 cas sur 1"


def test_min_cases_for_score_unfolds_the_statistics(
    run_pelican: RunPelican, tiny_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "Note (sur 100)" not in figures(run_pelican(tiny_content))
    monkeypatch.setattr(rules, "MIN_CASES_FOR_SCORE", 1)
    output = run_pelican(tiny_content)
    assert figures(output)["Note (sur 100)"] == "41,7"  # (5 × 50 + 0) / 6
    page = (output / MERCHANT_PAGE).read_text(encoding="utf-8")
    assert "Statistiques détaillées" in page
    assert "publiées à partir de 1\u00a0témoignages" not in page


def test_low_confidence_threshold_is_printed_from_the_rules(
    run_pelican: RunPelican, tiny_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rules, "LOW_CONFIDENCE_BELOW", 7)
    page = (run_pelican(tiny_content) / MERCHANT_PAGE).read_text(encoding="utf-8")
    assert "(moins de 7)" in page
