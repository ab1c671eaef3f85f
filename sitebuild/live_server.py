"""livereload's server, showing the build's problems in the browser while they last.

While the last build failed, every page request gets an HTTP 500 page in French
listing the problems, with the livereload script, so the tab reloads by itself and
shows the site again after the next good save; other files come from the previous site.
:class:`SourceWatcher` is woken by the kernel (inotify, through watchfiles), runs the
matching action in a thread of its own while the server keeps serving, and reloads the
open tabs once it is done, or lets actions that only ask for a build reload them
(:meth:`SourceWatcher.reload_tabs`); a changed Markdown file is built once it is whole
(:mod:`sitebuild.settling`).
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado.ioloop import IOLoop

from sitebuild.settling import wait_until_complete


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


Action = Callable[[], None]


def first_action(rules: Sequence[tuple[Path, Action]], changed: Sequence[Path]) -> Action | None:
    """The action of the first rule whose path is, or holds, one of the changed files."""
    for watched, action in rules:
        if any(path == watched or watched in path.parents for path in changed):
            return action
    return None


class SourceWatcher(Watcher):
    """livereload's watcher, woken by the kernel instead of polling every 0.8 s.

    ``rules`` are ``(path, action)`` pairs, a file or a folder each, the most thorough
    action first: for each batch of changes (the batch ends once nothing changed for
    ``step_ms``), the first rule that matches a changed file runs, then the tabs reload
    (``actions_reload_tabs``: the actions return before their work is done and reload
    the tabs themselves, through :meth:`reload_tabs`).
    """

    def __init__(
        self,
        rules: Sequence[tuple[Path, Action]],
        step_ms: int = 50,
        *,
        actions_reload_tabs: bool = False,
    ) -> None:
        super().__init__()
        self.actions_reload_tabs = actions_reload_tabs
        # a path that does not exist (a theme of Pelican's own, by name) is not watched
        self.rules = [(path.resolve(), action) for path, action in rules if path.exists()]
        self.step_ms = step_ms
        self.stopping = threading.Event()
        self._loop: IOLoop | None = None

    def examine(self) -> tuple[None, None]:
        return None, None  # nothing to poll: see start()

    def start(self, callback: Callable[[], None]) -> bool:
        """Watch in a thread of its own; True tells livereload not to poll."""
        self._loop = IOLoop.current()
        self._watch()
        return True

    def reload_tabs(self) -> None:
        """Have the open tabs reload (from any thread; nothing before :meth:`start`)."""
        if self._loop is not None:
            with suppress(RuntimeError):  # the loop closed meanwhile
                self._loop.add_callback(LiveReloadHandler.reload_waiters, "*")

    def stop(self) -> None:
        self.stopping.set()

    def _watch(self) -> None:
        """Folders are watched with what they hold, files through their folder alone."""
        lock = threading.Lock()  # one action at a time
        folders = {path for path, _action in self.rules if path.is_dir()}
        files = {path.parent for path, _action in self.rules if not path.is_dir()}
        for roots, recursive in ((folders, True), (files - folders, False)):
            if roots:
                threading.Thread(
                    target=self._watch_roots, args=(lock, roots, recursive), daemon=True
                ).start()

    def _watch_roots(self, lock: threading.Lock, roots: set[Path], recursive: bool) -> None:
        from watchfiles import watch

        changes = watch(*roots, step=self.step_ms, stop_event=self.stopping, recursive=recursive)
        for batch in changes:
            if not self.run([Path(name) for _change, name in batch], lock):
                return

    def run(self, changed: Sequence[Path], lock: threading.Lock) -> bool:
        """Run the action for a batch of changed files (then reload the tabs, unless
        the actions do); False once the watcher is stopping."""
        action = first_action(self.rules, changed)
        if action is None:
            return True
        wait_until_complete(changed)  # a file written in place may be caught half-way
        with lock:
            if self.stopping.is_set():
                return False
            action()
        if not self.actions_reload_tabs:
            self.reload_tabs()
        return True


def live_server(last: LastBuild, watcher: Watcher | None = None) -> Server:
    """A livereload Server whose pages show ``last``'s problems while it failed."""
    server = Server(watcher=watcher)
    server.SFH = problem_aware_handler(last)
    return server
