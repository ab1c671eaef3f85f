"""The output plan: every path the build is about to write, before anything is written.

:func:`plan_outputs` lists, as Pelican's generators and writer will compute them,
articles, pages, drafts, translations, listings with their pagination, archives,
feeds, static and theme files (``{attach}`` moves resolved first), and what a
generator declares through ``planned_outputs()``; the checks are
:mod:`complaints.outputs.output_plan`'s. Also: a file linked only from a draft is not
copied out; no draft is written in another language when drafts are not written.
"""

from __future__ import annotations

import fnmatch
import os
import posixpath
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path
from typing import Any

from pelican.generators import ArticlesGenerator, PagesGenerator, StaticGenerator
from pelican.paginator import Paginator
from pelican.utils import posixize_path

from complaints.domain.problems import Problem, show
from complaints.edge.messages import ContentProblems
from complaints.edge.pelican_internals import body_html
from complaints.outputs.output_plan import Claim, make_plan
from complaints.present.escaping import is_site_relative

_KINDS = {
    ("article", "published"): "témoignage",
    ("article", "hidden"): "témoignage masqué",
    ("article", "draft"): "brouillon",
    ("page", "published"): "page",
    ("page", "hidden"): "page masquée",
    ("page", "draft"): "brouillon de page",
}


def _source(content: Any) -> str:
    return posixize_path(content.relative_source_path)


@dataclass(frozen=True)
class _Written:
    """A content object that will be written, with its path read once (Pelican
    recomputes ``save_as`` and ``url`` from the settings at each access)."""

    content: Any
    kind: str  # "article" or "page"
    save_as: str
    source: str

    def describe(self, folder: str) -> str:
        """ "témoignage content/temoignages/x.md", "page content/pages/y.md (en)"."""
        c = self.content
        label = _KINDS.get((self.kind, c.status), self.kind)
        lang = "" if c.in_default_lang else f" ({c.lang})"
        return f"{label} {folder}/{self.source}{lang}"


def _written(contents: Iterable[Any], kind: str) -> list[_Written]:
    found = []
    for content in contents:
        save_as = content.save_as
        if save_as:
            found.append(_Written(content, kind, save_as, _source(content)))
    return found


def _paginated(
    name: str, url: str, objects: list[Any], template: str, settings: dict[str, Any]
) -> list[str]:
    """The files Pelican's writer makes for one list page (one per page number)."""
    if template not in settings["PAGINATED_TEMPLATES"]:
        return [name]
    per_page = settings["PAGINATED_TEMPLATES"][template] or settings["DEFAULT_PAGINATION"]
    paginator = Paginator(name, url, objects, settings, per_page)
    return [paginator.page(n).save_as for n in range(1, paginator.num_pages + 1)]


def _article_contents(gen: ArticlesGenerator) -> list[Any]:
    """Articles in the order the generator writes them (drafts last)."""
    return [
        *gen.translations,
        *gen.articles,
        *gen.hidden_translations,
        *gen.hidden_articles,
        *gen.drafts_translations,
        *gen.drafts,
    ]


def _page_contents(gen: PagesGenerator) -> list[Any]:
    return [
        *gen.translations,
        *gen.pages,
        *gen.hidden_translations,
        *gen.hidden_pages,
        *gen.draft_translations,
        *gen.draft_pages,
    ]


def _list_claims(gen: ArticlesGenerator) -> Iterator[Claim]:
    """Direct templates, period archives, tag, category and author pages."""
    settings = gen.settings
    for template in settings["DIRECT_TEMPLATES"]:
        save_as = settings.get(f"{template.upper()}_SAVE_AS", f"{template}.html")
        url = settings.get(f"{template.upper()}_URL", f"{template}.html")
        if save_as:
            for path in _paginated(save_as, url, gen.articles, template, settings):
                yield Claim(path, f"la page « {template} » (DIRECT_TEMPLATES)")
    for granularity, periods in gen.period_archives.items():
        for period in periods:
            label = "-".join(str(n) for n in period["period_num"])
            for path in _paginated(
                period["save_as"], period["url"], period["articles"], "period_archives", settings
            ):
                yield Claim(path, f"les archives de {label} ({granularity})")
    groups = (
        ("tag", "l'étiquette", gen.tags.items()),
        ("category", "la rubrique", gen.categories),
        ("author", "l'auteur", gen.authors),
    )
    for template, label, items in groups:
        for item, articles in items:
            for path in _paginated(item.save_as, item.url, articles, template, settings):
                yield Claim(path, f"la page de {label} « {item} »")


