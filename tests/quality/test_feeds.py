"""Gate 2: the feeds are valid Atom (RFC 4287 schema, jing) and RSS 2.0, complete, stable.

Aggregators read these files without a human in the loop, so a feed is checked
as strictly as a page: schema, dates, absolute links, full content, stable ids,
one feed per listing (site, section, tag, author, merchant), no draft anywhere.
"""

from __future__ import annotations

import email.utils
import html
import re
import subprocess
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import lxml.html
import pytest
from lxml import etree

from tests.support.builds import SessionSite
from tests.support.content import content_drafts
from tests.support.sample import CONTENT, ROOT
from tests.support.tools import PIXMANIA_SLUG, require_executable

pytestmark = pytest.mark.quality

ATOM_NS = "http://www.w3.org/2005/Atom"
A = f"{{{ATOM_NS}}}"
SCHEMA = Path(__file__).with_name("atom.rnc")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
RFC3339_TZ = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$")
URL_ATTRIBUTES = ("href", "src", "poster", "cite", "action", "data", "longdesc", "background")
ALLOWED_SCHEMES_WITHOUT_HOST = ("mailto", "tel", "data")

# Listings and the feed each must have (the feed settings of publishconf.py).
LISTINGS = {
    "rubriques": "feeds/rubriques/{slug}",
    "etiquettes": "feeds/etiquettes/{slug}",
    "auteurs": "feeds/auteurs/{slug}",
    "marchands": "feeds/marchands/{slug}",
}
LISTING_PAGE = re.compile(
    r"^(rubriques|etiquettes|auteurs|marchands)/([^/]+)/(?:page/\d+/)?index\.html$"
)


# -- helpers -------------------------------------------------------------------------


def _feeds(site: Path, kind: str) -> list[Path]:
    found = sorted(site.rglob(f"*.{kind}.xml"))
    assert found, f"no *.{kind}.xml feed in {site}"
    return found


def _rel(site: Path, path: Path) -> str:
    return path.relative_to(site).as_posix()


def _text(fragment: str | None) -> str:
    if not fragment or not fragment.strip():
        return ""
    return " ".join(
        lxml.html.fragment_fromstring(fragment, create_parent="div").text_content().split()
    )


def _relative_urls(fragment: str | None) -> list[str]:
    """Every href/src/srcset... of an HTML fragment that is not an absolute URL."""
    if not fragment or not fragment.strip():
        return []
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    bad = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        values = [(a, element.get(a)) for a in URL_ATTRIBUTES if element.get(a) is not None]
        if element.get("srcset"):
            values += [
                ("srcset", part.strip().split()[0])
                for part in element.get("srcset").split(",")
                if part.strip()
            ]
        for attribute, value in values:
            parts = urlsplit(value.strip())
            absolute = (
                parts.scheme in ("http", "https") and parts.netloc
            ) or parts.scheme in ALLOWED_SCHEMES_WITHOUT_HOST
            if not absolute:
                bad.append(f"<{element.tag} {attribute}={value!r}>")
    return bad


