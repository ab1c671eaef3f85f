"""Every setting the complaints plugin reads, with its default, and the site's slugify.

``setting(settings, name)`` is the one way to read a ``COMPLAINTS_*`` setting;
``site_rules(settings)`` gives the validator what the settings say about content, with
Pelican's own ``slugify``; ``site_settings(path)`` reads a settings file as the build
does (``invoke check`` uses it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from pelican.settings import DEFAULT_CONFIG, read_settings
from pelican.utils import slugify

from complaints.editorial.validate import DEFAULT_SECTIONS, Rules

DEFAULTS: dict[str, Any] = {
    # where profiles are, under the content folder
    "COMPLAINTS_MERCHANTS_DIR": "merchants",
    "COMPLAINTS_AUTHORS_DIR": "authors",
    # what the validator accepts
    "COMPLAINTS_SECTIONS": list(DEFAULT_SECTIONS),
    "COMPLAINTS_REFUSE_PLACEHOLDERS": False,
    # merchant and topic feeds (topic feeds: None follows the site's own feeds)
    "COMPLAINTS_MERCHANT_FEEDS": True,
    "COMPLAINTS_MERCHANT_FEED_ATOM": "feeds/marchands/{slug}.atom.xml",
    "COMPLAINTS_MERCHANT_FEED_RSS": "feeds/marchands/{slug}.rss.xml",
    "COMPLAINTS_TOPIC_FEEDS": None,
    "COMPLAINTS_TOPIC_FEED_ATOM": "feeds/problemes/{slug}.atom.xml",
    "COMPLAINTS_TOPIC_FEED_RSS": "feeds/problemes/{slug}.rss.xml",
    # the corrections log's feeds (« Suivi des dossiers »; None follows the site's own feeds)
    "COMPLAINTS_FOLLOWUP_FEEDS": None,
    "COMPLAINTS_FOLLOWUP_FEED_ATOM": "feeds/suivis.atom.xml",
    "COMPLAINTS_FOLLOWUP_FEED_RSS": "feeds/suivis.rss.xml",
    # open data
    "COMPLAINTS_DATA_MERCHANTS": "donnees/marchands.json",
    "COMPLAINTS_DATA_TESTIMONIES": "donnees/temoignages.csv",
    "COMPLAINTS_DATA_SPREADSHEET": "donnees/temoignages.xlsx",
    # the Data Package: its tables go beside it in csv/ and json/; its page
    "COMPLAINTS_DATA_PACKAGE": "donnees/datapackage.json",
    "COMPLAINTS_DATA_PAGE": "donnees/index.html",
    # the JSON-LD publisher's logo
    "COMPLAINTS_PUBLISHER_LOGO": "theme/images/favicon.svg",
    # pages per Pagefind run (its memory grows with what it reads: about 160 MB)
    "COMPLAINTS_SEARCH_BUNDLE_PAGES": 600,
    # Pagefind runs at a time (one when PARALLEL is False): each keeps about 1.4 cores
    # busy, then writes alone
    "COMPLAINTS_SEARCH_RUNS_AT_ONCE": 2,
    # empty the output folder once the content is valid (production)
    "COMPLAINTS_DELETE_OUTPUT_DIRECTORY": False,
}

#: Where the sample site keeps its content, for ``invoke check`` without a settings file.
CONTENT_LAYOUT = {"ARTICLE_PATHS": ["temoignages"], "PAGE_PATHS": ["pages"]}


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """A ``COMPLAINTS_*`` setting, or its default."""
    value = settings.get(name, DEFAULTS[name])
    if name in ("COMPLAINTS_TOPIC_FEEDS", "COMPLAINTS_FOLLOWUP_FEEDS") and value is None:
        return bool(settings.get("FEED_ALL_ATOM") or settings.get("FEED_ALL_RSS"))
    return value


def with_defaults(settings: Mapping[str, Any]) -> dict[str, Any]:
    """``settings`` with every plugin setting it does not set at its default."""
    return {**DEFAULTS, **settings}


def site_slugify(settings: Mapping[str, Any]) -> Callable[[str], str]:
    """Pelican's ``slugify`` with the site's rules for author names."""
    subs = (
        settings.get("AUTHOR_REGEX_SUBSTITUTIONS")
        or settings.get("SLUG_REGEX_SUBSTITUTIONS")
        or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    return lambda text: slugify(text, regex_subs=subs)


def site_rules(settings: Mapping[str, Any]) -> Rules:
    """What the settings say about content, for the validator."""
    return Rules.from_settings(with_defaults(settings), site_slugify(settings))


def site_settings(path: Path | None) -> dict[str, Any]:
    """A settings file read as Pelican reads it, or the sample site's layout without one."""
    if path is None or not path.is_file():
        return with_defaults(CONTENT_LAYOUT)
    return with_defaults(read_settings(str(path)))
