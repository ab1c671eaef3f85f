"""A file saved in the wrong folder: what it looks like, and where it belongs.

A testimony under the merchants' folder, a merchant profile among the testimonies, a
page among the profiles: :func:`misplaced` names the file's kind from its keys and the
folder it belongs in, as one problem instead of one « champ inconnu » per key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from complaints.domain.model import ROOT
from complaints.domain.problems import Problem, show

FileKind = Literal["testimony", "page", "merchant", "author"]
TESTIMONY_MARKS = frozenset({ROOT, "témoignage", "temoignage"})
PROFILE_MARKS = {
    "merchant": frozenset({"country", "aliases", "logo", "fictional"}),
    "author": frozenset({"bio", "kind"}),
}
WHAT = {
    "testimony": "un témoignage (il a un bloc « testimony: »)",
    "page": "une page (elle a un titre, sans bloc « testimony: »)",
    "merchant": "une fiche marchand (name, website…)",
    "author": "une fiche auteur (name, bio…)",
}


@dataclass(frozen=True)
class Places:
    """Where each kind of file belongs, as editors see the folders."""

    testimony: str = "content/temoignages/<rubrique>/"
    page: str = "content/pages/"
    merchant: str = "content/merchants/"
    author: str = "content/authors/"
    content_root: Path | None = None
    """The content folder, to check the files a profile points to (a logo)."""

    @classmethod
    def from_settings(cls, settings: Mapping[str, Any]) -> Places:
        root = Path(str(settings.get("PATH") or "content")).name
        articles = (settings.get("ARTICLE_PATHS") or ["temoignages"])[0]
        pages = (settings.get("PAGE_PATHS") or ["pages"])[0]
        return cls(
            testimony=f"{root}/{articles}/<rubrique>/",
            page=f"{root}/{pages}/",
            merchant=f"{root}/{settings.get('COMPLAINTS_MERCHANTS_DIR', 'merchants')}/",
            author=f"{root}/{settings.get('COMPLAINTS_AUTHORS_DIR', 'authors')}/",
            content_root=Path(str(settings["PATH"])) if settings.get("PATH") else None,
        )


def looks_like(data: Mapping[Any, Any]) -> FileKind | None:
    """The kind of file these front-matter keys belong to, when they say it clearly."""
    keys = {str(key).lower() for key in data}
    if keys & TESTIMONY_MARKS:
        return "testimony"
    if "name" in keys and "title" not in keys:
        for kind, marks in PROFILE_MARKS.items():
            if keys & marks:
                return kind  # type: ignore[return-value]
    if "title" in keys and "name" not in keys:
        return "page"
    return None


def misplaced(
    data: Mapping[Any, Any], expected: FileKind, source: str, places: Places
) -> Problem | None:
    """One problem when the file is clearly of another kind than its folder holds.

    A page among the testimonies is not one: it is a testimony missing its block."""
    found = looks_like(data)
    if found is None or found == expected or (expected, found) == ("testimony", "page"):
        return None
    where = getattr(places, found) + (
        " (le dossier de sa rubrique)" if found == "testimony" else ""
    )
    return Problem(
        source,
        "(fichier)",
        show(Path(source).name),
        f"un fichier à sa place : c'est {WHAT[found]} ; déplacez-le dans {where} "
        f"(ici, on attend {WHAT[expected].split(' (')[0]})",
        line=1,
    )


DEFAULT_PLACES = Places()
"""The project's layout (content/temoignages, pages, merchants, authors)."""