def _entries(path: Path) -> list[dict[str, object]]:
    """Raw fields of each entry/item, straight from the XML (feedparser would resolve
    relative URLs itself and hide them)."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    entries = []
    if root.tag == f"{A}feed":
        for entry in root.iter(f"{A}entry"):
            link = next(
                (
                    link.get("href")
                    for link in entry.findall(f"{A}link")
                    if link.get("rel") in (None, "alternate")
                ),
                None,
            )
            entries.append(
                {
                    "title": entry.findtext(f"{A}title"),
                    "id": entry.findtext(f"{A}id"),
                    "link": link,
                    "content": entry.findtext(f"{A}content"),
                    "content_type": (
                        entry.find(f"{A}content").get("type")
                        if entry.find(f"{A}content") is not None
                        else None
                    ),
                    "summary": entry.findtext(f"{A}summary"),
                    "published": entry.findtext(f"{A}published"),
                    "updated": entry.findtext(f"{A}updated"),
                    "has_author": entry.find(f"{A}author") is not None
                    or root.find(f"{A}author") is not None,
                }
            )
    else:
        for item in root.iter("item"):
            entries.append(
                {
                    "title": item.findtext("title"),
                    "id": item.findtext("guid"),
                    "link": item.findtext("link"),
                    "content": item.findtext("description"),
                    "summary": None,
                    "published": item.findtext("pubDate"),
                }
            )
    return entries


def _norm(text: str) -> str:
    return re.sub(r"\W+", "", html.unescape(text or "")).casefold()


# -- schema and format ---------------------------------------------------------------


def test_atom_feeds_match_rfc4287_schema(built_site: Path) -> None:
    jing = require_executable("jing")
    require_executable("java")
    feeds = _feeds(built_site, "atom")
    result = subprocess.run(
        [jing, "-c", str(SCHEMA), *map(str, feeds)], capture_output=True, text=True, check=False
    )
    # Debian's jing wrapper warns on stderr about optional jars: not a validation message.
    noise = re.compile(r"^\[warning\] .*jing: Unable to locate")
    messages = [
        line
        for line in (result.stdout + result.stderr).splitlines()
        if line.strip() and not noise.match(line)
    ]
    print(f"jing checked {len(feeds)} Atom feeds")
    print("\n".join(messages))
    assert result.returncode == 0 and not messages, (
        f"jing: {len(messages)} messages (exit {result.returncode}):\n" + "\n".join(messages)
    )

    # The two Schematron rules of RFC 4287 Appendix B, which jing does not run.
    problems = []
    for feed in feeds:
        for entry in _entries(feed):
            if not entry["has_author"]:
                problems.append(f"{_rel(built_site, feed)}: entry {entry['id']}: no atom:author")
            if not entry["link"] and not entry["content"]:
                problems.append(
                    f"{_rel(built_site, feed)}: entry {entry['id']}: no alternate link nor content"
                )
    assert not problems, "\n".join(problems)


def test_rss_feeds_are_rss_2_0(built_site: Path) -> None:
    problems = []
    for feed in _feeds(built_site, "rss"):
        name = _rel(built_site, feed)
        root = etree.parse(str(feed)).getroot()
        if root.tag != "rss" or root.get("version") != "2.0":
            problems.append(
                f"{name}: root is <{root.tag} version={root.get('version')!r}>, not <rss version='2.0'>"
            )
            continue
        channel = root.find("channel")
        if channel is None:
            problems.append(f"{name}: no <channel>")
            continue
        for field in ("title", "link", "description"):
            if not (channel.findtext(field) or "").strip():
                problems.append(f"{name}: channel has no (or an empty) <{field}>")
        for index, item in enumerate(channel.findall("item"), 1):
            if not (
                (item.findtext("title") or "").strip()
                or (item.findtext("description") or "").strip()
            ):
                problems.append(f"{name}: item {index} has neither title nor description")
        for element in [
            *channel.findall("lastBuildDate"),
            *channel.findall("pubDate"),
            *channel.findall("item/pubDate"),
        ]:
            value = (element.text or "").strip()
            where = f"{name}: <{element.tag}>{value}</{element.tag}>"
            try:
                moment = email.utils.parsedate_to_datetime(value)
            except (TypeError, ValueError, IndexError):
                problems.append(f"{where} is not an RFC 822 date")
                continue
            if moment.tzinfo is None:
                problems.append(f"{where} has no time zone (-0000)")
            head = value.split(",", 1)
            if len(head) == 2 and head[0].strip() != WEEKDAYS[moment.weekday()]:
                problems.append(
                    f"{where}: weekday {head[0].strip()!r}, the date is a "
                    f"{WEEKDAYS[moment.weekday()]}"
                )
    assert not problems, "\n".join(problems)


def test_feedparser_reads_every_feed_without_error(built_site: Path) -> None:
    problems = []
    for feed in [*_feeds(built_site, "atom"), *_feeds(built_site, "rss")]:
        parsed = feedparser.parse(str(feed))
        if parsed.bozo:
            problems.append(f"{_rel(built_site, feed)}: bozo: {parsed.get('bozo_exception')!r}")
    assert not problems, "\n".join(problems)


# -- entries -------------------------------------------------------------------------


def test_feed_entries_are_complete(built_site: Path) -> None:
    """Full content with absolute URLs, an author, categories, dated with a time zone."""
    problems = []
    atom_content_by_link: dict[str, str] = {}
    for feed in _feeds(built_site, "atom"):
        for entry in _entries(feed):
            if entry["link"] and entry["content"]:
                atom_content_by_link[str(entry["link"])] = _text(str(entry["content"]))

    for feed in [*_feeds(built_site, "atom"), *_feeds(built_site, "rss")]:
        name = _rel(built_site, feed)
        is_atom = feed.name.endswith(".atom.xml")
        parsed = feedparser.parse(str(feed))
        raw = _entries(feed)
        if len(raw) != len(parsed.entries):
            problems.append(
                f"{name}: feedparser sees {len(parsed.entries)} entries, the XML {len(raw)}"
            )
        for entry, fp in zip(raw, parsed.entries, strict=False):
            where = f"{name}: {entry['title']!r}"
            content = entry["content"]
            content_text = _text(content)
            if not content_text:
                problems.append(
                    f"{where}: no content ({'atom:content' if is_atom else 'description'})"
                )
            elif is_atom:
                if entry["content_type"] not in ("html", "xhtml"):
                    problems.append(
                        f"{where}: atom:content type={entry['content_type']!r}, expected html"
                    )
                summary_text = _text(entry["summary"])
                if summary_text and (
                    content_text == summary_text or len(content_text) < len(summary_text)
                ):
                    problems.append(f"{where}: atom:content is the summary, not the full text")
            else:
                atom_text = atom_content_by_link.get(str(entry["link"]))
                if atom_text is not None and content_text != atom_text:
                    problems.append(
                        f"{where}: RSS description differs from the Atom content "
                        f"(summary only?): {len(content_text)} vs {len(atom_text)} chars"
                    )
            for field in ("content", "summary"):
                for bad in _relative_urls(entry[field]):
                    problems.append(f"{where}: relative URL in {field}: {bad}")
            link = str(entry["link"] or "")
            if not (urlsplit(link).scheme in ("http", "https") and urlsplit(link).netloc):
                problems.append(f"{where}: entry link {link!r} is not absolute")
            if not (fp.get("author") or "").strip():
                problems.append(f"{where}: no author")
            if not [t for t in fp.get("tags", []) if (t.get("term") or "").strip()]:
                problems.append(f"{where}: no category")
            if not (entry["id"] or "").strip():
                problems.append(f"{where}: no {'atom:id' if is_atom else 'guid'}")
            if is_atom:
                for field in ("published", "updated"):
                    value = (entry.get(field) or "").strip()
                    if not RFC3339_TZ.match(value):
                        problems.append(
                            f"{where}: atom:{field} {value!r} missing or without time zone"
                        )
            else:  # RSS 2.0 has a single date per item: pubDate (RFC 822, zone required)
                value = (entry.get("published") or "").strip()
                try:
                    aware = email.utils.parsedate_to_datetime(value).tzinfo is not None
                except (TypeError, ValueError, IndexError):
                    aware = False
                if not aware:
                    problems.append(f"{where}: pubDate {value!r} missing or without time zone")
        ids = [e["id"] for e in raw]
        duplicates = sorted({i for i in ids if ids.count(i) > 1 and i})
        if duplicates:
            problems.append(f"{name}: duplicate ids {duplicates}")
    print("\n".join(problems))
    assert not problems, f"{len(problems)} problems in feed entries:\n" + "\n".join(problems)


def _ids(site: Path) -> dict[str, list[str]]:
    ids = {}
    for feed in [*sorted(site.rglob("*.atom.xml")), *sorted(site.rglob("*.rss.xml"))]:
        root = etree.parse(str(feed)).getroot()
        feed_id = [root.findtext(f"{A}id") or ""] if root.tag == f"{A}feed" else []
        ids[_rel(site, feed)] = feed_id + [str(e["id"]) for e in _entries(feed)]
    return ids


def test_feed_ids_are_stable_across_builds(
    built_site: Path, untouched_production: SessionSite
) -> None:
    """The second build is the session's build by Pelican untouched (PARALLEL=false)."""
    second = untouched_production.output
    first_ids, second_ids = _ids(built_site), _ids(second)
    assert sorted(first_ids) == sorted(second_ids), "the two builds do not write the same feeds"
    changed = [
        f"{feed}: {first_ids[feed]} != {second_ids[feed]}"
        for feed in first_ids
        if first_ids[feed] != second_ids[feed]
    ]
    assert not changed, "feed/entry ids changed between two builds:\n" + "\n".join(changed)


