"""French typography, applied once per rendered article or page (issue 6).

The rules live in :mod:`typographie.french` (pure, no Pelican); this module is the
Pelican edge: one handler on ``content_object_init``, which fires at the end of
``Content.__init__``, when the Markdown body is final (before Pelican resolves
``{filename}`` links, which only live in attributes, never touched).

Settings:
- ``TYPOGRAPHIE_ENABLED`` (default True): switch the whole plugin off (benchmarks).
- ``TYPOGRAPHIE_TITLES`` (default True): also the title and a summary given in the
  metadata (a derived summary is cut from the already processed body).

Each object is processed once (``_typographie_done`` guard); the rules are
idempotent anyway. With ``CONTENT_CACHING_LAYER = "generator"`` cached articles are
unpickled already processed (the signal does not fire again); with the "reader"
layer the raw body is cached and processed again at each build.

HTML inserted later by other plugins (e.g. the complaints timeline, in
``article_generator_finalized``) does not get this pass: call :func:`apply` on it.

Every HTML page rendered from a theme template gets the same pass once more
(``generator_init`` gives each generator's Jinja environment a template class whose
``render`` typesets its output): theme text ("Marchand :", "90 %"), names, list
titles and profiles are typeset like bodies, outside tags, attributes, ``<code>``,
``<pre>``, ``<script>`` and ``<style>``. Templates whose name does not end in
``.html`` (XML, text) are left alone. Bodies already typeset are unchanged
(idempotence).
"""

from __future__ import annotations

from typing import Any

from jinja2 import Template
from pelican import signals

from .french import apply, apply_title

__all__ = [
    "TypographicTemplate",
    "apply",
    "apply_title",
    "process_content",
    "register",
    "typeset_rendered_pages",
]


def process_content(instance: Any) -> None:
    """Apply the typography to an Article, Page (or Draft) in place, once."""
    settings = getattr(instance, "settings", None) or {}
    if not settings.get("TYPOGRAPHIE_ENABLED", True):
        return
    if getattr(instance, "_typographie_done", False):
        return
    content = getattr(instance, "_content", None)
    if not isinstance(content, str):  # Static files, SkipStub: nothing to do
        return
    instance._content = apply(content)
    if settings.get("TYPOGRAPHIE_TITLES", True):
        metadata = getattr(instance, "metadata", None)
        title = getattr(instance, "title", None)
        if isinstance(title, str):
            instance.title = apply_title(title)
            if isinstance(metadata, dict) and "title" in metadata:
                metadata["title"] = instance.title
        summary = getattr(instance, "_summary", None)
        if isinstance(summary, str):
            instance._summary = apply(summary)
            if isinstance(metadata, dict) and "summary" in metadata:
                metadata["summary"] = instance._summary
    instance._typographie_done = True


class TypographicTemplate(Template):
    """A Jinja template whose HTML output gets the French typography pass."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        html = super().render(*args, **kwargs)
        return apply(html) if (self.name or "").endswith(".html") else html


def typeset_rendered_pages(generator: Any) -> None:
    """Make every HTML page this generator renders go through :func:`apply`."""
    if generator.settings.get("TYPOGRAPHIE_ENABLED", True):
        generator.env.template_class = TypographicTemplate


def register() -> None:
    signals.content_object_init.connect(process_content)
    signals.generator_init.connect(typeset_rendered_pages)
