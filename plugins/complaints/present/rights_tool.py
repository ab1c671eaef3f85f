"""« Vos droits, vos délais »: what the page prints and what its script reads.

The numbers come from :mod:`complaints.domain.consumer_law`. Here: the articles and
their Légifrance links, French formats from Babel, the letters of
``data/vos-droits.yaml`` (with blanks, or filled), the worked examples, and
:func:`answer`, one reader's situation as the page's script shows it (the browser
test compares the two). :func:`page_data` is the JSON the script reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path
from typing import Literal
from urllib.parse import urlencode

from babel import Locale
from babel.numbers import get_decimal_symbol, get_group_symbol
from pydantic import BaseModel, ConfigDict, ValidationError

from complaints.domain import consumer_law as law
from complaints.domain.model import problems_from
from complaints.domain.problems import ContentError
from complaints.editorial.frontmatter import load_yaml
from complaints.present.formatting import LOCALE, amount_fr, date_fr, percent_fr
from complaints.present.grammar import plural
from typographie import apply_text

DATA_FILE = Path(__file__).with_name("data") / "vos-droits.yaml"
SITUATIONS = ("livraison", "annulation", "retractation", "conformite")
STATES = (
    "announced",
    "not_announced",
    "on_time",
    "late_percent",
    "late_interest",
    "late_capped",
    "presumed",
    "not_presumed",
    "remedy_open",
    "remedy_late",
)
_Strict = ConfigDict(extra="forbid", frozen=True)
STATE_LABELS = {
    "announced": "si une date de livraison était annoncée",
    "not_announced": "si aucune date n’était annoncée",
    "on_time": "si le délai de remboursement n’est pas encore passé",
    "late_percent": "si le remboursement est en retard",
    "late_interest": "si le retard ne dépasse pas "
    f"{law.WITHDRAWAL_SCALE.tiers[0].up_to_days} jours",
    "late_capped": "si la majoration a atteint le prix",
    "presumed": "si le défaut est apparu pendant la présomption",
    "not_presumed": "si le défaut est apparu après la présomption",
    "remedy_open": "pour demander la réparation ou le remplacement",
    "remedy_late": "si le délai de mise en conformité est passé",
}


def legifrance_url(article: str) -> str:
    """Légifrance's search for an article of the Code de la consommation (no identifier
    of ours to go stale: the search finds the version in force)."""
    query = f'"{article}" "code de la consommation"'
    return "https://www.legifrance.gouv.fr/search/code?" + urlencode(
        {"tab_selection": "code", "searchField": "ALL", "query": query, "page": 1, "init": "true"}
    )


ARTICLES = {
    "L216-1": "article L216-1",
    "L216-6": "article L216-6",
    "L216-7": "article L216-7",
    "L241-4": "article L241-4",
    "L221-18": "article L221-18",
    "L221-24": "article L221-24",
    "L242-4": "article L242-4",
    "L217-3": "article L217-3",
    "L217-7": "article L217-7",
    "L217-10": "article L217-10",
    "L217-14": "article L217-14",
}

INTEREST_TEXT = "au taux légal, en plus du total ci-dessous"
FACT_LABELS = {
    "due": "Livraison due au plus tard le",
    "refund_deadline": "Remboursement dû au plus tard le",
    "days_late": "Retard à la date du calcul",
    "percent": "Majoration applicable",
    "interest": "Intérêts",
    "increase_amount": "Montant de la majoration",
    "total": "Total dû",
    "guarantee_end": "Fin de la garantie légale de conformité",
    "presumption_end": "Fin de la présomption (défaut présumé exister à la livraison)",
    "remedy_deadline": "Réparation ou remplacement dû au plus tard le",
}

NEXT_STEPS = {
    "livraison": {
        "waiting": "La date de livraison n’est pas passée : gardez la preuve de la date annoncée.",
        "late": "La date est passée : envoyez la mise en demeure de livrer ci-dessous, par "
        "lettre recommandée avec avis de réception, avec une date limite raisonnable. "
        "Sans livraison à cette date, annulez la commande par écrit (article L216-6).",
    },
    "annulation": {
        "waiting": "Le délai de remboursement court encore ; passé cette date, la somme due "
        "est majorée de plein droit.",
        "late": "Envoyez la mise en demeure de rembourser ci-dessous, avec la somme "
        "majorée, par lettre recommandée avec avis de réception.",
    },
    "retractation": {
        "waiting": "Le délai de remboursement court encore ; passé cette date, la somme due "
        "est majorée de plein droit.",
        "late": "Envoyez la mise en demeure de rembourser ci-dessous, avec la somme "
        "majorée, par lettre recommandée avec avis de réception.",
    },
    "conformite": {
        "waiting": "Écrivez au vendeur (lettre ci-dessous) en choisissant la réparation ou "
        f"le remplacement ; il a {law.REMEDY_DAYS} jours au plus pour s’exécuter "
        "(article L217-10).",
        "late": "Le délai de mise en conformité est passé : demandez l’annulation de la "
        "vente ou une réduction du prix (article L217-14), lettre ci-dessous.",
        "expired": "La garantie légale de conformité a pris fin : la garantie des vices "
        "cachés (articles 1641 et suivants du Code civil) peut encore s’appliquer.",
    },
}


class Paragraph(BaseModel):
    model_config = _Strict
    text: str
    when: Literal[STATES] | None = None  # type: ignore[valid-type]


class Letter(BaseModel):
    model_config = _Strict
    key: Literal[SITUATIONS]  # type: ignore[valid-type]
    title: str
    paragraphs: tuple[Paragraph, ...]


class LettersFile(BaseModel):
    model_config = _Strict
    reviewed: date
    slots: dict[str, str]
    letters: tuple[Letter, ...]


@lru_cache(maxsize=1)
def letters_file() -> LettersFile:
    """The letters of the data file, in French typography (read once per process;
    problems raise ContentError)."""
    try:
        found = LettersFile.model_validate(load_yaml(DATA_FILE.read_text(encoding="utf-8")))
    except ValidationError as error:
        raise ContentError(
            problems_from(error, source=str(DATA_FILE), model=LettersFile, root="")
        ) from None
    letters = tuple(
        letter.model_copy(
            update={
                "paragraphs": tuple(
                    p.model_copy(update={"text": apply_text(p.text)}) for p in letter.paragraphs
                )
            }
        )
        for letter in found.letters
    )
    return found.model_copy(update={"letters": letters})


def rule_slots() -> dict[str, str]:
    """Slots every letter fills from the rules, with or without the reader's dates."""
    return {
        "delivery_days": str(law.DELIVERY_DAYS),
        "refund_days": str(law.CANCELLATION_REFUND_DAYS),
        "remedy_days": str(law.REMEDY_DAYS),
    }


