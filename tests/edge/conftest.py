"""In-process builds of a tiny site, for tests of the Pelican edge.

``run_pelican(content, **settings)`` runs ``Pelican(settings).run()`` in this process
(no repository copy, no subprocess: a build takes a fraction of a second) with the
project's settings file, theme and plugins; ``tiny_content`` is a content folder with
one merchant, one author and the Pixmania testimony. Tests add or break files in it;
``methodology_content`` adds the Méthodologie page (and the page it links to).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pelican import Pelican
from pelican.settings import read_settings

ROOT = Path(__file__).resolve().parents[2]
PIXMANIA = "temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
PIXMANIA_PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/index.html"
METHODOLOGY_PAGE = "methodologie/index.html"

RunPelican = Callable[..., Path]


def copy_from_site(content: Path, *relatives: str) -> Path:
    """Copy files of the site's content folder into ``content`` (same relative paths)."""
    for relative in relatives:
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / "content" / relative, target)
    return content


@pytest.fixture
def tiny_content(tmp_path: Path) -> Path:
    """A content folder: Pixmania's profile and logo, one author, one testimony."""
    return copy_from_site(
        tmp_path / "content",
        "merchants/pixmania.md",
        "images/marchands/pixmania.svg",
        "authors/allo-cest-fini.md",
        PIXMANIA,
    )


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
        output = tmp_path / "output"
        settings = read_settings(
            str(ROOT / config),
            override={
                "PATH": str(content),
                "OUTPUT_PATH": str(output),
                "CACHE_PATH": str(tmp_path / "cache"),
                **overrides,
            },
        )
        Pelican(settings).run()
        return output

    return run


def write(path: Path, text: str) -> Path:
    """Write a content file (parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a content file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
