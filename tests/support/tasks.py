"""Invoke tasks run in a project copy as an editor runs them, interrupted like Ctrl-C.

Test-only plugins (installed in a project copy by :func:`add_test_plugins`): one makes
writing slow (so a signal lands mid-build) and marks when writing starts, one adds to
(or drops) the output plan that publishing requires, one raises an unexpected error.
Runs of building tasks go through :func:`tests.support.builds.counted`.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.support.builds import counted

TEST_PLUGINS = {
    "slow_for_tests": """
import time
from pathlib import Path
from pelican import signals

def slow(generator, **_kwargs):
    marker = generator.settings.get("SLOW_FOR_TESTS_MARKER")
    if marker:
        Path(marker).touch()
    time.sleep(generator.settings.get("SLOW_FOR_TESTS_DELAY", 0))

def register():
    signals.article_generator_write_article.connect(slow)
""",
    "plan_for_tests": """
from pelican import signals

def plan(generators):
    context = generators[0].context
    wanted = context.get("TEST_OUTPUT_PLAN")
    if wanted == "drop":
        context.pop("complaints_output_plan", None)
    elif wanted is not None:
        context.setdefault("complaints_output_plan", {}).update({p: "test" for p in wanted})

def register():
    signals.all_generators_finalized.connect(plan)
""",
    "crash_for_tests": """
from pelican import signals

def crash(generators):
    if generators[0].context.get("CRASH_FOR_TESTS"):
        raise RuntimeError("panne simulée pour les tests")

def register():
    signals.all_generators_finalized.connect(crash)
""",
}


def add_test_plugins(project: Path, **settings: object) -> None:
    """Install the test-only plugins in a project copy, with the given settings."""
    for name, code in TEST_PLUGINS.items():
        folder = project / "plugins" / name
        folder.mkdir()
        (folder / "__init__.py").write_text(code, encoding="utf-8")
    lines = [f"PLUGINS = [*PLUGINS, {', '.join(repr(n) for n in TEST_PLUGINS)}]"]
    lines += [f"{key} = {value!r}" for key, value in settings.items()]
    with (project / "pelicanconf.py").open("a", encoding="utf-8") as conf:
        conf.write("\n" + "\n".join(lines) + "\n")


def snapshot(folder: Path) -> dict[str, str]:
    """Relative path -> SHA-256 of every file under ``folder`` (empty if absent)."""
    if not folder.exists():
        return {}
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def visible(snap: dict[str, str]) -> dict[str, str]:
    """A snapshot without rsync's ``.~tmp~`` folders (not yet published files)."""
    return {path: digest for path, digest in snap.items() if ".~tmp~" not in path}


def make_site(folder: Path, files: dict[str, str]) -> dict[str, str]:
    """Write ``files`` (relative name -> text) under ``folder``; return its snapshot."""
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return snapshot(folder)


def task_env(**extra: str) -> dict[str, str]:
    """This process's environment without PUBLISH_TARGET, plus ``extra``."""
    env = {key: value for key, value in os.environ.items() if key != "PUBLISH_TARGET"}
    return {**env, **extra}


def run_invoke(
    project: Path, *args: str, env: dict[str, str] | None = None, timeout: float | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``invoke ARGS`` in the project copy, as an editor would (never publishing
    unless ``env`` names a PUBLISH_TARGET)."""
    with counted(project / "content", project / "output", f"invoke {' '.join(args)}"):
        return subprocess.run(
            [sys.executable, "-m", "invoke", *args],
            cwd=project,
            env=env or task_env(),
            capture_output=True,
            text=True,
            check=False,
            timeout=timeout,
        )


class StartedTask:
    """``invoke TASK`` started in its own process group (as a terminal would)."""

    def __init__(self, project: Path, task: str, env: dict[str, str]) -> None:
        self._count = counted(project / "content", project / "output", f"invoke {task}")
        self._count.__enter__()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "invoke", task],
            cwd=project,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )

    @property
    def returncode(self) -> int | None:
        return self.process.returncode

    def interrupt(self, signum: int, timeout: float = 60) -> str:
        """Send ``signum`` to the task's process group; return what the task printed."""
        try:
            os.killpg(self.process.pid, signum)
            try:
                output, _ = self.process.communicate(timeout=timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                raise
            return output
        finally:
            self._count.__exit__(None, None, None)


def start_task(project: Path, task: str, env: dict[str, str]) -> StartedTask:
    return StartedTask(project, task, env)


def wait_for(path: Path, timeout: float = 60, *, gone: bool = False) -> None:
    """Wait until ``path`` exists (or, with ``gone``, no longer exists)."""
    deadline = time.monotonic() + timeout
    while path.exists() == gone:
        assert time.monotonic() < deadline, f"{path} never {'went' if gone else 'appeared'}"
        time.sleep(0.05)
