"""Check every testimony without building: `python -m complaints.check content`."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection, Sequence
from pathlib import Path

from complaints.frontmatter import split_front_matter
from complaints.model import parse_testimony
from complaints.problems import ContentError, Problem, show
from complaints.profiles import collect, read_author, read_merchant

TESTIMONIES_DIR = "temoignages"
MERCHANTS_DIR = "merchants"
AUTHORS_DIR = "authors"
REQUIRED = {"title": "un titre (title: …)", "date": "une date de publication (date: …)"}


def check_file(
    path: Path, merchants: Collection[str] | None, *, source: str | None = None
) -> list[Problem]:
    """Every problem of one testimony file (front matter, Pelican keys, case)."""
    source = source if source is not None else str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [Problem(source, "(fichier)", show(Path(path).name), f"lisible ({error})")]
    try:
        data, _body = split_front_matter(text, source)
    except ContentError as error:
        return error.problems
    if not isinstance(data, dict):
        return [Problem(source, "front matter", show(data), "des métadonnées « clé: valeur »")]
    problems = [
        Problem(source, key, "(absent)", f"champ obligatoire manquant : {what}")
        for key, what in REQUIRED.items()
        if data.get(key) in (None, "")
    ]
    if "testimony" not in data:
        problems.append(
            Problem(
                source,
                "testimony",
                "(absent)",
                "un bloc « testimony: » décrivant le dossier (tout fichier sous "
                f"{TESTIMONIES_DIR}/ est un témoignage)",
            )
        )
        return problems
    try:
        parse_testimony(data["testimony"], source=source, merchants=merchants)
    except ContentError as error:
        problems.extend(error.problems)
    return problems


def testimony_files(content_dir: Path) -> list[Path]:
    """Testimony sources under content_dir/temoignages, sorted."""
    return sorted((Path(content_dir) / TESTIMONIES_DIR).glob("**/*.md"))


def check_content(content_dir: Path) -> list[Problem]:
    """Every problem of the content: profiles, then every testimony; sorted by file."""
    content_dir = Path(content_dir)
    merchant_dir = content_dir / MERCHANTS_DIR
    profiles, problems = collect(merchant_dir, read_merchant)
    problems += collect(content_dir / AUTHORS_DIR, read_author)[1]
    merchants = set(profiles) if merchant_dir.is_dir() else None
    for path in testimony_files(content_dir):
        problems += check_file(path, merchants)
    return sorted(problems, key=lambda p: p.file)


def main(argv: Sequence[str] | None = None) -> int:
    """Print each problem on its own line; exit status 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m complaints.check", description="Vérifie les témoignages."
    )
    parser.add_argument("content", nargs="?", default="content", type=Path)
    args = parser.parse_args(argv)
    problems = check_content(args.content)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problème(s) à corriger.", file=sys.stderr)
        return 1
    count = len(testimony_files(args.content))
    print(f"{count} témoignages vérifiés, aucun problème")
    return 0


if __name__ == "__main__":
    sys.exit(main())
