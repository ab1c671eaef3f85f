"""Gate 4: axe-core finds no WCAG 2.1 A/AA violation on the key pages (one per page type).

axe runs in the background from the start of the session (the ``axe_check`` fixture,
tests/support/axe.py: Node and puppeteer-core drive Debian's chromium, no browser
download); axe.min.js comes from node_modules (npm package axe-core, pinned in
package-lock.json). This test reads its results.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.axe import PUPPETEER
from tests.support.background import BackgroundJob
from tests.support.tools import (
    AXE_JS,
    key_pages,
    require_chromium,
    require_executable,
    require_file,
)

pytestmark = pytest.mark.quality


def _format(page: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        lines.append(f"{page}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            target = " ".join(map(str, node.get("target", [])))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {node.get('html', '')[:200]}\n        {summary}")
    return lines


def test_key_pages_have_no_wcag_violation(
    axe_check: BackgroundJob | None, site_url: str, built_site: Path
) -> None:
    require_chromium()
    require_executable("node")
    require_file(AXE_JS, "axe-core (npm package axe-core)")
    require_file(PUPPETEER, "puppeteer-core (npm package puppeteer-core)")
    pages = key_pages(built_site)
    assert axe_check is not None, "axe did not start"
    done = axe_check.result()
    assert done.returncode == 0, f"axe failed (exit {done.returncode}):\n{done.stderr[-3000:]}"
    audited = json.loads(done.stdout)
    assert {name: page["url"] for name, page in audited.items()} == {
        name: f"{site_url}/{rel}" for name, rel in pages.items()
    }
    report: list[str] = []
    counts: dict[str, int] = {}
    for name, rel in pages.items():
        page = audited[name]
        assert page["status"] == 200, f"{page['url']}: HTTP {page['status']}"
        counts[name] = len(page["violations"])
        report += _format(f"{name} /{rel}", page["violations"])
    print(json.dumps(counts, indent=1))
    print("\n".join(report))
    assert not any(counts.values()), "axe violations (WCAG 2.1 A/AA):\n" + "\n".join(report)
