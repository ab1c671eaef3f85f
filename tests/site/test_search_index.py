"""What Pagefind indexed in the production build, read from its own fragments (the text
each result's words and excerpt come from): every page marked for search, the story
and the case of a testimony, not the boilerplate repeated from page to page."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from complaints.edge.search_index import VOCABULARY_FILE
from tests.support.builds import SessionSite
from tests.support.pages import html_pages, soup
from tests.support.sample import PIXMANIA_PAGE

PIXMANIA_MERCHANT = "marchands/pixmania/index.html"
FRAGMENT_PREFIX = b"pagefind_dcd"  # Pagefind's marker before each decompressed file

# Text the theme repeats on many pages, with where it comes from
BOILERPLATE = {
    "juriste": "« Que faire ? » (partials/que_faire.html)",
    "Exercez votre droit de réponse": "reader links (partials/reader_links.html)",
    "toute ressemblance": "fictional notice (macros.fictional_notice)",
    "Repères": "timeline legend (complaints/templates/case.html)",
    "Retour à la une": "back link of a testimony",
    "Tous les marchands": "back link of a merchant page",
}


def fragments(bundle: Path) -> dict[str, str]:
    """URL → indexed text, for every page of one Pagefind bundle."""
    found = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(path.read_bytes())
        assert data.startswith(FRAGMENT_PREFIX)
        fragment = json.loads(data[len(FRAGMENT_PREFIX) :])
        found[fragment["url"]] = fragment["content"]
    return found


def marked_pages(site: Path) -> set[str]:
    """URLs of the built pages the theme marks for search."""
    return {
        url_of(page.relative_to(site).as_posix())
        for page in html_pages(site)
        if b"data-pagefind-body" in page.read_bytes()
    }


def word(token: str) -> str:
    """A token of a fragment without the punctuation Pagefind adds or ignores."""
    return token.strip(".,;:!?()«»\"'").lower()


def url_of(relative: str) -> str:
    return "/" + relative.removesuffix("index.html")


@pytest.fixture(scope="module")
def indexed(built_site: Path) -> dict[str, str]:
    return fragments(built_site / "pagefind")


def test_every_page_marked_for_search_is_indexed_and_nothing_else(
    built_site: Path, indexed: dict[str, str]
) -> None:
    marked = marked_pages(built_site)
    assert marked and set(indexed) == marked
    assert not (built_site / "pagefind" / "2").exists()  # the sample site: one bundle
    assert "data-more-indexes" not in (built_site / "recherche" / "index.html").read_text()


def test_a_large_site_is_indexed_in_bundles_the_search_page_merges(
    split_site: SessionSite,
) -> None:
    """Runs of at most COMPLAINTS_SEARCH_BUNDLE_PAGES pages (4 here): each marked page
    in exactly one bundle, every bundle listed on the search page, and in every bundle
    the vocabulary record (every word any bundle indexed), whose file is then removed."""
    site = split_site.output
    more = soup(site, "recherche/index.html").select_one("form#recherche")["data-more-indexes"]
    bundles = [site / "pagefind", *(site / folder for folder in more.split())]
    assert len(bundles) > 2 and all((b / "pagefind.js").is_file() for b in bundles)
    per_bundle = [fragments(bundle) for bundle in bundles]
    vocabulary_url = "/" + VOCABULARY_FILE
    vocabularies = [urls.pop(vocabulary_url) for urls in per_bundle]
    assert not (site / VOCABULARY_FILE).exists()
    assert all(per_bundle)
    indexed_words = {word(w) for urls in per_bundle for text in urls.values() for w in text.split()}
    for vocabulary in vocabularies:
        assert indexed_words - {word(w) for w in vocabulary.split()} <= {""}
        assert "juriste" not in vocabulary  # only in « Que faire ? », not indexed
    # more than 4 pages only when they share one folder (the merchant pages here)
    for urls in per_bundle:
        assert len(urls) <= 4 or len({url.rsplit("/", 2)[0] for url in urls}) == 1, urls
    every = [url for urls in per_bundle for url in urls]
    assert len(every) == len(set(every))
    assert set(every) == marked_pages(site)


@pytest.mark.parametrize("page", [PIXMANIA_PAGE, PIXMANIA_MERCHANT])
def test_boilerplate_is_on_the_page_but_not_in_the_index(
    built_site: Path, indexed: dict[str, str], page: str
) -> None:
    shown = soup(built_site, page).select_one("[data-pagefind-body]").get_text(" ")
    text = indexed[url_of(page)]
    on_page = [words for words in BOILERPLATE if words in shown]
    assert on_page  # else the test proves nothing
    assert [(w, BOILERPLATE[w]) for w in on_page if w in text] == []


def test_no_testimony_indexes_the_advice_or_the_notices(indexed: dict[str, str]) -> None:
    for url, text in indexed.items():
        leaked = [w for w in ("juriste", "toute ressemblance", "Repères") if w in text]
        assert leaked == [], url


def test_a_testimony_indexes_its_title_story_and_case(indexed: dict[str, str]) -> None:
    text = indexed[url_of(PIXMANIA_PAGE)]
    for words in ("caméscope livré chez un autre", "Pixmania", "Le dossier", "Chronologie"):
        assert words in text, words


def test_a_merchant_page_indexes_the_merchant_not_its_testimony_list(
    built_site: Path, indexed: dict[str, str]
) -> None:
    text = indexed[url_of(PIXMANIA_MERCHANT)]
    assert "Pixmania" in text
    listed = soup(built_site, PIXMANIA_MERCHANT).select(".merchant-testimonies .card-title")
    assert listed
    assert [t.get_text() for t in listed if t.get_text() in text] == []


def test_the_vocabulary_keeps_the_words_of_pages_as_written_and_reads_the_others(
    tmp_path: Path,
) -> None:
    """The words of a searched page are noted when it is written (each word once per
    process); a searched page not reported is read at the end; other pages add nothing."""
    from complaints.edge.search_index import (
        SEEN_KEY,
        WORDS_KEY,
        WRITTEN_KEY,
        _NewWords,
        _Seen,
        note_page_words,
        site_vocabulary,
    )

    def page(name: str, text: str) -> str:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(
            f'<html lang="fr"><body><main data-pagefind-body>{text}</main></body></html>'
        )
        return str(path)

    searched = ["a/index.html", "b/index.html", "c/index.html"]
    seen = _Seen(frozenset(searched))
    context = {SEEN_KEY: seen, WORDS_KEY: _NewWords(seen), WRITTEN_KEY: []}
    for name, text in (("a/index.html", "alpha commun"), ("b/index.html", "beta commun"),
                       ("autre/index.html", "ailleurs")):  # fmt: skip
        note_page_words(page(name, text), {**context, "output_file": name})  # Pelican's copy
    assert sorted(context[WORDS_KEY]) == ["alpha", "beta", "commun"]
    assert context[WRITTEN_KEY] == ["a/index.html", "b/index.html"]
    page("a/index.html", "changé après coup")  # a reported page is not read again
    page("c/index.html", "gamma")  # written by other means: read at the end
    words = site_vocabulary(tmp_path, searched, context)
    assert words == {"alpha", "beta", "commun", "gamma"}
    context[WORDS_KEY].extend(["commun", "delta"])  # a worker's report, merged: each word once
    assert sorted(context[WORDS_KEY]) == ["alpha", "beta", "commun", "delta"]
    assert "delta" in seen.words  # a process forked from now on does not report it
