"""Pure parts of plugins/parallel_build: transfer, task order, jobs, stale files."""

from __future__ import annotations

import os
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from parallel_build import listed
from parallel_build.preview import remove_stale
from parallel_build.reading import slug_names
from parallel_build.transfer import dumps, loads
from parallel_build.workers import CLAIM, Jobs, results
from parallel_build.writing import (
    RecordingWriter,
    Task,
    forget_contents_html,
    grown_lists,
    order,
    write_in_parallel,
)
from pelican.contents import Article
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


def page(name: str, cost: float = 1.0, **kwargs: object) -> Task:
    return Task(name, calls=[("write_file", (name,), kwargs)], cost=cost)


def feed(name: str, cost: float = 1.0) -> Task:
    return Task(name, calls=[("write_feed", ([], {}, name), {})], cost=cost)


def test_tasks_come_edited_pages_first_then_feeds_listings_and_single_pages() -> None:
    tasks = [
        page("a/index.html", article="a"),
        feed("small.xml", cost=2),
        page("tags.html", cost=9),
        Task("donnees/", calls=[(print, (), {})], cost=50),  # a shared-out job
        page("b/index.html", article="b"),
        feed("big.xml", cost=7),
        page("about.html", page="about"),
        page("index.html", cost=3),
    ]
    names = [t.name for t in order(tasks)]
    assert names == [
        "donnees/", "big.xml", "small.xml",  # costliest first: one end
        "index.html", "tags.html",  # cheapest first: the meeting point of two processes
        "a/index.html", "b/index.html", "about.html",  # the other end, in their order
    ]  # fmt: skip
    edited = order(tasks, first={"b/index.html", "tags.html"})
    assert [t.name for t in edited][:3] == ["tags.html", "b/index.html", "donnees/"]


def test_forks_with_a_lifetime_are_replaced_until_every_job_is_done() -> None:
    jobs = Jobs(40)
    done = dict(jobs.run(2, lambda index: (index, os.getpid()), lifetime=2))
    jobs.join()
    assert sorted(done) == list(range(40))
    assert len({pid for _index, pid in done.values()}) >= 40 // (2 * CLAIM)  # new forks


def test_claims_from_both_ends_meet_without_overlap() -> None:
    jobs = Jobs(10)
    front, back = jobs.claims(), jobs.claims(from_back=True)
    taken = [next(front), next(back), next(back)]
    assert taken == [0, 9, 8]  # each end claims a few jobs at a time
    rest = list(front) + list(back)
    assert sorted(taken + rest) == list(range(10))


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


def test_grown_lists_takes_out_the_new_items_once() -> None:
    context = {"a": [1], "b": [], "c": "text"}
    lengths = {"a": 1, "b": 0}
    context["a"] += [2, 3]
    assert grown_lists(context, lengths) == {"a": [2, 3]}
    assert context["a"] == [1]  # sent to the main process, not kept
    assert grown_lists(context, lengths) == {}
    context["a"].append(4)
    assert grown_lists(context, lengths) == {"a": [4]}


def test_the_plugin_acts_only_in_builds_that_list_it() -> None:
    assert listed({"PLUGINS": ["complaints", "typographie", "parallel_build"]})
    assert not listed({"PLUGINS": ["complaints", "typographie"]})


class FeedsAndPages:
    """A writer that logs, per process, the feeds and pages it writes and its forgetting."""

    def __init__(self, log: Path) -> None:
        self.log = log

    def _note(self, what: str) -> None:
        with self.log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()} {what}\n")

    def write_feed(self, _elements: list, _context: dict, path: str) -> None:
        self._note("feed")
        time.sleep(0.005)

    def write_file(self, name: str, **_kwargs: object) -> None:
        self._note("page")
        time.sleep(0.005)

    def forget_feed_entries(self) -> None:
        self._note("forget")


def test_a_process_forgets_its_feed_entries_when_it_moves_on_to_pages(tmp_path: Path) -> None:
    tasks = [feed(f"f{n}.xml") for n in range(14)] + [
        page(f"p{n}/index.html", article=n) for n in range(40)
    ]
    write_in_parallel(FeedsAndPages(tmp_path / "log"), order(tasks), 2)
    steps: dict[str, list[str]] = {}
    for line in (tmp_path / "log").read_text(encoding="utf-8").splitlines():
        pid, what = line.split()
        steps.setdefault(pid, []).append(what)
    assert sorted(what for seq in steps.values() for what in seq).count("feed") == 14
    assert any("forget" in seq for seq in steps.values())  # some process went on to pages
    for seq in steps.values():
        moved_on = [i for i in range(1, len(seq)) if seq[i - 1] == "feed" and seq[i] == "page"]
        assert not moved_on  # a "forget" always comes between a feed and a page
        if "feed" in seq and seq[-1] != "feed":
            assert seq.count("forget") == 1
            assert seq.index("forget") == len(seq) - seq[::-1].index("feed")


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


