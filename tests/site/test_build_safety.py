"""Interrupted, incomplete or failing builds never replace output/ nor reach the target.

Every test works on a private copy of the project (the tiny content where a whole
build runs: what is tested is the task, not the site); `invoke` runs in its own
process group and signals go to the whole group, as Ctrl-C in a terminal does.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.support.builds import build_site
from tests.support.content import copy_project, replace_in
from tests.support.sample import PIXMANIA
from tests.support.tasks import (
    add_test_plugins,
    make_site,
    run_invoke,
    snapshot,
    start_task,
    task_env,
    visible,
    wait_for,
)

OLD_SITE = {"index.html": "ancien site", "feeds/all.atom.xml": "<feed/>"}


def assert_no_leftover(project: Path) -> None:
    leftovers = [p.name for p in project.iterdir() if p.name.startswith(".output-")]
    assert not leftovers, leftovers
    assert_previous_site_removed(project)


def assert_previous_site_removed(project: Path) -> None:
    """The previous site (output.old) is removed by a detached process after the swap."""
    wait_for(project / "output.old", timeout=5, gone=True)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path / "project")


@pytest.fixture
def tiny_project(tmp_path: Path) -> Path:
    """A private copy of the project with the tiny content (one testimony)."""
    return copy_project(tmp_path / "tiny", tiny=True)


@pytest.fixture
def slow_project(tiny_project: Path) -> Path:
    """A project copy whose build writes its one testimony slowly (long after a signal
    lands) and marks when writing starts."""
    add_test_plugins(
        tiny_project,
        SLOW_FOR_TESTS_DELAY=30,
        SLOW_FOR_TESTS_MARKER=str(tiny_project / "writing-started"),
        TEST_OUTPUT_PLAN=["index.html"],
    )
    return tiny_project


@pytest.mark.parametrize(
    ("signum", "moment"),
    [
        (signal.SIGINT, "startup"),
        (signal.SIGTERM, "startup"),
        (signal.SIGINT, "writing"),
        (signal.SIGTERM, "writing"),
    ],
)
def test_interrupted_build_keeps_output(slow_project: Path, signum: int, moment: str) -> None:
    before = make_site(slow_project / "output", OLD_SITE)
    stale = slow_project / ".output-stale"
    stale.mkdir()
    task = start_task(slow_project, "build", task_env())
    if moment == "writing":
        wait_for(slow_project / "writing-started")
        time.sleep(0.5)  # several pages written into the fresh folder
    else:  # the task is under way: it has cleared the stale folder, the build starts
        wait_for(stale, gone=True)
    printed = task.interrupt(signum)
    assert task.returncode != 0, printed
    if moment == "writing":
        assert task.returncode == 128 + signum, printed
        assert "Interrompu" in printed
    assert snapshot(slow_project / "output") == before
    assert_no_leftover(slow_project)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_interrupted_publish_sends_nothing(
    slow_project: Path, tmp_path_factory: pytest.TempPathFactory, signum: int
) -> None:
    target = tmp_path_factory.mktemp("target")
    online = make_site(target, OLD_SITE)
    before = make_site(slow_project / "output", OLD_SITE)
    task = start_task(slow_project, "publish", task_env(PUBLISH_TARGET=f"{target}/"))
    wait_for(slow_project / "writing-started")
    time.sleep(0.5)
    printed = task.interrupt(signum)
    assert task.returncode == 128 + signum, printed
    assert snapshot(target) == online
    assert snapshot(slow_project / "output") == before
    assert_no_leftover(slow_project)


def test_publish_interrupted_during_transfer_keeps_the_old_site_online(
    tiny_project: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """rsync --delay-updates: files already sent stay hidden until the transfer ends."""
    project = tiny_project
    add_test_plugins(project, TEST_OUTPUT_PLAN=["index.html"])
    tools = tmp_path_factory.mktemp("bin")
    marker = tools / "rsync-started"
    slow_rsync = tools / "rsync"
    slow_rsync.write_text(
        f'#!/bin/sh\ntouch {marker}\nexec /usr/bin/rsync --bwlimit=50 "$@"\n', encoding="utf-8"
    )
    slow_rsync.chmod(0o755)
    target = tmp_path_factory.mktemp("target")
    online = make_site(target, OLD_SITE)
    env = task_env(PUBLISH_TARGET=f"{target}/", PATH=f"{tools}:{task_env()['PATH']}")
    task = start_task(project, "publish", env)
    wait_for(marker)
    time.sleep(1.5)
    printed = task.interrupt(signal.SIGTERM)
    assert task.returncode == 128 + signal.SIGTERM, printed
    assert "rsync error: received SIGINT, SIGTERM, or SIGHUP" in printed  # stopped mid-transfer
    assert visible(snapshot(target)) == online
    assert not (project / "output").exists()
    assert_no_leftover(project)


def publish(project: Path, target: Path) -> subprocess.CompletedProcess[str]:
    env = task_env(PUBLISH_TARGET=f"{target}/")
    return run_invoke(project, "publish", env=env, timeout=300)


def test_publish_sends_a_complete_build(tiny_project: Path, tmp_path: Path) -> None:
    project = tiny_project
    add_test_plugins(project, TEST_OUTPUT_PLAN=["index.html"])
    target = tmp_path / "target"
    target.mkdir()
    make_site(target, {"gone.html": "removed by the new site"})
    result = publish(project, target)
    assert result.returncode == 0, result.stdout + result.stderr
    assert snapshot(target) == snapshot(project / "output")
    for name in ("index.html", "feeds/all.atom.xml", "donnees/temoignages.csv"):
        assert (target / name).is_file(), name
    assert not (target / "gone.html").exists()
    assert_no_leftover(project)


@pytest.mark.parametrize(
    ("plan", "message"),
    [
        (["index.html", "nulle-part/absent.html"], "nulle-part/absent.html"),
        ("drop", "Plan de sortie absent"),
    ],
)
def test_publish_refuses_an_incomplete_or_unchecked_build(
    tiny_project: Path,
    tmp_path: Path,
    plan: object,
    message: str,
) -> None:
    project = tiny_project
    add_test_plugins(project, TEST_OUTPUT_PLAN=plan)
    target = tmp_path / "target"
    target.mkdir()
    online = make_site(target, OLD_SITE)
    result = publish(project, target)
    assert result.returncode != 0
    assert message in result.stderr
    assert snapshot(target) == online
    assert not (project / "output").exists()
    assert_no_leftover(project)


def assert_no_traceback(text: str) -> None:
    assert "Traceback" not in text and 'File "' not in text, text


def test_plain_pelican_with_a_content_error_leaves_its_output_as_it_was(
    project: Path,
) -> None:
    replace_in(project / "content" / PIXMANIA, "as_of: 2009-07-06", "as_of: 2009-13-06")
    output = project / "out"
    output.mkdir()
    before = make_site(output, OLD_SITE)
    result = build_site(output, content=project / "content")
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert snapshot(output) == before
    assert_no_traceback(log)
    lines = result.stderr.splitlines()
    assert any(Path(PIXMANIA).name in line and "testimony.outcome.as_of" in line for line in lines)
    assert "1 problème dans le contenu : la construction est arrêtée, rien n'a été écrit." in lines


def test_plain_pelican_with_debug_shows_the_traceback(project: Path) -> None:
    replace_in(project / "content" / PIXMANIA, "as_of: 2009-07-06", "as_of: 2009-13-06")
    result = build_site(project / "out", content=project / "content", extra=None, fatal=None)
    assert "Traceback" not in result.stdout + result.stderr
    debug = subprocess.run(
        [
            sys.executable,
            "-m",
            "pelican",
            str(project / "content"),
            "-s",
            str(project / "publishconf.py"),
            "-o",
            str(project / "out"),
            "--debug",
        ],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
    )
    assert debug.returncode == 1
    assert "Traceback" in debug.stdout + debug.stderr
    assert "testimony.outcome.as_of" in debug.stderr


@pytest.mark.parametrize("task", ["build", "preview", "check"])
def test_editor_tasks_print_problems_without_traceback(project: Path, task: str) -> None:
    replace_in(project / "content" / PIXMANIA, "kind: escalation", "kind: escalade")
    previous = make_site(project / "output", OLD_SITE)
    result = run_invoke(project, task)
    log = result.stdout + result.stderr
    assert result.returncode == 1, log
    assert_no_traceback(log)
    assert any(Path(PIXMANIA).name in line and "escalade" in line for line in log.splitlines())
    assert snapshot(project / "output") == previous


def test_an_unexpected_error_is_one_french_line(tiny_project: Path) -> None:
    project = tiny_project
    add_test_plugins(project, CRASH_FOR_TESTS=True)
    result = run_invoke(project, "build")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert_no_traceback(log)
    assert "Erreur interne (RuntimeError : panne simulée pour les tests)" in log
    assert "--debug" in log
    plain = build_site(
        project / "out",
        settings=project / "publishconf.py",  # with the crashing plugin
        content=project / "content",
        cwd=project,
    )
    assert plain.returncode != 0
    assert_no_traceback(plain.stdout + plain.stderr)
    assert "Erreur interne (RuntimeError : panne simulée" in plain.stdout + plain.stderr
