"""The editing form in tests: Decap CMS's backend and admin page on free loopback ports,
writing into a project copy, and the few gestures an editor makes in it."""

from __future__ import annotations

import contextlib
import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sitebuild import cms as form
from tests.support.sample import ROOT
from tests.support.tools import require_executable, require_file

COLLECTIONS = {  # content folder -> collection name (admin/config.yml)
    "temoignages/temoignages": "temoignages-temoignages",
    "temoignages/enquetes": "temoignages-enquetes",
    "temoignages/analyses": "temoignages-analyses",
    "merchants": "marchands",
    "authors": "auteurs",
}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((form.LOOPBACK, 0))
        return probe.getsockname()[1]


@dataclass
class Form:
    """The running form: its admin URL, the project it writes into."""

    url: str
    project: Path
    backend: str

    def entry_url(self, relative: str) -> str:
        """The editor's URL of a content file (``temoignages/temoignages/x.md``)."""
        folder, _, name = relative.rpartition("/")
        return f"{self.url}#/collections/{COLLECTIONS[folder]}/entries/{name[:-3]}"

    def new_url(self, folder: str) -> str:
        return f"{self.url}#/collections/{COLLECTIONS[folder]}/new"


@contextlib.contextmanager
def running_form(project: Path) -> Iterator[Form]:
    """decap-server and the admin page for ``project``, stopped at the end."""
    require_executable("node")
    require_file(ROOT / form.SERVER, "decap-server")
    require_file(ROOT / form.BUNDLE / "decap-cms.js", "decap-cms")
    backend_port, admin_port = free_port(), free_port()
    backend = form.start_backend(ROOT, project, backend_port)
    admin = None
    try:
        url = form.backend_url(backend_port)
        form.wait_until_up(url, backend)
        admin = form.admin_server(ROOT, admin_port, url)
        form.serve_in_background(admin)
        yield Form(f"http://{form.LOOPBACK}:{admin_port}/", project, url)
    finally:
        if admin is not None:
            admin.shutdown()
            admin.server_close()
        form.stop(backend)


def logged_in(page: Any, admin: Form) -> Any:
    """Open the admin page and press « Se connecter » (the local backend asks nothing)."""
    page.goto(admin.url)
    login = page.get_by_role("button", name="Se connecter")
    collections = page.get_by_role("link", name=re.compile("Témoignages")).first
    login.or_(collections).first.wait_for()
    if login.is_visible():
        login.click()
    collections.wait_for()
    return page
