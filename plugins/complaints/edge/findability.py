"""How readers and search engines find the cases: ``FindabilityGenerator``.

After the merchants generator, it gives every testimony its related testimonies,
section neighbours and issue categories; writes the topic pages
(``problemes/<slug>/``), their index and feeds, and the search page (``recherche/``);
then ``sitemap.xml`` (production) and ``robots.txt`` last, from the pages reported
through ``content_written``. The Pagefind index is :mod:`.search_index`'s.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Any

from pelican.generators import Generator
from pelican.writers import Writer

from complaints.domain.related import RelatedIndex, section_neighbours
from complaints.domain.topics import TOPICS_INDEX_URL, build_topics, categories_of
from complaints.domain.vocabulary import STATUSES
from complaints.edge import search_index
from complaints.edge.contents import every_article
from complaints.edge.output_folder import write_output
from complaints.edge.settings import setting
from complaints.edge.writer import write_feeds
from complaints.outputs.feeds import FeedPage, feed_title
from complaints.outputs.sitemap import (
    SitemapEntry,
    content_lastmod,
    is_indexable,
    render_robots,
    render_sitemap,
)

logger = logging.getLogger(__name__)

SEARCH_URL = "recherche/"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
WRITTEN_KEY = "findability_written_pages"
LASTMOD_KEY = "findability_lastmod"  # id(article) → last change, computed once per build


def sitemap_on(settings: dict[str, Any]) -> bool:
    """A sitemap needs absolute URLs: only when SITEURL is one (production)."""
    return "://" in settings.get("SITEURL", "")


def record_written(path: str, context: dict[str, Any]) -> None:
    """``content_written`` receiver: note each indexable page of this build with the
    last change of what it shows (an article or page, else the newest item it lists)."""
    written = context.get(WRITTEN_KEY)
    if written is None or not path.endswith(".html"):
        return
    output = context.get("output_file", "")
    url = output[: -len("index.html")] if output.endswith("index.html") else output
    item = context.get("article") or context.get("page")
    if not is_indexable(url, status=getattr(item, "status", None)):
        return
    if item is not None:
        lastmod = content_lastmod(item)
    else:
        shown = (
            getattr(context.get("merchant"), "articles", None)
            or getattr(context.get("topic"), "articles", None)
            or context.get("articles")
            or []
        )
        lastmod = max(
            (d for d in (context[LASTMOD_KEY].get(id(a)) for a in shown) if d is not None),
            default=None,
        )
    written.append(SitemapEntry(url, lastmod))


class FindabilityGenerator(Generator):
    """Topic pages and feeds, the search page, related links, sitemap and robots."""

    def generate_context(self) -> None:
        articles = self.context["articles"]
        feeds_on = setting(self.settings, "COMPLAINTS_TOPIC_FEEDS")
        self.topics = build_topics(
            articles,
            feed_atom_pattern=setting(self.settings, "COMPLAINTS_TOPIC_FEED_ATOM")
            if feeds_on
            else None,
            feed_rss_pattern=setting(self.settings, "COMPLAINTS_TOPIC_FEED_RSS")
            if feeds_on
            else None,
        )
        for article in every_article(self.context):
            case = getattr(article, "case", None)
            article.issue_categories = categories_of(case.issues) if case else []
        index = RelatedIndex(articles)
        by_section: dict[Any, list[Any]] = defaultdict(list)
        for article in articles:
            article.related = index.related(article) if getattr(article, "case", None) else []
            by_section[article.category].append(article)
        for section_articles in by_section.values():
            neighbours = section_neighbours(section_articles)
            for article in section_articles:
                article.section_prev, article.section_next = neighbours[id(article)]
        self.context["topics"] = self.topics
        self.context["TOPICS_INDEX_URL"] = TOPICS_INDEX_URL
        self.context["SEARCH_URL"] = SEARCH_URL
        self.context["STATUS_LABELS"] = list(STATUSES.values())
        self.context[WRITTEN_KEY] = []
        self.context[LASTMOD_KEY] = {id(a): content_lastmod(a) for a in every_article(self.context)}

    def planned_outputs(self) -> dict[str, str]:
        """Every file this generator writes (for the build's output plan)."""
        what = "pages de découverte (FindabilityGenerator)"
        planned = {TOPICS_INDEX_URL + "index.html": what, SEARCH_URL + "index.html": what}
        for topic in self.topics:
            planned[topic.save_as] = what
            for feed in (topic.feed_atom_url, topic.feed_rss_url):
                if feed:
                    planned[feed] = what
        planned[ROBOTS] = what
        # Pagefind writes its index at `finalized` (files named by content hash): the
        # plan reserves its folder through the entry point the search page loads
        planned[search_index.SEARCH_ENTRY] = "l'index de recherche (Pagefind)"
        if sitemap_on(self.settings):
            planned[SITEMAP] = what
        return planned

    def generate_output(self, writer: Writer) -> None:
        relative = self.settings["RELATIVE_URLS"]
        sitename = self.settings["SITENAME"]
        for topic in self.topics:
            writer.write_file(
                topic.save_as,
                self.get_template("topic"),
                self.context,
                topic=topic,
                url=topic.url,
                relative_urls=relative,
            )
            write_feeds(
                writer,
                topic.articles,
                self.context,
                FeedPage(topic.url, feed_title("topic", topic.label, sitename=sitename)),
                topic.feed_atom_url,
                topic.feed_rss_url,
            )
        for template, url in (("topics", TOPICS_INDEX_URL), ("search", SEARCH_URL)):
            writer.write_file(
                url + "index.html",
                self.get_template(template),
                self.context,
                url=url,
                relative_urls=relative,
            )
        finish = getattr(writer, "after_writes", None)  # plugins/parallel_build defers writes
        if finish is not None:
            finish(self._write_sitemap_and_robots)
        else:
            self._write_sitemap_and_robots()

    def _write_sitemap_and_robots(self) -> None:
        """Written last: every page of the build has been reported by then."""
        siteurl = self.settings["SITEURL"]
        sitemap_url = None
        if sitemap_on(self.settings):
            sitemap_url = f"{siteurl}/{SITEMAP}"
            sitemap = render_sitemap(self.context[WRITTEN_KEY], siteurl)
            write_output(self.output_path, SITEMAP, sitemap.encode("utf-8"))
        write_output(self.output_path, ROBOTS, render_robots(sitemap_url).encode("utf-8"))


def get_generators(_pelican: Any) -> type[Generator]:
    return FindabilityGenerator
