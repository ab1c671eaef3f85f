"""The domain's rules, in one place: what statuses and events mean, the scoring points
and the thresholds of the methodology.

Every number here is stated in plain French on ``content/pages/methodologie.md``, which
prints it as ``{{ code.NAME }}`` (``methodology_values``). The model, the timeline, the
scorecard, the case box and the templates read them from here, as ``rules.NAME`` when
they compute; nothing else restates them. Pure data: no imports from the rest of the plugin.
"""

from __future__ import annotations

from statistics import NormalDist

# --- statuses -----------------------------------------------------------------

OPEN = "open"
RESOLVED = "resolved"
PARTIALLY_RESOLVED = "partially_resolved"
UNRESOLVED = "unresolved"
SOLVED_STATUSES = frozenset({RESOLVED, PARTIALLY_RESOLVED})
"""Statuses that need a ``remedy_received`` event and count as solved."""
RESOLUTION_CREDIT = {RESOLVED: 1.0, PARTIALLY_RESOLVED: 0.5}
"""Weight of a case in the resolved share (other statuses: 0)."""

# --- event kinds ----------------------------------------------------------------

COMPLAINT_KIND = "complaint"
"""The first complaint starts the clock (t0)."""
PROBLEM_KINDS = frozenset(
    {"delivery_problem", "complaint", "reminder", "formal_notice", "escalation", "loop"}
)
"""Without a complaint, the first of these starts the clock."""
ANSWER_KINDS = frozenset({"merchant_answer", "offer", "promise"})
"""A substantive answer of the merchant (an automatic acknowledgement is not one)."""
PROMISE_KINDS = frozenset({"offer", "promise"})
"""Commitments of the merchant, broken when no remedy follows in time."""
RESOLUTION_KIND = "remedy_received"
"""The event that resolves a case."""
REPLY_KIND = "merchant_reply"
"""A right of reply, shown apart from the timeline."""
KIND_FIELDS = {
    "options": frozenset({"offer"}),
    "value": frozenset({"choice"}),
    "amount": frozenset({RESOLUTION_KIND, *PROMISE_KINDS}),
}
"""Event fields that belong to some kinds only (the editing form shows them for those)."""
PROMISE_DAYS = 30
"""A promise or offer with no remedy within this many days is broken."""

# --- points of one case -----------------------------------------------------------

STATUS_POINTS = {RESOLVED: 60, PARTIALLY_RESOLVED: 30}
ANSWER_POINTS = ((15, 25), (30, 15), (60, 5))
"""(first answer within this many days, points), the first that applies."""
NO_BROKEN_PROMISE_POINTS = 15

# --- the merchant's score and thresholds --------------------------------------------

PRIOR_CASES = 5
"""Weight of the prior, in pseudo-cases, in the shrunk score."""
PRIOR_MEAN = 50
"""Points of each pseudo-case of the prior."""
MIN_CASES_FOR_SCORE = 3
"""No score is published below this many testimonies."""
LOW_CONFIDENCE_BELOW = 5
"""Below this many testimonies the scorecard is flagged "confiance faible"."""
TIMELY_DAYS = 15
"""An answer within this many days of the first complaint is timely."""
OLD_CASE_DAYS = 60
"""An open case followed this long counts in the resolved share (as not resolved)."""
CONFIDENCE_PERCENT = 90
"""Confidence level of the Wilson interval around the resolved share, in percent."""
CONFIDENCE = CONFIDENCE_PERCENT / 100
Z = NormalDist().inv_cdf(1 - (1 - CONFIDENCE) / 2)
"""The normal quantile of that two-sided interval (about 1.645)."""

# --- follow-ups after publication (testimony.updates) -------------------------------

UPDATE_ANSWER_KIND = "merchant_reply"
"""A follow-up telling the merchant's answer after publication (a first answer counts)."""
UPDATE_CORRECTION_KIND = "correction"
"""A follow-up that corrects the published text: it says what was wrong and what is right."""
UPDATE_OUTCOME_KIND = "outcome"
"""A follow-up that states the new outcome (« dénouement »)."""
RECOVERED_RESOLUTIONS = frozenset({"refund", "store_credit"})
"""Resolutions whose sum obtained (``recovered``), when given, is more than zero."""
