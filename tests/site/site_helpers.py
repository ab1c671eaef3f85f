"""Reading the built site as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from complaints.editorial.frontmatter import split_front_matter

PIXMANIA_PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/index.html"


def soup(site: Path, relative: str) -> BeautifulSoup:
    """Parse one built page."""
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")


def visible_text(element: Tag) -> str:
    """The text of an element with runs of ASCII whitespace made one space.

    No-break spaces (U+00A0, U+202F) are kept: they are part of what the site writes.
    """
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of the built site."""
    return sorted(site.rglob("*.html"))


def local_path(site: Path, href: str, siteurl: str) -> Path:
    """The file a link of the built site points to."""
    path = href.split("#", 1)[0].removeprefix(siteurl).lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def content_drafts(content: Path) -> list[tuple[Path, str, str]]:
    """(file, title, slug) of every Markdown file under ``content`` whose status is draft."""
    drafts = []
    for path in sorted(content.rglob("*.md")):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        if str(meta.get("status", "")).strip().lower() == "draft":
            drafts.append((path, str(meta.get("title", "")), str(meta.get("slug") or path.stem)))
    return drafts
