"""The plugin's main Pelican edge: ``register()`` connects every handler; the merchants
generator. The core modules never import Pelican; this module and the other edge
modules it connects do (docs/architecture.md lists them and every signal in order).

Flow of a build:
1. ``article_generator_init``: merchant and author profiles are loaded onto the
   generator (no module-level state, so autoreload and tests stay clean).
2. the reader (``pelican_reader``) validates each file as it reads it (the validator
   ``python -m complaints.check`` runs) and parses a testimony's case into
   ``metadata["case"]``, or keeps the file's problems in
   ``metadata["complaints_problems"]``; both are stored in the article and so
   survive Pelican's content cache.
3. ``content_object_init``: a valid case gets its ``facts`` and its case box inserted
   into the body. This runs when the article object is made, so both are stored in
   the content cache, and before the ``typographie`` plugin (listed after this one in
   PLUGINS) makes its single typographic pass over the whole body.
4. ``article_generator_finalized`` collects the testimonies' problems and those
   between files (unknown merchant or author, fiction about a real merchant, a slug
   used twice); ``page_generator_finalized`` adds the pages' and reports every
   problem of the build at once: the build stops before anything is written.
5. ``MerchantsGenerator.generate_context``: testimonies grouped by merchant, each
   article given its ``merchant``.
6. ``all_generators_finalized``: the output plan is computed and checked
   (``check_outputs``: a collision stops the build before anything is written), then
   every testimony, drafts included, gets its JSON-LD.
7. ``get_writer``: ``MagazineWriter``; the output folder is emptied now that the
   content is valid (``output_folder``, production settings).
8. ``MerchantsGenerator.generate_output``: merchant pages, index, feeds and open data
   files; ``MagazineWriter`` completes the feed entries.
"""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.utils import posixize_path
from pelican.writers import Writer

from . import editor_messages, page_values, pelican_listings, pelican_urls
from .editor_messages import summary_line
from .escaping import FILTERS as ESCAPING_FILTERS
from .feed_writer import MagazineWriter, write_feeds
from .feeds import FeedPage, feed_title
from .formatting import install
from .jsonld import absolute_url, article_jsonld, merchant_jsonld, publisher
from .merchants import MERCHANTS_INDEX_URL, Merchant, build_merchants, public_merchants
from .opendata import merchant_record, testimony_row, write_csv, write_json
from .output_folder import empty_output_before_writing, write_output
from .pelican_escaping import summary_as_text, summary_is_not_markdown
from .pelican_outputs import (
    blank_draft_translations,
    keep_static_links_of_written_content,
    plan_outputs,
)
from .pelican_reader import LINES, PROBLEMS, site_rules, use_fast_reader
from .problems import Problem
from .profiles import collect, known_slugs, read_author, read_merchant
from .render import insert_case_html, render_case_html
from .render_memo import RenderMemo
from .spreadsheet import write_xlsx
from .text import plain_text
from .timeline import derive_facts
from .typeset import typeset_author, typeset_merchant
from .validate import Entry, corpus_problems, stray_files

logger = logging.getLogger(__name__)

DEFAULTS = {
    "COMPLAINTS_MERCHANTS_DIR": "merchants",
    "COMPLAINTS_AUTHORS_DIR": "authors",
    "COMPLAINTS_MERCHANT_FEEDS": True,
    "COMPLAINTS_MERCHANT_FEED_ATOM": "feeds/marchands/{slug}.atom.xml",
    "COMPLAINTS_MERCHANT_FEED_RSS": "feeds/marchands/{slug}.rss.xml",
    "COMPLAINTS_DATA_MERCHANTS": "donnees/marchands.json",
    "COMPLAINTS_DATA_TESTIMONIES": "donnees/temoignages.csv",
    "COMPLAINTS_DATA_SPREADSHEET": "donnees/temoignages.xlsx",
    "COMPLAINTS_PUBLISHER_LOGO": "theme/images/favicon.svg",
}


class ContentProblems(Exception):
    """Raised to stop the build when content has problems, before any file is written.

    Pelican logs the exception; :mod:`complaints.editor_messages` prints the problems,
    one plain line each (not through the log console, which wraps long lines), and a
    French summary instead of the traceback. Pelican then exits with code 1.
    """

    exitcode = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(summary_line(len(problems)))


def setting(settings: dict[str, Any], name: str) -> Any:
    """A COMPLAINTS_* setting with its default."""
    return settings.get(name, DEFAULTS[name])


# --- profiles and filters -------------------------------------------------------


