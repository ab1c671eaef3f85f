"""A merchant summed up in plain French, from its scorecard: the first thing a reader sees.

``merchant_sentence`` gives one sentence (how many testimonies, how long the merchant
takes to answer, broken promises, cases resolved, money not recovered); ``totals_fr``
writes money per currency with its qualifier ("plus de 900 €"). Pure: no Pelican.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from types import SimpleNamespace

from babel.lists import format_list

from complaints.domain.scorecard import Scorecard
from complaints.present.formatting import duration_fr, money_fr
from complaints.present.grammar import plural


def totals_fr(
    amounts: Mapping[str, Decimal], qualifiers: Mapping[str, str], empty: str = ""
) -> str:
    """ "plus de 900 € et 480 CHF": each non-zero total with its qualifier; else ``empty``."""
    parts = [
        money_fr(
            SimpleNamespace(
                value=value, currency=currency, qualifier=qualifiers.get(currency, "exactly")
            )
        )
        for currency, value in amounts.items()
        if value
    ]
    return format_list(parts, locale="fr") if parts else empty


def money_sort_key(amounts: Mapping[str, Decimal]) -> str:
    """Sort key of a money column (``data-sort-value``, compared with a numeric collator).

    Amounts in different currencies cannot be compared without exchange rates, so the
    column sorts by currency, then amount: "0" (nothing lost) first, then "CHF 48000",
    then "EUR 90000" (in cents); a merchant with several currencies sorts by the first
    currency in alphabetical order.
    """
    lost = {currency: value for currency, value in amounts.items() if value}
    if not lost:
        return "0"
    currency = min(lost)
    return f"{currency} {int(lost[currency] * 100)}"


def _testimonies(card: Scorecard) -> str:
    text = f"{card.n} {plural(card.n, 'témoignage')}"
    if card.n_open == card.n == 1:
        return text + " (dossier encore en cours)"
    if card.n_open:
        return text + f" (dont {card.n_open} encore en cours)"
    return text


def _answer(card: Scorecard) -> str:
    median = card.median_days_to_first_answer
    if median is None:
        return "n’a pas répondu" if card.n == 1 else "n’a pas répondu dans la plupart des dossiers"
    delay = duration_fr(int(median))
    return f"a mis {delay} à répondre" if card.n == 1 else f"met en général {delay} à répondre"


def _resolved(card: Scorecard) -> str:
    done, partly = card.n_resolved, card.n_partially_resolved
    if done == card.n:
        return "a résolu le dossier" if card.n == 1 else "a résolu tous les dossiers"
    if done == 0 and partly == 0:
        return "n’a résolu aucun dossier"
    text = f"a résolu {done} {plural(done, 'dossier')} sur {card.n}"
    if partly:
        text += f" ({partly} autre{'s' if partly > 1 else ''} en partie)"
    return text


def _lost(card: Scorecard) -> str:
    lost = {currency: value for currency, value in card.money_not_recovered.items() if value}
    if not lost:
        return ""
    total = totals_fr(lost, card.money_not_recovered_qualifier)
    many = len(lost) > 1 or next(iter(lost.values())) >= 2
    return f"{total} {'n’ont' if many else 'n’a'} pas été {'récupérés' if many else 'récupéré'}"


def merchant_sentence(name: str, card: Scorecard) -> str:
    """One sentence that sums a merchant up from its figures, in plain French."""
    if card.n == 0:
        return f"Aucun témoignage publié sur {name} pour l’instant."
    clauses = [_answer(card)]
    if card.broken_promises:
        count = card.broken_promises
        promises = "une promesse" if count == 1 else f"{count} promesses"
        clauses.append(f"n’a pas tenu {promises}")
    clauses.append(_resolved(card))
    sentence = f"D’après {_testimonies(card)}, {name} {format_list(clauses, locale='fr')}"
    lost = _lost(card)
    return f"{sentence}\u202f: {lost}." if lost else f"{sentence}."


FILTERS = {
    "merchant_sentence": merchant_sentence,
    "totals_fr": totals_fr,
    "money_sort_key": money_sort_key,
}
"""The merchant pages' Jinja filters (``{{ merchant.name|merchant_sentence(sc) }}``,
``{{ amounts|totals_fr(q) }}``)."""
