"""The output folder, emptied only once the content is known to be valid.

Production sets ``DELETE_OUTPUT_DIRECTORY = False`` and
``COMPLAINTS_DELETE_OUTPUT_DIRECTORY = True``: the folder is emptied (keeping
``OUTPUT_RETENTION``) when Pelican asks for its writer, after every file was read and
validated, so a build that stops on a content problem leaves the last site in place.
:func:`write_output` writes the files no template renders (data, sitemap, robots.txt).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from pelican.utils import clean_output_dir

from complaints.edge.settings import setting

logger = logging.getLogger(__name__)


def holds_the_content(output_path: str, content_path: str) -> bool:
    """True when the output folder contains the content (never empty it then)."""
    output, content = os.path.realpath(output_path), os.path.realpath(content_path)
    return os.path.commonpath([output, content]) == output


def empty_output_before_writing(pelican: Any) -> None:
    """``get_writer`` receiver: empty the output folder when the setting asks for it."""
    settings = pelican.settings
    if not setting(settings, "COMPLAINTS_DELETE_OUTPUT_DIRECTORY"):
        return
    if holds_the_content(pelican.output_path, pelican.path):
        logger.warning("Dossier de sortie non vidé : il contient le contenu (%s).", pelican.path)
        return
    clean_output_dir(pelican.output_path, settings.get("OUTPUT_RETENTION", []))


def write_output(output_path: str, name: str, data: bytes) -> None:
    """Write one file that no template renders, at ``name`` under the output folder."""
    path = Path(output_path) / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    logger.info("Writing %s", path)
