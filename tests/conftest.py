"""Fixtures shared by every folder: the session's site builds, one browser, the quality
gates queued in the background (Lighthouse, LinkChecker, the Nu Html Checker, axe; their
tests run last), and the check that at most MAX_FULL_BUILDS full site builds ran
(tests/support/builds.py counts them)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.support import axe
from tests.support.background import BackgroundJob, BackgroundQueue
from tests.support.browsers import chromium
from tests.support.builds import MAX_FULL_BUILDS, SessionSite, full_builds, session_build
from tests.support.lighthouse import BackgroundLighthouse, tools_present
from tests.support.sample import TEST_LEGAL_VALUES
from tests.support.tools import (
    VNU_JAR,
    key_pages,
    linkchecker,
    linkchecker_command,
    vnu_command,
)


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
def background() -> Iterator[BackgroundQueue]:
    """The queue of the commands run in the background, one after another."""
    with BackgroundQueue() as queue:
        yield queue


def _key_urls(site: SessionSite) -> dict[str, str] | None:
    """{name: URL} of the key pages of a served site (None if one is missing)."""
    try:
        pages = key_pages(site.output)
    except AssertionError:
        return None
    return {name: f"{site.url}/{rel}" for name, rel in pages.items()}


@pytest.fixture(scope="session")
def lighthouse_run(
    production: SessionSite, background: BackgroundQueue, tmp_path_factory: pytest.TempPathFactory
) -> BackgroundLighthouse | None:
    """Lighthouse on the key pages of ``production``, queued in the background (None
    when a tool is missing or a key page is absent: the test says which)."""
    urls = _key_urls(production)
    if not tools_present() or urls is None:
        return None
    return BackgroundLighthouse(urls, tmp_path_factory.mktemp("lighthouse"), background)


@pytest.fixture(scope="session")
def axe_check(
    production: SessionSite, background: BackgroundQueue, tmp_path_factory: pytest.TempPathFactory
) -> BackgroundJob | None:
    """axe-core on the key pages of ``production``, queued in the background (None when
    a tool is missing or a key page is absent: the test says which)."""
    urls = _key_urls(production)
    if not axe.tools_present() or urls is None:
        return None
    return axe.axe_job(urls, tmp_path_factory.mktemp("axe"), background)


@pytest.fixture(scope="session")
def link_check(
    production: SessionSite, background: BackgroundQueue, tmp_path_factory: pytest.TempPathFactory
) -> BackgroundJob | None:
    """LinkChecker crawling the served ``production``, queued in the background (None
    when it is not installed: the test says so)."""
    program = linkchecker()
    if program is None:
        return None
    command = linkchecker_command(program, production.url)
    return background.add(command, tmp_path_factory.mktemp("linkchecker"))


@pytest.fixture(scope="session")
def html_check(
    production: SessionSite, background: BackgroundQueue, tmp_path_factory: pytest.TempPathFactory
) -> BackgroundJob | None:
    """The Nu Html Checker on every page and stylesheet of ``production``, queued in the
    background (None when java or vnu.jar is missing: the test says which)."""
    java = shutil.which("java")
    if java is None or not VNU_JAR.is_file():
        return None
    return background.add(vnu_command(java, production.output), tmp_path_factory.mktemp("vnu"))


#: The gates queued in the background, in the order they run: their test file, their
#: fixture. Lighthouse first: it measures speed, so it runs before anything else queued.
BACKGROUND_GATES = {
    "test_lighthouse.py": "lighthouse_run",
    "test_links.py": "link_check",
    "test_html_valid.py": "html_check",
    "test_accessibility.py": "axe_check",
}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The background gates' tests run last: by then their commands have run."""
    items.sort(key=lambda item: item.path.name in BACKGROUND_GATES)


@pytest.fixture(scope="session", autouse=True)
def _background_gates_start_first(request: pytest.FixtureRequest) -> None:
    """Queue the background gates whose test is selected before the first test runs
    (a failed build is reported by the tests that need it)."""
    selected = {item.path.name for item in request.session.items}
    for test_file, fixture in BACKGROUND_GATES.items():
        if test_file in selected:
            with contextlib.suppress(Exception, pytest.fail.Exception):
                request.getfixturevalue(fixture)


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
