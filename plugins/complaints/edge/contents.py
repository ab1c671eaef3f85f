"""What the edge reads of Pelican's content objects: every article and page, their
problems, what the checks between files need of a testimony, where its links point."""

from __future__ import annotations

from typing import Any

from pelican.utils import get_relative_path, posixize_path

from complaints.editorial.validate import Entry

PROBLEMS = "complaints_problems"  # metadata: a file's problems (it is then a draft)
LINES = "complaints_lines"  # metadata: file lines of the fields the corpus checks name


def every_article(context: dict[str, Any]) -> list[Any]:
    """Published, hidden and draft articles with their translations.

    Read from the shared context, which the articles generator fills before
    ``article_generator_finalized``. (Nothing but plain data goes into the context:
    every article pickled by the content cache carries a reference to it.)
    """
    originals = [*context["articles"], *context["hidden_articles"], *context["drafts"]]
    return [*originals, *(t for a in originals for t in getattr(a, "translations", []))]


def every_page(context: dict[str, Any]) -> list[Any]:
    """Published, hidden and draft pages with their translations."""
    originals = [*context["pages"], *context["hidden_pages"], *context["draft_pages"]]
    return [*originals, *(t for p in originals for t in getattr(p, "translations", []))]


def corpus_entry(article: Any) -> Entry:
    """What the checks between files need of a valid testimony."""
    return Entry(
        source=posixize_path(article.relative_source_path),
        slug=article.slug,
        case=article.case,
        author=article.metadata.get("author").name if "author" in article.metadata else None,
        lines=getattr(article, LINES, {}),
    )


def site_root(instance: Any) -> str:
    """Prefix of site paths in an article's body: relative in development, SITEURL else."""
    settings = instance.settings
    if settings.get("RELATIVE_URLS"):
        return get_relative_path(instance.save_as) + "/"
    return settings.get("SITEURL", "") + "/"
