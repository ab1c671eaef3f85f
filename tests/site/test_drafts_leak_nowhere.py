"""Drafts reach no published file: not through attachments, translations or merchants."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from pelican.settings import read_settings

from complaints.edge.output_plan import blank_draft_translations
from tests.conftest import ROOT, TEST_SITEURL, build_site
from tests.site.site_helpers import soup
from tests.site.test_failures import project  # noqa: F401  (fixture)
from tests.site.test_output_plan import add_file, build_with_plan

DRAFT = Path("content/temoignages/temoignages/brouillon-maison-plumetis-nappe-tachee.md")
SECRET = "Boutique Confidentielle"


def every_text(site: Path) -> str:
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )


def add_piece_linked_only_from_the_draft(project: Path) -> None:  # noqa: F811
    add_file(project, "content/pieces/facture-brouillon.pdf", "%PDF-1.4 pièce du brouillon\n")
    add_file(project, "content/pieces/photo-brouillon.jpg", "JPEG pièce du brouillon\n")
    draft = project / DRAFT
    draft.write_text(
        draft.read_text(encoding="utf-8")
        + "\n[La facture]({static}/pieces/facture-brouillon.pdf),"
        + " [la photo]({attach}../../pieces/photo-brouillon.jpg).\n",
        encoding="utf-8",
    )


def test_a_file_linked_only_from_a_draft_is_not_published(project: Path) -> None:  # noqa: F811
    add_piece_linked_only_from_the_draft(project)
    plan, written = build_with_plan(project / "prod", "publishconf.py", project / "content")
    assert plan.keys() == written
    assert not any("brouillon" in path for path in written), sorted(written)
    assert "pièce du brouillon" not in every_text(project / "prod")


def test_the_dev_build_shows_the_draft_with_its_pieces(project: Path) -> None:  # noqa: F811
    add_piece_linked_only_from_the_draft(project)
    plan, written = build_with_plan(project / "dev", "pelicanconf.py", project / "content")
    assert plan.keys() == written
    assert "pieces/facture-brouillon.pdf" in written
    # {attach} moves the file beside the draft's page
    assert "brouillons/brouillon-maison-plumetis-nappe-tachee/photo-brouillon.jpg" in written


def test_a_published_attachment_is_planned_where_it_is_written(project: Path) -> None:  # noqa: F811
    add_file(project, "content/pieces/lettre.pdf", "%PDF-1.4 lettre\n")
    pixmania = project / "content/temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
    pixmania.write_text(
        pixmania.read_text(encoding="utf-8") + "\n[La lettre]({attach}../../pieces/lettre.pdf).\n",
        encoding="utf-8",
    )
    plan, written = build_with_plan(project / "prod", "publishconf.py", project / "content")
    assert plan.keys() == written
    assert "2009/07/pixmania-camescope-livre-chez-un-autre/lettre.pdf" in written


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


def add_merchant_with_only_a_draft(project: Path) -> None:  # noqa: F811
    add_file(
        project,
        "content/merchants/boutique-confidentielle.md",
        f"---\nname: {SECRET}\nwebsite: https://confidentielle.example\nfictional: true\n---\n"
        "Marchand fictif.\n",
    )
    text = (project / DRAFT).read_text(encoding="utf-8")
    text = text.replace("merchant: maison-plumetis", "merchant: boutique-confidentielle")
    text = text.replace("slug: brouillon-maison-plumetis-nappe-tachee", "slug: brouillon-secret")
    add_file(project, "content/temoignages/temoignages/brouillon-secret.md", text)


def test_a_merchant_with_only_a_draft_is_named_nowhere(project: Path) -> None:  # noqa: F811
    add_merchant_with_only_a_draft(project)
    output = project / "prod"
    result = build_site(output, content=project / "content")
    assert result.returncode == 0, result.stderr
    assert not (output / "marchands/boutique-confidentielle").exists()
    assert not list(output.glob("feeds/marchands/boutique-confidentielle.*"))
    records = json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8"))
    assert "boutique-confidentielle" not in {r["slug"] for r in records["merchants"]}
    assert SECRET not in every_text(output)
    assert "boutique-confidentielle" not in every_text(output)


def test_the_dev_build_shows_the_draft_but_no_merchant_page(project: Path) -> None:  # noqa: F811
    add_merchant_with_only_a_draft(project)
    output = project / "dev"
    result = build_site(output, settings="pelicanconf.py", content=project / "content")
    assert result.returncode == 0, result.stderr
    assert not (output / "marchands/boutique-confidentielle").exists()
    page = soup(output, "brouillons/brouillon-secret/index.html")
    strip = page.select_one(".merchant-strip")
    assert strip is not None and SECRET in strip.get_text()
    assert strip.find("a", string=SECRET) is None  # named, not linked: it has no page yet
    index = soup(output, "marchands/index.html")
    assert SECRET not in index.get_text()


def test_a_merchant_with_only_a_hidden_testimony_has_no_page_feed_data_or_jsonld(
    project: Path,  # noqa: F811
) -> None:
    add_merchant_with_only_a_draft(project)
    hidden = project / "content/temoignages/temoignages/brouillon-secret.md"
    hidden.write_text(
        hidden.read_text(encoding="utf-8").replace("status: draft", "status: hidden"),
        encoding="utf-8",
    )
    output = project / "prod"
    result = build_site(output, content=project / "content")
    assert result.returncode == 0, result.stderr
    assert not (output / "marchands/boutique-confidentielle").exists()
    assert not list(output.glob("feeds/marchands/boutique-confidentielle.*"))
    assert SECRET not in (output / "marchands/index.html").read_text(encoding="utf-8")
    assert SECRET not in (output / "donnees/marchands.json").read_text(encoding="utf-8")
    assert "boutique-confidentielle" not in (output / "donnees/temoignages.csv").read_text(
        encoding="utf-8"
    )
    page = soup(output, "2026/11/brouillon-secret/index.html")
    for script in page.select('script[type="application/ld+json"]'):
        assert SECRET not in script.get_text()
        assert f"{TEST_SITEURL}/marchands/" not in script.get_text()
