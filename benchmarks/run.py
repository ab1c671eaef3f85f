"""Build benchmark of the magazine, run by hand or with `invoke bench` (docs/performance.md).

    python benchmarks/run.py --sizes 1000 5000 --reps 3    (or --corpus DIR ...)

Each size's content is generated once (benchmarks/generate.py, seeded); the variants
(see SETTINGS) are built round-robin in one run, each a fresh `python -m pelican`: wall
time around it, CPU from os.wait4(), memory from /proc every 50 ms (main process peak;
sum over all processes, RSS and PSS). The preview: seconds from a saved title to the
testimony's and its merchant's pages holding it. Results go to
benchmarks/work/results-N.json; --report prints the tables.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
SITEURL = "https://allo-cest-fini.example"
# production builds refuse the legal notice's placeholders (publishconf.py reads these);
# values already in the environment win
LEGAL_VALUES = {
    name: os.environ.get(name) or "valeur du banc d'essai"
    for name in ("LEGAL_PUBLISHER_ADDRESS", "LEGAL_DIRECTOR", "LEGAL_HOST")
}
PY = sys.executable

sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "plugins"))
from generate import SECTIONS  # noqa: E402  (the sections the generated content uses)
from proctree import tree_stats  # noqa: E402

from complaints.editorial.frontmatter import split_front_matter  # noqa: E402  (the site's loader)

SECTION_NAMES = [section for section, _folder, _weight in SECTIONS]

COMMON_HEAD = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "plugins")!r})
from publishconf import *  # noqa: F403
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
COMPLAINTS_SECTIONS = {SECTION_NAMES!r}
"""

