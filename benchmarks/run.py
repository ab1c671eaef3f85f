"""Build benchmark of the magazine (issue 6). Run by hand or with `invoke bench`.

    python benchmarks/run.py --sizes 1000 5000 --reps 3

For each size N, the content is generated once (benchmarks/generate.py, seeded) under
benchmarks/work/content-N, then the variants are built in ONE run, round-robin
(a b c d e a b c d e ...), so that the drift of a shared machine hits them alike:

  a  the site as published: publishconf.py, all feeds, complaints + typographie
  b  the same files and theme, complaints and typographie plugins off (the site's
     reader, complaints.pelican_reader, stays: it is configuration, not the plugins' work); the theme's
     Jinja filters (complaints.formatting.FILTERS, pure formatting) are registered
     through JINJA_FILTERS so the theme still renders; no merchant pages/data files
  c  plain Pelican: default theme (notmyidea), no plugin but yaml_metadata, the
     site's Markdown extensions, pagination and feed settings (tag, category,
     author and all-feeds on)
  d  cached rebuild of (a): CACHE_CONTENT, LOAD_CONTENT_CACHE, CONTENT_CACHING_LAYER
     = "generator", after editing one testimony (its outcome.status flips between
     open and unresolved at each repetition); runs on its own copy of the content,
     warmed by one untimed build
  e  (a) with TYPOGRAPHIE_ENABLED = False (cost of the typography = a - e)
  f  like d with CONTENT_CACHING_LAYER = "reader"

Every build is a fresh `python -m pelican` subprocess; wall time is measured around
it and peak RSS and CPU time come from os.wait4() on that very child (per-process,
not the maximum over all children). Pages written = .html files in the output.
Results go to benchmarks/work/results-N.json; --report prints the Markdown tables
of docs/performance.md from those files.
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
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WORK = ROOT / "benchmarks" / "work"
SITEURL = "https://allo-cest-fini.example"
PY = sys.executable

sys.path.insert(0, str(ROOT / "benchmarks"))
from generate import SECTIONS  # noqa: E402  (the sections the generated content uses)

COMMON_HEAD = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
sys.path.insert(0, {str(ROOT / "plugins")!r})
from publishconf import *  # noqa: F403
THEME = {str(ROOT / "theme")!r}
PLUGIN_PATHS = [{str(ROOT / "plugins")!r}]
COMPLAINTS_SECTIONS = {[section for section, _folder, _weight in SECTIONS]!r}
"""

