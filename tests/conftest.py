"""Shared fixtures: the production site, built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_SITEURL = "https://allo-cest-fini.example"


def build_site(
    output: Path,
    *,
    settings: str = "publishconf.py",
    content: Path | None = None,
    extra: dict[str, str] | None = None,
    siteurl: str | None = None,
    fatal: str | None = None,
) -> subprocess.CompletedProcess[str]:
    """Run Pelican in a subprocess, as `invoke build` does, and return the result.

    ``siteurl`` replaces TEST_SITEURL (publishconf.py reads the SITEURL variable):
    the quality gates build a copy whose links point at their local HTTP server.
    """
    cmd = [
        sys.executable,
        "-m",
        "pelican",
        str(content or ROOT / "content"),
        "-o",
        str(output),
        "-s",
        str(ROOT / settings),
    ]
    if fatal:
        cmd += ["--fatal", fatal]
    if extra:  # one -e with every pair: argparse keeps only the last -e
        cmd += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    env = {**os.environ, "SITEURL": siteurl or TEST_SITEURL, "COLUMNS": "300"}
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The whole site built with publishconf.py into a temporary folder."""
    output = tmp_path_factory.mktemp("site") / "output"
    result = build_site(output)
    if result.returncode != 0:
        pytest.fail(f"site build failed:\n{result.stdout}\n{result.stderr}")
    return output
