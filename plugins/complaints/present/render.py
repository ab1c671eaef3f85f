"""The HTML case box of a testimony (summary, timeline, right of reply)."""

from __future__ import annotations

import functools
from datetime import date
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from complaints.domain.followups import before_publication, timeline_after
from complaints.domain.model import Testimony
from complaints.domain.rules import OPEN, PARTIALLY_RESOLVED, RESOLVED, UNRESOLVED
from complaints.domain.timeline import CaseFacts, TimelineEntry, build_timeline, replies
from complaints.domain.topics import categories_of, topic_url
from complaints.domain.vocabulary import label
from complaints.present.filters import install
from complaints.present.followups import render_followups_html
from complaints.present.formatting import duration_fr
from complaints.present.phrasing import event_sentence

TEMPLATES = Path(__file__).parent / "templates"
MARKER = "<!-- chronologie -->"
# Follows the status label: "en cours depuis …", "résolu en partie en …".
_PHRASES = {
    OPEN: "depuis {}",
    UNRESOLVED: "après {}",
    RESOLVED: "en {}",
    PARTIALLY_RESOLVED: "en {}",
}


@functools.cache
def environment() -> Environment:
    """The Jinja environment of the plugin's templates, with the French filters and rules."""
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=StrictUndefined,
    )
    install(env)
    env.filters["event_sentence"] = event_sentence
    return env


def elapsed_text(facts: CaseFacts) -> str:
    """ "depuis plus d'un an", "en 3 semaines" (after the status); "" when unknown."""
    if facts.days_open is None:
        days, key = facts.days_to_resolution, facts.status
    else:
        days = facts.days_open
        key = UNRESOLVED if facts.status == UNRESOLVED else OPEN
    if days is None or (days == 0 and facts.approx):
        return ""
    return _PHRASES[key].format(duration_fr(days, facts.approx))


def answer_text(facts: CaseFacts) -> str:
    """Delay of the first substantive answer, or "aucune"."""
    days = facts.days_to_first_answer
    if days is None:
        return "aucune"
    if days == 0:
        if facts.approx:
            return "peu après le premier signalement"
        return "le jour même du premier signalement"
    return f"{duration_fr(days, facts.approx)} après le premier signalement"


def delay_text(entry: TimelineEntry) -> str:
    """Time since the previous event: "3 semaines plus tard", "le même jour"."""
    if entry.days_since_previous is None:
        return ""
    if entry.days_since_previous == 0:
        return "le même jour"
    return f"{duration_fr(entry.days_since_previous, entry.approx)} plus tard"


def render_case_html(
    testimony: Testimony,
    facts: CaseFacts,
    site_root: str | None = None,
    published: date | None = None,
) -> str:
    """The `<section class="case">` of one testimony, then its « Suivi du dossier ».

    Its timeline puts the steps after ``published`` (the publication day) after a
    « Publication » marker.
    With ``site_root`` (the prefix of site paths seen from the page: "../../../" or
    SITEURL + "/"), the box links to the topic page of each issue category.
    """
    topics = (
        [
            (label(c, "issue_category"), site_root + topic_url(c))
            for c in categories_of(testimony.issues)
        ]
        if site_root is not None
        else []
    )
    return (
        environment()
        .get_template("case.html")
        .render(
            case=testimony,
            facts=facts,
            entries=build_timeline(testimony, before_publication(testimony, published)),
            after=timeline_after(testimony, published),
            published=published,
            replies=replies(testimony),
            elapsed=elapsed_text(facts),
            answer=answer_text(facts),
            delay=delay_text,
            topics=topics,
        )
    ) + render_followups_html(environment(), testimony, published, site_root)


def insert_case_html(content: str, case_html: str) -> str:
    """Put the case box at the `<!-- chronologie -->` marker, else after the first
    paragraph, else at the end."""
    if MARKER in content:
        return content.replace(MARKER, case_html, 1)
    end = content.find("</p>")
    if end == -1:
        return content + case_html
    end += len("</p>")
    return content[:end] + "\n" + case_html + content[end:]
