"""A save during a preview build: its pages are written at once by the process of the
last good build, the build under way is stopped whole (its forks with it) and the
next one ends with a clean build's output.

Builds are held at a gate by a test-only plugin (:mod:`tests.support.rebuild_gate`),
which also logs each build's processes: a build starts only once every process of
the ones before has ended (the holders aside).
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from parallel_build.preview import BuildResult, PreviewProcess
from parallel_build.preview.session import SUPERSEDED
from pelican.settings import get_settings_from_file

from tests.support.corpus import stable_differences as differences
from tests.support.preview import (
    built_preview,
    clean_build,
    edit,
    merchant_of,
    pages_of,
    preview_site,
)
from tests.support.rebuild_gate import PLUGIN, Gate, alive
from tests.support.sample import ROOT


@pytest.fixture
def site(tmp_path: Path) -> tuple[Path, Path]:
    return preview_site(tmp_path)


@pytest.fixture
def gate(tmp_path: Path) -> Gate:
    return Gate(tmp_path)


def gated(gate: Gate) -> dict[str, Any]:
    """Settings of a preview whose builds wait at ``gate`` (two writing processes)."""
    plugins = get_settings_from_file(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    return {"PLUGINS": [*plugins, PLUGIN], "PARALLEL_PROCESSES": 2, **gate.settings()}


@pytest.fixture
def server(site: tuple[Path, Path], gate: Gate, tmp_path: Path) -> Iterator[PreviewProcess]:
    """A preview process after its first build (not held: the gate is open)."""
    content, theme = site
    server = PreviewProcess(
        str(ROOT / "pelicanconf.py"),
        cwd=str(ROOT),
        PATH=str(content),
        THEME=str(theme),
        OUTPUT_PATH=str(tmp_path / "preview"),
        **gated(gate),
    )
    try:
        first = server.build()
        assert first.ok, first.message
        yield server
    finally:
        gate.open()
        server.close()


class Save:
    """One request to the preview: when its early pages and its result came, and the
    text of those pages as the warm path left them."""

    def __init__(self, server: PreviewProcess, output: Path) -> None:
        self.output = output
        self.asked = time.perf_counter()
        self.early_at: float | None = None
        self.result_at: float | None = None
        self.pages: dict[str, str] = {}
        self.early_came = threading.Event()
        self.request = server.request(on_early=self._early, on_result=self._result)

    def _early(self, names: list[str]) -> None:
        self.early_at = time.perf_counter()
        self.pages = {name: (self.output / name).read_text(encoding="utf-8") for name in names}
        self.early_came.set()

    def _result(self, _result: BuildResult) -> None:
        self.result_at = time.perf_counter()

    def early(self, timeout: float = 60) -> dict[str, str]:
        assert self.early_came.wait(timeout), "no pages written by the warm path"
        return self.pages

    def result(self, timeout: float = 180) -> BuildResult:
        result = self.request.wait(timeout)
        assert result is not None, "no result"
        return result


def assert_one_build_at_a_time(gate: Gate) -> None:
    """Each build started once the processes of the builds before had ended, in a
    process group of its own; the gate held processes of the builds it names."""
    starts = gate.events("start")
    assert starts and all(start["alive"] == [] for start in starts), starts
    assert all(start["pgid"] == start["pid"] for start in starts), starts
    groups = {start["pid"] for start in starts}
    assert all(wait["pgid"] in groups for wait in gate.events("wait"))


def test_a_save_during_a_build_is_written_warm_and_supersedes_it(
    site: tuple[Path, Path], server: PreviewProcess, gate: Gate, tmp_path: Path
) -> None:
    content, theme = site
    output = tmp_path / "preview"
    testimony = sorted(content.glob("temoignages/*/*.md"))[3]
    names = pages_of(testimony)
    gate.close()
    edit(testimony, r'^title: "', 'title: "Premier ')
    first = Save(server, output)
    assert set(first.early()) == names
    held = gate.waiting(build=1)  # its forks have written their first pages and wait
    first_build = held[0]["pgid"]
    assert all(e["ppid"] == first_build for e in held)  # stopped with it

    edit(testimony, r'^title: "Premier ', 'title: "Second ')
    second = Save(server, output)
    pages = second.early()
    superseded = first.result()
    assert superseded.superseded and not superseded.ok and superseded.message == SUPERSEDED
    assert set(pages) == names and all("Second " in text for text in pages.values())
    gate.waiting(build=2)  # the second build is held too: its result cannot come before
    assert second.result_at is None
    gate.open()
    result = second.result()
    assert result.ok, result.message
    assert set(result.early) == names and result.early_refused == ""
    assert second.early_at is not None and second.result_at is not None
    assert first.result_at is not None and first.result_at < second.early_at
    assert second.early_at < second.result_at
    print(f"saved → both pages on disk: {second.early_at - second.asked:.3f} s")

    assert_one_build_at_a_time(gate)
    starts = gate.events("start")
    assert len(starts) == 3 and starts[1]["pid"] == first_build  # first build, then two
    assert [e["pid"] for e in gate.events("end")] == [starts[0]["pid"], starts[2]["pid"]]
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []


def test_three_saves_in_a_row_are_each_written_warm(
    site: tuple[Path, Path], server: PreviewProcess, gate: Gate, tmp_path: Path
) -> None:
    content, theme = site
    output = tmp_path / "preview"
    testimony = next(
        t
        for t in sorted(content.glob("temoignages/*/*.md"))
        if "{status: open," in t.read_text(encoding="utf-8")
    )
    names = pages_of(testimony)
    gate.close()
    saves = []
    for n in range(3):
        edit(testimony, r'^title: "', f'title: "Revu{n} ')
        if n == 1:  # the merchant page's scorecard counts it as unresolved now
            edit(testimony, r"\{status: open,", "{status: unresolved,")
        saves.append(Save(server, output))
        pages = saves[-1].early()
        assert set(pages) == names
        assert all(f"Revu{n} " in text for text in pages.values())
    gate.open()
    results = [save.result() for save in saves]
    assert [r.superseded for r in results] == [True, True, False]
    assert results[-1].ok, results[-1].message
    assert_one_build_at_a_time(gate)
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []
    for name, text in saves[-1].pages.items():  # nothing the whole build knows more
        assert text == (output / name).read_text(encoding="utf-8")


def test_a_new_file_during_a_build_supersedes_it_without_warm_pages(
    site: tuple[Path, Path], server: PreviewProcess, gate: Gate, tmp_path: Path
) -> None:
    """The holder cannot show a new file: it ends, and the next good build holds."""
    content, theme = site
    output = tmp_path / "preview"
    testimonies = sorted(content.glob("temoignages/*/*.md"))
    testimony = testimonies[6]
    gate.close()
    edit(testimony, r'^title: "', 'title: "Avant ')
    first = Save(server, output)
    assert set(first.early()) == pages_of(testimony)
    gate.waiting(build=1)

    added = testimony.with_name("nouveau-temoignage.md")
    shutil.copy(testimony, added)
    edit(added, r"^slug: \S+$", "slug: nouveau-temoignage")
    edit(added, r'^title: "Avant ', 'title: "Nouveau ')
    second = Save(server, output)
    assert first.result().superseded
    gate.open()
    result = second.result()
    assert result.ok, result.message
    assert result.early == [] and result.early_refused == "article files added or removed"
    assert second.early_at is None

    edit(testimony, r'^title: "Avant ', 'title: "Après ')
    third = Save(server, output)  # held by the second build's process
    result = third.result()
    assert result.ok and set(result.early) == pages_of(testimony), result.early_refused
    assert all("Après " in text for text in third.pages.values())
    assert_one_build_at_a_time(gate)
    assert differences(output, clean_build(content, theme, tmp_path / "clean")) == []


def test_the_holder_s_successive_refreshes_write_a_clean_build_s_pages(
    site: tuple[Path, Path], tmp_path: Path
) -> None:
    """One holder, several warm refreshes (each build cancelled as soon as started):
    the same file twice, then another testimony of the same merchant; the pages they
    write are a clean build's, the merchant's page counting every earlier refresh."""
    content, theme = site
    output = tmp_path / "preview"
    testimonies = sorted(content.glob("temoignages/*/*.md"))
    a = next(t for t in testimonies if "{status: open," in t.read_text(encoding="utf-8"))
    b = next(t for t in testimonies if t != a and merchant_of(t) == merchant_of(a))
    written: dict[str, bytes] = {}

    def keep(names: list[str]) -> None:
        written.update({name: (output / name).read_bytes() for name in names})

    def refresh() -> set[str]:
        written.clear()
        preview.start(on_early=keep)
        assert preview.cancel().superseded
        return set(written)

    with built_preview(site, output) as preview:
        edit(a, r'^title: "', 'title: "Un ')
        assert refresh() == pages_of(a)
        edit(a, r'^title: "Un ', 'title: "Deux ')
        edit(a, r"\{status: open,", "{status: unresolved,")
        assert refresh() == pages_of(a)
        clean = clean_build(content, theme, tmp_path / "clean1")
        assert {name: (clean / name).read_bytes() for name in written} == written

        edit(b, r'^title: "', 'title: "Trois ')
        assert refresh() == pages_of(b)
        clean = clean_build(content, theme, tmp_path / "clean2")
        assert {name: (clean / name).read_bytes() for name in written} == written
        result = preview.build()  # nothing changed since the holder's refresh: it stays
        assert result.ok and result.early == [], result.message
        assert result.early_refused == "0 article files changed"
        edit(b, r'^title: "Trois ', 'title: "Quatre ')
        assert refresh() == pages_of(b)  # the new build holds the site now
        assert preview.build().ok
    assert differences(output, clean_build(content, theme, tmp_path / "clean3")) == []


def build_processes(gate: Gate, build: int) -> set[int]:
    """The ``build``-th build's main process and the forks it held at the gate."""
    group = gate.events("start")[build]["pid"]
    return {group} | {e["pid"] for e in gate.events("wait") if e["pgid"] == group}


