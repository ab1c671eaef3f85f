"""Findability on the production build: sitemap, robots, sharing tags, topic pages and
feeds, related testimonies, search marks. (Queries in a browser: tests/quality/test_search.py.)"""

from __future__ import annotations

import struct
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from complaints.editorial.frontmatter import split_front_matter
from tests.support.builds import SessionSite
from tests.support.pages import html_pages, local_path, soup
from tests.support.sample import CONTENT, PIXMANIA_PAGE

SCHEMA = Path(__file__).parent / "schemas" / "sitemap.xsd"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def published_testimonies() -> list[dict]:
    """Front matter of every published testimony of the sample content."""
    found = []
    for path in sorted((CONTENT / "temoignages").rglob("*.md")):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        if str(meta.get("status", "published")).lower() != "draft":
            found.append(meta)
    return found


def indexable_pages(site: Path, siteurl: str) -> set[str]:
    """URLs of every page a search engine should see, from the files of the build."""
    urls = set()
    for page in html_pages(site):
        rel = page.relative_to(site).as_posix()
        if rel == "404.html" or "/page/" in f"/{rel}" or rel.startswith("pagefind/"):
            continue
        urls.add(f"{siteurl}/{rel.removesuffix('index.html')}")
    return urls


# --- sitemap and robots -------------------------------------------------------------


def sitemap_locs(site: Path) -> list[str]:
    tree = etree.parse(str(site / "sitemap.xml"))
    return [loc.text for loc in tree.findall("s:url/s:loc", NS)]


def test_sitemap_is_valid_against_the_sitemaps_org_schema(built_site: Path) -> None:
    schema = etree.XMLSchema(etree.parse(str(SCHEMA)))
    document = etree.parse(str(built_site / "sitemap.xml"))
    assert schema.validate(document), schema.error_log


def test_sitemap_lists_every_indexable_page_and_nothing_else(
    built_site: Path, site_url: str
) -> None:
    locs = sitemap_locs(built_site)
    assert len(locs) == len(set(locs))
    for loc in locs:
        assert local_path(built_site, loc, site_url).is_file(), f"{loc} is listed but was not built"
        assert "/page/" not in loc and "404" not in loc and "/feeds/" not in loc
        assert "brouillon" not in loc
    assert set(locs) == indexable_pages(built_site, site_url)
    assert f"{site_url}/" in locs
    assert f"{site_url}/{PIXMANIA_PAGE.removesuffix('index.html')}" in locs


def test_sitemap_dates_come_from_the_content_and_two_builds_agree(
    built_site: Path, site_url: str, untouched_production: SessionSite
) -> None:
    """The second build is the session's build by Pelican untouched (PARALLEL=false)."""
    tree = etree.parse(str(built_site / "sitemap.xml"))
    lastmods = {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in tree.findall("s:url", NS)
    }
    pixmania = f"{site_url}/{PIXMANIA_PAGE.removesuffix('index.html')}"
    assert lastmods[pixmania] == "2009-07-06"  # its outcome.as_of, not the build day
    assert lastmods[f"{site_url}/marchands/pixmania/"] == "2009-07-06"
    again = untouched_production.output
    assert (again / "sitemap.xml").read_bytes() == (built_site / "sitemap.xml").read_bytes()


