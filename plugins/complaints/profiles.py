"""Merchant and author profiles: Markdown files with YAML front matter, no Pelican."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import markdown
import yaml
from babel import Locale
from markupsafe import Markup
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError

from complaints.model import Problem, TestimonyError, problems_from, show

FRONT_MATTER = "front matter"
_FENCE = "---"
_EMPTY = Markup("")
_COUNTRIES = frozenset(Locale.parse("fr").territories)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when available
    """SafeLoader where an impossible date (2021-02-30) stays a string, so that
    validation reports it with its field path instead of YAML crashing."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:
        try:
            return super().construct_yaml_timestamp(node)
        except ValueError:
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML like `yaml.safe_load`, keeping impossible dates as strings."""
    return yaml.load(text, Loader=_Loader)


def split_front_matter(text: str, source: str) -> tuple[Any, str]:
    """Split `--- yaml --- body`; parse the YAML; problems raise TestimonyError."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines or lines[0].strip() != _FENCE:
        raise TestimonyError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    show(lines[0] if lines else ""),
                    "le fichier doit commencer par une ligne « --- » suivie des métadonnées YAML",
                )
            ]
        )
    try:
        end = next(i for i, line in enumerate(lines[1:], 1) if line.strip() in ("---", "..."))
    except StopIteration:
        raise TestimonyError(
            [
                Problem(
                    source,
                    FRONT_MATTER,
                    "(fin du fichier)",
                    "une ligne « --- » qui ferme les métadonnées YAML",
                )
            ]
        ) from None
    try:
        data = load_yaml("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        raise TestimonyError([_yaml_problem(error, lines, source)]) from None
    return data, "\n".join(lines[end + 1 :])


def _yaml_problem(error: yaml.YAMLError, lines: list[str], source: str) -> Problem:
    """A YAML syntax error with its file line; the value is the line to look at
    (where the unclosed block or quote starts, when YAML says so)."""
    mark = getattr(error, "problem_mark", None)
    context = getattr(error, "context_mark", None)
    what = getattr(error, "problem", None) or str(error).splitlines()[0]
    if mark is None:
        return Problem(source, FRONT_MATTER, "(YAML)", f"du YAML valide ({what})")

    def line(m: Any) -> int:
        return m.line + 2  # +1 for the opening "---", +1 as lines count from 1

    shown = line(context) if context is not None else line(mark)
    text = lines[shown - 1].strip() if shown - 1 < len(lines) else ""
    where = f"ligne {line(mark)}, colonne {mark.column + 1}"
    if context is not None and line(context) != line(mark):
        where += f", dans le bloc commencé ligne {line(context)}"
    return Problem(
        source,
        FRONT_MATTER,
        show(text),
        f"du YAML valide : erreur de syntaxe {where} ({what}) ; vérifiez les "
        "guillemets, les deux-points, les crochets et l'indentation",
    )


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


@dataclass(frozen=True)
class MerchantProfile:
    """A merchant as its profile file describes it; `description` is HTML."""

    slug: str
    name: str
    website: str | None = None
    country: str | None = None
    logo: str | None = None
    aliases: tuple[str, ...] = ()
    fictional: bool = False
    description: Markup = _EMPTY
    source: str = ""


@dataclass(frozen=True)
class AuthorProfile:
    """An author; `body` is the HTML of the optional Markdown text."""

    slug: str
    name: str
    bio: str | None = None
    website: str | None = None
    body: Markup = _EMPTY
    source: str = ""


def _html(body: str) -> Markup:
    return Markup(markdown.markdown(body.strip())) if body.strip() else Markup("")


def _read(path: Path, model: type[BaseModel]) -> tuple[BaseModel, str]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise TestimonyError(
            [
                Problem(
                    source,
                    "(fichier)",
                    show(path.name),
                    f"un fichier UTF-8 lisible ({error})",
                )
            ]
        ) from None
    data, body = split_front_matter(text, source)
    if not isinstance(data, dict):
        raise TestimonyError(
            [Problem(source, FRONT_MATTER, show(data), "des métadonnées « clé: valeur »")]
        )
    try:
        return model.model_validate(data), body
    except ValidationError as error:
        raise TestimonyError(problems_from(error, source=source, model=model, root="")) from None


def read_merchant(path: Path) -> MerchantProfile:
    """Read one merchant profile; the slug is the file stem."""
    meta, body = _read(path, _MerchantMeta)
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
        source=str(path),
    )


def read_author(path: Path) -> AuthorProfile:
    """Read one author profile; the slug is the file stem."""
    meta, body = _read(path, _AuthorMeta)
    assert isinstance(meta, _AuthorMeta)
    return AuthorProfile(
        slug=path.stem,
        name=meta.name,
        bio=meta.bio,
        website=meta.website,
        body=_html(body),
        source=str(path),
    )


def collect(folder: Path, read: Any) -> tuple[dict[str, Any], list[Problem]]:
    """Read every `*.md` of a folder; return the profiles and all problems."""
    profiles: dict[str, Any] = {}
    problems: list[Problem] = []
    if not folder.is_dir():
        return profiles, problems
    for path in sorted(folder.glob("*.md")):
        try:
            profiles[path.stem] = read(path)
        except TestimonyError as error:
            problems.extend(error.problems)
    return profiles, problems


def load_merchants(folder: Path) -> dict[str, MerchantProfile]:
    """Merchant profiles by slug; raise TestimonyError listing every problem."""
    profiles, problems = collect(Path(folder), read_merchant)
    if problems:
        raise TestimonyError(problems)
    return profiles


def load_authors(folder: Path) -> dict[str, AuthorProfile]:
    """Author profiles by slug; raise TestimonyError listing every problem."""
    profiles, problems = collect(Path(folder), read_author)
    if problems:
        raise TestimonyError(problems)
    return profiles
