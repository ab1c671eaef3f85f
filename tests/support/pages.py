"""Reading the built site as a reader would."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag


def soup(site: Path, relative: str) -> BeautifulSoup:
    """Parse one built page."""
    return BeautifulSoup((site / relative).read_text(encoding="utf-8"), "lxml")


def visible_text(element: Tag) -> str:
    """The text of an element with runs of ASCII whitespace made one space.

    No-break spaces (U+00A0, U+202F) are kept: they are part of what the site writes.
    """
    return re.sub(r"[ \t\r\n]+", " ", element.get_text(" ")).strip()


def main_text(site: Path, relative: str) -> str:
    """A page's main text with every kind of space as a plain space."""
    page = soup(site, relative)
    return " ".join((page.find("main") or page).get_text(" ").split())


def html_pages(site: Path) -> list[Path]:
    """Every HTML file of the built site."""
    return sorted(site.rglob("*.html"))


def local_path(site: Path, href: str, siteurl: str) -> Path:
    """The file a link of the built site points to."""
    path = href.split("#", 1)[0].removeprefix(siteurl).lstrip("/")
    target = site / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def every_text(site: Path) -> str:
    """Every file of a built site as text, one after the other."""
    return "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*") if p.is_file()
    )
