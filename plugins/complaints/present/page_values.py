"""Values from settings and code printed in pages, so a page and its source never disagree.

A page writes ``{{ setting.LEGAL_DIRECTOR }}`` for a setting (the legal notice's
publisher, director, host come from ``pelicanconf.py`` / ``publishconf.py``) or
``{{ code.TIMELY_DAYS }}`` for a constant of the plugin's code or a worked example
computed by it (``methodology_values.CODE_VALUES``, read when the page is built). The
names are replaced in the page's HTML, after Markdown, with the value escaped and
formatted in French; a name that is neither a known code value nor a
setting is a problem (file, line, name) that stops the build. Articles are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from markupsafe import escape

from complaints.domain.problems import Problem, did_you_mean, show
from complaints.present.methodology_values import CODE_VALUES, french_number

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


def unknown_name_problem(
    name: str, file: str, source_path: str, settings: Mapping[str, Any]
) -> Problem:
    """A name a page prints that is neither a code value nor a printable setting."""
    known = [f"code.{n}" for n in CODE_VALUES]
    known += [f"setting.{n}" for n, v in settings.items() if setting_text(v) is not None]
    return Problem(
        file=file,
        field="{{ … }}",
        value=show(name),
        expected=(
            "setting.NOM d'un réglage texte ou nombre (pelicanconf.py, publishconf.py) "
            f"ou code.NOM parmi {', '.join(sorted(CODE_VALUES))}" + did_you_mean(name, known)
        ),
        line=line_of(source_path, name),
    )
