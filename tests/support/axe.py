"""axe-core on the key pages in the background (``axe_pages.mjs``: Node, one Chromium
driven by puppeteer-core, the WCAG 2.1 A and AA rules). Queued only when every tool is
there: the test itself fails, with the install command, when one is missing."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.support.background import BackgroundJob, BackgroundQueue
from tests.support.tools import (
    AXE_JS,
    CHROME_FLAGS,
    CHROMIUM,
    NODE_MODULES,
    WITHOUT_SCRIPTS,
    chromium_present,
)

SCRIPT = Path(__file__).with_name("axe_pages.mjs")
PUPPETEER = NODE_MODULES / "puppeteer-core" / "package.json"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def tools_present() -> bool:
    return (
        chromium_present()
        and AXE_JS.is_file()
        and PUPPETEER.is_file()
        and shutil.which("node") is not None
    )


def axe_job(pages: dict[str, str], folder: Path, background: BackgroundQueue) -> BackgroundJob:
    """Queue axe on ``pages`` ({name: URL}); the job prints {name: {url, status,
    violations}} as JSON."""
    job = {
        "chromePath": str(CHROMIUM),
        "chromeFlags": CHROME_FLAGS,
        "axePath": str(AXE_JS),
        "tags": AXE_TAGS,
        "pages": [
            {"name": name, "url": url, "scripts": name not in WITHOUT_SCRIPTS}
            for name, url in pages.items()
        ],
    }
    return background.add_node_script(SCRIPT, job, folder)
