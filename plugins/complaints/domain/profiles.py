"""Merchants and authors as their profiles describe them, and the slug rule of a file name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup

_EMPTY = Markup("")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MAX_SLUG = 100  # a folder name: file systems refuse more than 255 bytes


@dataclass(frozen=True)
class MerchantProfile:
    """A merchant as its profile file describes it; `description` is HTML."""

    slug: str
    name: str
    website: str | None = None
    country: str | None = None
    logo: str | None = None
    aliases: tuple[str, ...] = ()
    fictional: bool = False
    description: Markup = _EMPTY


@dataclass(frozen=True)
class AuthorProfile:
    """An author; `body` is the HTML of the optional Markdown text."""

    slug: str
    name: str
    bio: str | None = None
    website: str | None = None
    body: Markup = _EMPTY
    kind: str = "person"  # "organization" for a team signature (schema.org type)