def blank_slots() -> dict[str, str]:
    """Every slot as the blank a reader fills by hand: "[date de la commande]"."""
    blanks = {name: f"[{text}]" for name, text in letters_file().slots.items()}
    blanks["presumption_months"] = (
        f"[{law.PRESUMPTION_MONTHS} pour un bien neuf, "
        f"{law.PRESUMPTION_MONTHS_SECOND_HAND} pour un bien d’occasion]"
    )
    return blanks | rule_slots()


_SLOT = re.compile(r"\{([a-z_]+)\}")


def fill(text: str, slots: dict[str, str]) -> str:
    """``text`` with each {slot} replaced (an unknown slot stays a blank)."""
    blanks = blank_slots()
    return _SLOT.sub(lambda m: slots.get(m.group(1)) or blanks.get(m.group(1), m.group(0)), text)


def letter_text(key: str, slots: dict[str, str], states: set[str] | None) -> str:
    """The letter ``key`` as plain text, paragraphs separated by a blank line. ``states``
    None: every variant, each introduced by its condition (the letter with blanks)."""
    letter = next(item for item in letters_file().letters if item.key == key)
    kept = [p for p in letter.paragraphs if states is None or p.when is None or p.when in states]
    return "\n\n".join(fill(p.text, slots) for p in kept)


def blank_letters() -> list[dict]:
    """Each letter with blanks, its variants marked, for the page without script."""
    return [
        {
            "key": letter.key,
            "title": letter.title,
            "paragraphs": [
                {"when": STATE_LABELS.get(p.when or ""), "text": fill(p.text, {})}
                for p in letter.paragraphs
            ],
        }
        for letter in letters_file().letters
    ]


