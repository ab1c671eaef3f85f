"""Pages and feeds rendered and written by several processes.

At ``all_generators_finalized``, :func:`install` makes the first generator's
``generate_output`` run every generator's own with a :class:`RecordingWriter`, which
notes each ``write_file`` / ``write_feed`` call (and jobs handed to ``share_out``)
instead of doing it; forked workers then do the noted tasks (calls writing one name
stay together, in order) while the main process collects. Items that
``content_written`` receivers append to the context's lists in a worker are sent back;
work handed to ``after_writes`` runs last, in the main process. :func:`order` and
worker lifetimes keep each worker's memory small; the bytes are a serial build's.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from parallel_build.pelican_internals import (
    forget_contents_html,
    take_over_output,
    writes_one_content,
)
from parallel_build.workers import CLAIM, Jobs

logger = logging.getLogger(__name__)

LIVES = 4  # forks that take their turn at each end of the task list (see write_in_parallel)


@dataclass
class Task:
    """The calls that write one output name, in the order they were made."""

    name: str
    # a writer method's name, or a job (a callable) run as it is
    calls: list[tuple[str | Callable[..., Any], tuple[Any, ...], dict[str, Any]]] = field(
        default_factory=list
    )
    cost: float = 0.0


class RecordingWriter:
    """A stand-in for Pelican's writer that notes page and feed writes for later.

    Calls writing one of the ``early`` names are also done at once, with a writer of
    their own (the preview shows the edited testimony and its merchant first); they
    are done again with the others, so the last bytes written are the serial build's.
    """

    def __init__(self, writer: Any, early: Collection[str] = ()) -> None:
        self.writer = writer
        self.tasks: dict[str, Task] = {}
        self._early = early
        self._early_writer = (
            type(writer)(writer.output_path, settings=writer.settings) if early else None
        )

        self.finishers: list[Callable[[], None]] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.writer, name)

    def after_writes(self, finish: Callable[[], None]) -> None:
        """Call ``finish`` in the main process once every noted write is done."""
        self.finishers.append(finish)

    def share_out(self, name: str, job: Callable[[], None], cost: float) -> None:
        """Have ``job`` (which writes the output ``name``) done in any process.

        ``cost`` is in pages rendered (one article page is about 1). Like a noted
        write, a job that raises or logs a warning in a worker is done again in the
        main process; what it changes in memory stays in the process that ran it.
        """
        task = self.tasks.setdefault(name, Task(name))
        task.calls.append((job, (), {}))
        task.cost += cost

    def write_file(self, name: Any, *args: Any, **kwargs: Any) -> None:
        if not name:
            return
        self._note(str(name), "write_file", (name, *args), kwargs, _page_cost(args, kwargs))

    def write_feed(self, elements: Any, context: Any, path: Any = None, *args: Any,
                   **kwargs: Any) -> Any:  # fmt: skip
        if not path:  # the caller wants the feed object back, nothing is written
            return self.writer.write_feed(elements, context, path, *args, **kwargs)
        self._note(str(path), "write_feed", (elements, context, path, *args), kwargs,
                   1 + len(elements) / 8)  # fmt: skip
        return None

    def _note(self, name: str, method: str, args: tuple, kwargs: dict, cost: float) -> None:
        task = self.tasks.setdefault(name, Task(name))
        task.calls.append((method, args, kwargs))
        task.cost += cost
        if name in self._early:
            getattr(self._early_writer, method)(*args, **kwargs)


def _page_cost(args: tuple[Any, ...], kwargs: dict[str, Any]) -> float:
    """Roughly how many pages a ``write_file`` call renders (pagination included)."""
    articles = kwargs.get("articles")
    if articles is None or not kwargs.get("template_name"):
        return 1.0
    return 1.0 + len(articles) / 10


def run(writer: Any, tasks: list[Task]) -> None:
    """Do the calls of some tasks with the real writer."""
    for task in tasks:
        for method, args, kwargs in task.calls:
            call = getattr(writer, method) if isinstance(method, str) else method
            call(*args, **kwargs)


FEEDS, LISTINGS, SINGLE_PAGES = range(3)  # families of tasks, in their order


def family(task: Task) -> int:
    """The family of a task, by what its rendering keeps in memory for later tasks.

    ``FEEDS``: feeds, whose entries the feed writer keeps (each article is in several
    feeds), and shared-out jobs (the data files); ``SINGLE_PAGES``: the page of one
    article or page (Pelican's ``article=`` / ``page=``), which nothing else reuses;
    ``LISTINGS``: every other page (lists of articles, merchants, topics), which
    reuse the rendered testimony cards.
    """
    if not task.calls:
        return LISTINGS
    if any(method == "write_feed" or callable(method) for method, _a, _k in task.calls):
        return FEEDS
    if all(writes_one_content(kwargs) for _m, _a, kwargs in task.calls):
        return SINGLE_PAGES
    return LISTINGS


def order(tasks: Iterable[Task], first: Collection[str] = ()) -> list[Task]:
    """Tasks writing ``first`` names; then feeds and jobs, costliest first; listings,
    cheapest first; single pages (the order is stable).

    Workers claim from both ends (:class:`~parallel_build.workers.Jobs`): with two
    processes, one renders the feeds (and holds the feed entries), the other the
    single pages, then the costliest listings, and the two meet among the cheap
    listings, so the last tasks are short ones.
    """

    def key(task: Task) -> tuple[bool, int, float]:
        kind = family(task)
        return (task.name not in first, kind, -task.cost if kind == FEEDS else task.cost)

    return sorted(tasks, key=key)


def list_lengths(context: dict[str, Any]) -> dict[str, int]:
    """The length of every list in the build's context."""
    return {key: len(value) for key, value in context.items() if isinstance(value, list)}


def grown_lists(context: dict[str, Any], lengths: dict[str, int]) -> dict[str, list[Any]]:
    """Items appended to the context's lists since they were ``lengths`` long, taken out.

    In a worker, the items are sent to the main process: the worker does not keep
    them (a few small objects kept per page, among the page's garbage, would keep
    much of the memory the page used).
    """
    grown = {}
    for key, length in lengths.items():
        value = context.get(key)
        if isinstance(value, list) and len(value) > length:
            grown[key] = value[length:]
            del value[length:]
    return grown


def write_in_parallel(
    writer: Any, tasks: list[Task], processes: int, context: dict[str, Any] | None = None
) -> None:
    """Do every task once, shared out between ``processes`` forks of this process.

    This process only collects what the forks send, as it arrives: a fork whose pipe
    is full waits until it is read (a main process busy rendering left its fork idle
    for most of a 5,000-testimony build), and the main process, which holds the
    build until it ends, does not grow with what rendering keeps in memory. Tasks not
    reported done by a worker (it failed, logged or died) are done here afterwards, in
    order, so their exceptions and log records are the main process's. Items a
    worker's signal receivers appended to lists of ``context`` are appended to this
    process's lists. Each process makes about ``1 / LIVES`` of its share of the claims,
    then a new fork takes its place (see the module's docstring).
    """
    context = context if context is not None else {}
    lengths = list_lengths(context)

    families = [family(task) for task in tasks]
    previous: list[int] = []  # the family of this process's last task (each fork has its own)

    def work(index: int) -> dict[str, list[Any]]:
        if previous and previous[-1] == FEEDS != families[index]:
            # no more feeds in this process: claims only go on away from them
            forget = getattr(writer, "forget_feed_entries", None)
            if forget is not None:
                forget()
        previous[:] = [families[index]]
        try:
            run(writer, [tasks[index]])
        finally:  # a failed task's items are dropped with it (it is done again here)
            grown = grown_lists(context, lengths)
            forget_contents_html()
        return grown  # pickled to the main process

    jobs = Jobs(len(tasks))
    done = set()
    lifetime = max(1, len(tasks) // (CLAIM * processes * LIVES))
    for index, grown in jobs.run(processes, work, lifetime):
        for key, items in grown.items():
            context[key].extend(items)
            lengths[key] = len(context[key])  # where the next fork's new items start
        done.add(index)
    jobs.join()
    run(writer, [task for index, task in enumerate(tasks) if index not in done])


def affected_outputs(
    context: dict[str, Any], sources: Collection[str], attributes: Collection[str] = ("merchant",)
) -> set[str]:
    """Output names that show content from ``sources`` most directly.

    The page of each article or page read from one of ``sources``, and the page of
    what its ``attributes`` name (its merchant) when that has a ``save_as``.
    """
    names: set[str] = set()
    if not sources:
        return names
    groups = ("articles", "drafts", "hidden_articles", "pages", "hidden_pages", "draft_pages")
    for group in groups:
        for content in context.get(group, ()):
            if getattr(content, "relative_source_path", None) not in sources:
                continue
            names.add(content.save_as)
            for attribute in attributes:
                save_as = getattr(getattr(content, attribute, None), "save_as", None)
                if isinstance(save_as, str) and save_as:
                    names.add(save_as)
    return names


def install(generators: list[Any], processes: int, first_sources: Collection[str] = ()) -> None:
    """Make the generators' output phase parallel (see the module's docstring)."""
    producing = [g for g in generators if hasattr(g, "generate_output")]
    if not producing:
        return
    own = {id(g): g.generate_output for g in producing}

    def generate_all(writer: Any) -> None:
        # the build's objects live until it ends: the cyclic collector need not walk them
        # again and again, nor write to them (which would copy every page into the forks)
        gc.freeze()
        first = affected_outputs(generators[0].context, first_sources)
        try:
            recorder = RecordingWriter(writer, early=first)
            for generator in producing:
                own[id(generator)](recorder)
            producing[0].output_recorder = recorder  # for write_only (the preview's warm path)
            tasks = order(recorder.tasks.values(), first)
            logger.debug("%d output tasks for %d processes", len(tasks), processes)
            write_in_parallel(writer, tasks, processes, generators[0].context)
            for finish in recorder.finishers:
                finish()
        finally:
            gc.unfreeze()  # Pelican's autoreload builds again in this process

    take_over_output(producing, generate_all)


def write_only(generators: list[Any], names: Collection[str]) -> list[str]:
    """Write the outputs ``names`` again as the last build of ``generators`` noted them
    (after :func:`install`); returns the names written.

    The noted calls are made again with a writer of their own, so they render what
    their arguments hold now: a page written this way shows the objects it was given
    as they are at this moment (the preview's warm path changes them first).
    """
    recorder = next((g.output_recorder for g in generators if hasattr(g, "output_recorder")), None)
    if recorder is None:
        return []
    tasks = [recorder.tasks[name] for name in sorted(names) if name in recorder.tasks]
    writer = recorder.writer
    run(type(writer)(writer.output_path, settings=writer.settings), tasks)
    return [task.name for task in tasks]
