"""A preview in its own Python process, driven over its standard input and output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

from parallel_build.preview.session import BuildResult


class PreviewProcess:
    """A :class:`Preview` in its own Python process, for ``invoke livereload``.

    ``build()`` asks it for a build and waits for its :class:`BuildResult` (calling
    ``on_early`` with the pages the warm path wrote, as soon as they are on disk);
    ``restart()`` starts a new process (after a change of settings or plugin code);
    ``close()`` ends it. ``module`` is the module run with ``-m`` (this one, or a
    wrapper that sets up logging first); the process has its own session, so a Ctrl-C
    in the terminal reaches it only through ``close()``.
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
        self._process: subprocess.Popen[str] | None = None
        self._closed = False
        self.restart()

    def restart(self) -> None:
        self.close()
        self._closed = False
        plugins = str(Path(__file__).resolve().parents[2])
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")])),
        }
        self._process = subprocess.Popen(
            self._cmd,
            cwd=self._cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def build(self, on_early: Callable[[list[str]], None] | None = None) -> BuildResult:
        process = self._process
        if process is None or process.stdin is None or process.stdout is None:
            return BuildResult(False, 0.0, message="le processus d'aperçu est arrêté")
        try:
            process.stdin.write("build\n")
            process.stdin.flush()
            line = process.stdout.readline()
            while line.startswith('{"early": '):  # then the result's line
                if on_early is not None:
                    on_early(json.loads(line)["early"])
                line = process.stdout.readline()
        except (BrokenPipeError, ValueError):  # ValueError: closed meanwhile
            line = ""
        if not line:
            if self._closed:
                return BuildResult(False, 0.0, message="le processus d'aperçu a été arrêté")
            self.restart()
            return BuildResult(
                False, 0.0, message="le processus d'aperçu s'est arrêté ; il a été relancé"
            )
        return BuildResult(**json.loads(line))

    def close(self, timeout: float = 10.0) -> None:
        """End the process once its current build is done (at most ``timeout`` seconds,
        then it and its build are stopped; 0: at once)."""
        self._closed = True
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            assert process.stdin is not None
            with suppress(OSError):
                process.stdin.close()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGTERM)
                process.wait()
        with suppress(ProcessLookupError, PermissionError):  # its build's workers, if any
            os.killpg(process.pid, signal.SIGTERM)
