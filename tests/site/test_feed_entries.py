"""What aggregators file a testimony under: section, tags and merchant."""

from __future__ import annotations

from pathlib import Path

import feedparser
import pytest

from tests.support.sample import PIXMANIA_PAGE


@pytest.fixture(scope="module")
def pixmania_url(site_url: str) -> str:
    return f"{site_url}/{PIXMANIA_PAGE.removesuffix('index.html')}"


def entry(feed: Path, link: str):
    parsed = feedparser.parse(feed.read_text(encoding="utf-8"))
    return next(e for e in parsed.entries if e.link == link)


def test_entries_carry_section_tags_and_merchant(built_site: Path, pixmania_url: str) -> None:
    for name in ("feeds/marchands/pixmania.atom.xml", "feeds/marchands/pixmania.rss.xml"):
        item = entry(built_site / name, pixmania_url)
        terms = {t.term for t in item.tags}
        assert {"Témoignages", "livraison", "Pixmania"} <= terms, (name, terms)


def test_entries_carry_the_whole_body_with_its_case_box(
    built_site: Path, pixmania_url: str
) -> None:
    # RSS_FEED_SUMMARY_ONLY = False: the RSS description is the body; Atom has a content
    atom = entry(built_site / "feeds/marchands/pixmania.atom.xml", pixmania_url)
    rss = entry(built_site / "feeds/marchands/pixmania.rss.xml", pixmania_url)
    (content,) = atom.content
    for body in (content.value, rss.description):
        assert '<section class="case"' in body
        assert "Colissimo" in body


def test_atom_entry_links_its_author_and_is_updated(
    built_site: Path, site_url: str, pixmania_url: str
) -> None:
    item = entry(built_site / "feeds/marchands/pixmania.atom.xml", pixmania_url)
    assert item.author_detail.href == f"{site_url}/auteurs/allo-cest-fini/"
    assert item.updated_parsed is not None and item.published_parsed is not None
