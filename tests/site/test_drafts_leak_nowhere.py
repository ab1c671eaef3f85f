"""Drafts reach no published file: not through attachments, translations or merchants.

Read on the variant content (tests/support/variant.py) built with both settings files.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

from pelican.settings import read_settings

from complaints.edge.output_plan import blank_draft_translations
from tests.support.builds import SessionSite, plan_and_written
from tests.support.pages import every_text, soup
from tests.support.sample import ROOT, TEST_SITEURL
from tests.support.variant import (
    DRAFT_ONLY_NAME,
    DRAFT_ONLY_SLUG,
    DRAFT_ONLY_TESTIMONY,
    DRAFT_PIECE_TEXT,
    HIDDEN_ONLY_NAME,
    HIDDEN_ONLY_PAGE,
    HIDDEN_ONLY_SLUG,
    LETTER_PAGE,
)


def test_a_file_linked_only_from_a_draft_is_not_published(
    variant_production: SessionSite,
) -> None:
    output = variant_production.output
    plan, written = plan_and_written(output, variant_production.report.plan)
    assert plan.keys() == written
    assert not any("brouillon" in path for path in written), sorted(written)
    assert DRAFT_PIECE_TEXT not in every_text(output)


def test_the_dev_build_shows_the_draft_with_its_pieces(
    variant_development: SessionSite,
) -> None:
    plan, written = plan_and_written(variant_development.output, variant_development.report.plan)
    assert plan.keys() == written
    assert "pieces/facture-brouillon.pdf" in written
    # {attach} moves the file beside the draft's page
    assert "brouillons/brouillon-maison-plumetis-nappe-tachee/photo-brouillon.jpg" in written


def test_a_published_attachment_is_planned_where_it_is_written(
    variant_production: SessionSite,
) -> None:
    plan, written = plan_and_written(variant_production.output, variant_production.report.plan)
    assert plan.keys() == written
    assert LETTER_PAGE in written


def test_draft_translations_are_never_written_when_drafts_are_not() -> None:
    settings = read_settings(str(ROOT / "publishconf.py"))
    for name in ("DRAFT_SAVE_AS", "DRAFT_PAGE_SAVE_AS", "DRAFT_LANG_SAVE_AS"):
        assert settings[name] == "", name
    assert settings["DRAFT_PAGE_LANG_SAVE_AS"] == ""
    # and whatever a settings file says, the plugin blanks them when drafts are off
    pelican = SimpleNamespace(
        settings={
            "DRAFT_SAVE_AS": "",
            "DRAFT_LANG_SAVE_AS": "drafts/{slug}-{lang}.html",
            "DRAFT_PAGE_SAVE_AS": "brouillons/{slug}/",
            "DRAFT_PAGE_LANG_SAVE_AS": "drafts/pages/{slug}-{lang}.html",
        }
    )
    blank_draft_translations(pelican)
    assert pelican.settings["DRAFT_LANG_SAVE_AS"] == ""
    assert pelican.settings["DRAFT_PAGE_LANG_SAVE_AS"] == "drafts/pages/{slug}-{lang}.html"


def test_a_merchant_with_only_a_draft_is_named_nowhere(
    variant_production: SessionSite,
) -> None:
    output = variant_production.output
    assert not (output / f"marchands/{DRAFT_ONLY_SLUG}").exists()
    assert not list(output.glob(f"feeds/marchands/{DRAFT_ONLY_SLUG}.*"))
    records = json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8"))
    assert DRAFT_ONLY_SLUG not in {r["slug"] for r in records["merchants"]}
    assert DRAFT_ONLY_NAME not in every_text(output)
    assert DRAFT_ONLY_SLUG not in every_text(output)


def test_the_dev_build_shows_the_draft_but_no_merchant_page(
    variant_development: SessionSite,
) -> None:
    output = variant_development.output
    assert not (output / f"marchands/{DRAFT_ONLY_SLUG}").exists()
    page = soup(output, f"brouillons/{DRAFT_ONLY_TESTIMONY}/index.html")
    strip = page.select_one(".merchant-strip")
    assert strip is not None and DRAFT_ONLY_NAME in strip.get_text()
    assert strip.find("a", string=DRAFT_ONLY_NAME) is None  # named, not linked: no page yet
    index = soup(output, "marchands/index.html")
    assert DRAFT_ONLY_NAME not in index.get_text()


def test_a_merchant_with_only_a_hidden_testimony_has_no_page_feed_data_or_jsonld(
    variant_production: SessionSite,
) -> None:
    output = variant_production.output
    assert not (output / f"marchands/{HIDDEN_ONLY_SLUG}").exists()
    assert not list(output.glob(f"feeds/marchands/{HIDDEN_ONLY_SLUG}.*"))
    assert HIDDEN_ONLY_NAME not in (output / "marchands/index.html").read_text(encoding="utf-8")
    assert HIDDEN_ONLY_NAME not in (output / "donnees/marchands.json").read_text(encoding="utf-8")
    assert HIDDEN_ONLY_SLUG not in (output / "donnees/temoignages.csv").read_text(encoding="utf-8")
    page = soup(output, HIDDEN_ONLY_PAGE)
    for script in page.select('script[type="application/ld+json"]'):
        assert HIDDEN_ONLY_NAME not in script.get_text()
        assert f"{TEST_SITEURL}/marchands/" not in script.get_text()
