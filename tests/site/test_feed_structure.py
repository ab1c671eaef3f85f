"""Feeds as an aggregator reads them: one identity per feed, its own page, its language.

Read with lxml (the XML itself) and feedparser (as a reader does).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import lxml.html
import pytest
from lxml import etree

from tests.conftest import ROOT, TEST_SITEURL, build_site
from tests.site.site_helpers import local_path

A = "{http://www.w3.org/2005/Atom}"
PIXMANIA_SOURCE = "temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
PIXMANIA_URL = f"{TEST_SITEURL}/2009/07/pixmania-camescope-livre-chez-un-autre/"


def feeds(site: Path, kind: str) -> list[Path]:
    found = sorted((site / "feeds").rglob(f"*.{kind}.xml"))
    assert len(found) >= 10, f"only {len(found)} {kind} feeds"
    return found


def announced_feeds(site: Path, page_url: str) -> dict[str, str]:
    """{feed URL: title} of the <link rel=alternate> feeds in a page's head."""
    tree = lxml.html.fromstring(local_path(site, page_url, TEST_SITEURL).read_bytes())
    return {
        link.get("href"): link.get("title")
        for link in tree.xpath('//head/link[@rel="alternate"][contains(@type, "xml")]')
    }


def test_each_atom_feed_has_its_own_id_page_self_link_and_language(built_site: Path) -> None:
    ids: dict[str, str] = {}
    for feed in feeds(built_site, "atom"):
        rel = feed.relative_to(built_site).as_posix()
        root = etree.parse(str(feed)).getroot()
        feed_url = f"{TEST_SITEURL}/{rel}"
        feed_id = root.findtext(f"{A}id")
        assert feed_id not in ids, f"{rel} and {ids.get(feed_id)} share the id {feed_id}"
        ids[feed_id] = rel
        links = {link.get("rel"): link.get("href") for link in root.findall(f"{A}link")}
        assert links["self"] == feed_url, rel
        alternate = links["alternate"]
        expected_page = TEST_SITEURL + "/" if rel.startswith("feeds/all.") else None
        if expected_page:
            assert alternate == expected_page, rel
        else:
            assert alternate != TEST_SITEURL + "/", f"{rel}: alternate is the site root"
        page_feeds = announced_feeds(built_site, alternate)
        assert feed_url in page_feeds, f"{rel}: its page {alternate} does not announce it"
        assert page_feeds[feed_url] == root.findtext(f"{A}title"), rel
        assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr", rel
        entries = root.findall(f"{A}entry")
        newest = max(e.findtext(f"{A}updated") for e in entries)
        assert root.findtext(f"{A}updated") == newest, rel


def test_each_rss_feed_has_its_page_self_link_language_and_opaque_guids(
    built_site: Path,
) -> None:
    for feed in feeds(built_site, "rss"):
        rel = feed.relative_to(built_site).as_posix()
        parsed = feedparser.parse(str(feed))
        channel = etree.parse(str(feed)).getroot().find("channel")
        assert channel.findtext("language") == "fr", rel
        self_link = channel.find(f"{A}link[@rel='self']")
        assert self_link.get("href") == f"{TEST_SITEURL}/{rel}", rel
        page_feeds = announced_feeds(built_site, parsed.feed.link)
        assert page_feeds.get(f"{TEST_SITEURL}/{rel}") == parsed.feed.title, rel
        for guid in channel.iter("guid"):
            assert guid.text.startswith("tag:"), rel
            assert guid.get("isPermaLink") == "false", f"{rel}: {guid.text}"


def test_merchant_feed_titles_match_the_page_and_keep_typography(built_site: Path) -> None:
    parsed = feedparser.parse(str(built_site / "feeds/marchands/pixmania.atom.xml"))
    assert parsed.feed.link == f"{TEST_SITEURL}/marchands/pixmania/"
    assert parsed.feed.title.startswith("Témoignages sur Pixmania")
    entry = next(e for e in parsed.entries if e.link == PIXMANIA_URL)
    assert entry.title.startswith("Pixmania\u202f: "), repr(entry.title)
    page = lxml.html.fromstring(local_path(built_site, PIXMANIA_URL, TEST_SITEURL).read_bytes())
    assert page.findtext(".//h1").replace("\u00a0", " ") == entry.title.replace("\u00a0", " ")


@pytest.fixture(scope="module")
def site_with_relative_links(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built from a copy of the content whose Pixmania body has relative links."""
    content = tmp_path_factory.mktemp("content") / "content"
    shutil.copytree(ROOT / "content", content)
    source = content / PIXMANIA_SOURCE
    source.write_text(
        source.read_text(encoding="utf-8")
        + "\n\n## Le dossier {#le-dossier}\n\nVoir [les marchands](/marchands/), "
        "[le dossier](#le-dossier), [la méthode](../../../methodologie/) et "
        '![un logo](/images/marchands/pixmania.svg "logo").\n',
        encoding="utf-8",
    )
    output = tmp_path_factory.mktemp("relative") / "output"
    result = build_site(output, content=content)
    assert result.returncode == 0, result.stderr
    return output


def test_relative_links_in_bodies_become_absolute_in_feeds(
    site_with_relative_links: Path,
) -> None:
    expected = {
        f"{TEST_SITEURL}/marchands/",
        f"{PIXMANIA_URL}#le-dossier",
        f"{TEST_SITEURL}/methodologie/",
        f"{TEST_SITEURL}/images/marchands/pixmania.svg",
    }
    for name in ("all.atom.xml", "all.rss.xml", "marchands/pixmania.atom.xml"):
        parsed = feedparser.parse(str(site_with_relative_links / "feeds" / name))
        entry = next(e for e in parsed.entries if e.link == PIXMANIA_URL)
        html = entry.content[0].value if "content" in entry else entry.description
        # feedparser would resolve relative links itself: read the raw XML too.
        raw = (site_with_relative_links / "feeds" / name).read_text(encoding="utf-8")
        body = lxml.html.fragment_fromstring(html, create_parent="div")
        urls = {e.get("href") or e.get("src") for e in body.iter("a", "img")}
        assert expected <= urls, (name, urls)
        assert all(urlsplit(u).scheme == "https" for u in urls), (name, urls)
        assert "&quot;/marchands/&quot;" not in raw and "href=&quot;#" not in raw, name
