"""livereload's server, showing the build's problems in the browser while they last.

When the last build failed, every page request gets an HTTP 500 page in French listing
what the build printed (the problems), with the livereload script like any page: the
browser tab reloads by itself when the next save builds again, and shows the site as
soon as a build succeeds. Other files (CSS, images) are served from the previous site.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from livereload import Server
from livereload.handlers import StaticFileHandler


@dataclass
class LastBuild:
    """The report of the last build: empty when it succeeded."""

    report: str = ""

    def succeeded(self) -> None:
        self.report = ""

    def failed(self, report: str) -> None:
        self.report = report or "La construction a échoué (aucun message)."


def is_page(path: str) -> bool:
    """True for the requests a browser tab shows as a page."""
    return (
        path == ""
        or path.endswith("/")
        or path.endswith(".html")
        or "." not in path.rsplit("/", 1)[-1]
    )


def problem_page(report: str) -> str:
    """The French HTML page listing a failed build's messages."""
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        "<title>La construction a échoué</title></head><body>"
        "<h1>La construction a échoué</h1>"
        "<p>Corrigez le fichier et enregistrez : cette page se recharge toute seule.</p>"
        f"<pre>{html.escape(report)}</pre></body></html>\n"
    )


def problem_aware_handler(last: LastBuild) -> type[StaticFileHandler]:
    """livereload's static file handler, answering page requests with the problems."""

    class ProblemAwareHandler(StaticFileHandler):
        async def get(self, path: str, include_body: bool = True) -> None:
            if last.report and is_page(path):
                self.set_status(500)
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.set_header("Cache-Control", "no-store")
                self.finish(problem_page(last.report))
                return
            await super().get(path, include_body)

    return ProblemAwareHandler


def live_server(last: LastBuild) -> Server:
    """A livereload Server whose pages show ``last``'s problems while it failed."""
    server = Server()
    server.SFH = problem_aware_handler(last)
    return server
