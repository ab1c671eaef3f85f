"""Every testimony's schema.org description, made when its page is rendered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from complaints.edge.settings import setting
from complaints.present.jsonld import article_jsonld, publisher


def testimony_jsonld(settings: dict[str, Any], context: dict[str, Any]) -> Callable[[Any], dict]:
    """The template global ``testimony_jsonld(article)``: its schema.org description.

    Called while the page renders, in whichever process renders it, once every
    generator has its context (merchants and author profiles are then known): the
    description is never kept in memory between pages nor in Pelican's content cache.
    """
    site_publisher = publisher(
        settings["SITENAME"], settings["SITEURL"], setting(settings, "COMPLAINTS_PUBLISHER_LOGO")
    )

    def describe(article: Any) -> dict[str, Any]:
        return article_jsonld(
            article,
            settings["SITEURL"],
            profiles=context.get("author_profiles"),
            publisher=site_publisher,
        )

    return describe
