"""The complaints plugin's part of the preview's warm path (``parallel_build.warm``).

When the preview writes a saved testimony's page and its merchant's page from the
last build before building again, :func:`refresh_testimony` checks that the new
reading can stand there alone and brings up to date what the build derived from the
testimony for those two pages: its merchant's replies, scorecard and JSON-LD, its own
JSON-LD and its issue categories. It refuses (the full build alone writes the pages)
when the file has problems, when the testimony is about another merchant, or when the
checks between files (unknown author, a fictional flag its merchant's profile
contradicts) find one.
"""

from __future__ import annotations

from typing import Any

from complaints.domain.merchants import recount
from complaints.domain.topics import categories_of
from complaints.edge.contents import LINES, PROBLEMS, corpus_entry, every_article
from complaints.edge.findability import LASTMOD_KEY
from complaints.edge.merchants import describe_merchant
from complaints.edge.settings import site_rules
from complaints.editorial.validate import corpus_problems
from complaints.outputs.sitemap import content_lastmod

# parallel_build.warm.content_refreshed, by name: the plugins import each other not
CONTENT_REFRESHED = "parallel_build_content_refreshed"


def refresh_testimony(generator: Any, *, old: Any, new: Any) -> frozenset[str] | str:
    """Update what the two pages show of ``new``; the metadata taken care of, or why not."""
    put_in_place(generator.context, old, new)
    if getattr(new, PROBLEMS, None) or getattr(new, "page_value_problems", None):
        return "the file has problems"
    before, case = getattr(old, "case", None), getattr(new, "case", None)
    if before is None or case is None:
        return frozenset() if before is case else "a testimony block added or removed"
    if case.merchant != before.merchant:
        return "another merchant"
    known_merchants, known_authors = generator.complaints_known
    context = generator.context
    if corpus_problems(
        [corpus_entry(new)],
        context["complaints_merchant_profiles"],
        known_merchants,
        known_authors,
        site_rules(generator.settings),
    ):
        return "problems between files"
    recount(new.merchant, context["articles"])
    describe_merchant(new.merchant, context, generator.settings)
    new.issue_categories = categories_of(case.issues)
    # A follow-up moves ``modified``: shown on these two pages, in the sitemap's dates
    # (put in place above) and in feeds, which only the full build writes. Not when
    # one reading lacks it: the old one's value would have been copied onto the new.
    both_dated = all("modified" in article.metadata for article in (old, new))
    return frozenset({"case", LINES, "modified"} if both_dated else {"case", LINES})


def put_in_place(context: dict[str, Any], old: Any, new: Any) -> None:
    """Put ``new`` where ``old`` stood in what this plugin derived from the articles:
    merchants' and topics' lists, related testimonies, section neighbours, the dates
    the sitemap reads."""
    for holder in (*context.get("merchants", ()), *context.get("topics", ())):
        holder.articles[:] = [new if item is old else item for item in holder.articles]
    for article in every_article(context):
        related = getattr(article, "related", None)
        if related:
            related[:] = [new if item is old else item for item in related]
        for name in ("section_prev", "section_next"):
            if getattr(article, name, None) is old:
                setattr(article, name, new)
    lastmod = context.get(LASTMOD_KEY)
    if lastmod is not None and id(old) in lastmod:
        del lastmod[id(old)]
        lastmod[id(new)] = content_lastmod(new)
