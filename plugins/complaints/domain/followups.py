"""Follow-ups after publication (``testimony.updates``): their rules and what they change.

The outcome written in ``testimony.outcome`` is the outcome at publication; the current
outcome is the last one a follow-up states. :func:`latest_case` is the case with the
latest facts (current outcome, the merchant's answer and the remedy obtained after
publication as events), from which durations and scorecards are computed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import ROOT, Event, FollowUp, Outcome, Testimony
from complaints.domain.problems import MISSING, Problem, show
from complaints.domain.rules import (
    ANSWER_KINDS,
    RECOVERED_RESOLUTIONS,
    REPLY_KIND,
    RESOLUTION_KIND,
    SOLVED_STATUSES,
    UPDATE_ANSWER_KIND,
    UPDATE_CORRECTION_KIND,
    UPDATE_OUTCOME_KIND,
)

_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def publication_day(value: object) -> date | None:
    """The day of a publication date as written in front matter (None if unreadable)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and (match := _ISO_DAY.match(value.strip())):
        try:
            return date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            return None
    return None


def followup_problems(case: Testimony, published: date | None, source: str) -> list[Problem]:
    """What is wrong with the follow-ups of a valid case (dates, corrections, outcomes)."""
    problems: list[Problem] = []

    def add(number: int, field: str, value: object, expected: str) -> None:
        problems.append(Problem(source, f"{ROOT}.updates[{number}].{field}", show(value), expected))

    amount = case.order.amount
    for number, update in enumerate(case.updates, 1):
        if published is not None and update.date.end < published:
            add(
                number,
                "date",
                str(update.date),
                f"un suivi daté après la publication ({published.isoformat()}) ; "
                "ce qui précède la publication va dans testimony.events",
            )
        if number > 1 and update.date.end < case.updates[number - 2].date.start:
            add(
                number,
                "date",
                str(update.date),
                "des suivis dans l'ordre chronologique : cette date précède celle du "
                f"suivi précédent ({case.updates[number - 2].date})",
            )
        if not update.text.strip():
            add(number, "text", update.text, "un texte qui dit ce qui s'est passé")
        if update.kind == UPDATE_CORRECTION_KIND:
            empty = [f for f in ("wrong", "right") if not (getattr(update, f) or "").strip()]
            what = {"wrong": "ce qui était écrit", "right": "ce qui est exact"}
            if empty:  # one problem, on the first empty field
                value = getattr(update, empty[0])
                add(
                    number,
                    empty[0],
                    MISSING if value is None else value,
                    f"une correction dit {' et '.join(what[f] for f in empty)} : "
                    "wrong: « … » (l'erreur publiée) et right: « … » (le fait exact)",
                )
        else:
            for field in ("wrong", "right"):
                if getattr(update, field) is not None:
                    add(
                        number,
                        field,
                        getattr(update, field),
                        "wrong et right ne servent qu'à une correction (kind: correction) ; "
                        "retirez ce champ ou changez le type de suivi",
                    )
        if update.kind == UPDATE_OUTCOME_KIND and update.outcome is None:
            add(
                number,
                "outcome",
                MISSING,
                "un dénouement donne la nouvelle issue : outcome: {status: …, resolution: …, "
                "recovered: {value: …, currency: EUR}}",
            )
        outcome = update.outcome
        if outcome is None:
            continue
        if outcome.as_of is not None and outcome.as_of < update.date.start:
            add(
                number,
                "outcome.as_of",
                outcome.as_of,
                f"une date égale ou postérieure à celle du suivi ({update.date}) "
                "(ou pas de as_of : la date du suivi vaut pour son issue)",
            )
        recovered = outcome.recovered
        solved = outcome.status in SOLVED_STATUSES
        if solved and outcome.resolution == "none" and not (recovered and recovered.value):
            add(
                number,
                "outcome.resolution",
                outcome.resolution,
                "un dossier résolu (même en partie) dit ce qui a été obtenu : resolution "
                "(refund, replacement, repair…) ou recovered ; sinon statut open ou unresolved",
            )
        refunded_nothing = recovered is not None and not recovered.value
        if solved and outcome.resolution in RECOVERED_RESOLUTIONS and refunded_nothing:
            add(
                number,
                "outcome.recovered.value",
                recovered.value,
                "la somme obtenue, plus de zéro (ou pas de recovered si elle est inconnue)",
            )
        if recovered and amount and recovered.currency != amount.currency:
            add(
                number,
                "outcome.recovered.currency",
                recovered.currency,
                f"la devise de la commande ({amount.currency})",
            )
    return problems


