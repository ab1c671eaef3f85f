"""What a reader can do next: « Que faire ? » under every testimony (issue 13)."""

from __future__ import annotations

from pathlib import Path

from complaints.nextsteps import advice_for
from tests.site.site_helpers import PIXMANIA_PAGE, soup, visible_text

TESTIMONIES = "[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"


def test_every_testimony_has_next_steps_ending_with_the_general_ones(built_site: Path) -> None:
    pages = sorted(built_site.glob(TESTIMONIES))
    assert len(pages) >= 11
    for page in pages:
        doc = soup(built_site, str(page.relative_to(built_site)))
        section = doc.select_one("section.next-steps")
        assert section, f"{page}: no « Que faire ? »"
        titles = [visible_text(h) for h in section.select("h3")]
        assert len(titles) >= 2, f"{page}: no advice matched to its issues"
        assert titles[-1] == "Pour tous les litiges"
        assert section.select_one('a[href="https://signal.conso.gouv.fr/"]')


def test_pixmania_next_steps_match_its_issues(built_site: Path) -> None:
    section = soup(built_site, PIXMANIA_PAGE).select_one("section.next-steps")
    expected = advice_for(
        [
            "delivery.wrong_recipient",
            "customer_service.no_response",
            "refund.not_paid",
            "customer_service.loop",
        ]
    )
    assert [visible_text(h) for h in section.select("h3")] == [e.title for e in expected]
    text = visible_text(section)
    for article in ("L216-4", "L216-6", "L216-7", "L612-1"):
        assert f"rticle {article}" in text
    letter = section.select_one("details.model-letter")
    assert visible_text(letter.summary) == "Modèle de lettre à adapter"
    assert "mets en demeure" in visible_text(letter)
