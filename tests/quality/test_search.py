"""Search in a real browser (Playwright driving Debian's chromium) on the production
site served on 127.0.0.1: French words without accents, plurals, a filter, a query
that finds nothing, the header's box, and what the first query downloads."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.support.builds import SessionSite
from tests.support.sample import PIXMANIA_PAGE

pytestmark = pytest.mark.quality

FIRST_QUERY_BUDGET = 300 * 1024  # bytes of pagefind/ assets transferred by a first query


@pytest.fixture(scope="module")
def split_url(split_site: SessionSite) -> str:
    """The production site indexed in bundles of at most 4 pages (many bundles)."""
    assert (split_site.output / "pagefind" / "3" / "pagefind.js").is_file()
    return split_site.url


def wait_for_results(page) -> None:
    page.wait_for_function(
        "() => { const s = document.getElementById('recherche-etat').textContent;"
        " return s && !s.startsWith('Recherche en'); }",
        timeout=15000,
    )


Search = Callable[..., tuple[str, list[dict[str, str]]]]


@pytest.fixture(scope="module")
def search(browser) -> Iterator[Search]:
    """``search(site, **params)``: open ``site``/recherche/?… and return the status line
    and the results. One tab per site, searching again as a reader does (each search
    loads the page anew); a search already made on a site is answered from memory."""
    context = browser.new_context(locale="fr-FR")
    tabs: dict[str, Any] = {}
    made: dict[tuple[str, str], tuple[str, list[dict[str, str]]]] = {}

    def run(site: str, **params: str) -> tuple[str, list[dict[str, str]]]:
        query = urlencode(params)
        if (site, query) not in made:
            tab = tabs[site] if site in tabs else tabs.setdefault(site, context.new_page())
            tab.goto(f"{site}/recherche/?{query}")
            wait_for_results(tab)
            results = tab.eval_on_selector_all(
                ".search-result",
                "items => items.map(li => ({title: li.querySelector('h2').textContent,"
                " href: li.querySelector('a').href,"
                " meta: li.querySelector('.search-meta').textContent}))",
            )
            made[(site, query)] = (tab.inner_text("#recherche-etat"), results)
        status, results = made[(site, query)]
        return status, [dict(result) for result in results]

    yield run
    context.close()


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
    search: Search, site_url: str, query: str, expected: str
) -> None:
    status, results = search(site_url, q=query)
    assert results, f"« {query} » found nothing: {status}"
    found = [t for t in titles(results, 5) if expected in t]
    assert found, f"« {query} »: {expected!r} not in the first results {titles(results, 5)}"


@pytest.mark.parametrize("site", ["site_url", "split_url"])
def test_a_filter_keeps_only_that_merchant(
    search: Search, request: pytest.FixtureRequest, site: str
) -> None:
    url = request.getfixturevalue(site)
    status, results = search(url, q="livraison", Marchand="Pixmania")
    assert results, status
    assert all("Pixmania" in r["meta"] or r["title"] == "Pixmania" for r in results)
    status, everyone = search(url, q="livraison")
    assert len(everyone) > len(results)


def test_results_show_the_merchant_and_the_status(search: Search, site_url: str) -> None:
    _, results = search(site_url, q="camescope")
    pixmania = next(r for r in results if "caméscope" in r["title"])
    assert "Pixmania" in pixmania["meta"] and "en cours" in pixmania["meta"]


def test_a_query_that_matches_nothing_says_so(search: Search, site_url: str) -> None:
    status, results = search(site_url, q="xylophonistes")
    assert results == []
    assert status.startswith("Aucun résultat")


def test_the_advice_repeated_under_testimonies_finds_nothing(
    search: Search, site_url: str, built_site: Path
) -> None:
    """« juriste » is only in the « Que faire ? » section (data-pagefind-ignore). (Other
    boilerplate: tests/site/test_search_index.py reads the index itself, since some words
    absent from the index still match shorter ones: « cercle » finds « ce ».)"""
    assert "juriste" in (built_site / PIXMANIA_PAGE).read_text(encoding="utf-8")
    status, results = search(site_url, q="juriste")
    assert results == [], f"« juriste » found {titles(results, 5)}"
    assert status.startswith("Aucun résultat")


def test_the_header_box_leads_to_results(browser, site_url: str) -> None:
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    page.goto(f"{site_url}/")
    page.fill("#recherche-entete", "jamais livres")
    page.click(".search-box button")
    page.wait_for_url("**/recherche/?q=jamais+livres")
    wait_for_results(page)
    assert page.locator(".search-result").count() > 0
    context.close()


def test_first_query_downloads_less_than_300_kb(browser, site_url: str) -> None:
    """In a fresh context: nothing in the browser's cache."""
    context = browser.new_context(locale="fr-FR")
    page = context.new_page()
    responses = []
    page.on("requestfinished", lambda request: responses.append(request))
    page.goto(f"{site_url}/recherche/?q=remboursement")
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


def test_search_works_on_the_development_build(
    browser, search: Search, development: SessionSite
) -> None:
    """`invoke build` + `invoke serve`: relative URLs, the same index, working links."""
    status, results = search(development.url, q="camescope")
    pixmania = [r for r in results if "caméscope" in r["title"]]
    assert pixmania, status
    context = browser.new_context()
    response = context.new_page().goto(pixmania[0]["href"])
    assert response is not None and response.ok
    context.close()


# --- a large site: several bundles merged at query time --------------------------------


@pytest.mark.parametrize(("query", "expected"), FRENCH_QUERIES)
def test_bundles_find_what_one_index_finds(
    search: Search, site_url: str, split_url: str, query: str, expected: str
) -> None:
    status, results = search(split_url, q=query)
    found = [t for t in titles(results, 5) if expected in t]
    assert found, f"« {query} »: {expected!r} not in the first results {titles(results, 5)}"
    one_status, one_results = search(site_url, q=query)
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


@pytest.mark.parametrize("site", ["site_url", "split_url"])
@pytest.mark.parametrize(("query", "expected"), MULTI_WORD_QUERIES)
def test_multi_word_queries_find_exactly_the_expected_pages(
    search: Search, request: pytest.FixtureRequest, site: str, query: str, expected: set[str]
) -> None:
    status, results = search(request.getfixturevalue(site), q=query)
    found = titles(results, len(results))
    assert len(found) == len(expected), f"« {query} »: {status} {found}"
    for part in expected:
        assert [t for t in found if part in t], f"« {query} »: {part!r} not in {found}"


@pytest.mark.parametrize("site", ["site_url", "split_url"])
def test_a_word_that_is_not_indexed_is_ignored(
    search: Search, request: pytest.FixtureRequest, site: str
) -> None:
    url = request.getfixturevalue(site)
    _, alone = search(url, q="remboursement")
    _, with_advice_word = search(url, q="juriste remboursement")
    assert len(alone) > 2
    assert sorted(titles(with_advice_word, 50)) == sorted(titles(alone, 50))
