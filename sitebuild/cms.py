"""The editing form's two local servers: Decap CMS's backend and the admin page.

The backend (``decap-server``, from node_modules) reads and writes the project's files
without any authentication: it is only ever bound to the loopback address, and any
other address is refused before anything starts. The admin page is ``admin/index.html``
with the Decap CMS bundle of node_modules (nothing from a CDN) and ``admin/config.yml``,
served on the loopback address too, the backend's address written into the config.
"""

from __future__ import annotations

import functools
import os
import subprocess
import threading
import time
import urllib.error
import urllib.request
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

LOOPBACK = "127.0.0.1"
DEFAULT_BACKEND_URL = "http://127.0.0.1:8081/api/v1"
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
SERVER = Path("node_modules") / "decap-server" / "dist" / "index.js"


class CmsRefused(SystemExit):
    """The form cannot start; the message says why, in French."""


def loopback_only(host: str) -> str:
    """The loopback address, or a refusal: the backend has no authentication."""
    if host in (LOOPBACK, "localhost"):
        return LOOPBACK
    raise CmsRefused(
        f"Adresse refusée : « {host} ». Le formulaire écrit dans vos fichiers sans mot de "
        f"passe : il n'écoute que sur cette machine ({LOOPBACK})."
    )


def backend_url(port: int) -> str:
    return f"http://{LOOPBACK}:{port}/api/v1"


def start_backend(root: Path, files: Path, port: int, host: str = LOOPBACK) -> subprocess.Popen:
    """Start decap-server on the loopback address, reading and writing under ``files``."""
    host = loopback_only(host)
    server = root / SERVER
    if not server.is_file():
        raise CmsRefused(
            f"{SERVER} est absent : installez les outils avec `npm ci` (voir le README)."
        )
    env = {
        **os.environ,
        "PORT": str(port),
        "BIND_HOST": host,
        "MODE": "fs",
        "GIT_REPO_DIRECTORY": str(files),
        "LOG_LEVEL": os.environ.get("CMS_LOG_LEVEL", "warn"),
    }
    return subprocess.Popen(["node", str(server)], cwd=str(files), env=env)


def wait_until_up(url: str, process: subprocess.Popen | None = None, timeout: float = 20) -> None:
    """Wait until ``url`` answers (any HTTP status); refuse if the process ended first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise CmsRefused(f"Le serveur du formulaire s'est arrêté (code {process.returncode}).")
        try:
            urllib.request.urlopen(url, timeout=1).close()
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.1)
    raise CmsRefused(f"{url} ne répond pas après {timeout:.0f} s.")


def stop(process: subprocess.Popen | None) -> None:
    """Stop a server started here (terminate, then kill after 5 s)."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


class _AdminHandler(SimpleHTTPRequestHandler):
    def __init__(self, *args, admin: Path, bundle: Path, config: bytes, **kwargs) -> None:
        self.admin, self.bundle, self.config = admin, bundle, config
        super().__init__(*args, directory=str(bundle), **kwargs)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path in ("/", "/index.html"):
            self._send((self.admin / "index.html").read_bytes(), "text/html; charset=utf-8")
        elif path == "/config.yml":
            self._send(self.config, "text/yaml; charset=utf-8")
        else:
            super().do_GET()  # the bundle's files only (directory=bundle)

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def admin_server(root: Path, port: int, backend: str, host: str = LOOPBACK) -> ThreadingHTTPServer:
    """The admin page's server (not started): index.html, config.yml, the bundle."""
    host = loopback_only(host)
    bundle = root / BUNDLE
    if not (bundle / "decap-cms.js").is_file():
        raise CmsRefused(f"{BUNDLE}/decap-cms.js est absent : lancez `npm ci` (voir le README).")
    config = (root / "admin" / "config.yml").read_text(encoding="utf-8")
    config = config.replace(DEFAULT_BACKEND_URL, backend)
    handler = functools.partial(
        _AdminHandler, admin=root / "admin", bundle=bundle, config=config.encode()
    )
    return ThreadingHTTPServer((host, port), handler)


def serve_in_background(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread
