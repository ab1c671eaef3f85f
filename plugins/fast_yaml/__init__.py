"""Pelican plugin: pelican-yaml-metadata's reader, parsing front matter with the
project's one loader (:func:`complaints.frontmatter.load_yaml`: libyaml's safe loader,
impossible dates kept as strings for the validator to name).

It must be listed after ``pelican.plugins.yaml_metadata`` in PLUGINS, whose reader it
replaces for the same file extensions.
"""

from __future__ import annotations

import logging
from typing import Any

from pelican import signals
from pelican.plugins.yaml_metadata.yaml_metadata import YAMLMetadataReader

from complaints.frontmatter import load_yaml

logger = logging.getLogger(__name__)


class FastYAMLMetadataReader(YAMLMetadataReader):
    """The YAML front-matter reader with the project's loader."""

    def _load_yaml_metadata(self, text: str, source_path: str) -> dict[str, Any]:
        try:
            metadata = load_yaml(text)
        except Exception:  # as upstream: log, then Pelican skips the file
            logger.error("Error parsing YAML for file '%s'", source_path, exc_info=True)
            return {}
        if not isinstance(metadata, dict):
            logger.error("YAML header didn't parse as a dict for file '%s'", source_path)
            return {}
        return self._parse_yaml_metadata(metadata, source_path)


def use_fast_reader(readers: Any) -> None:
    """Replace pelican-yaml-metadata's reader for its file extensions."""
    for extension in FastYAMLMetadataReader.file_extensions:
        readers.reader_classes[extension] = FastYAMLMetadataReader


def register() -> None:
    signals.readers_init.connect(use_fast_reader)
