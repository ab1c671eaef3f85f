"""The only module that knows Pelican: signal handlers and the merchants generator.

Flow of a build:
1. ``article_generator_init``: merchant and author profiles are loaded onto the
   generator (no module-level state, so autoreload and tests stay clean).
2. ``article_generator_context``: each testimony's ``testimony:`` block is parsed into
   ``metadata["case"]``, or its problems into ``metadata["case_problems"]``; both are
   stored in the article and so survive Pelican's content cache.
3. ``content_object_init``: a valid case gets its ``facts`` and its case box inserted
   into the body. This runs when the article object is made, so both are stored in
   the content cache, and before the ``typographie`` plugin (listed after this one in
   PLUGINS) makes its single typographic pass over the whole body.
4. ``article_generator_finalized``: every problem of the build (unreadable files,
   invalid testimonies, unknown merchants) is reported at once and the build stops
   before anything is written.
5. ``MerchantsGenerator.generate_context``: testimonies grouped by merchant, each
   article given its ``merchant``.
6. ``all_generators_finalized``: every testimony, drafts included, gets its JSON-LD.
7. ``MerchantsGenerator.generate_output``: merchant pages, index, feeds and open data
   files; ``MagazineWriter`` completes the feed entries.
"""

from __future__ import annotations

import io
import logging
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import ArticlesGenerator, Generator, PagesGenerator
from pelican.utils import posixize_path
from pelican.writers import Writer

from .check import check_file
from .formatting import install
from .jsonld import absolute_url, article_jsonld, merchant_jsonld
from .merchants import MERCHANTS_INDEX_URL, build_merchants
from .model import parse_testimony, unknown_merchant_problem
from .opendata import merchant_record, testimony_row, write_csv, write_json
from .problems import ContentError, Problem
from .profiles import load_authors, load_merchants
from .render import insert_case_html, render_case_html
from .timeline import derive_facts

logger = logging.getLogger(__name__)

DEFAULTS = {
    "COMPLAINTS_MERCHANTS_DIR": "merchants",
    "COMPLAINTS_AUTHORS_DIR": "authors",
    "COMPLAINTS_MERCHANT_FEEDS": True,
    "COMPLAINTS_MERCHANT_FEED_ATOM": "feeds/marchands/{slug}.atom.xml",
    "COMPLAINTS_MERCHANT_FEED_RSS": "feeds/marchands/{slug}.rss.xml",
    "COMPLAINTS_DATA_MERCHANTS": "donnees/marchands.json",
    "COMPLAINTS_DATA_TESTIMONIES": "donnees/temoignages.csv",
}


class ContentProblems(Exception):
    """Raised to stop the build when content has problems.

    The problems are printed first, one plain line each (not through the log, whose
    console wraps long lines and would split file names); the exception then stops
    Pelican with exit code 1 before any file is written.
    """

    exitcode = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        sys.stderr.write("".join(f"{p}\n" for p in problems))
        super().__init__(
            f"{len(problems)} problème(s) dans le contenu (liste ci-dessus) : rien n'a été écrit."
        )


def setting(settings: dict[str, Any], name: str) -> Any:
    """A COMPLAINTS_* setting with its default."""
    return settings.get(name, DEFAULTS[name])


# --- profiles and filters -------------------------------------------------------


def add_filters(generator: Generator) -> None:
    """Give every generator's Jinja environment the French filters and the rules."""
    install(generator.env)


def load_profiles(generator: ArticlesGenerator) -> None:
    """Load merchant and author profiles once per build, onto the generator."""
    content = Path(generator.path)
    problems: list[Problem] = []
    try:
        merchants = load_merchants(
            content / setting(generator.settings, "COMPLAINTS_MERCHANTS_DIR")
        )
    except ContentError as error:
        merchants, problems = {}, [*problems, *error.problems]
    try:
        authors = load_authors(content / setting(generator.settings, "COMPLAINTS_AUTHORS_DIR"))
    except ContentError as error:
        authors, problems = {}, [*problems, *error.problems]
    generator.complaints_problems = problems
    generator.context["complaints_merchant_profiles"] = merchants
    generator.context["author_profiles"] = authors


# --- testimonies ----------------------------------------------------------------


