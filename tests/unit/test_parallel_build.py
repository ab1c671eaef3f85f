"""Pure parts of plugins/parallel_build: transfer, task order, jobs, stale files."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

from parallel_build import listed
from parallel_build.preview import remove_stale
from parallel_build.reading import slug_names
from parallel_build.transfer import dumps, loads
from parallel_build.workers import Jobs, results
from parallel_build.writing import (
    RecordingWriter,
    Task,
    grown_lists,
    order,
    write_in_parallel,
)
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import Author, Category, Tag


class Thing:
    def __init__(self, settings: dict, context: dict, payload: list) -> None:
        self.settings, self._context, self.payload = settings, context, payload


def test_shared_objects_travel_by_name_and_come_back_as_the_loaders_own() -> None:
    settings, context = {"SITEURL": "x"}, {"articles": ["huge"]}
    data = dumps(Thing(settings, context, [1, 2]), {"settings": settings, "context": context})
    assert b"huge" not in data  # the context itself is not in the bytes
    mine_settings, mine_context = {"SITEURL": "y"}, {}
    thing = loads(data, {"settings": mine_settings, "context": mine_context})
    assert thing.settings is mine_settings and thing._context is mine_context
    assert thing.payload == [1, 2]


def test_tasks_of_edited_pages_come_first_then_costliest_first_in_stable_order() -> None:
    tasks = [Task("a", cost=1), Task("b", cost=5), Task("c", cost=1), Task("d", cost=9)]
    assert [t.name for t in order(tasks)] == ["d", "b", "a", "c"]
    assert [t.name for t in order(tasks, first={"c", "a"})] == ["a", "c", "d", "b"]


def test_every_job_is_done_once_across_processes_and_failures_are_left_to_the_caller() -> None:
    jobs = Jobs(50)

    def job(index: int) -> int:
        if index == 7:
            raise ValueError("the main process does this one again")
        return index * index

    done = dict(results(jobs.fork(3, job)))
    jobs.join()
    assert done == {i: i * i for i in range(50) if i != 7}


def test_stale_files_go_static_and_theme_files_and_this_builds_files_stay(tmp_path: Path) -> None:
    output, theme = tmp_path / "output", tmp_path / "theme"
    (theme / "static" / "css").mkdir(parents=True)
    (theme / "static" / "css" / "site.css").write_text("a", encoding="utf-8")
    files = ["old-tag/index.html", "images/logo.svg", "theme/css/site.css", "theme/css/gone.css"]
    for name in files:
        (output / name).parent.mkdir(parents=True, exist_ok=True)
        (output / name).write_text("old", encoding="utf-8")
        os.utime(output / name, ns=(1, 1))  # written long ago
    time.sleep(0.01)
    (output / "new.html").write_text("new", encoding="utf-8")
    started = (output / "new.html").stat().st_mtime_ns
    settings = {"THEME": str(theme), "THEME_STATIC_PATHS": ["static"], "THEME_STATIC_DIR": "theme"}
    remove_stale(output, started, ["images/logo.svg"], settings)
    left = sorted(p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file())
    assert left == ["images/logo.svg", "new.html", "theme/css/site.css"]
    assert not (output / "old-tag").exists()


class ListingWriter:
    """A writer whose 'receiver' appends to a list of the context, as findability's does."""

    def __init__(self, context: dict, log: Path) -> None:
        self.context, self.log = context, log

    def write_file(self, name: str) -> None:
        self.context["written"].append(name)
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        time.sleep(0.01)  # rendering takes time: the forks have started before it all ends


def test_what_workers_receivers_append_to_the_context_reaches_the_main_process(
    tmp_path: Path,
) -> None:
    context = {"written": [], "other": ["kept"]}
    writer = ListingWriter(context, tmp_path / "pids")
    names = [f"page-{n}.html" for n in range(60)]
    tasks = [Task(name, calls=[("write_file", (name,), {})]) for name in names]
    write_in_parallel(writer, tasks, 3, context)
    assert sorted(context["written"]) == sorted(names)  # each once, whoever wrote it
    assert context["other"] == ["kept"]
    pids = set((tmp_path / "pids").read_text(encoding="utf-8").split())
    assert len(pids) > 1  # workers did write some


def test_grown_lists_sends_only_the_new_items_once() -> None:
    context = {"a": [1], "b": [], "c": "text"}
    lengths = {"a": 1, "b": 0}
    context["a"] += [2, 3]
    assert grown_lists(context, lengths) == {"a": [2, 3]}
    assert grown_lists(context, lengths) == {}


def test_the_plugin_acts_only_in_builds_that_list_it() -> None:
    assert listed({"PLUGINS": ["complaints", "typographie", "parallel_build"]})
    assert not listed({"PLUGINS": ["complaints", "typographie"]})


def test_a_shared_out_job_is_done_once_by_some_process_beside_the_noted_writes(
    tmp_path: Path,
) -> None:
    context = {"written": []}
    recorder = RecordingWriter(ListingWriter(context, tmp_path / "pids"))
    for n in range(20):
        recorder.write_file(f"page-{n}.html")

    def data_files() -> None:  # a job writes files, nothing the main process must see
        with (tmp_path / "data.csv").open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")

    recorder.share_out("donnees/", data_files, cost=100)
    tasks = order(recorder.tasks.values())
    assert tasks[0].name == "donnees/"  # the costliest first
    write_in_parallel(recorder.writer, tasks, 3, context)
    assert len((tmp_path / "data.csv").read_text(encoding="utf-8").split()) == 1
    assert len(context["written"]) == 20


def test_a_worker_sends_the_slugs_of_an_articles_names_with_it() -> None:
    settings = dict(DEFAULT_CONFIG)
    article = SimpleNamespace(
        category=Category("Témoignages", settings),
        author=Author("Équipe Allo", settings),
        authors=[Author("Équipe Allo", settings)],
        tags=[Tag("Livraison ratée", settings)],
    )
    slug_names(article)
    names = [article.category, article.author, *article.authors, *article.tags]
    data = dumps(article, {"settings": settings})
    twins = loads(data, {"settings": settings})
    loaded = [twins.category, twins.author, *twins.authors, *twins.tags]
    assert [n._slug for n in loaded] == ["temoignages", "equipe-allo", "equipe-allo",
                                         "livraison-ratee"]  # fmt: skip
    assert [n._slug for n in loaded] == [n.slug for n in names]
    slug_names(SimpleNamespace())  # a content without names: nothing to do
