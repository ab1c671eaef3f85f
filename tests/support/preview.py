"""Helpers of the preview's tests (parallel_build.preview): a generated site to preview,
an edit, a testimony's two pages, and the clean build the preview must end equal to."""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parallel_build.preview import Preview

from tests.support.builds import build_site
from tests.support.corpus import generate
from tests.support.sample import ROOT


def preview_site(folder: Path, testimonies: int = 16, merchants: int = 6) -> tuple[Path, Path]:
    """A generated content folder and a copy of the theme, under ``folder``."""
    content = generate(folder / "content", testimonies=testimonies, merchants=merchants)
    theme = folder / "theme"
    shutil.copytree(ROOT / "theme", theme)
    return content, theme


def clean_build(content: Path, theme: Path, output: Path) -> Path:
    """A build from scratch with pelicanconf.py, in a subprocess as `invoke build` runs it."""
    result = build_site(
        output, settings="pelicanconf.py", content=content, extra={"THEME": json.dumps(str(theme))}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return output


def edit(path: Path, pattern: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path}"
    path.write_text(changed, encoding="utf-8")


def merchant_of(testimony: Path) -> str:
    found = re.search(r"^  merchant: (\S+)$", testimony.read_text(encoding="utf-8"), re.M)
    assert found, testimony
    return found.group(1)


def pages_of(testimony: Path) -> set[str]:
    """The output names of a generated testimony's page and of its merchant's page."""
    text = testimony.read_text(encoding="utf-8")
    date = re.search(r"^date: (\d{4})-(\d{2})", text, re.M)
    slug = re.search(r"^slug: (\S+)$", text, re.M)
    assert date and slug, testimony
    return {
        f"{date.group(1)}/{date.group(2)}/{slug.group(1)}/index.html",
        f"marchands/{merchant_of(testimony)}/index.html",
    }


@contextmanager
def built_preview(site: tuple[Path, Path], output: Path, **overrides: Any) -> Iterator[Preview]:
    """A preview of ``site`` into ``output`` after its first build (closed at the end)."""
    content, theme = site
    preview = Preview(
        str(ROOT / "pelicanconf.py"),
        PATH=str(content),
        THEME=str(theme),
        OUTPUT_PATH=str(output),
        **overrides,
    )
    try:
        first = preview.build()
        assert first.ok and first.early == [] and first.early_refused == ""
        yield preview
    finally:
        preview.close()
