"""Wait for a saved content file to be whole before the preview builds it.

An editor's program (the editing form's backend writes files in place) may be caught
half-way: an empty file, a front matter opened by ``---`` and not yet closed, or text
still growing. :func:`wait_until_complete` waits, up to a limit, until each changed
Markdown file is complete and stays the same between two reads.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

FENCES = ("---", "...")


def is_complete(text: str) -> bool:
    """True for a Markdown file that is not cut short: not empty, and a front matter
    opened by a ``---`` line is closed by another."""
    if not text.strip() or "\n" not in text.replace("\r", "\n"):
        return False  # empty, or still on its first line
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != "---":
        return True
    return any(line.strip() in FENCES for line in lines[1:])


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None  # removed meanwhile: nothing to wait for


def wait_until_complete(
    paths: Iterable[Path],
    *,
    limit: float = 3.0,
    step: float = 0.05,
    read: Callable[[Path], str | None] = _read,
    sleep: Callable[[float], None] = time.sleep,
) -> bool:
    """Wait until every ``.md`` file of ``paths`` is complete and unchanged over ``step``
    seconds; False when ``limit`` seconds passed first (the build then reports it)."""
    pending = [path for path in paths if path.suffix == ".md"]
    waited = 0.0
    last = {path: read(path) for path in pending}
    while pending:
        sleep(step)
        waited += step
        now = {path: read(path) for path in pending}
        pending = [
            path
            for path in pending
            if now[path] is not None and (now[path] != last[path] or not is_complete(now[path]))
        ]
        last = now
        if pending and waited >= limit:
            return False
    return True
