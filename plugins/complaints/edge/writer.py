"""``MagazineWriter``: Pelican's writer with feeds the W3C Feed Validation Service accepts.

Each feed links the page it syndicates (``alternate``) and itself (``self``, also its
Atom id), carries the title of the HTML link announcing it, the site's language and
its newest entry's date. Each entry keeps its typographic spaces, gets a stable
``tag:`` id (RSS ``guid isPermaLink="false"``), absolute links, the merchant as a
category, the author's page, an ``updated`` date (the last follow-up's, if any), the
"Exemple fictif" notice first when the story is invented, then « Mis à jour … » when
the case has follow-ups. An entry is made, and serialized, once per build and kind of feed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from io import StringIO
from typing import Any
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator
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


@dataclass(slots=True, eq=False)
class KnownEntry:
    """An article's entry for one kind of feed and, once a feed has written it, its XML
    as ``EntryXML.pieces()``: XML, a text to write escaped, XML, … (the texts are the
    entry's own strings, not escaped copies: the XML kept costs little memory)."""

    entry: dict[str, Any]
    xml: tuple[str, ...] | None = None

    def describes(self, item: dict[str, Any]) -> bool:
        """``item`` (a feed's copy of ``entry``) still holds the very same values."""
        entry = self.entry
        return len(item) == len(entry) and all(
            item.get(key, item) is value for key, value in entry.items()
        )


class EntryXML(SimplerXMLGenerator):
    """Feedgenerator's XML generator, for one entry: ``pieces()`` is what it wrote, cut
    around each text of ``LONG`` characters or more, kept as it was given."""

    LONG = 256

    def __init__(self) -> None:
        self.out = StringIO()  # no XML declaration: startDocument is not called
        super().__init__(self.out, "utf-8", short_empty_elements=True)
        self.cut: list[str] = []

    def characters(self, content: str) -> None:
        super().characters(content)
        if isinstance(content, str) and len(content) >= self.LONG:
            written, escaped = self.out.getvalue(), escape(content)
            if written.endswith(escaped):
                self.cut += [written[: len(written) - len(escaped)], content]
                self.out.seek(0)
                self.out.truncate()

    def pieces(self) -> tuple[str, ...]:
        return (*self.cut, self.out.getvalue())


class KnownEntriesFeed:
    """A feed that serializes an entry it shares with other feeds only once.

    ``known`` maps ``id()`` of a dict of ``items`` to the entry it copies. An entry's
    XML depends on the entry alone (feedgenerator's ``item_attributes`` and
    ``add_item_elements`` read nothing else; Atom reads the clock only for an entry
    without dates, never kept): the first feed to write it keeps the XML feedgenerator
    makes (``EntryXML``; every value is a ``str``, the encoding names only the XML
    declaration, not written here), later feeds hand it to the handler, whose output
    encodes it as it encodes the rest. An entry changed since it was added (by a
    ``feed_generated`` receiver) is serialized again.
    """

    item_element = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.known: dict[int, KnownEntry] = {}

    def write_items(self, handler: Any) -> None:
        for item in self.items:
            known = self.known.get(id(item))
            if known is None or not known.describes(item):
                self.write_item(handler, item)
                continue
            if known.xml is None:
                generator = EntryXML()
                self.write_item(generator, item)
                known.xml = generator.pieces()
            xml = known.xml  # ignorableWhitespace: raw text, after closing any open tag
            handler.ignorableWhitespace(xml[0])
            for index in range(1, len(xml), 2):
                handler.ignorableWhitespace(escape(xml[index]))
                handler.ignorableWhitespace(xml[index + 1])

    def write_item(self, handler: Any, item: dict[str, Any]) -> None:
        """One entry, as feedgenerator's ``write_items`` writes each."""
        handler.startElement(self.item_element, self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement(self.item_element)


class KnownEntriesAtom(KnownEntriesFeed, Atom1Feed):
    item_element = "entry"


class KnownEntriesRss(KnownEntriesFeed, Rss201rev2Feed):
    item_element = "item"


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
            self._entries: dict[tuple[int, bool, str], tuple[Any, KnownEntry]] = {}
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
        feed_class = KnownEntriesRss if feed_type == "rss" else KnownEntriesAtom
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
        feeds are written. Later feeds get a copy of the first one's entry, and write
        the XML the first feed to write it made (see ``KnownEntriesFeed``).
        """
        key = (id(item), isinstance(feed, Rss201rev2Feed), self.site_url)
        memo = self._entries.get(key)
        if memo is None:
            self._add_new_entry(feed, item)
            known = KnownEntry(dict(feed.items[-1]))
            self._entries[key] = (item, known)  # item: id stays unique
        else:
            known = memo[1]
            feed.items.append(dict(known.entry))
        if known.entry["updateddate"] is not None:  # else Atom writes the time it is written
            feed.known[id(feed.items[-1])] = known

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
