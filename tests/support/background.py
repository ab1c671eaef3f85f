"""Commands run in the background, one after another, while the other tests run.

The quality gates that run an outside tool over the whole served site (Lighthouse,
LinkChecker, the Nu Html Checker, axe-core) are queued at the start of the session:
one thread runs them in turn on the machine's other core, each in its own process
group with its output in files (a talkative tool never fills a pipe). Their tests run
last and wait for their own command's result.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import threading
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tests.support.sample import ROOT


class BackgroundJob:
    """One queued command: its result once it has run."""

    def __init__(self, command: Sequence[str], folder: Path, env: Mapping[str, str]) -> None:
        self.command = list(command)
        self.folder = folder
        self._env = {**os.environ, **env}
        self._process: subprocess.Popen[str] | None = None
        self._result: subprocess.CompletedProcess[str] | None = None
        self._lock = threading.Lock()
        self._stopped = False
        self._done = threading.Event()

    def result(self, timeout: float = 900) -> subprocess.CompletedProcess[str]:
        """Wait for the command to have run: its exit status and what it printed."""
        if not self._done.wait(timeout):
            raise TimeoutError(f"{self.command[:2]} still running after {timeout} s")
        assert self._result is not None
        return self._result

    def run(self) -> None:
        """Run the command to its end (nothing if the queue was stopped before)."""
        stdout_path, stderr_path = self.folder / "stdout.txt", self.folder / "stderr.txt"
        try:
            with stdout_path.open("w") as stdout, stderr_path.open("w") as stderr:
                status = -signal.SIGTERM
                with self._lock:
                    if self._stopped:
                        stderr.write("stopped before it ran\n")
                    else:
                        self._process = subprocess.Popen(
                            self.command,
                            cwd=ROOT,
                            env=self._env,
                            stdin=subprocess.DEVNULL,
                            stdout=stdout,
                            stderr=stderr,
                            text=True,
                            start_new_session=True,  # stopped with its children (a browser)
                        )
                if self._process is not None:
                    status = self._process.wait()
            self._result = subprocess.CompletedProcess(
                self.command,
                status,
                stdout_path.read_text(encoding="utf-8"),
                stderr_path.read_text(encoding="utf-8"),
            )
        finally:
            self._done.set()

    def stop(self) -> None:
        """End the command and its children if they run; never start it afterwards."""
        with self._lock:
            self._stopped = True
            if self._process is not None and self._process.poll() is None:
                os.killpg(self._process.pid, signal.SIGTERM)


class BackgroundQueue:
    """Commands run one after another, in the order they were added, on one thread."""

    def __init__(self) -> None:
        self._waiting: queue.SimpleQueue[BackgroundJob | None] = queue.SimpleQueue()
        self._jobs: list[BackgroundJob] = []
        self._thread = threading.Thread(target=self._work, name="background", daemon=True)
        self._thread.start()

    def add(
        self, command: Sequence[str], folder: Path, *, env: Mapping[str, str] | None = None
    ) -> BackgroundJob:
        """Queue ``command``; its output goes to ``folder``/stdout.txt and stderr.txt."""
        folder.mkdir(parents=True, exist_ok=True)
        job = BackgroundJob(command, folder, env or {})
        self._jobs.append(job)
        self._waiting.put(job)
        return job

    def add_node_script(
        self,
        script: Path,
        job: Mapping[str, Any],
        folder: Path,
        *,
        env: Mapping[str, str] | None = None,
    ) -> BackgroundJob:
        """Queue ``node SCRIPT folder/job.json``, ``job`` written to that file first."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "job.json").write_text(json.dumps(job, indent=1), encoding="utf-8")
        return self.add(["node", str(script), str(folder / "job.json")], folder, env=env)

    def stop(self) -> None:
        """Stop the running command and drop the queued ones."""
        for job in self._jobs:
            job.stop()
        self._waiting.put(None)
        self._thread.join(timeout=60)

    def __enter__(self) -> BackgroundQueue:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def _work(self) -> None:
        while (job := self._waiting.get()) is not None:
            job.run()
