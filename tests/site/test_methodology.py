"""The methodology page states the numbers of complaints.rules (content cannot import them)."""

from __future__ import annotations

import re
from pathlib import Path

from complaints import rules
from tests.site.site_helpers import soup


def _text(site: Path) -> str:
    page = soup(site, "methodologie/index.html")
    return re.sub(r"\s+", " ", page.select_one("main").get_text(" "))  # any space, NBSP too


def test_the_points_table_is_the_rules(built_site: Path) -> None:
    rows = [
        [cell.get_text(strip=True) for cell in row.find_all(["th", "td"])]
        for row in soup(built_site, "methodologie/index.html").select("main table tbody tr")
    ]
    (first, second, third) = rules.ANSWER_POINTS
    assert [(re.sub(r"\s+", " ", label), int(points)) for label, points in rows] == [
        ("Dossier résolu", rules.STATUS_POINTS[rules.RESOLVED]),
        ("Dossier partiellement résolu", rules.STATUS_POINTS[rules.PARTIALLY_RESOLVED]),
        (f"Première réponse dans les {first[0]} jours", first[1]),
        (f"… sinon dans les {second[0]} jours", second[1]),
        (f"… sinon dans les {third[0]} jours", third[1]),
        ("Aucune promesse non tenue", rules.NO_BROKEN_PROMISE_POINTS),
    ]


def test_the_thresholds_are_the_rules(built_site: Path) -> None:
    text = _text(built_site)
    for phrase in (
        f"au plus tard {rules.TIMELY_DAYS} jours",
        f"depuis {rules.OLD_CASE_DAYS} jours ou plus",
        f"intervalle de confiance à {rules.CONFIDENCE_PERCENT} %",
        f"dans les {rules.PROMISE_DAYS} jours",
        f"({rules.PRIOR_CASES} × {rules.PRIOR_MEAN} + somme",
        f"Pas de note en dessous de {rules.MIN_CASES_FOR_SCORE} témoignages",
        f"« Confiance faible » en dessous de {rules.LOW_CONFIDENCE_BELOW} témoignages",
    ):
        assert phrase in text, phrase
