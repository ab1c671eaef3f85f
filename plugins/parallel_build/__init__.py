"""Pelican plugin: a build that keeps every core busy and skips Pelican's repeated work.

Articles are read by forked workers (:mod:`.reading`), pages and feeds written by them
(:mod:`.writing`); URLs are formatted once per input (:mod:`.url_memo`) and listings
answer ``in`` by identity (:mod:`.listings`). The output is byte for byte Pelican's
own. ``PARALLEL`` (default True; ``PARALLEL=false`` in the environment) False, or a
Pelican release :mod:`.pelican_internals` was not written for, gives Pelican's build,
untouched; ``PARALLEL_PROCESSES`` (default: the usable cores) sets the processes.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from pelican import signals

from parallel_build import url_memo
from parallel_build.listings import IdentityList
from parallel_build.pelican_internals import (
    keep_contents_html_as_utf8,
    replace_listings,
    version_problem,
)
from parallel_build.reading import ParallelReaders
from parallel_build.template_cache import drop_compiled_templates, share_compiled_templates
from parallel_build.writing import install

logger = logging.getLogger(__name__)

_supported = True  # whether this build's Pelican is one pelican_internals was written for


def listed(settings: dict[str, Any]) -> bool:
    """Whether this build's PLUGINS name this plugin (signals are process-wide)."""
    return any(str(name).rsplit(".", 1)[-1] == __name__ for name in settings.get("PLUGINS", ()))


def in_preview(settings: dict[str, Any]) -> bool:
    """Whether this is a build of :mod:`parallel_build.preview`, which keeps what workers
    read and needs the noted writes for its warm path, even with one process."""
    return listed(settings) and settings.get("PARALLEL_FRESH") is not None


def active(settings: dict[str, Any]) -> bool:
    """Whether this build changes anything of Pelican's (else it is Pelican's own)."""
    wanted = settings.get("PARALLEL", True) or in_preview(settings)
    return bool(wanted) and listed(settings) and _supported


def processes(settings: dict[str, Any]) -> int:
    """How many processes the build uses (1: serial)."""
    if not active(settings) or not settings.get("PARALLEL", True):
        return 1
    wanted = settings.get("PARALLEL_PROCESSES")
    return max(1, int(wanted) if wanted else len(os.sched_getaffinity(0)))


def begin_build(pelican: Any) -> None:
    """``get_generators``: a fresh URL memo for the build and contents' HTML kept as
    UTF-8 (when active), templates compiled once for all processes (several only)."""
    if active(pelican.settings):
        url_memo.begin_memo()
        keep_contents_html_as_utf8()
    else:
        url_memo.end_memo()
    if processes(pelican.settings) >= 2:
        share_compiled_templates(pelican.settings)


def end_build(pelican: Any) -> None:
    url_memo.end_memo()
    drop_compiled_templates(pelican.settings)


def index_listings(generator: Any) -> None:
    """``article_generator_finalized``: tag, category and author lists by identity."""
    if active(generator.settings):
        replace_listings(generator, IdentityList)


def read_in_parallel(generator: Any) -> None:
    """Give the articles generator readers that read every article ahead."""
    settings = generator.settings
    count = processes(settings)
    if (count < 2 and not in_preview(settings)) or not active(settings):
        return
    if settings.get("LOAD_CONTENT_CACHE") and settings.get("CACHE_CONTENT"):
        return  # Pelican's own cache already skips the reading of unchanged files
    generator.readers = ParallelReaders(
        generator.readers,
        generator,
        count,
        ready=settings.get("PARALLEL_READY"),
        fresh=settings.get("PARALLEL_FRESH"),
    )


def write_in_parallel(generators: list[Any]) -> None:
    """Share the output phase out between processes."""
    settings = generators[0].settings
    count = processes(settings)
    if active(settings) and (count >= 2 or in_preview(settings)):
        install(generators, count, settings.get("PARALLEL_FIRST_SOURCES") or ())


def register() -> None:
    """Connect the receivers; on a Pelican release not known they do nothing (warned)."""
    global _supported
    problem = version_problem()
    _supported = problem is None
    if problem:
        logger.warning(problem)
    signals.get_generators.connect(begin_build)
    signals.finalized.connect(end_build)
    signals.article_generator_finalized.connect(index_listings)
    signals.article_generator_init.connect(read_in_parallel)
    signals.all_generators_finalized.connect(write_in_parallel)
