"""The YAML front-matter reader: every file read and validated by the project's validator.

It replaces pelican-yaml-metadata's reader and runs :mod:`complaints.editorial.validate`
(what ``python -m complaints.check`` runs) on the raw YAML values, before Pelican's
date parser could read ``07/08/2026`` as 8 July. A valid testimony's case goes into
``metadata["case"]`` (so it survives Pelican's content cache); a file with problems is
read as a draft holding only them (``metadata["complaints_problems"]``), reported with
every other problem before anything is written: nothing it asked for reaches Pelican.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pelican import signals
from pelican.utils import get_date, posixize_path, slugify

from complaints.domain.followups import modified_after_updates
from complaints.domain.model import ROOT
from complaints.domain.problems import Problem
from complaints.edge.contents import LINES, PROBLEMS
from complaints.edge.pelican_internals import YAMLReaderBase, refuse_unsupported_pelican
from complaints.edge.settings import site_rules
from complaints.editorial.text_guards import ALLOW_KEY
from complaints.editorial.updates_key import KEY as UPDATES
from complaints.editorial.validate import CORPUS_FIELDS, Kind, check_path


def kind_of(relative: str, settings: dict[str, Any]) -> Kind:
    """A file under one of ARTICLE_PATHS is a testimony; anything else a page."""
    for folder in settings["ARTICLE_PATHS"]:
        folder = posixize_path(folder).strip("/")
        if not folder or relative.startswith(folder + "/"):
            return "testimony"
    return "page"


class FastYAMLMetadataReader(YAMLReaderBase):
    """The YAML front-matter reader with the project's loader and validator."""

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        relative = posixize_path(os.path.relpath(source_path, self.settings["PATH"]))
        kind = kind_of(relative, self.settings)
        if getattr(self, "_rules", None) is None:
            self._rules = site_rules(self.settings)  # once per reader (per build)
        checked = check_path(Path(source_path), relative, kind, self._rules)
        if checked.problems:
            return "", self._refused(relative, checked.problems)
        data = {k: v for k, v in checked.data.items() if k not in (ROOT, ALLOW_KEY, UPDATES)}
        metadata = self.pelican_metadata(data, source_path)
        if checked.case is not None:
            metadata["case"] = checked.case
            modified = modified_after_updates(
                checked.case, metadata.get("date"), metadata.get("modified")
            )
            if modified is not None:
                metadata["modified"] = modified
            metadata[LINES] = {f: checked.lines[f] for f in CORPUS_FIELDS if f in checked.lines}
        return self.markdown_html(checked.body), metadata

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
    """The reader alone as a plugin (``complaints.edge.reader``: the benchmark's plain
    Pelican reads the same files)."""
    signals.initialized.connect(refuse_unsupported_pelican)
    signals.readers_init.connect(use_fast_reader)
