"""A preview in its own Python process, driven over its standard input and output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections import deque
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from parallel_build.preview.session import SUPERSEDED, BuildResult

NOT_RUNNING = "le processus d'aperçu est arrêté"
STOPPED = "le processus d'aperçu a été arrêté"
RESTARTED = "le processus d'aperçu s'est arrêté ; il a été relancé"


class Request:
    """A build asked of a :class:`PreviewProcess`; :meth:`wait` returns its result.

    ``on_early`` and ``on_result`` are called from the thread reading the process's
    answers; an exception they raise is raised again by :meth:`wait`.
    """

    def __init__(
        self,
        on_early: Callable[[list[str]], None] | None,
        on_result: Callable[[BuildResult], None] | None,
    ) -> None:
        self._on_early, self._on_result = on_early, on_result
        self._done = threading.Event()
        self._error: BaseException | None = None
        self.result: BuildResult | None = None

    def early(self, names: list[str]) -> None:
        if self._on_early is not None:
            self._call(self._on_early, names)

    def complete(self, result: BuildResult) -> None:
        self.result = result
        try:
            if self._on_result is not None:
                self._call(self._on_result, result)
        finally:
            self._done.set()

    def wait(self, timeout: float | None = None) -> BuildResult | None:
        """Its result once it came (None if ``timeout`` seconds passed first)."""
        self._done.wait(timeout)
        if self._error is not None:
            raise self._error
        return self.result

    def _call(self, callback: Callable[[Any], None], value: Any) -> None:
        try:
            callback(value)
        except Exception as error:  # the reading thread goes on
            self._error = self._error or error


@dataclass
class _Channel:
    """One preview process and the requests it has not answered yet, oldest first."""

    process: subprocess.Popen[str]
    pending: deque[Request] = field(default_factory=deque)
    ended_by: str = ""  # "close" or "restart" once stopped on purpose


class PreviewProcess:
    """A :class:`Preview` in its own Python process, for ``invoke livereload``.

    ``request()`` asks it for a build and returns at once (``on_early`` is called
    with the pages the warm path wrote, as soon as they are on disk, ``on_result``
    with the :class:`BuildResult`; a newer request supersedes the build under way);
    ``build()`` asks and waits. ``restart()`` starts a new process (after a change of
    settings or plugin code); ``close()`` ends it. ``module`` is the module run with
    ``-m`` (this one, or a wrapper that sets up logging first); the process has its
    own session, so a Ctrl-C in the terminal reaches it only through ``close()``.
    """

    def __init__(
        self,
        settings_file: str,
        *,
        cwd: str | None = None,
        module: str = "parallel_build.preview",
        **overrides: Any,
    ) -> None:
        self._cmd = [sys.executable, "-m", module, "-s", settings_file, "--serve",
                     "--settings-json", json.dumps(overrides)]  # fmt: skip
        self._cwd = cwd
        self._lock = threading.RLock()  # the channel and its requests' order
        self._channel: _Channel | None = None
        self.restart()

    def restart(self) -> None:
        """Stop the process at once (its requests are superseded) and start a new one."""
        plugins = str(Path(__file__).resolve().parents[2])
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")])),
        }
        with self._lock:  # one process at a time, whichever thread restarts it
            self._stop(0.0, "restart")
            process = subprocess.Popen(
                self._cmd,
                cwd=self._cwd,
                env=env,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                start_new_session=True,
            )
            self._channel = _Channel(process)
            threading.Thread(target=self._read, args=(self._channel,), daemon=True).start()

    def request(
        self,
        on_early: Callable[[list[str]], None] | None = None,
        on_result: Callable[[BuildResult], None] | None = None,
    ) -> Request:
        """Ask for a build; returns at once (see the class)."""
        request = Request(on_early, on_result)
        with self._lock:
            channel = self._channel
            if channel is not None:
                channel.pending.append(request)
                stdin = channel.process.stdin
                assert stdin is not None
                with suppress(OSError, ValueError):  # it ended: its reader answers
                    stdin.write("build\n")
                    stdin.flush()
                return request
        request.complete(BuildResult(False, 0.0, message=NOT_RUNNING))
        return request

    def build(self, on_early: Callable[[list[str]], None] | None = None) -> BuildResult:
        """Ask for a build and wait for its result."""
        result = self.request(on_early).wait()
        assert result is not None
        return result

    def close(self, timeout: float = 10.0) -> None:
        """End the process once its current build is done (at most ``timeout`` seconds,
        then it and its build are stopped; 0: at once)."""
        self._stop(timeout, "close")

    def _stop(self, timeout: float, why: str) -> None:
        with self._lock:
            channel, self._channel = self._channel, None
            if channel is None:
                return
            channel.ended_by = why
        process = channel.process
        if process.poll() is None:
            assert process.stdin is not None
            with suppress(OSError):
                process.stdin.close()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:  # it kills its build on SIGTERM
                with suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGTERM)
                process.wait()
        with suppress(ProcessLookupError, PermissionError):  # anything left in its group
            os.killpg(process.pid, signal.SIGTERM)

    def _read(self, channel: _Channel) -> None:
        """Complete the channel's requests in order from its answers; at the end
        those left, and start a new process if this one died by itself."""
        assert channel.process.stdout is not None
        for line in channel.process.stdout:
            try:
                answer = json.loads(line)
            except ValueError:
                continue
            if not isinstance(answer, dict):
                continue
            with self._lock:
                if not channel.pending:
                    continue
                early = set(answer) == {"early"}
                request = channel.pending[0] if early else channel.pending.popleft()
            if early:
                request.early(answer["early"])
                continue
            try:
                result = BuildResult(**answer)
            except TypeError:  # fields of another version: the request is not left waiting
                result = BuildResult(False, 0.0, message=f"réponse incomprise : {line.strip()}")
            request.complete(result)
        with self._lock:
            left = list(channel.pending)
            channel.pending.clear()
            why = channel.ended_by
            if not why and self._channel is channel:
                self.restart()
        if why == "restart":
            result = BuildResult(False, 0.0, message=SUPERSEDED, superseded=True)
        else:
            result = BuildResult(False, 0.0, message=STOPPED if why else RESTARTED)
        for request in left:
            request.complete(result)
