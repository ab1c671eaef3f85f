"""Which built files Pagefind reads: complaints.search_scope."""

from __future__ import annotations

from fnmatch import fnmatch

import pytest

from complaints.search_scope import ALL_HTML, path_shape, search_glob


@pytest.mark.parametrize(
    ("path", "shape"),
    [
        ("2015/02/bazar-matelas-00909/index.html", "2015/*/*/index.html"),
        ("marchands/pixmania/index.html", "marchands/*/index.html"),
        ("a-propos/index.html", "a-propos/index.html"),
        ("a-propos.html", "a-propos.html"),
        ("/methodologie/index.html", "methodologie/index.html"),
        ("a/b/c/d/e.html", "a/*/*/*/e.html"),
    ],
)
def test_inner_folders_become_stars(path: str, shape: str) -> None:
    assert path_shape(path) == shape


@pytest.mark.parametrize(
    "path",
    ["{a,b}/index.html", "x/*/index.html", "r[1]/index.html", "../secret.html", "a b/index.html"],
)
def test_a_path_with_glob_syntax_has_no_shape(path: str) -> None:
    assert path_shape(path) is None


def test_one_alternative_matches_every_page_given_and_not_the_lists() -> None:
    pages = [
        "2015/02/a/index.html",
        "2015/03/b/index.html",
        "2016/01/c/index.html",
        "marchands/pixmania/index.html",
        "a-propos/index.html",
    ]
    glob = search_glob(pages)
    assert glob == (
        "{2015/*/*/index.html,2016/*/*/index.html,a-propos/index.html,marchands/*/index.html}"
    )
    alternatives = glob.strip("{}").split(",")
    assert all(any(fnmatch(p, a) for a in alternatives) for p in pages)
    for listing in (
        "index.html",
        "2015/index.html",
        "marchands/index.html",
        "etiquettes/x/index.html",
    ):
        assert not any(fnmatch(listing, a) for a in alternatives)


def test_a_single_shape_needs_no_braces() -> None:
    assert search_glob(["2015/02/a/index.html", "2015/03/b/index.html"]) == "2015/*/*/index.html"


def test_unwritten_content_is_skipped_and_nothing_means_every_html_file() -> None:
    assert search_glob(["", "a-propos/index.html"]) == "a-propos/index.html"
    assert search_glob([]) == ALL_HTML
    assert search_glob([""]) == ALL_HTML


def test_one_path_that_cannot_be_a_glob_means_every_html_file() -> None:
    assert search_glob(["a-propos/index.html", "x{y}/index.html"]) == ALL_HTML