# The variants, built round-robin (a s c a s c ...) so a shared machine's drift hits
# them alike:
#   a  the site as published: publishconf.py, complaints + typographie + parallel_build
#   s  (a) with PARALLEL = False: Pelican's own build with the same plugins
#   b  complaints and typographie off (the site's reader, complaints.edge.reader, kept;
#      the theme's formatting filters given through JINJA_FILTERS); no merchant pages
#   c  plain Pelican: default theme, yaml_metadata only, the site's Markdown,
#      pagination and feeds (all, category, tag, author)
#   d  cached rebuild of (a) (CONTENT_CACHING_LAYER "generator") after editing one
#      testimony (outcome.status flips at each repetition), on its own copy, warmed up
#   e  (a) with TYPOGRAPHIE_ENABLED = False (typography's cost = a - e)
#   f  like d with CONTENT_CACHING_LAYER "reader"
#   r  the peer pipeline: (c), then Pagefind over its whole output, as a Pelican user
#      would get a searchable site (timed together)
SETTINGS = {
    "a": COMMON_HEAD,
    "b": COMMON_HEAD
    + """
from complaints.present.formatting import FILTERS
PLUGINS = ["complaints.edge.reader"]  # the site's reader (and validator) only
TYPOGRAPHIE_ENABLED = False
JINJA_FILTERS = dict(FILTERS)  # the theme's formatting filters, not the plugin's work
""",
    "c": f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
import pelicanconf as _site
SITENAME = _site.SITENAME
SITEURL = {SITEURL!r}
RELATIVE_URLS = False
PATH = "content"
ARTICLE_PATHS = _site.ARTICLE_PATHS
PAGE_PATHS = _site.PAGE_PATHS
STATIC_PATHS = _site.STATIC_PATHS
TIMEZONE = _site.TIMEZONE
DEFAULT_LANG = _site.DEFAULT_LANG
PLUGINS = ["pelican.plugins.yaml_metadata"]
MARKDOWN = _site.MARKDOWN
DEFAULT_PAGINATION = _site.DEFAULT_PAGINATION
SUMMARY_MAX_PARAGRAPHS = _site.SUMMARY_MAX_PARAGRAPHS
DELETE_OUTPUT_DIRECTORY = True
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
FEED_MAX_ITEMS = 50
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_ALL_RSS = "feeds/all.rss.xml"
CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
CATEGORY_FEED_RSS = "feeds/{{slug}}.rss.xml"
TAG_FEED_ATOM = "feeds/tag.{{slug}}.atom.xml"
TAG_FEED_RSS = "feeds/tag.{{slug}}.rss.xml"
RSS_FEED_SUMMARY_ONLY = False
""",
    "d": COMMON_HEAD
    + """
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "generator"
CACHE_PATH = @CACHE@
""",
    "e": COMMON_HEAD + "\nTYPOGRAPHIE_ENABLED = False\n",
    "s": COMMON_HEAD + "\nPARALLEL = False\n",
    "f": COMMON_HEAD
    + """
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CACHE_PATH = @CACHE@
""",
}
SETTINGS["r"] = SETTINGS["c"]  # then Pagefind over the whole output (PEER_INDEX)
# (a) with the phase marks first (run.py --phases, benchmarks/phases.py)
SETTINGS["m"] = (
    COMMON_HEAD
    + f"""
PLUGIN_PATHS = [{str(ROOT / "benchmarks")!r}, *PLUGIN_PATHS]
PLUGINS = ["phase_marks", *PLUGINS]
"""
)
PEER_INDEX = [PY, "-m", "pagefind", "--site"]  # the peer pipeline's second step: + OUTPUT
CACHED = {"d", "f"}
LABELS = {
    "a": "(a) site as published (parallel, the default)",
    "b": "(b) plugins off (filters kept)",
    "c": "(c) plain Pelican",
    "d": "(d) cached rebuild, generator layer",
    "e": "(e) site, typography off",
    "f": "(f) cached rebuild, reader layer",
    "s": "(s) site as published, serial (PARALLEL = False)",
    "r": "(r) peer pipeline: plain Pelican, then `python -m pagefind --site`",
    "p": "(p) parallel_build opt-in (older results files)",
}
STATUS_RE = re.compile(r"(outcome: \{status: )(open|unresolved)(,)")


# ----------------------------------------------------------------- helpers


def settings_file(variant: str, size: int) -> Path:
    folder = WORK / "settings"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"bench_{variant}_{size}.py"
    text = SETTINGS[variant].replace("@CACHE@", repr(str(WORK / "cache" / f"{size}-{variant}")))
    path.write_text(text, encoding="utf-8")
    return path


CORPORA: dict[int, Path] = {}  # --corpus: size (testimony files) -> a content folder given


def corpus_size(folder: Path) -> int:
    """The number of testimony files in a content folder laid out like content/."""
    return sum(1 for _ in (folder / "temoignages").rglob("*.md"))


def content_dir(size: int, merchants: int, seed: int) -> Path:
    """The corpus of ``size`` testimonies: one given with --corpus, or one generated."""
    if size in CORPORA:
        return CORPORA[size]
    folder = WORK / f"content-{size}"
    if not (folder / "temoignages").exists():
        import generate

        generate.Generator(seed, size, merchants).run(folder)
    return folder


def edit_target(content: Path) -> Path:
    """The first testimony (sorted) whose status is open: the one (d) edits."""
    for path in sorted(content.glob("temoignages/*/*.md")):
        text = path.read_text(encoding="utf-8")
        if "status: draft" not in text and STATUS_RE.search(text):
            return path
    raise SystemExit("no testimony with an open/unresolved status to edit")


def flip_status(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = STATUS_RE.search(text)
    assert match is not None
    new = "unresolved" if match.group(2) == "open" else "open"
    path.write_text(STATUS_RE.sub(rf"\g<1>{new}\g<3>", text, count=1), encoding="utf-8")
    # make sure the cache sees a newer mtime even on coarse-grained file systems
    stamp = time.time() + 2
    os.utime(path, (stamp, stamp))
    return new


class TreeMemory(threading.Thread):
    """Samples the memory of a process and of all its descendants (Linux /proc)."""

    def __init__(self, pid: int, interval: float = 0.05) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.main_hwm = self.sum_rss = self.sum_pss = 0.0
        self.processes = 1
        self._done = threading.Event()

    @staticmethod
    def _field(path: str, name: str) -> float:
        try:
            with open(path, encoding="ascii") as status:
                for line in status:
                    if line.startswith(name):
                        return int(line.split()[1]) / 1024  # kB -> MB
        except OSError:
            pass
        return 0.0

    def run(self) -> None:
        while not self._done.is_set():
            pids = list(tree_stats(self.pid))
            self.main_hwm = max(self.main_hwm, self._field(f"/proc/{self.pid}/status", "VmHWM:"))
            rss = sum(self._field(f"/proc/{p}/status", "VmRSS:") for p in pids)
            pss = sum(self._field(f"/proc/{p}/smaps_rollup", "Pss:") for p in pids)
            self.sum_rss, self.sum_pss = max(self.sum_rss, rss), max(self.sum_pss, pss)
            self.processes = max(self.processes, len(pids))
            self._done.wait(self.interval)

    def stop(self) -> None:
        self._done.set()
        self.join()


def pelican_command(content: Path, output: Path, settings: Path,
                    before: Sequence[str] = ()) -> list[str]:  # fmt: skip
    """A production build as each variant runs it (``before``: options for Python)."""
    return [PY, *before, "-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
            "--fatal", "errors"]  # fmt: skip


def build_environment() -> dict[str, str]:
    """The environment of a benchmark build: the legal notice's values, SITEURL."""
    return {**os.environ, **LEGAL_VALUES, "SITEURL": SITEURL, "PYTHONHASHSEED": "0"}


def build(content: Path, settings: Path, output: Path, log: Path,
          profile: Path | None = None, then: list[str] | None = None) -> dict[str, float | int]:  # fmt: skip
    """One build in a fresh subprocess (then ``then`` + OUTPUT, timed with it): wall
    time, CPU of the children, memory of their trees."""
    profiling = ["-m", "cProfile", "-o", str(profile)] if profile is not None else []
    cmd = pelican_command(content, output, settings, profiling)
    commands = [cmd] + ([[*then, str(output)]] if then else [])
    env = build_environment()
    load = os.getloadavg()[0]  # other jobs on this shared machine, just before
    cpu, main_mb, rss_mb, pss_mb, processes = 0.0, 0.0, 0.0, 0.0, 0
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        for command in commands:
            proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out,
                                    stderr=subprocess.STDOUT)  # fmt: skip
            memory = TreeMemory(proc.pid)
            memory.start()
            _, status, usage = os.wait4(proc.pid, 0)
            memory.stop()
            if os.waitstatus_to_exitcode(status) != 0:
                out.close()
                tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
                raise SystemExit(f"build failed: {' '.join(command)}\n{tail}")
            cpu += usage.ru_utime + usage.ru_stime
            main_mb, processes = max(main_mb, memory.main_hwm), max(processes, memory.processes)
            rss_mb, pss_mb = max(rss_mb, memory.sum_rss), max(pss_mb, memory.sum_pss)
        wall = time.perf_counter() - start
    pages = sum(1 for _ in output.rglob("*.html"))
    files = sum(1 for p in output.rglob("*") if p.is_file())
    return {
        "wall": round(wall, 3),
        "cpu": round(cpu, 3),
        "maxrss_mb": round(main_mb, 1),
        "main_mb": round(main_mb, 1),
        "all_rss_mb": round(rss_mb, 1),
        "all_pss_mb": round(pss_mb, 1),
        "processes": processes,
        "load": round(load, 2),
        "pages": pages,
        "files": files,
    }


