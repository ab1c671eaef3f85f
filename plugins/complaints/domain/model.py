"""The testimony schema (pydantic v2), its problems and `parse_testimony`."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated, Any

from babel.numbers import is_currency
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)

from complaints.domain import vocabulary as voc
from complaints.domain.fuzzydate import FuzzyDate, check_year
from complaints.domain.problems import MISSING, ContentError, Problem, did_you_mean, show
from complaints.domain.rules import RESOLUTION_KIND, SOLVED_STATUSES

ROOT = "testimony"
MAX_AMOUNT = Decimal(10**9)  # a billion: anything above is a typo, not a purchase


# ---------------------------------------------------------------- field types


@dataclass(frozen=True)
class Refers:
    """Marks a field that holds the slug of a profile of ``kind`` (read by the form)."""

    kind: str


def _vocab_check(name: str, what: str):
    values = voc.vocabulary(name)
    by_label = {label.casefold(): code for code, label in values.items() if label}

    def check(value: str) -> str:
        if value in values:
            return value
        code = by_label.get(value.strip().casefold())
        hint = (
            f" (« {value} » est son libellé en français : écrivez le code « {code} »)"
            if code
            else did_you_mean(value, values)
        )
        raise ValueError(f"{what} : valeur inconnue{hint} ; attendu l'une de : {', '.join(values)}")

    check.vocabulary = name  # the editing form offers this vocabulary's codes
    return AfterValidator(check)


def _fuzzy(value: object) -> FuzzyDate:
    return FuzzyDate.parse(value)


_ISO_DAY = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def _exact_date(value: object) -> date:
    day = None
    if isinstance(value, datetime):
        day = value.date()
    elif isinstance(value, date):
        day = value
    elif isinstance(value, str) and _ISO_DAY.fullmatch(value.strip()):
        try:
            day = date.fromisoformat(value.strip())
        except ValueError:
            raise ValueError(
                f"une date qui existe : {value.strip()} n'est pas dans le calendrier"
            ) from None
    if day is None:
        raise ValueError("une date précise au jour attendue, au format AAAA-MM-JJ (ex. 2009-07-06)")
    check_year(day.year)
    return day


_CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "CHF": "CHF", "FS": "CHF"}


def _currency(value: str) -> str:
    if is_currency(value):
        return value
    if value.strip() in _CURRENCY_SIGNS:
        code = _CURRENCY_SIGNS[value.strip()]
        raise ValueError(f"un code de devise ISO 4217, pas un symbole : écrivez {code}")
    if is_currency(value.upper()):
        raise ValueError(f"code de devise ISO 4217 en majuscules attendu : {value.upper()}")
    raise ValueError("code de devise ISO 4217 attendu (ex. EUR, USD, GBP, CHF)")


Actor = Annotated[str, _vocab_check("actor", "acteur")]
Channel = Annotated[str, _vocab_check("channel", "canal")]
Kind = Annotated[str, _vocab_check("kind", "type d'événement")]
Issue = Annotated[str, _vocab_check("issue", "problème")]
Status = Annotated[str, _vocab_check("status", "statut")]
Resolution = Annotated[str, _vocab_check("resolution", "solution")]
Option = Annotated[str, _vocab_check("option", "option")]
Lesson = Annotated[str, _vocab_check("lesson", "leçon")]
DeliveryMode = Annotated[str, _vocab_check("delivery_mode", "mode de livraison")]
Qualifier = Annotated[str, _vocab_check("qualifier", "précision du montant")]
Verifier = Annotated[str, _vocab_check("verifier", "vérificateur")]
UpdateKind = Annotated[str, _vocab_check("update_kind", "type de suivi")]
Fuzzy = Annotated[FuzzyDate, PlainValidator(_fuzzy)]
ExactDate = Annotated[date, PlainValidator(_exact_date)]
Currency = Annotated[str, AfterValidator(_currency)]
Text = Annotated[str, Field(min_length=1)]
Slug = Annotated[str, BeforeValidator(lambda v: v.strip() if isinstance(v, str) else v)]


_FIELD_SETS: dict[frozenset[str], frozenset[str]] = {}  # one of each, for every model


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    def __setstate__(self, state: dict[Any, Any]) -> None:
        """Unpickled (a case read in another process): the names of the fields given
        are one shared frozenset (the models are frozen), not a set per model."""
        given = frozenset(state.get("__pydantic_fields_set__", ()))
        shared = _FIELD_SETS.setdefault(given, given)
        super().__setstate__({**state, "__pydantic_fields_set__": shared})

    def __copy__(self) -> Any:
        """A copy with a set of its own (``model_copy(update=...)`` adds to it)."""
        copied = super().__copy__()
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.model_fields_set))
        return copied

    def __deepcopy__(self, memo: dict[int, Any] | None = None) -> Any:
        copied = super().__deepcopy__(memo)
        object.__setattr__(copied, "__pydantic_fields_set__", set(self.model_fields_set))
        return copied


class Money(_Model):
    """An amount in an ISO 4217 currency, maybe qualified ("plus de 900 €")."""

    value: Annotated[Decimal, Field(ge=0, le=MAX_AMOUNT, decimal_places=2)]
    currency: Currency
    qualifier: Qualifier = "exactly"


class Order(_Model):
    date: Fuzzy
    item: Text
    amount: Money | None = None
    channel: Channel | None = None


class Delivery(_Model):
    carrier: str | None = None
    mode: DeliveryMode | None = None


class Event(_Model):
    date: Fuzzy
    actor: Actor
    kind: Kind
    channel: Channel | None = None
    note: str | None = None
    options: list[Option] = Field(default_factory=list)
    value: Option | None = None
    amount: Money | None = None
    approx: bool = False

    @model_validator(mode="after")
    def _approx_date(self) -> Event:
        if self.approx and not self.date.approx:
            object.__setattr__(self, "date", replace(self.date, approx=True))
        return self


class Outcome(_Model):
    status: Status
    resolution: Resolution = "none"
    recovered: Money | None = None
    as_of: ExactDate


class UpdateOutcome(_Model):
    """Where the case stands as of a follow-up (its date is the follow-up's)."""

    status: Status
    resolution: Resolution = "none"
    recovered: Money | None = None
    as_of: ExactDate | None = None


class FollowUp(_Model):
    """A dated follow-up after publication (rules: ``domain/followups.py``)."""

    date: Fuzzy
    kind: UpdateKind
    text: Text
    wrong: str | None = None
    right: str | None = None
    outcome: UpdateOutcome | None = None
    approx: bool = False

    @model_validator(mode="after")
    def _approx_date(self) -> FollowUp:
        if self.approx and not self.date.approx:
            object.__setattr__(self, "date", replace(self.date, approx=True))
        return self


class Verification(_Model):
    documents_seen: bool = False
    by: Verifier | None = None
    note: str | None = None


class Testimony(_Model):
    """The structured case told by one testimony."""

    merchant: Annotated[Slug, Field(min_length=1), Refers("merchant")]
    experience_date: Fuzzy
    order: Order
    delivery: Delivery | None = None
    issues: list[Issue] = Field(default_factory=list)
    events: Annotated[list[Event], Field(min_length=1)]
    outcome: Outcome
    updates: list[FollowUp] = Field(default_factory=list)
    lessons: list[Lesson] = Field(default_factory=list)
    verification: Verification | None = None
    fictional: bool = False


# ------------------------------------------------------------ error messages

_MESSAGES = {
    "missing": "champ obligatoire manquant",
    "string_type": "texte attendu",
    "string_too_short": "texte non vide attendu",
    "int_type": "nombre attendu",
    "int_parsing": "nombre entier attendu",
    "float_type": "nombre attendu",
    "decimal_type": "nombre attendu",
    "decimal_parsing": "nombre attendu (ex. 900 ou 12.50)",
    "finite_number": "nombre fini attendu",
    "bool_type": "true ou false attendu",
    "bool_parsing": "true ou false attendu",
    "list_type": "liste attendue (ex. [a, b])",
    "dict_type": "bloc de champs attendu (clé: valeur)",
    "model_type": "bloc de champs attendu (clé: valeur)",
    "model_attributes_type": "bloc de champs attendu (clé: valeur)",
    "greater_than_equal": "nombre positif ou nul attendu",
    "less_than_equal": f"un montant d'au plus {MAX_AMOUNT:,} (un milliard)".replace(",", " "),
    "decimal_max_places": "au plus deux décimales (ex. 12.50)",
    "decimal_max_digits": "un montant d'au plus un milliard, à deux décimales",
    "decimal_whole_digits": "un montant d'au plus un milliard, à deux décimales",
    "too_short": "au moins un élément attendu",
    "date_type": "date attendue (AAAA-MM-JJ)",
    "date_parsing": "date attendue (AAAA-MM-JJ)",
}


def path(loc: tuple[Any, ...], root: str = ROOT) -> str:
    """Dotted field path with [n] positions counted from 1, e.g. `testimony.events[3].date`
    for the third event."""
    text = root
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def _fields_of(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    """Allowed field names at `loc` (for unknown-field messages)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        if info is None:
            return []
        current = _model_in(info.annotation)
        if current is None:
            return []
    return list(getattr(current, "model_fields", {}))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


def _model_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model expected at `loc` (None when it is not a model)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        info = getattr(current, "model_fields", {}).get(part)
        current = _model_in(info.annotation) if info is not None else None
        if current is None:
            return None
    return current


def _money_example(value: object) -> str:
    """`amount: 649 €` → un bloc {value: 649, currency: EUR}."""
    number = re.search(r"\d+(?:[.,]\d{1,2})?", str(value))
    shown = number.group().replace(",", ".") if number else "649"
    return f"un bloc {{value: {shown}, currency: EUR}} (montant et devise séparés)"


_DECIMAL_COMMA = re.compile(r"\d+,\d+")
_GROUPED = re.compile(r"\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:\.\d+)?")
_WITH_CURRENCY = re.compile(r"€|\$|£|\b(?:EUR|euros?|USD|CHF|GBP)\b", re.IGNORECASE)
_NUMBER = re.compile(r"\d+(?:[.,]\d{1,2})?")
_FRENCH_BOOLEANS = {"oui": "true", "vrai": "true", "non": "false", "faux": "false"}


def problems_from(
    error: ValidationError, *, source: str, model: type[BaseModel], root: str = ROOT
) -> list[Problem]:
    """Translate a pydantic ValidationError into plain-language Problems."""
    problems = []
    for item in error.errors():
        loc = tuple(item["loc"])
        kind = item["type"]
        value = item.get("input", MISSING)
        if kind == "missing":
            value = MISSING
        if kind == "value_error":
            expected = str(item.get("ctx", {}).get("error", item["msg"]))
        elif kind == "extra_forbidden":
            allowed = _fields_of(model, loc)
            expected = "champ inconnu (faute de frappe ?)"
            if allowed:
                expected += " ; champs possibles : " + ", ".join(allowed)
            value = loc[-1] if loc else value
        elif kind == "model_type" and _model_at(model, loc) is Money:
            expected = _money_example(value)
        elif kind == "decimal_parsing" and _DECIMAL_COMMA.fullmatch(str(value).strip()):
            number = str(value).strip().replace(",", ".")
            expected = f"un nombre avec un point décimal : écrivez {number} (pas de virgule)"
        elif kind == "decimal_parsing" and _GROUPED.fullmatch(str(value).strip()):
            number = "".join(str(value).split())
            expected = f"un nombre sans espace : écrivez {number}"
        elif kind == "decimal_parsing" and _WITH_CURRENCY.search(str(value)):
            number = _NUMBER.search(str(value))
            shown = number.group().replace(",", ".") if number else "900"
            expected = f"un nombre seul : écrivez {shown} (la devise va dans currency: EUR)"
        elif kind == "bool_parsing" and str(value).strip().lower() in _FRENCH_BOOLEANS:
            word = _FRENCH_BOOLEANS[str(value).strip().lower()]
            expected = f"true ou false : écrivez {word} (pas « {value} »)"
        elif kind in _MESSAGES:
            expected = _MESSAGES[kind]
        else:
            expected = item["msg"]
        problems.append(Problem(source, path(loc, root), show(value), expected))
    return problems


# ------------------------------------------------------------ cross-field rules


def _cross_checks(case: Testimony, source: str, published: date | None) -> list[Problem]:
    problems = []

    def add(field: str, value: object, expected: str) -> None:
        problems.append(Problem(source, f"{ROOT}.{field}", show(value), expected))

    for i in range(1, len(case.events)):
        # an imprecise date may cover the previous one ("2008-07" after "2008-07-13")
        previous, current = case.events[i - 1].date, case.events[i].date
        if current.end < previous.start:
            add(
                f"events[{i + 1}].date",
                str(current),
                "des événements dans l'ordre chronologique : cette date précède "
                f"celle de l'événement précédent ({previous})",
            )
    # an event after the publication is reported as such (domain.consistency)
    told = [e for e in case.events if not _after(e, published)] or case.events
    last = max(event.date.start for event in told)
    if case.outcome.as_of < last:
        add(
            "outcome.as_of",
            case.outcome.as_of,
            f"une date égale ou postérieure au dernier événement ({last.isoformat()})",
        )
    if case.experience_date.start > case.outcome.as_of:
        add(
            "experience_date",
            str(case.experience_date),
            f"une date d'expérience passée, au plus tard outcome.as_of ({case.outcome.as_of})",
        )
    if case.outcome.status in SOLVED_STATUSES and not any(
        event.kind == RESOLUTION_KIND for event in case.events
    ):
        add(
            "outcome.status",
            case.outcome.status,
            "un dossier résolu (même en partie) doit avoir un événement "
            "« remedy_received » ; sinon statut open ou unresolved",
        )
    recovered, amount = case.outcome.recovered, case.order.amount
    if recovered and amount and recovered.currency != amount.currency:
        add(
            "outcome.recovered.currency",
            recovered.currency,
            f"la devise de la commande ({amount.currency})",
        )
    return problems


def _after(event: Event, published: date | None) -> bool:
    """True for an event dated surely after publication (a right of reply, or one the
    consistency rules refuse): the outcome at publication need not follow it."""
    return published is not None and event.date.start > published


def unknown_merchant_problem(slug: str, source: str, merchants: Collection[str]) -> Problem:
    """The problem of a testimony whose merchant has no profile."""
    hint = did_you_mean(slug, merchants)
    return Problem(
        source,
        f"{ROOT}.merchant",
        show(slug),
        f"un marchand qui a sa fiche dans content/merchants/{hint} ; "
        "créez la fiche <slug>.md ou corrigez le slug",
    )


def _merchant_check(
    data: Mapping[Any, Any], source: str, merchants: Collection[str] | None
) -> list[Problem]:
    slug = data.get("merchant")
    if merchants is None or not isinstance(slug, str) or not slug.strip():
        return []
    if slug.strip() in merchants:
        return []
    return [unknown_merchant_problem(slug.strip(), source, merchants)]


def parse_testimony(
    data: object,
    *,
    source: str,
    merchants: Collection[str] | None,
    published: date | None = None,
) -> Testimony:
    """Validate the `testimony:` block (published on ``published``, when known); raise
    ContentError with every problem."""
    if not isinstance(data, Mapping):
        raise ContentError(
            [Problem(source, ROOT, show(data), "bloc de champs attendu (clé: valeur)")]
        )
    try:
        problems = _merchant_check(data, source, merchants)
        try:
            case = Testimony.model_validate(dict(data))
        except ValidationError as error:
            problems = problems_from(error, source=source, model=Testimony) + problems
            raise ContentError(problems) from None
        problems += _cross_checks(case, source, published)
    except ContentError:
        raise
    except Exception as error:
        raise ContentError(
            [Problem(source, ROOT, show(data), f"contenu illisible : {error}")]
        ) from None
    if problems:
        raise ContentError(problems)
    return case
