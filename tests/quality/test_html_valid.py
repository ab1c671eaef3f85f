"""Gate 1: every HTML page and every stylesheet of the site passes the Nu Html Checker."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.background import BackgroundJob
from tests.support.tools import VNU_JAR, require_executable, require_file, site_sources

pytestmark = pytest.mark.quality


def test_html_and_css_are_valid(html_check: BackgroundJob | None, built_site: Path) -> None:
    """vnu runs on the production site in the background (the
    ``html_check`` fixture); this test reads its JSON answer."""
    require_executable("java")
    require_file(VNU_JAR, "vnu.jar (npm package vnu-jar)")
    html, css = site_sources(built_site)
    assert html, f"no .html file in {built_site}"
    assert html_check is not None, "vnu did not start"
    assert html_check.command[-len(html) - len(css) :] == [*map(str, html), *map(str, css)]
    result = html_check.result()
    try:
        messages = json.loads(result.stdout)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(
            f"vnu did not answer JSON (exit {result.returncode}):\n"
            f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
        )
    errors = [m for m in messages if m.get("type") != "info"]
    lines = []
    for m in errors:
        url = m.get("url", "?")
        path = url.removeprefix("file:")
        if Path(path).is_relative_to(built_site):
            path = Path(path).relative_to(built_site).as_posix()
        line = m.get("lastLine", m.get("firstLine", "?"))
        col = m.get("firstColumn", m.get("lastColumn", "?"))
        lines.append(
            f"{path}:{line}:{col}: {m.get('type')}: {m.get('message')}\n"
            f"    {m.get('extract', '').strip()!r}"
        )
    print(f"vnu checked {len(html)} HTML and {len(css)} CSS files: {len(errors)} errors")
    print("\n".join(lines))
    assert not errors, f"{len(errors)} HTML/CSS errors (vnu):\n" + "\n".join(lines)
    assert result.returncode == 0, f"vnu exited {result.returncode}:\n{result.stderr[-3000:]}"
