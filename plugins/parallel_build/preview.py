"""The editors' preview: a long-lived process that keeps the articles in memory.

Each :meth:`Preview.build` is a whole Pelican build (every generator, every page,
every signal), run in a process forked for that build. What the preview keeps between
builds is only the result of *reading* each article file: the article object exactly
as reading the file made it, never touched by a build (builds run in forks, so their
changes die with them). A build therefore reads again only

- the article files whose bytes changed (SHA-256 of every file, at every build), and
  those dated in the future (reading them depends on the clock);
- every article file when a file they are read against changed (merchant and author
  profiles: any file under the content folder outside the article, page and static
  folders), when the reading could not be kept safely, or on the first build;

and hands Pelican's loop the kept objects for the others. The pages of the changed
files (the testimony and its merchant) are written first, then the rest, by every
core. Files the build did not write (a tag no longer used, a deleted testimony) are
removed afterwards, so the output folder is the output of a clean build of the same
sources (tests/edge/test_preview.py). Settings, plugin code and the case-box template
are read once: after a change to them, start a new preview process
(:class:`PreviewProcess` does it with :meth:`~PreviewProcess.restart`).

The warm path: the process of a build that succeeded stays alive after it, holding
the whole site in memory. When the next build finds that one article file alone
changed (same files, profiles, pages and theme), that process first reads the file
again and writes its page and its merchant's page at once (:mod:`.warm`, which says
when it refuses), then ends; the whole build follows, as above. ``BuildResult.early``
names the pages it wrote.

    python -m parallel_build.preview -s pelicanconf.py --watch   # builds on every save
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from contextlib import suppress
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache

from .transfer import loads
from .warm import refresh

STUB_GENERATOR = "generator of an earlier build"
WARM_SECONDS = 60  # longer than any warm path: a process that did not answer is stuck


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


def _under(relative: str, folders: list[str]) -> bool:
    return any(relative == f or relative.startswith(f.rstrip("/") + "/") for f in folders)


Stat = tuple[int, int, int, int]


def fingerprints(root: Path, known: dict[str, tuple[Stat, str]] | None = None) -> dict[str, str]:
    """SHA-256 of every file under ``root``, by posix path relative to it.

    ``known`` (path → (stat, hash)) lets a file whose inode, size, modification and
    status-change times are all unchanged keep its hash without being read again (any
    write changes the status-change time, which no tool can set back); it is brought
    up to date.
    """
    known = known if known is not None else {}
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = os.path.join(folder, name)
            relative = Path(path).relative_to(root).as_posix()
            st = os.stat(path)
            stat = (st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)
            kept = known.get(relative)
            if kept is None or kept[0] != stat:
                with open(path, "rb") as file:
                    kept = known[relative] = (stat, hashlib.file_digest(file, "sha256").hexdigest())
            found[relative] = kept[1]
    for gone in known.keys() - found.keys():
        del known[gone]
    return found


class Preview:
    """Builds a site again and again, reading only what changed (see the module)."""

    def __init__(self, settings_file: str, **overrides: Any) -> None:
        from pelican.settings import read_settings

        overrides = {"DELETE_OUTPUT_DIRECTORY": False, **overrides}
        self.settings = read_settings(settings_file, override=overrides)
        plugins = self.settings["PLUGINS"]
        if "parallel_build" not in plugins:  # PLUGINS without it: the preview needs it
            self.settings["PLUGINS"] = [*plugins, "parallel_build"]
        # templates compiled by one build are loaded by the next (keyed by their source)
        self._templates = tempfile.TemporaryDirectory(prefix="preview-templates-")
        self.settings["JINJA_ENVIRONMENT"] = {
            **self.settings["JINJA_ENVIRONMENT"],
            "bytecode_cache": FileSystemBytecodeCache(self._templates.name),
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
        articles = {p: h for p, h in sources.items() if _under(p, settings["ARTICLE_PATHS"])}
        pages = {p: h for p, h in sources.items() if _under(p, settings["PAGE_PATHS"])}
        profiles = {
            p: h
            for p, h in sources.items()
            if p not in articles and p not in pages and not _under(p, settings["STATIC_PATHS"])
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
        before = sys.getrefcount(self._reading_context), sys.getrefcount(stub_generator)
        now = datetime.now(UTC)
        for path, data in fresh.items():
            article = loads(data, shared)
            date = getattr(article, "date", None)
            if isinstance(date, datetime) and date.tzinfo is not None and date > now:
                continue  # its reading depends on the clock (a draft until its date)
            self._kept[path] = (hashes[path], article)
        article = None  # a skipped article must not count below
        # each article refers to the context once (``_context``, rebound by every build);
        # any other reference, or one to the generator, could carry stale state: stop keeping
        after = sys.getrefcount(self._reading_context), sys.getrefcount(stub_generator)
        if after != (before[0] + sum(p in fresh for p in self._kept), before[1]):
            self._keep = False
            self._kept.clear()


@dataclass
class Holder:
    """The process of the last good build, waiting to write one article's pages."""

    pid: int
    conn: Any

    def refresh(self, path: str) -> tuple[list[str], str]:
        """The output names it wrote for ``path``, or ``[]`` and why not; it then ends."""
        try:
            self.conn.send(path)
            if not self.conn.poll(WARM_SECONDS):
                os.kill(self.pid, signal.SIGKILL)
                raise TimeoutError(f"no answer in {WARM_SECONDS} s")
            names, reason = self.conn.recv()
        except (EOFError, OSError) as error:  # TimeoutError is an OSError
            names, reason = [], f"the warm process is gone ({type(error).__name__}: {error})"
        self.release()
        return names, reason

    def release(self) -> None:
        """Let it end, and wait until it has."""
        with suppress(OSError):
            self.conn.send(None)
        self.conn.close()
        with suppress(ChildProcessError):
            os.waitpid(self.pid, 0)