# -- one feed per listing, linked from its pages -----------------------------------------


def _listing_slugs(site: Path) -> dict[str, set[str]]:
    slugs: dict[str, set[str]] = {kind: set() for kind in LISTINGS}
    for page in site.rglob("index.html"):
        match = LISTING_PAGE.match(_rel(site, page))
        if match:
            slugs[match.group(1)].add(match.group(2))
    for merchant in (CONTENT / "merchants").glob("*.*"):
        slugs["marchands"].add(merchant.stem)
    return slugs


def test_feeds_exist_for_the_site_and_every_listing(built_site: Path) -> None:
    slugs = _listing_slugs(built_site)
    missing = [
        f"feeds/all.{kind}.xml"
        for kind in ("atom", "rss")
        if not (built_site / "feeds" / f"all.{kind}.xml").is_file()
    ]
    for kind, pattern in LISTINGS.items():
        if not slugs[kind]:
            missing.append(f"{kind}/<slug>/ (no page at all, hence no feed)")
        for slug in sorted(slugs[kind]):
            for ext in ("atom", "rss"):
                path = pattern.format(slug=slug) + f".{ext}.xml"
                if not (built_site / path).is_file():
                    missing.append(path)
    if PIXMANIA_SLUG not in slugs["marchands"]:
        missing.append(f"marchands/{PIXMANIA_SLUG}/ and its feeds")
    assert not missing, "missing feeds:\n" + "\n".join(missing)


