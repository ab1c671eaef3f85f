"""The preview's builds: each a whole Pelican build in a fork, reading only what changed.

A build's fork leads a process group (:mod:`.group`): a newer save stops it whole.
The process of the last good build holds its site (:mod:`.holder`) and writes each
saved article's pages while it can (the warm path), until a newer build succeeds.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican import Pelican, signals
from pelican.settings import read_settings

from parallel_build.preview.fingerprints import Stat, fingerprints, under
from parallel_build.preview.group import end_group, kill_group, lead_group
from parallel_build.preview.holder import Holder, hold
from parallel_build.transfer import loads

STUB_GENERATOR = "generator of an earlier build"
SUPERSEDED = "remplacée par un enregistrement plus récent"


@dataclass
class BuildResult:
    """What a preview build did: ``ok`` False with a French ``message`` on failure."""

    ok: bool
    seconds: float
    read: int = 0
    message: str = ""
    problems: list[str] = field(default_factory=list)
    early: list[str] = field(default_factory=list)  # written by the warm path first
    early_seconds: float = 0.0  # from the start of the build to those pages on disk
    early_refused: str = ""  # why the warm path wrote nothing ("" when not asked)
    superseded: bool = False  # stopped for a newer build (``ok`` False)


@dataclass
class Sources:
    """The SHA-256 of the files a build reads, by kind (source path → hash)."""

    articles: dict[str, str]
    pages: dict[str, str]
    profiles: dict[str, str]  # any other file of the content folder, static ones aside
    theme: dict[str, str]


@dataclass
class _Running:
    """A build under way: its fork, the fork's pipe, and what its result will tell."""

    pid: int
    conn: Any
    started: float  # time.perf_counter()
    sources: Sources
    early: list[str]
    early_seconds: float
    early_refused: str


