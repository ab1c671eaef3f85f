"""The processes of a build's tree, read from Linux's /proc."""

from __future__ import annotations

import os

TICK = os.sysconf("SC_CLK_TCK")


def tree_stats(root: int) -> dict[int, list[str]]:
    """``/proc/PID/stat`` fields after the command name (``[1]`` is the parent, ``[11]``
    and ``[12]`` the user and system ticks) of ``root`` and every process under it."""
    stats: dict[int, list[str]] = {}
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            parent = int(fields[1])
        except (OSError, ValueError, IndexError):
            continue
        stats[int(entry)] = fields
        children.setdefault(parent, []).append(int(entry))
    found, todo = {}, [root]
    while todo:
        pid = todo.pop()
        if pid in stats:
            found[pid] = stats[pid]
        todo.extend(children.get(pid, []))
    return found


def cpu_seconds(fields: list[str]) -> float:
    """User and system CPU of one process, from its :func:`tree_stats` fields."""
    return (int(fields[11]) + int(fields[12])) / TICK
