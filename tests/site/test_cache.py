"""A cached rebuild after editing one testimony updates its merchant page and data."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.support.builds import build_site
from tests.support.content import copy_tiny_content, replace_in
from tests.support.sample import PIXMANIA, PIXMANIA_PAGE

CACHE = {
    "CACHE_CONTENT": "true",
    "LOAD_CONTENT_CACHE": "true",
    "CONTENT_CACHING_LAYER": '"generator"',
}


def merchant(data: dict, slug: str) -> dict:
    return next(r for r in data["merchants"] if r["slug"] == slug)


def test_cached_rebuild_reflects_an_edited_status(tmp_path: Path) -> None:
    content = copy_tiny_content(tmp_path / "content")
    output = tmp_path / "out"
    extra = {**CACHE, "CACHE_PATH": json.dumps(str(tmp_path / "cache"))}
    first = build_site(output, content=content, extra=extra)
    assert first.returncode == 0, first.stderr
    assert any((tmp_path / "cache").iterdir()), "the content cache was not written"
    before_page = (output / "marchands/pixmania/index.html").read_text(encoding="utf-8")
    before = merchant(
        json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8")), "pixmania"
    )

    source = content / PIXMANIA
    replace_in(source, "status: open", "status: unresolved")
    stat = source.stat()
    os.utime(source, (stat.st_atime + 5, stat.st_mtime + 5))
    second = build_site(output, content=content, extra=extra)
    assert second.returncode == 0, second.stderr

    after_page = (output / "marchands/pixmania/index.html").read_text(encoding="utf-8")
    after = merchant(
        json.loads((output / "donnees/marchands.json").read_text(encoding="utf-8")), "pixmania"
    )
    assert after_page != before_page
    assert before["n_open"] == 1 and after["n_open"] == 0
    article = (output / PIXMANIA_PAGE).read_text(encoding="utf-8")
    assert article.count('<section class="case"') == 1
