"""Check all the content without building: `python -m complaints.check content`.

Runs the validator the build runs (:mod:`complaints.validate`, :mod:`complaints.profiles`)
over testimonies, pages, merchant and author profiles, with the site's settings
(``--settings``, default ``pelicanconf.py`` when present): what the build refuses,
this refuses, with the same lines.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

from complaints.problems import Problem
from complaints.profiles import collect, known_slugs, read_author, read_merchant
from complaints.validate import (
    CORPUS_FIELDS,
    Entry,
    Rules,
    check_path,
    corpus_problems,
    stray_files,
)

SETTINGS = {
    "ARTICLE_PATHS": ["temoignages"],
    "PAGE_PATHS": ["pages"],
    "COMPLAINTS_MERCHANTS_DIR": "merchants",
    "COMPLAINTS_AUTHORS_DIR": "authors",
}


def pelican_slugify(settings: Mapping[str, Any]) -> Any:
    """Pelican's own slugify with the site's author rules (Pelican is imported here only,
    for the command line; the build passes the same function)."""
    from pelican.settings import DEFAULT_CONFIG
    from pelican.utils import slugify

    subs = (
        settings.get("AUTHOR_REGEX_SUBSTITUTIONS")
        or settings.get("SLUG_REGEX_SUBSTITUTIONS")
        or DEFAULT_CONFIG["SLUG_REGEX_SUBSTITUTIONS"]
    )
    return lambda text: slugify(text, regex_subs=subs)


def read_settings(path: Path | None) -> dict[str, Any]:
    """The site's settings (Pelican's reader), or the defaults the sample site uses."""
    if path is None or not path.is_file():
        return dict(SETTINGS)
    from pelican.settings import read_settings as pelican_read_settings

    return {**SETTINGS, **pelican_read_settings(str(path))}


def check_file(
    path: Path,
    merchants: Collection[str] | Mapping[str, Any] | None,
    *,
    source: str | None = None,
    rules: Rules | None = None,
    authors: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem of one testimony file, with the given merchant (and author) slugs."""
    source = source if source is not None else str(path)
    rules = rules or Rules(slugify=pelican_slugify({}))
    checked = check_path(path, source, "testimony", rules)
    if checked.problems or merchants is None:
        return checked.problems
    entry = _entry(checked, source, Path(path), rules)
    profiles = merchants if isinstance(merchants, Mapping) else {}
    author_slugs = authors if authors is not None else {rules.slugify(entry.author or "")}
    return corpus_problems([entry], profiles, set(merchants), author_slugs, rules)


def _entry(checked: Any, source: str, path: Path, rules: Rules) -> Entry:
    lines = {field: checked.lines[field] for field in CORPUS_FIELDS if field in checked.lines}
    slug = checked.data.get("slug") or rules.slugify(path.stem)
    return Entry(source, slug, checked.case, checked.data.get("author"), lines)


def folders(content: Path, settings: Mapping[str, Any], name: str) -> list[Path]:
    return [content / folder for folder in settings[name]]


def check_content(content_dir: Path, settings: Mapping[str, Any] | None = None) -> list[Problem]:
    """Every problem of the content: profiles, pages, testimonies; sorted by file."""
    content = Path(content_dir)
    settings = {**SETTINGS, **(settings or {})}
    rules = Rules.from_settings({**settings, "PATH": str(content)}, pelican_slugify(settings))
    merchant_dir = content / settings["COMPLAINTS_MERCHANTS_DIR"]
    author_dir = content / settings["COMPLAINTS_AUTHORS_DIR"]
    profiles, problems = collect(merchant_dir, read_merchant)
    problems += collect(author_dir, read_author)[1]
    entries = []
    for kind, setting in (("testimony", "ARTICLE_PATHS"), ("page", "PAGE_PATHS")):
        for folder in folders(content, settings, setting):
            problems += stray_files(folder, str)
            for path in sorted(folder.rglob("*.md")):
                checked = check_path(path, str(path), kind, rules)
                problems += checked.problems
                if kind == "testimony" and checked.case is not None:
                    entries.append(_entry(checked, str(path), path, rules))
    for folder in (merchant_dir, author_dir):
        problems += stray_files(folder, str, flat=True)
    if merchant_dir.is_dir():
        problems += corpus_problems(
            entries,
            profiles,
            known_slugs(merchant_dir),
            known_slugs(author_dir),
            rules,
        )
    return sorted(problems, key=lambda p: (p.file, p.line or 0))


def testimony_files(content_dir: Path, settings: Mapping[str, Any] | None = None) -> list[Path]:
    """Testimony sources, sorted."""
    settings = {**SETTINGS, **(settings or {})}
    return sorted(
        p for f in folders(Path(content_dir), settings, "ARTICLE_PATHS") for p in f.rglob("*.md")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Print each problem on its own line; exit status 1 if any."""
    parser = argparse.ArgumentParser(
        prog="python -m complaints.check", description="Vérifie tout le contenu."
    )
    parser.add_argument("content", nargs="?", default="content", type=Path)
    parser.add_argument("--settings", type=Path, default=None, help="par défaut pelicanconf.py")
    args = parser.parse_args(argv)
    settings_file = args.settings or Path("pelicanconf.py")
    settings = read_settings(settings_file if settings_file.is_file() else None)
    problems = check_content(args.content, settings)
    for problem in problems:
        print(problem)
    if problems:
        print(f"{len(problems)} problème(s) à corriger.", file=sys.stderr)
        return 1
    count = len(testimony_files(args.content, settings))
    print(f"{count} témoignages vérifiés, aucun problème")
    return 0


if __name__ == "__main__":
    sys.exit(main())