def _build_in_child(
    settings: dict[str, Any], ready: dict[str, Any], first: set[str], conn: Any
) -> None:
    """One Pelican build (in a forked process): report what was read, then the outcome."""
    from pelican import Pelican, signals

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
    _hold(conn, built)


def _hold(conn: Any, generators: list[Any]) -> None:
    """Wait for one article path to refresh (:func:`.warm.refresh`) or ``None``; answer."""
    try:
        path = conn.recv()
    except (EOFError, KeyboardInterrupt):  # the preview ended, or Ctrl-C in its terminal
        return
    if path is None:
        return
    try:
        answer = refresh(generators, path)
    except Exception as error:  # the full build that follows reports what is wrong
        answer = [], f"{type(error).__name__}: {error}"
    with suppress(OSError):
        conn.send(answer)


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


class PreviewProcess:
    """A :class:`Preview` in its own Python process, for ``invoke livereload``.

    ``build()`` asks it for a build and waits for its :class:`BuildResult` (calling
    ``on_early`` with the pages the warm path wrote, as soon as they are on disk);
    ``restart()`` starts a new process (after a change of settings or plugin code);
    ``close()`` ends it. ``module`` is the module run with ``-m`` (this one, or a
    wrapper that sets up logging first); the process has its own session, so a Ctrl-C
    in the terminal reaches it only through ``close()``.
    """

    def __init__(
        self,
        settings_file: str,
        *,
        cwd: str | None = None,
        module: str = __name__,
        **overrides: Any,
    ) -> None:
        self._cmd = [sys.executable, "-m", module, "-s", settings_file, "--serve",
                     "--settings-json", json.dumps(overrides)]  # fmt: skip
        self._cwd = cwd
        self._process: subprocess.Popen[str] | None = None
        self._closed = False
        self.restart()

    def restart(self) -> None:
        self.close()
        self._closed = False
        plugins = str(Path(__file__).resolve().parent.parent)
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [plugins, os.environ.get("PYTHONPATH")])),
        }
        self._process = subprocess.Popen(
            self._cmd,
            cwd=self._cwd,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            start_new_session=True,
        )

    def build(self, on_early: Callable[[list[str]], None] | None = None) -> BuildResult:
        process = self._process
        if process is None or process.stdin is None or process.stdout is None:
            return BuildResult(False, 0.0, message="le processus d'aperçu est arrêté")
        try:
            process.stdin.write("build\n")
            process.stdin.flush()
            line = process.stdout.readline()
            while line.startswith('{"early": '):  # then the result's line
                if on_early is not None:
                    on_early(json.loads(line)["early"])
                line = process.stdout.readline()
        except (BrokenPipeError, ValueError):  # ValueError: closed meanwhile
            line = ""
        if not line:
            if self._closed:
                return BuildResult(False, 0.0, message="le processus d'aperçu a été arrêté")
            self.restart()
            return BuildResult(
                False, 0.0, message="le processus d'aperçu s'est arrêté ; il a été relancé"
            )
        return BuildResult(**json.loads(line))

    def close(self, timeout: float = 10.0) -> None:
        """End the process once its current build is done (at most ``timeout`` seconds,
        then it and its build are stopped; 0: at once)."""
        self._closed = True
        process, self._process = self._process, None
        if process is None:
            return
        if process.poll() is None:
            assert process.stdin is not None
            with suppress(OSError):
                process.stdin.close()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with suppress(ProcessLookupError, PermissionError):
                    os.killpg(process.pid, signal.SIGTERM)
                process.wait()
        with suppress(ProcessLookupError, PermissionError):  # its build's workers, if any
            os.killpg(process.pid, signal.SIGTERM)


