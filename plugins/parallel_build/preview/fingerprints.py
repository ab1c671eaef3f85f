"""What changed between two preview builds: a SHA-256 of every file under a folder,
kept while the file's inode, size, modification and status-change times are."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

Stat = tuple[int, int, int, int]


def under(relative: str, folders: list[str]) -> bool:
    return any(relative == f or relative.startswith(f.rstrip("/") + "/") for f in folders)


def fingerprints(root: Path, known: dict[str, tuple[Stat, str]] | None = None) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by posix path relative to it.

    ``known`` (path → (stat, hash)) lets a file whose inode, size, modification and
    status-change times are all unchanged keep its hash without being read again (any
    write changes the status-change time, which no tool can set back); it is brought
    up to date. A file removed while the folder is read is left out.
    """
    known = known if known is not None else {}
    found: dict[str, str] = {}
    folders = [(str(root), "")]
    while folders:
        folder, prefix = folders.pop()
        try:
            entries = list(os.scandir(folder))
        except (FileNotFoundError, NotADirectoryError):
            continue
        for entry in entries:
            relative = prefix + entry.name
            try:
                if entry.is_dir():
                    folders.append((entry.path, relative + "/"))
                    continue
                st = entry.stat()
                stat = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
                kept = known.get(relative)
                if kept is None or kept[0] != stat:
                    with open(entry.path, "rb") as file:
                        digest = hashlib.file_digest(file, "sha256").hexdigest()
                    kept = known[relative] = (stat, digest)
            except FileNotFoundError:  # an editor's temporary file, gone meanwhile
                continue
            found[relative] = kept[1]
    for gone in known.keys() - found.keys():
        del known[gone]
    return found