# What a reader sees, formatted as the page's script formats it.


def money_text(cents: int) -> str:
    return amount_fr(Decimal(cents) / 100)


def days_text(days: int) -> str:
    return f"{days} {plural(days, 'jour')}"


def percent_text(percent: int) -> str:
    return percent_fr(percent / 100)


def formats() -> dict:
    """French formats from Babel's data, for the script."""
    locale = Locale.parse(LOCALE)
    months = locale.months["format"]["wide"]
    return {
        "months": [months[number] for number in range(1, 13)],
        "first_day": date_fr(date(2000, 1, 1)).split(" ")[0],
        "decimal": get_decimal_symbol(LOCALE),
        "group": get_group_symbol(LOCALE),
        "currency_suffix": money_text(100)[1:],
        "percent_suffix": percent_text(0)[1:],
    }


@dataclass
class Fact:
    """One figure of an answer: ``value`` is what the page's <time>/<data> carries."""

    key: str
    article: str
    value: str
    text: str
    passed: bool | None = None


@dataclass
class Answer:
    situation: str
    facts: list[Fact] = field(default_factory=list)
    states: set[str] = field(default_factory=set)
    next_step: str = ""
    slots: dict[str, str] = field(default_factory=dict)

    @property
    def letter(self) -> str:
        return letter_text(self.situation, self.slots, self.states)


_AMOUNT = re.compile(r"^(\d+)(?:[.,](\d{1,2}))?$")


def parse_cents(text: str) -> int | None:
    """Euros as a reader types them ("1 234,5", "89.90") in cents; None if unreadable."""
    found = _AMOUNT.match(re.sub(r"\s", "", text or ""))
    if not found:
        return None
    return int(found.group(1)) * 100 + int((found.group(2) or "0").ljust(2, "0"))


def _day(inputs: dict[str, str], name: str) -> date | None:
    value = inputs.get(name) or ""
    return date.fromisoformat(value) if value else None


def _date_fact(key: str, article: str, day: date, passed: bool | None = None) -> Fact:
    return Fact(key, article, day.isoformat(), date_fr(day), passed)


def _common_slots(inputs: dict[str, str], today: date) -> dict[str, str]:
    slots = {
        name: inputs[name].strip()
        for name in ("order_number", "item", "sender", "defect")
        if (inputs.get(name) or "").strip()
    }
    for name in ("order_date", "deadline"):
        if _day(inputs, name):
            slots[name] = date_fr(_day(inputs, name))
    cents = parse_cents(inputs.get("amount", ""))
    if cents is not None:
        slots["amount"] = money_text(cents)
    slots["today"] = date_fr(today)
    return slots | rule_slots()


def answer(situation: str, inputs: dict[str, str]) -> Answer:
    """What the page shows for ``inputs`` (the form's fields by name, dates in ISO)."""
    today = _day(inputs, "today") or date.today()
    found = Answer(situation, slots=_common_slots(inputs, today))
    cents = parse_cents(inputs.get("amount", "")) or 0
    if situation == "livraison":
        ordered = _day(inputs, "order_date")
        if ordered is None:
            return found
        result = law.delivery(ordered, today, _day(inputs, "announced"))
        found.facts.append(_date_fact("due", "L216-1", result.due, result.passed))
        found.states.add("announced" if result.announced else "not_announced")
        found.slots["due_date"] = date_fr(result.due)
        found.next_step = NEXT_STEPS[situation]["late" if result.passed else "waiting"]
    elif situation in ("annulation", "retractation"):
        start = _day(inputs, "cancel_date" if situation == "annulation" else "notice_date")
        if start is None:
            return found
        paid = _day(inputs, "paid")
        if situation == "annulation":
            refund = law.cancellation_refund(start, cents, today, paid)
            articles = ("L216-7", "L241-4")
            found.slots["cancel_date"] = date_fr(start)
        else:
            refund = law.withdrawal_refund(start, cents, today, paid, _day(inputs, "returned"))
            articles = ("L221-24", "L242-4")
            found.slots["notice_date"] = date_fr(start)
        _refund_facts(found, refund, articles)
    elif situation == "conformite":
        delivered = _day(inputs, "delivery_date")
        if delivered is None:
            return found
        second_hand = inputs.get("second_hand") == "oui"
        requested = _day(inputs, "request_date")
        result = law.conformity(delivered, today, second_hand, requested)
        found.facts.append(
            _date_fact("guarantee_end", "L217-3", result.guarantee_end, result.guarantee_passed)
        )
        found.facts.append(
            _date_fact(
                "presumption_end", "L217-7", result.presumption_end, result.presumption_passed
            )
        )
        if result.remedy_deadline is not None:
            found.facts.append(
                _date_fact(
                    "remedy_deadline", "L217-10", result.remedy_deadline, result.remedy_passed
                )
            )
            found.slots["remedy_deadline"] = date_fr(result.remedy_deadline)
            found.slots["request_date"] = date_fr(requested)
        found.states.add("not_presumed" if result.presumption_passed else "presumed")
        found.states.add("remedy_late" if result.remedy_passed else "remedy_open")
        months = law.PRESUMPTION_MONTHS_SECOND_HAND if second_hand else law.PRESUMPTION_MONTHS
        found.slots["presumption_months"] = str(months)
        found.slots["delivery_date"] = date_fr(delivered)
        if inputs.get("remedy"):
            found.slots["remedy"] = inputs["remedy"]
        step = "late" if result.remedy_passed else "waiting"
        found.next_step = NEXT_STEPS[situation]["expired" if result.guarantee_passed else step]
    return found


