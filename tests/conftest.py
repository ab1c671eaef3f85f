"""Shared fixtures: the production site, built once per test session."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TEST_SITEURL = "https://allo-cest-fini.example"

# The production build refuses the legal notice while a value is still "[À COMPLÉTER";
# publishconf.py reads the real ones from the environment. Every build a test starts
# (subprocesses inherit this environment) gets stand-in values, unless a test sets or
# removes them itself.
TEST_LEGAL_VALUES = {
    "LEGAL_PUBLISHER_ADDRESS": "Siège de l’association (valeur de test)",
    "LEGAL_DIRECTOR": "Présidence de l’association (valeur de test)",
    "LEGAL_HOST": "Hébergeur de test",
}
for _name, _value in TEST_LEGAL_VALUES.items():
    os.environ.setdefault(_name, _value)


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
