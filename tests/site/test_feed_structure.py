"""Feeds as an aggregator reads them: one identity per feed, its own page, its language.

Read with lxml (the XML itself) and feedparser (as a reader does).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.html
from lxml import etree

from tests.support.builds import SessionSite
from tests.support.pages import local_path
from tests.support.sample import PIXMANIA_PAGE, TEST_SITEURL

A = "{http://www.w3.org/2005/Atom}"


def page_url(siteurl: str) -> str:
    return f"{siteurl}/{PIXMANIA_PAGE.removesuffix('index.html')}"


def feeds(site: Path, kind: str) -> list[Path]:
    found = sorted((site / "feeds").rglob(f"*.{kind}.xml"))
    assert len(found) >= 10, f"only {len(found)} {kind} feeds"
    return found


def announced_feeds(site: Path, siteurl: str, url: str) -> dict[str, str]:
    """{feed URL: title} of the <link rel=alternate> feeds in a page's head."""
    tree = lxml.html.fromstring(local_path(site, url, siteurl).read_bytes())
    return {
        link.get("href"): link.get("title")
        for link in tree.xpath('//head/link[@rel="alternate"][contains(@type, "xml")]')
    }


def test_each_atom_feed_has_its_own_id_page_self_link_and_language(
    built_site: Path, site_url: str
) -> None:
    ids: dict[str, str] = {}
    for feed in feeds(built_site, "atom"):
        rel = feed.relative_to(built_site).as_posix()
        root = etree.parse(str(feed)).getroot()
        feed_url = f"{site_url}/{rel}"
        feed_id = root.findtext(f"{A}id")
        assert feed_id not in ids, f"{rel} and {ids.get(feed_id)} share the id {feed_id}"
        ids[feed_id] = rel
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
        assert links["self"] == feed_url, rel
        alternate = links["alternate"]
        expected_page = site_url + "/" if rel.startswith("feeds/all.") else None
        if expected_page:
            assert alternate == expected_page, rel
        else:
            assert alternate != site_url + "/", f"{rel}: alternate is the site root"
        page_feeds = announced_feeds(built_site, site_url, alternate)
        assert feed_url in page_feeds, f"{rel}: its page {alternate} does not announce it"
        assert page_feeds[feed_url] == root.findtext(f"{A}title"), rel
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr", rel
        entries = root.findall(f"{A}entry")
        newest = max(e.findtext(f"{A}updated") for e in entries)
        assert root.findtext(f"{A}updated") == newest, rel


def test_each_rss_feed_has_its_page_self_link_language_and_opaque_guids(
    built_site: Path, site_url: str
) -> None:
    for feed in feeds(built_site, "rss"):
        rel = feed.relative_to(built_site).as_posix()
        parsed = feedparser.parse(str(feed))
        channel = etree.parse(str(feed)).getroot().find("channel")
        assert channel.findtext("language") == "fr", rel
        self_link = channel.find(f"{A}link[@rel='self']")
        assert self_link.get("href") == f"{site_url}/{rel}", rel
        page_feeds = announced_feeds(built_site, site_url, parsed.feed.link)
        assert page_feeds.get(f"{site_url}/{rel}") == parsed.feed.title, rel
        for guid in channel.iter("guid"):
            assert guid.text.startswith("tag:"), rel
            assert guid.get("isPermaLink") == "false", f"{rel}: {guid.text}"


def test_merchant_feed_titles_match_the_page_and_keep_typography(
    built_site: Path, site_url: str
) -> None:
    parsed = feedparser.parse(str(built_site / "feeds/marchands/pixmania.atom.xml"))
    assert parsed.feed.link == f"{site_url}/marchands/pixmania/"
    assert parsed.feed.title.startswith("Témoignages sur Pixmania")
    entry = next(e for e in parsed.entries if e.link == page_url(site_url))
    assert entry.title.startswith("Pixmania\u202f: "), repr(entry.title)
    page = lxml.html.fromstring((built_site / PIXMANIA_PAGE).read_bytes())
    assert page.findtext(".//h1").replace("\u00a0", " ") == entry.title.replace("\u00a0", " ")


def test_relative_links_in_bodies_become_absolute_in_feeds(
    variant_production: SessionSite,
) -> None:
    """The variant's Pixmania body links /marchands/, #le-dossier, ../../../methodologie/
    and /images/…; its site is not served: SITEURL is TEST_SITEURL (https)."""
    site_with_relative_links = variant_production.output
    pixmania_url = page_url(TEST_SITEURL)
    expected = {
        f"{TEST_SITEURL}/marchands/",
        f"{pixmania_url}#le-dossier",
        f"{TEST_SITEURL}/methodologie/",
        f"{TEST_SITEURL}/images/marchands/pixmania.svg",
    }
    for name in ("all.atom.xml", "all.rss.xml", "marchands/pixmania.atom.xml"):
        parsed = feedparser.parse(str(site_with_relative_links / "feeds" / name))
        entry = next(e for e in parsed.entries if e.link == pixmania_url)
        html = entry.content[0].value if "content" in entry else entry.description
        # feedparser would resolve relative links itself: read the raw XML too.
        raw = (site_with_relative_links / "feeds" / name).read_text(encoding="utf-8")
        body = lxml.html.fragment_fromstring(html, create_parent="div")
        urls = {e.get("href") or e.get("src") for e in body.iter("a", "img")}
        assert expected <= urls, (name, urls)
        assert all(urlsplit(u).scheme == "https" for u in urls), (name, urls)
        assert "&quot;/marchands/&quot;" not in raw and "href=&quot;#" not in raw, name
