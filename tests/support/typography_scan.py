"""Find plain spaces where French typography wants a (narrow) no-break space.

A reader sees the text of pages and feeds: a plain space (U+0020) before ``: ; ! ?``,
after ``«`` or before ``»``, or between a number and ``€``/``%`` lets a line break
strand the sign at the start of a line. Text inside ``<code>``, ``<pre>``,
``<script>``, ``<style>`` and attribute values is not reader text and is skipped.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Comment
from lxml import etree

PLAIN_SPACE = re.compile(r" [:;!?]| »|« |\d [€%]")
SKIPPED = ("code", "pre", "kbd", "samp", "script", "style", "template")
CONTEXT = 30


def findings_in_text(text: str, where: str) -> list[str]:
    """One line per plain space badly placed in ``text``."""
    return [
        f"{where}: …{text[max(0, m.start() - CONTEXT) : m.end() + CONTEXT]!r}…"
        for m in PLAIN_SPACE.finditer(text)
    ]


def findings_in_html(markup: str, where: str) -> list[str]:
    """Findings in the reader text of an HTML document or fragment."""
    soup = BeautifulSoup(markup, "lxml")
    for element in soup.find_all(SKIPPED):
        element.decompose()
    found = []
    for string in soup.find_all(string=True):
        if isinstance(string, Comment):
            continue
        found += findings_in_text(str(string), where)
    return found


def findings_in_feed(path: Path, where: str) -> list[str]:
    """Findings in a feed's titles, subtitles and entry contents (parsed as HTML)."""
    found = []
    for element in etree.parse(str(path)).getroot().iter():
        if not isinstance(element.tag, str) or not element.text:
            continue
        name = etree.QName(element).localname
        if name in ("title", "subtitle", "summary", "name", "category"):
            found += findings_in_text(element.text, f"{where} <{name}>")
        elif name in ("content", "description"):
            found += findings_in_html(element.text, f"{where} <{name}>")
    return found


def scan_site(site: Path) -> list[str]:
    """Findings in every HTML page and every feed of a built site."""
    found = []
    for page in sorted(site.rglob("*.html")):
        found += findings_in_html(
            page.read_text(encoding="utf-8"), page.relative_to(site).as_posix()
        )
    for feed in sorted(site.rglob("*.xml")):
        if "feeds" in feed.relative_to(site).parts:
            found += findings_in_feed(feed, feed.relative_to(site).as_posix())
    return found
