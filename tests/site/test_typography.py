"""French typography on every string a reader sees, pages and feeds alike."""

from __future__ import annotations

import json
from pathlib import Path

import feedparser
import pytest

from pelicanconf import PLUGINS
from tests.conftest import TEST_SITEURL, build_site
from tests.site.site_helpers import PIXMANIA_PAGE, soup
from tests.site.typography_scan import findings_in_feed, findings_in_html, scan_site

PIXMANIA_URL = f"{TEST_SITEURL}/2009/07/pixmania-camescope-livre-chez-un-autre/"
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


def _case_box_in_feed(site: Path) -> str:
    parsed = feedparser.parse(str(site / "feeds/marchands/pixmania.atom.xml"))
    entry = next(e for e in parsed.entries if e.link == PIXMANIA_URL)
    return entry.content[0].value


def test_case_box_is_typeset_with_the_settings_plugin_order(built_site: Path) -> None:
    """Fails when ``typographie`` runs before ``complaints`` in PLUGINS (pelicanconf)."""
    content = _case_box_in_feed(built_site)
    assert 'class="case"' in content
    assert CASE_NOTE.format(space="\u202f") in content, "case box not typeset: plugin order?"


@pytest.fixture(scope="module")
def site_with_swapped_plugins(tmp_path_factory: pytest.TempPathFactory) -> Path:
    swapped = list(PLUGINS)
    i, j = swapped.index("complaints"), swapped.index("typographie")
    assert i < j, f"PLUGINS lists typographie before complaints: {PLUGINS}"
    swapped[i], swapped[j] = swapped[j], swapped[i]
    output = tmp_path_factory.mktemp("swapped") / "output"
    result = build_site(output, extra={"PLUGINS": json.dumps(swapped)})
    assert result.returncode == 0, result.stderr
    return output


def test_swapping_the_plugin_order_loses_the_case_box_typography(
    site_with_swapped_plugins: Path,
) -> None:
    """Why the order matters: the case box is inserted after typographie's pass."""
    content = _case_box_in_feed(site_with_swapped_plugins)
    assert CASE_NOTE.format(space=" ") in content
