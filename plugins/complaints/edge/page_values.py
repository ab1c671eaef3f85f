"""Pages print values of settings and code (``{{ setting.NAME }}``, ``{{ code.NAME }}``).

The substitution is :func:`complaints.present.page_values.fill`; a name that does not
exist becomes a problem on the page (``page_value_problems``), reported with every
other problem of the build. Articles are left alone.
"""

from __future__ import annotations

from typing import Any

from pelican.contents import Page

from complaints.edge.pelican_internals import (
    body_html,
    set_body_html,
    set_summary_html,
    summary_html,
)
from complaints.present.page_values import fill, unknown_name_problem


def fill_page(instance: Any) -> None:
    """``content_object_init`` receiver: fill a page's body and summary, note unknown names."""
    body = body_html(instance)
    if not isinstance(instance, Page) or not isinstance(body, str):
        return
    body, unknown = fill(body, instance.settings)
    set_body_html(instance, body)
    summary = summary_html(instance)
    if isinstance(summary, str):
        summary, unknown_in_summary = fill(summary, instance.settings)
        set_summary_html(instance, summary)
        unknown += unknown_in_summary
        if isinstance(instance.metadata.get("summary"), str):
            instance.metadata["summary"] = summary
    instance.page_value_problems = [
        unknown_name_problem(
            name, instance.relative_source_path or "", instance.source_path, instance.settings
        )
        for name in unknown
    ]
