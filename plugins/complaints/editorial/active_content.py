"""Active content in a Markdown body: what would run in a reader's browser.

Bodies are trusted HTML (editors may write inline HTML: a table, a ``<video>``), but
nothing a testimony, a page or a profile needs can run code: ``<script>``, frames,
plugins, forms, ``on…=`` event attributes and ``javascript:``/``vbscript:``/``data:``
URLs (in HTML attributes and in Markdown links, images and reference definitions,
entities decoded as a browser would) are found here, so that the validator refuses
them with their line. The raw HTML is read with the standard library's
:class:`html.parser.HTMLParser`, which decodes entities in attribute values.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "meta"}
)
URL_ATTRIBUTES = frozenset(
    {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "background", "srcset"}
)
_UNSAFE_URL = "une adresse « javascript: », « vbscript: » ou « data: »"
_UNSAFE_SCHEME = re.compile(r"(javascript|vbscript|data):", re.IGNORECASE)
_MARKDOWN_URLS = (
    re.compile(r"\]\(\s*<?([^)\s>]+)"),  # [text](url) and ![alt](url)
    re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.MULTILINE),  # [id]: url
    re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^>\s]*)>"),  # <scheme:...> autolinks
)


@dataclass(frozen=True)
class Found:
    """One piece of active content: where it starts in the body and what it is."""

    start: int
    text: str
    what: str


def unsafe_url(url: str) -> bool:
    """True for a URL a browser would run or render as a document (entities decoded,
    whitespace and control characters ignored, any case)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]+", "", html.unescape(url))
    return bool(_UNSAFE_SCHEME.match(cleaned))


_NEWLINE = re.compile("\n")


class _Scanner(HTMLParser):
    def __init__(self, body: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[Found] = []
        self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(body)]

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if tag in ACTIVE_ELEMENTS:
            self.found.append(Found(start, f"<{tag}>", f"un élément <{tag}>"))
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(Found(start, f"{name}=", f"un attribut d'événement « {name} »"))
            elif name in URL_ATTRIBUTES and value and unsafe_url(value):
                self.found.append(Found(start, f"{name}={value[:40]}", _UNSAFE_URL))

    handle_startendtag = handle_starttag


def active_content(body: str) -> list[Found]:
    """Every script, frame, event attribute and unsafe URL of a Markdown body."""
    scanner = _Scanner(body)
    scanner.feed(body)
    scanner.close()
    found = list(scanner.found)
    for pattern in _MARKDOWN_URLS:
        for match in pattern.finditer(body):
            if unsafe_url(match.group(1)):
                found.append(Found(match.start(1), match.group(1)[:40], _UNSAFE_URL))
    return sorted(found, key=lambda f: f.start)
