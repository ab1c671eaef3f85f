"""CPU per phase and per kind of process of one build (``run.py --phases``).

The build runs with :mod:`phase_marks` first in PLUGINS, which notes when each phase
begins; every 0.1 s the CPU time of each process of the build's tree is read from
/proc. Each interval's CPU goes to the phase it fell in, and to the main process, the
forked workers or Pagefind.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

from proctree import cpu_seconds, tree_stats

PHASES = ("start-up", "reading", "context", "writing", "search index")
KINDS = ("main", "workers", "pagefind")


def _kind(pid: int, main: int) -> str:
    if pid == main:
        return "main"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            program = cmdline.read().split(b"\0")[0]
    except OSError:
        return "workers"
    return "pagefind" if b"pagefind" in program else "workers"


class CpuSampler(threading.Thread):
    """CPU seconds of each process in a tree, sampled: ``(time, pid, kind, cpu)``."""

    def __init__(self, main: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.main, self.interval = main, interval
        self.samples: list[tuple[float, int, str, float]] = []
        self._kinds: dict[int, str] = {}
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.is_set():
            now = time.time()
            for pid, fields in tree_stats(self.main).items():
                kind = self._kinds.setdefault(pid, _kind(pid, self.main))
                self.samples.append((now, pid, kind, cpu_seconds(fields)))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def attribute(
    samples: list[tuple[float, int, str, float]], marks: dict[str, float], start: float, end: float
) -> dict[str, dict[str, float]]:
    """Wall seconds and CPU seconds per kind of process, for each phase."""
    starts = [(start, PHASES[0])] + [(marks[p], p) for p in PHASES[1:] if p in marks]
    table = {p: {"wall": 0.0, **dict.fromkeys(KINDS, 0.0)} for p in PHASES}
    for (low, name), (high, _next) in zip(starts, [*starts[1:], (end, "")], strict=True):
        table[name]["wall"] = max(0.0, high - low)

    def phase_at(moment: float) -> str:
        return (
            [name for begin, name in starts if begin <= moment][-1:][0]
            if moment >= start
            else PHASES[0]
        )

    last: dict[int, float] = {}
    for moment, pid, kind, cpu in samples:
        table[phase_at(moment)][kind] += cpu - last.get(pid, 0.0)
        last[pid] = cpu
    return table


def phase_profile(command: list[str], env: dict[str, str], cwd: Path, log: Path,
                  marks_file: Path) -> dict:  # fmt: skip
    """Run one build with the marks plugin and the sampler; the table of :func:`attribute`."""
    marks_file.unlink(missing_ok=True)
    with log.open("w", encoding="utf-8") as out:
        start = time.time()
        proc = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                                env={**env, "PHASE_MARKS": str(marks_file)})  # fmt: skip
        sampler = CpuSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        end = time.time()
        sampler.stop()
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"phase build failed: see {log}")
    marks: dict[str, float] = {}
    memory: dict[str, tuple[float, float]] = {}  # main process at the phase's start
    for line in marks_file.read_text(encoding="utf-8").splitlines():
        name, moment, rss, peak = line.split("\t")
        marks.setdefault(name, float(moment))
        memory.setdefault(name, (float(rss), float(peak)))
    table = attribute(sampler.samples, marks, start, end)
    for name, (rss, peak) in memory.items():
        table[name]["main_rss_at_start"], table[name]["main_peak_at_start"] = rss, peak
    return {"wall": round(end - start, 2), "cpu": round(usage.ru_utime + usage.ru_stime, 2),
            "phases": {p: {k: round(v, 2) for k, v in row.items()} for p, row in table.items()}}  # fmt: skip
