"""In-process builds of a tiny site, for tests of the Pelican edge.

``run_pelican(content, **settings)`` runs ``Pelican(settings).run()`` in this process
(no repository copy, no subprocess: a build takes a fraction of a second) with the
project's settings file, theme and plugins; ``tiny_content`` is a content folder with
one merchant, one author and the Pixmania testimony. Tests add or break files in it;
``methodology_content`` adds the Méthodologie page (and the page it links to).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support.builds import RunPelican, run_in_process
from tests.support.content import copy_from_site, copy_tiny_content


@pytest.fixture
def tiny_content(tmp_path: Path) -> Path:
    """A content folder: Pixmania's profile and logo, one author, one testimony."""
    return copy_tiny_content(tmp_path / "content")


@pytest.fixture
def methodology_content(tiny_content: Path) -> Path:
    """``tiny_content`` with the Méthodologie page and the Droit de réponse page it links to."""
    return copy_from_site(tiny_content, "pages/methodologie.md", "pages/droit-de-reponse.md")


@pytest.fixture
def run_pelican(tmp_path: Path) -> RunPelican:
    """Build ``content`` in process with pelicanconf.py (or ``config=``) and overrides.

    Returns the output folder. Exceptions raised by the plugin (``ContentProblems``)
    propagate to the test, as they would to ``pelican.main()``.
    """

    def run(content: Path, *, config: str = "pelicanconf.py", **overrides: Any) -> Path:
        overrides = {"CACHE_PATH": str(tmp_path / "cache"), **overrides}
        return run_in_process(content, tmp_path / "output", config=config, **overrides)

    return run