TITLE_LINE_RE = re.compile(r"^title:.*$", re.M)


def preview_target(content: Path, output: Path) -> tuple[Path, Path, Path]:
    """A published testimony to edit, the path of its page and of its merchant's page.

    Read with the site's own front-matter loader, so any corpus in the site's format
    works (quoted or plain titles, flow or block YAML, an explicit slug).
    """
    for path in sorted((content / "temoignages").rglob("*.md")):
        data, _body = split_front_matter(path.read_text(encoding="utf-8"), str(path))
        if not isinstance(data, dict) or not isinstance(data.get("testimony"), dict):
            continue
        testimony = data["testimony"]
        if str(data.get("status", "published")) != "published":
            continue
        date = str(data.get("date", ""))
        if not re.match(r"\d{4}-\d{2}", date) or not testimony.get("merchant"):
            continue
        slug = str(data.get("slug") or path.stem)
        page = output / date[:4] / date[5:7] / slug / "index.html"
        return path, page, output / "marchands" / str(testimony["merchant"]) / "index.html"
    raise SystemExit(f"no published testimony with a merchant in {content}")


def retitle(text: str, marker: str) -> str:
    """The file with its title followed by ``marker`` (one YAML double-quoted line)."""
    data, _body = split_front_matter(text, "benchmark")
    title = re.sub(r" revisionbench\d+$", "", str(data["title"]))
    line = "title: " + json.dumps(f"{title} {marker}", ensure_ascii=False)
    return TITLE_LINE_RE.sub(lambda _m: line, text, count=1)


