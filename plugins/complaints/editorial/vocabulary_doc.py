"""The French reference of every code a testimony may use, for docs/vocabulaire.md.

Generated from :mod:`complaints.domain.vocabulary` (the codes and their labels), the notes
below (where each list is used, and when a code is the right one) and the consistency
rules of :mod:`complaints.domain.consistency`. ``invoke vocabulary`` rewrites the file; a
unit test fails when the committed file is not current.
"""

from __future__ import annotations

from complaints.domain.consistency import RULES
from complaints.domain.vocabulary import VOCABULARIES

# vocabulary name -> (title, where it is written, when to use the list, default note
# of a code: "{label}" is its label, "{code}" the code)
SECTIONS: dict[str, tuple[str, str, str, str]] = {
    "actor": (
        "Acteurs",
        "`events[].actor`",
        "Qui a fait l'étape de la chronologie.",
        "l'étape vient de : {label}",
    ),
    "kind": (
        "Types d'étapes",
        "`events[].kind`",
        "Ce qui s'est passé à cette étape.",
        "ce qui s'est passé : {label}",
    ),
    "update_kind": (
        "Types de suivi après publication",
        "`updates[].kind`",
        "Ce qu'apporte un suivi daté après la publication (`updates[].date`, `text`, "
        "et `outcome` quand l'issue change). La dernière issue donnée fait foi ; "
        "`outcome` garde l'issue à la publication.",
        "{label}",
    ),
    "channel": (
        "Canaux",
        "`order.channel`, `events[].channel`",
        "Par quel moyen la commande ou l'échange a eu lieu.",
        "échange par {label}",
    ),
    "issue": (
        "Problèmes",
        "`issues`",
        "Chaque problème rencontré dans l'affaire (une liste, du plus grave au moins grave) ; "
        "la partie avant le point est la catégorie.",
        "le client a subi : {label}",
    ),
    "issue_category": (
        "Catégories de problèmes",
        "(déduite du code du problème)",
        "Regroupe les problèmes sur la fiche du marchand ; ne s'écrit pas dans un témoignage.",
        "regroupe les problèmes `{code}.…`",
    ),
    "status": (
        "États du dossier",
        "`outcome.status`, `updates[].outcome.status`",
        "Où en est l'affaire à la date `outcome.as_of` (à la publication), puis à la date "
        "de chaque suivi qui donne une nouvelle issue (`updates[].outcome.status`).",
        "{label}",
    ),
    "resolution": (
        "Solutions",
        "`outcome.resolution`, `updates[].outcome.resolution`",
        "Ce que le client a finalement obtenu (`none` tant que rien n'a été obtenu).",
        "le client a obtenu : {label}",
    ),
    "option": (
        "Propositions et choix",
        "`events[].options` (kind `offer`), `events[].value` (kind `choice`)",
        "Ce que le marchand propose, puis ce que le client choisit.",
        "proposition ou choix : {label}",
    ),
    "lesson": (
        "Leçons",
        "`lessons`",
        "Ce que le lecteur peut retenir de l'affaire.",
        "leçon : {label}",
    ),
    "delivery_mode": (
        "Modes de livraison",
        "`delivery.mode`",
        "Comment le colis devait arriver.",
        "livraison {label}",
    ),
    "qualifier": (
        "Précision d'un montant",
        "`amount.qualifier`",
        "Quand le montant exact n'est pas connu (par défaut `exactly`).",
        "{label}",
    ),
    "verifier": (
        "Vérification",
        "`verification.by`",
        "Qui a vu les pièces du dossier (avec `documents_seen`).",
        "{label}",
    ),
}

