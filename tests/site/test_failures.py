"""A broken testimony stops the build with an editor's message and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.builds import build_site
from tests.support.content import copy_project, replace_in
from tests.support.sample import PIXMANIA
from tests.support.tasks import run_invoke, wait_for


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path)


@pytest.fixture
def pixmania(project: Path) -> Path:
    return project / "content" / PIXMANIA


def test_invalid_testimony_stops_the_build_before_writing(project: Path, pixmania: Path) -> None:
    replace_in(pixmania, "as_of: 2009-07-06", "as_of: 2009-13-06")
    output = project / "out"
    result = build_site(output, content=project / "content")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "pixmania-camescope-livre-chez-un-autre.md" in log
    assert "testimony.outcome.as_of" in log
    assert "2009-13-06" in log
    assert [p for p in output.rglob("*") if p.is_file()] == []  # nothing written


def test_yaml_typo_is_not_silently_skipped(project: Path, pixmania: Path) -> None:
    replace_in(pixmania, "tags: [", "tags: [[")
    output = project / "out"
    result = build_site(output, content=project / "content")
    assert result.returncode != 0
    assert "pixmania-camescope-livre-chez-un-autre.md" in result.stdout + result.stderr
    assert not (output / "index.html").exists()


def test_every_problem_is_reported_at_once(project: Path, pixmania: Path) -> None:
    replace_in(pixmania, "status: open", "status: ouvert")
    others = sorted((project / "content/temoignages").rglob("*.md"))
    other = next(p for p in others if "pixmania" not in p.name)
    replace_in(other, "actor: consumer", "actor: client")
    result = build_site(project / "out", content=project / "content")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ouvert" in log and "client" in log
    assert pixmania.name in log and other.name in log


def test_failed_invoke_build_keeps_the_previous_site(project: Path, pixmania: Path) -> None:
    previous = project / "output"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    replace_in(pixmania, "kind: escalation", "kind: escalade")
    result = run_invoke(project, "build")
    assert result.returncode != 0
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.glob(".output-*")), "a half-written build was left behind"


def test_invoke_check_prints_the_same_problems(project: Path, pixmania: Path) -> None:
    replace_in(pixmania, "currency: EUR", "currency: EURO")
    result = run_invoke(project, "check")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert pixmania.name in log and "EURO" in log and "currency" in log


def test_successful_invoke_build_replaces_the_previous_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "tiny", tiny=True)
    previous = project / "output"
    previous.mkdir()
    (previous / "stale.html").write_text("from an older build", encoding="utf-8")
    result = run_invoke(project, "build")
    assert result.returncode == 0, result.stderr
    assert (previous / "index.html").exists()
    assert not (previous / "stale.html").exists()
    assert not list(project.glob(".output-*"))
    wait_for(project / "output.old", timeout=5, gone=True)  # removed by a detached process


def test_publish_refuses_without_a_target(project: Path) -> None:
    result = run_invoke(project, "publish")
    assert result.returncode != 0
    assert "PUBLISH_TARGET" in result.stdout + result.stderr
    assert not (project / "output").exists(), "publish built a site it could not send"
