"""Pelican edge of escaping: front-matter summaries are text, not HTML.

Pelican renders a ``summary:`` given in the front matter through Markdown (its
FORMATTED_FIELDS), which lets raw HTML through. The project's rule is that only
Markdown bodies are HTML, so ``summary`` is taken out of ``FORMATTED_FIELDS``
(:func:`summary_is_not_markdown`) and :func:`summary_as_text` makes such a summary
one escaped paragraph. A summary cut
from the body (no ``summary:`` key) stays the body's HTML.
"""

from __future__ import annotations

import html
from typing import Any

from complaints.edge.pelican_internals import set_summary_html


def summary_as_text(instance: Any) -> None:
    """Turn a front-matter summary into ``<p>escaped text</p>`` (once per object)."""
    metadata = getattr(instance, "metadata", None)
    if not isinstance(metadata, dict) or "summary" not in metadata:
        return
    if getattr(instance, "complaints_summary_escaped", False):
        return
    text = str(metadata["summary"]).strip()
    paragraph = f"<p>{html.escape(text, quote=False)}</p>"
    set_summary_html(instance, paragraph)
    metadata["summary"] = paragraph
    instance.complaints_summary_escaped = True


def summary_is_not_markdown(pelican: Any) -> None:
    """Whatever the settings say, Pelican's readers leave ``summary:`` as text."""
    fields = pelican.settings.get("FORMATTED_FIELDS", [])
    pelican.settings["FORMATTED_FIELDS"] = [f for f in fields if f != "summary"]
