"""What readers see of follow-ups: the « Suivi du dossier » section and its phrases.

The section follows the case box in the testimony's body (so feeds carry it); the
page's byline links to it by :data:`SECTION_ID`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from complaints.domain.followup_log import ENTRY_ID, FOLLOWUPS_LOG_URL
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Testimony
from complaints.domain.rules import UPDATE_CORRECTION_KIND
from complaints.domain.vocabulary import label
from complaints.present.formatting import fuzzy_date_html, money_fr
from typographie import apply

SECTION_ID = "suivi-du-dossier"


def on_date_html(value: FuzzyDate | date) -> Markup:
    """A date after « mis à jour » : « le 12 mars 2021 », « en avril 2021 », « vers … »."""
    fuzzy = value if isinstance(value, FuzzyDate) else FuzzyDate.parse(value)
    html = fuzzy_date_html(fuzzy)
    if fuzzy.approx or fuzzy.is_range:
        return html
    return Markup("le ") + html if fuzzy.precision == "day" else Markup("en ") + html


def outcome_text(outcome: Any) -> str:
    """« résolu (remboursement, 129,90 € récupérés) », « en cours »."""
    text = label(outcome.status, "status")
    details = []
    if outcome.resolution and outcome.resolution != "none":
        details.append(label(outcome.resolution, "resolution"))
    if outcome.recovered is not None and outcome.recovered.value:
        details.append(f"{money_fr(outcome.recovered)} récupérés")
    return f"{text} ({', '.join(details)})" if details else text


def update_sentence(update: Any) -> str:
    """The timeline's line of a follow-up: its kind, then its text."""
    text = update.text.strip()
    return f"{label(update.kind, 'update_kind')}\u202f: {text}"


def followup_entry_html(update: Any) -> Markup:
    """One follow-up as the corrections log and its feeds show it (typeset): its text,
    what a correction changes (what was written, what is exact), the outcome it sets."""
    html = Markup('<p class="followup-text">{}</p>').format(update.text.strip())
    if update.kind == UPDATE_CORRECTION_KIND:
        html += Markup(
            '<dl class="correction"><dt>Nous avions écrit</dt><dd><del>{}</del></dd>'
            "<dt>Ce qui est exact</dt><dd><ins>{}</ins></dd></dl>"
        ).format(update.wrong, update.right)
    if update.outcome is not None:
        html += Markup(
            '<p class="followup-new-outcome">Issue du dossier à cette date : '
            "<strong>{}</strong>.</p>"
        ).format(outcome_text(update.outcome))
    return Markup(apply(str(html)))


FILTERS = {
    "followup_entry_html": followup_entry_html,
    "on_date_html": on_date_html,
    "outcome_text": outcome_text,
    "update_sentence": update_sentence,
}


def render_followups_html(
    env: Any, case: Testimony, published: date | None, site_root: str | None = None
) -> str:
    """The « Suivi du dossier » section of a case with follow-ups ("" without); with
    ``site_root`` (as for the case box), a link to the magazine's « Suivi des dossiers »."""
    if not case.updates:
        return ""
    changes = []
    previous = case.outcome
    for update in case.updates:
        changes.append(previous if update.outcome is not None else None)
        previous = update.outcome or previous
    return env.get_template("followups.html").render(
        case=case,
        published=published,
        section_id=SECTION_ID,
        entry_id=ENTRY_ID,
        log_url=None if site_root is None else site_root + FOLLOWUPS_LOG_URL,
        rows=list(zip(case.updates, changes, strict=True)),
    )
