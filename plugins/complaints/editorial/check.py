"""All the content checked without building, by the validator the build runs.

Testimonies, pages, merchant and author profiles: what the build refuses, this
refuses, with the same lines (``python -m complaints.check`` is its command line).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

from complaints.domain.problems import Problem
from complaints.editorial.profiles import collect, known_slugs, read_author, read_merchant
from complaints.editorial.validate import (
    CORPUS_FIELDS,
    Entry,
    Rules,
    check_path,
    corpus_problems,
    stray_files,
)


def check_file(
    path: Path,
    merchants: Collection[str] | Mapping[str, Any] | None,
    *,
    rules: Rules,
    source: str | None = None,
    authors: Collection[str] | None = None,
) -> list[Problem]:
    """Every problem of one testimony file, with the given merchant (and author) slugs."""
    source = source if source is not None else str(path)
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


def check_content(
    content_dir: Path, settings: Mapping[str, Any], slugify: Callable[[str], str]
) -> list[Problem]:
    """Every problem of the content: profiles, pages, testimonies; sorted by file.

    ``settings`` hold every setting the validator reads (the plugin's at their
    defaults); ``slugify`` is the site's.
    """
    content = Path(content_dir)
    rules = Rules.from_settings({**settings, "PATH": str(content)}, slugify)
    merchant_dir = content / settings["COMPLAINTS_MERCHANTS_DIR"]
    author_dir = content / settings["COMPLAINTS_AUTHORS_DIR"]
    profiles, problems = collect(merchant_dir, read_merchant, rules.places)
    problems += collect(author_dir, read_author, rules.places)[1]
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


def testimony_files(content_dir: Path, settings: Mapping[str, Any]) -> list[Path]:
    """Testimony sources, sorted."""
    return sorted(
        p for f in folders(Path(content_dir), settings, "ARTICLE_PATHS") for p in f.rglob("*.md")
    )
