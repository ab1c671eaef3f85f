"""The output plan: every file a build will write, checked before anything is written.

Pure (no Pelican): the Pelican edge lists what each generator is about to write as
:class:`Claim` objects; :func:`make_plan` normalises the paths and returns the plan
``{relative posix path: what writes it}`` with one :class:`Problem` per path that is
absolute, leaves the output folder, names a folder, or is claimed twice (two
writers, or a file where another one needs a folder).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterable
from dataclasses import dataclass

from complaints.domain.problems import Problem, show

FIELD = "chemin de sortie"


@dataclass(frozen=True)
class Claim:
    """One file the build will write.

    ``path`` is relative to the output folder; ``what`` says in French what writes it
    ("témoignage content/temoignages/x.md", "flux Atom de la rubrique Enquêtes");
    ``file`` is the source file an editor can fix ("" for files the settings make).
    """

    path: str
    what: str
    file: str = ""


def normalise(path: str) -> str | None:
    """The relative posix form of an output path, or None if it escapes the output
    folder, is absolute or names a folder (``x/``, ``.``)."""
    text = path.replace("\\", "/")
    if not text or text.startswith("/") or text[1:3] == ":/":  # absolute, or a drive
        return None
    if text.endswith("/"):
        return None
    clean = posixpath.normpath(text)
    if clean in {".", ".."} or clean.startswith("../"):
        return None
    return clean


def _parents(path: str) -> Iterable[str]:
    parent = posixpath.dirname(path)
    while parent:
        yield parent
        parent = posixpath.dirname(parent)


def _problem(claim: Claim, expected: str) -> Problem:
    return Problem(
        file=claim.file or "(réglages)",
        field=FIELD,
        value=show(claim.path, limit=200),
        expected=expected,
    )


def _blame(first: Claim, second: Claim) -> tuple[Claim, Claim]:
    """(the claim the problem is reported on, the other): an editor's file first."""
    return (second, first) if second.file or not first.file else (first, second)


def make_plan(claims: Iterable[Claim]) -> tuple[dict[str, str], list[Problem]]:
    """The plan ``{path: what}`` of valid, unique claims, and the problems.

    The first claim of a path stays in the plan; each later claim of the same path is
    one problem naming both writers.
    """
    owners: dict[str, Claim] = {}
    problems: list[Problem] = []
    for claim in claims:
        path = normalise(claim.path)
        if path is None:
            problems.append(
                _problem(
                    claim,
                    f"un chemin de fichier à l'intérieur du dossier de sortie ({claim.what})",
                )
            )
            continue
        if path in owners:
            blamed, other = _blame(owners[path], claim)
            message = f"{blamed.what} et {other.what} écriraient tous deux « {path} »"
            problems.append(_problem(blamed, f"un chemin libre ({message})"))
            continue
        owners[path] = claim
    problems += _file_folder_clashes(owners)
    return {path: claim.what for path, claim in owners.items()}, problems


def _file_folder_clashes(owners: dict[str, Claim]) -> list[Problem]:
    """A file whose path is a folder another file needs (``a`` and ``a/index.html``)."""
    problems = []
    for path, claim in owners.items():
        for parent in _parents(path):
            if parent in owners:
                blamed, _ = _blame(owners[parent], claim)
                message = (
                    f"« {parent} » serait le fichier de {owners[parent].what}"
                    f" et le dossier de {claim.what}"
                )
                problems.append(_problem(blamed, f"un chemin libre ({message})"))
                break
    return problems
