"""What each feed is about: its page, its title, and absolute links in its entries (pure).

Every feed has one HTML page it syndicates (its ``alternate`` link): the site root for
``all``, a section, tag, author or merchant page otherwise. The feed's title is the
title of the ``<link rel="alternate">`` that announces it in that page's head, made
by :func:`feed_title` for both, so the two never differ.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html.defs import link_attrs
from markupsafe import Markup

from complaints.present.followups import on_date_html, update_sentence
from complaints.present.grammar import de
from typographie import apply, apply_text

#: Feed kinds whose path has a ``{slug}``: (feed path settings, page URL setting).
LISTING_FEEDS: dict[str, tuple[tuple[str, ...], str]] = {
    "category": (("CATEGORY_FEED_ATOM", "CATEGORY_FEED_RSS"), "CATEGORY_URL"),
    "tag": (("TAG_FEED_ATOM", "TAG_FEED_RSS"), "TAG_URL"),
    "author": (("AUTHOR_FEED_ATOM", "AUTHOR_FEED_RSS"), "AUTHOR_URL"),
}
#: Attributes whose value is a URL (or URLs: ``srcset``).
_URL_ATTRIBUTES = (
    "href", "src", "srcset", "poster", "cite", "action", "formaction", "background",
    "longdesc", "data",
)  # fmt: skip
#: Whether lxml's ``make_links_absolute`` could do more than resolve whole attribute
#: values: links in ``<object>`` (``codebase``), ``<meta>`` (refresh), ``<param>``, CSS;
#: a ``<base href>`` it applies, then drops (whatever ``resolve_base_href`` says).
_LINKS_BEYOND_ATTRIBUTES = etree.XPath(
    "boolean(//object|//meta|//param|//style|//*[@style]|//base)"
)
#: The attributes it rewrites (``link_attrs``), and ``srcset`` and ``poster`` it leaves alone.
_LINK_NAMES = "|".join(sorted(link_attrs | {"srcset", "poster"}))
_LINK_ATTRIBUTES = etree.XPath(f"//@*[contains('|{_LINK_NAMES}|', concat('|', name(), '|'))]")
_SRCSET_POSTER = etree.XPath("//@srcset|//@poster")
#: Heads a fictional testimony's entry, as the theme's notice heads its page (bodies
#: never carry it: the notice is said once per page).
FICTIONAL_NOTICE = apply(
    '<p class="notice-fictional"><strong>Exemple fictif.</strong> Ce témoignage et le '
    "marchand dont il parle sont inventés pour illustrer le fonctionnement du magazine ; "
    "toute ressemblance avec une entreprise réelle serait fortuite.</p>"
)


def update_notice(item: Any) -> str:
    """Heads the entry of a testimony with follow-ups: « Mis à jour le … » and the last
    one (the whole « Suivi du dossier » is in the body); "" without follow-ups."""
    updates = getattr(getattr(item, "case", None), "updates", None)
    if not updates:
        return ""
    last = updates[-1]
    notice = Markup('<p class="notice-updated"><strong>Mis à jour {}.</strong> {}</p>').format(
        on_date_html(last.date), update_sentence(last)
    )
    return apply(str(notice))


@dataclass(frozen=True)
class FeedPage:
    """The page a feed syndicates: its path relative to SITEURL ("" = root) and title."""

    url: str
    title: str


def feed_title(kind: str, name: str = "", *, sitename: str) -> str:
    """The title of a feed and of the ``<link rel="alternate">`` announcing it.

    ``kind``: "all", "category", "tag", "author", "merchant", "topic", "followups", or anything else with
    ``name`` as the label. Typeset with the ``typographie`` rules (plain text).
    """
    return _feed_title(kind, str(name).strip(), sitename)


@lru_cache(maxsize=4096)  # every page announces the same few feeds
def _feed_title(kind: str, name: str, sitename: str) -> str:
    labels = {
        "all": f"{sitename} — tous les témoignages",
        "category": f"Rubrique {name} — {sitename}",
        "tag": f"Étiquette « {name} » — {sitename}",
        "author": f"Témoignages {de(name)} — {sitename}",
        "merchant": f"Témoignages sur {name} — {sitename}",
        "topic": f"Problèmes : {name} — {sitename}",
        "followups": f"Suivi des dossiers — {sitename}",
    }
    text = labels.get(kind) or (f"{name} — {sitename}" if name else sitename)
    return apply_text(text)


def _pattern(path_pattern: str) -> re.Pattern[str]:
    literal = [re.escape(part) for part in path_pattern.split("{slug}")]
    return re.compile("(?P<slug>[^/]+)".join(literal) + r"\Z")


def feed_page(settings: dict[str, Any], path: str, name: str = "") -> FeedPage:
    """The page of a feed Pelican writes, found from its output ``path``.

    ``name`` is the listing's name Pelican passes as the feed title (section, tag,
    author). A path no setting explains is a site-wide feed (the root page).
    """
    sitename = settings["SITENAME"]
    for kind, (feed_settings, url_setting) in LISTING_FEEDS.items():
        for feed_setting in feed_settings:
            pattern = settings.get(feed_setting)
            match = _pattern(str(pattern)).match(path) if pattern else None
            if match:
                try:
                    url = settings[url_setting].format(slug=match["slug"])
                except (KeyError, IndexError):
                    url = ""
                return FeedPage(url, feed_title(kind, name, sitename=sitename))
    return FeedPage("", feed_title("all", sitename=sitename))


def _absolute_srcset(srcset: str, base_url: str) -> str:
    """Each ``url [descriptor]`` candidate of a ``srcset`` with its URL made absolute."""
    candidates = []
    for candidate in srcset.split(","):
        parts = candidate.split()
        if parts:
            candidates.append(" ".join([urljoin(base_url, parts[0]), *parts[1:]]))
    return ", ".join(candidates)


def _has_url_attribute(fragment: str) -> bool:
    """A cheap first look before parsing: does any ``name=`` name a URL attribute?

    Conservative (a false alarm only costs a parse); the rewriting uses the parser.
    """
    equals = fragment.find("=")
    while equals != -1:
        name = fragment[max(0, equals - 16) : equals].rstrip().lower()
        if name.endswith(_URL_ATTRIBUTES):
            return True
        equals = fragment.find("=", equals + 1)
    return False


def absolute_links(fragment: str, base_url: str) -> str:
    """``fragment`` (HTML) with every link resolved against ``base_url``.

    Relative ``href``/``src``/``srcset``… and ``#fragment`` links in a feed entry
    would be resolved by readers against the feed's URL: they become absolute,
    resolved against the entry's own page. Parsed by lxml (an HTML parser).
    """
    if not fragment:
        return fragment
    if not _has_url_attribute(fragment):
        return fragment
    root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    if _LINKS_BEYOND_ATTRIBUTES(root):
        root.make_links_absolute(base_url, resolve_base_href=False)
        values = _SRCSET_POSTER(root)
    else:  # what make_links_absolute would do, without its walk over every element
        values = _LINK_ATTRIBUTES(root)
    for value in values:  # as lxml's rewrite_links: the stripped link, resolved
        name = value.attrname
        new = (
            _absolute_srcset(value, base_url)
            if name == "srcset"
            else urljoin(base_url, value.strip())
        )
        if new != value:  # setting the same value would change nothing
            value.getparent().set(name, new)
    inner = html.escape(root.text or "", quote=False)
    return inner + "".join(
        etree.tostring(child, encoding="unicode", method="html") for child in root
    )


def is_fictional(item: Any) -> bool:
    """A testimony marked fictional, or about a fictional merchant."""
    case = getattr(item, "case", None)
    merchant = getattr(item, "merchant", None)
    return bool(getattr(case, "fictional", False) or getattr(merchant, "fictional", False))
