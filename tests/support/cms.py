"""The editing form in tests: Decap CMS's backend and admin page on free loopback ports,
writing into a project copy, and the few gestures an editor makes in it."""

from __future__ import annotations

import contextlib
import socket
import time
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
        yield Form(f"http://{form.LOOPBACK}:{admin_port}/", project)
    finally:
        if admin is not None:
            admin.shutdown()
            admin.server_close()
        form.stop(backend)


def logged_in(page: Any, admin: Form) -> Any:
    """Open the admin page and press « Se connecter » (the local backend asks nothing)."""
    page.goto(admin.url)
    page.get_by_role("button", name="Se connecter").click()
    page.get_by_text("Collections").first.wait_for()
    return page


def open_entry(page: Any, url: str) -> None:
    page.goto(url)
    page.get_by_text(
        "Titre", exact=False
    ).first.wait_for() if "marchands" not in url and "auteurs" not in url else page.get_by_text(
        "Nom"
    ).first.wait_for()


def publish(page: Any) -> None:
    """« Publier » then « Publier maintenant », and wait until it is saved."""
    page.get_by_role("button", name="Publier").first.click()
    page.get_by_text("Publier maintenant").click()
    page.get_by_text("Modifications enregistrées").first.wait_for(timeout=20_000)


def wait_for_file(path: Path, timeout: float = 10) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.is_file():
            return path.read_text(encoding="utf-8")
        time.sleep(0.05)
    raise AssertionError(f"{path} was not written")