class Preview:
    """Builds a site again and again, reading only what changed (see the module).

    ``start()`` begins a build in a fork (its pipe is :attr:`running`, to wait on),
    ``finish()`` waits for its result, ``cancel()`` stops it; ``build()`` does both.
    The process of the last good build (the holder) answers the warm path of every
    start until a newer build succeeds or it cannot answer.
    """

    def __init__(self, settings_file: str, **overrides: Any) -> None:
        overrides = {"DELETE_OUTPUT_DIRECTORY": False, **overrides}
        self.settings = read_settings(settings_file, override=overrides)
        plugins = self.settings["PLUGINS"]
        if "parallel_build" not in plugins:  # PLUGINS without it: the preview needs it
            self.settings["PLUGINS"] = [*plugins, "parallel_build"]
        # templates compiled by one build are loaded by the next (keyed by their source)
        self._template_cache = tempfile.TemporaryDirectory(prefix="preview-templates-")
        self.settings["JINJA_ENVIRONMENT"] = {
            **self.settings["JINJA_ENVIRONMENT"],
            "bytecode_cache": FileSystemBytecodeCache(self._template_cache.name),
        }
        self._stats: dict[str, tuple[Stat, str]] = {}
        self._kept: dict[str, tuple[str, Any]] = {}  # source path → (hash, article)
        self._profiles: dict[str, str] | None = None  # those ``_kept`` was read with
        self._pages: dict[str, str] = {}  # those of the last build that ended
        self._theme_stats: dict[str, tuple[Stat, str]] = {}
        self._reading_context: dict[str, Any] = {}  # stands for an earlier build's context
        self._keep = True
        self._holder: Holder | None = None  # the last good build's process
        self._holder_sources: Sources | None = None  # what the holder's site was built from
        self._running: _Running | None = None

    def build(self, on_early: Callable[[list[str]], None] | None = None) -> BuildResult:
        """Build the site into OUTPUT_PATH; returns once every file is written.

        ``on_early`` is called with the names the warm path wrote, if any, before
        the whole build starts.
        """
        self.start(on_early)
        return self.finish()

    @property
    def running(self) -> Any | None:
        """The pipe of the build under way (readable once it ends), or None."""
        return self._running.conn if self._running is not None else None

    def start(self, on_early: Callable[[list[str]], None] | None = None) -> None:
        """Have the holder write the saved article's pages (``on_early`` is called with
        their names), then start a whole build in a fork; a build under way is
        cancelled first. Call it from the main thread (see :func:`.group.lead_group`).
        """
        if self._running is not None:
            self.cancel()
        start = time.perf_counter()
        settings = self.settings
        sources = self._sources()
        if sources.profiles != self._profiles or not self._keep:
            self._kept.clear()
        self._profiles = sources.profiles
        articles, pages = sources.articles, sources.pages
        ready = {p: a for p, (h, a) in self._kept.items() if articles.get(p) == h}
        changed = {p for p in articles if p not in ready}
        changed |= {p for p in pages if self._pages.get(p) != pages[p]}
        if not ready:  # everything is read: no page comes first
            changed = set()
        early, refused = self._warm(sources)
        early_seconds = round(time.perf_counter() - start, 3) if early else 0.0
        if early and on_early is not None:
            on_early(early)
        mine, theirs = multiprocessing.get_context("fork").Pipe()
        parent = os.getpid()
        child = os.fork()
        if child == 0:  # not multiprocessing's Process: it would wait for a holder at exit
            code = 1
            try:
                lead_group(parent)
                mine.close()
                if self._holder is not None:  # the preview's end of the holder's pipe
                    self._holder.conn.close()
                _build_in_child(settings, ready, changed, theirs)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        with suppress(OSError):  # the child does it too: whichever comes first
            os.setpgid(child, child)
        theirs.close()
        self._running = _Running(child, mine, start, sources, early, early_seconds, refused)

    def finish(self) -> BuildResult:
        """Wait for the build under way to end; its result. A good build's process
        becomes the holder (the one before ends)."""
        running, self._running = self._running, None
        if running is None:
            raise RuntimeError("no build under way")
        ok, message, problems, fresh = False, "la construction s'est arrêtée sans rapport", [], {}
        try:
            fresh = running.conn.recv()
            ok, message, problems = running.conn.recv()
        except EOFError:
            pass
        if ok:
            if self._holder is not None:
                self._holder.release()
            self._holder = Holder(running.pid, running.conn)
            self._holder_sources = running.sources
        else:  # the holder, if any, still holds the site of its sources
            running.conn.close()
            os.waitpid(running.pid, 0)
            kill_group(running.pid)  # forks it left, if any
        self._pages = running.sources.pages
        self._remember(fresh, running.sources.articles)
        seconds = round(time.perf_counter() - running.started, 3)
        return BuildResult(ok, seconds, len(fresh), message, problems, running.early,
                           running.early_seconds, running.early_refused)  # fmt: skip

    def cancel(self) -> BuildResult:
        """Stop the build under way, its forks with it, and wait until they ended; a
        result saying it was superseded. What it wrote stays until the next build."""
        running, self._running = self._running, None
        if running is None:
            raise RuntimeError("no build under way")
        end_group(running.pid)
        running.conn.close()
        seconds = round(time.perf_counter() - running.started, 3)
        return BuildResult(False, seconds, 0, SUPERSEDED, [], running.early,
                           running.early_seconds, running.early_refused, True)  # fmt: skip

    def _sources(self) -> Sources:
        settings = self.settings
        found = fingerprints(Path(settings["PATH"]), self._stats)
        theme = fingerprints(Path(settings["THEME"]), self._theme_stats)
        articles = {p: h for p, h in found.items() if under(p, settings["ARTICLE_PATHS"])}
        pages = {p: h for p, h in found.items() if under(p, settings["PAGE_PATHS"])}
        profiles = {
            p: h
            for p, h in found.items()
            if p not in articles and p not in pages and not under(p, settings["STATIC_PATHS"])
        }
        return Sources(articles, pages, profiles, theme)

    def _only_edit(self, sources: Sources) -> tuple[str, str]:
        """The one article file changed since the holder's build and the warm paths it
        answered, or "" and why not."""
        held = self._holder_sources
        assert held is not None
        if sources.articles.keys() != held.articles.keys():
            return "", "article files added or removed"
        if (sources.pages, sources.profiles, sources.theme) != (
            held.pages,
            held.profiles,
            held.theme,
        ):
            return "", "a page, profile or theme file changed"
        edited = [p for p, digest in sources.articles.items() if held.articles[p] != digest]
        if len(edited) != 1:
            return "", f"{len(edited)} article files changed"
        return edited[0], ""

    def _warm(self, sources: Sources) -> tuple[list[str], str]:
        """Have the holder write the pages of the one article edited since its state,
        if that is all that changed (see the module); it is kept while it can answer."""
        holder = self._holder
        if holder is None:
            return [], ""
        edited, why_not = self._only_edit(sources)
        if edited:
            names, why_not = holder.refresh(edited)
            if names:
                self._holder_sources = sources
                return names, why_not
        elif sources == self._holder_sources:  # nothing changed: it still holds the site
            return [], why_not
        else:
            holder.release()
        self._holder = self._holder_sources = None
        return [], why_not

    def close(self) -> None:
        """Stop the build under way, if any, and end the last good build's process."""
        if self._running is not None:
            self.cancel()
        holder, self._holder = self._holder, None
        if holder is not None:
            holder.release()

    def kill(self) -> None:
        """Kill the build under way and the holder at once, without waiting (for a
        signal handler; the processes end with this one anyway)."""
        if self._running is not None:
            kill_group(self._running.pid)
        if self._holder is not None:
            kill_group(self._holder.pid)

    def _remember(self, fresh: dict[str, bytes], hashes: dict[str, str]) -> None:
        """Keep the articles read afresh, bound to stand-ins for a build's objects."""
        self._kept = {p: kept for p, kept in self._kept.items() if p in hashes and p not in fresh}
        stub_generator = [STUB_GENERATOR]
        shared = {
            "settings": self.settings,
            "context": self._reading_context,
            "generator": stub_generator,
        }
        now = datetime.now(UTC)
        for path, data in fresh.items():
            uses: Counter[str] = Counter()
            article = loads(data, shared, uses)
            # each article refers to the context once (the one every build rebinds); any
            # other reference, or one to the generator, could carry stale state
            if uses["context"] != 1 or uses["generator"]:
                self._keep = False
                self._kept.clear()
                return
            date = getattr(article, "date", None)
            if isinstance(date, datetime) and date.tzinfo is not None and date > now:
                continue  # its reading depends on the clock (a draft until its date)
            self._kept[path] = (hashes[path], article)