def _refund_facts(found: Answer, refund: law.Refund, articles: tuple[str, str]) -> None:
    deadline_article, scale_article = articles
    found.facts.append(
        _date_fact("refund_deadline", deadline_article, refund.deadline, refund.passed)
    )
    found.slots["refund_deadline"] = date_fr(refund.deadline)
    found.slots["total"] = money_text(refund.total)
    rise = refund.increase
    if not refund.passed:
        found.states.add("on_time")
    elif rise.legal_interest and rise.percent:
        found.states.add("late_capped")
    elif rise.legal_interest:
        found.states.add("late_interest")
    else:
        found.states.add("late_percent")
    if refund.passed:
        late = rise.days_late
        found.facts.append(Fact("days_late", scale_article, str(late), days_text(late)))
        if rise.percent:
            found.facts.append(
                Fact("percent", scale_article, str(rise.percent), percent_text(rise.percent))
            )
            found.facts.append(
                Fact(
                    "increase_amount",
                    scale_article,
                    str(refund.increase_amount),
                    money_text(refund.increase_amount),
                )
            )
        if rise.legal_interest:
            found.facts.append(Fact("interest", scale_article, "1", INTEREST_TEXT))
        found.slots["days_late"] = days_text(late)
        found.slots["percent"] = percent_text(rise.percent)
        found.slots["increase_amount"] = money_text(refund.increase_amount)
    found.facts.append(Fact("total", scale_article, str(refund.total), money_text(refund.total)))
    found.next_step = NEXT_STEPS[found.situation]["late" if refund.passed else "waiting"]


