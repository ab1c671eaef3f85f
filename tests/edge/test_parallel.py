"""The parallel build (plugins/parallel_build, on by default) writes what Pelican
untouched (``-e PARALLEL=false``) writes, on a generated 40-testimony corpus.

Pelican untouched runs as `invoke build` does, in a subprocess whose report shows it
forked nothing and changed nothing of Pelican's; the parallel build runs in this
process (to count what workers did). Whole trees are compared except ``pagefind/``,
whose filter files differ between any two runs (test_pagefind_alone_differs_between_runs).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import parallel_build.reading
import parallel_build.workers
import pytest
from parallel_build import processes
from pelican.settings import read_settings

from complaints.edge.messages import ContentProblems
from tests.support.builds import observed_build, run_in_process
from tests.support.corpus import UNSTABLE, differences, generate, stable_differences, tree
from tests.support.sample import ROOT


def build(content: Path, output: Path, config: str = "publishconf.py", **overrides: Any) -> Path:
    """Build in this process with the config as it is (the parallel build is its default)."""
    return run_in_process(content, output, config=config, **overrides)


def untouched_build(content: Path, output: Path, config: str) -> Path:
    """Pelican untouched (``-e PARALLEL=false``), in a subprocess as `invoke build` runs it."""
    result, report = observed_build(
        output, settings=config, content=content, extra={"PARALLEL": "false"}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert report.changes_to_pelican() == []
    return output


def test_the_site_builds_in_parallel_unless_told_otherwise(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PARALLEL", raising=False)
    for config in ("pelicanconf.py", "publishconf.py"):
        assert processes(read_settings(str(ROOT / config))) == len(os.sched_getaffinity(0))
        serial = read_settings(str(ROOT / config), override={"PARALLEL": False})
        assert processes(serial) == 1
    monkeypatch.setenv("PARALLEL", "false")  # `PARALLEL=false invoke build`
    try:
        assert processes(read_settings(str(ROOT / "pelicanconf.py"))) == 1
    finally:  # read_settings leaves the module in sys.modules, where publishconf.py finds it
        monkeypatch.delenv("PARALLEL")
        read_settings(str(ROOT / "pelicanconf.py"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate(tmp_path_factory.mktemp("corpus") / "content", testimonies=40, merchants=6)


@pytest.fixture(scope="module")
def untouched(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Pelican untouched's build of ``corpus`` with a settings file, made once."""
    built: dict[str, Path] = {}

    def get(config: str) -> Path:
        if config not in built:
            output = tmp_path_factory.mktemp("untouched") / "output"
            built[config] = untouched_build(corpus, output, config)
        return built[config]

    return get


def count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> list[int]:
    """Count the items a module's (or class's) function returns (or yields), in this process."""
    original, seen = getattr(module, name), [0]

    def counted(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        if not hasattr(result, "__next__"):
            seen[0] += 1
            return result

        def items() -> Any:
            for item in result:
                seen[0] += 1
                yield item

        return items()

    monkeypatch.setattr(module, name, counted)
    return seen


@pytest.mark.parametrize("config", ["publishconf.py", "pelicanconf.py"])
def test_parallel_build_is_byte_identical_to_pelican_untouched(
    corpus: Path,
    untouched: Callable[[str], Path],
    tmp_path: Path,
    config: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    serial = untouched(config)
    loaded = count_calls(monkeypatch, parallel_build.reading, "loads")
    written = count_calls(monkeypatch, parallel_build.workers.Jobs, "run")  # writes done
    if config == "publishconf.py":  # production empties the output once the content is valid
        (tmp_path / "parallel" / "old").mkdir(parents=True)
        (tmp_path / "parallel" / "old" / "index.html").write_text("stale", encoding="utf-8")
    parallel = build(corpus, tmp_path / "parallel", config, PARALLEL_PROCESSES=3)
    assert loaded[0] == 40  # every article was read by a worker
    assert written[0] > 20  # workers wrote pages too
    files = tree(serial)
    assert len(files) > 100
    assert any(name.startswith("marchands/") for name in files)
    assert any(name.startswith(UNSTABLE) for name in files)  # Pagefind ran
    if config == "publishconf.py":
        assert "sitemap.xml" in files
    assert stable_differences(serial, parallel) == []


def test_pagefind_alone_differs_between_runs(
    corpus: Path, untouched: Callable[[str], Path], tmp_path: Path
) -> None:
    """Why the identity tests skip pagefind/: two untouched builds differ there only
    (some ``pagefind/filter/*.pf_filter`` files, ``pagefind-entry.json``, a ``.pf_meta``)."""
    first = untouched("pelicanconf.py")
    second = untouched_build(corpus, tmp_path / "second", "pelicanconf.py")
    changed = differences(first, second)
    assert all(name.startswith(UNSTABLE) for name in changed)


def test_content_problems_found_in_workers_stop_the_build_alike(
    corpus: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "content"
    generate(broken, testimonies=40, merchants=6)
    first, second = sorted(broken.glob("temoignages/*/*.md"))[3:5]
    first.write_text(
        first.read_text(encoding="utf-8").replace("status: ", "status: perdu_", 1), encoding="utf-8"
    )
    second.write_text(
        second.read_text(encoding="utf-8").replace("  merchant: ", "  merchant: inconnu-", 1),
        encoding="utf-8",
    )
    found = []
    for overrides in ({"PARALLEL": False}, {"PARALLEL_PROCESSES": 2}):
        with pytest.raises(ContentProblems) as stop:
            build(broken, tmp_path / "out", **overrides)
        found.append([str(problem) for problem in stop.value.problems])
    assert found[0] == found[1]
    assert any(first.name in problem and "status" in problem for problem in found[1])
    assert any(second.name in problem and "merchant" in problem for problem in found[1])
