"""Gate 5: Lighthouse (mobile preset, the default) scores >= 0.95 in four categories.

Lighthouse exits 0 whatever the scores, so the test reads its JSON report. The
scores are written into docs/quality.md (between the lighthouse markers).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.quality.tools import CHROME_FLAGS, LIGHTHOUSE, key_pages, require_chromium, require_file

pytestmark = pytest.mark.quality

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
THRESHOLD = 0.95
# Performance is measured (simulated throttling over a real trace) and varies a little
# from run to run: below the threshold, two more runs are made and the median is kept.
EXTRA_PERFORMANCE_RUNS = 2
REPORT = ROOT / "docs" / "quality.md"
START, END = "<!-- lighthouse:start -->", "<!-- lighthouse:end -->"


def _command(url: str, output: Path) -> list[str]:
    return [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        f"--output-path={output}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(CHROME_FLAGS)}",
    ]


def _run(url: str, output: Path, chromium: Path) -> dict:
    env = {**os.environ, "CHROME_PATH": str(chromium)}
    result = subprocess.run(
        _command(url, output), env=env, capture_output=True, text=True, check=False, timeout=300
    )
    if result.returncode != 0 or not output.is_file():
        pytest.fail(
            f"lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-3000:]}"
        )
    report = json.loads(output.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        pytest.fail(f"lighthouse runtime error on {url}: {report['runtimeError']}")
    return report


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
        "CHROME_PATH=/usr/bin/chromium node_modules/.bin/lighthouse URL --output=json "
        f"--output-path=REPORT.json --quiet --only-categories={','.join(CATEGORIES)} "
        f'--chrome-flags="{" ".join(CHROME_FLAGS)}"'
    )
    header = "| page | URL | " + " | ".join(CATEGORIES) + " |"
    lines = [
        START,
        "",
        f"Measured on {today} ({versions}), mobile preset (Lighthouse's default),",
        "site served by `tests/quality` on 127.0.0.1:",
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


def test_lighthouse_scores(served_site: str, served_dir: Path, tmp_path: Path) -> None:
    chromium = require_chromium()
    require_file(LIGHTHOUSE, "lighthouse (npm package lighthouse)")
    rows: dict[str, tuple[str, dict[str, float | None]]] = {}
    problems: list[str] = []
    versions = ""
    for name, rel in key_pages(served_dir).items():
        url = f"{served_site}/{rel}"
        report = _run(url, tmp_path / f"{name}.json", chromium)
        versions = f"Lighthouse {report['lighthouseVersion']}, {report['environment']['hostUserAgent'].split(') ')[-1]}"
        assert report["configSettings"]["formFactor"] == "mobile"
        scores = _scores(report)
        perf = scores["performance"]
        if perf is not None and perf < THRESHOLD:
            runs = [perf] + [
                _scores(_run(url, tmp_path / f"{name}-{i}.json", chromium))["performance"]
                for i in range(EXTRA_PERFORMANCE_RUNS)
            ]
            scores["performance"] = statistics.median(s or 0 for s in runs)
        rows[name] = (rel, scores)
        low = {c: s for c, s in scores.items() if s is None or s < THRESHOLD}
        print(f"{name} /{rel}: {scores}")
        if low:
            problems.append(f"{name} /{rel}: {low}")
            problems += _failing_audits(report)
    _write_report(rows, versions)
    assert not problems, f"Lighthouse scores below {THRESHOLD}:\n" + "\n".join(problems)
