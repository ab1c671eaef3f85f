"""Which built files Pagefind reads, in how many runs: complaints.search_scope."""

from __future__ import annotations

import re

import pytest

from complaints.outputs.search_scope import ALL_HTML, path_shape, search_bundles, with_path


def matches(glob: str, path: str) -> bool:
    """Pagefind's reading of a glob of the shapes made here: ``*`` within one folder."""
    alternatives = glob[1:-1].split(",") if glob.startswith("{") else [glob]
    return any(re.fullmatch(re.escape(a).replace(r"\*", "[^/]*"), path) for a in alternatives)


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("2015/02/bazar-matelas-00909/index.html", "2015/02/*/index.html"),
        ("marchands/pixmania/index.html", "marchands/*/index.html"),
        ("a-propos/index.html", "a-propos/index.html"),
        ("a-propos.html", "a-propos.html"),
        ("/methodologie/index.html", "methodologie/index.html"),
        ("a/b/c/d/e.html", "a/b/c/*/e.html"),
    ],
)
def test_the_folder_holding_the_file_becomes_a_star(path: str, shape: str) -> None:
    assert path_shape(path) == shape


@pytest.mark.parametrize(
    "path",
    ["{a,b}/index.html", "x/*/index.html", "r[1]/index.html", "../secret.html", "a b/index.html"],
)
def test_a_path_with_glob_syntax_has_no_shape(path: str) -> None:
    assert path_shape(path) is None


PAGES = [
    "2015/02/a/index.html",
    "2015/02/b/index.html",
    "2015/03/c/index.html",
    "2016/01/d/index.html",
    "marchands/pixmania/index.html",
    "a-propos/index.html",
]
LISTS = ["index.html", "2015/index.html", "2015/02/index.html", "marchands/index.html"]


def test_one_run_matches_every_page_given_and_not_the_lists() -> None:
    [glob] = search_bundles(PAGES)
    assert glob == (
        "{2015/02/*/index.html,2015/03/*/index.html,2016/01/*/index.html,"
        "a-propos/index.html,marchands/*/index.html}"
    )
    assert all(matches(glob, page) for page in PAGES)
    assert not any(matches(glob, page) for page in [*LISTS, "etiquettes/x/index.html"])


def test_runs_of_at_most_max_pages_share_every_page_once() -> None:
    runs = search_bundles(PAGES, max_pages=3)
    assert len(runs) == 2
    for page in PAGES:
        assert sum(matches(glob, page) for glob in runs) == 1, page
    assert [sum(matches(glob, p) for p in PAGES) for glob in runs] == [3, 3]


def test_a_shape_larger_than_a_run_is_a_run_of_its_own() -> None:
    runs = search_bundles(PAGES, max_pages=1)
    assert runs[0] == "2015/02/*/index.html"  # two pages: one folder cannot be split
    assert len(runs) == 5


def test_no_limit_means_one_run_and_a_single_shape_needs_no_braces() -> None:
    assert len(search_bundles(PAGES * 1000, max_pages=0)) == 1
    assert search_bundles(["2015/02/a/index.html", "2015/02/b/index.html"]) == [
        "2015/02/*/index.html"
    ]


def test_unwritten_content_is_skipped_and_nothing_means_every_html_file() -> None:
    assert search_bundles(["", "a-propos/index.html"]) == ["a-propos/index.html"]
    assert search_bundles([]) == [ALL_HTML]
    assert search_bundles([""]) == [ALL_HTML]


def test_one_path_that_cannot_be_a_glob_means_every_html_file_in_one_run() -> None:
    assert search_bundles(["a-propos/index.html", "x{y}/index.html"], max_pages=1) == [ALL_HTML]


def test_with_path_adds_one_plain_file_to_a_run() -> None:
    runs = search_bundles(PAGES, max_pages=3)
    for glob in runs:
        extended = with_path(glob, "pagefind-vocabulaire.html")
        assert matches(extended, "pagefind-vocabulaire.html")
        assert [p for p in PAGES if matches(extended, p)] == [p for p in PAGES if matches(glob, p)]
    assert with_path("a/*/index.html", "v.html") == "{a/*/index.html,v.html}"