BUILT_RE = re.compile(r"^Site construit en ([\d.]+) s\.$")


def free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def preview_latency(size: int, content: Path, edits: int = 3, gap: float = 3.0) -> dict:
    """Seconds from saving a testimony to its new title in its page and merchant page.

    After the first build, ``edits`` saves of one testimony, each ``gap`` seconds after
    the previous one showed (an editor fixing a typo, then another): a save may land
    while the rebuild of the previous one runs. Then the last rebuild is waited for.
    """
    copy = WORK / f"content-{size}-preview"
    output = WORK / "out" / f"{size}-preview"
    for folder in (copy, output):
        shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(content, copy)
    target, page, merchant_page = preview_target(copy, output)
    text = target.read_text(encoding="utf-8")
    cmd = [PY, "-m", "invoke", "livereload", "--path", str(copy), "--output", str(output),
           "--extra-settings", f"COMPLAINTS_SECTIONS={json.dumps(SECTION_NAMES)}"]  # fmt: skip
    env = {**os.environ, "PYTHONHASHSEED": "0", "HOST": "127.0.0.1", "PORT": str(free_port())}
    log = (WORK / "logs" / f"{size}-preview.log").open("w", encoding="utf-8")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.PIPE, text=True)
    memory = TreeMemory(proc.pid)
    memory.start()
    builds: list[tuple[float, float]] = []  # (when reported, seconds) of each whole build
    reported = threading.Condition()

    def read_reports() -> None:
        """Every "Site construit en X s." line of the task (other lines go to the log)."""
        for line in proc.stderr:
            log.write(line)
            log.flush()
            if built := BUILT_RE.match(line.strip()):
                with reported:
                    builds.append((time.perf_counter(), float(built.group(1))))
                    reported.notify_all()
        with reported:
            reported.notify_all()

    def build_after(moment: float) -> float:
        """The seconds of the first whole build reported after ``moment``."""
        with reported:
            while not any(when > moment for when, _s in builds):
                if proc.poll() is not None:
                    raise SystemExit(f"invoke livereload stopped: see {log.name}")
                reported.wait(1.0)
            return next(seconds for when, seconds in builds if when > moment)

    threading.Thread(target=read_reports, daemon=True).start()
    first = build_after(0.0)
    latencies = []
    try:
        time.sleep(1.0)  # the preview is idle before the first save
        for n in range(1, edits + 1):
            marker = f"revisionbench{n}"
            edited = retitle(text, marker)
            saved = target.with_name(target.name + ".tmp")
            saved.write_text(edited, encoding="utf-8")
            start = time.perf_counter()
            os.replace(saved, target)  # an editor's save: the file changes at once
            text = edited
            while True:
                try:
                    if all(marker in p.read_text(encoding="utf-8") for p in (page, merchant_page)):
                        break
                except OSError:
                    pass
                if time.perf_counter() - start > 120:
                    raise SystemExit(f"preview: {marker} not on disk after 120 s")
                time.sleep(0.005)
            latencies.append(round(time.perf_counter() - start, 3))
            print(f"N={size} preview save {n}: {latencies[-1]} s to both pages", flush=True)
            if n < edits:
                time.sleep(gap)
        last = build_after(start)
        print(f"N={size} preview: the last whole build took {last} s", flush=True)
    finally:
        proc.terminate()  # SIGTERM: the task stops its preview process and exits
        proc.wait()
        memory.stop()
        log.close()
    return {"latencies": latencies, "gap": gap,
            "builds": [{"seconds": first}] + [{"seconds": s} for _w, s in builds[1:]],
            "main_mb": round(memory.main_hwm, 1),
            "all_rss_mb": round(memory.sum_rss, 1), "all_pss_mb": round(memory.sum_pss, 1)}  # fmt: skip


