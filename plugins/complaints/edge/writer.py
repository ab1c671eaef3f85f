"""``MagazineWriter``: Pelican's writer with feeds the W3C Feed Validation Service accepts.

Each feed links the page it syndicates (``alternate``) and itself (``self``, also its
Atom id), carries the title of the HTML link announcing it, the site's language and
its newest entry's date. Each entry keeps its typographic spaces, gets a stable
``tag:`` id (RSS ``guid isPermaLink="false"``), absolute links, the merchant as a
category, the author's page, an ``updated`` date (the last follow-up's, if any), the
"Exemple fictif" notice first when the story is invented, then « Mis à jour … » when
the case has follow-ups. An entry is made once per build and kind of feed.
"""

from __future__ import annotations

import hashlib
from typing import Any

from feedgenerator import Atom1Feed, Rss201rev2Feed
from pelican.writers import Writer

from complaints.edge.pelican_internals import FeedWriterBase, forget_content_html
from complaints.outputs.feeds import (
    FICTIONAL_NOTICE,
    FeedPage,
    absolute_links,
    feed_page,
    is_fictional,
    update_notice,
)
from complaints.present.text import plain_text


def write_feeds(
    writer: Writer,
    articles: Any,
    context: dict[str, Any],
    page: FeedPage,
    atom: str | None,
    rss: str | None,
) -> None:
    """Write the Atom and RSS feeds (either may be off: None) of one page's articles.

    A free function rather than a writer method, so that a writer wrapping another one
    (plugins/parallel_build records ``write_feed`` calls) still sees each call."""
    for feed_type, path in (("atom", atom), ("rss", rss)):
        if path:
            writer.write_feed(articles, context, path, feed_type=feed_type, page=page)


class MagazineWriter(FeedWriterBase):
    """Pelican's writer, with feeds that aggregators and validators accept."""

    def write_feed(
        self,
        elements: Any,
        context: dict[str, Any],
        path: str | None = None,
        url: str | None = None,
        feed_type: str = "atom",
        override_output: bool = False,
        feed_title: str | None = None,
        *,
        page: FeedPage | None = None,
    ) -> Any:
        """Pelican's ``write_feed``; ``page`` names the page the feed syndicates
        (found from ``path`` and the settings when not given)."""
        self._feed_page = page or feed_page(
            {**context, **self.settings}, str(path or url or ""), feed_title or ""
        )
        if not hasattr(self, "_entries"):  # one build's feeds: see add_feed_entry
            self._entries: dict[tuple[int, bool, str], tuple[Any, dict[str, Any]]] = {}
            self._finished_fragments: dict[tuple[int, str, bytes], str] = {}
        return super().write_feed(
            elements, context, path, url, feed_type, override_output, feed_title
        )

    def forget_feed_entries(self) -> None:
        """Drop the entries kept for later feeds (they are made again if asked for).

        plugins/parallel_build calls it when a worker has written its last feed.
        """
        self.__dict__.pop("_entries", None)
        self.__dict__.pop("_finished_fragments", None)

    def new_feed(self, feed_type: str, feed_title: Any, context: dict[str, Any]) -> Any:
        feed_class = Rss201rev2Feed if feed_type == "rss" else Atom1Feed
        page = self._feed_page
        subtitle = plain_text(context.get("SITESUBTITLE") or "") or None
        return feed_class(
            title=page.title,
            link=self.urljoiner(self.site_url, page.url) if page.url else self.site_url + "/",
            feed_url=self.feed_url,
            feed_guid=self.feed_url,
            description=subtitle or page.title,
            subtitle=subtitle,
            language=context.get("DEFAULT_LANG") or None,
        )

    def _finished(self, item: Any, fragment: str | None, page_url: str) -> str | None:
        """``fragment`` with absolute links and, for an invented story, the notice first.

        Kept per article and source fragment (by digest: the memo holds no second copy
        of the source), so an article's RSS description and Atom content are one
        string, made once.
        """
        if not fragment:
            return fragment
        digest = hashlib.blake2b(fragment.encode("utf-8", "surrogatepass"), digest_size=16)
        key = (id(item), page_url, digest.digest())
        finished = self._finished_fragments.get(key)
        if finished is None:
            finished = update_notice(item) + absolute_links(fragment, page_url)
            if is_fictional(item):
                finished = FICTIONAL_NOTICE + finished
            self._finished_fragments[key] = finished
        return finished

    def add_feed_entry(self, feed: Any, item: Any) -> None:
        """Add ``item``'s entry, computed once per build and kind of feed.

        An article sits in several feeds (all, section, tags, author, merchant,
        topics); its entry depends only on the article, the kind of feed (RSS puts the
        content in ``description``) and the site's URL, none of which change while
        feeds are written. Later feeds get a copy of the first one's entry.
        """
        key = (id(item), isinstance(feed, Rss201rev2Feed), self.site_url)
        known = self._entries.get(key)
        if known is None:
            self._add_new_entry(feed, item)
            known = self._entries[key] = (item, dict(feed.items[-1]))  # item: id stays unique
        else:
            feed.items.append(dict(known[1]))

    def _add_new_entry(self, feed: Any, item: Any) -> None:
        self.add_pelican_feed_entry(feed, item)
        forget_content_html(item, self.site_url)  # the entry is kept, not this HTML
        entry = feed.items[-1]
        entry["title"] = plain_text(str(item.title))
        entry["unique_id_is_permalink"] = False
        page_url = self.urljoiner(self.site_url, item.url)
        entry["description"] = self._finished(item, entry["description"], page_url)
        entry["content"] = self._finished(item, entry["content"], page_url)
        merchant = getattr(item, "merchant", None)
        if merchant is not None and merchant.name not in entry["categories"]:
            entry["categories"] = [*entry["categories"], merchant.name]
        if entry["updateddate"] is None:
            entry["updateddate"] = entry["pubdate"]
        author = getattr(item, "author", None)
        if author is not None and not entry["author_link"]:
            entry["author_link"] = self.urljoiner(self.site_url, author.url)


def get_writer(_pelican: Any) -> type[Writer]:
    return MagazineWriter
