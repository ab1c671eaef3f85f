"""The Pelican edge that reads files: the YAML front-matter reader, validating each file.

It replaces pelican-yaml-metadata's reader for its extensions (connected by the
``complaints`` plugin; ``complaints.pelican_reader`` alone is a plugin too, for the
benchmark without the rest) and reads every file with the project's
one loader and validator (:func:`complaints.validate.check_text`, the code
``python -m complaints.check`` runs), on the RAW YAML values — before Pelican's date
parser would read ``07/08/2026`` as 8 July.

- A valid testimony's case is parsed here once: ``metadata["case"]`` (stored with
  the article, so it survives Pelican's content cache), with the lines of the fields
  that the corpus checks need (``metadata["complaints_lines"]``).
- A file with problems is never skipped: it is read as a draft holding nothing but
  its problems (``metadata["complaints_problems"]``), which
  ``complaints.pelican_edge`` reports with every other problem before anything is
  written. Nothing it asked for (save_as, template, ...) reaches Pelican.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader
from pelican.utils import get_date, posixize_path, slugify

from complaints.check import pelican_slugify
from complaints.model import ROOT
from complaints.problems import Problem
from complaints.text_guards import ALLOW_KEY
from complaints.validate import CORPUS_FIELDS, Kind, Rules, check_path

PROBLEMS = "complaints_problems"
LINES = "complaints_lines"


def site_rules(settings: dict[str, Any]) -> Rules:
    """The validator's rules from Pelican's settings, with Pelican's own slugify."""
    return Rules.from_settings(settings, pelican_slugify(settings))


def kind_of(relative: str, settings: dict[str, Any]) -> Kind:
    """A file under one of ARTICLE_PATHS is a testimony; anything else a page."""
    for folder in settings["ARTICLE_PATHS"]:
        folder = posixize_path(folder).strip("/")
        if not folder or relative.startswith(folder + "/"):
            return "testimony"
    return "page"


class FastYAMLMetadataReader(YAMLMetadataReader):
    """The YAML front-matter reader with the project's loader and validator."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        relative = posixize_path(os.path.relpath(source_path, self.settings["PATH"]))
        kind = kind_of(relative, self.settings)
        if getattr(self, "_rules", None) is None:
            self._rules = site_rules(self.settings)  # once per reader (per build)
        checked = check_path(Path(source_path), relative, kind, self._rules)
        if checked.problems:
            return "", self._refused(relative, checked.problems)
        data = {k: v for k, v in checked.data.items() if k not in (ROOT, ALLOW_KEY)}
        metadata = self._parse_yaml_metadata(data, source_path)
        if checked.case is not None:
            metadata["case"] = checked.case
            metadata[LINES] = {f: checked.lines[f] for f in CORPUS_FIELDS if f in checked.lines}
        self._md.Meta = {}  # type: ignore[attr-defined]
        return self._md.reset().convert(checked.body), metadata

    def _refused(self, relative: str, problems: list[Problem]) -> dict[str, Any]:
        """A draft that holds only its problems (reported before anything is written)."""
        return {
            "title": Path(relative).name,
            "date": get_date("2000-01-01"),
            "status": "draft",
            "slug": "refuse-" + slugify(relative),
            PROBLEMS: problems,
        }


def use_fast_reader(readers: Any) -> None:
    """Replace pelican-yaml-metadata's reader for its file extensions."""
    for extension in FastYAMLMetadataReader.file_extensions:
        readers.reader_classes[extension] = FastYAMLMetadataReader


def register() -> None:
    signals.readers_init.connect(use_fast_reader)