def run_phases(size: int, content: Path) -> dict:
    """One more build of (a), with CPU per phase and per kind of process."""
    from phases import phase_profile

    output = WORK / "out" / f"{size}-phases"
    cmd = pelican_command(content, output, settings_file("m", size))
    result = phase_profile(cmd, build_environment(), ROOT, WORK / "logs" / f"{size}-phases.log",
                           WORK / f"marks-{size}.txt")  # fmt: skip
    shutil.rmtree(output, ignore_errors=True)
    print(f"N={size} phases of (a): {result}", flush=True)
    return result


def phase_table(phases: dict) -> list[str]:
    """The phases of one build of (a) as a Markdown table."""
    from phases import KINDS, PHASES

    rows = phases["phases"]
    wall = sum(rows[p]["wall"] for p in PHASES) or 1.0
    out = ["| phase of (a) | wall s | share of wall | CPU s: main | workers | Pagefind "
           "| cores busy |", "|---|---|---|---|---|---|---|"]  # fmt: skip
    for p in PHASES:
        row = rows[p]
        cpu = sum(row[k] for k in KINDS)
        busy = cpu / row["wall"] if row["wall"] else 0.0
        out.append(f"| {p} | {row['wall']:.1f} | {row['wall'] / wall:.0%} | {row['main']:.1f} "
                   f"| {row['workers']:.1f} | {row['pagefind']:.1f} | {busy:.2f} |")  # fmt: skip
    total = {k: sum(rows[p][k] for p in PHASES) for k in KINDS}
    out.append(f"| whole build | {wall:.1f} | 100% | {total['main']:.1f} | "
               f"{total['workers']:.1f} | {total['pagefind']:.1f} | "
               f"{sum(total.values()) / wall:.2f} |")  # fmt: skip
    return out


def check_cached_output(size: int, content: Path, cached_output: Path, target: Path) -> dict:
    """Compare the cached rebuild's data files and merchant page with a clean build."""
    clean = WORK / "out" / f"{size}-check"
    build(content, settings_file("a", size), clean, WORK / "logs" / f"{size}-check.log")
    slug = re.search(r"merchant: (\S+)", target.read_text(encoding="utf-8")).group(1)
    result = {}
    for rel in ["donnees/temoignages.csv", f"marchands/{slug}/index.html"]:
        a, b = (cached_output / rel), (clean / rel)
        result[rel] = a.exists() and b.exists() and a.read_bytes() == b.read_bytes()
    data = []
    for out in (cached_output, clean):
        loaded = json.loads((out / "donnees/marchands.json").read_text(encoding="utf-8"))
        loaded.pop("generated", None)
        data.append(loaded)
    result["donnees/marchands.json"] = data[0] == data[1]
    shutil.rmtree(clean, ignore_errors=True)
    return result


def versions() -> dict[str, str]:
    import pelican

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": str(os.cpu_count()),
        "python": platform.python_version(),
        "pelican": getattr(pelican, "__version__", "?"),
        "platform": platform.platform(),
    }


# ----------------------------------------------------------------- the run


