"""Fixtures of the quality gates: the site served over http on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.quality.tools import built_and_served


@pytest.fixture(scope="session")
def _site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A copy of the production site whose SITEURL is the local server, served over http."""
    output = tmp_path_factory.mktemp("served") / "output"
    with built_and_served(output) as base_url:
        yield base_url, output


@pytest.fixture(scope="session")
def served_site(_site_server: tuple[str, Path]) -> str:
    """Base URL (no trailing slash) of the production site served on 127.0.0.1."""
    return _site_server[0]


@pytest.fixture(scope="session")
def served_dir(_site_server: tuple[str, Path]) -> Path:
    """The folder that ``served_site`` serves."""
    return _site_server[1]
