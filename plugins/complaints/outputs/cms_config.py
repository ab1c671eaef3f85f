"""The editing form's configuration (Decap CMS ``config.yml``), generated from the schema.

Every testimony field comes from the pydantic model (:mod:`complaints.domain.model`):
codes become choices showing their French labels, fuzzy and exact dates text fields
with the validator's patterns, amounts number fields with the model's bounds, events
one type per kind carrying only the fields of that kind (``rules.KIND_FIELDS``).
Labels and help come from :mod:`complaints.editorial.form_labels`. The site's
settings (sections, folders) are given by the caller.
"""

from __future__ import annotations

import typing
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

import annotated_types
import yaml
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from complaints.domain import vocabulary as voc
from complaints.domain.fuzzydate import FuzzyDate
from complaints.domain.model import Event, Refers, Testimony
from complaints.domain.profiles import SLUG
from complaints.domain.rules import KIND_FIELDS
from complaints.editorial import form_labels as fr
from complaints.editorial.validate import STATUSES

HEADER = (
    "# Configuration du formulaire de Decap CMS, générée par `invoke cms-config` depuis\n"
    "# plugins/complaints (modèle, vocabulaire, libellés) et les réglages du site :\n"
    "# ne la modifiez pas à la main.\n"
)
_DAY = r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])"
_PART = r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?"
FUZZY_PATTERN = rf"^{_PART}(\.\.{_PART})?$"
EXACT_PATTERN = rf"^{_DAY}$"
PUBLISHED_PATTERN = rf"^{_DAY}( ([01]\d|2[0-3]):[0-5]\d)?$"
SLUG_PATTERN = f"^{SLUG.pattern}$"
STATUS_LABELS = {"published": "Publié", "draft": "Brouillon", "hidden": "Caché"}


@dataclass(frozen=True)
class Site:
    """What the site's settings say about where files are (paths from the project root)."""

    sections: Sequence[tuple[str, str]]  # (section name, its folder)
    merchants_folder: str
    authors_folder: str
    logos_folder: str  # where a merchant's logo is uploaded
    logos_public: str  # the same folder as profiles write it (relative to content/)
    backend_url: str = "http://127.0.0.1:8081/api/v1"


def config(site: Site) -> dict[str, Any]:
    """The whole Decap CMS configuration, as data."""
    return {
        "locale": "fr",
        "backend": {"name": "proxy", "proxy_url": site.backend_url, "branch": "main"},
        "publish_mode": "simple",
        "media_folder": site.logos_folder,
        "public_folder": site.logos_public,
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [
            *(testimonies(name, folder) for name, folder in site.sections),
            merchants(site),
            authors(site),
        ],
    }


def config_text(site: Site) -> str:
    """The configuration as the YAML file Decap CMS reads."""
    return HEADER + yaml.safe_dump(
        config(site), allow_unicode=True, sort_keys=False, width=100, default_flow_style=False
    )


def _field(path: str, name: str, widget: str, *, required: bool = True, **more: Any) -> dict:
    field = {"name": name, "label": fr.label(path, name), "widget": widget}
    if not required:
        field["required"] = False
    hint = more.pop("hint", None) or fr.help_text(path)
    if hint:
        field["hint"] = hint
    return {**field, **more}


def _collection(name: str, label: str, folder: str, fields: list[dict], **more: Any) -> dict:
    return {
        "name": name,
        "label": label,
        "folder": folder,
        "extension": "md",
        "format": "frontmatter",
        "create": True,
        "editor": {"preview": False},  # the site's own preview is `invoke livereload`
        **more,
        "fields": fields,
    }


def testimonies(section: str, folder: str) -> dict:
    """The collection of one section's testimonies."""
    published = ["Date au format AAAA-MM-JJ ou AAAA-MM-JJ HH:MM"]
    return _collection(
        "temoignages-" + folder.rsplit("/", 1)[-1],
        f"Témoignages — {section}",
        folder,
        [
            _field("title", "title", "string"),
            _field("slug", "slug", "string", pattern=[SLUG_PATTERN, _slug_message()]),
            _field("date", "date", "string", pattern=[PUBLISHED_PATTERN, published[0]]),
            _field(
                "modified",
                "modified",
                "string",
                required=False,
                pattern=[PUBLISHED_PATTERN, published[0]],
            ),
            _field("category", "category", "hidden", default=section),
            _field("tags", "tags", "list", required=False),
            _field(
                "author",
                "author",
                "relation",
                collection="auteurs",
                search_fields=["name"],
                value_field="name",
                display_fields=["name"],
            ),
            _field("summary", "summary", "text", required=False),
            _field(
                "status",
                "status",
                "select",
                required=False,
                options=[{"label": STATUS_LABELS.get(s, s), "value": s} for s in STATUSES],
            ),
            _field("public_data", "public_data", "list", required=False),
            _model_field("testimony", "testimony", Testimony, required=True),
            _body(),
        ],
        identifier_field="title",
        label_singular=f"témoignage ({section})",
        slug="{{fields.slug}}",
        summary="{{title}}",
        sortable_fields=["date", "title"],
    )