def run_size(size: int, args: argparse.Namespace) -> dict:
    content = content_dir(size, args.merchants, args.seed)
    (WORK / "logs").mkdir(parents=True, exist_ok=True)
    (WORK / "out").mkdir(parents=True, exist_ok=True)
    settings = {v: settings_file(v, size) for v in args.variants}
    contents = {v: content for v in args.variants}
    targets: dict[str, Path] = {}
    for v in sorted(CACHED & set(args.variants)):
        copy = WORK / f"content-{size}-{v}"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(content, copy)
        contents[v] = copy
        targets[v] = edit_target(copy)
        shutil.rmtree(WORK / "cache" / f"{size}-{v}", ignore_errors=True)
    results: dict[str, list[dict]] = {v: [] for v in args.variants}
    warm: dict[str, dict] = {}
    for v in sorted(CACHED & set(args.variants)):  # cold build that fills the cache
        warm[v] = build(contents[v], settings[v], WORK / "out" / f"{size}-{v}",
                        WORK / "logs" / f"{size}-{v}-warm.log")  # fmt: skip
        print(f"N={size} {v} warm-up (cache written): {warm[v]}", flush=True)
    for rep in range(args.reps):
        for v in args.variants:
            if v in CACHED:
                flip_status(targets[v])
            res = build(contents[v], settings[v], WORK / "out" / f"{size}-{v}",
                        WORK / "logs" / f"{size}-{v}-{rep}.log",
                        then=PEER_INDEX if v == "r" else None)  # fmt: skip
            results[v].append(res)
            print(f"N={size} rep {rep + 1}/{args.reps} {v}: {res}", flush=True)
    checks = {}
    for v in sorted(CACHED & set(args.variants)):
        checks[v] = check_cached_output(size, contents[v], WORK / "out" / f"{size}-{v}",
                                        targets[v])  # fmt: skip
        print(f"N={size} {v} output equal to a clean build: {checks[v]}", flush=True)
    phases = run_phases(size, content) if args.phases else None
    preview = preview_latency(size, content) if args.preview else None
    merchants = (
        sum(1 for _ in (content / "merchants").glob("*.md")) if size in CORPORA else args.merchants
    )
    data = {"size": size, "merchants": merchants, "reps": args.reps, "seed": args.seed,
            "corpus": str(CORPORA[size]) if size in CORPORA else None,
            "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
            "machine": versions(), "results": results, "warm": warm, "checks": checks,
            "phases": phases, "preview": preview}  # fmt: skip
    (WORK / f"results-{size}.json").write_text(json.dumps(data, indent=1), encoding="utf-8")
    if not args.keep_output:
        for v in args.variants:
            shutil.rmtree(WORK / "out" / f"{size}-{v}", ignore_errors=True)
    return data


def profile(size: int, args: argparse.Namespace, top: int = 15) -> str:
    import pstats

    content = content_dir(size, args.merchants, args.seed)
    (WORK / "logs").mkdir(parents=True, exist_ok=True)
    prof = WORK / f"profile-a-{size}.prof"
    res = build(content, settings_file("a", size), WORK / "out" / f"{size}-profile",
                WORK / "logs" / f"{size}-profile.log", profile=prof)  # fmt: skip
    shutil.rmtree(WORK / "out" / f"{size}-profile", ignore_errors=True)
    lines = [f"cProfile of (a) at N={size}: {res['wall']} s under the profiler", ""]
    for key in ("cumulative", "tottime"):
        stream = io.StringIO()
        stats = pstats.Stats(str(prof), stream=stream)
        stats.sort_stats(key).print_stats(top)
        lines.append(f"--- sorted by {key} ---")
        lines.append(stream.getvalue().split("\n\n", 1)[-1].strip())
        lines.append("")
    text = "\n".join(lines)
    (WORK / f"profile-a-{size}.txt").write_text(text, encoding="utf-8")
    return text


