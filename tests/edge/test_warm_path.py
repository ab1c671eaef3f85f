"""The warm path puts the re-read article in every place the build kept the old one.

A preview build (parallel_build, with its noted writes) runs in this process; a
testimony is edited and :func:`parallel_build.warm.refresh` writes its pages again.
Afterwards nothing the build keeps — Pelican's lists and mappings, the context, the
noted writes, the complaints plugin's merchants, topics, related testimonies and
section neighbours — may still hold the old article: the garbage collector, asked
here in the test only, finds no list or mapping referring to it.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from parallel_build.warm import refresh
from pelican import signals

PIXMANIA = "temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
SECOND = "temoignages/temoignages/pixmania-deuxieme-commande.md"
PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/index.html"
MERCHANT_PAGE = "marchands/pixmania/index.html"


@pytest.fixture
def two_testimonies(tiny_content: Path) -> Path:
    """Two Pixmania testimonies of one section: related to and neighbours of each other."""
    text = (tiny_content / PIXMANIA).read_text(encoding="utf-8")
    second = re.sub(r"(?m)^title: .*$", 'title: "Pixmania : une deuxième commande"', text)
    second = re.sub(r"(?m)^slug: .*$", "slug: pixmania-deuxieme-commande", second)
    second = re.sub(r"(?m)^date: .*$", "date: 2009-08-01 10:00", second)
    (tiny_content / SECOND).write_text(second, encoding="utf-8")
    return tiny_content


def preview_build(run_pelican: Any, content: Path) -> tuple[list[Any], Path]:
    """A build as the preview makes it (noted writes kept); its generators and output."""
    kept: list[Any] = []

    def keep(generators: list[Any]) -> None:
        kept.extend(generators)

    signals.all_generators_finalized.connect(keep)
    try:
        output = run_pelican(content, PARALLEL_FRESH={}, PARALLEL_READY={})
    finally:
        signals.all_generators_finalized.disconnect(keep)
    return kept, output


def holders_of(item: Any) -> list[Any]:
    """Lists and mappings that still refer to ``item`` (this frame's own aside)."""
    gc.collect()
    return [r for r in gc.get_referrers(item) if isinstance(r, list | dict | tuple)]


def test_the_new_article_stands_everywhere_the_old_one_stood(
    run_pelican: Any, two_testimonies: Path
) -> None:
    generators, output = preview_build(run_pelican, two_testimonies)
    context = generators[0].context
    old = context["generated_content"][PIXMANIA]
    other = context["generated_content"][SECOND]
    assert old in other.related and old in old.merchant.articles  # places to update
    assert other.section_prev is old or other.section_next is old
    assert holders_of(old)

    source = two_testimonies / PIXMANIA
    text = source.read_text(encoding="utf-8")
    source.write_text(text.replace('title: "Pixmania : ', 'title: "Revu : ', 1), encoding="utf-8")
    written, refused = refresh(generators, PIXMANIA)

    assert refused == "" and set(written) == {PAGE, MERCHANT_PAGE}
    new = context["generated_content"][PIXMANIA]
    assert new is not old and new.title.startswith("Revu")
    assert holders_of(old) == []
    assert new in other.related and new in new.merchant.articles
    assert new in context["articles"] and new in context["dates"]
    assert any(new in articles for _tag, articles in context["tags"])
    for page in (PAGE, MERCHANT_PAGE):
        html = BeautifulSoup((output / page).read_bytes(), "lxml").get_text()
        assert "Revu" in html, page
