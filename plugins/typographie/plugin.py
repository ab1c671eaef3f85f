"""The Pelican edge of French typography: bodies, titles and summaries, once per object.

``content_object_init`` (after the complaints plugin inserted its case box) applies
:func:`typographie.french.apply` to the body and, with ``TYPOGRAPHIE_TITLES``, to the
title and a front-matter summary; ``TYPOGRAPHIE_ENABLED`` switches it all off. HTML
inserted later must call ``apply`` itself. ``generator_init`` adds
:class:`TypographicTemplates`, which typesets the literal text of ``*.html`` templates
once, when Jinja compiles them.
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

_supported = True  # whether this build's Pelican is one pelican_internals was written for


def process_content(instance: Any) -> None:
    """Apply the typography to an Article, Page (or Draft) in place, once."""
    settings = getattr(instance, "settings", None) or {}
    if not _supported or not settings.get("TYPOGRAPHIE_ENABLED", True):
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
    if _supported and generator.settings.get("TYPOGRAPHIE_ENABLED", True):
        generator.env.add_extension(TypographicTemplates)


def register() -> None:
    """Connect the receivers; on a Pelican release not known they do nothing (warned)."""
    global _supported
    problem = version_problem()
    _supported = problem is None
    if problem:
        logger.warning(problem)
    signals.content_object_init.connect(process_content)
    signals.generator_init.connect(typeset_theme)
