"""Jobs shared out between forked processes, claimed as they free up.

Forked when the jobs are known, the processes hold every object of the build: only
indices and results cross. Jobs are claimed a few at a time from both ends of their
range (first fork from the front, second from the back), so a caller that puts jobs
filling one memo at one end keeps each memo in one process. A job that raises or logs
a warning is not reported done: the caller does it again in the main process, where it
raises and logs as in a serial build.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterator
from multiprocessing.connection import Connection, wait
from typing import Any

CLAIM = 4  # jobs a process takes from the shared counter at a time
PR_SET_PDEATHSIG = 1  # Linux prctl option: signal sent to this process when its parent ends


class WarningsKept(logging.Handler):
    """Keeps the messages of the warnings and errors logged (and prints nothing)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _silence_logging() -> WarningsKept:
    """In a worker: log records are kept by a handler instead of printed."""
    flag = WarningsKept()
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    root.addHandler(flag)
    for logger in logging.Logger.manager.loggerDict.values():
        if isinstance(logger, logging.Logger) and not logger.propagate:
            for handler in list(logger.handlers):
                logger.removeHandler(handler)
            logger.addHandler(flag)
    return flag


def _end_with(parent: int) -> None:
    """In a worker: Ctrl-C is for the main process, and the worker ends with it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the main process stops the build
    with contextlib.suppress(AttributeError, OSError):  # not Linux: they end at a clean exit
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:  # the main process ended before prctl
        os._exit(1)


class Jobs:
    """``total`` jobs numbered from 0, claimed from either end of the range by forks."""

    def __init__(self, total: int) -> None:
        self.total = total
        self._mp = multiprocessing.get_context("fork")
        # the first unclaimed index and one past the last: shared by the forks
        self._ends = self._mp.Array("q", [0, total])
        self._processes: list[Any] = []

    def claims(self, from_back: bool = False, at_most: int | None = None) -> Iterator[int]:
        """The indices this process claims, from the front or the back, until none is
        left (or ``at_most`` claims of a few jobs have been made)."""
        made = 0
        while at_most is None or made < at_most:
            with self._ends.get_lock():
                front, back = self._ends[0], self._ends[1]
                if from_back:
                    self._ends[1] = start = max(front, back - CLAIM)
                    claimed = range(back - 1, start - 1, -1)
                else:
                    self._ends[0] = end = min(back, front + CLAIM)
                    claimed = range(front, end)
            if not claimed:
                return
            made += 1
            yield from claimed

    def left(self) -> bool:
        """Whether some jobs are not claimed yet."""
        with self._ends.get_lock():
            return self._ends[0] < self._ends[1]

    def fork(self, count: int, job: Callable[[int], Any]) -> list[Connection]:
        """Start ``count`` processes running ``job`` on their claims; one pipe each.

        The second process (and every second one after it) claims from the back.

        Each pipe carries ``(index, result)`` for every job done cleanly.
        """
        return [self._start(job, position % 2 == 1) for position in range(count)]

    def run(self, count: int, job: Callable[[int], Any], lifetime: int | None = None
            ) -> Iterator[tuple[int, Any]]:  # fmt: skip
        """``(index, result)`` of every job done cleanly by ``count`` processes at a time.

        A process ends after ``lifetime`` claims, and a new fork of this process takes
        its place (and its end of the range) while jobs are left: what a process keeps
        in memory (memos, the pages of this process it wrote to, the allocator's
        leftovers) lasts only that long. The caller's state when it resumes the
        iterator is what the next fork starts from.
        """
        ends = {self._start(job, n % 2 == 1, lifetime): n % 2 == 1 for n in range(count)}
        while ends:
            for conn in wait(list(ends)):
                try:
                    yield conn.recv()
                except EOFError:
                    from_back = ends.pop(conn)
                    conn.close()
                    if self.left():
                        ends[self._start(job, from_back, lifetime)] = from_back

    def _start(self, job: Callable[[int], Any], from_back: bool, lifetime: int | None = None
               ) -> Connection:  # fmt: skip
        def work(conn: Connection) -> None:
            _end_with(parent)
            warned = _silence_logging()
            for index in self.claims(from_back, lifetime):
                warned.messages.clear()
                try:
                    result = job(index)
                except Exception:
                    continue
                if not warned.messages:
                    conn.send((index, result))
            conn.close()

        parent = os.getpid()
        receiver, sender = self._mp.Pipe(duplex=False)
        process = self._mp.Process(target=work, args=(sender,), daemon=True)
        process.start()
        sender.close()
        self._processes.append(process)
        return receiver

    def join(self) -> None:
        for process in self._processes:
            process.join()


def results(connections: list[Connection]) -> Iterator[tuple[int, Any]]:
    """``(index, result)`` pairs from worker pipes, until every worker has finished."""
    pending = list(connections)
    while pending:
        for conn in wait(pending):
            try:
                yield conn.recv()
            except EOFError:
                pending.remove(conn)
