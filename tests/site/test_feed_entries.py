"""What aggregators file a testimony under: section, tags and merchant."""

from __future__ import annotations

from pathlib import Path

import feedparser

from tests.conftest import TEST_SITEURL

PIXMANIA_URL = f"{TEST_SITEURL}/2009/07/pixmania-camescope-livre-chez-un-autre/"


def entry(feed: Path, link: str):
    parsed = feedparser.parse(feed.read_text(encoding="utf-8"))
    return next(e for e in parsed.entries if e.link == link)


def test_entries_carry_section_tags_and_merchant(built_site: Path) -> None:
    for name in ("feeds/marchands/pixmania.atom.xml", "feeds/marchands/pixmania.rss.xml"):
        item = entry(built_site / name, PIXMANIA_URL)
        terms = {t.term for t in item.tags}
        assert {"Témoignages", "livraison", "Pixmania"} <= terms, (name, terms)


def test_entries_carry_the_whole_body_with_its_case_box(built_site: Path) -> None:
    # RSS_FEED_SUMMARY_ONLY = False: the RSS description is the body; Atom has a content
    atom = entry(built_site / "feeds/marchands/pixmania.atom.xml", PIXMANIA_URL)
    rss = entry(built_site / "feeds/marchands/pixmania.rss.xml", PIXMANIA_URL)
    (content,) = atom.content
    for body in (content.value, rss.description):
        assert '<section class="case"' in body
        assert "Colissimo" in body


def test_atom_entry_links_its_author_and_is_updated(built_site: Path) -> None:
    item = entry(built_site / "feeds/marchands/pixmania.atom.xml", PIXMANIA_URL)
    assert item.author_detail.href == f"{TEST_SITEURL}/auteurs/allo-cest-fini/"
    assert item.updated_parsed is not None and item.published_parsed is not None
