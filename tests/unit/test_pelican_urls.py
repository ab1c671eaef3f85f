"""The output phase's URL memo (complaints.pelican_urls) gives what Pelican gives."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
from pelican.contents import Article, Content, Page, Static
from pelican.settings import DEFAULT_CONFIG

from complaints.pelican_urls import (
    PELICAN_GET_URL_SETTING,
    begin_stable_urls,
    end_stable_urls,
    stable_urls,
    urls_are_stable,
)


@pytest.fixture(autouse=True)
def pelican_urls_after() -> Iterator[None]:
    yield
    end_stable_urls()


def content(kind: type[Content], **metadata: object) -> Content:
    settings = {**DEFAULT_CONFIG, "ARTICLE_URL": "avis/{slug}/", "PAGE_URL": "{slug}/"}
    return kind("<p>x</p>", metadata={"title": "T", "date": datetime(2024, 5, 1), **metadata},
                settings=settings, source_path="a.md")  # fmt: skip


def test_urls_and_save_as_are_pelicans_own() -> None:
    article, page = content(Article, slug="un"), content(Page, slug="deux")
    expected = [(c.url, c.save_as) for c in (article, page)]
    with stable_urls():
        assert urls_are_stable()
        assert [(c.url, c.save_as) for c in (article, page)] == expected
    assert not urls_are_stable()


def test_a_value_is_formatted_once_while_the_memo_is_in_place() -> None:
    article = content(Article, slug="un")
    with stable_urls():
        first = article.url
        article.slug = "autre"  # metadata no longer changes in the output phase
        assert article.url == first
    assert article.url == "avis/autre/"  # Pelican's own method again, memo forgotten


def test_each_build_starts_with_a_fresh_memo() -> None:
    article = content(Article, slug="un")
    begin_stable_urls()
    assert article.url == "avis/un/"
    end_stable_urls()  # get_generators of the next build
    article.slug = "deux"
    begin_stable_urls()
    assert article.url == "avis/deux/"


def test_a_nested_block_keeps_the_memo_in_place_and_static_files_are_left_alone() -> None:
    static = content(Static, slug="image")
    with stable_urls():
        memo = Content.get_url_setting
        with stable_urls():
            assert Content.get_url_setting is memo
        assert urls_are_stable()
        before = static.url
        static.override_url = "ailleurs/image.png"  # {attach} moves a static file
        assert static.url == "ailleurs/image.png" != before
    assert Content.get_url_setting is PELICAN_GET_URL_SETTING
