"""sitemap.xml and robots.txt: which pages are listed and when their content last changed.

Pure: the Pelican edge records every page it writes (path and what it shows); this
module decides what is indexable, dates it from the content (never the build time,
so two builds of the same content give the same file) and renders the XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from complaints.domain.timeline import replies

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
_PAGINATED = re.compile(r"(^|/)page/\d+/")


@dataclass(frozen=True)
class SitemapEntry:
    """One listed page: its path relative to SITEURL and its last content change."""

    url: str
    lastmod: date | None


def _day(value: date | datetime | None) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    return value


def content_lastmod(item: Any) -> date | None:
    """Last change of one article or page: ``modified``, its date, ``outcome.as_of``,
    its latest right of reply and its last follow-up, whichever is latest."""
    days = [_day(getattr(item, "date", None)), _day(getattr(item, "modified", None))]
    case = getattr(item, "case", None)
    if case is not None:
        days.append(case.outcome.as_of)
        days += [event.date.start for event in replies(case)]
        days += [update.date.start for update in getattr(case, "updates", ())]
    found = [d for d in days if d is not None]
    return max(found) if found else None


def is_indexable(url: str, *, status: str | None = None) -> bool:
    """A page worth listing: not the 404 page, not a paginated duplicate, not a draft."""
    return (
        status != "draft"
        and not url.startswith("404")
        and not _PAGINATED.search(url)
        and (url == "" or url.endswith(("/", ".html")))
    )


def render_sitemap(entries: Iterable[SitemapEntry], siteurl: str) -> str:
    """The sitemaps.org XML document, entries sorted by URL."""
    ET.register_namespace("", SITEMAP_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for entry in sorted(set(entries), key=lambda e: e.url):
        node = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(node, f"{{{SITEMAP_NS}}}loc").text = f"{siteurl}/{entry.url}"
        if entry.lastmod is not None:
            ET.SubElement(node, f"{{{SITEMAP_NS}}}lastmod").text = entry.lastmod.isoformat()
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def render_robots(sitemap_url: str | None) -> str:
    """robots.txt: everything may be crawled; the sitemap is named when there is one."""
    lines = ["User-agent: *", "Disallow:"]
    if sitemap_url:
        lines += ["", f"Sitemap: {sitemap_url}"]
    return "\n".join(lines) + "\n"