def parse_case(generator: ArticlesGenerator, metadata: dict[str, Any]) -> None:
    """Parse the testimony block of one article (cached with the article)."""
    if "testimony" not in metadata:
        return
    try:
        metadata["case"] = parse_testimony(
            metadata["testimony"],
            source="",
            merchants=generator.context["complaints_merchant_profiles"],
        )
    except ContentError as error:
        metadata["case_problems"] = error.problems
    else:
        del metadata["testimony"]  # the parsed case replaces it (memory, cache size)


def add_case_box(instance: Any) -> None:
    """Derive the facts of a valid case and insert its summary box and timeline.

    The box holds nothing taken from other files (no merchant name: the page and the
    feed entry carry it), so a cached article never shows a stale profile.
    """
    case = getattr(instance, "case", None)
    if case is None or getattr(instance, "facts", None) is not None:
        return
    try:
        facts = derive_facts(case)
        box = render_case_html(case, facts)
    except Exception as error:  # a case the rules did not foresee: report, never crash
        instance.case = None
        instance.case_problems = [
            Problem(file="", field="testimony", value="", expected=f"un dossier cohérent ({error})")
        ]
        return
    instance.facts = facts
    instance._content = insert_case_html(instance._content, box)


def every_article(context: dict[str, Any]) -> list[Any]:
    """Published, hidden and draft articles with their translations.

    Read from the shared context, which the articles generator fills before
    ``article_generator_finalized``. (Nothing but plain data goes into the context:
    every article pickled by the content cache carries a reference to it.)
    """
    originals = [*context["articles"], *context["hidden_articles"], *context["drafts"]]
    return [*originals, *(t for a in originals for t in getattr(a, "translations", []))]


def _failed_sources(generator: Generator, folders: list[str]) -> list[str]:
    """Source files under ``folders`` that Pelican could not read (logged, then skipped)."""
    failed = [
        path for path, content in generator.context["generated_content"].items() if content is None
    ]
    return sorted(
        p for p in failed if any(p == f or p.startswith(f.rstrip("/") + "/") for f in folders)
    )


def _problems_of_unreadable(generator: Generator, relative_paths: list[str]) -> list[Problem]:
    merchants = generator.context.get("complaints_merchant_profiles", {})
    problems: list[Problem] = []
    for relative in relative_paths:
        found = check_file(Path(generator.path) / relative, merchants, source=relative)
        problems.extend(
            found
            or [
                Problem(
                    file=relative,
                    field="(fichier)",
                    value="",
                    expected="un fichier lisible avec un titre et une date (voir le journal de Pelican)",
                )
            ]
        )
    return problems


def finalize_articles(generator: ArticlesGenerator) -> None:
    """Report every content problem of the build at once, then stop it."""
    problems = list(generator.complaints_problems)
    problems += _problems_of_unreadable(
        generator, _failed_sources(generator, generator.settings["ARTICLE_PATHS"])
    )
    merchants = generator.context["complaints_merchant_profiles"]
    for article in every_article(generator.context):
        source = posixize_path(article.relative_source_path)
        case = getattr(article, "case", None)
        case_problems = getattr(article, "case_problems", None)
        if case_problems:
            problems += [replace(p, file=source) for p in case_problems]
        elif case is None:
            problems.append(
                Problem(
                    file=source,
                    field="testimony",
                    value="",
                    expected="un bloc « testimony: » décrivant le dossier",
                )
            )
        elif case.merchant not in merchants:
            problems.append(unknown_merchant_problem(case.merchant, source, merchants))
    if problems:
        raise ContentProblems(problems)


def finalize_pages(generator: PagesGenerator) -> None:
    """A page whose front matter cannot be read stops the build too."""
    failed = _failed_sources(generator, generator.settings["PAGE_PATHS"])
    if failed:
        problems = [
            Problem(
                file=path,
                field="(fichier)",
                value="",
                expected="une page lisible avec un titre (voir le journal de Pelican)",
            )
            for path in failed
        ]
        raise ContentProblems(problems)


# --- merchants, feeds and data --------------------------------------------------


