"""Fixtures shared by every folder: the session's site builds, one browser, Lighthouse
started in the background, and the check that at most MAX_FULL_BUILDS full site builds
ran (tests/support/builds.py counts them)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support.browsers import chromium
from tests.support.builds import MAX_FULL_BUILDS, SessionSite, full_builds, session_build
from tests.support.lighthouse import BackgroundLighthouse, tools_present
from tests.support.sample import TEST_LEGAL_VALUES
from tests.support.tools import key_pages


@pytest.fixture(scope="session", autouse=True)
def legal_values() -> Iterator[dict[str, str]]:
    """The legal notice's values in the environment of every build (tests may change it)."""
    with pytest.MonkeyPatch.context() as patch:
        for name, value in TEST_LEGAL_VALUES.items():
            patch.setenv(name, value)
        yield TEST_LEGAL_VALUES


@pytest.fixture(scope="session")
def production(
    tmp_path_factory: pytest.TempPathFactory, legal_values: dict[str, str]
) -> Iterator[SessionSite]:
    """The site built with publishconf.py, served on 127.0.0.1, SITEURL its address."""
    folder = tmp_path_factory.mktemp("production") / "output"
    with session_build(folder, "production, served", serve=True) as site:
        yield site


@pytest.fixture(scope="session")
def built_site(production: SessionSite) -> Path:
    """The output folder of ``production``."""
    return production.output


@pytest.fixture(scope="session")
def site_url(production: SessionSite) -> str:
    """SITEURL of ``production`` (no trailing slash), where it is served."""
    return production.url


@pytest.fixture(scope="session")
def untouched_production(
    production: SessionSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SessionSite]:
    """``production`` built again by Pelican untouched (PARALLEL=false), same SITEURL."""
    folder = tmp_path_factory.mktemp("untouched-production") / "output"
    with session_build(
        folder,
        "production, PARALLEL=false",
        serve=False,
        siteurl=production.url,
        extra={"PARALLEL": "false"},
    ) as site:
        yield site


@pytest.fixture(scope="session")
def development(
    tmp_path_factory: pytest.TempPathFactory, legal_values: dict[str, str]
) -> Iterator[SessionSite]:
    """The site built with pelicanconf.py (drafts, relative URLs), served on 127.0.0.1."""
    folder = tmp_path_factory.mktemp("development") / "output"
    with session_build(
        folder, "development, served", serve=True, settings="pelicanconf.py"
    ) as site:
        yield site


@pytest.fixture(scope="session")
def dev_site(development: SessionSite) -> Path:
    """The output folder of ``development``."""
    return development.output


@pytest.fixture(scope="session")
def untouched_development(
    development: SessionSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SessionSite]:
    """``development`` built again by Pelican untouched (PARALLEL=false)."""
    folder = tmp_path_factory.mktemp("untouched-development") / "output"
    with session_build(
        folder,
        "development, PARALLEL=false",
        serve=False,
        siteurl=development.url,
        settings="pelicanconf.py",
        extra={"PARALLEL": "false"},
    ) as site:
        yield site


@pytest.fixture(scope="session")
def split_site(
    tmp_path_factory: pytest.TempPathFactory, legal_values: dict[str, str]
) -> Iterator[SessionSite]:
    """The production site indexed in bundles of at most 4 pages (many bundles), served."""
    folder = tmp_path_factory.mktemp("split") / "output"
    with session_build(
        folder,
        "production, search bundles of 4 pages, served",
        serve=True,
        extra={"COMPLAINTS_SEARCH_BUNDLE_PAGES": "4"},
    ) as site:
        yield site


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium for every browser test of the session."""
    with chromium() as browser:
        yield browser


@pytest.fixture(scope="session")
def lighthouse_run(
    production: SessionSite, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BackgroundLighthouse | None]:
    """Lighthouse on the key pages of ``production``, running in the background (None
    when a tool is missing or a key page is absent: the test says which)."""
    if not tools_present():
        yield None
        return
    try:
        pages = key_pages(production.output)
    except AssertionError:
        yield None
        return
    urls = {name: f"{production.url}/{rel}" for name, rel in pages.items()}
    run = BackgroundLighthouse(urls, tmp_path_factory.mktemp("lighthouse"))
    try:
        yield run
    finally:
        run.stop()


@pytest.fixture(scope="session", autouse=True)
def _background_audits_start_first(request: pytest.FixtureRequest) -> None:
    """Start Lighthouse before the first test when its test is selected."""
    if any(item.path.name == "test_lighthouse.py" for item in request.session.items):
        with contextlib.suppress(Exception, pytest.fail.Exception):
            request.getfixturevalue("lighthouse_run")


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Fail the session when more than MAX_FULL_BUILDS full site builds ran."""
    builds = full_builds()
    if not builds:
        return
    lines = [f"{len(builds)} full site builds (at most {MAX_FULL_BUILDS}):"]
    lines += [f"  {number}. {what}" for number, what in enumerate(builds, 1)]
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    if len(builds) > MAX_FULL_BUILDS:
        lines.append(f"FAILED: more than {MAX_FULL_BUILDS} full site builds in one session")
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    if reporter is not None:
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)
