"""One source for the methodology: change a rule in complaints.rules, the pages follow.

The merchant-page tests build the tiny site before and after changing one constant; the
Méthodologie test changes every constant and reads each number and worked example on
the page. A number typed in a template or in the page's Markdown would not move.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from complaints.domain import rules
from tests.support.builds import RunPelican
from tests.support.pages import soup, visible_text
from tests.support.sample import METHODOLOGY_PAGE

MERCHANT_PAGE = "marchands/pixmania/index.html"


def figures(output: Path) -> dict[str, str]:
    doc = soup(output, MERCHANT_PAGE)
    return {
        visible_text(item.dt): visible_text(item.dd)
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


def methodology(output: Path) -> BeautifulSoup:
    return soup(output, METHODOLOGY_PAGE)


def plain(text: str) -> str:
    return text.replace("\u00a0", " ").replace("\u202f", " ")


CHANGED_RULES = {
    "TIMELY_DAYS": 21,
    "OLD_CASE_DAYS": 45,
    "PROMISE_DAYS": 35,
    "RESOLUTION_CREDIT": {rules.RESOLVED: 1.0, rules.PARTIALLY_RESOLVED: 0.4},
    "STATUS_POINTS": {rules.RESOLVED: 70, rules.PARTIALLY_RESOLVED: 35},
    "ANSWER_POINTS": ((10, 20), (20, 10), (40, 4)),
    "NO_BROKEN_PROMISE_POINTS": 6,
    "PRIOR_CASES": 4,
    "PRIOR_MEAN": 40,
    "MIN_CASES_FOR_SCORE": 1,  # Pixmania's one case gets a note
    "LOW_CONFIDENCE_BELOW": 6,
    "CONFIDENCE": 0.95,
    "Z": 1.959964,
}


def test_the_methodology_page_follows_every_rule(
    run_pelican: RunPelican, methodology_content: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The contract: every number of complaints.rules on the Méthodologie page, and every
    worked example, comes from the code (``{{ code.NAME }}``, methodology_values)."""
    for name, value in CHANGED_RULES.items():
        monkeypatch.setattr(rules, name, value)
    output = run_pelican(methodology_content)
    page = methodology(output)
    text = plain(visible_text(page.select_one("main")))
    for phrase in (
        "Réponse dans les 21 jours Part des dossiers",
        "au plus tard 21 jours après le point de départ",
        "l’issue à 21 jours : ceux suivis pendant 21 jours ou plus",
        "(dossiers résolus + 0,4 × dossiers partiellement résolus)",
        "ouverts depuis 45 jours ou plus",
        "ouvert depuis moins de 45 jours",
        "intervalle de confiance à 95 % (méthode de Wilson)",
        "z = 1,95996 :",
        "5 dossiers résolus sur 10 donnent 50 %, avec un intervalle de 24 % à 76 %.",
        "dans les 35 jours qui suivent",
        "4 dossiers fictifs valant 40 points",
        "note = (4 × 40 + somme des points des dossiers) ÷ (4 + nombre de dossiers)",
        "un seul dossier à 0 point donne (160 + 0) ÷ 5 = 32,0",
        "trois dossiers à 0 point donnent 160 ÷ 7 = 22,86, publié 22,9",
        "la note s’éloigne de 40 pour",
        "Pas de note en dessous de 1 témoignages",
        "« Confiance faible » en dessous de 6 témoignages",
        "appliquer (4 × 40 + somme des points) ÷ (4 + nombre de lignes)",
    ):
        assert phrase in text, phrase
    rows = [
        [plain(visible_text(cell)) for cell in row.find_all(["th", "td"])]
        for row in page.select("main table tbody tr")
    ]
    assert rows == [
        ["Dossier résolu", "70"],
        ["Dossier partiellement résolu", "35"],
        ["Première réponse dans les 10 jours", "20"],
        ["… sinon dans les 20 jours", "10"],
        ["… sinon dans les 40 jours", "4"],
        ["Aucune promesse non tenue", "6"],
    ]
    # Pixmania's one case is worth 0 points: its note is the page's first worked example.
    assert figures(output)["Note (sur 100)"] == "32,0"
