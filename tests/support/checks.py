"""The validator as ``invoke check`` runs it, for tests of what editors write."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from complaints.edge.settings import site_settings, site_slugify, with_defaults
from complaints.editorial.check import check_content
from complaints.editorial.validate import Rules
from tests.support.sample import ROOT

#: The validator's rules with nothing from a settings file: Pelican's slugify only.
RULES = Rules(slugify=site_slugify({}))


def settings_of(file: str | None = None, **overrides: Any) -> dict[str, Any]:
    """The project's settings file read as the build reads it (none: the sample layout)."""
    settings = site_settings(ROOT / file if file else None)
    return with_defaults({**settings, **overrides})


def content_problems(content: Path, settings: dict[str, Any] | None = None) -> list[Any]:
    """Every problem ``invoke check`` reports for ``content``."""
    settings = settings if settings is not None else settings_of()
    return check_content(content, settings, site_slugify(settings))
