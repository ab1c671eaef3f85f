"""`invoke livereload` (on a project copy with the tiny content) shows a broken save's
problems in the browser and recovers."""

from __future__ import annotations

import http.client
import signal
import socket
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.support.content import copy_project, replace_in
from tests.support.sample import PIXMANIA
from tests.support.tasks import StartedTask, start_task, task_env

PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
    except (OSError, http.client.HTTPException):  # the server restarting mid-answer
        return 0, ""


def wait_for_status(url: str, status: int, text: str = "", timeout: float = 60) -> str:
    """The page once it answers ``status`` with ``text`` in it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code, body = fetch(url)
        if code == status and text in body:
            return body
        time.sleep(0.3)
    raise AssertionError(f"{url} never answered {status} with {text!r} (last: {code})")


def start_livereload(tmp_path: Path) -> tuple[Path, StartedTask, str]:
    """`invoke livereload` in a copy of the project: the copy, the task, the page's URL."""
    project = copy_project(tmp_path / "project", tiny=True)
    port = free_port()
    server = start_task(project, "livereload", task_env(HOST="127.0.0.1", PORT=str(port)))
    return project, server, f"http://127.0.0.1:{port}/{PAGE}"


def test_livereload_shows_problems_then_recovers(tmp_path: Path) -> None:
    project, server, url = start_livereload(tmp_path)
    try:
        wait_for_status(url, 200)
        time.sleep(1.1)  # a later modification time than the first build's
        replace_in(project / "content" / PIXMANIA, "as_of: 2009-07-06", "as_of: 2009-13-06")
        page = wait_for_status(url, 500)
        assert "La construction a échoué" in page
        assert "testimony.outcome.as_of" in page and "2009-13-06" in page
        assert "livereload.js" in page  # the tab reloads itself on the next save
        assert "Traceback" not in page
        replace_in(project / "content" / PIXMANIA, "as_of: 2009-13-06", "as_of: 2009-07-06")
        page = wait_for_status(url, 200)
        assert "Pixmania" in page
    finally:
        printed = server.interrupt(signal.SIGINT)
    assert server.returncode == 130, printed
    assert (project / "output" / PAGE / "index.html").is_file()
    assert not list(project.glob(".output-*"))


def test_livereload_builds_saves_in_place_and_restarts_on_settings(tmp_path: Path) -> None:
    """A saved title reaches the served page (output/ rebuilt in place, no fresh folder);
    a settings change is read by a new preview process."""
    project, server, url = start_livereload(tmp_path)
    try:
        wait_for_status(url, 200)
        replace_in(
            project / "content" / PIXMANIA,
            'title: "Pixmania : ',
            'title: "Pixmania, titre enregistré : ',
        )
        wait_for_status(url, 200, "titre enregistré")
        assert not list(project.glob(".output-*"))
        settings = project / "pelicanconf.py"
        replace_in(settings, 'SITENAME = "Allo C\'Est Fini"', 'SITENAME = "Allo, réglages relus"')
        wait_for_status(url, 200, "Allo, réglages relus")
        # pages are written in any order (workers claim from both ends): the front too
        wait_for_status(url.removesuffix(PAGE), 200, "Allo, réglages relus")
    finally:
        printed = server.interrupt(signal.SIGINT)
    assert server.returncode == 130, printed
    front = (project / "output" / "index.html").read_text(encoding="utf-8")
    assert "Allo, réglages relus" in front
