"""A test-only Pelican plugin holding preview builds at a gate, and the log it keeps.

Named ``tests.support.rebuild_gate`` in PLUGINS, with two settings: REBUILD_LOG, a
file that gets one JSON line per event, and REBUILD_GATE, a file: while it exists,
each writing fork of a build waits (at most REBUILD_GATE_SECONDS) once it wrote its
first page (not the build's main process, nor the holder's warm path). Events:
``start`` (a build's main process, its group, its parent (the preview), and processes
of earlier builds still alive: none but holders may be), ``wait`` (a fork at the gate), ``end``
(the build's main process, once Pelican's run is over). :class:`Gate`: the tests' side.
"""

from __future__ import annotations

import json
import os
import time
from pathlib import Path
from typing import Any

from pelican import signals

PLUGIN = __name__
_main = 0  # the build's main process
_waited = False  # in this process (a fork inherits it)
_ended = False  # this build's run is over: the holder's warm path does not wait


def _log(settings: dict[str, Any], event: str, **data: Any) -> None:
    path = settings.get("REBUILD_LOG")
    if not path:
        return
    line = json.dumps({"event": event, "pid": os.getpid(), "pgid": os.getpgid(0), **data})
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT)
    try:
        os.write(fd, (line + "\n").encode())  # one write: lines of processes do not mix
    finally:
        os.close(fd)


def events(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def started(pelican: Any) -> None:
    global _main
    _main = os.getpid()
    settings = pelican.settings
    if not settings.get("REBUILD_LOG"):
        return
    earlier = events(Path(settings["REBUILD_LOG"]))
    ended = {e["pid"] for e in earlier if e["event"] == "end"}  # holders may be alive
    others = sorted({e["pid"] for e in earlier} - ended - {os.getpid()})
    _log(settings, "start", ppid=os.getppid(), alive=[pid for pid in others if alive(pid)])


def wrote(_path: str, context: dict[str, Any] | None = None, **_kwargs: Any) -> None:
    global _waited
    gate = (context or {}).get("REBUILD_GATE")
    if _waited or _ended or os.getpid() == _main or not gate or not os.path.exists(gate):
        return
    _waited = True
    _log(context, "wait", ppid=os.getppid(), path=str(_path))
    deadline = time.monotonic() + float(context.get("REBUILD_GATE_SECONDS", 60))
    while os.path.exists(gate) and time.monotonic() < deadline:
        time.sleep(0.02)


def ended(pelican: Any) -> None:
    global _ended
    _ended = True
    _log(pelican.settings, "end")


def register() -> None:
    signals.initialized.connect(started)
    signals.content_written.connect(wrote)
    signals.finalized.connect(ended)


class Gate:
    """The tests' side: close or open the gate, read the log."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "rebuild-gate"
        self.log = folder / "rebuild-log.jsonl"

    def settings(self) -> dict[str, Any]:
        return {"REBUILD_GATE": str(self.path), "REBUILD_LOG": str(self.log)}

    def close(self) -> None:
        self.path.touch()

    def open(self) -> None:
        self.path.unlink(missing_ok=True)

    def events(self, kind: str) -> list[dict[str, Any]]:
        return [e for e in events(self.log) if e["event"] == kind]

    def waiting(self, build: int, timeout: float = 60) -> list[dict[str, Any]]:
        """The processes of the ``build``-th build started (from 0) that wait at the
        gate, once one does."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            starts = self.events("start")
            if len(starts) > build:
                group = starts[build]["pid"]
                waiting = [e for e in self.events("wait") if e["pgid"] == group]
                if waiting:
                    return waiting
            time.sleep(0.02)
        raise AssertionError(f"no process of build {build} waits at the gate: {self.log}")