class MerchantsGenerator(Generator):
    """Writes merchant pages, the merchant index, merchant feeds and open data."""

    def generate_context(self) -> None:
        """Group published testimonies by merchant; give every article its merchant."""
        settings = self.settings
        feeds_on = setting(settings, "COMPLAINTS_MERCHANT_FEEDS")
        self.merchants = build_merchants(
            self.context.get("complaints_merchant_profiles", {}),
            self.context["articles"],
            feed_atom_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_ATOM")
            if feeds_on
            else None,
            feed_rss_pattern=setting(settings, "COMPLAINTS_MERCHANT_FEED_RSS")
            if feeds_on
            else None,
        )
        by_slug = {m.slug: m for m in self.merchants}
        for article in every_article(self.context):
            article.merchant = by_slug[article.case.merchant]
        self.context["merchants"] = self.merchants
        self.context["MERCHANTS_INDEX_URL"] = MERCHANTS_INDEX_URL

    def generate_output(self, writer: Writer) -> None:
        """Write every merchant page, the index, the feeds and the data files."""
        for merchant in self.merchants:
            writer.write_file(
                merchant.save_as,
                self.get_template("merchant"),
                self.context,
                merchant=merchant,
                merchant_jsonld=merchant_jsonld(merchant, self.settings["SITEURL"]),
                url=merchant.url,
                relative_urls=self.settings["RELATIVE_URLS"],
            )
            for feed_type, path in (
                ("atom", merchant.feed_atom_url),
                ("rss", merchant.feed_rss_url),
            ):
                if path:
                    writer.write_feed(
                        merchant.articles,
                        self.context,
                        path,
                        feed_type=feed_type,
                        feed_title=merchant.name,
                    )
        writer.write_file(
            MERCHANTS_INDEX_URL + "index.html",
            self.get_template("merchants"),
            self.context,
            merchants=self.merchants,
            url=MERCHANTS_INDEX_URL,
            relative_urls=self.settings["RELATIVE_URLS"],
        )
        self._write_data()

    def _write_data(self) -> None:
        siteurl = self.settings["SITEURL"]
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
            for article in sorted(self.context["articles"], key=lambda a: (a.date, a.url))
        ]
        for name, write, data in (
            (setting(self.settings, "COMPLAINTS_DATA_MERCHANTS"), write_json, records),
            (setting(self.settings, "COMPLAINTS_DATA_TESTIMONIES"), write_csv, rows),
        ):
            path = Path(self.output_path) / name
            path.parent.mkdir(parents=True, exist_ok=True)
            buffer = io.StringIO(newline="")
            write(data, buffer)
            path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
            logger.info("Writing %s", path)


class MagazineWriter(Writer):
    """Pelican's writer, with feed entries that aggregators can file and date.

    Each entry also carries the merchant as a category, the author's page as the
    author link, and an ``updated`` date (the ``modified`` date, else publication).
    """

    def _add_item_to_the_feed(self, feed: Any, item: Any) -> None:
        super()._add_item_to_the_feed(feed, item)
        entry = feed.items[-1]
        merchant = getattr(item, "merchant", None)
        if merchant is not None and merchant.name not in entry["categories"]:
            entry["categories"] = [*entry["categories"], merchant.name]
        if entry["updateddate"] is None:
            entry["updateddate"] = entry["pubdate"]
        author = getattr(item, "author", None)
        if author is not None and not entry["author_link"]:
            entry["author_link"] = self.urljoiner(self.site_url, author.url)


def get_writer(_pelican: Any) -> type[Writer]:
    return MagazineWriter


def add_article_jsonld(generators: list[Generator]) -> None:
    """Attach its schema.org description to every testimony, drafts included.

    Runs once every generator has its context (merchants are attached to articles by
    ``MerchantsGenerator``) and after the content cache was saved, so the description
    is never cached. (``article_generator_write_article`` is not sent for drafts.)
    """
    context, settings = generators[0].context, generators[0].settings
    for article in every_article(context):
        article.jsonld = article_jsonld(article, settings["SITEURL"])


def get_generators(_pelican: Any) -> type[Generator]:
    return MerchantsGenerator


def register() -> None:
    """Connect the plugin's handlers to Pelican's signals."""
    signals.generator_init.connect(add_filters)
    signals.article_generator_init.connect(load_profiles)
    signals.article_generator_context.connect(parse_case)
    signals.content_object_init.connect(add_case_box)
    signals.article_generator_finalized.connect(finalize_articles)
    signals.page_generator_finalized.connect(finalize_pages)
    signals.all_generators_finalized.connect(add_article_jsonld)
    signals.get_generators.connect(get_generators)
    signals.get_writer.connect(get_writer)
