"""Reading merchant and author profiles: Markdown files with YAML front matter."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any, Literal

import markdown
from babel import Locale
from markupsafe import Markup
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from complaints.domain.model import problems_from
from complaints.domain.problems import ContentError, Problem, show
from complaints.domain.profiles import SLUG, AuthorProfile, MerchantProfile
from complaints.editorial.frontmatter import (
    FRONT_MATTER,
    active_content_problems,
    read_front_matter,
    read_text_file,
)
from complaints.editorial.placement import DEFAULT_PLACES, Places, misplaced

_COUNTRIES = frozenset(Locale.parse("fr").territories)


def _website(value: str) -> str:
    if not value.startswith(("https://", "http://")):
        raise ValueError("une adresse web complète, commençant par https://")
    return value


def _country(value: str) -> str:
    if value not in _COUNTRIES:
        raise ValueError("un code pays ISO 3166 en deux lettres majuscules (ex. FR)")
    return value


def _relative_path(value: str) -> str:
    if value.startswith("/") or ".." in value.split("/") or "://" in value:
        raise ValueError("un chemin relatif à content/ (ex. images/marchands/exemple.svg)")
    return value


_Strict = ConfigDict(extra="forbid", frozen=True)
Website = Annotated[str, AfterValidator(_website)]


class _MerchantMeta(BaseModel):
    model_config = _Strict
    name: Annotated[str, Field(min_length=1)]
    website: Website | None = None
    country: Annotated[str, AfterValidator(_country)] | None = None
    logo: Annotated[str, AfterValidator(_relative_path)] | None = None
    aliases: list[str] = Field(default_factory=list)
    fictional: bool = False


class _AuthorMeta(BaseModel):
    model_config = _Strict
    name: Annotated[str, Field(min_length=1)]
    bio: str | None = None
    website: Website | None = None
    kind: Literal["person", "organization"] = "person"


def _html(body: str) -> Markup:
    return Markup(markdown.markdown(body.strip())) if body.strip() else Markup("")


def _read(path: Path, model: type[BaseModel], places: Places) -> tuple[BaseModel, str]:
    source = str(path)
    document = read_front_matter(read_text_file(path, source), source)
    data, body = document.data, document.body
    active = active_content_problems(body, source, document.body_line)
    if active:
        raise ContentError(active)
    if not isinstance(data, dict):
        raise ContentError(
            [Problem(source, FRONT_MATTER, show(data), "des métadonnées « clé: valeur »", 2)]
        )
    kind = "merchant" if model is _MerchantMeta else "author"
    if wrong_place := misplaced(data, kind, source, places):
        raise ContentError([wrong_place])
    try:
        meta = model.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, source=source, model=model, root="")
        raise ContentError(
            [replace(p, line=document.line_of(p.field) or 2) for p in problems]
        ) from None
    logo = getattr(meta, "logo", None)
    if logo and places.content_root and not (places.content_root / logo).is_file():
        raise ContentError(
            [
                Problem(
                    source,
                    "logo",
                    show(logo),
                    "un fichier image qui existe dans content/ (chemin relatif à content/, "
                    "ex. images/marchands/exemple.svg) : déposez le logo ou corrigez le chemin",
                    line=document.line_of("logo"),
                )
            ]
        )
    return meta, body


def read_merchant(path: Path, places: Places = DEFAULT_PLACES) -> MerchantProfile:
    """Read one merchant profile; the slug is the file stem."""
    meta, body = _read(path, _MerchantMeta, places)
    assert isinstance(meta, _MerchantMeta)
    return MerchantProfile(
        slug=path.stem,
        name=meta.name,
        website=meta.website,
        country=meta.country,
        logo=meta.logo,
        aliases=tuple(meta.aliases),
        fictional=meta.fictional,
        description=_html(body),
    )


def read_author(path: Path, places: Places = DEFAULT_PLACES) -> AuthorProfile:
    """Read one author profile; the slug is the file stem."""
    meta, body = _read(path, _AuthorMeta, places)
    assert isinstance(meta, _AuthorMeta)
    return AuthorProfile(
        slug=path.stem,
        name=meta.name,
        bio=meta.bio,
        website=meta.website,
        body=_html(body),
        kind=meta.kind,
    )


def collect(
    folder: Path, read: Any, places: Places = DEFAULT_PLACES
) -> tuple[dict[str, Any], list[Problem]]:
    """Read every `*.md` of a folder; return the profiles and all problems.

    A profile whose file name is not a slug (``..md``, ``Pix Mania.md``) is refused:
    its file name becomes its address.
    """
    profiles: dict[str, Any] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return profiles, problems
    for path in sorted(folder.glob("*.md")):
        if not SLUG.fullmatch(path.stem):
            problems.append(
                Problem(
                    str(path),
                    "(fichier)",
                    show(path.name),
                    "un nom de fichier en minuscules, chiffres et tirets, suivi de .md "
                    "(ex. boutique-exemple.md) : il devient l'adresse de la fiche",
                )
            )
            continue
        try:
            profiles[path.stem] = read(path, places)
        except ContentError as error:
            problems.extend(error.problems)
    return profiles, problems


def known_slugs(folder: Path) -> set[str]:
    """Slugs of every profile file, readable or not: a testimony citing a broken
    profile is not also told its merchant is unknown (one problem, reported once)."""
    if not Path(folder).is_dir():
        return set()
    return {p.stem for p in Path(folder).glob("*.md") if SLUG.fullmatch(p.stem)}


def load_merchants(folder: Path) -> dict[str, MerchantProfile]:
    """Merchant profiles by slug; raise ContentError listing every problem."""
    profiles, problems = collect(Path(folder), read_merchant)
    if problems:
        raise ContentError(problems)
    return profiles


def load_authors(folder: Path) -> dict[str, AuthorProfile]:
    """Author profiles by slug; raise ContentError listing every problem."""
    profiles, problems = collect(Path(folder), read_author)
    if problems:
        raise ContentError(problems)
    return profiles