def last_update(case: Testimony) -> FollowUp | None:
    """The latest follow-up, or None."""
    return case.updates[-1] if case.updates else None


def update_day(update: FollowUp, published: date | None = None) -> date:
    """The day a follow-up is dated for machines (feeds, sitemap): the first day it
    covers (or its outcome's ``as_of``), never before the publication."""
    day = update.date.start
    if update.outcome is not None and update.outcome.as_of is not None:
        day = max(day, update.outcome.as_of)
    return max(day, published) if published is not None else day


def current_outcome(case: Testimony) -> Outcome:
    """The last outcome stated (by a follow-up, else at publication), as of the latest
    follow-up."""
    outcome = case.outcome
    as_of = max([outcome.as_of, *(update_day(u) for u in case.updates)])
    stated = next((u.outcome for u in reversed(case.updates) if u.outcome), None)
    if stated is None:
        return outcome if as_of == outcome.as_of else outcome.model_copy(update={"as_of": as_of})
    return Outcome.model_construct(
        status=stated.status, resolution=stated.resolution, recovered=stated.recovered, as_of=as_of
    )


def _event(update: FollowUp, actor: str, kind: str) -> Event:
    return Event.model_construct(date=update.date, actor=actor, kind=kind)


def derived_events(case: Testimony) -> list[Event]:
    """The steps the follow-ups add to the facts: the merchant's first answer after
    publication (when there was none before) and each remedy obtained."""
    answered = any(e.actor == "merchant" and e.kind in ANSWER_KINDS for e in case.events)
    status = case.outcome.status
    events = []
    for update in case.updates:
        if update.kind == UPDATE_ANSWER_KIND and not answered:
            events.append(_event(update, "merchant", "merchant_answer"))
            answered = True
        if update.outcome is not None:
            new = update.outcome.status
            if new in SOLVED_STATUSES and new != status:
                events.append(_event(update, "consumer", RESOLUTION_KIND))
            status = new
    return events


def latest_case(case: Testimony) -> Testimony:
    """The case with the latest facts (the case itself when it has no follow-up)."""
    if not case.updates:
        return case
    return case.model_copy(
        update={
            "outcome": current_outcome(case),
            "events": [*case.events, *derived_events(case)],
        }
    )


def after_publication(case: Testimony, published: date | None) -> list[FollowUp | Event]:
    """The steps after publication, in order: follow-ups, then (when the publication
    day is known) rights of reply and events dated after it."""
    steps: list[FollowUp | Event] = list(case.updates)  # in the editor's order
    if published is None:
        return steps
    for event in case.events:
        if event.kind == REPLY_KIND or event.date.start > published:
            place = next(
                (i for i, s in enumerate(steps) if s.date.sort_key > event.date.sort_key),
                len(steps),
            )
            steps.insert(place, event)
    return steps


def before_publication(case: Testimony, published: date | None) -> list[Event]:
    """The events up to the publication (rights of reply are shown apart)."""
    return [
        e
        for e in case.events
        if e.kind != REPLY_KIND and (published is None or e.date.start <= published)
    ]


@dataclass(frozen=True)
class AfterStep:
    """A step after publication with the days since the previous step (the first one:
    since the publication); None when unknown."""

    step: FollowUp | Event
    days_since_previous: int | None
    approx: bool

    @property
    def is_update(self) -> bool:
        return isinstance(self.step, FollowUp)


def timeline_after(case: Testimony, published: date | None) -> list[AfterStep]:
    """The steps after publication with their delays, for the case's timeline."""
    entries = []
    previous = FuzzyDate.parse(published) if published is not None else None
    for step in after_publication(case, published):
        days, approx = None, False
        if previous is not None and not previous.is_range:
            approx = not (previous.is_exact and step.date.is_exact)
            days = (step.date.start - previous.start).days
            if days < 0 or (days == 0 and approx):
                days = None
        entries.append(AfterStep(step, days, approx))
        previous = step.date
    return entries


def modified_after_updates(
    case: Testimony, published: datetime | None, modified: datetime | None
) -> datetime | None:
    """The page's last modification once its follow-ups count: the latest of
    ``modified`` and the last follow-up's day (at midnight, never before ``published``)."""
    last = last_update(case)
    if last is None or published is None:
        return modified
    day = datetime.combine(update_day(last, published.date()), time(), tzinfo=published.tzinfo)
    return max(moment for moment in (modified, published, day) if moment is not None)
