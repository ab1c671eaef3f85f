"""Every content problem of a build, reported at once before anything is written."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.utils import posixize_path

from complaints.domain.problems import Problem
from complaints.edge.contents import PROBLEMS, corpus_entry, every_article, every_page
from complaints.edge.messages import ContentProblems
from complaints.edge.settings import site_rules
from complaints.editorial.validate import corpus_problems, stray_files


def _unread_sources(generator: Generator, folders: list[str]) -> list[Problem]:
    """``.md`` files under ``folders`` whose reader failed (Pelican logs and skips them;
    other files are reported by :func:`stray_files`)."""
    failed = sorted(
        path
        for path, content in generator.context["generated_content"].items()
        if content is None
        and path.endswith(".md")
        and any(path == f or path.startswith(f.rstrip("/") + "/") for f in folders)
    )
    return [
        Problem(
            file=path,
            field="(fichier)",
            value="",
            expected="un fichier que Pelican sait lire (voir le message de Pelican ci-dessus)",
        )
        for path in failed
    ]


def _file_problems(generator: Generator, contents: list[Any], folders: list[str]) -> list[Problem]:
    """What the reader found in each file, unread files, and files that are not .md."""
    content = Path(generator.path)
    problems = _unread_sources(generator, folders)
    for folder in folders:
        problems += stray_files(
            content / folder, lambda p: posixize_path(str(p.relative_to(content)))
        )
    for item in contents:
        problems += getattr(item, PROBLEMS, None) or []
        problems += getattr(item, "page_value_problems", None) or []  # page_values
    return problems


def finalize_articles(generator: ArticlesGenerator) -> None:
    """Collect every problem of the testimonies; the pages' finalizer reports them all."""
    articles = every_article(generator.context)
    problems = list(generator.complaints_problems)
    problems += _file_problems(generator, articles, generator.settings["ARTICLE_PATHS"])
    entries = [
        corpus_entry(article)
        for article in articles
        if getattr(article, "case", None) is not None and not getattr(article, PROBLEMS, None)
    ]
    known_merchants, known_authors = generator.complaints_known
    problems += corpus_problems(
        entries,
        generator.context["complaints_merchant_profiles"],
        known_merchants,
        known_authors,
        site_rules(generator.settings),
    )
    generator.context["complaints_problems"] = problems


def finalize_pages(generator: PagesGenerator) -> None:
    """Report every content problem of the build at once (testimonies, profiles, pages),
    then stop it before anything is written."""
    problems = list(generator.context.pop("complaints_problems", []))
    problems += _file_problems(
        generator, every_page(generator.context), generator.settings["PAGE_PATHS"]
    )
    if problems:
        raise ContentProblems(sorted(problems, key=lambda p: (p.file, p.line or 0)))
