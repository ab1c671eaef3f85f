"""A cached rebuild after editing one testimony updates its merchant page and data."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.conftest import build_site
from tests.site.test_failures import PIXMANIA, break_file, project  # noqa: F401  (fixture)

CACHE = {
    "CACHE_CONTENT": "true",
    "LOAD_CONTENT_CACHE": "true",
    "CONTENT_CACHING_LAYER": '"generator"',
}


def merchant(data: dict, slug: str) -> dict:
    return next(r for r in data["merchants"] if r["slug"] == slug)


def test_cached_rebuild_reflects_an_edited_status(project: Path) -> None:  # noqa: F811
    output = project / "out"
    extra = {**CACHE, "CACHE_PATH": json.dumps(str(project / "cache"))}
    first = build_site(output, content=project / "content", extra=extra)
    assert first.returncode == 0, first.stderr
    assert any((project / "cache").iterdir()), "the content cache was not written"
    before_page = (output / "marchands/pixmania/index.html").read_text(encoding="utf-8")
    before = merchant(
        json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8")), "pixmania"
    )

    source = project / PIXMANIA
    break_file(source, "status: open", "status: unresolved")
    stat = source.stat()
    os.utime(source, (stat.st_atime + 5, stat.st_mtime + 5))
    second = build_site(output, content=project / "content", extra=extra)
    assert second.returncode == 0, second.stderr

    after_page = (output / "marchands/pixmania/index.html").read_text(encoding="utf-8")
    after = merchant(
        json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8")), "pixmania"
    )
    assert after_page != before_page
    assert before["n_open"] == 1 and after["n_open"] == 0
    article = (output / "2009/07/pixmania-camescope-livre-chez-un-autre/index.html").read_text(
        encoding="utf-8"
    )
    assert article.count('<section class="case"') == 1
