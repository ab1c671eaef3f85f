"""The corrections log: ``FollowupLogGenerator`` writes « Suivi des dossiers »
(``suivi-des-dossiers/``), every follow-up of the published testimonies newest first,
and its Atom and RSS feeds (one entry per follow-up; none while there is no follow-up).

Made after the merchants generator (each testimony has its merchant) and before the
findability one, whose sitemap lists the pages written before it.
"""

from __future__ import annotations

from typing import Any

from pelican.generators import Generator
from pelican.writers import Writer

from complaints.domain.followup_log import FOLLOWUPS_LOG_URL, followup_log
from complaints.edge.settings import setting
from complaints.edge.writer import write_feeds
from complaints.outputs.feeds import FeedPage, feed_title
from complaints.outputs.followup_feed import feed_entry

LOG_KEY = "followup_log"


class FollowupLogGenerator(Generator):
    """The « Suivi des dossiers » page and its feeds."""

    def generate_context(self) -> None:
        self.entries = followup_log(self.context["articles"])
        # an empty feed would be dated by the clock: no feeds before the first follow-up
        feeds_on = self.entries and setting(self.settings, "COMPLAINTS_FOLLOWUP_FEEDS")
        self.feed_atom = (
            setting(self.settings, "COMPLAINTS_FOLLOWUP_FEED_ATOM") if feeds_on else None
        )
        self.feed_rss = setting(self.settings, "COMPLAINTS_FOLLOWUP_FEED_RSS") if feeds_on else None
        self.context[LOG_KEY] = self.entries
        self.context["FOLLOWUPS_LOG_URL"] = FOLLOWUPS_LOG_URL

    def planned_outputs(self) -> dict[str, str]:
        """Every file this generator writes (for the build's output plan)."""
        what = "le suivi des dossiers (FollowupLogGenerator)"
        planned = {FOLLOWUPS_LOG_URL + "index.html": what}
        for feed in (self.feed_atom, self.feed_rss):
            if feed:
                planned[feed] = what
        return planned

    def generate_output(self, writer: Writer) -> None:
        # the testimonies it lists: the sitemap dates the page by their last change
        shown = list({id(e.item): e.item for e in self.entries}.values())
        writer.write_file(
            FOLLOWUPS_LOG_URL + "index.html",
            self.get_template("followups_log"),
            self.context,
            entries=self.entries,
            articles=shown,
            feed_atom=self.feed_atom,
            feed_rss=self.feed_rss,
            url=FOLLOWUPS_LOG_URL,
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        write_feeds(
            writer,
            [feed_entry(entry) for entry in self.entries],
            self.context,
            FeedPage(
                FOLLOWUPS_LOG_URL, feed_title("followups", sitename=self.settings["SITENAME"])
            ),
            self.feed_atom,
            self.feed_rss,
        )


def get_generators(_pelican: Any) -> type[Generator]:
    return FollowupLogGenerator
