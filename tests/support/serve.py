"""A folder served over http on 127.0.0.1 by a process of its own.

``python -m tests.support.serve FOLDER`` binds a free port, prints it, then serves the
folder (static files only: no directory listing, no log lines). :func:`served` starts
it and yields the base URL before anything needs to exist in the folder, so a build
can take that URL as its SITEURL. Its own process keeps the answers' timing
independent of what the tests do meanwhile (Lighthouse measures it).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from tests.support.sample import ROOT


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Static files only: no directory listing, no log lines on stderr."""

    def list_directory(self, path):
        self.send_error(404, "No directory listing")
        return None

    def log_message(self, format, *args):
        pass

    def end_headers(self) -> None:
        # LinkChecker limits itself to 10 requests/s unless the server answers with
        # this header (linkcheck/checker/httpurl.py): the local server allows more.
        self.send_header("LinkChecker", "local quality gate")
        super().end_headers()


@contextlib.contextmanager
def served(folder: Path) -> Iterator[str]:
    """Serve ``folder`` (created if absent) on 127.0.0.1; yield ``http://127.0.0.1:PORT``."""
    folder.mkdir(parents=True, exist_ok=True)
    server = subprocess.Popen(
        [sys.executable, "-m", "tests.support.serve", str(folder)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        port = server.stdout.readline().strip()
        assert port.isdigit(), f"the server of {folder} did not start"
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(folder: str) -> None:
    handler = functools.partial(QuietHandler, directory=folder)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main(sys.argv[1])