def merchants(site: Site) -> dict:
    """The merchants' profiles (the file name comes from the name)."""
    return _collection(
        "marchands",
        "Marchands",
        site.merchants_folder,
        [
            _field("name", "name", "string", label="Nom", hint=_name_hint()),
            _field(
                "website",
                "website",
                "string",
                required=False,
                label="Site web",
                pattern=["^https://", "Une adresse complète commençant par https://"],
            ),
            _field(
                "country",
                "country",
                "string",
                required=False,
                label="Pays",
                hint="Code ISO 3166 en deux lettres (ex. FR).",
                pattern=["^[A-Z]{2}$", "Deux lettres majuscules (ex. FR)"],
            ),
            _field("aliases", "aliases", "list", required=False, label="Autres noms"),
            _field(
                "logo",
                "logo",
                "image",
                required=False,
                label="Logo",
                hint=f"Déposé dans {site.logos_folder}/.",
                media_folder="/" + site.logos_folder,
                public_folder=site.logos_public,
                choose_url=False,
            ),
            _field(
                "fictional",
                "fictional",
                "boolean",
                required=False,
                default=False,
                label="Marchand fictif",
                hint="Cochez pour un marchand inventé (exemples).",
            ),
            _body("Présentation"),
        ],
        identifier_field="name",
        label_singular="marchand",
        slug="{{name}}",
    )


def authors(site: Site) -> dict:
    """The authors' profiles (the file name comes from the name)."""
    return _collection(
        "auteurs",
        "Auteurs",
        site.authors_folder,
        [
            _field("name", "name", "string", label="Nom", hint=_name_hint()),
            _field(
                "kind",
                "kind",
                "select",
                required=False,
                label="Signature",
                options=[
                    {"label": "une personne", "value": "person"},
                    {"label": "une équipe (ex. « La rédaction »)", "value": "organization"},
                ],
            ),
            _field("bio", "bio", "text", required=False, label="Présentation courte"),
            _field(
                "website",
                "website",
                "string",
                required=False,
                label="Site web",
                pattern=["^https://", "Une adresse complète commençant par https://"],
            ),
            _body("Présentation"),
        ],
        identifier_field="name",
        label_singular="auteur",
        slug="{{name}}",
    )


def _slug_message() -> str:
    return "Lettres minuscules sans accents, chiffres et tirets (ex. pixmania-colis-perdu)"


def _name_hint() -> str:
    return (
        "Le nom de fichier est tiré du nom à la création ; `invoke check` dit s'il ne convient pas."
    )


def _body(label: str = "Texte") -> dict:
    # raw Markdown: the text is saved exactly as written (the rich editor rewrites it)
    return _field(
        "body",
        "body",
        "markdown",
        label=label,
        modes=["raw"],
        buttons=[],
        editor_components=[],
        required=False,
    )


# ------------------------------------------------------------- from the model


def _model_field(path: str, name: str, model: type[BaseModel], *, required: bool) -> dict:
    # the form checks the fields of an optional block as optional (it would otherwise
    # refuse to save an empty one); the validator still wants them once the block is there
    fields = [
        _from_info(f"{path}.{key}", key, info, within_optional=not required)
        for key, info in model.model_fields.items()
    ]
    return _field(path, name, "object", required=required, collapsed=False, fields=fields)


def _from_info(path: str, name: str, info: FieldInfo, *, within_optional: bool = False) -> dict:
    return _from_type(
        path,
        name,
        info.annotation,
        info.metadata,
        required=info.is_required() and not within_optional,
        default=None if info.is_required() else info.get_default(call_default_factory=True),
    )


def _parts(annotation: Any) -> tuple[Any, list[Any]]:
    """An annotation without ``Annotated``, and its metadata."""
    if typing.get_origin(annotation) is typing.Annotated:
        inner, *metadata = typing.get_args(annotation)
        inner, more = _parts(inner)
        return inner, [*metadata, *more]
    return annotation, []


