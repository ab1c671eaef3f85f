"""The process of the last good preview build, holding the site for the warm path."""

from __future__ import annotations

import os
import signal
from contextlib import suppress
from dataclasses import dataclass
from typing import Any

from parallel_build.warm import refresh

WARM_SECONDS = 60  # longer than any warm path: a process that did not answer is stuck


@dataclass
class Holder:
    """The process of the last good build, waiting to write one article's pages."""

    pid: int
    conn: Any

    def refresh(self, path: str) -> tuple[list[str], str]:
        """The output names it wrote for ``path``, or ``[]`` and why not; it then ends."""
        try:
            self.conn.send(path)
            if not self.conn.poll(WARM_SECONDS):
                os.kill(self.pid, signal.SIGKILL)
                raise TimeoutError(f"no answer in {WARM_SECONDS} s")
            names, reason = self.conn.recv()
        except (EOFError, OSError) as error:  # TimeoutError is an OSError
            names, reason = [], f"the warm process is gone ({type(error).__name__}: {error})"
        self.release()
        return names, reason

    def release(self) -> None:
        """Let it end, and wait until it has."""
        with suppress(OSError):
            self.conn.send(None)
        self.conn.close()
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def hold(conn: Any, generators: list[Any]) -> None:
    """Wait for one article path to refresh (:func:`.warm.refresh`) or ``None``; answer."""
    try:
        path = conn.recv()
    except (EOFError, KeyboardInterrupt):  # the preview ended, or Ctrl-C in its terminal
        return
    if path is None:
        return
    try:
        answer = refresh(generators, path)
    except Exception as error:  # the full build that follows reports what is wrong
        answer = [], f"{type(error).__name__}: {error}"
    with suppress(OSError):
        conn.send(answer)