def add_filters(generator: Generator) -> None:
    """Autoescape every template of every generator; add the plugin's filters and rules.

    Autoescaping is also set in the settings (JINJA_ENVIRONMENT); it is forced here so
    that no settings file can turn it off. No template is compiled before this signal.
    ``striptags`` is replaced by :func:`complaints.text.plain_text`, which keeps the
    typographic no-break spaces (Jinja's collapses them into plain spaces), and
    ``feed_title(kind, name)`` gives the title shared by a feed and its HTML link;
    ``memo`` renders a fragment once per build (:mod:`complaints.render_memo`: the
    build's context holds it, all generators share it).
    """
    generator.env.autoescape = True
    install(generator.env)
    generator.env.filters.update(ESCAPING_FILTERS)
    generator.env.filters["striptags"] = plain_text
    generator.env.globals["feed_title"] = partial(
        feed_title, sitename=generator.settings["SITENAME"]
    )
    generator.env.globals["memo"] = generator.context.setdefault(
        "complaints_render_memo", RenderMemo()
    )


def load_profiles(generator: ArticlesGenerator) -> None:
    """Load merchant and author profiles once per build, onto the generator.

    A broken profile is one problem; its slug stays known, so that the testimonies
    citing it are not also told their merchant is unknown.
    """
    content = Path(generator.path)
    merchant_dir = content / setting(generator.settings, "COMPLAINTS_MERCHANTS_DIR")
    author_dir = content / setting(generator.settings, "COMPLAINTS_AUTHORS_DIR")
    merchants, problems = collect(merchant_dir, read_merchant)
    authors, author_problems = collect(author_dir, read_author)
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


# --- testimonies ----------------------------------------------------------------


def add_case_box(instance: Any) -> None:
    """Derive the facts of a valid case and insert its summary box and timeline.

    The case was parsed by the reader (``pelican_reader``). The box holds nothing taken
    from other files (no merchant name: the page and the feed entry carry it), so a
    cached article never shows a stale profile.
    """
    case = getattr(instance, "case", None)
    if case is None or getattr(instance, "facts", None) is not None:
        return
    try:
        facts = derive_facts(case)
        box = render_case_html(case, facts, site_root=findability().site_root(instance))
    except Exception as error:  # a case the rules did not foresee: report, never crash
        instance.case = None
        instance.complaints_problems = [
            Problem(
                file=posixize_path(instance.relative_source_path),
                field="testimony",
                value="",
                expected=f"un dossier cohérent ({type(error).__name__} : {error})",
            )
        ]
        return
    instance.facts = facts
    instance._content = insert_case_html(instance._content, box)


def findability() -> Any:
    """The findability edge module (imported late: it imports this one)."""
    from . import findability as module

    return module


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


def corpus_entry(article: Any) -> Entry:
    """What the checks between files need of a valid testimony."""
    return Entry(
        source=posixize_path(article.relative_source_path),
        slug=article.slug,
        case=article.case,
        author=article.metadata.get("author").name if "author" in article.metadata else None,
        lines=getattr(article, LINES, {}),
    )


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


# --- merchants, feeds and data --------------------------------------------------


