"""Gate 3: no broken internal link and no broken #anchor (LinkChecker + AnchorCheck)."""

from __future__ import annotations

import csv
import io

import pytest

from tests.support.background import BackgroundJob
from tests.support.tools import require_linkchecker

pytestmark = pytest.mark.quality


def test_no_broken_internal_link_or_anchor(link_check: BackgroundJob | None) -> None:
    """LinkChecker (tests/quality/linkcheckerrc) crawls the served production site in the
    background (the ``link_check`` fixture); this test reads its rows."""
    require_linkchecker()
    assert link_check is not None, "LinkChecker did not start"
    result = link_check.result(timeout=900)
    if result.returncode not in (0, 1):  # 1 = broken links or warnings, 2 = program error
        pytest.fail(f"linkchecker failed (exit {result.returncode}):\n{result.stderr[-3000:]}")
    # No "#" comment filter: a row may start with "#fragment".
    rows = [
        row
        for row in csv.DictReader(io.StringIO(result.stdout), delimiter=";")
        if row.get("valid") is not None
    ]
    failures = [
        f"{row['parentname'] or '(start)'}:{row['line']}:{row['column']}: {row['urlname']} -> "
        f"{row['result']} {row['warningstring']}".rstrip()
        for row in rows
        if row.get("valid") != "True" or (row.get("warningstring") or "").strip()
    ]
    summary = [line for line in result.stdout.splitlines() if "links in" in line or "found" in line]
    print("\n".join(summary + failures))
    assert rows or result.returncode == 0, f"no CSV row parsed:\n{result.stdout[-2000:]}"
    assert not failures, f"{len(failures)} broken links or anchors:\n" + "\n".join(failures)
    assert result.returncode == 0, f"linkchecker exit {result.returncode}:\n{result.stdout[-3000:]}"
