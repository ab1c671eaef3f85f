"""Drafts in the development build carry a visible "Brouillon" banner; published pages do not."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import ROOT, build_site
from tests.site.site_helpers import PIXMANIA_PAGE, content_drafts, soup


def test_drafts_show_a_banner_in_the_development_build(tmp_path: Path) -> None:
    site = tmp_path / "dev"
    result = build_site(site, settings="pelicanconf.py")
    assert result.returncode == 0, result.stdout + result.stderr
    drafts = content_drafts(ROOT / "content")
    assert drafts, "the sample content should hold a draft"
    for _path, title, slug in drafts:
        pages = list((site / "brouillons").rglob(f"{slug}/index.html"))
        assert len(pages) == 1, slug
        page = soup(site, pages[0].relative_to(site).as_posix())
        banner = page.select_one(".draft-banner")
        assert banner is not None and "Brouillon" in banner.get_text(), title
    assert soup(site, PIXMANIA_PAGE).select_one(".draft-banner") is None
