"""Python playwright driving Debian's chromium (no browser download)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support.tools import CHROME_FLAGS, require_chromium


@contextlib.contextmanager
def chromium() -> Iterator[Any]:
    """A headless Chromium (playwright's Browser), closed at the end; fails if missing."""
    executable = require_chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail(
            "Python playwright is not installed: pip install -r requirements-test.txt",
            pytrace=False,
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(executable), args=CHROME_FLAGS)
        try:
            yield browser
        finally:
            browser.close()
