"""Timeline events as French sentences: "Le consommateur commande sur le site web."

One phrase per event kind (present tense, with the actor as subject) and one
complement per channel; notes, options and amounts follow as in a written account.
Pure: no Pelican, no HTML (the case box template escapes what it prints).
"""

from __future__ import annotations

from typing import Any

from complaints.domain.vocabulary import label
from complaints.present.formatting import labels, money_fr

SUBJECTS: dict[str, str] = {
    "consumer": "le consommateur",
    "merchant": "le marchand",
    "carrier": "le transporteur",
    "bank": "la banque",
    "mediator": "le médiateur",
    "authority": "l’administration",
    "court": "le tribunal",
    "editor": "la rédaction",
}
"""The actor as the subject of a sentence."""

HOW: dict[str, str] = {
    "web": "sur le site web",
    "phone": "par téléphone",
    "ivr": "par le serveur vocal",
    "email": "par courriel",
    "web_form": "par le formulaire en ligne",
    "chat": "par messagerie instantanée",
    "letter": "par courrier",
    "registered_letter": "par lettre recommandée",
    "social_media": "sur les réseaux sociaux",
    "in_person": "en personne",
}
"""The channel as a complement: "par courriel"."""

VERBS: dict[str, str] = {
    "order": "commande",
    "shipment": "expédie la commande",
    "delivery": "livre la commande",
    "delivery_problem": "signale un problème de livraison",
    "complaint": "fait une réclamation",
    "reminder": "relance",
    "formal_notice": "envoie une mise en demeure",
    "escalation": "fait remonter le dossier",
    "merchant_ack": "envoie un accusé de réception automatique",
    "merchant_answer": "répond",
    "offer": "propose",
    "choice": "choisit",
    "promise": "promet une solution",
    "loop": "fait tourner le dossier en rond",
    "remedy_received": "apporte une solution",
    "closed": "clôt le dossier",
    "merchant_reply": "exerce son droit de réponse",
}
"""What the actor does, for each kind of event."""

_OWN_VERBS: dict[tuple[str, str], str] = {
    ("carrier", "delivery_problem"): "rencontre un problème de livraison",
    ("merchant", "delivery_problem"): "rencontre un problème de livraison",
    ("consumer", "remedy_received"): "obtient une solution",
    ("consumer", "reminder"): "relance le marchand",
}
"""Where the actor changes the phrase."""


def event_sentence(event: Any) -> str:
    """The sentence of one event (an ``model.Event``), with its note, options, amount."""
    subject = SUBJECTS.get(event.actor, label(event.actor, "actor"))
    verb = _OWN_VERBS.get((event.actor, event.kind)) or VERBS.get(event.kind, "")
    if not verb:
        verb = "— " + label(event.kind, "kind")
    if getattr(event.date, "is_range", False) and event.kind == "reminder":
        verb += " à plusieurs reprises"
    text = f"{subject[:1].upper()}{subject[1:]} {verb}"
    if event.channel:
        text += " " + HOW.get(event.channel, label(event.channel, "channel"))
    if event.value:
        text += f"\u202f: «\u202f{label(event.value, 'option')}\u202f»"
    elif event.options:
        text += f"\u202f: {labels(event.options, 'option', 'or')}"
    if event.note:
        text += (
            f"\u202f: {event.note}" if not (event.value or event.options) else f" ({event.note})"
        )
    if event.amount:
        text += f", pour {money_fr(event.amount)}"
    return text if text.endswith((".", "!", "?", "…")) else text + "."