def _feed_claims(gen: ArticlesGenerator) -> Iterator[Claim]:
    """Every feed ArticlesGenerator.generate_feeds writes."""
    settings = gen.settings
    for name, label in (
        ("FEED_ATOM", "le flux Atom"),
        ("FEED_RSS", "le flux RSS"),
        ("FEED_ALL_ATOM", "le flux Atom de tous les témoignages"),
        ("FEED_ALL_RSS", "le flux RSS de tous les témoignages"),
    ):
        if settings.get(name):
            yield Claim(str(settings[name]), f"{label} ({name})")
    groups = (
        ("CATEGORY", "de la rubrique", gen.categories),
        ("AUTHOR", "de l'auteur", gen.authors),
        ("TAG", "de l'étiquette", gen.tags.items()),
    )
    for prefix, label, items in groups:
        for item, _ in items:
            for kind in ("ATOM", "RSS"):
                pattern = settings.get(f"{prefix}_FEED_{kind}")
                if pattern:
                    yield Claim(
                        str(pattern).format(slug=item.slug),
                        f"le flux {kind.capitalize()} {label} « {item} »",
                    )
    langs = {a.lang for a in chain(gen.articles, gen.translations)}
    for lang in sorted(langs):
        for kind in ("ATOM", "RSS"):
            pattern = settings.get(f"TRANSLATION_FEED_{kind}")
            if pattern:
                yield Claim(
                    str(pattern).format(lang=lang), f"le flux {kind.capitalize()} en « {lang} »"
                )


def _resolve_attachments(written: Iterable[_Written]) -> None:
    """Let ``{attach}`` links move their files now, as writing them would, so that
    static files' paths are final (Pelican does it while rendering the content)."""
    for item in written:
        content = item.content
        if "{attach}" in (body_html(content) or ""):
            content.get_content(content.get_siteurl())


def _theme_static_claims(gen: StaticGenerator) -> Iterator[Claim]:
    """The theme's static files, copied as StaticGenerator._copy_paths copies them."""
    settings = gen.settings
    ignores = settings["IGNORE_FILES"]
    target = settings["THEME_STATIC_DIR"]
    for entry in settings["THEME_STATIC_PATHS"]:
        source = os.path.join(gen.theme, entry)
        if any(fnmatch.fnmatch(os.path.basename(source), i) for i in ignores):
            continue
        if os.path.isfile(source):
            yield Claim(posixpath.join(target, os.path.basename(entry)), "le thème")
            continue
        for folder, subfolders, files in os.walk(source, followlinks=True):
            subfolders[:] = [
                s for s in subfolders if not any(fnmatch.fnmatch(s, i) for i in ignores)
            ]
            for name in files:
                full = os.path.join(folder, name)
                if any(fnmatch.fnmatch(name, i) for i in ignores) or not os.path.isfile(full):
                    continue
                relative = posixize_path(os.path.relpath(full, source))
                yield Claim(posixpath.join(target, relative), f"le thème ({entry}/{relative})")


def _static_claims(gen: StaticGenerator) -> Iterator[Claim]:
    yield from _theme_static_claims(gen)
    for static in gen.context["staticfiles"]:
        # get_url_setting, not .save_as: reading .save_as would pin the file's location
        yield Claim(
            static.get_url_setting("save_as"),
            f"le fichier statique content/{_source(static)}",
            _source(static),
        )


