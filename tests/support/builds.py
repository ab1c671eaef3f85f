"""Site builds for the tests, and the count of full site builds in a session.

Every build helper runs inside :func:`counted`: a build over the sample site's whole
content (``content/``, or a copy made by :func:`tests.support.content.copy_content`)
that changed its output folder is a full site build. ``tests/conftest.py`` fails the
session when more than :data:`MAX_FULL_BUILDS` ran. :func:`observed_build` also reports
what the build did: its output plan, the processes it forked, what it changed in
Pelican (``tests/support/observed_pelican.py``).
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.support.sample import CONTENT, ROOT, TEST_SITEURL
from tests.support.serve import served

MAX_FULL_BUILDS = 10
#: ``run_pelican(content, *, config="pelicanconf.py", **overrides) -> output``
RunPelican = Callable[..., Path]
_full_contents: set[Path] = {CONTENT.resolve()}
_full_builds: list[str] = []


def register_full_content(content: Path) -> Path:
    """Note that ``content`` holds the whole sample content (a copy or a variant)."""
    _full_contents.add(content.resolve())
    return content


def is_full_content(content: Path) -> bool:
    return content.resolve() in _full_contents


def full_builds() -> list[str]:
    """What each full site build of this session was, in order."""
    return list(_full_builds)


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    if not folder.is_dir():
        return {}
    return {
        str(path): (stat.st_mtime_ns, stat.st_size)
        for path in folder.rglob("*")
        if path.is_file() and (stat := path.stat())
    }


@contextlib.contextmanager
def counted(content: Path, output: Path, what: str) -> Iterator[None]:
    """Count the build run in the block if ``content`` is whole and ``output`` changed."""
    full = is_full_content(content)
    before = _files(output) if full else {}
    try:
        yield
    finally:
        if full and _files(output) != before:
            _full_builds.append(what)


def build_env(siteurl: str | None = None, env: Mapping[str, str | None] | None = None) -> dict:
    """This process's environment with SITEURL set, plus ``env`` (None removes a name)."""
    merged: dict[str, str | None] = {
        **os.environ,
        "SITEURL": siteurl or TEST_SITEURL,
        "COLUMNS": "300",
        **(env or {}),
    }
    return {key: value for key, value in merged.items() if value is not None}


def pelican_arguments(
    content: Path, output: Path, settings: str | Path, extra: Mapping[str, str] | None
) -> list[str]:
    arguments = [str(content), "-o", str(output), "-s", str(ROOT / settings)]
    if extra:  # one -e with every pair: argparse keeps only the last -e
        arguments += ["-e", *(f"{key}={value}" for key, value in extra.items())]
    return arguments


def build_site(
    output: Path,
    *,
    settings: str | Path = "publishconf.py",
    content: Path | None = None,
    extra: Mapping[str, str] | None = None,
    siteurl: str | None = None,
    fatal: str | None = None,
    env: Mapping[str, str | None] | None = None,
    cwd: Path = ROOT,
    what: str = "",
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pelican`` in a subprocess, as ``invoke build`` does.

    ``settings`` is relative to the repository (or absolute); ``siteurl`` replaces
    TEST_SITEURL (publishconf.py reads SITEURL); ``cwd``: where publishconf.py finds
    the pelicanconf.py it imports.
    """
    content = content or CONTENT
    command = [
        sys.executable,
        "-m",
        "pelican",
        *pelican_arguments(content, output, settings, extra),
    ]
    if fatal:
        command += ["--fatal", fatal]
    with counted(content, output, what or f"pelican {Path(settings).name} → {output}"):
        return subprocess.run(
            command,
            cwd=cwd,
            env=build_env(siteurl, env),
            capture_output=True,
            text=True,
            check=False,
        )


@dataclass
class BuildReport:
    """What ``observed_pelican`` saw of one build."""

    finished: bool
    plan: dict[str, str] | None
    forks: int
    pelicans_url_formatting: bool | None  # Content's URL formatting was Pelican's own
    listings: int  # tag, category and author lists of the articles generator
    plain_listings: int  # of them, plain Python lists

    def changes_to_pelican(self) -> list[str]:
        """What the build changed of Pelican's own build ([] for Pelican untouched)."""
        changes = []
        if self.forks:
            changes.append(f"{self.forks} processes forked")
        if self.pelicans_url_formatting is not True:
            changes.append("URLs not formatted by Pelican's own Content._expand_settings")
        if self.plain_listings != self.listings:
            changes.append(f"{self.listings - self.plain_listings} listings are not lists")
        return changes


def observed_build(
    output: Path,
    *,
    settings: str = "publishconf.py",
    content: Path | None = None,
    extra: Mapping[str, str] | None = None,
    siteurl: str | None = None,
    what: str = "",
) -> tuple[subprocess.CompletedProcess[str], BuildReport]:
    """``build_site`` through ``observed_pelican``: the result and the build's report."""
    content = content or CONTENT
    report_file = output.parent / f"{output.name}-build.json"
    command = [
        sys.executable,
        "-m",
        "tests.support.observed_pelican",
        str(report_file),
        *pelican_arguments(content, output, settings, extra),
    ]
    with counted(content, output, what or f"pelican {settings} → {output}"):
        result = subprocess.run(
            command,
            cwd=ROOT,
            env=build_env(siteurl),
            capture_output=True,
            text=True,
            check=False,
        )
    assert report_file.is_file(), result.stdout + result.stderr
    report = BuildReport(**json.loads(report_file.read_text(encoding="utf-8")))
    return result, report


def run_in_process(
    content: Path, output: Path, *, config: str = "pelicanconf.py", **overrides: Any
) -> Path:
    """``Pelican(settings).run()`` in this process with a settings file and overrides."""
    from pelican import Pelican
    from pelican.settings import read_settings

    override = {"PATH": str(content), "OUTPUT_PATH": str(output), **overrides}
    settings = read_settings(str(ROOT / config), override=override)
    with counted(content, output, f"in process {config} → {output}"):
        Pelican(settings).run()
    return output


def plan_and_written(output: Path, plan: Mapping[str, str]) -> tuple[dict[str, str], set[str]]:
    """The plan and the files a build wrote, Pagefind's files as its one entry point.

    Pagefind names its files by content hash: the plan holds its entry point only.
    """
    from complaints.edge.search_index import SEARCH_ENTRY, SEARCH_OUTPUT

    written = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    index_files = {path for path in written if path.startswith(f"{SEARCH_OUTPUT}/")}
    assert SEARCH_ENTRY in plan and SEARCH_ENTRY in index_files
    return dict(plan), (written - index_files) | {SEARCH_ENTRY}


@dataclass(frozen=True)
class SessionSite:
    """One shared build: its output folder, its SITEURL, what the build did."""

    output: Path
    url: str
    report: BuildReport


@contextlib.contextmanager
def session_build(
    output: Path, what: str, *, serve: bool, siteurl: str | None = None, **options: Any
) -> Iterator[SessionSite]:
    """An observed build into ``output``; with ``serve``, served on 127.0.0.1 during the
    block, its address being its SITEURL. Fails the tests using it if the build fails."""
    with served(output) if serve else contextlib.nullcontext(siteurl or TEST_SITEURL) as url:
        result, report = observed_build(output, siteurl=url, what=what, **options)
        if result.returncode != 0 or not report.finished:
            pytest.fail(f"{what}: the build failed:\n{result.stdout}\n{result.stderr}")
        yield SessionSite(output, url, report)
