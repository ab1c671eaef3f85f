"""The URL memo (parallel_build.url_memo) gives what Pelican gives, whatever changes."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from parallel_build import url_memo
from parallel_build.url_memo import PELICAN_EXPAND_SETTINGS, begin_memo, end_memo
from pelican.contents import Article, Content, Page, Static
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Category
from pelican.utils import SafeDatetime

SETTINGS = {
    **DEFAULT_CONFIG,
    "ARTICLE_URL": "{date:%Y}/{rubrique}/{slug}/",
    "ARTICLE_SAVE_AS": "{date:%Y}/{rubrique}/{slug}/index.html",
    "PAGE_URL": "{slug}/",
}


@pytest.fixture(autouse=True)
def pelican_urls_after() -> Iterator[None]:
    yield
    end_memo()


@contextmanager
def memoized_urls() -> Iterator[None]:
    """A fresh memo for the block, as a build has from get_generators to finalized."""
    begin_memo()
    try:
        yield
    finally:
        end_memo()


def urls_are_memoised() -> bool:
    return Content._expand_settings is not PELICAN_EXPAND_SETTINGS


def content(kind: type[Content], **metadata: object) -> Content:
    metadata = {"title": "T", "date": SafeDatetime(2020, 1, 1), "rubrique": "x", **metadata}
    return kind("<p>x</p>", metadata=metadata, settings=dict(SETTINGS), source_path="a.md")


def test_urls_and_save_as_are_pelicans_own() -> None:
    article, page = content(Article, slug="un"), content(Page, slug="deux")
    draft = content(Article, slug="trois", status="draft")
    expected = [(c.url, c.save_as) for c in (article, page, draft)]
    with memoized_urls():
        assert urls_are_memoised()
        for _ in range(2):  # formatted, then from the memo
            assert [(c.url, c.save_as) for c in (article, page, draft)] == expected
    assert not urls_are_memoised()
    assert expected[0] == ("2020/x/un/", "2020/x/un/index.html")


@pytest.fixture
def formatted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The keys Pelican itself formats (each memo miss), in order."""
    keys: list[str] = []

    def pelican(self: Content, key: str, klass: str | None = None) -> str:
        keys.append(key)
        return PELICAN_EXPAND_SETTINGS(self, key, klass)

    monkeypatch.setattr(url_memo, "PELICAN_EXPAND_SETTINGS", pelican)
    return keys


def test_a_value_is_formatted_once_per_set_of_inputs(formatted: list[str]) -> None:
    article = content(Article, slug="un")
    with memoized_urls():
        assert [article.url for _ in range(3)] == ["2020/x/un/"] * 3
        assert formatted == ["url"]


def test_a_changed_slug_date_or_metadata_formats_again() -> None:
    article = content(Article, slug="a")
    with memoized_urls():
        assert article.url == article.url == "2020/x/a/"
        article.slug = "b"
        assert article.url == "2020/x/b/"
        article.date = SafeDatetime(2021, 1, 1)
        assert article.url == "2021/x/b/"
        article.metadata["rubrique"] = "y"
        assert article.url == "2021/y/b/"
        article.metadata["rubrique"] = ["y"]  # unhashable: Pelican formats it
        assert article.url == "2021/['y']/b/"
        article.settings = {**SETTINGS, "ARTICLE_URL": "{category}/{slug}/"}
        article.category = Category("une", article.settings)
        assert article.url == "une/b/"
        article.category = Category("autre", article.settings)
        assert article.url == "autre/b/"


def test_static_files_are_left_alone() -> None:
    static = content(Static, slug="image")
    with memoized_urls():
        before = static.url
        static.override_url = "ailleurs/image.png"  # {attach} moves a static file
        assert static.url == "ailleurs/image.png" != before


def test_each_build_starts_with_a_fresh_memo() -> None:
    article = content(Article, slug="un")
    begin_memo()  # get_generators of a build that then fails: no finalized
    failed = Content._expand_settings
    assert article.url == "2020/x/un/"
    begin_memo()  # get_generators of the next build (Pelican's autoreload)
    assert Content._expand_settings is not failed
    end_memo()  # finalized
    assert Content._expand_settings is PELICAN_EXPAND_SETTINGS


def test_what_a_worker_formatted_is_adopted_by_the_twin_it_sends(formatted: list[str]) -> None:
    """A worker's URL and save_as reach the main process's memo with the article (a
    copy), which formats them only when its fields differ; the worker forgets them."""
    with memoized_urls():
        read = content(Article, slug="un")
        size = url_memo.memo_size()
        taken = url_memo.take_formatted(size, read)
        assert sorted(formatted) == ["save_as", "url"]
        assert url_memo.memo_size() == size  # the worker keeps nothing of it
        twin, changed = content(Article, slug="un"), content(Article, slug="deux")
        url_memo.adopt(twin, taken)
        url_memo.adopt(changed, taken)
        formatted.clear()
        assert (twin.url, twin.save_as) == ("2020/x/un/", "2020/x/un/index.html")
        assert formatted == []
        assert changed.url == "2020/x/deux/" and formatted == ["url"]
    assert url_memo.take_formatted(0, read) == []  # outside a build: nothing