def _url_problems(written: Iterable[_Written]) -> list[Problem]:
    """A written content's URL stays inside the site (feeds join it to SITEURL)."""
    problems = []
    for item in written:
        url = item.content.url
        if url and not is_site_relative(url):
            problems.append(
                Problem(
                    file=item.source,
                    field="url",
                    value=show(url),
                    expected="une adresse relative au site (sans « http: », « javascript: » ni « // »)",
                )
            )
    return problems


def _draft_problems(written: Iterable[_Written], settings: dict[str, Any]) -> list[Problem]:
    """With drafts off (production), no draft may be written anywhere."""
    return [
        Problem(
            file=item.source,
            field="save_as",
            value=show(item.save_as),
            expected="aucun fichier : un brouillon n'est pas publié",
        )
        for item in written
        if item.content.status == "draft"
        and not settings.get("DRAFT_PAGE_SAVE_AS" if item.kind == "page" else "DRAFT_SAVE_AS")
    ]


def plan_outputs(generators: list[Any]) -> tuple[dict[str, str], list[Problem]]:
    """Every file the build will write ``{path: what}`` and the problems found."""
    written: dict[Any, list[_Written]] = {}
    for gen in generators:
        if isinstance(gen, ArticlesGenerator):
            written[gen] = _written(_article_contents(gen), "article")
        elif isinstance(gen, PagesGenerator):
            written[gen] = _written(_page_contents(gen), "page")
    every = [item for items in written.values() for item in items]
    _resolve_attachments(every)
    problems = _url_problems(every)
    claims: list[Claim] = []
    for gen in generators:
        if gen in written:
            folder = Path(gen.settings["PATH"]).name
            claims += [Claim(w.save_as, w.describe(folder), w.source) for w in written[gen]]
            problems += _draft_problems(written[gen], gen.settings)
        if isinstance(gen, ArticlesGenerator):
            claims += _list_claims(gen)
            claims += _feed_claims(gen)
        elif isinstance(gen, StaticGenerator):
            claims += _static_claims(gen)
        planned = getattr(gen, "planned_outputs", None)
        if callable(planned):
            claims += [Claim(path, what) for path, what in planned().items()]
    plan, path_problems = make_plan(claims)
    return plan, problems + path_problems


def _every_content(context: dict[str, Any]) -> list[Any]:
    originals = [
        *context.get("articles", []),
        *context.get("hidden_articles", []),
        *context.get("drafts", []),
        *context.get("pages", []),
        *context.get("hidden_pages", []),
        *context.get("draft_pages", []),
    ]
    return [*originals, *(t for c in originals for t in getattr(c, "translations", []))]


def keep_static_links_of_written_content(generator: PagesGenerator) -> None:
    """Only content that is written may pull a file out of content/ with a
    ``{static}``/``{attach}`` link: Pelican counts every draft's links too.

    Runs when the pages are read (articles are read before them; static files after).
    """
    contents = _every_content(generator.context)
    written = [c for c in contents if c.save_as]
    if len(written) < len(contents):
        generator.context["static_links"] = set().union(*(c.get_static_links() for c in written))


def blank_draft_translations(pelican: Any) -> None:
    """When drafts are not written, their translations are not written either
    (Pelican's DRAFT_LANG_SAVE_AS and DRAFT_PAGE_LANG_SAVE_AS default to drafts/)."""
    settings = pelican.settings
    for draft, translation in (
        ("DRAFT_SAVE_AS", "DRAFT_LANG_SAVE_AS"),
        ("DRAFT_PAGE_SAVE_AS", "DRAFT_PAGE_LANG_SAVE_AS"),
    ):
        if not settings.get(draft):
            settings[translation] = ""


def check_outputs(generators: list[Any]) -> None:
    """Compute every output path before anything is written; stop on a collision.

    The plan ``{path: what writes it}`` is kept as ``context["complaints_output_plan"]``
    (a build's completeness is checked against it afterwards).
    """
    plan, problems = plan_outputs(generators)
    if problems:
        raise ContentProblems(problems)
    if generators:
        generators[0].context["complaints_output_plan"] = plan