def _answers() -> Any:
    """Standard output for this module's JSON lines; Pelican's own output to stderr."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return answers


def _serve(preview: Preview) -> None:
    """Answer each ``build`` line on stdin with one JSON line (after a line
    ``{"early": [names]}`` when the warm path wrote pages)."""
    answers = _answers()

    def early(names: list[str]) -> None:
        answers.write(json.dumps({"early": names}) + "\n")
        answers.flush()

    for line in sys.stdin:
        if line.strip() == "build":
            answers.write(json.dumps(asdict(preview.build(on_early=early))) + "\n")
            answers.flush()


def _watch(preview: Preview, step: float) -> None:
    """Build now, then whenever a file under the content or theme folder changes.

    Changes come from the kernel (inotify, through watchfiles); a build starts once
    no change came for ``step`` seconds (a save in progress is then over).
    """
    from watchfiles import watch

    folders = [preview.settings["PATH"], preview.settings["THEME"]]
    answers = _answers()
    answers.write(json.dumps(asdict(preview.build())) + "\n")
    answers.flush()
    for _changes in watch(*folders, step=max(1, round(step * 1000))):
        answers.write(json.dumps(asdict(preview.build())) + "\n")
        answers.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", help="output folder (default: the settings' OUTPUT_PATH)")
    parser.add_argument("--path", help="content folder (default: the settings' PATH)")
    parser.add_argument("--settings-json", default="{}", help="settings overrides, as JSON")
    parser.add_argument("--serve", action="store_true", help="build on each 'build' line on stdin")
    parser.add_argument("--watch", action="store_true", help="build whenever a source changes")
    parser.add_argument("--step", type=float, default=0.05, help="seconds without change")
    args = parser.parse_args(argv)
    overrides = json.loads(args.settings_json)
    if args.output:
        overrides["OUTPUT_PATH"] = args.output
    if args.path:
        overrides["PATH"] = args.path
    preview = Preview(args.settings, **overrides)
    try:
        if args.serve:
            _serve(preview)
        elif args.watch:
            _watch(preview, args.step)
        else:
            print(json.dumps(asdict(preview.build())))
    finally:
        preview.close()


if __name__ == "__main__":
    main()
