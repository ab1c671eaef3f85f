"""The rules that make a case agree with itself: the case box, the timeline and the
outcome may not contradict one another, nor the publication date.

:func:`case_problems` returns one :class:`Problem` per contradiction, on the field to
correct, naming the other field involved (and its line, through ``line_of``).
:data:`RULES` describes each rule in French for the vocabulary reference.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from complaints.domain import vocabulary as voc
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import ROOT, Event, Testimony
from complaints.domain.problems import Problem, show
from complaints.domain.rules import OPEN, REPLY_KIND, RESOLUTION_KIND, SOLVED_STATUSES, UNRESOLVED

ORDER_KIND = "order"
CHOICE_KIND, OFFER_KIND = "choice", "offer"
DELIVERED_KIND = "delivery"
NEVER_DELIVERED = "delivery.never"
REFUND = "refund"
DIGITAL = "digital"
NOBODY = "none"
NO_RESOLUTION = "none"
UPDATES_KEY = "updates"
"""The front-matter list where what happens after publication is told."""

RULES: tuple[tuple[str, str], ...] = (
    ("order.date", "La date de la commande (order.date) et celle de l'événement « order » se recouvrent ; leurs canaux aussi, s'ils sont donnés."),
    ("experience_date", "La date de l'expérience n'est pas antérieure à la commande."),
    ("issues, lessons, tags", "Aucun problème, aucune leçon, aucune étiquette ni option donnés deux fois."),
    ("events", "Aucun événement daté après la publication (date:) : la suite du dossier se raconte dans « updates: ». Seul le droit de réponse (merchant_reply) vient après la publication, jamais avant."),
    ("outcome.recovered", "Le montant récupéré (et celui d'une solution obtenue) ne dépasse pas le montant de la commande, dans la même devise, sauf si la note de l'événement remedy_received explique l'écart."),
    ("outcome.resolution", "Un dossier résolu (même en partie) a une solution ; un dossier en cours ou clos sans solution n'en a pas ; un remboursement rend un montant ; un montant récupéré suppose une solution."),
    ("events (choice)", "Le choix du client (choice) est l'une des options de la dernière proposition (offer) qui le précède."),
    ("issues (delivery.never)", "Un colis « jamais livré » n'a pas d'événement « delivery » (livraison)."),
    ("delivery", "Un téléchargement (mode digital) n'a pas de transporteur."),
    ("events[].amount", "Le montant d'une solution obtenue est dans la devise de la commande."),
    ("verification", "Des pièces vues (documents_seen: true) l'ont été par quelqu'un (by: editor ou author)."),
)  # fmt: skip
"""(fields, rule in French), listed in docs/vocabulaire.md."""

LineOf = Callable[[str], "int | None"]


def case_problems(
    case: Testimony,
    source: str,
    published: date | None = None,
    line_of: LineOf = lambda _field: None,
) -> list[Problem]:
    """Every contradiction inside a valid case (and with its publication date)."""
    checks = _Checks(case, source, line_of)
    checks.order()
    checks.duplicates()
    checks.amounts()
    checks.outcome()
    checks.choices()
    checks.delivery()
    checks.delivery_and_proof()
    if published is not None:
        checks.publication(published)
    return checks.problems


def duplicates(values: Iterable[str]) -> list[tuple[int, int]]:
    """(position of the repeat, position of the first), counted from 1, per repeat."""
    first: dict[str, int] = {}
    found = []
    for number, value in enumerate(values, 1):
        if value in first:
            found.append((number, first[value]))
        else:
            first[value] = number
    return found


def _overlap(a: FuzzyDate, b: FuzzyDate) -> bool:
    return a.start <= b.end and b.start <= a.end


class _Checks:
    """The rules, each adding its problems to :attr:`problems`."""

    def __init__(self, case: Testimony, source: str, line_of: LineOf) -> None:
        self.case, self.source, self.line_of = case, source, line_of
        self.problems: list[Problem] = []

    def add(self, field: str, value: object, expected: str) -> None:
        self.problems.append(Problem(self.source, f"{ROOT}.{field}", show(value), expected))

    def other(self, field: str, value: object) -> str:
        """« testimony.events[1].date = 2008-07-05, ligne 14 »: the other field named."""
        line = self.line_of(f"{ROOT}.{field}")
        return f"{ROOT}.{field} = {value}" + (f", ligne {line}" if line else "")

    def events(self, *kinds: str) -> list[tuple[int, Event]]:
        return [(n, e) for n, e in enumerate(self.case.events, 1) if e.kind in kinds]

    def order(self) -> None:
        order = self.case.order
        agreed = True
        for number, event in self.events(ORDER_KIND)[:1]:
            if not _overlap(order.date, event.date):
                agreed = False
                self.add(
                    "order.date",
                    str(order.date),
                    "la date de l'événement de commande "
                    f"({self.other(f'events[{number}].date', event.date)}) : "
                    "corrigez l'une des deux pour qu'elles disent la même chose",
                )
            if order.channel and event.channel and order.channel != event.channel:
                self.add(
                    "order.channel",
                    order.channel,
                    "le canal de l'événement de commande "
                    f"({self.other(f'events[{number}].channel', event.channel)}) : "
                    "corrigez l'un des deux",
                )
        if agreed and self.case.experience_date.end < order.date.start:
            self.add(
                "experience_date",
                str(self.case.experience_date),
                f"une date au plus tôt celle de la commande ({self.other('order.date', order.date)})",
            )

    def duplicates(self) -> None:
        for name, values in (("issues", self.case.issues), ("lessons", self.case.lessons)):
            for number, first in duplicates(values):
                self.add(
                    f"{name}[{number}]",
                    values[number - 1],
                    f"une seule fois dans la liste (déjà donné en {name}[{first}]) : "
                    "supprimez ce doublon",
                )
        for number, event in enumerate(self.case.events, 1):
            for repeat, first in duplicates(event.options):
                self.add(
                    f"events[{number}].options[{repeat}]",
                    event.options[repeat - 1],
                    f"une option une seule fois (déjà en options[{first}]) : supprimez ce doublon",
                )

    def amounts(self) -> None:
        stake = self.case.order.amount
        if stake is None:
            return
        explained = any(e.note for _, e in self.events(RESOLUTION_KIND))
        limit = f"montant de la commande ({self.other('order.amount.value', stake.value)})"
        recovered = self.case.outcome.recovered
        paid = [(f"events[{n}].amount", e.amount) for n, e in self.events(RESOLUTION_KIND)]
        for field, money in [("outcome.recovered", recovered), *paid]:
            if (
                money is not None
                and money.currency != stake.currency
                and field != "outcome.recovered"
            ):
                self.add(
                    f"{field}.currency",
                    money.currency,
                    f"la devise de la commande ({self.other('order.amount.currency', stake.currency)})",
                )
            if money is None or money.currency != stake.currency or explained:
                continue
            if money.value > stake.value and stake.qualifier not in ("more_than", "about"):
                self.add(
                    f"{field}.value",
                    money.value,
                    f"un montant au plus égal au {limit}, ou une note sur l'événement "
                    f"{RESOLUTION_KIND} qui explique l'écart (frais de port, dédommagement…)",
                )

    def delivery_and_proof(self) -> None:
        delivery, proof = self.case.delivery, self.case.verification
        if delivery and delivery.mode == DIGITAL and delivery.carrier:
            self.add(
                "delivery.carrier",
                delivery.carrier,
                f"pas de transporteur pour un téléchargement ({self.other('delivery.mode', DIGITAL)}) "
                ": retirez l'un des deux",
            )
        if proof and proof.documents_seen and proof.by == NOBODY:
            self.add(
                "verification.by",
                proof.by,
                "qui a vu les pièces (editor ou author), puisque "
                f"{ROOT}.verification.documents_seen = true",
            )

    def outcome(self) -> None:
        outcome = self.case.outcome
        status, resolution = outcome.status, outcome.resolution
        label = f"{ROOT}.outcome.status = {status} ({voc.STATUSES[status]})"
        recovered = outcome.recovered.value if outcome.recovered else 0
        if status in SOLVED_STATUSES and resolution == NO_RESOLUTION:
            self.add(
                "outcome.resolution",
                resolution,
                f"la solution obtenue, puisque {label} : l'une de "
                f"{', '.join(r for r in voc.RESOLUTIONS if r != NO_RESOLUTION)}",
            )
        elif status in (OPEN, UNRESOLVED) and resolution != NO_RESOLUTION:
            self.add(
                "outcome.resolution",
                resolution,
                f"« none » puisque {label} ; si une solution a été obtenue, "
                "le statut est resolved ou partially_resolved",
            )
        elif resolution == REFUND and not recovered:
            self.add(
                "outcome.recovered",
                recovered,
                "le montant remboursé (recovered: {value: …, currency: …}), puisque "
                f"{ROOT}.outcome.resolution = refund",
            )
        elif resolution == NO_RESOLUTION and recovered:
            self.add(
                "outcome.resolution",
                resolution,
                f"la solution qui a rendu {ROOT}.outcome.recovered = {recovered} "
                "(refund, goodwill…), ou un montant récupéré de 0",
            )

    def choices(self) -> None:
        options: tuple[int, list[str]] | None = None
        for number, event in enumerate(self.case.events, 1):
            if event.kind == OFFER_KIND and event.options:
                options = (number, event.options)
            elif event.kind == CHOICE_KIND and event.value and options:
                offer, offered = options
                if event.value not in offered:
                    self.add(
                        f"events[{number}].value",
                        event.value,
                        "l'une des options de la proposition qui précède "
                        f"({self.other(f'events[{offer}].options', ', '.join(offered))})",
                    )

    def delivery(self) -> None:
        if NEVER_DELIVERED not in self.case.issues:
            return
        for number, _event in self.events(DELIVERED_KIND)[:1]:
            where = self.case.issues.index(NEVER_DELIVERED) + 1
            self.add(
                f"events[{number}].kind",
                DELIVERED_KIND,
                f"pas de livraison pour un colis jamais livré ({ROOT}.issues[{where}] = "
                f"{NEVER_DELIVERED}) : retirez l'un des deux, ou écrivez delivery_problem",
            )

    def publication(self, published: date) -> None:
        for number, event in enumerate(self.case.events, 1):
            if event.kind == REPLY_KIND and event.date.end < published:
                self.add(
                    f"events[{number}].date",
                    str(event.date),
                    f"un droit de réponse daté après la publication (date: {published}) ; "
                    "avant la publication, c'est une réponse du marchand : "
                    "kind: merchant_answer",
                )
            elif event.kind != REPLY_KIND and event.date.start > published:
                self.add(
                    f"events[{number}].date",
                    str(event.date),
                    f"un événement antérieur à la publication (date: {published}) : "
                    f"ce qui arrive ensuite se raconte dans « {UPDATES_KEY}: » (suivi du "
                    "dossier) ; ou corrigez la date de publication",
                )
