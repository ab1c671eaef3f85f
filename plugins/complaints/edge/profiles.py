"""Merchant and author profiles, read once per build onto the articles generator."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pelican.generators import ArticlesGenerator
from pelican.utils import posixize_path

from complaints.domain.problems import Problem
from complaints.edge.settings import setting, site_rules
from complaints.editorial.profiles import collect, known_slugs, read_author, read_merchant
from complaints.editorial.validate import stray_files
from complaints.present.typeset import typeset_author, typeset_merchant


def load_profiles(generator: ArticlesGenerator) -> None:
    """Load merchant and author profiles once per build, onto the generator.

    A broken profile is one problem; its slug stays known, so that the testimonies
    citing it are not also told their merchant is unknown.
    """
    content = Path(generator.path)
    merchant_dir = content / setting(generator.settings, "COMPLAINTS_MERCHANTS_DIR")
    author_dir = content / setting(generator.settings, "COMPLAINTS_AUTHORS_DIR")
    places = site_rules(generator.settings).places
    merchants, problems = collect(merchant_dir, read_merchant, places)
    authors, author_problems = collect(author_dir, read_author, places)
    problems += author_problems
    for folder in (merchant_dir, author_dir):
        problems += stray_files(
            folder, lambda p: posixize_path(str(p.relative_to(content))), flat=True
        )
    generator.complaints_problems = [_relative(p, content) for p in problems]
    generator.complaints_known = (known_slugs(merchant_dir), known_slugs(author_dir))
    generator.context["complaints_merchant_profiles"] = {
        slug: typeset_merchant(p) for slug, p in merchants.items()
    }
    generator.context["author_profiles"] = {slug: typeset_author(p) for slug, p in authors.items()}


def _relative(problem: Problem, content: Path) -> Problem:
    """A problem named by its path under the content folder, as Pelican names files."""
    try:
        return replace(problem, file=posixize_path(str(Path(problem.file).relative_to(content))))
    except ValueError:
        return problem
