"""Values from settings and code printed in pages, so a page and its source never disagree.

A page writes ``{{ setting.LEGAL_DIRECTOR }}`` for a setting (the legal notice's
publisher, director, host come from ``pelicanconf.py`` / ``publishconf.py``) or
``{{ code.TIMELY_DAYS }}`` for a constant of the plugin's code or a worked example
computed by it (``methodology_values.CODE_VALUES``, read when the page is built). The
names are replaced in the page's HTML, after Markdown, with the value escaped and
formatted in French; a name that is neither a known code value nor a
setting is a problem (file, line, name) that stops the build. Articles are left alone.

Edge module: the substitution itself is pure (``fill``); only the receivers know Pelican.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import escape
from pelican import signals
from pelican.contents import Page

from .methodology_values import CODE_VALUES, french_number
from .problems import Problem, did_you_mean, show

PLACEHOLDER = re.compile(r"\{\{\s*(?P<source>setting|code)\.(?P<name>[A-Za-z_]\w*)\s*\}\}")


def setting_text(value: Any) -> str | None:
    """A setting as page text: strings as they are, numbers in French; else None."""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return french_number(value)
    return None


def fill(html: str, settings: Mapping[str, Any]) -> tuple[str, list[str]]:
    """``html`` with every placeholder replaced by its escaped value, and unknown names.

    Unknown placeholders are left as they are, so nothing is silently blanked.
    """
    unknown: list[str] = []

    def value(match: re.Match[str]) -> str:
        source, name = match["source"], match["name"]
        if source == "code":
            text = CODE_VALUES[name]() if name in CODE_VALUES else None
        else:
            text = setting_text(settings[name]) if name in settings else None
        if text is None:
            unknown.append(f"{source}.{name}")
            return match.group()
        return str(escape(text))

    return PLACEHOLDER.sub(value, html), unknown


def line_of(source_path: str, needle: str) -> int | None:
    """The first line (from 1) of the source file that mentions ``needle``."""
    try:
        lines = Path(source_path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    return next((n for n, line in enumerate(lines, 1) if needle in line), None)


def fill_page(instance: Any) -> None:
    """``content_object_init`` receiver: fill a page's body and summary, note unknown names."""
    if not isinstance(instance, Page) or not isinstance(instance._content, str):
        return
    instance._content, unknown = fill(instance._content, instance.settings)
    summary = getattr(instance, "_summary", None)
    if isinstance(summary, str):
        instance._summary, unknown_in_summary = fill(summary, instance.settings)
        unknown += unknown_in_summary
        if isinstance(instance.metadata.get("summary"), str):
            instance.metadata["summary"] = instance._summary
    instance.page_value_problems = [
        unknown_name_problem(name, instance.relative_source_path or "", instance)
        for name in unknown
    ]


def unknown_name_problem(name: str, file: str, instance: Any) -> Problem:
    """A name a page prints that is neither a code value nor a printable setting."""
    known = [f"code.{n}" for n in CODE_VALUES]
    known += [f"setting.{n}" for n, v in instance.settings.items() if setting_text(v) is not None]
    return Problem(
        file=file,
        field="{{ … }}",
        value=show(name),
        expected=(
            "setting.NOM d'un réglage texte ou nombre (pelicanconf.py, publishconf.py) "
            f"ou code.NOM parmi {', '.join(sorted(CODE_VALUES))}" + did_you_mean(name, known)
        ),
        line=line_of(instance.source_path, name),
    )


def connect() -> None:
    """Connect the receiver (called from ``pelican_edge.register``); the pages'
    ``page_value_problems`` are reported with every other problem of the build by
    ``pelican_edge.finalize_pages``."""
    signals.content_object_init.connect(fill_page)
