"""Search in a real browser (Playwright driving Debian's chromium) on the production
site served on 127.0.0.1: French words without accents, plurals, a filter, a query
that finds nothing, the header's box, and what the first query downloads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import build_site
from tests.quality.tools import CHROME_FLAGS, built_and_served, require_chromium, start_server
from tests.site.site_helpers import PIXMANIA_PAGE

pytestmark = pytest.mark.quality

FIRST_QUERY_BUDGET = 300 * 1024  # bytes of pagefind/ assets transferred by a first query


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    chromium = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Python playwright is not installed: pip install -r requirements-test.txt")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(chromium), args=CHROME_FLAGS)
        yield browser
        browser.close()


def wait_for_results(page) -> None:
    page.wait_for_function(
        "() => { const s = document.getElementById('recherche-etat').textContent;"
        " return s && !s.startsWith('Recherche en'); }",
        timeout=15000,
    )


def search(browser, site: str, **params: str) -> tuple[str, list[dict[str, str]]]:
    """Open recherche/?… in a fresh context; return the status line and the results."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{site}/recherche/?{urlencode(params)}")
    wait_for_results(page)
    results = page.eval_on_selector_all(
        ".search-result",
        "items => items.map(li => ({title: li.querySelector('h2').textContent,"
        " href: li.querySelector('a').href, meta: li.querySelector('.search-meta').textContent}))",
    )
    status = page.inner_text("#recherche-etat")
    context.close()
    return status, results


def plain(text: str) -> str:
    """Text with French typography's no-break spaces made plain spaces."""
    return " ".join(text.replace("\u202f", " ").replace("\xa0", " ").split())


def titles(results: list[dict[str, str]], first: int = 3) -> list[str]:
    return [plain(r["title"]) for r in results[:first]]


FRENCH_QUERIES = [
    ("camescope", "caméscope livré chez un autre"),  # accent-less finds the accent
    ("caméscope", "caméscope livré chez un autre"),
    ("remboursements", "remboursé en dix jours"),  # plural finds the participle
    ("resiliation refusee", "résiliation refusée"),
    ("colis perdus", "disque dur perdu"),
    ("garantie", "garantie"),
]


@pytest.mark.parametrize(("query", "expected"), FRENCH_QUERIES)
def test_french_queries_find_the_expected_testimony(
    browser, served_site: str, query: str, expected: str
) -> None:
    status, results = search(browser, served_site, q=query)
    assert results, f"« {query} » found nothing: {status}"
    found = [t for t in titles(results, 5) if expected in t]
    assert found, f"« {query} »: {expected!r} not in the first results {titles(results, 5)}"


@pytest.mark.parametrize("site", ["served_site", "split_site"])
def test_a_filter_keeps_only_that_merchant(
    browser, request: pytest.FixtureRequest, site: str
) -> None:
    url = request.getfixturevalue(site)
    status, results = search(browser, url, q="livraison", Marchand="Pixmania")
    assert results, status
    assert all("Pixmania" in r["meta"] or r["title"] == "Pixmania" for r in results)
    status, everyone = search(browser, url, q="livraison")
    assert len(everyone) > len(results)


def test_results_show_the_merchant_and_the_status(browser, served_site: str) -> None:
    _, results = search(browser, served_site, q="camescope")
    pixmania = next(r for r in results if "caméscope" in r["title"])
    assert "Pixmania" in pixmania["meta"] and "en cours" in pixmania["meta"]


def test_a_query_that_matches_nothing_says_so(browser, served_site: str) -> None:
    status, results = search(browser, served_site, q="xylophonistes")
    assert results == []
    assert status.startswith("Aucun résultat")


def test_the_advice_repeated_under_testimonies_finds_nothing(
    browser, served_site: str, served_dir: Path
) -> None:
    """« juriste » is only in the « Que faire ? » section (data-pagefind-ignore). (Other
    boilerplate: tests/site/test_search_index.py reads the index itself, since some words
    absent from the index still match shorter ones: « cercle » finds « ce ».)"""
    assert "juriste" in (served_dir / PIXMANIA_PAGE).read_text(encoding="utf-8")
    status, results = search(browser, served_site, q="juriste")
    assert results == [], f"« juriste » found {titles(results, 5)}"
    assert status.startswith("Aucun résultat")


