"""A writer that makes (and serializes) each article's feed entry once writes what fresh
writers, and feedgenerator's own feeds, write."""

from __future__ import annotations

from datetime import datetime
from io import StringIO
from pathlib import Path
from types import SimpleNamespace
from xml.sax.saxutils import escape

from feedgenerator import Atom1Feed, Rss201rev2Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator
from pelican import signals
from pelican.contents import Article
from pelican.settings import DEFAULT_CONFIG

from complaints.edge.writer import EntryXML, MagazineWriter
from complaints.outputs.feeds import FICTIONAL_NOTICE, FeedPage

SITEURL = "https://example.org"
SETTINGS = {
    **DEFAULT_CONFIG,
    "SITEURL": SITEURL,
    "FEED_DOMAIN": SITEURL,
    "ARTICLE_URL": "temoignages/{slug}/",
    "ARTICLE_SAVE_AS": "temoignages/{slug}/index.html",
    "TIMEZONE": "Europe/Paris",
    "RSS_FEED_SUMMARY_ONLY": False,
}
CONTEXT = {"SITEURL": SITEURL, "FEED_DOMAIN": SITEURL, "SITENAME": "Site", "DEFAULT_LANG": "fr"}


def article(slug: str, *, fictional: bool, paragraphs: int = 1) -> Article:
    body = f'<p>Voir <a href="#suite">la suite</a> et <img src="photo-{slug}.png" alt=""></p>'
    body += "<p>Un &amp; deux, « trois » &lt; quatre.</p>" * (paragraphs - 1)
    made = Article(body, metadata={"title": slug.title(), "slug": slug, "date": datetime(2024, 5, 1),
                   "summary": f'<p><a href="../{slug}/">Résumé</a></p>'},
                   settings=SETTINGS, source_path=f"{slug}.md")  # fmt: skip
    made.case = SimpleNamespace(fictional=fictional)
    return made


def write(writer: MagazineWriter, articles: list[Article], path: str, kind: str) -> str:
    writer.write_feed(articles, CONTEXT, path, feed_type=kind, page=FeedPage("", "Flux"))
    return (Path(writer.output_path) / path).read_text(encoding="utf-8")


def test_each_feed_is_what_a_fresh_writer_writes(tmp_path: Path) -> None:
    one, two = article("un", fictional=True), article("deux", fictional=False)
    shared = MagazineWriter(str(tmp_path / "shared"), settings=SETTINGS)
    feeds = [
        ([one, two], "all.atom.xml", "atom"),
        ([one, two], "all.rss.xml", "rss"),
        ([two], "tag.atom.xml", "atom"),
        ([two, one], "tag.rss.xml", "rss"),
        ([one], "merchant.atom.xml", "atom"),
    ]
    for articles, path, kind in feeds:
        again = write(shared, articles, path, kind)
        fresh = MagazineWriter(str(tmp_path / "fresh"), settings=SETTINGS)
        assert again == write(fresh, articles, path, kind), path
    atom = (tmp_path / "shared" / "merchant.atom.xml").read_text(encoding="utf-8")
    assert atom.count("Exemple fictif") == 2  # the notice heads its content and its summary
    assert 'href="https://example.org/temoignages/un/#suite"' in atom.replace("&quot;", '"')
    assert FICTIONAL_NOTICE.startswith("<p")


def test_rss_description_and_atom_content_of_an_article_are_one_string(tmp_path: Path) -> None:
    one = article("un", fictional=True)
    writer = MagazineWriter(str(tmp_path), settings=SETTINGS)
    atom = writer.write_feed([one], CONTEXT, None, feed_type="atom", page=FeedPage("", "F"))
    rss = writer.write_feed([one], CONTEXT, None, feed_type="rss", page=FeedPage("", "F"))
    assert rss.items[0]["description"] is atom.items[0]["content"]
    assert atom.items[0]["description"] != atom.items[0]["content"]  # the summary


def test_a_writer_that_forgot_its_entries_writes_what_a_fresh_writer_writes(
    tmp_path: Path,
) -> None:
    one, two = article("un", fictional=True), article("deux", fictional=False)
    writer = MagazineWriter(str(tmp_path / "forgot"), settings=SETTINGS)
    write(writer, [one, two], "all.atom.xml", "atom")
    writer.forget_feed_entries()
    assert not hasattr(writer, "_entries")  # the entries are gone, not kept aside
    fresh = MagazineWriter(str(tmp_path / "fresh"), settings=SETTINGS)
    for path, kind in (("tag.atom.xml", "atom"), ("tag.rss.xml", "rss")):
        assert write(writer, [two, one], path, kind) == write(fresh, [two, one], path, kind)


def feedgenerator_xml(feed: Atom1Feed) -> str:
    """What feedgenerator's own class writes for ``feed``'s metadata and entries."""
    plain = (Rss201rev2Feed if isinstance(feed, Rss201rev2Feed) else Atom1Feed)("", "", "")
    plain.feed, plain.items = feed.feed, feed.items
    return plain.writeString("utf-8")


def test_feeds_sharing_entries_write_what_feedgenerator_writes(tmp_path: Path) -> None:
    one, two = article("un", fictional=True), article("deux", fictional=False, paragraphs=30)
    writer = MagazineWriter(str(tmp_path), settings=SETTINGS)
    for kind in ("atom", "rss", "atom", "rss"):
        for articles in ([one, two], [two], [two, one]):
            feed = writer.write_feed(
                articles, CONTEXT, None, feed_type=kind, page=FeedPage("", "F")
            )
            assert feed.writeString("utf-8") == feedgenerator_xml(feed)


def test_an_entry_changed_after_it_was_added_is_written_as_it_now_is(tmp_path: Path) -> None:
    one, two = article("un", fictional=True), article("deux", fictional=False)
    writer = MagazineWriter(str(tmp_path), settings=SETTINGS)
    write(writer, [one, two], "all.atom.xml", "atom")  # both entries' XML is kept

    def retitle(_context: object, feed: Atom1Feed) -> None:
        feed.items[0]["title"] = "Autre titre"

    signals.feed_generated.connect(retitle)
    try:
        feed = writer.write_feed(
            [one, two], CONTEXT, None, feed_type="atom", page=FeedPage("", "F")
        )
    finally:
        signals.feed_generated.disconnect(retitle)
    xml = feed.writeString("utf-8")
    assert xml == feedgenerator_xml(feed)
    assert xml.count("<title>Autre titre</title>") == 1 and xml.count("<entry>") == 2


def test_the_xml_kept_of_an_entry_holds_its_long_texts_themselves() -> None:
    long, short = "<p>Un & deux</p>" * 30, "Titre & co"
    out = StringIO()
    kept, plain = EntryXML(), SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
    for generator in (kept, plain):
        generator.addQuickElement("title", short)
        generator.addQuickElement("content", long, {"type": "html"})
        generator.addQuickElement("link", "", {"href": "https://example.org/"})
    pieces = kept.pieces()
    assert len(pieces) == 3 and pieces[1] is long
    assert pieces[0] + escape(long) + pieces[2] == out.getvalue()
