"""Gate 5: Lighthouse (mobile preset, the default) scores >= 0.95 in four categories.

Lighthouse runs in the background from the start of the session (the
``lighthouse_run`` fixture, tests/support/lighthouse.py: one Chromium for every key
page); this test waits for it and reads the JSON reports (Lighthouse passes whatever
the scores). The scores are written into docs/quality.md (between the markers).
"""

from __future__ import annotations

import datetime as dt
import statistics
from pathlib import Path

import pytest

from tests.support.lighthouse import CATEGORIES, THRESHOLD, BackgroundLighthouse
from tests.support.sample import ROOT
from tests.support.tools import (
    CHROME_FLAGS,
    LIGHTHOUSE,
    WITHOUT_SCRIPTS,
    key_pages,
    require_chromium,
    require_executable,
    require_file,
)

pytestmark = pytest.mark.quality

REPORT = ROOT / "docs" / "quality.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"


def _scores(report: dict) -> dict[str, float | None]:
    return {c: report["categories"][c]["score"] for c in CATEGORIES}


def _failing_audits(report: dict) -> list[str]:
    lines = []
    for cid in CATEGORIES:
        for ref in report["categories"][cid]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                value = audit.get("displayValue") or ""
                lines.append(
                    f"    {cid}: {ref['id']} score={audit['score']} {value} — {audit['title']}"
                )
    return lines


def _write_report(rows: dict[str, tuple[str, dict[str, float | None]]], versions: str) -> None:
    today = dt.datetime.now(dt.UTC).date().isoformat()
    command = (
        "node tests/support/lighthouse_pages.mjs JOB.json  # lighthouse(url, {port, "
        f"output: 'json', onlyCategories: [{', '.join(CATEGORIES)}], "
        "disableFullPageScreenshot: true}), one Chromium with "
        f"{' '.join(CHROME_FLAGS)}"
    )
    header = "| page | URL | " + " | ".join(CATEGORIES) + " |"
    lines = [
        START,
        "",
        f"Measured on {today} ({versions}), mobile preset (Lighthouse's default),",
        "site served by `tests/conftest.py` on 127.0.0.1 while the other tests run:",
        "",
        f"    {command}",
        "",
        header,
        "|" + "---|" * (len(CATEGORIES) + 2),
    ]
    for name, (rel, scores) in rows.items():
        cells = [("—" if s is None else f"{round(s * 100)}") for s in scores.values()]
        lines.append(f"| {name} | `/{rel}` | " + " | ".join(cells) + " |")
    lines += ["", f"Threshold: every score ≥ {round(THRESHOLD * 100)}.", "", END]
    block = "\n".join(lines)
    text = REPORT.read_text(encoding="utf-8") if REPORT.is_file() else "# Quality gates\n"
    if START in text and END in text:
        before, rest = text.split(START, 1)
        text = before + block + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n## Lighthouse scores\n\n" + block + "\n"
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(text, encoding="utf-8")


def test_lighthouse_scores(
    lighthouse_run: BackgroundLighthouse | None, built_site: Path, site_url: str
) -> None:
    require_chromium()
    require_file(LIGHTHOUSE, "lighthouse (npm package lighthouse)")
    require_executable("node")
    pages = key_pages(built_site)
    assert lighthouse_run is not None, "Lighthouse did not start"
    assert lighthouse_run.pages == {name: f"{site_url}/{rel}" for name, rel in pages.items()}
    status, printed = lighthouse_run.wait()
    rows: dict[str, tuple[str, dict[str, float | None]]] = {}
    problems: list[str] = []
    versions = ""
    for name, rel in pages.items():
        url = f"{site_url}/{rel}"
        reports = lighthouse_run.reports(name)
        if not reports:
            pytest.fail(f"lighthouse failed on {url} (exit {status}):\n{printed[-3000:]}")
        report = reports[0]
        if report.get("runtimeError"):
            pytest.fail(f"lighthouse runtime error on {url}: {report['runtimeError']}")
        versions = f"Lighthouse {report['lighthouseVersion']}, {report['environment']['hostUserAgent'].split(') ')[-1]}"
        assert report["configSettings"]["formFactor"] == "mobile"
        blocked = ["*.js"] if name in WITHOUT_SCRIPTS else None
        assert report["configSettings"].get("blockedUrlPatterns") == blocked, name
        assert report["finalDisplayedUrl"].startswith(site_url)
        scores = _scores(report)
        perf = scores["performance"]
        if perf is not None and perf < THRESHOLD:  # measured twice more: the median
            again, said = lighthouse_run.measure_again(name)
            assert again == 0, f"lighthouse failed on {url}:\n{said[-3000:]}"
            reports = lighthouse_run.reports(name)
            assert len(reports) == 3, f"{name}: {len(reports)} performance runs"
            runs = [_scores(again)["performance"] for again in reports]
            scores["performance"] = statistics.median(s or 0 for s in runs)
        rows[name] = (rel, scores)
        low = {c: s for c, s in scores.items() if s is None or s < THRESHOLD}
        print(f"{name} /{rel}: {scores}")
        if low:
            problems.append(f"{name} /{rel}: {low}")
            problems += _failing_audits(report)
    _write_report(rows, versions)
    assert status == 0, f"lighthouse exited {status}:\n{printed[-3000:]}"
    assert not problems, f"Lighthouse scores below {THRESHOLD}:\n" + "\n".join(problems)
