"""Pure logic of issue 12: related testimonies, topics, sitemap entries."""

from __future__ import annotations

from datetime import date, datetime
from types import SimpleNamespace

import pytest

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.related import RelatedIndex, section_neighbours
from complaints.domain.topics import build_topics, categories_of, topic_slug, topic_url
from complaints.domain.vocabulary import ISSUE_CATEGORIES
from complaints.outputs.sitemap import (
    SitemapEntry,
    content_lastmod,
    is_indexable,
    render_robots,
    render_sitemap,
)


def item(name: str, slug: str, issues: list[str], day: int, **more: object) -> SimpleNamespace:
    """A stand-in testimony: case (merchant slug, issues, outcome), date, url."""
    outcome = SimpleNamespace(status=more.pop("status", "open"), as_of=more.pop("as_of", None))
    case = SimpleNamespace(
        merchant=slug, issues=issues, outcome=outcome, events=more.pop("events", []), updates=[]
    )
    return SimpleNamespace(
        case=case,
        facts=SimpleNamespace(status=outcome.status),
        date=datetime(2020, 1, day),
        url=f"2020/01/{name}/",
        title=name,
        **more,
    )


# --- related ----------------------------------------------------------------------


def test_same_merchant_first_newest_first_then_same_issues() -> None:
    target = item("t", "acme", ["delivery.late"], 10)
    same_old = item("same-old", "acme", ["billing.overcharge"], 1)
    same_new = item("same-new", "acme", ["billing.overcharge"], 5)
    issue_new = item("issue-new", "other", ["delivery.late"], 20)
    issue_old = item("issue-old", "other", ["delivery.late"], 2)
    unrelated = item("unrelated", "other", ["warranty.refused"], 25)
    index = RelatedIndex([target, same_old, same_new, issue_new, issue_old, unrelated])
    assert [r.title for r in index.related(target)] == [
        "same-new",
        "same-old",
        "issue-new",
        "issue-old",
    ]  # four related: no unrelated filler (only below three)


def test_at_most_five_never_itself_never_twice() -> None:
    target = item("t", "acme", ["delivery.late", "refund.late"], 15)
    others = [item(f"o{i}", "acme", ["delivery.late", "refund.late"], i + 1) for i in range(9)]
    related = RelatedIndex([target, *others]).related(target)
    assert len(related) == 5
    assert target not in related
    assert len({id(r) for r in related}) == 5
    assert [r.title for r in related] == ["o8", "o7", "o6", "o5", "o4"]


def test_newest_others_complete_a_short_list_up_to_three_only() -> None:
    target = item("t", "acme", ["delivery.late"], 10)
    strangers = [item(f"s{i}", "x", ["warranty.refused"], i + 1) for i in range(6)]
    related = RelatedIndex([target, *strangers]).related(target)
    assert [r.title for r in related] == ["s5", "s4", "s3"]


def test_alone_has_no_related() -> None:
    target = item("t", "acme", ["delivery.late"], 10)
    assert RelatedIndex([target]).related(target) == []


def test_section_neighbours_previous_is_older() -> None:
    a, b, c = (item(n, "m", [], d) for n, d in (("a", 1), ("b", 2), ("c", 3)))
    neighbours = section_neighbours([c, a, b])
    assert neighbours[id(a)] == (None, b)
    assert neighbours[id(b)] == (a, c)
    assert neighbours[id(c)] == (b, None)


# --- topics -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("category", "slug"),
    [
        ("delivery", "livraison"),
        ("customer_service", "service-client"),
        ("withdrawal", "droit-de-retractation"),
    ],
)
def test_topic_slugs_come_from_french_labels(category: str, slug: str) -> None:
    assert topic_slug(category) == slug
    assert topic_url(category) == f"problemes/{slug}/"


def test_every_category_has_a_distinct_ascii_slug() -> None:
    slugs = [topic_slug(c) for c in ISSUE_CATEGORIES]
    assert len(set(slugs)) == len(slugs)
    assert all(s.isascii() and s for s in slugs)


def test_categories_of_keeps_vocabulary_order_once() -> None:
    issues = ["refund.late", "delivery.lost", "refund.partial", "delivery.late"]
    assert categories_of(issues) == ["delivery", "refund"]


def test_topics_group_counts_and_merchants() -> None:
    acme = SimpleNamespace(slug="acme", name="Acme")
    zeta = SimpleNamespace(slug="zeta", name="Zeta")
    a = item("a", "acme", ["delivery.late", "delivery.lost"], 1, status="resolved", merchant=acme)
    b = item("b", "zeta", ["delivery.never"], 3, status="open", merchant=zeta)
    c = item("c", "acme", ["refund.late"], 2, status="open", merchant=acme)
    topics = build_topics([a, b, c], feed_atom_pattern="feeds/problemes/{slug}.atom.xml")
    assert [t.category for t in topics] == ["delivery", "refund"]
    delivery = topics[0]
    assert [x.title for x in delivery.articles] == ["b", "a"]
    assert delivery.status_counts == [("open", 1), ("resolved", 1)]
    assert delivery.merchants == [(acme, 1), (zeta, 1)]
    assert delivery.feed_atom_url == "feeds/problemes/livraison.atom.xml"
    assert delivery.feed_rss_url is None
    assert delivery.save_as == "problemes/livraison/index.html"


# --- sitemap ----------------------------------------------------------------------


def test_lastmod_is_the_latest_of_date_modified_as_of_and_replies() -> None:
    reply = SimpleNamespace(kind="merchant_reply", date=FuzzyDate.parse("2021-03"))
    other = SimpleNamespace(kind="reminder", date=FuzzyDate.parse("2024-01-01"))
    testimony = item("t", "acme", [], 1, as_of=date(2020, 6, 1), events=[other, reply])
    testimony.modified = datetime(2020, 2, 1, 12, 0)
    assert content_lastmod(testimony) == date(2021, 3, 1)
    page = SimpleNamespace(date=None, modified=None)
    assert content_lastmod(page) is None


@pytest.mark.parametrize(
    ("url", "status", "expected"),
    [
        ("2020/01/t/", "published", True),
        ("", None, True),
        ("page/2/", None, False),
        ("rubriques/x/page/3/", None, False),
        ("404.html", None, False),
        ("brouillons/x/", "draft", False),
    ],
)
def test_indexable_pages(url: str, status: str | None, expected: bool) -> None:
    assert is_indexable(url, status=status) is expected


def test_sitemap_is_sorted_deduplicated_and_dated_by_content() -> None:
    entries = [SitemapEntry("b/", date(2020, 1, 2)), SitemapEntry("a/", None)] * 2
    xml = render_sitemap(entries, "https://example.org")
    assert xml.count("<url>") == 2
    assert xml.index("https://example.org/a/") < xml.index("https://example.org/b/")
    assert "<lastmod>2020-01-02</lastmod>" in xml
    assert render_sitemap(list(reversed(entries)), "https://example.org") == xml


def test_robots_names_the_sitemap() -> None:
    assert "Sitemap: https://example.org/sitemap.xml" in render_robots(
        "https://example.org/sitemap.xml"
    )
    assert "Sitemap" not in render_robots(None)