def _optional(annotation: Any) -> tuple[Any, bool]:
    args = typing.get_args(annotation)
    if type(None) in args and typing.get_origin(annotation) in (typing.Union, _union()):
        rest = [arg for arg in args if arg is not type(None)]
        return rest[0], True
    return annotation, False


def _union() -> Any:
    return type(int | None)


def _codes(metadata: list[Any]) -> str | None:
    """The vocabulary a field's validator checks its codes against, if any."""
    return next(
        (v for m in metadata if (v := getattr(getattr(m, "func", None), "vocabulary", None))),
        None,
    )


def _choices(vocabulary: str) -> list[dict[str, str]]:
    return [
        {"label": fr.code_label(vocabulary, code, text), "value": code}
        for code, text in voc.vocabulary(vocabulary).items()
    ]


def _from_type(
    path: str, name: str, annotation: Any, metadata: list[Any], *, required: bool, default: Any
) -> dict:
    annotation, optional = _optional(annotation)
    required = required and not optional
    annotation, more = _parts(annotation)
    metadata = [*metadata, *more]
    codes = _codes(metadata)
    in_money = path.rsplit(".", 1)[0].endswith((".amount", ".recovered"))
    shown = f"amount.{name}" if in_money else path
    # no default value in the form: a default would fill an optional block the editor
    # left empty ({qualifier: exactly}); the model gives the default when the field is absent
    if any(isinstance(m, Refers) and m.kind == "merchant" for m in metadata):
        return _field(
            shown,
            name,
            "relation",
            required=required,
            collection="marchands",
            value_field="{{slug}}",
            search_fields=["name", "aliases"],
            display_fields=["name"],
        )
    if codes:
        return _field(
            shown,
            name,
            "select",
            required=required,
            options=_choices(codes),
            hint=fr.help_text(shown, codes),
        )
    if typing.get_origin(annotation) is list:
        (item,) = typing.get_args(annotation)
        item, item_metadata = _parts(item)
        if _codes(item_metadata):
            vocabulary = _codes(item_metadata)
            return _field(
                path,
                name,
                "select",
                required=False,
                multiple=True,
                options=_choices(vocabulary),
                hint=fr.help_text(path, vocabulary),
            )
        if item is Event:
            return _events(path, name, metadata)
        if isinstance(item, type) and issubclass(item, BaseModel):
            fields = [
                _from_info(f"{path}.{key}", key, info) for key, info in item.model_fields.items()
            ]
            return _field(path, name, "list", required=False, collapsed=False, fields=fields)
        return _field(path, name, "list", required=False)
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _model_field(shown, name, annotation, required=required)
    if annotation is FuzzyDate:
        return _field(
            path,
            name,
            "string",
            required=required,
            pattern=[FUZZY_PATTERN, f"Date : {fr.FUZZY_DATE_HELP}"],
            hint=fr.FUZZY_DATE_HELP,
        )
    if annotation is date:
        return _field(
            path,
            name,
            "string",
            required=required,
            pattern=[EXACT_PATTERN, f"Date : {fr.EXACT_DATE_HELP}"],
            hint=fr.help_text(path) or fr.EXACT_DATE_HELP,
        )
    if annotation is bool:
        return _field(shown, name, "boolean", required=False)
    if annotation is Decimal:
        bounds = _bounds(metadata)
        return _field(
            shown, name, "number", required=required, value_type="float", step=0.01, **bounds
        )
    return _field(shown, name, "string", required=required)


def _bounds(metadata: list[Any]) -> dict[str, Any]:
    bounds: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, annotated_types.Ge):
            bounds["min"] = float(item.ge)
        if isinstance(item, annotated_types.Le):
            bounds["max"] = float(item.le)
    return bounds


def _events(path: str, name: str, metadata: list[Any]) -> dict:
    """One type of event per kind, each with the fields of that kind only."""
    fields = {
        key: _from_info(f"{path}.{key}", key, info)
        for key, info in Event.model_fields.items()
        if key != "kind"
    }
    types = []
    for code, text in voc.vocabulary("kind").items():
        kept = [
            field
            for key, field in fields.items()
            if key not in KIND_FIELDS or code in KIND_FIELDS[key]
        ]
        note = fr.code_note("kind", code)
        types.append(
            {
                "name": code,
                "label": text,
                "widget": "object",
                **({"hint": note} if note else {}),
                "summary": "{{fields.date}} — " + text,
                "fields": kept,
            }
        )
    minimum = next((m.min_length for m in metadata if hasattr(m, "min_length")), None)
    return _field(
        path,
        name,
        "list",
        types=types,
        typeKey="kind",
        collapsed=False,
        **({"min": minimum} if minimum else {}),
    )
