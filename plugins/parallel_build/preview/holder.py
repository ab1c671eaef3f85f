"""The process of the last good preview build, holding the site for the warm path.

It answers one refresh after another (each a saved article's pages written, see
:func:`parallel_build.warm.refresh`) until it is released; once it refused or failed
a refresh, its objects may be half-changed, so it ends and is not asked again.
"""

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
        """The output names it wrote for ``path``, or ``[]`` and why not (then it has
        ended: it is not asked again)."""
        try:
            self.conn.send(path)
            if not self.conn.poll(WARM_SECONDS):
                os.kill(self.pid, signal.SIGKILL)
                raise TimeoutError(f"no answer in {WARM_SECONDS} s")
            names, reason = self.conn.recv()
        except (EOFError, OSError) as error:  # TimeoutError is an OSError
            names, reason = [], f"the warm process is gone ({type(error).__name__}: {error})"
        if not names:
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
    """Answer each article path received (:func:`.warm.refresh`) until ``None``, or
    until a refresh wrote nothing (its objects may be half-changed)."""
    while True:
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
        try:
            conn.send(answer)
        except OSError:
            return
        if not answer[0]:
            return
