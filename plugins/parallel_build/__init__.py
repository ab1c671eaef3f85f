"""Pelican plugin: a build that keeps every core busy (issue 14).

Reading: the articles generator's ``Readers`` are replaced by
:class:`~parallel_build.reading.ParallelReaders`, which reads all article files in
forked workers and hands Pelican's loop the very objects a serial read makes.
Writing: at ``all_generators_finalized``, :func:`~parallel_build.writing.install`
shares page and feed rendering out between processes. The output is byte for byte the
output of a serial build (tests/edge/test_parallel.py).

On by default: pelicanconf.py (and publishconf.py, which imports it) lists the plugin.
``PARALLEL=false`` in the environment (``PARALLEL=false invoke build``) or
``pelican -e PARALLEL=false`` builds serially, Pelican untouched. Pelican's signals are
process-wide, so the receivers also check that this build lists the plugin (a later
build in the same process without it stays serial).

Settings:
- ``PARALLEL`` (default True; pelicanconf.py reads the environment variable):
  False gives Pelican's serial build, untouched.
- ``PARALLEL_PROCESSES`` (default: the cores this process may use): processes that
  read and write; 1 is serial.
A preview build (:mod:`parallel_build.preview`) reads and writes through one worker
even when those settings say serial: it keeps what was read, and its warm path
replays the noted writes.

Set by :mod:`parallel_build.preview` only: ``PARALLEL_READY`` (source path → article
already read), ``PARALLEL_FRESH`` (dict receiving the bytes of articles read afresh),
``PARALLEL_FIRST_SOURCES`` (sources whose pages are written first).
"""

from __future__ import annotations

import os
from typing import Any

from pelican import signals

from complaints import pelican_urls

from .reading import ParallelReaders
from .writing import install


def listed(settings: dict[str, Any]) -> bool:
    """Whether this build's PLUGINS name this plugin."""
    return any(str(name).rsplit(".", 1)[-1] == __name__ for name in settings.get("PLUGINS", ()))


def processes(settings: dict[str, Any]) -> int:
    """How many processes the build uses (1: serial)."""
    if not settings.get("PARALLEL", True) or not listed(settings):
        return 1
    wanted = settings.get("PARALLEL_PROCESSES")
    return max(1, int(wanted) if wanted else len(os.sched_getaffinity(0)))


def in_preview(settings: dict[str, Any]) -> bool:
    """Whether this is a build of :mod:`parallel_build.preview`, which keeps what workers
    read and needs the noted writes for its warm path, even with one process."""
    return listed(settings) and settings.get("PARALLEL_FRESH") is not None


def read_in_parallel(generator: Any) -> None:
    """Give the articles generator readers that read every article ahead."""
    settings = generator.settings
    count = processes(settings)
    ready = settings.get("PARALLEL_READY") if listed(settings) else None
    if count < 2 and not in_preview(settings):
        return
    if settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT"):
        return  # Pelican's own cache already skips the reading of unchanged files
    generator.readers = ParallelReaders(
        generator.readers, generator, count, ready=ready, fresh=settings.get("PARALLEL_FRESH")
    )


def write_in_parallel(generators: list[Any]) -> None:
    """Share the output phase out between processes."""
    settings = generators[0].settings
    count = processes(settings)
    if count >= 2 or in_preview(settings):  # one worker renders while this one collects
        install(generators, count, settings.get("PARALLEL_FIRST_SOURCES") or ())


def register() -> None:
    pelican_urls.connect()  # URLs formatted once per input (also without complaints)
    signals.article_generator_init.connect(read_in_parallel)
    signals.all_generators_finalized.connect(write_in_parallel)
