"""Skeletons an editor starts from: a testimony and a merchant profile (no Pelican).

Every value written into front matter goes through PyYAML's emitter, so a title with
quotes, a colon or a ``#`` stays the same string when the file is read back.
"""

from __future__ import annotations

from collections.abc import Mapping
from string import Template
from typing import Any

import yaml

from complaints.domain.problems import did_you_mean
from complaints.domain.profiles import MAX_SLUG, SLUG


class SkeletonRefused(ValueError):
    """The skeleton cannot be written; the message says why, in French."""


def yaml_scalar(value: str) -> str:
    """One YAML double-quoted scalar holding exactly ``value``, on one line."""
    return yaml.safe_dump(value, allow_unicode=True, default_style='"', width=10**9).strip()


def front_matter(data: Mapping[str, Any]) -> str:
    """A YAML front matter block (between ``---`` lines) holding ``data`` in order."""
    body = yaml.safe_dump(dict(data), allow_unicode=True, sort_keys=False, width=10**9)
    return f"---\n{body}---\n"


def is_slug(slug: str) -> bool:
    """The validator's slug rule (lowercase letters, digits, single hyphens; length)."""
    return bool(SLUG.fullmatch(slug)) and len(slug) <= MAX_SLUG


def valid_slug(slug: str, slugify: Any) -> str:
    """``slug`` if the validator accepts it as a slug, else a refusal.

    ``slugify`` is the site's own slug function (given by the caller, which knows Pelican).
    """
    if not is_slug(slug):
        raise SkeletonRefused(
            f"--slug « {slug} » n'est pas un nom de fichier valable : lettres minuscules "
            f"sans accent, chiffres et tirets (ex. « {slugify(slug) or 'colis-perdu'} »)."
        )
    return slug


def checked_slug(title: str, slug: str | None, slugify: Any) -> str:
    """The file name of a new testimony: ``slug`` if given, else the title's slug."""
    if slug is not None:
        return valid_slug(slug, slugify)
    derived = slugify(title)
    if not is_slug(derived):
        raise SkeletonRefused(
            f"Le titre « {title} » ne donne aucun nom de fichier (pas de lettre ni de chiffre) : "
            "donnez-en un avec --slug (ex. --slug colis-perdu)."
        )
    return derived


def known_merchant(merchant: str, known: Mapping[str, Any]) -> str:
    """``merchant`` if a profile exists for it, else a refusal listing the known ones."""
    if merchant in known:
        return merchant
    names = ", ".join(sorted(known)) or "(aucun)"
    raise SkeletonRefused(
        f"Marchand inconnu : « {merchant} »{did_you_mean(merchant, known)}. "
        f"Marchands connus : {names}. "
        "Pour un nouveau marchand : invoke new-merchant --slug … --name …"
    )


def new_testimony_text(template: str, *, title: str, slug: str, merchant: str, today: str) -> str:
    """The testimony template with its placeholders filled as YAML scalars."""
    return Template(template).substitute(
        title=yaml_scalar(title),
        slug=yaml_scalar(slug),
        merchant=yaml_scalar(merchant),
        today=today,
    )


def new_merchant_text(
    *, name: str, website: str | None, country: str | None, fictional: bool
) -> str:
    """A merchant profile: front matter, then a paragraph for the editor to write."""
    data: dict[str, Any] = {"name": name}
    if website:
        data["website"] = website
    if country:
        data["country"] = country
    data["aliases"] = []
    data["fictional"] = fictional
    return (
        front_matter(data) + "Présentez le marchand en quelques phrases neutres et vérifiables "
        "(activité, pays, années d'activité).\n"
    )