def test_pelicans_memo_of_contents_html_is_emptied_and_fills_again_alike() -> None:
    article = Article("<p>Texte</p>", metadata={"title": "T"}, settings=dict(DEFAULT_CONFIG))
    html = article.get_content("https://example.org")
    assert (article, "https://example.org") in Article.get_content.cache
    forget_contents_html()
    assert not Article.get_content.cache
    assert article.get_content("https://example.org") == html


def test_templates_compiled_by_one_process_are_loaded_by_the_others(tmp_path: Path) -> None:
    from jinja2 import DictLoader, Environment, FileSystemBytecodeCache
    from parallel_build.template_cache import drop_compiled_templates, share_compiled_templates

    settings = {"JINJA_ENVIRONMENT": {"trim_blocks": True}}
    share_compiled_templates(settings)
    options = settings["JINJA_ENVIRONMENT"]
    cache = options["bytecode_cache"]
    assert options["trim_blocks"] and isinstance(cache, FileSystemBytecodeCache)
    loader = DictLoader({"page.html": "{{ 1 + 1 }}"})
    Environment(loader=loader, **options).get_template("page.html")  # one process compiles
    assert len(os.listdir(cache.directory)) == 1
    child = os.fork()
    if child == 0:  # another process: loads the bytecode, compiles nothing
        ok = False
        try:
            Environment.compile = None  # type: ignore[assignment,method-assign]
            ok = Environment(loader=loader, **options).get_template("page.html").render() == "2"
        finally:
            os._exit(0 if ok else 1)
    assert os.waitstatus_to_exitcode(os.waitpid(child, 0)[1]) == 0
    drop_compiled_templates(settings)
    assert "bytecode_cache" not in settings["JINJA_ENVIRONMENT"]
    assert not Path(cache.directory).exists()


def test_a_bytecode_cache_already_given_is_kept(tmp_path: Path) -> None:
    from jinja2 import FileSystemBytecodeCache
    from parallel_build.template_cache import drop_compiled_templates, share_compiled_templates

    given = FileSystemBytecodeCache(str(tmp_path))
    settings = {"JINJA_ENVIRONMENT": {"bytecode_cache": given}}
    share_compiled_templates(settings)
    drop_compiled_templates(settings)
    assert settings["JINJA_ENVIRONMENT"]["bytecode_cache"] is given and tmp_path.exists()


def test_templates_still_render_once_the_build_s_cache_is_gone() -> None:
    from jinja2 import DictLoader, Environment
    from parallel_build.template_cache import drop_compiled_templates, share_compiled_templates

    settings: dict = {"JINJA_ENVIRONMENT": {}}
    share_compiled_templates(settings)
    environment = Environment(
        loader=DictLoader({"a.html": "{{ 2 * 3 }}"}), **settings["JINJA_ENVIRONMENT"]
    )
    drop_compiled_templates(settings)  # the build ended; the preview's warm path renders
    assert environment.get_template("a.html").render() == "6"


class Utf8Holder:
    from parallel_build.pelican_internals import Utf8Attribute

    text = Utf8Attribute("text")


def test_content_html_is_kept_as_utf8_and_read_back_as_text() -> None:
    import pickle

    holder = Utf8Holder()
    with pytest.raises(AttributeError):
        _ = holder.text
    holder.text = "<p>1 299 € — déjà payé 🙂</p>"
    assert holder.__dict__ == {"text_utf8": "<p>1 299 € — déjà payé 🙂</p>".encode()}
    assert holder.text == "<p>1 299 € — déjà payé 🙂</p>"
    assert pickle.loads(pickle.dumps(holder)).text == holder.text
    holder.text = None  # not text: kept as it is
    assert holder.text is None and "text_utf8" not in holder.__dict__
    holder.__dict__["text"] = "set before"  # stored before the attribute was installed
    assert holder.text == "set before"
