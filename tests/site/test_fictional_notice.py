"""The "Exemple fictif" notice: said once on a fictional testimony's page, and in its feed entries."""

from __future__ import annotations

from pathlib import Path

import feedparser

from tests.support.pages import soup

NOTICE = "Exemple fictif"


def _testimony_pages(site: Path) -> list[str]:
    pages = sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html"))
    assert len(pages) >= 10
    return [p.relative_to(site).as_posix() for p in pages]


def test_fictional_testimonies_say_it_once(built_site: Path) -> None:
    for page in _testimony_pages(built_site):
        doc = soup(built_site, page)
        notices = doc.select(".notice-fictional")
        body = doc.select_one(".article-body").get_text()
        assert NOTICE not in body, f"{page}: the body repeats the notice"
        if "pixmania" in page:
            assert not notices, page
        else:
            assert len(notices) == 1, f"{page}: {len(notices)} notices"


def test_fictional_feed_entries_begin_with_the_notice(built_site: Path) -> None:
    for name in ("all.atom.xml", "all.rss.xml"):
        parsed = feedparser.parse(str(built_site / "feeds" / name))
        assert len(parsed.entries) >= 10
        for entry in parsed.entries:
            html = entry.content[0].value if "content" in entry else entry.description
            if "pixmania" in entry.link:
                assert NOTICE not in html, entry.link
            else:
                assert html.count(NOTICE) == 1, (name, entry.link)
                assert html.startswith('<p class="notice-fictional"><strong>Exemple fictif.'), (
                    entry.link
                )
