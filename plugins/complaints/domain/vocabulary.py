"""Controlled vocabularies of a testimony: each value with its French label."""

ACTORS: dict[str, str] = {
    "consumer": "Consommateur",
    "merchant": "Marchand",
    "carrier": "Transporteur",
    "bank": "Banque",
    "mediator": "Médiateur",
    "authority": "Autorité",
    "court": "Tribunal",
    "editor": "Rédaction",
}

CHANNELS: dict[str, str] = {
    "web": "site web",
    "phone": "téléphone",
    "ivr": "serveur vocal",
    "email": "courriel",
    "web_form": "formulaire en ligne",
    "chat": "messagerie instantanée",
    "letter": "courrier",
    "registered_letter": "lettre recommandée",
    "social_media": "réseaux sociaux",
    "in_person": "en personne",
}

KINDS: dict[str, str] = {
    "order": "Commande",
    "shipment": "Expédition",
    "delivery": "Livraison",
    "delivery_problem": "Problème de livraison",
    "complaint": "Réclamation",
    "reminder": "Relance",
    "formal_notice": "Mise en demeure",
    "escalation": "Escalade",
    "merchant_ack": "Accusé de réception automatique",
    "merchant_answer": "Réponse du marchand",
    "offer": "Proposition",
    "choice": "Choix du client",
    "promise": "Promesse",
    "loop": "Retour à la case départ",
    "remedy_received": "Solution obtenue",
    "closed": "Dossier clos",
    "merchant_reply": "Droit de réponse",
}

ISSUE_CATEGORIES: dict[str, str] = {
    "delivery": "Livraison",
    "refund": "Remboursement",
    "customer_service": "Service client",
    "product": "Produit",
    "billing": "Facturation",
    "warranty": "Garantie",
    "withdrawal": "Droit de rétractation",
    "subscription": "Abonnement",
}

ISSUES: dict[str, str] = {
    "delivery.late": "livraison en retard",
    "delivery.lost": "colis perdu",
    "delivery.wrong_recipient": "colis remis à une autre personne",
    "delivery.damaged": "colis endommagé",
    "delivery.incomplete": "livraison incomplète",
    "delivery.never": "jamais livré",
    "refund.not_paid": "remboursement non versé",
    "refund.partial": "remboursement partiel",
    "refund.late": "remboursement en retard",
    "customer_service.no_response": "pas de réponse du service client",
    "customer_service.loop": "service client qui tourne en rond",
    "customer_service.unreachable": "service client injoignable",
    "product.defective": "produit défectueux",
    "product.not_as_described": "produit non conforme à la description",
    "product.counterfeit": "contrefaçon",
    "billing.overcharge": "facturation excessive",
    "billing.unauthorized": "prélèvement non autorisé",
    "billing.hidden_fees": "frais cachés",
    "warranty.refused": "garantie refusée",
    "withdrawal.refused": "rétractation refusée",
    "subscription.cancel_refused": "résiliation refusée",
}

STATUSES: dict[str, str] = {
    "open": "en cours",
    "resolved": "résolu",
    "partially_resolved": "résolu en partie",
    "unresolved": "clos sans solution",
}

RESOLUTIONS: dict[str, str] = {
    "refund": "remboursement",
    "store_credit": "avoir",
    "replacement": "remplacement",
    "redelivery": "nouvelle livraison",
    "repair": "réparation",
    "explanation": "explication",
    "goodwill": "geste commercial",
    "none": "aucune",
}

# What a merchant may offer and a consumer may choose (events' options and value).
OPTIONS: dict[str, str] = {
    "refund": "remboursement",
    "reorder": "nouvelle commande",
    "store_credit": "avoir",
    "replacement": "remplacement",
    "redelivery": "nouvelle livraison",
    "repair": "réparation",
    "goodwill": "geste commercial",
    "explanation": "explication",
}

LESSONS: dict[str, str] = {
    "secure_delivery_chain": "sécuriser la chaîne de livraison",
    "working_complaints_service": "un service réclamations qui fonctionne vraiment",
    "social_media_presence": "être présent sur les réseaux sociaux",
    "keep_written_records": "garder une trace écrite de chaque échange",
    "use_registered_letter": "passer par la lettre recommandée",
    "contact_mediator": "saisir le médiateur",
    "pay_by_card_protection": "faire jouer la protection de sa carte bancaire",
    "check_before_signing": "vérifier le colis avant de signer",
    "know_withdrawal_right": "connaître son droit de rétractation de quatorze jours",
    "read_terms": "lire les conditions générales avant de commander",
    "check_merchant_reviews": "se renseigner sur le marchand avant d'acheter",
}

DELIVERY_MODES: dict[str, str] = {
    "home": "à domicile",
    "relay_point": "en point relais",
    "store": "retrait en magasin",
    "locker": "en consigne automatique",
    "digital": "téléchargement",
}

QUALIFIERS: dict[str, str] = {
    "exactly": "",
    "more_than": "plus de",
    "about": "environ",
    "less_than": "moins de",
}

VERIFIERS: dict[str, str] = {
    "editor": "la rédaction",
    "author": "l'auteur",
    "none": "personne",
}

# Follow-ups after publication (``testimony.updates``).
UPDATE_KINDS: dict[str, str] = {
    "follow_up": "Suivi",
    "correction": "Correction",
    "merchant_reply": "Réponse du marchand après publication",
    "outcome": "Dénouement",
}

VOCABULARIES: dict[str, dict[str, str]] = {
    "actor": ACTORS,
    "channel": CHANNELS,
    "kind": KINDS,
    "issue": ISSUES,
    "issue_category": ISSUE_CATEGORIES,
    "status": STATUSES,
    "resolution": RESOLUTIONS,
    "option": OPTIONS,
    "lesson": LESSONS,
    "delivery_mode": DELIVERY_MODES,
    "qualifier": QUALIFIERS,
    "verifier": VERIFIERS,
    "update_kind": UPDATE_KINDS,
}


def vocabulary(name: str) -> dict[str, str]:
    """Return a vocabulary by its singular name: "status", "issue_category"."""
    try:
        return VOCABULARIES[name]
    except KeyError:
        raise KeyError(f"unknown vocabulary: {name!r}") from None


def label(value: str, name: str) -> str:
    """French label of a vocabulary value; the value itself when unknown."""
    return vocabulary(name).get(value, value)