def _build_in_child(
    settings: dict[str, Any], ready: dict[str, Any], first: set[str], conn: Any
) -> None:
    """One Pelican build (in a forked process): report what was read, then the outcome."""
    fresh: dict[str, bytes] = {}
    settings.update(PARALLEL_READY=ready, PARALLEL_FRESH=fresh, PARALLEL_FIRST_SOURCES=first)
    output = Path(settings["OUTPUT_PATH"])
    output.mkdir(parents=True, exist_ok=True)
    marker = output / ".preview-build-started"
    marker.write_bytes(b"")
    started = marker.stat().st_mtime_ns
    marker.unlink()
    static: list[str] = []
    built: list[Any] = []

    def note_static(generators: list[Any]) -> None:
        static.extend(s.save_as for s in generators[0].context.get("staticfiles", ()))
        built.extend(generators)

    signals.all_generators_finalized.connect(note_static, weak=False)
    try:
        Pelican(settings).run()  # URLs memoised by parallel_build.url_memo
    except BaseException as error:  # reported to the parent, which keeps serving
        conn.send(fresh)  # what was read is right whatever stopped the build
        conn.send((False, str(error), [str(p) for p in getattr(error, "problems", [])]))
        return
    remove_stale(output, started, static, settings)
    conn.send(fresh)  # then at once the outcome: the parent waits for both together
    conn.send((True, "", []))
    hold(conn, built)


def remove_stale(
    output: Path, started_ns: int, static: list[str], settings: dict[str, Any]
) -> None:
    """Remove files of earlier builds that this build did not write or copy."""
    theme_static = Path(settings["THEME"])
    keep = set(static)
    for entry in settings["THEME_STATIC_PATHS"]:
        source = theme_static / entry
        target = Path(settings["THEME_STATIC_DIR"])
        if source.is_file():
            keep.add((target / source.name).as_posix())
        for path in source.rglob("*") if source.is_dir() else ():
            keep.add((target / path.relative_to(source)).as_posix())
    for folder, _dirs, files in os.walk(output, topdown=False):
        for name in files:
            path = Path(folder, name)
            if (
                path.relative_to(output).as_posix() not in keep
                and path.stat().st_mtime_ns < started_ns
            ):
                path.unlink()
        if folder != str(output) and not os.listdir(folder):
            os.rmdir(folder)
