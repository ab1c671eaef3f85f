"""French typography on every string a reader sees, pages and feeds alike."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser

from pelicanconf import PLUGINS
from tests.support.builds import build_site
from tests.support.content import copy_tiny_content
from tests.support.pages import soup
from tests.support.sample import PIXMANIA_PAGE, TEST_SITEURL
from tests.support.typography_scan import findings_in_feed, findings_in_html, scan_site

# A timeline note of the Pixmania case box (complaints plugin), typeset by typographie.
CASE_NOTE = "colis remis à une autre adresse{space}; la personne présente"


def test_the_scan_finds_plain_spaces_outside_code_and_attributes() -> None:
    markup = (
        '<p title="Note : x">Marchand : <code>a : b</code> 90 % « abonnement »</p>'
        "<pre>x ; y</pre><script>var a = b ? c : d;</script><p>Déjà bon\u202f: 90\u00a0%</p>"
    )
    found = findings_in_html(markup, "page")
    assert len(found) == 4, found  # " :", " %", "« ", " »"


def test_the_scan_reads_feed_titles_and_contents(tmp_path: Path) -> None:
    feed = tmp_path / "f.atom.xml"
    feed.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Pixmania : x</title>'
        '<entry><title>Ok\u202f!</title><content type="html">&lt;p&gt;15 €&lt;/p&gt;</content>'
        "</entry></feed>",
        encoding="utf-8",
    )
    assert len(findings_in_feed(feed, "f")) == 2


def test_no_plain_space_where_french_wants_a_no_break_space(built_site: Path) -> None:
    pages = list(built_site.rglob("*.html"))
    feeds = list((built_site / "feeds").rglob("*.xml"))
    assert len(pages) > 30 and len(feeds) > 20
    found = scan_site(built_site)
    assert not found, (
        f"{len(found)} plain spaces in {len(pages)} pages and {len(feeds)} feeds:\n"
        + "\n".join(found[:50])
    )


def test_page_title_and_heading_keep_their_narrow_spaces(built_site: Path) -> None:
    page = soup(built_site, PIXMANIA_PAGE)
    assert page.title.string.startswith("Pixmania\u202f: ")
    assert page.h1.get_text().startswith("Pixmania\u202f: ")


def _case_box_in_feed(site: Path, siteurl: str) -> str:
    parsed = feedparser.parse(str(site / "feeds/marchands/pixmania.atom.xml"))
    page_url = f"{siteurl}/{PIXMANIA_PAGE.removesuffix('index.html')}"
    entry = next(e for e in parsed.entries if e.link == page_url)
    return entry.content[0].value


def test_case_box_is_typeset_with_the_settings_plugin_order(
    built_site: Path, site_url: str
) -> None:
    """Fails when ``typographie`` runs before ``complaints`` in PLUGINS (pelicanconf)."""
    content = _case_box_in_feed(built_site, site_url)
    assert 'class="case"' in content
    assert CASE_NOTE.format(space="\u202f") in content, "case box not typeset: plugin order?"


def test_swapping_the_plugin_order_loses_the_case_box_typography(tmp_path: Path) -> None:
    """Why the order matters: the case box is inserted after typographie's pass (the
    tiny content built in a fresh process, where signals are connected in that order)."""
    swapped = list(PLUGINS)
    i, j = swapped.index("complaints"), swapped.index("typographie")
    assert i < j, f"PLUGINS lists typographie before complaints: {PLUGINS}"
    swapped[i], swapped[j] = swapped[j], swapped[i]
    tiny = copy_tiny_content(tmp_path / "content")
    output = tmp_path / "output"
    result = build_site(output, content=tiny, extra={"PLUGINS": json.dumps(swapped)})
    assert result.returncode == 0, result.stderr
    content = _case_box_in_feed(output, TEST_SITEURL)
    assert CASE_NOTE.format(space=" ") in content
