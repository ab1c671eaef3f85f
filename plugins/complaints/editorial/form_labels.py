"""French labels and help texts of every field an editor fills in, for the editing form.

Keyed by the field's path in the front matter (``testimony.order.amount.value``; list
items without a position: ``testimony.events.date``). The help of a field that holds a
code comes from the vocabulary reference (:mod:`complaints.editorial.vocabulary_doc`).
"""

from __future__ import annotations

from complaints.editorial.vocabulary_doc import NOTES, SECTIONS

# path -> (label, help text or "")
FIELDS: dict[str, tuple[str, str]] = {
    "title": ("Titre", "Le titre de l'article, tel que les lecteurs le verront."),
    "slug": (
        "Nom de la page (slug)",
        "Lettres minuscules sans accents, chiffres et tirets (ex. pixmania-colis-perdu) : "
        "c'est le nom du fichier et la fin de l'adresse de la page. Il ne change plus après "
        "la création.",
    ),
    "date": ("Date de publication", "AAAA-MM-JJ ou AAAA-MM-JJ HH:MM (ex. 2009-07-06 10:00)."),
    "modified": ("Date de mise à jour", "AAAA-MM-JJ ou AAAA-MM-JJ HH:MM ; facultatif."),
    "category": ("Rubrique", ""),
    "tags": ("Étiquettes", "Séparées par des virgules (ex. livraison, remboursement)."),
    "author": ("Auteur", "Qui signe l'article : une fiche de la collection « Auteurs »."),
    "summary": ("Résumé", "Une ou deux phrases, affichées dans les listes et les flux."),
    "status": ("État", "« Brouillon » garde l'article hors du site publié."),
    "public_data": (
        "Données publiques autorisées",
        "Un texte public qui ressemble à une donnée personnelle (ex. le numéro du service "
        "client d'un marchand), recopié exactement.",
    ),
    "body": (
        "Texte",
        "En Markdown. Le premier paragraphe est l'introduction ; la chronologie s'insère "
        "après lui, ou là où vous écrivez <!-- chronologie -->.",
    ),
    "testimony": ("Le dossier", ""),
    "testimony.merchant": ("Marchand", "Une fiche de la collection « Marchands »."),
    "testimony.experience_date": (
        "Date de l'expérience",
        "Quand le client a vécu l'affaire (en général la date de commande).",
    ),
    "testimony.order": ("Commande", ""),
    "testimony.order.date": ("Date de la commande", ""),
    "testimony.order.item": ("Objet commandé", "Sans marque ni référence personnelle."),
    "testimony.order.amount": ("Montant", ""),
    "testimony.order.channel": ("Canal de la commande", ""),
    "testimony.delivery": ("Livraison", ""),
    "testimony.delivery.carrier": ("Transporteur", "Ex. Colissimo, Chronopost."),
    "testimony.delivery.mode": ("Mode de livraison", ""),
    "testimony.issues": ("Problèmes", ""),
    "testimony.events": (
        "Chronologie",
        "Les étapes dans l'ordre chronologique : choisissez le type de chaque étape.",
    ),
    "testimony.events.date": ("Date", ""),
    "testimony.events.actor": ("Acteur", ""),
    "testimony.events.kind": ("Type d'étape", ""),
    "testimony.events.channel": ("Canal", ""),
    "testimony.events.note": ("Précision", "Une phrase, sans donnée personnelle."),
    "testimony.events.options": ("Solutions proposées", ""),
    "testimony.events.value": ("Solution choisie", ""),
    "testimony.events.amount": ("Montant obtenu", ""),
    "testimony.events.approx": ("Date approximative", "Cochez pour « vers juin 2009 »."),
    "testimony.outcome": ("Issue", ""),
    "testimony.outcome.status": ("État du dossier", ""),
    "testimony.outcome.resolution": ("Solution obtenue", ""),
    "testimony.outcome.recovered": ("Montant récupéré", ""),
    "testimony.outcome.as_of": (
        "État au",
        "La date à laquelle l'état du dossier est connu (AAAA-MM-JJ).",
    ),
    "testimony.updates": (
        "Suivi après publication",
        "Ce qui arrive après la publication, un suivi par ligne, dans l'ordre. "
        "Ne modifiez pas l'issue ci-dessus : elle reste celle du jour de la publication.",
    ),
    "testimony.updates.date": ("Date du suivi", "Après la date de publication."),
    "testimony.updates.approx": ("Date approximative", "Cochez pour « vers juin 2009 »."),
    "testimony.updates.kind": ("Nature du suivi", ""),
    "testimony.updates.text": ("Texte du suivi", "Une ou deux phrases, sans donnée personnelle."),
    "testimony.updates.wrong": (
        "Ce qui était écrit",
        "Pour une correction : le texte publié à tort.",
    ),
    "testimony.updates.right": ("Ce qui est exact", "Pour une correction : le texte exact."),
    "testimony.updates.outcome": (
        "Nouvelle issue",
        "Seulement si l'issue change : elle devient l'issue actuelle du dossier.",
    ),
    "testimony.updates.outcome.status": ("État du dossier", ""),
    "testimony.updates.outcome.resolution": ("Solution obtenue", ""),
    "testimony.updates.outcome.recovered": ("Montant récupéré", ""),
    "testimony.updates.outcome.as_of": ("État au", "Facultatif : sinon, la date du suivi."),
    "testimony.lessons": ("Leçons", ""),
    "testimony.verification": ("Vérification", ""),
    "testimony.verification.documents_seen": ("Pièces vues", ""),
    "testimony.verification.by": ("Vues par", ""),
    "testimony.verification.note": ("Note de vérification", ""),
    "testimony.fictional": (
        "Exemple fictif",
        "Cochez pour un témoignage inventé (il doit porter sur un marchand fictif).",
    ),
    "amount.value": ("Valeur", "Un nombre avec un point décimal (ex. 12.50)."),
    "amount.currency": ("Devise", "Code ISO 4217 en majuscules (ex. EUR, USD, CHF)."),
    "amount.qualifier": ("Précision", ""),
}

FUZZY_DATE_HELP = (
    "AAAA-MM-JJ (jour), AAAA-MM (mois), AAAA (année) ou une période début..fin "
    "(ex. 2008-07..2009-05)."
)
EXACT_DATE_HELP = "AAAA-MM-JJ (ex. 2009-07-06)."


def label(path: str, default: str) -> str:
    """The French label of a field (its name when none is written here)."""
    return FIELDS.get(path, (default, ""))[0]


def help_text(path: str, vocabulary: str | None = None) -> str:
    """The help of a field: its own, then what the vocabulary reference says."""
    own = FIELDS.get(path, ("", ""))[1]
    if vocabulary in SECTIONS:
        return " ".join(part for part in (own, SECTIONS[vocabulary][2]) if part)
    return own


def code_label(vocabulary: str, code: str, text: str) -> str:
    """What a choice shows: the code's French label, or its note when it has none."""
    return text or NOTES.get(vocabulary, {}).get(code, code)


def code_note(vocabulary: str, code: str) -> str:
    """When a code is the right one, from the vocabulary reference ("" if it says nothing)."""
    return NOTES.get(vocabulary, {}).get(code, "")
