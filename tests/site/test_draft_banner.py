"""Drafts in the development build carry a visible "Brouillon" banner; published pages do not."""

from __future__ import annotations

from pathlib import Path

from tests.support.content import content_drafts
from tests.support.pages import soup
from tests.support.sample import CONTENT, PIXMANIA_PAGE


def test_drafts_show_a_banner_in_the_development_build(dev_site: Path) -> None:
    drafts = content_drafts(CONTENT)
    assert drafts, "the sample content should hold a draft"
    for _path, title, slug in drafts:
        pages = list((dev_site / "brouillons").rglob(f"{slug}/index.html"))
        assert len(pages) == 1, slug
        page = soup(dev_site, pages[0].relative_to(dev_site).as_posix())
        banner = page.select_one(".draft-banner")
        assert banner is not None and "Brouillon" in banner.get_text(), title
    assert soup(dev_site, PIXMANIA_PAGE).select_one(".draft-banner") is None
