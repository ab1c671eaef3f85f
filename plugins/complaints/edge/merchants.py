"""The merchants generator: merchant pages, the merchant index, merchant feeds, open data."""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator
from pelican.writers import Writer

from complaints.domain.merchants import (
    MERCHANTS_INDEX_URL,
    Merchant,
    build_merchants,
    public_merchants,
)
from complaints.domain.publication_effect import effect_of
from complaints.edge.contents import every_article
from complaints.edge.open_data import note_page_for_sitemap, page_url, planned, write_open_data
from complaints.edge.settings import setting
from complaints.edge.writer import write_feeds
from complaints.edge.written_memory import forget_feed_entries
from complaints.outputs.feeds import FeedPage, feed_title
from complaints.present.jsonld import merchant_jsonld


class MerchantsGenerator(Generator):
    """Writes merchant pages, the merchant index, merchant feeds and open data."""

    def generate_context(self) -> None:
        """Group published testimonies by merchant; give every article its merchant.

        Only public merchants (with a published testimony) get a page, an index row,
        feeds and data; a draft or hidden testimony about another merchant carries a
        merchant that is not public (its name, no link).
        """
        settings = self.settings
        feeds_on = setting(settings, "COMPLAINTS_MERCHANT_FEEDS")
        every_merchant = build_merchants(
            self.context.get("complaints_merchant_profiles", {}),
            self.context["articles"],
            feed_atom_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_ATOM")
            if feeds_on
            else None,
            feed_rss_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_RSS")
            if feeds_on
            else None,
        )
        by_slug = {m.slug: m for m in every_merchant}
        for article in every_article(self.context):
            article.merchant = by_slug[article.case.merchant]
        self.merchants = public_merchants(every_merchant)
        self.context["merchants"] = self.merchants
        self.context["MERCHANTS_INDEX_URL"] = MERCHANTS_INDEX_URL
        self.context["DATA_PAGE_URL"] = page_url(settings)
        self.context["site_publication_effect"] = effect_of(self.context["articles"])

    def planned_outputs(self) -> dict[str, str]:
        """Every file :meth:`generate_output` writes, for the output plan."""
        plan: dict[str, str] = {}
        for merchant in self.merchants:
            plan[merchant.save_as] = f"la page du marchand « {merchant.slug} »"
            for kind, path in (("Atom", merchant.feed_atom_url), ("RSS", merchant.feed_rss_url)):
                if path:
                    plan[path] = f"le flux {kind} du marchand « {merchant.slug} »"
        plan[MERCHANTS_INDEX_URL + "index.html"] = "l'index des marchands"
        for name in (
            "COMPLAINTS_DATA_MERCHANTS",
            "COMPLAINTS_DATA_TESTIMONIES",
            "COMPLAINTS_DATA_SPREADSHEET",
        ):
            if path := setting(self.settings, name):
                plan[path] = f"les données ouvertes ({name})"
        plan.update(planned(self.settings))
        return plan

    def generate_output(self, writer: Writer) -> None:
        """Write every merchant page, the index, the feeds and the data files."""
        for merchant in self.merchants:
            writer.write_file(
                merchant.save_as,
                self.get_template("merchant"),
                self.context,
                merchant=merchant,
                merchant_jsonld=describe_merchant(merchant, self.context, self.settings),
                url=merchant.url,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
            write_feeds(
                writer,
                merchant.articles,
                self.context,
                FeedPage(
                    merchant.url,
                    feed_title("merchant", merchant.name, sitename=self.settings["SITENAME"]),
                ),
                merchant.feed_atom_url,
                merchant.feed_rss_url,
            )
            forget_feed_entries(self, writer)  # no other feed holds this merchant's entries
        writer.write_file(
            MERCHANTS_INDEX_URL + "index.html",
            self.get_template("merchants"),
            self.context,
            merchants=self.merchants,
            url=MERCHANTS_INDEX_URL,
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        # parallel_build's writer can do this job in any process, while pages render
        note_page_for_sitemap(self.context, self.settings)
        share_out = getattr(writer, "share_out", None)
        if share_out is None:
            self._write_data()
        else:
            share_out("donnees/", self._write_data, cost=len(self.context["articles"]))

    def _write_data(self) -> None:
        write_open_data(self, self.merchants)


def describe_merchant(
    merchant: Merchant, context: dict[str, Any], settings: dict[str, Any]
) -> dict[str, Any]:
    """The merchant page's schema.org description, kept as ``merchant.jsonld``.

    Made again in place when the preview's warm path changed one of its testimonies
    (:mod:`.warm_refresh`): the page write it noted holds this very dictionary.
    """
    fresh = merchant_jsonld(merchant, settings["SITEURL"], profiles=context.get("author_profiles"))
    if merchant.jsonld is None:
        merchant.jsonld = fresh
    else:
        merchant.jsonld.clear()
        merchant.jsonld.update(fresh)
    return merchant.jsonld


def get_generators(_pelican: Any) -> type[Generator]:
    return MerchantsGenerator
