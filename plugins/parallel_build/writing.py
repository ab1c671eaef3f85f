"""Pages and feeds rendered and written by several processes.

At ``all_generators_finalized`` every generator has its context; Pelican then calls
each generator's ``generate_output(writer)`` in turn. :func:`install` makes the first
of those calls run every generator's own ``generate_output`` with a
:class:`RecordingWriter`, which notes each ``write_file`` / ``write_feed`` call
(rendering is most of the cost) instead of doing it; a generator may also hand it a
job that writes files of its own, to be done in any process
(:meth:`RecordingWriter.share_out`: the complaints plugin's data files). Anything else
a generator does (static files, other writer methods) happens at once, as usual. The
noted calls and jobs are then done by forked workers (one per process of the build),
which hold the same objects in memory, while the main process collects what they
report; the other generators' ``generate_output`` calls do nothing.

Calls that write the same output name form one task, kept in their order, so
Pelican's overwrite rules behave as in a serial build. A task that fails or logs in a
worker is done again in the main process, which raises and logs as a serial build
would.

Receivers of Pelican's ``content_written`` / ``feed_written`` signals run in the
process that wrote the file. What they record in the build's context (findability
appends each written page to a list there, for ``sitemap.xml``) must reach the main
process: after each task a worker sends back the items its receivers appended to any
list of the context (:func:`grown_lists`), and the main process appends them to its
own lists. (Their order may differ from a serial build's; findability's sitemap sorts
them.) Work a generator must do once every file is written (findability's sitemap) is
handed to :meth:`RecordingWriter.after_writes` and done in the main process at the end.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from typing import Any

from .workers import Jobs, results

logger = logging.getLogger(__name__)


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


def order(tasks: Iterable[Task], first: Collection[str] = ()) -> list[Task]:
    """Tasks writing ``first`` names, then the rest, costliest first (stable)."""
    tasks = list(tasks)
    return sorted(tasks, key=lambda t: (t.name not in first, -t.cost))


def list_lengths(context: dict[str, Any]) -> dict[str, int]:
    """The length of every list in the build's context."""
    return {key: len(value) for key, value in context.items() if isinstance(value, list)}


def grown_lists(context: dict[str, Any], lengths: dict[str, int]) -> dict[str, list[Any]]:
    """Items appended to the context's lists since ``lengths`` (which is brought up to date)."""
    grown = {}
    for key, length in lengths.items():
        value = context.get(key)
        if isinstance(value, list) and len(value) > length:
            grown[key] = value[length:]
            lengths[key] = len(value)
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
    process's lists.
    """
    context = context if context is not None else {}
    lengths = list_lengths(context)

    def work(index: int) -> dict[str, list[Any]]:
        try:
            run(writer, [tasks[index]])
        finally:  # a failed task's items are dropped with it (it is done again here)
            grown = grown_lists(context, lengths)
        return grown  # pickled to the main process

    jobs = Jobs(len(tasks))
    done = set()
    for index, grown in results(jobs.fork(processes, work)):
        for key, items in grown.items():
            context[key].extend(items)
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

    producing[0].generate_output = generate_all
    for generator in producing[1:]:
        generator.generate_output = _nothing


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


def _nothing(_writer: Any) -> None:
    """Output already written by the first generator's ``generate_output``."""
