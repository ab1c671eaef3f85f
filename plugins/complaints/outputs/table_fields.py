"""What each column of the open-data tables means, in French: title, description,
Table Schema type, unit, and the vocabulary its codes come from.

The rules' numbers are read when this module is imported. Every column a table writes must be described here (a missing one stops the build
with a KeyError and fails tests/unit/test_datapackage.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from complaints.domain import rules


@dataclass(frozen=True)
class Field:
    """One column: ``type`` is a Table Schema type; ``vocabulary`` names one of
    ``domain.vocabulary.VOCABULARIES``, ``values`` gives codes of its own."""

    name: str
    type: str
    title: str
    description: str
    vocabulary: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    unit: str | None = None
    currency_field: str | None = None
    required: bool = False
    pattern: str | None = None


DAY = "jour"
CURRENCY = r"[A-Z]{3}"
FUZZY_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?"
PRECISIONS = {
    "day": "au jour près",
    "month": "au mois près",
    "year": "à l'année près",
    "range": "période (de… à…)",
}
TESTIMONY_URL = "Adresse du témoignage (clé de la table temoignages)."


def _fields(*items: Field) -> dict[str, Field]:
    return {item.name: item for item in items}


def _money(name: str, title: str, description: str, currency: str = "currency") -> Field:
    return Field(
        name,
        "number",
        title,
        description + " Deux décimales, point décimal.",
        unit="monnaie",
        currency_field=currency,
    )


def _qualifier(name: str, title: str) -> Field:
    return Field(
        name,
        "string",
        title,
        "Précision du montant : exact, « plus de », "
        "« environ » ou « moins de ». Vide sans montant.",
        vocabulary="qualifier",
    )


def _days(name: str, title: str, description: str) -> Field:
    return Field(name, "integer", title, description, unit=DAY)


TESTIMONY = _fields(
    Field(
        "url",
        "string",
        "Adresse",
        "Adresse de la page du témoignage : son identifiant.",
        required=True,
    ),
    Field("title", "string", "Titre", "Titre du témoignage."),
    Field("date_published", "date", "Date de publication", "Jour de publication (AAAA-MM-JJ)."),
    Field(
        "experience_date",
        "string",
        "Date de l'expérience",
        "Date de l'expérience de "
        "consommation, à sa précision : AAAA-MM-JJ, AAAA-MM, AAAA ou une période début/fin.",
        pattern=FUZZY_DATE,
    ),
    Field(
        "merchant",
        "string",
        "Marchand",
        "Identifiant du marchand (clé de la table marchands).",
        required=True,
    ),
    Field(
        "issues",
        "string",
        "Problèmes",
        "Codes des problèmes séparés par « ; » (une ligne par problème dans la table problemes).",
    ),
    Field(
        "status",
        "string",
        "Statut",
        "Où en est le dossier aujourd'hui (le dernier suivi qui en dit un).",
        vocabulary="status",
        required=True,
    ),
    Field(
        "resolution",
        "string",
        "Solution",
        "Solution obtenue à ce jour (le dernier suivi qui en dit une).",
        vocabulary="resolution",
    ),
    _money("amount", "Montant en jeu", "Montant de la commande ; voir amount_qualifier."),
    _qualifier("amount_qualifier", "Précision du montant"),
    Field("currency", "string", "Monnaie", "Code ISO 4217 du montant (EUR…).", pattern=CURRENCY),
    _money(
        "recovered", "Somme récupérée", "Somme récupérée par le consommateur.", "recovered_currency"
    ),
    _qualifier("recovered_qualifier", "Précision de la somme récupérée"),
    Field(
        "recovered_currency",
        "string",
        "Monnaie de la somme récupérée",
        "Code ISO 4217.",
        pattern=CURRENCY,
    ),
    _days(
        "days_to_first_answer",
        "Jours avant la première réponse",
        "Jours entre la première "
        "réclamation (t0) et la première vraie réponse du marchand ; vide sans réponse.",
    ),
    _days(
        "days_to_resolution",
        "Jours avant la solution",
        "Jours entre t0 et la solution obtenue ; vide sans solution.",
    ),
    _days(
        "days_open",
        "Jours en cours",
        "Dossier en cours : jours entre t0 et la date du "
        "dernier point (outcome.as_of) ; vide sinon.",
    ),
    _days(
        "days_followed",
        "Jours suivis",
        "Jours entre t0 et la date du dernier point, quel que soit le statut ; vide sans t0.",
    ),
    Field(
        "broken_promises",
        "integer",
        "Promesses non tenues",
        f"Promesses ou propositions sans solution dans les {rules.PROMISE_DAYS} jours.",
    ),
    Field(
        "case_points",
        "integer",
        "Points du dossier",
        "Points de 0 à 100 selon la méthodologie : la note du marchand en est la moyenne lissée.",
        unit="point",
    ),
    _money(
        "not_recovered",
        "Somme non récupérée",
        "Montant moins somme récupérée (0 si résolu), jamais négatif.",
    ),
    Field("fictional", "boolean", "Fictif", "true : témoignage d'exemple sur un marchand inventé."),
    Field(
        "status_at_publication",
        "string",
        "Statut à la publication",
        "Où en était le dossier le jour de la publication (outcome du témoignage).",
        vocabulary="status",
    ),
    Field(
        "last_updated",
        "string",
        "Dernier suivi",
        "Date du dernier suivi publié, à sa précision ; vide sans suivi (table suivis).",
        pattern=FUZZY_DATE,
    ),
)

FOLLOWUP = _fields(
    Field("testimony_url", "string", "Témoignage", TESTIMONY_URL, required=True),
    Field("merchant", "string", "Marchand", "Identifiant du marchand (table marchands)."),
    Field(
        "number",
        "integer",
        "Rang",
        "Rang du suivi dans le témoignage (1, 2…), dans l'ordre chronologique.",
        required=True,
    ),
    Field(
        "date",
        "string",
        "Date",
        "Date du suivi à sa précision : AAAA-MM-JJ, AAAA-MM, AAAA ou début/fin.",
        pattern=FUZZY_DATE,
    ),
    Field("date_start", "date", "Début", "Premier jour possible du suivi."),
    Field("kind", "string", "Nature", "Nature du suivi.", vocabulary="update_kind", required=True),
    Field("text", "string", "Texte", "Ce que le suivi dit, tel que publié."),
    Field("wrong", "string", "Ce qui était écrit", "Correction : le texte publié à tort."),
    Field("right", "string", "Ce qui est exact", "Correction : le texte exact."),
    Field(
        "status",
        "string",
        "Nouveau statut",
        "Statut du dossier à partir de ce suivi ; vide s'il n'en dit pas.",
        vocabulary="status",
    ),
    Field(
        "resolution",
        "string",
        "Nouvelle solution",
        "Solution obtenue à partir de ce suivi ; vide s'il n'en dit pas.",
        vocabulary="resolution",
    ),
    _money("recovered", "Somme récupérée", "Somme récupérée à ce suivi ; vide s'il n'en dit pas."),
    Field("currency", "string", "Monnaie", "Code ISO 4217 de la somme.", pattern=CURRENCY),
    Field("fictional", "boolean", "Fictif", "true : témoignage d'exemple sur un marchand inventé."),
)

EVENT = _fields(
    Field("testimony", "string", "Témoignage", TESTIMONY_URL, required=True),
    Field(
        "order", "integer", "Rang", "Rang de l'étape dans la chronologie (1, 2…).", required=True
    ),
    Field(
        "date",
        "string",
        "Date",
        "Date à sa précision : AAAA-MM-JJ, AAAA-MM, AAAA ou début/fin.",
        pattern=FUZZY_DATE,
    ),
    Field("date_start", "date", "Début", "Premier jour possible de l'étape."),
    Field("date_end", "date", "Fin", "Dernier jour possible de l'étape."),
    Field("precision", "string", "Précision", "Précision de la date.", values=PRECISIONS),
    Field("approx", "boolean", "Approximative", "true : date approximative."),
    Field("actor", "string", "Acteur", "Qui agit.", vocabulary="actor", required=True),
    Field("kind", "string", "Étape", "Nature de l'étape.", vocabulary="kind", required=True),
    Field("channel", "string", "Canal", "Canal utilisé.", vocabulary="channel"),
    Field("note", "string", "Note", "Précision écrite par la rédaction."),
    Field("value", "string", "Choix", "Option choisie (étape « choice »).", vocabulary="option"),
    Field(
        "options",
        "string",
        "Options proposées",
        "Codes des options d'une proposition, séparés par « ; ».",
        pattern=None,
    ),
    _money("amount", "Montant", "Montant de l'étape (solution partielle…)."),
    _qualifier("amount_qualifier", "Précision du montant"),
    Field("currency", "string", "Monnaie", "Code ISO 4217.", pattern=CURRENCY),
)

ISSUE = _fields(
    Field("testimony", "string", "Témoignage", TESTIMONY_URL, required=True),
    Field("issue", "string", "Problème", "Code du problème.", vocabulary="issue", required=True),
    Field(
        "category",
        "string",
        "Catégorie",
        "Famille du problème (début du code).",
        vocabulary="issue_category",
        required=True,
    ),
)

RATE = "proportion de 0 à 1"
#: Columns of the merchants table copied as they are from ``merchant_record``.
MERCHANT_RECORD_FIELDS = (
    "slug",
    "name",
    "url",
    "fictional",
    "n",
    "n_open",
    "first_experience_date",
    "last_experience_date",
    "response_rate",
    "timely_answer_rate",
    "timely_answer_base",
    "n_timely",
    "resolved_share",
    "resolved_share_base",
    "n_resolved",
    "n_partially_resolved",
    "median_days_to_first_answer",
    "median_days_to_resolution",
    "broken_promises",
    "cases_with_broken_promises",
    "score",
    "low_confidence",
    "after_publication_cases",
    "after_publication_moved",
    "after_publication_median_days",
)

MERCHANT = _fields(
    Field("slug", "string", "Identifiant", "Identifiant du marchand.", required=True),
    Field("name", "string", "Nom", "Nom du marchand."),
    Field("url", "string", "Page", "Adresse de la fiche du marchand."),
    Field("fictional", "boolean", "Fictif", "true : marchand inventé pour l'exemple."),
    Field("n", "integer", "Témoignages", "Nombre de témoignages publiés."),
    Field("n_open", "integer", "Dossiers en cours", "Témoignages au statut « en cours »."),
    Field(
        "first_experience_date",
        "string",
        "Première expérience",
        "Date de la plus ancienne expérience, à sa précision.",
        pattern=FUZZY_DATE,
    ),
    Field(
        "last_experience_date",
        "string",
        "Dernière expérience",
        "Date de la plus récente expérience, à sa précision.",
        pattern=FUZZY_DATE,
    ),
    Field(
        "response_rate",
        "number",
        "Taux de réponse",
        "Part des témoignages avec une vraie réponse du marchand.",
        unit=RATE,
    ),
    Field(
        "timely_answer_rate",
        "number",
        f"Réponse dans les {rules.TIMELY_DAYS} jours",
        "n_timely / timely_answer_base.",
        unit=RATE,
    ),
    Field(
        "timely_answer_base",
        "integer",
        "Base de la réponse rapide",
        f"Témoignages dont on sait s'ils ont eu une réponse dans les {rules.TIMELY_DAYS} jours.",
    ),
    Field(
        "n_timely",
        "integer",
        f"Réponses dans les {rules.TIMELY_DAYS} jours",
        f"Témoignages de cette base avec une réponse dans les {rules.TIMELY_DAYS} jours.",
    ),
    Field(
        "resolved_share",
        "number",
        "Part résolue",
        "Résolus (1) et résolus en partie (0,5) sur resolved_share_base.",
        unit=RATE,
    ),
    Field(
        "resolved_share_low",
        "number",
        "Part résolue, borne basse",
        f"Intervalle de Wilson à {rules.CONFIDENCE_PERCENT} %.",
        unit=RATE,
    ),
    Field(
        "resolved_share_high",
        "number",
        "Part résolue, borne haute",
        f"Intervalle de Wilson à {rules.CONFIDENCE_PERCENT} %.",
        unit=RATE,
    ),
    Field(
        "resolved_share_base",
        "integer",
        "Base de la part résolue",
        f"Dossiers clos et dossiers en cours suivis depuis au moins {rules.OLD_CASE_DAYS} jours.",
    ),
    Field("n_resolved", "integer", "Résolus", "Témoignages au statut « résolu »."),
    Field(
        "n_partially_resolved",
        "integer",
        "Résolus en partie",
        "Témoignages au statut « résolu en partie ».",
    ),
    Field(
        "median_days_to_first_answer",
        "number",
        "Délai médian de réponse",
        "Médiane de Kaplan-Meier ; vide si elle n'est pas atteinte.",
        unit=DAY,
    ),
    Field(
        "median_days_to_resolution",
        "number",
        "Délai médian de solution",
        "Médiane de Kaplan-Meier ; vide si elle n'est pas atteinte.",
        unit=DAY,
    ),
    Field("broken_promises", "integer", "Promesses non tenues", "Somme sur les témoignages."),
    Field(
        "cases_with_broken_promises",
        "integer",
        "Dossiers avec promesse non tenue",
        "Témoignages avec au moins une promesse non tenue.",
    ),
    Field(
        "top_issue_categories",
        "string",
        "Catégories de problèmes",
        "Codes des catégories, de la plus fréquente à la moins fréquente, séparés par « ; ».",
    ),
    Field(
        "score",
        "number",
        "Note",
        f"Note sur 100 : moyenne des case_points lissée vers {rules.PRIOR_MEAN} "
        f"({rules.PRIOR_CASES} dossiers fictifs), arrondie au dixième ; vide sous "
        f"{rules.MIN_CASES_FOR_SCORE} témoignages.",
        unit="point",
    ),
    Field(
        "low_confidence",
        "boolean",
        "Confiance faible",
        f"true : moins de {rules.LOW_CONFIDENCE_BELOW} témoignages.",
    ),
    Field(
        "after_publication_cases",
        "integer",
        "Dossiers publiés (suivi)",
        "Témoignages publiés comptés pour « ce que la publication a changé » ; vide sous "
        f"{rules.MIN_CASES_FOR_SCORE} témoignages.",
    ),
    Field(
        "after_publication_moved",
        "integer",
        "Dossiers qui ont bougé",
        "Dossiers où, d'après les suivis, le marchand a répondu ou le dossier a été résolu "
        "(même en partie) après la publication ; vide sous le seuil.",
    ),
    Field(
        "after_publication_median_days",
        "number",
        "Délai médian après publication",
        "Jours médians entre la publication et ce premier mouvement (une demi-journée "
        "possible) ; vide sans mouvement ou sous le seuil.",
        unit=DAY,
    ),
)

MERCHANT_AMOUNT = _fields(
    Field("merchant", "string", "Marchand", "Identifiant du marchand.", required=True),
    Field("currency", "string", "Monnaie", "Code ISO 4217.", required=True, pattern=CURRENCY),
    _money("money_at_stake", "Sommes en jeu", "Somme des montants des témoignages."),
    _qualifier("money_at_stake_qualifier", "Précision des sommes en jeu"),
    _money("money_not_recovered", "Sommes non récupérées", "Somme de not_recovered."),
    _qualifier("money_not_recovered_qualifier", "Précision des sommes non récupérées"),
)