SETTINGS = {
    "a": COMMON_HEAD,
    "b": COMMON_HEAD
    + """
from complaints.formatting import FILTERS
PLUGINS = ["complaints.pelican_reader"]  # the site's reader (and validator) only
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
    "f": COMMON_HEAD
    + """
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
CACHE_PATH = @CACHE@
""",
}
CACHED = {"d", "f"}
LABELS = {
    "a": "(a) site as published",
    "b": "(b) plugins off (filters kept)",
    "c": "(c) plain Pelican",
    "d": "(d) cached rebuild, generator layer",
    "e": "(e) site, typography off",
    "f": "(f) cached rebuild, reader layer",
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


def content_dir(size: int, merchants: int, seed: int) -> Path:
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


def build(content: Path, settings: Path, output: Path, log: Path,
          profile: Path | None = None) -> dict[str, float | int]:  # fmt: skip
    """One build in a fresh subprocess; wall time, peak RSS, CPU of that child."""
    cmd = [PY]
    if profile is not None:
        cmd += ["-m", "cProfile", "-o", str(profile)]
    cmd += ["-m", "pelican", str(content), "-o", str(output), "-s", str(settings),
            "--fatal", "errors"]  # fmt: skip
    env = {**os.environ, "SITEURL": SITEURL, "PYTHONHASHSEED": "0"}
    with log.open("w", encoding="utf-8") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        tail = log.read_text(encoding="utf-8", errors="replace")[-3000:]
        raise SystemExit(f"build failed ({proc.returncode}): {' '.join(cmd)}\n{tail}")
    pages = sum(1 for _ in output.rglob("*.html"))
    files = sum(1 for p in output.rglob("*") if p.is_file())
    return {
        "wall": round(wall, 3),
        "cpu": round(usage.ru_utime + usage.ru_stime, 3),
        "maxrss_mb": round(usage.ru_maxrss / 1024, 1),  # Linux: kilobytes
        "pages": pages,
        "files": files,
    }


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
                        WORK / "logs" / f"{size}-{v}-{rep}.log")  # fmt: skip
            results[v].append(res)
            print(f"N={size} rep {rep + 1}/{args.reps} {v}: {res}", flush=True)
    checks = {}
    for v in sorted(CACHED & set(args.variants)):
        checks[v] = check_cached_output(size, contents[v], WORK / "out" / f"{size}-{v}",
                                        targets[v])  # fmt: skip
        print(f"N={size} {v} output equal to a clean build: {checks[v]}", flush=True)
    data = {"size": size, "merchants": args.merchants, "reps": args.reps, "seed": args.seed,
            "command": " ".join(["python", "benchmarks/run.py", *sys.argv[1:]]),
            "machine": versions(), "results": results, "warm": warm, "checks": checks}  # fmt: skip
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

    sys.path.insert(0, str(ROOT / "plugins"))
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


def report(sizes: list[int]) -> str:
    out = []
    loaded = {}
    for size in sizes:
        path = WORK / f"results-{size}.json"
        if path.exists():
            loaded[size] = json.loads(path.read_text(encoding="utf-8"))
    for size, data in loaded.items():
        m = data["machine"]
        out.append(f"### N = {size} testimonies, {data['merchants']} merchants\n")
        out.append(f"`{data['command']}` — {m['date']}, nproc {m['nproc']}, Python "
                   f"{m['python']}, Pelican {m['pelican']}, {m['platform']}\n")  # fmt: skip
        out.append("| variant | wall s, median (min–max) | CPU s | peak RSS MB | .html pages |")
        out.append("|---|---|---|---|---|")
        for v, runs in data["results"].items():
            if not runs:
                continue
            w = _stat([r["wall"] for r in runs])
            c = statistics.median(r["cpu"] for r in runs)
            rss = max(r["maxrss_mb"] for r in runs)
            pages = runs[-1]["pages"]
            out.append(f"| {LABELS[v]} | {w[0]:.2f} ({w[1]:.2f}–{w[2]:.2f}) | {c:.2f} | "
                       f"{rss:.0f} | {pages} |")  # fmt: skip
        for v, res in data.get("warm", {}).items():
            out.append(f"| {LABELS[v]}: warm-up, cache written (1 run) | {res['wall']:.2f} | "
                       f"{res['cpu']:.2f} | {res['maxrss_mb']:.0f} | {res['pages']} |")  # fmt: skip
        med = {v: statistics.median(r["wall"] for r in runs)
               for v, runs in data["results"].items() if runs}  # fmt: skip
        cpu = {v: statistics.median(r["cpu"] for r in runs)
               for v, runs in data["results"].items() if runs}  # fmt: skip
        out.append("")
        out.append("Ratios of medians, wall time (CPU time of the build process in brackets,")
        out.append("steadier on a shared machine):\n")
        ratios = [("(a)/(c)", "a", "c", 1.2), ("(a)/(b)", "a", "b", 1.15),
                  ("(d)/(a)", "d", "a", 0.4), ("(f)/(a)", "f", "a", 0.4)]  # fmt: skip
        for label, x, y, budget in ratios:
            if x in med and y in med:
                r = med[x] / med[y]
                ok = "within" if r <= budget else "OVER"
                out.append(f"- {label} = {r:.2f} [{cpu[x] / cpu[y]:.2f}] (budget ≤ {budget}: {ok})")
        if "a" in med and "e" in med:
            share = (med["a"] - med["e"]) / med["a"]
            share_cpu = (cpu["a"] - cpu["e"]) / cpu["a"]
            ok = "within" if share <= 0.10 else "OVER"
            out.append(f"- typography = ((a) − (e)) / (a) = {share:.1%} [{share_cpu:.1%}] "
                       f"(budget ≤ 10%: {ok})")  # fmt: skip
        if "a" in data["results"]:
            rss = max(r["maxrss_mb"] for r in data["results"]["a"])
            out.append(f"- peak memory of (a): {rss:.0f} MB")
        for v, check in data.get("checks", {}).items():
            out.append(f"- {LABELS[v]}: output identical to a clean build: {check}")
        out.append("")
    if len(loaded) >= 2:
        small, large = min(loaded), max(loaded)
        for v in ("a", "c"):
            if v in loaded[small]["results"] and v in loaded[large]["results"]:
                t_s = statistics.median(r["wall"] for r in loaded[small]["results"][v])
                t_l = statistics.median(r["wall"] for r in loaded[large]["results"][v])
                budget = "budget ≤ 5.5: " + ("within" if t_l / t_s <= 5.5 else "OVER")
                c_s = statistics.median(r["cpu"] for r in loaded[small]["results"][v])
                c_l = statistics.median(r["cpu"] for r in loaded[large]["results"][v])
                out.append(f"- {LABELS[v]}: time({large})/time({small}) = {t_l / t_s:.2f}"
                           f" [{c_l / c_s:.2f}]"
                           + (f" ({budget})" if v == "a" else ""))  # fmt: skip
        rss = max(r["maxrss_mb"] for r in loaded[large]["results"].get("a", [{"maxrss_mb": 0}]))
        out.append(f"- peak memory of (a) at N={large}: {rss:.0f} MB (budget ≤ 300 MB: "
                   + ("within" if rss <= 300 else "OVER") + ")")  # fmt: skip
    return "\n".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["a", "b", "c", "d", "e", "f"],
                        choices=sorted(SETTINGS))  # fmt: skip
    parser.add_argument("--merchants", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2009)
    parser.add_argument("--profile", type=int, metavar="N", help="cProfile (a) at size N")
    parser.add_argument("--report", action="store_true", help="print the tables and stop")
    parser.add_argument("--typography", type=int, metavar="N", help="time apply() alone at size N")
    parser.add_argument("--keep-output", action="store_true")
    args = parser.parse_args(argv)
    if args.report:
        print(report(args.sizes))
        return
    if args.typography:
        print(typography_cost(args.typography, args))
        return
    if args.profile:
        print(profile(args.profile, args))
        return
    for size in args.sizes:
        run_size(size, args)
    print(report(args.sizes))


if __name__ == "__main__":
    main()
