"""Send a finished, complete site to the publish target with rsync.

``--delay-updates`` puts every changed file in place only at the end of the transfer
and ``--delete-after`` removes old files only then: readers see the old site until the
new one is complete, and an interrupted transfer leaves the old site in place (rsync
keeps the new files in ``.~tmp~`` folders until then). ``--checksum`` sends only what
changed, whatever the dates of a fresh build.
"""

from __future__ import annotations

from pathlib import Path

RSYNC_OPTIONS = (
    "--recursive",
    "--times",
    "--perms",
    "--checksum",
    "--compress",
    "--delete-after",
    "--delay-updates",
    "--exclude=.DS_Store",
)


def rsync_command(site: Path, target: str) -> list[str]:
    """The rsync command that sends the content of ``site`` to ``target``."""
    return ["rsync", *RSYNC_OPTIONS, f"{site}/", target]
