"""Screenshots of the key pages at phone and desktop widths, light and dark.

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Builds the site with pelicanconf.py into a temporary folder, serves it on a free port
of 127.0.0.1, and drives Debian's chromium through Playwright (the flags of the quality
gates: nothing calls the network). Writes ``<page>-<width>-<scheme>.png`` (full page)
and prints, for each shot, any element wider than the viewport; exits 1 when the page
scrolls sideways, so a cut or overflowing layout is not missed.
"""

from __future__ import annotations

import argparse
import functools
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # the quality gates' chromium and flags, one definition
from tests.quality.tools import CHROME_FLAGS as FLAGS  # noqa: E402
from tests.quality.tools import CHROMIUM  # noqa: E402

PAGES = {
    "une": "",
    "temoignage-pixmania": "2009/07/pixmania-camescope-livre-chez-un-autre/",
    "marchand-pixmania": "marchands/pixmania/",
    "marchand-techno-bazar-lunaire": "marchands/techno-bazar-lunaire/",
    "marchands": "marchands/",
}
WIDTHS = (390, 1280)
SCHEMES = ("light", "dark")
OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (box.width > 0 && box.right > width + 1 && !el.closest(".table-scroll, pre")) {
      wide.push(el.tagName.toLowerCase() + (el.className ? "." + el.className : ""));
    }
  }
  return {scrolls: document.documentElement.scrollWidth > width, wide: wide.slice(0, 5)};
}"""


def build(output: Path) -> None:
    """Build the site with the development settings (relative URLs)."""
    command = [sys.executable, "-m", "pelican", "content", "-o", str(output)]
    subprocess.run([*command, "-s", "pelicanconf.py", "-q"], cwd=ROOT, check=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """No access log on the console."""


def serve(folder: Path) -> ThreadingHTTPServer:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def shoot(base: str, out: Path) -> list[str]:
    """Take every screenshot; return the problems found (sideways scrolling)."""
    problems = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        for scheme in SCHEMES:
            for width in WIDTHS:
                page = browser.new_page(
                    viewport={"width": width, "height": 900}, color_scheme=scheme
                )
                for name, path in PAGES.items():
                    page.goto(f"{base}/{path}", wait_until="load")
                    target = out / f"{name}-{width}-{scheme}.png"
                    page.screenshot(path=str(target), full_page=True)
                    found = page.evaluate(OVERFLOWING)
                    if found["scrolls"] or found["wide"]:
                        problems.append(f"{target.name}: {found}")
                page.close()
        browser.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        output = Path(tmp) / "output"
        build(output)
        server = serve(output)
        try:
            problems = shoot(f"http://127.0.0.1:{server.server_address[1]}", args.out)
        finally:
            server.shutdown()
    for problem in problems:
        print("overflow:", problem)
    print(f"{len(PAGES) * len(WIDTHS) * len(SCHEMES)} screenshots in {args.out}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
