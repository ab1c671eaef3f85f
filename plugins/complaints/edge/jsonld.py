"""Every testimony's schema.org description, attached once the merchants are known."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator

from complaints.edge.contents import every_article
from complaints.edge.settings import setting
from complaints.present.jsonld import article_jsonld, publisher


def add_article_jsonld(generators: list[Generator]) -> None:
    """Attach its schema.org description to every testimony, drafts included.

    Runs once every generator has its context (merchants are attached to articles by
    ``MerchantsGenerator``) and after the content cache was saved, so the description
    is never cached. (``article_generator_write_article`` is not sent for drafts.)
    """
    context = generators[0].context
    attach_jsonld(every_article(context), context, generators[0].settings)


def attach_jsonld(articles: list[Any], context: dict[str, Any], settings: dict[str, Any]) -> None:
    """Give each of ``articles`` its schema.org description (``article.jsonld``)."""
    site_publisher = publisher(
        settings["SITENAME"], settings["SITEURL"], setting(settings, "COMPLAINTS_PUBLISHER_LOGO")
    )
    for article in articles:
        article.jsonld = article_jsonld(
            article,
            settings["SITEURL"],
            profiles=context.get("author_profiles"),
            publisher=site_publisher,
        )