def _page_url(site: Path, page: Path, siteurl: str) -> str:
    rel = _rel(site, page)
    return f"{siteurl}/{rel.removesuffix('index.html')}"


def test_every_page_links_its_feeds(built_site: Path, site_url: str) -> None:
    problems = []
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        rel = _rel(built_site, page)
        tree = lxml.html.fromstring(page.read_bytes())
        links = {
            urljoin(_page_url(built_site, page, site_url), link.get("href", "")).removeprefix(
                site_url + "/"
            )
            for link in tree.xpath('//head/link[@rel="alternate"][@type="application/atom+xml"]')
        }
        expected = ["feeds/all.atom.xml"]
        match = LISTING_PAGE.match(rel)
        if match:
            expected.append(LISTINGS[match.group(1)].format(slug=match.group(2)) + ".atom.xml")
        for feed in expected:
            if feed not in links:
                problems.append(
                    f"{rel}: no <link rel=alternate type=application/atom+xml href={feed}> "
                    f"in <head> (found {sorted(links)})"
                )
            elif not (built_site / feed).is_file():
                problems.append(f"{rel}: links {feed}, which does not exist")
    print(f"{len(pages)} pages checked")
    assert not problems, f"{len(problems)} pages lack a feed link:\n" + "\n".join(problems)


def test_no_draft_in_any_feed(built_site: Path) -> None:
    drafts = content_drafts(CONTENT)
    assert drafts, "no draft (status: draft) in content/: this check would be vacuous"
    problems = []
    for feed in [*_feeds(built_site, "atom"), *_feeds(built_site, "rss")]:
        for entry in _entries(feed):
            title = html.unescape(entry["title"] or "")
            if title.strip().lower().startswith("brouillon"):
                problems.append(f"{_rel(built_site, feed)}: entry {title!r}")
            for path, draft_title, slug in drafts:
                if (draft_title and _norm(title) == _norm(draft_title)) or f"/{slug}/" in str(
                    entry["link"] or ""
                ):
                    problems.append(
                        f"{_rel(built_site, feed)}: draft {path.relative_to(ROOT)} "
                        f"({draft_title!r}) is published"
                    )
    assert not problems, "drafts in feeds:\n" + "\n".join(sorted(set(problems)))
