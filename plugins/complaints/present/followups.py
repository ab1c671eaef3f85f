"""What readers see of follow-ups: the « Suivi du dossier » section and its phrases.

The section follows the case box in the testimony's body (so feeds carry it); the
page's byline links to it by :data:`SECTION_ID`.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from markupsafe import Markup

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Testimony
from complaints.domain.vocabulary import label
from complaints.present.formatting import fuzzy_date_html, money_fr

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


FILTERS = {
    "on_date_html": on_date_html,
    "outcome_text": outcome_text,
    "update_sentence": update_sentence,
}


def render_followups_html(env: Any, case: Testimony, published: date | None) -> str:
    """The « Suivi du dossier » section of a case with follow-ups ("" without)."""
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
        rows=list(zip(case.updates, changes, strict=True)),
    )
