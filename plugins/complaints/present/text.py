"""Plain text from an HTML fragment, keeping its typographic spaces (pure).

Jinja's ``striptags`` (``markupsafe.Markup.striptags``) joins ``str.split()``, which
splits on U+00A0 and U+202F too: every no-break space the ``typographie`` plugin put
in a title would become a plain space in ``<title>``, attributes and feed titles.
"""

from __future__ import annotations

import html
import re

_COMMENT = re.compile(r"<!--.*?-->", re.S)
_TAG = re.compile(r"<[^>]*>")
_ASCII_SPACES = re.compile(r"[ \t\n\r\f\v]+")


def plain_text(fragment: object) -> str:
    """Tags and comments removed, entities decoded, runs of ASCII white space made one
    space; no-break spaces (U+00A0, U+202F) are kept. Same contract as ``striptags``."""
    text = _TAG.sub("", _COMMENT.sub("", str(fragment)))
    return html.unescape(_ASCII_SPACES.sub(" ", text).strip())
