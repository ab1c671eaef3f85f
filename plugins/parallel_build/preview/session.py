"""The preview's builds: each a whole Pelican build in a fork, reading only what changed."""

from __future__ import annotations

import multiprocessing
import os
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from pelican import Pelican, signals
from pelican.settings import read_settings

from parallel_build.preview.fingerprints import Stat, fingerprints, under
from parallel_build.preview.holder import Holder, hold
from parallel_build.transfer import loads

STUB_GENERATOR = "generator of an earlier build"


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


class Preview:
    """Builds a site again and again, reading only what changed (see the module)."""

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
        self._profiles: dict[str, str] | None = None
        self._pages: dict[str, str] = {}
        self._articles: dict[str, str] = {}
        self._theme_stats: dict[str, tuple[Stat, str]] = {}
        self._theme: dict[str, str] | None = None
        self._reading_context: dict[str, Any] = {}  # stands for an earlier build's context
        self._keep = True
        self._holder: Holder | None = None  # the last good build's process

    def build(self, on_early: Callable[[list[str]], None] | None = None) -> BuildResult:
        """Build the site into OUTPUT_PATH; returns once every file is written.

        ``on_early`` is called with the names the warm path wrote, if any, before
        the whole build starts.
        """
        start = time.perf_counter()
        settings = self.settings
        sources = fingerprints(Path(settings["PATH"]), self._stats)
        theme = fingerprints(Path(settings["THEME"]), self._theme_stats)
        articles = {p: h for p, h in sources.items() if under(p, settings["ARTICLE_PATHS"])}
        pages = {p: h for p, h in sources.items() if under(p, settings["PAGE_PATHS"])}
        profiles = {
            p: h
            for p, h in sources.items()
            if p not in articles and p not in pages and not under(p, settings["STATIC_PATHS"])
        }
        if profiles != self._profiles or not self._keep:
            self._kept.clear()
        ready = {p: a for p, (h, a) in self._kept.items() if articles.get(p) == h}
        changed = {p for p in articles if p not in ready}
        changed |= {p for p in pages if self._pages.get(p) != pages[p]}
        if not ready:  # everything is read: no page comes first
            changed = set()
        early, refused = self._warm(*self._only_edit(articles, pages, profiles, theme))
        early_seconds = round(time.perf_counter() - start, 3) if early else 0.0
        if early and on_early is not None:
            on_early(early)
        mine, theirs = multiprocessing.get_context("fork").Pipe()
        child = os.fork()
        if child == 0:  # not multiprocessing's Process: it would wait for a holder at exit
            code = 1
            try:
                mine.close()
                _build_in_child(settings, ready, changed, theirs)
                code = 0
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        theirs.close()
        ok, message, problems, fresh = False, "la construction s'est arrêtée sans rapport", [], {}
        try:
            fresh = mine.recv()
            ok, message, problems = mine.recv()
        except EOFError:
            pass
        if ok:
            self._holder = Holder(child, mine)
        else:
            mine.close()
            os.waitpid(child, 0)
        self._profiles, self._pages, self._articles, self._theme = profiles, pages, articles, theme
        self._remember(fresh, articles)
        seconds = round(time.perf_counter() - start, 3)
        return BuildResult(ok, seconds, len(fresh), message, problems, early, early_seconds,
                           refused)  # fmt: skip

    def _only_edit(
        self,
        articles: dict[str, str],
        pages: dict[str, str],
        profiles: dict[str, str],
        theme: dict[str, str],
    ) -> tuple[str, str]:
        """The one article file changed since the last build, or "" and why not."""
        if articles.keys() != self._articles.keys():
            return "", "article files added or removed"
        if (pages, profiles, theme) != (self._pages, self._profiles, self._theme):
            return "", "a page, profile or theme file changed"
        edited = [path for path, digest in articles.items() if self._articles[path] != digest]
        if len(edited) != 1:
            return "", f"{len(edited)} article files changed"
        return edited[0], ""

    def _warm(self, edited: str, why_not: str) -> tuple[list[str], str]:
        """Have the last build's process write the pages of ``edited`` (see the module)."""
        holder, self._holder = self._holder, None
        if holder is None:
            return [], ""
        if not edited:
            holder.release()
            return [], why_not
        return holder.refresh(edited)

    def close(self) -> None:
        """End the process the last build left waiting (the preview itself keeps no other)."""
        holder, self._holder = self._holder, None
        if holder is not None:
            holder.release()

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
    conn.send(fresh)
    remove_stale(output, started, static, settings)
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
