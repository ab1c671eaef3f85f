"""Gate 4: axe-core finds no WCAG 2.1 A/AA violation on the key pages (one per page type).

Python playwright drives Debian's chromium (no browser download; the session's one
browser); axe.min.js comes from node_modules (npm package axe-core, pinned in
package-lock.json).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.tools import AXE_JS, key_pages, require_file

pytestmark = pytest.mark.quality

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def _format(page: str, violations: list[dict]) -> list[str]:
    lines = []
    for v in violations:
        lines.append(f"{page}: [{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})")
        for node in v["nodes"]:
            target = " ".join(map(str, node.get("target", [])))
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    {target}: {node.get('html', '')[:200]}\n        {summary}")
    return lines


def test_key_pages_have_no_wcag_violation(browser, site_url: str, built_site: Path) -> None:
    axe = require_file(AXE_JS, "axe-core (npm package axe-core)").read_text(encoding="utf-8")
    pages = key_pages(built_site)
    report: list[str] = []
    counts: dict[str, int] = {}
    context = browser.new_context(locale="fr-FR")
    try:
        for name, rel in pages.items():
            url = f"{site_url}/{rel}"
            page = context.new_page()
            response = page.goto(url, wait_until="load")
            assert response is not None and response.ok, (
                f"{url}: HTTP {response and response.status}"
            )
            page.wait_for_load_state("networkidle")  # the search page's results
            page.add_script_tag(content=axe)
            results = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
                " resultTypes: ['violations']})",
                AXE_TAGS,
            )
            violations = results["violations"]
            counts[name] = len(violations)
            report += _format(f"{name} /{rel}", violations)
            page.close()
    finally:
        context.close()
    print(json.dumps(counts, indent=1))
    print("\n".join(report))
    assert not any(counts.values()), "axe violations (WCAG 2.1 A/AA):\n" + "\n".join(report)