def test_robots_names_the_absolute_sitemap(built_site: Path, site_url: str) -> None:
    robots = (built_site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in robots
    assert f"Sitemap: {site_url}/sitemap.xml" in robots


# --- sharing ------------------------------------------------------------------------


def test_every_page_has_open_graph_and_a_short_description(built_site: Path) -> None:
    descriptions: dict[str, str] = {}
    for page in html_pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel.startswith("pagefind/"):
            continue
        doc = soup(built_site, rel)
        for prop in ("og:title", "og:description", "og:url", "og:type", "og:image"):
            tag = doc.find("meta", property=prop)
            assert tag and tag["content"].strip(), f"{rel}: no {prop}"
        assert doc.find("meta", attrs={"name": "twitter:card"}), f"{rel}: no twitter:card"
        description = doc.find("meta", attrs={"name": "description"})["content"]
        assert 0 < len(description) <= 160, f"{rel}: description of {len(description)} chars"
        assert doc.find("meta", property="og:description")["content"] == description
        descriptions[rel] = description
    paginated = [rel for rel in descriptions if "/page/" in f"/{rel}"]
    assert paginated, "the sample site should have paginated lists"
    for rel in paginated:
        first = rel.split("page/")[0] + "index.html"
        assert descriptions[rel] != descriptions[first], f"{rel} repeats {first}"
    repeated = [d for d, n in Counter(descriptions.values()).items() if n > 1]
    assert not [rel for rel in paginated if descriptions[rel] in repeated]


def test_testimonies_are_shared_as_articles(built_site: Path, site_url: str) -> None:
    doc = soup(built_site, PIXMANIA_PAGE)
    assert doc.find("meta", property="og:type")["content"] == "article"
    assert doc.find("meta", property="article:published_time")["content"].startswith("2009-07-06")
    assert doc.find("meta", property="article:section")["content"]
    assert doc.find("meta", property="og:url")["content"] == (
        f"{site_url}/{PIXMANIA_PAGE.removesuffix('index.html')}"
    )


def test_the_sharing_image_is_a_1200_by_630_png(built_site: Path, site_url: str) -> None:
    url = soup(built_site, "index.html").find("meta", property="og:image")["content"]
    data = local_path(built_site, url, site_url).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", data[16:24]) == (1200, 630)


# --- topic pages --------------------------------------------------------------------


def test_topic_pages_list_every_testimony_of_their_category(
    built_site: Path, site_url: str
) -> None:
    expected = Counter()
    for meta in published_testimonies():
        for category in {i.split(".")[0] for i in meta["testimony"]["issues"]}:
            expected[category] += 1
    pages = {
        "delivery": "livraison",
        "refund": "remboursement",
        "customer_service": "service-client",
    }
    for category, slug in pages.items():
        doc = soup(built_site, f"problemes/{slug}/index.html")
        links = doc.select(".topic-testimonies a[href]")
        assert len(links) == expected[category], slug
        for a in links:
            assert local_path(built_site, a["href"], site_url).is_file()
        counts = [int(li.get_text(" ").split()[-2]) for li in doc.select(".status-counts li")]
        assert sum(counts) == expected[category]
        merchants = doc.select(".topic-merchants a[href]")
        assert merchants and all("/marchands/" in a["href"] for a in merchants)
        for kind in ("atom", "rss"):
            feed = built_site / f"feeds/problemes/{slug}.{kind}.xml"
            entries = etree.parse(str(feed)).getroot()
            items = entries.findall("{http://www.w3.org/2005/Atom}entry") or entries.findall(
                "channel/item"
            )
            assert len(items) == expected[category], f"{feed.name}"
    index = soup(built_site, "problemes/index.html")
    assert len(index.select(".topics-list a")) == len(expected)


def test_every_case_box_links_to_its_topic_pages(built_site: Path, site_url: str) -> None:
    for page in sorted(built_site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*/index.html")):
        doc = soup(built_site, page.relative_to(built_site).as_posix())
        links = doc.select("section.case a[href*='/problemes/']")
        assert links, f"{page}: no topic link in the case box"
        for a in links:
            assert local_path(built_site, a["href"], site_url).is_file()


# --- related testimonies ------------------------------------------------------------


def test_related_testimonies_same_merchant_first(built_site: Path, site_url: str) -> None:
    doc = soup(built_site, "2010/03/techno-bazar-lunaire-disque-dur-perdu/index.html")
    related = doc.select(".related-list li")
    assert 3 <= len(related) <= 5
    assert "Techno-Bazar" in related[0].get_text()
    for li in related:
        assert local_path(built_site, li.a["href"], site_url).is_file()
    neighbours = doc.select(".section-neighbours a[rel]")
    assert neighbours and all(
        local_path(built_site, a["href"], site_url).is_file() for a in neighbours
    )


# --- search marks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "indexed"),
    [
        (PIXMANIA_PAGE, True),
        ("marchands/pixmania/index.html", True),
        ("a-propos/index.html", True),
        ("index.html", False),
        ("page/2/index.html", False),
        ("etiquettes/livraison/index.html", False),
        ("problemes/livraison/index.html", False),
        ("archives/index.html", False),
    ],
)
def test_only_testimonies_merchants_and_pages_are_indexed(
    built_site: Path, page: str, indexed: bool
) -> None:
    assert bool(soup(built_site, page).select("[data-pagefind-body]")) is indexed


def test_testimonies_carry_search_filters_and_result_metadata(built_site: Path) -> None:
    doc = soup(built_site, PIXMANIA_PAGE)
    filters = {tag["data-pagefind-filter"] for tag in doc.select("[data-pagefind-filter]")}
    assert {"Marchand:Pixmania", "Statut:en cours", "Année:2009"} <= filters
    assert {"Problème:Livraison", "Problème:Remboursement", "Problème:Service client"} <= filters
    assert any(f.startswith("Rubrique:") for f in filters)
    meta = {tag["data-pagefind-meta"] for tag in doc.select("[data-pagefind-meta]")}
    assert {"marchand:Pixmania", "statut:en cours"} <= meta
    assert (built_site / "pagefind" / "pagefind.js").is_file()


def test_every_page_has_a_search_box_that_works_without_javascript(
    built_site: Path, site_url: str
) -> None:
    for rel in ("index.html", PIXMANIA_PAGE, "marchands/index.html"):
        form = soup(built_site, rel).select_one("header form[role=search]")
        assert form["method"] == "get" and form["action"] == f"{site_url}/recherche/"
        assert form.select_one("input[name=q]")["id"] == form.select_one("label")["for"]
    search = soup(built_site, "recherche/index.html")
    fallback = search.select("noscript a[href]")
    assert {f"{site_url}/marchands/", f"{site_url}/problemes/"} <= {a["href"] for a in fallback}


# --- the index is part of the build -------------------------------------------------


def test_indexing_failure_is_an_error_with_exit_code(tmp_path: Path) -> None:
    from complaints.edge.search_index import SearchIndexError, index_site

    with pytest.raises(SearchIndexError, match="index de recherche") as error:
        index_site(tmp_path)  # nothing to index: Pagefind exits 1
    assert error.value.exitcode == 1


def test_indexing_writes_the_bundle_from_the_wheel_binary(tmp_path: Path) -> None:
    from complaints.edge.search_index import index_site, pagefind_executable

    assert "pagefind_bin" in str(pagefind_executable())  # shipped by the wheel, not downloaded
    page = (
        '<html lang="fr"><body><main data-pagefind-body><h1>Un caméscope</h1></main></body></html>'
    )
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    index_site(tmp_path)
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert list((tmp_path / "pagefind").glob("wasm.fr.pagefind"))
