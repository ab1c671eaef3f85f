"""Fixtures of the site tests: the variant content (tests/support/variant.py) built
once with publishconf.py and once with pelicanconf.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.builds import SessionSite, session_build
from tests.support.variant import make_variant


@pytest.fixture(scope="session")
def variant_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_variant(tmp_path_factory.mktemp("variant") / "content")


@pytest.fixture(scope="session")
def variant_production(
    variant_content: Path, tmp_path_factory: pytest.TempPathFactory, legal_values: dict
) -> Iterator[SessionSite]:
    """The variant built with publishconf.py (SITEURL: TEST_SITEURL, not served)."""
    folder = tmp_path_factory.mktemp("variant-production") / "output"
    with session_build(folder, "variant, production", serve=False, content=variant_content) as site:
        yield site


@pytest.fixture(scope="session")
def variant_development(
    variant_content: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SessionSite]:
    """The variant built with pelicanconf.py."""
    folder = tmp_path_factory.mktemp("variant-development") / "output"
    with session_build(
        folder,
        "variant, development",
        serve=False,
        content=variant_content,
        settings="pelicanconf.py",
    ) as site:
        yield site