# code -> when it is the right one (codes whose label says everything have no note)
NOTES: dict[str, dict[str, str]] = {
    "kind": {
        "order": "la commande passée par le client (en général la première étape)",
        "shipment": "le marchand annonce l'envoi du colis",
        "delivery": "le colis est livré normalement",
        "delivery_problem": "retard, perte, colis abîmé ou remis à une autre personne",
        "complaint": "la première réclamation du client",
        "reminder": "une relance après une réclamation restée sans suite",
        "closed": "le dossier est fermé (par le client, le marchand ou un tiers)",
        "merchant_ack": "réponse automatique (« nous avons bien reçu votre demande ») : "
        "ne compte pas comme une réponse du marchand",
        "merchant_answer": "une vraie réponse d'une personne du service client : compte comme réponse",
        "offer": "le marchand propose une ou plusieurs solutions (`options`) : compte comme réponse",
        "promise": "le marchand promet une action (remboursement, renvoi) : compte comme réponse",
        "choice": "le client choisit l'une des solutions proposées (`value`)",
        "loop": "la démarche revient au point de départ (mêmes questions, même serveur vocal)",
        "remedy_received": "le client a réellement obtenu la solution : obligatoire pour un "
        "dossier `resolved` ou `partially_resolved` à la publication (après, c'est un suivi)",
        "merchant_reply": "droit de réponse du marchand, daté après la publication (`date:`)",
        "escalation": "le client passe à l'étape supérieure (réseaux sociaux, presse, association)",
        "formal_notice": "mise en demeure écrite, en général par lettre recommandée",
    },
    "update_kind": {
        "follow_up": "un fait nouveau (relance, promesse, silence du marchand…)",
        "correction": "une erreur du texte publié, corrigée en clair : `wrong` (ce qui était "
        "écrit) et `right` (ce qui est exact) sont obligatoires",
        "merchant_reply": "le marchand répond après la publication : compte comme sa première "
        "réponse s'il n'avait jamais répondu",
        "outcome": "l'issue du dossier change : `outcome` obligatoire ; un dossier `resolved` "
        "ou `partially_resolved` dit ce qui a été obtenu (`resolution` ou `recovered`, une "
        "somme de plus de zéro pour un remboursement ou un avoir)",
    },
    "status": {
        "open": "l'affaire n'est pas terminée",
        "resolved": "le client a obtenu ce qu'il demandait (avec une étape `remedy_received`)",
        "partially_resolved": "le client a obtenu une partie (avec une étape `remedy_received`)",
        "unresolved": "l'affaire est close sans solution",
    },
    "resolution": {"none": "rien n'a été obtenu (dossier en cours ou clos sans solution)"},
    "qualifier": {
        "exactly": "montant exact (valeur par défaut)",
        "more_than": "« plus de 900 € »",
        "about": "« environ 900 € »",
        "less_than": "« moins de 900 € »",
    },
    "verifier": {
        "editor": "la rédaction a vu les pièces",
        "author": "seul l'auteur du témoignage les a vues",
        "none": "personne n'a vu de pièce",
    },
}


def _cell(text: str) -> str:
    return text.replace("|", "\\|") or "(aucun)"


def section(name: str) -> str:
    """One vocabulary as a Markdown section with its table."""
    title, where, when, default = SECTIONS[name]
    notes = NOTES.get(name, {})
    rows = [
        f"| `{code}` | {_cell(label)} | "
        f"{_cell(notes.get(code) or default.format(code=code, label=label))} |"
        for code, label in VOCABULARIES[name].items()
    ]
    return "\n".join(
        [
            f"## {title}",
            "",
            f"Champ : {where}. {when}",
            "",
            "| code | libellé affiché | quand l'utiliser |",
            "| --- | --- | --- |",
            *rows,
            "",
        ]
    )


def reference() -> str:
    """The whole reference, every vocabulary in a fixed order."""
    missing = sorted(set(VOCABULARIES) - set(SECTIONS))
    if missing:
        raise KeyError(f"vocabularies without a section in vocabulary_doc: {missing}")
    header = (
        "# Vocabulaire des témoignages\n\n"
        "Les codes à écrire dans le bloc `testimony:` d'un témoignage, avec le libellé que "
        "voient les lecteurs. Fichier généré depuis `plugins/complaints/domain/vocabulary.py` par "
        "`invoke vocabulary` : ne le modifiez pas à la main.\n"
    )
    return header + "\n" + "\n".join([*(section(name) for name in SECTIONS), consistency()])


def consistency() -> str:
    """The rules that make a case agree with itself, as a Markdown section."""
    rows = [f"| `{fields}` | {_cell(rule)} |" for fields, rule in RULES]
    return "\n".join(
        [
            "## Règles de cohérence d'un dossier",
            "",
            "Un témoignage qui se contredit est refusé par `invoke check` et par la "
            "construction, avec le fichier, la ligne et les deux champs en cause.",
            "",
            "| champs | règle |",
            "| --- | --- |",
            *rows,
            "",
        ]
    )