def typography_cost(size: int, args: argparse.Namespace) -> str:
    """In-process cost of typographie.apply() on the N rendered bodies (no profiler)."""
    import markdown

    sys.path.insert(0, str(ROOT))
    import pelicanconf
    from typographie.french import apply

    content = content_dir(size, args.merchants, args.seed)
    md = markdown.Markdown(
        extensions=list(pelicanconf.MARKDOWN["extension_configs"]),
        output_format=pelicanconf.MARKDOWN.get("output_format", "html5"),
    )
    bodies = []
    for path in sorted(content.glob("temoignages/*/*.md")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        bodies.append(md.reset().convert(body))
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        for html in bodies:
            apply(html)
        best = min(best, time.process_time() - start)
    per = best / len(bodies) * 1000
    size_kb = sum(map(len, bodies)) / len(bodies) / 1024
    return (
        f"typographie.apply on {len(bodies)} rendered bodies (mean {size_kb:.1f} KiB): "
        f"{best:.3f} s CPU in all, {per:.3f} ms per body (best of 5)"
    )


# ----------------------------------------------------------------- report


def _stat(values: list[float]) -> tuple[float, float, float]:
    return statistics.median(values), min(values), max(values)


def _load(runs: list[dict]) -> str:
    loads = [r["load"] for r in runs if "load" in r]
    return f"{statistics.median(loads):.1f}" if loads else "–"


def _verdict(met: bool) -> str:
    return "met" if met else "NOT MET"


def _median(runs: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def report(sizes: list[int]) -> str:
    out = []
    loaded = {}
    for size in sizes:
        path = WORK / f"results-{size}.json"
        if path.exists():
            loaded[size] = json.loads(path.read_text(encoding="utf-8"))
    for size, data in loaded.items():
        m = data["machine"]
        origin = (f"corpus {data['corpus']}" if data.get("corpus")
                  else f"generated, seed {data.get('seed')}")  # fmt: skip
        out.append(f"### N = {size} testimonies, {data['merchants']} merchants ({origin})\n")
        out.append(f"`{data['command']}` — {m['date']}, nproc {m['nproc']}, Python "
                   f"{m['python']}, Pelican {m['pelican']}, {m['platform']}\n")  # fmt: skip
        out.append("| variant | wall s, median (min–max) | CPU s, all processes | main process "
                   "peak MB | all processes peak MB, RSS / PSS | processes | .html pages "
                   "| load before |")  # fmt: skip
        out.append("|---|---|---|---|---|---|---|---|")
        for v, runs in data.get("results", {}).items():
            if not runs:
                continue
            w = _stat([r["wall"] for r in runs])
            main_mb = max(r.get("main_mb", r["maxrss_mb"]) for r in runs)
            rss = max(r.get("all_rss_mb", r["maxrss_mb"]) for r in runs)
            pss = max(r.get("all_pss_mb", 0) for r in runs)
            procs = max(r.get("processes", 1) for r in runs)
            out.append(f"| {LABELS[v]} | {w[0]:.2f} ({w[1]:.2f}–{w[2]:.2f}) | "
                       f"{_median(runs, 'cpu'):.2f} | {main_mb:.0f} | {rss:.0f} / {pss:.0f} | "
                       f"{procs} | {runs[-1]['pages']} | "
                       f"{_load(runs)} |")  # fmt: skip
        for v, res in data.get("warm", {}).items():
            out.append(f"| {LABELS[v]}: warm-up, cache written (1 run) | {res['wall']:.2f} | "
                       f"{res['cpu']:.2f} | {res['maxrss_mb']:.0f} | | | {res['pages']} |")  # fmt: skip
        med = {v: _median(runs, "wall") for v, runs in data.get("results", {}).items() if runs}
        cpu = {v: _median(runs, "cpu") for v, runs in data.get("results", {}).items() if runs}
        out.append("")
        out.append("Ratios of medians, wall time (CPU time of all processes in brackets):\n")
        ratios = [("(a)/(r)", "a", "r", 0.8), ("(a)/(c)", "a", "c", None),
                  ("(a)/(s)", "a", "s", None),
                  ("(s)/(c)", "s", "c", None), ("(s)/(b)", "s", "b", None),
                  ("(d)/(a)", "d", "a", None), ("(f)/(a)", "f", "a", None)]  # fmt: skip
        for label, x, y, budget in ratios:
            if x in med and y in med:
                r = med[x] / med[y]
                verdict = (
                    ""
                    if budget is None
                    else (f" (target ≤ {budget}: " + ("met" if r <= budget else "NOT MET") + ")")
                )
                out.append(f"- {label} = {r:.2f} [{cpu[x] / cpu[y]:.2f}]{verdict}")
        for v, main_budget, all_budget in (("a", 250, 600), ("s", 400, 400)):
            runs = data["results"].get(v)
            if not runs:
                continue
            main_mb = max(r.get("main_mb", r["maxrss_mb"]) for r in runs)
            rss = max(r.get("all_rss_mb", r["maxrss_mb"]) for r in runs)
            pss = max(r.get("all_pss_mb", 0) for r in runs)
            out.append(f"- peak memory of ({v}): main process {main_mb:.0f} MB (target ≤ "
                       f"{main_budget}: " + _verdict(main_mb <= main_budget) + "), all "
                       f"processes {rss:.0f} MB RSS / {pss:.0f} MB PSS (target ≤ {all_budget}: "
                       + _verdict(pss <= all_budget) + ")")  # fmt: skip
        if data.get("phases"):
            phases = data["phases"]
            out.append("")
            out.append(f"One more build of (a), phase by phase ({phases['wall']:.1f} s, "
                       f"{phases['cpu']:.1f} s CPU):\n")  # fmt: skip
            out.extend(phase_table(phases))
            out.append("")
        for v, check in data.get("checks", {}).items():
            out.append(f"- {LABELS[v]}: output identical to a clean build: {check}")
        preview = data.get("preview")
        if preview:
            lat = preview["latencies"]
            whole = [b["seconds"] for b in preview["builds"][1:]]
            med_lat = statistics.median(lat)
            out.append(f"- preview (`invoke livereload`, pelicanconf.py): "
                       f"first build {preview['builds'][0]['seconds']:.2f} s; after each of "
                       f"{len(lat)} saves {preview.get('gap', 1.0):g} s apart, seconds to the "
                       f"testimony's page and its merchant's page: "
                       f"{', '.join(f'{x:.2f}' for x in lat)}, median {med_lat:.2f}, max "
                       f"{max(lat):.2f} (target ≤ 0.5 and ≤ 1: "
                       + _verdict(med_lat <= 0.5 and max(lat) <= 1) + "); whole "
                       f"build {', '.join(f'{x:.2f}' for x in whole)} s; peak memory: main "
                       f"{preview['main_mb']:.0f} MB, all processes {preview['all_rss_mb']:.0f}"
                       f" MB RSS / {preview['all_pss_mb']:.0f} MB PSS")  # fmt: skip
        out.append("")
    if len(loaded) >= 2:
        small, large = min(loaded), max(loaded)
        for v in ("a", "s", "c", "r"):
            if v in loaded[small]["results"] and v in loaded[large]["results"]:
                t_s = _median(loaded[small]["results"][v], "wall")
                t_l = _median(loaded[large]["results"][v], "wall")
                c_s = _median(loaded[small]["results"][v], "cpu")
                c_l = _median(loaded[large]["results"][v], "cpu")
                target = " (target ≤ 5.5: " + ("met" if t_l / t_s <= 5.5 else "NOT MET") + ")"
                out.append(f"- {LABELS[v]}: time({large})/time({small}) = {t_l / t_s:.2f}"
                           f" [{c_l / c_s:.2f}]" + (target if v in "as" else ""))  # fmt: skip
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["a", "s", "c", "r"],
                        choices=sorted(SETTINGS))  # fmt: skip
    parser.add_argument("--no-phases", dest="phases", action="store_false",
                        help="skip the build of (a) timed phase by phase")  # fmt: skip
    parser.add_argument("--no-preview", dest="preview", action="store_false",
                        help="skip the preview-latency measure")  # fmt: skip
    parser.add_argument("--only-preview", action="store_true",
                        help="measure the preview again into the existing results")  # fmt: skip
    parser.add_argument("--merchants", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2009)
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile (a) at size N")
    parser.add_argument("--report", action="store_true", help="print the tables and stop")
    parser.add_argument("--typography", type=int, metavar="N", help="time apply() alone at size N")
    parser.add_argument("--keep-output", action="store_true")
    parser.add_argument("--corpus", type=Path, nargs="+", default=[], metavar="DIR",
                        help="content folders laid out like content/ (e.g. a corpus kept "
                        "out of the repository) to measure instead of generated ones; "
                        "each is labelled by its number of testimony files")  # fmt: skip
    args = parser.parse_args(argv)
    for folder in args.corpus:
        if not (folder / "temoignages").is_dir():
            raise SystemExit(f"--corpus {folder}: no temoignages/ folder in it")
        CORPORA[corpus_size(folder)] = folder.resolve()
    if CORPORA:
        args.sizes = sorted(CORPORA)
    if args.report:
        print(report(args.sizes))
        return
    if args.typography:
        print(typography_cost(args.typography, args))
        return
    if args.profile:
        print(profile(args.profile, args))
        return
    if args.only_preview:
        for size in args.sizes:
            path = WORK / f"results-{size}.json"
            data = json.loads(path.read_text(encoding="utf-8"))
            data["preview"] = preview_latency(size, content_dir(size, args.merchants, args.seed))
            data["preview"]["command"] = " ".join(["python", "benchmarks/run.py", *sys.argv[1:]])
            data["preview"]["date"] = versions()["date"]
            path.write_text(json.dumps(data, indent=1), encoding="utf-8")
        print(report(args.sizes))
        return
    for size in args.sizes:
        run_size(size, args)
    print(report(args.sizes))


if __name__ == "__main__":
    main()
