"""Gate 1: every HTML page and every stylesheet of the site passes the Nu Html Checker."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.support.tools import VNU_JAR, require_executable, require_file

pytestmark = pytest.mark.quality


def test_html_and_css_are_valid(built_site: Path) -> None:
    java = require_executable("java")
    jar = require_file(VNU_JAR, "vnu.jar (npm package vnu-jar)")
    html = sorted(built_site.rglob("*.html"))
    css = sorted(built_site.rglob("*.css"))
    assert html, f"no .html file in {built_site}"
    # One JVM for all files: --also-check-css validates the .css files given too.
    cmd = [
        java,
        "-jar",
        str(jar),
        "--errors-only",
        "--format",
        "json",
        "--stdout",
        "--also-check-css",
        *map(str, html),
        *map(str, css),
    ]
    result = subprocess.run(cmd, capture_output=True, text=True, check=False)
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
