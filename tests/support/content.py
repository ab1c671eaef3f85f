"""Copies of the sample content and of the project for tests to change, and edits.

``copy_content`` copies the whole content folder: a build of such a copy is a full
site build (see :mod:`tests.support.builds`). ``copy_tiny_content`` copies four files:
Pixmania's profile and logo, one author, the Pixmania testimony.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from complaints.editorial.frontmatter import split_front_matter
from tests.support.builds import register_full_content
from tests.support.sample import CONTENT, PIXMANIA, ROOT

TINY_FILES = (
    "merchants/pixmania.md",
    "images/marchands/pixmania.svg",
    "authors/allo-cest-fini.md",
    PIXMANIA,
)
#: What a build needs besides the content (a private project to break)
PROJECT_PARTS = (
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "plugins",
    "theme",
    "docs",
    "sitebuild",
)
GOOD_PIXMANIA = ROOT / "tests" / "bad_content" / "good" / "pixmania.md"


def copy_content(destination: Path) -> Path:
    """A copy of the whole sample content at ``destination`` (returned)."""
    shutil.copytree(CONTENT, destination)
    return register_full_content(destination)


def copy_from_site(content: Path, *relatives: str) -> Path:
    """Copy files of the site's content folder into ``content`` (same relative paths)."""
    for relative in relatives:
        target = content / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CONTENT / relative, target)
    return content


def copy_tiny_content(destination: Path) -> Path:
    """A content folder with Pixmania's profile and logo, one author, one testimony."""
    return copy_from_site(destination, *TINY_FILES)


def copy_project(destination: Path, *, tiny: bool = False) -> Path:
    """Copy what a build needs into ``destination``, with the whole content or (``tiny``)
    the four files of :func:`copy_tiny_content`."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    if tiny:
        copy_tiny_content(destination / "content")
    else:
        copy_content(destination / "content")
    return destination


def write(path: Path, text: str) -> Path:
    """Write a content file (parents created)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def replace_in(path: Path, old: str, new: str) -> None:
    """Replace the first ``old`` in a file (it must be there)."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append_to(path: Path, text: str) -> None:
    """Add ``text`` at the end of a file."""
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def content_drafts(content: Path) -> list[tuple[Path, str, str]]:
    """(file, title, slug) of every Markdown file under ``content`` whose status is draft."""
    drafts = []
    for path in sorted(content.rglob("*.md")):
        meta, _ = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        if str(meta.get("status", "")).strip().lower() == "draft":
            drafts.append((path, str(meta.get("title", "")), str(meta.get("slug") or path.stem)))
    return drafts


def pixmania_testimony() -> dict[str, Any]:
    """The ``testimony:`` block of the Pixmania testimony (tests/bad_content/good), fresh."""
    text = GOOD_PIXMANIA.read_text(encoding="utf-8")
    data, _ = split_front_matter(text, str(GOOD_PIXMANIA))
    return data["testimony"]
