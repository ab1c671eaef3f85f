"""A broken testimony stops the build with an editor's message and writes nothing."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site

PROJECT_PARTS = (
    "pelicanconf.py",
    "publishconf.py",
    "tasks.py",
    "content",
    "plugins",
    "theme",
    "docs",
    "sitebuild",
)


def copy_project(destination: Path) -> Path:
    """Copy what a build needs into ``destination`` (a private project to break)."""
    destination.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(
                source, destination / part, ignore=shutil.ignore_patterns("__pycache__")
            )
        else:
            shutil.copy2(source, destination / part)
    return destination


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A private copy of the project that a test may break."""
    return copy_project(tmp_path)


PIXMANIA = Path("content/temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md")


def run_invoke(project: Path, task: str) -> subprocess.CompletedProcess[str]:
    """Run one invoke task in the project copy, as an editor would (never publishing)."""
    env = {key: value for key, value in os.environ.items() if key != "PUBLISH_TARGET"}
    return subprocess.run(
        [sys.executable, "-m", "invoke", task],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def break_file(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_invalid_testimony_stops_the_build_before_writing(project: Path) -> None:
    break_file(project / PIXMANIA, "as_of: 2009-07-06", "as_of: 2009-13-06")
    output = project / "out"
    result = build_site(output, content=project / "content")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert "pixmania-camescope-livre-chez-un-autre.md" in log
    assert "testimony.outcome.as_of" in log
    assert "2009-13-06" in log
    assert [p for p in output.rglob("*") if p.is_file()] == []  # nothing written


def test_yaml_typo_is_not_silently_skipped(project: Path) -> None:
    break_file(project / PIXMANIA, "tags: [", "tags: [[")
    output = project / "out"
    result = build_site(output, content=project / "content")
    assert result.returncode != 0
    assert "pixmania-camescope-livre-chez-un-autre.md" in result.stdout + result.stderr
    assert not (output / "index.html").exists()


def test_every_problem_is_reported_at_once(project: Path) -> None:
    break_file(project / PIXMANIA, "status: open", "status: ouvert")
    others = sorted((project / "content/temoignages").rglob("*.md"))
    other = next(p for p in others if "pixmania" not in p.name)
    break_file(other, "actor: consumer", "actor: client")
    result = build_site(project / "out", content=project / "content")
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert "ouvert" in log and "client" in log
    assert PIXMANIA.name in log and other.name in log


def test_failed_invoke_build_keeps_the_previous_site(project: Path) -> None:
    previous = project / "output"
    previous.mkdir()
    (previous / "index.html").write_text("previous site", encoding="utf-8")
    break_file(project / PIXMANIA, "kind: escalation", "kind: escalade")
    result = run_invoke(project, "build")
    assert result.returncode != 0
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous site"
    assert not list(project.glob(".output-*")), "a half-written build was left behind"


def test_invoke_check_prints_the_same_problems(project: Path) -> None:
    break_file(project / PIXMANIA, "currency: EUR", "currency: EURO")
    result = run_invoke(project, "check")
    assert result.returncode != 0
    log = result.stdout + result.stderr
    assert PIXMANIA.name in log and "EURO" in log and "currency" in log


def test_successful_invoke_build_replaces_the_previous_site(project: Path) -> None:
    previous = project / "output"
    previous.mkdir()
    (previous / "stale.html").write_text("from an older build", encoding="utf-8")
    result = run_invoke(project, "build")
    assert result.returncode == 0, result.stderr
    assert (previous / "index.html").exists()
    assert not (previous / "stale.html").exists()
    assert not list(project.glob(".output-*"))
    for _ in range(100):  # the previous site is removed by a detached process
        if not (project / "output.old").exists():
            break
        time.sleep(0.05)
    assert not (project / "output.old").exists()


def test_publish_refuses_without_a_target(project: Path) -> None:
    result = run_invoke(project, "publish")
    assert result.returncode != 0
    assert "PUBLISH_TARGET" in result.stdout + result.stderr
    assert not (project / "output").exists(), "publish built a site it could not send"
