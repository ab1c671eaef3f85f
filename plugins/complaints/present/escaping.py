"""Escaping helpers for the places autoescaping cannot reach by itself (pure).

Jinja's autoescaping (on for every template) escapes text and attribute values; two
things it cannot judge are handled here:

- a URL that reaches ``href``/``src`` must not run anything: :func:`safe_url` keeps
  http(s) and site-relative URLs only;
- JSON inside ``<script type="application/ld+json">`` must not close the script:
  :func:`script_json` escapes ``<``, ``>``, ``&`` and ``'`` (and every non-ASCII
  character, U+2028/U+2029 included) as ``\\uXXXX``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from markupsafe import Markup

SAFE_SCHEMES = frozenset({"http", "https"})
_FORBIDDEN = frozenset(chr(c) for c in range(0x20)) | {"\x7f", "\\"}
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "'": "\\u0027"}


def is_safe_url(value: object) -> bool:
    """True for an http(s) URL with a host, or a site-relative path (no scheme)."""
    if not isinstance(value, str) or not value or value != value.strip():
        return False  # browsers strip outer spaces: " javascript:" must not slip through
    if any(ch in _FORBIDDEN for ch in value):
        return False  # browsers drop tabs/newlines ("java\tscript:") and read "\\" as "/"
    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    if parts.scheme:
        return parts.scheme.lower() in SAFE_SCHEMES and bool(parts.netloc)
    return not value.startswith("//")  # scheme-relative URLs leave the site


def safe_url(value: object) -> str:
    """The URL itself when :func:`is_safe_url`, else "" (templates skip empty links)."""
    return str(value) if is_safe_url(value) else ""


def is_site_relative(value: object) -> bool:
    """True for a path inside the site: no scheme, no host, no leading ``//``."""
    return is_safe_url(value) and not urlsplit(str(value)).scheme


def script_json(data: Any) -> Markup:
    """JSON for a ``<script>`` element: ``</script>`` in a value cannot end it.

    Same bytes as Jinja's ``|tojson`` (sorted keys, ASCII only, ``<>&'`` escaped),
    kept here so every JSON-LD block goes through one helper.
    """
    text = json.dumps(data, sort_keys=True, ensure_ascii=True)
    for char, escaped in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escaped)
    return Markup(text)


FILTERS: dict[str, Callable[..., Any]] = {
    "safe_url": safe_url,
    "script_json": script_json,
}