def test_the_header_box_leads_to_results(browser, served_site: str) -> None:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{served_site}/")
    page.fill("#recherche-entete", "jamais livres")
    page.click(".search-box button")
    page.wait_for_url("**/recherche/?q=jamais+livres")
    wait_for_results(page)
    assert page.locator(".search-result").count() > 0
    context.close()


def test_first_query_downloads_less_than_300_kb(browser, served_site: str) -> None:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(f"{served_site}/recherche/?q=remboursement")
    wait_for_results(page)
    page.wait_for_load_state("networkidle")
    total = 0
    for request in responses:
        if "/pagefind/" in request.url:
            sizes = request.sizes()
            total += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    print(f"first query: {total} bytes of pagefind assets")
    assert 0 < total < FIRST_QUERY_BUDGET, f"first query transferred {total} bytes"


def test_search_works_on_the_development_build(browser, tmp_path: Path) -> None:
    """`invoke build` + `invoke serve`: relative URLs, the same index, working links."""
    output = tmp_path / "dev"
    result = build_site(output, settings="pelicanconf.py")
    assert result.returncode == 0, result.stderr
    server, thread = start_server(output)
    thread.start()
    try:
        site = f"http://127.0.0.1:{server.server_address[1]}"
        status, results = search(browser, site, q="camescope")
        pixmania = [r for r in results if "caméscope" in r["title"]]
        assert pixmania, status
        context = browser.new_context()
        response = context.new_page().goto(pixmania[0]["href"])
        assert response is not None and response.ok
        context.close()
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --- a large site: several bundles merged at query time --------------------------------


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The production site indexed in bundles of at most 4 pages (many bundles)."""
    output = tmp_path_factory.mktemp("split") / "output"
    with built_and_served(output, extra={"COMPLAINTS_SEARCH_BUNDLE_PAGES": "4"}) as url:
        assert (output / "pagefind" / "3" / "pagefind.js").is_file()
        yield url


@pytest.mark.parametrize(("query", "expected"), FRENCH_QUERIES)
def test_bundles_find_what_one_index_finds(
    browser, served_site: str, split_site: str, query: str, expected: str
) -> None:
    status, results = search(browser, split_site, q=query)
    found = [t for t in titles(results, 5) if expected in t]
    assert found, f"« {query} »: {expected!r} not in the first results {titles(results, 5)}"
    one_status, one_results = search(browser, served_site, q=query)
    assert status == one_status
    assert sorted(titles(results, 20)) == sorted(titles(one_results, 20))


# Multi-word queries whose words are in different bundles when the site is split: each
# must find exactly these pages (a part of each title), in one index as in bundles; a
# word no indexed text has is ignored, as Pagefind does (« juriste » is only in the
# « Que faire ? » section, which is not indexed).
MULTI_WORD_QUERIES = [
    ("resiliation refusee", {"une résiliation refusée", "partir coûte 15 €"}),
    ("refusee resiliation", {"une résiliation refusée", "partir coûte 15 €"}),
    ("colis perdus", {"un disque dur perdu", "des rideaux jamais livrés"}),
    ("livraison retard", {"une montre suisse", "une résiliation refusée"}),
    ("pixmania camescope", {"un caméscope livré chez un autre"}),
    ("camescope xyzzy", {"un caméscope livré chez un autre", "À propos"}),
]


@pytest.mark.parametrize("site", ["served_site", "split_site"])
@pytest.mark.parametrize(("query", "expected"), MULTI_WORD_QUERIES)
def test_multi_word_queries_find_exactly_the_expected_pages(
    browser, request: pytest.FixtureRequest, site: str, query: str, expected: set[str]
) -> None:
    status, results = search(browser, request.getfixturevalue(site), q=query)
    found = titles(results, len(results))
    assert len(found) == len(expected), f"« {query} »: {status} {found}"
    for part in expected:
        assert [t for t in found if part in t], f"« {query} »: {part!r} not in {found}"


@pytest.mark.parametrize("site", ["served_site", "split_site"])
def test_a_word_that_is_not_indexed_is_ignored(
    browser, request: pytest.FixtureRequest, site: str
) -> None:
    url = request.getfixturevalue(site)
    _, alone = search(browser, url, q="remboursement")
    _, with_advice_word = search(browser, url, q="juriste remboursement")
    assert len(alone) > 2
    assert sorted(titles(with_advice_word, 50)) == sorted(titles(alone, 50))