def _typeset(steps: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    return {
        key: {state: apply_text(text) for state, text in by.items()} for key, by in steps.items()
    }


NEXT_STEPS = _typeset(NEXT_STEPS)


def page_data() -> dict:
    """Everything the page's script reads (generated into the page as JSON)."""
    return {
        "rules": law.rules_data(),
        "formats": formats(),
        "articles": {number: legifrance_url(number) for number in ARTICLES},
        "labels": FACT_LABELS,
        "separator": apply_text("a : b")[1:-1],
        "interest_text": INTEREST_TEXT,
        "next_steps": NEXT_STEPS,
        "slots": blank_slots(),
        "letters": [
            {
                "key": letter.key,
                "title": letter.title,
                "paragraphs": [p.model_dump() for p in letter.paragraphs],
            }
            for letter in letters_file().letters
        ],
    }


# The worked examples printed on the page (fixed dates: the page is the same every day).
EXAMPLES = (
    (
        "livraison",
        "Commande passée le 3 mars 2026, sans date de livraison annoncée ; rien reçu le 15 avril 2026.",
        {"order_date": "2026-03-03", "today": "2026-04-15", "amount": "120"},
    ),
    (
        "annulation",
        "Commande de 250 € annulée le 2 février 2026 faute de livraison ; toujours pas "
        "remboursée le 10 mars 2026.",
        {"cancel_date": "2026-02-02", "amount": "250", "today": "2026-03-10"},
    ),
    (
        "retractation",
        "Rétractation reçue par le vendeur le 5 janvier 2026 pour un achat de 89,90 € ; "
        "toujours pas remboursé le 20 février 2026.",
        {"notice_date": "2026-01-05", "amount": "89,90", "today": "2026-02-20"},
    ),
    (
        "conformite",
        "Lave-linge neuf livré le 10 mars 2025, en panne ; réparation demandée le 2 juin "
        "2026, toujours rien le 15 juillet 2026.",
        {"delivery_date": "2025-03-10", "request_date": "2026-06-02", "today": "2026-07-15"},
    ),
)


SITUATION_TITLES = {
    "livraison": "Livraison en retard ou jamais arrivée",
    "annulation": "Remboursement après une commande annulée",
    "retractation": "Remboursement après une rétractation",
    "conformite": "Produit défectueux (garantie légale de conformité)",
}


def worked_examples() -> list[dict]:
    """Each example: its situation's title, the case in words, its answer."""
    return [
        {
            "title": SITUATION_TITLES[situation],
            "words": apply_text(words),
            "answer": answer(situation, inputs),
        }
        for situation, words, inputs in EXAMPLES
    ]


def scale_rows(scale: law.Scale) -> list[tuple[str, str]]:
    """The scale as rows (days late, increase) in French typography."""
    return [(apply_text(days), apply_text(rise)) for days, rise in _scale_rows(scale)]


def _scale_rows(scale: law.Scale) -> list[tuple[str, str]]:
    rows = []
    start = 1
    for tier in scale.tiers:
        words = "intérêts au taux légal" if tier.percent is None else percent_text(tier.percent)
        rows.append((f"{start} à {days_text(tier.up_to_days)}", words))
        start = tier.up_to_days + 1
    if not scale.step_days:
        rows.append((f"{days_text(start)} et plus", percent_text(scale.last_percent)))
        return rows
    end = start + scale.step_days - 1
    first = scale.last_percent + scale.step_percent
    rows.append((f"{start} à {days_text(end)}", percent_text(first)))
    rows.append(
        (
            f"puis chaque nouvelle période de {days_text(scale.step_days)}",
            f"{scale.step_percent} points de plus, jusqu’à {percent_text(scale.cap_percent or 0)}"
            " (le prix), puis intérêts au taux légal en plus",
        )
    )
    return rows


def scales() -> list[dict]:
    """The two late-refund scales, for the page's tables."""
    return [
        {"article": law.CANCELLATION_SCALE.article, "rows": scale_rows(law.CANCELLATION_SCALE)},
        {"article": law.WITHDRAWAL_SCALE.article, "rows": scale_rows(law.WITHDRAWAL_SCALE)},
    ]


def deadlines() -> list[tuple[str, str, str]]:
    """(situation, deadline in words, article) for the page's table of deadlines."""
    return [(apply_text(what), apply_text(words), number) for what, words, number in _deadlines()]


def _deadlines() -> list[tuple[str, str, str]]:
    return [
        (
            "Livraison sans date annoncée",
            f"{days_text(law.DELIVERY_DAYS)} après la commande",
            "L216-1",
        ),
        (
            "Remboursement après une annulation",
            f"{days_text(law.CANCELLATION_REFUND_DAYS)} après l’annulation",
            "L216-7",
        ),
        (
            "Remboursement après une rétractation",
            f"{days_text(law.WITHDRAWAL_REFUND_DAYS)} après que le vendeur l’a apprise",
            "L221-24",
        ),
        (
            "Garantie légale de conformité",
            f"{law.GUARANTEE_MONTHS} mois après la livraison, bien neuf ou d’occasion",
            "L217-3",
        ),
        (
            "Défaut présumé exister à la livraison",
            f"{law.PRESUMPTION_MONTHS} mois après la livraison "
            f"({law.PRESUMPTION_MONTHS_SECOND_HAND} pour un bien d’occasion)",
            "L217-7",
        ),
        (
            "Réparation ou remplacement",
            f"{days_text(law.REMEDY_DAYS)} après votre demande",
            "L217-10",
        ),
    ]
