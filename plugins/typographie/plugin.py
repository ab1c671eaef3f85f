"""French typography, applied once per rendered article or page: the Pelican edge.

The rules live in :mod:`typographie.french` (pure, no Pelican); this module is the
Pelican edge: one handler on ``content_object_init``, which fires at the end of
``Content.__init__``, when the Markdown body is final (before Pelican resolves
``{filename}`` links, which only live in attributes, never touched).

Settings:
- ``TYPOGRAPHIE_ENABLED`` (default True): switch the whole plugin off (benchmarks).
- ``TYPOGRAPHIE_TITLES`` (default True): also the title and a summary given in the
  metadata (a derived summary is cut from the already processed body).

Each object is processed once (``typographie_done`` guard); the rules are
idempotent anyway. With ``CONTENT_CACHING_LAYER = "generator"`` cached articles are
unpickled already processed (the signal does not fire again); with the "reader"
layer the raw body is cached and processed again at each build.

HTML inserted after this pass does not get it: call :func:`apply` on it. (The
``complaints`` plugin inserts its case box at ``content_object_init`` too, before
this handler, because it comes first in PLUGINS.)

The theme's own text ("Marchand :", "90 %", "Étiquette « x »") gets the same rules
once per template, when Jinja compiles it (``generator_init`` adds the
:class:`TypographicTemplates` extension to each generator's environment; see
:mod:`typographie.templates`): no cost per page. Templates whose name does not end
in ``.html`` (XML, text) are left alone.
"""

from __future__ import annotations

import logging
from typing import Any

from jinja2.ext import Extension
from pelican import signals

from typographie.french import apply, apply_title
from typographie.pelican_internals import (
    body_html,
    set_body_html,
    set_summary_html,
    summary_html,
    version_problem,
)
from typographie.templates import typeset_template

logger = logging.getLogger(__name__)


def process_content(instance: Any) -> None:
    """Apply the typography to an Article, Page (or Draft) in place, once."""
    settings = getattr(instance, "settings", None) or {}
    if not settings.get("TYPOGRAPHIE_ENABLED", True):
        return
    if getattr(instance, "typographie_done", False):
        return
    content = body_html(instance)
    if not isinstance(content, str):  # Static files, SkipStub: nothing to do
        return
    set_body_html(instance, apply(content))
    if settings.get("TYPOGRAPHIE_TITLES", True):
        metadata = getattr(instance, "metadata", None)
        title = getattr(instance, "title", None)
        if isinstance(title, str):
            instance.title = apply_title(title)
            if isinstance(metadata, dict) and "title" in metadata:
                metadata["title"] = instance.title
        summary = summary_html(instance)
        if isinstance(summary, str):
            set_summary_html(instance, apply(summary))
            if isinstance(metadata, dict) and "summary" in metadata:
                metadata["summary"] = summary_html(instance)
    instance.typographie_done = True


class TypographicTemplates(Extension):
    """Jinja extension: the literal text of ``*.html`` templates is typeset at compile."""

    def preprocess(self, source: str, name: str | None, filename: str | None = None) -> str:
        return typeset_template(source) if (name or "").endswith(".html") else source


def typeset_theme(generator: Any) -> None:
    """Give this generator's Jinja environment the typesetting extension."""
    if generator.settings.get("TYPOGRAPHIE_ENABLED", True):
        generator.env.add_extension(TypographicTemplates)


def register() -> None:
    """Connect the receivers (none, with a warning, on a Pelican release not known)."""
    problem = version_problem()
    if problem:
        logger.warning(problem)
        return
    signals.content_object_init.connect(process_content)
    signals.generator_init.connect(typeset_theme)
