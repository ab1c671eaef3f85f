"""Fixtures of the quality gates: the site served over http on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import build_site
from tests.quality.tools import start_server


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A copy of the production site whose SITEURL is the local server, served over http.

    The server socket is bound first (free port chosen by the OS), then the site is
    built with SITEURL=http://127.0.0.1:PORT, so every absolute link is internal.
    """
    output = tmp_path_factory.mktemp("served") / "output"
    output.mkdir()
    server, thread = start_server(output)
    port = server.server_address[1]
    base_url = f"http://127.0.0.1:{port}"
    result = build_site(output, siteurl=base_url)
    if result.returncode != 0:
        server.server_close()
        pytest.fail(f"site build (SITEURL={base_url}) failed:\n{result.stdout}\n{result.stderr}")
    thread.start()
    try:
        yield base_url, output
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def served_site(_site_server: tuple[str, Path]) -> str:
    """Base URL (no trailing slash) of the production site served on 127.0.0.1."""
    return _site_server[0]


@pytest.fixture(scope="session")
def served_dir(_site_server: tuple[str, Path]) -> Path:
    """The folder that ``served_site`` serves."""
    return _site_server[1]