def none_alive(pids: set[int], timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while any(alive(pid) for pid in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_closing_at_once_stops_the_build_under_way(
    site: tuple[Path, Path], server: PreviewProcess, gate: Gate
) -> None:
    content, _theme = site
    edit(sorted(content.glob("temoignages/*/*.md"))[2], r'^title: "', 'title: "Fermé ')
    gate.close()
    request = server.request()
    gate.waiting(build=1)
    server.close(timeout=0)
    result = request.wait(30)
    assert result is not None and not result.ok and not result.superseded
    assert none_alive(build_processes(gate, 1) | build_processes(gate, 0))  # and the holder


def test_a_preview_process_that_dies_is_started_again(
    site: tuple[Path, Path], server: PreviewProcess, gate: Gate
) -> None:
    """Its build and its holder end with it; the next request is served by a new one."""
    content, _theme = site
    testimony = sorted(content.glob("temoignages/*/*.md"))[2]
    edit(testimony, r'^title: "', 'title: "Perdu ')
    gate.close()
    request = server.request()
    gate.waiting(build=1)
    os.kill(gate.events("start")[1]["ppid"], signal.SIGKILL)
    result = request.wait(30)
    assert result is not None and not result.ok
    assert result.message == "le processus d'aperçu s'est arrêté ; il a été relancé"
    assert none_alive(build_processes(gate, 1) | build_processes(gate, 0))
    gate.open()
    edit(testimony, r'^title: "Perdu ', 'title: "Retrouvé ')
    assert server.build().ok  # the new process's first build (no holder yet)
    result = server.build()
    assert result.ok and result.early == [] and result.early_refused == "0 article files changed"
