"""Pelican plugin of the benchmark: the time at which each phase of a build begins.

Listed first in PLUGINS by ``benchmarks/phases.py``; appends ``name time`` lines to
the file named by the ``PHASE_MARKS`` environment variable, with the main process's
resident memory then and its peak so far (MB).
"""

from __future__ import annotations

import os
import time
from typing import Any

from pelican import signals

MARKS = (
    ("reading", signals.article_generator_init),  # generators made, articles read next
    ("context", signals.article_generator_pretaxonomy),  # every article read
    ("writing", signals.get_writer),  # context complete, pages and feeds next
    ("search index", signals.finalized),  # every page written; finalized receivers
)


def _memory(field: str) -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(field + ":"):
                return round(int(line.split()[1]) / 1024, 1)
    return 0.0


_main = os.getpid()  # forked workers send some of these signals too: not marked
_marked: set[str] = set()


def _marker(name: str) -> Any:
    def mark(*_args: Any, **_kwargs: Any) -> None:
        path = os.environ.get("PHASE_MARKS")
        if path and os.getpid() == _main and name not in _marked:
            _marked.add(name)
            with open(path, "a", encoding="utf-8") as marks:
                marks.write(f"{name}\t{time.time()}\t{_memory('VmRSS')}\t{_memory('VmHWM')}\n")

    return mark


_receivers = [(_marker(name), signal) for name, signal in MARKS]


def register() -> None:
    for receiver, signal in _receivers:
        signal.connect(receiver)
