"""A preview build's processes: its fork leads a process group that its own forks
join, so a build that is no longer wanted is stopped whole, and waited for."""

from __future__ import annotations

import ctypes
import os
import signal
import time
from contextlib import suppress

PR_SET_PDEATHSIG = 1  # Linux prctl options
PR_SET_CHILD_SUBREAPER = 36
PR_GET_CHILD_SUBREAPER = 37
ORPHANS_SECONDS = 5.0  # without a subreaper (not Linux): how long to wait for the rest


def lead_group(parent: int) -> None:
    """In a build's fork, at once: lead a group of its own, and end with ``parent``
    (the fork must come from the parent's main thread: Linux sends the signal when
    the thread that forked ends)."""
    os.setpgid(0, 0)
    with suppress(AttributeError, OSError):  # not Linux: it ends with the preview's pipes
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent ended before prctl
        os._exit(1)


def kill_group(pid: int) -> None:
    """Kill every process of the group ``pid`` leads, without waiting."""
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def end_group(pid: int) -> None:
    """Kill the group led by the child ``pid`` and wait until each of its processes
    has ended: while it ends, this process adopts the forks it orphans (Linux's
    child subreaper) and reaps them."""
    libc = _libc()
    was = ctypes.c_int(0)
    adopting = (
        libc is not None
        and libc.prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(was)) == 0
        and libc.prctl(PR_SET_CHILD_SUBREAPER, 1) == 0
    )
    try:
        kill_group(pid)
        with suppress(ChildProcessError):
            os.waitpid(pid, 0)
        while adopting:  # its forks are children of this process now
            try:
                os.waitpid(-pid, 0)
            except ChildProcessError:
                break
    finally:
        if adopting and not was.value:
            libc.prctl(PR_SET_CHILD_SUBREAPER, 0)
    deadline = time.monotonic() + ORPHANS_SECONDS
    while not adopting and time.monotonic() < deadline:  # init reaps them
        try:
            os.killpg(pid, 0)
        except (ProcessLookupError, PermissionError):
            break
        time.sleep(0.01)


def _libc() -> ctypes.CDLL | None:
    try:
        libc = ctypes.CDLL(None)
        libc.prctl  # noqa: B018 (not Linux: no such function)
    except (AttributeError, OSError):
        return None
    return libc