class MerchantsGenerator(Generator):
    """Writes merchant pages, the merchant index, merchant feeds and open data."""

    def generate_context(self) -> None:
        """Group published testimonies by merchant; give every article its merchant.

        Only public merchants (with a published testimony) get a page, an index row,
        feeds and data; a draft or hidden testimony about another merchant carries a
        merchant that is not public (its name, no link).
        """
        settings = self.settings
        feeds_on = setting(settings, "COMPLAINTS_MERCHANT_FEEDS")
        every_merchant = build_merchants(
            self.context.get("complaints_merchant_profiles", {}),
            self.context["articles"],
            feed_atom_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_ATOM")
            if feeds_on
            else None,
            feed_rss_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_RSS")
            if feeds_on
            else None,
        )
        by_slug = {m.slug: m for m in every_merchant}
        for article in every_article(self.context):
            article.merchant = by_slug[article.case.merchant]
        self.merchants = public_merchants(every_merchant)
        self.context["merchants"] = self.merchants
        self.context["MERCHANTS_INDEX_URL"] = MERCHANTS_INDEX_URL

    def planned_outputs(self) -> dict[str, str]:
        """Every file :meth:`generate_output` writes, for the output plan."""
        plan: dict[str, str] = {}
        for merchant in self.merchants:
            plan[merchant.save_as] = f"la page du marchand « {merchant.slug} »"
            for kind, path in (("Atom", merchant.feed_atom_url), ("RSS", merchant.feed_rss_url)):
                if path:
                    plan[path] = f"le flux {kind} du marchand « {merchant.slug} »"
        plan[MERCHANTS_INDEX_URL + "index.html"] = "l'index des marchands"
        for name in (
            "COMPLAINTS_DATA_MERCHANTS",
            "COMPLAINTS_DATA_TESTIMONIES",
            "COMPLAINTS_DATA_SPREADSHEET",
        ):
            if path := setting(self.settings, name):
                plan[path] = f"les données ouvertes ({name})"
        return plan

    def generate_output(self, writer: Writer) -> None:
        """Write every merchant page, the index, the feeds and the data files."""
        for merchant in self.merchants:
            writer.write_file(
                merchant.save_as,
                self.get_template("merchant"),
                self.context,
                merchant=merchant,
                merchant_jsonld=describe_merchant(merchant, self.context, self.settings),
                url=merchant.url,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
            write_feeds(
                writer,
                merchant.articles,
                self.context,
                FeedPage(
                    merchant.url,
                    feed_title("merchant", merchant.name, sitename=self.settings["SITENAME"]),
                ),
                merchant.feed_atom_url,
                merchant.feed_rss_url,
            )
        writer.write_file(
            MERCHANTS_INDEX_URL + "index.html",
            self.get_template("merchants"),
            self.context,
            merchants=self.merchants,
            url=MERCHANTS_INDEX_URL,
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        # parallel_build's writer can do this job in any process, while pages render
        share_out = getattr(writer, "share_out", None)
        if share_out is None:
            self._write_data()
        else:
            share_out("donnees/", self._write_data, cost=len(self.context["articles"]))

    def _write_data(self) -> None:
        siteurl = self.settings["SITEURL"]
        articles = self.context["articles"]
        # The newest content date, not the clock: two builds of the same content write
        # the same bytes.
        generated = max((getattr(a, "modified", None) or a.date for a in articles), default=None)
        records = [
            merchant_record(
                slug=m.slug,
                name=m.name,
                url=absolute_url(siteurl, m.url),
                scorecard=m.scorecard,
                fictional=m.fictional,
            )
            for m in self.merchants
        ]
        rows = [
            testimony_row(
                url=absolute_url(siteurl, article.url),
                title=article.title,
                date_published=article.date,
                facts=article.facts,
                testimony=article.case,
            )
            for article in sorted(articles, key=lambda a: (a.date, a.url))
        ]
        for name, write, data in (
            (
                setting(self.settings, "COMPLAINTS_DATA_MERCHANTS"),
                partial(write_json, generated=generated),
                records,
            ),
            (setting(self.settings, "COMPLAINTS_DATA_TESTIMONIES"), write_csv, rows),
        ):
            buffer = io.StringIO(newline="")
            write(data, buffer)
            write_output(self.output_path, name, buffer.getvalue().encode("utf-8"))
        spreadsheet = setting(self.settings, "COMPLAINTS_DATA_SPREADSHEET")
        if spreadsheet:
            binary = io.BytesIO()
            write_xlsx(rows, binary, generated=generated)
            write_output(self.output_path, spreadsheet, binary.getvalue())


def describe_merchant(
    merchant: Merchant, context: dict[str, Any], settings: dict[str, Any]
) -> dict[str, Any]:
    """The merchant page's schema.org description, kept as ``merchant.jsonld``.

    Made again in place when the preview's warm path changed one of its testimonies
    (``pelican_refresh``): the page write it noted holds this very dictionary.
    """
    fresh = merchant_jsonld(merchant, settings["SITEURL"], profiles=context.get("author_profiles"))
    if merchant.jsonld is None:
        merchant.jsonld = fresh
    else:
        merchant.jsonld.clear()
        merchant.jsonld.update(fresh)
    return merchant.jsonld


def get_writer(_pelican: Any) -> type[Writer]:
    return MagazineWriter


def add_article_jsonld(generators: list[Generator]) -> None:
    """Attach its schema.org description to every testimony, drafts included.

    Runs once every generator has its context (merchants are attached to articles by
    ``MerchantsGenerator``) and after the content cache was saved, so the description
    is never cached. (``article_generator_write_article`` is not sent for drafts.)
    """
    context = generators[0].context
    attach_jsonld(every_article(context), context, generators[0].settings)


def attach_jsonld(articles: list[Any], context: dict[str, Any], settings: dict[str, Any]) -> None:
    """Give each of ``articles`` its schema.org description (``article.jsonld``)."""
    site_publisher = publisher(
        settings["SITENAME"], settings["SITEURL"], setting(settings, "COMPLAINTS_PUBLISHER_LOGO")
    )
    for article in articles:
        article.jsonld = article_jsonld(
            article,
            settings["SITEURL"],
            profiles=context.get("author_profiles"),
            publisher=site_publisher,
        )


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


def get_generators(_pelican: Any) -> type[Generator]:
    return MerchantsGenerator


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    signals.readers_init.connect(use_fast_reader)
    signals.generator_init.connect(add_filters)
    signals.article_generator_init.connect(load_profiles)
    signals.content_object_init.connect(add_case_box)
    page_values.connect()
    pelican_urls.connect()
    pelican_listings.connect()
    signals.content_object_init.connect(summary_as_text)
    signals.article_generator_finalized.connect(finalize_articles)
    signals.page_generator_finalized.connect(finalize_pages)
    signals.page_generator_finalized.connect(keep_static_links_of_written_content)
    signals.all_generators_finalized.connect(check_outputs)
    signals.all_generators_finalized.connect(add_article_jsonld)
    signals.initialized.connect(blank_draft_translations)
    signals.initialized.connect(summary_is_not_markdown)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
    signals.get_writer.connect(empty_output_before_writing)
    editor_messages.install()
    findability().register()  # topics, search, related, sitemap: after MerchantsGenerator
    from . import pelican_refresh  # imports this module

    pelican_refresh.connect()  # the preview's warm path (parallel_build.warm)
