"""The parent side of a build: signals, the fresh folder, and the swap into output/.

The parent owns SIGINT and SIGTERM for the whole task. On either, the running child
(the Pelican runner, or rsync) is terminated, the fresh folder is removed and the task
exits with 128 + the signal number (130, 143): ``output/`` is untouched and nothing is
sent. The few steps that must not be cut in half (creating the fresh folder, swapping
it into ``output/``, removing a folder) run in a critical section: a signal that arrives
then is acted on right after it.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType

FRESH_PREFIX = ".output-"
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(SystemExit):
    """The task received SIGINT or SIGTERM; its exit status is 128 + the signal."""

    def __init__(self, signum: int) -> None:
        super().__init__(128 + signum)
        self.signum = signum


class BuildFailed(SystemExit):
    """The runner reported a failed or incomplete build (its output, when captured)."""

    def __init__(self, status: int, report: str = "") -> None:
        super().__init__(status if status > 0 else 1)
        self.report = report


class SignalGuard:
    """Turns SIGINT/SIGTERM into :class:`Interrupted`, stopping the current child first."""

    def __init__(self) -> None:
        self.child: subprocess.Popen[bytes] | None = None
        self.received: int | None = None
        self.critical = 0
        self.previous: dict[int, object] = {}

    def __enter__(self) -> SignalGuard:
        for signum in STOP_SIGNALS:
            self.previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *_exc: object) -> None:
        for signum, handler in self.previous.items():
            signal.signal(signum, handler)

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.received = self.received or signum
        self.stop_child()
        if not self.critical:
            raise Interrupted(self.received)

    def stop_child(self) -> None:
        """SIGTERM to the child's whole process group: the runner and what it started
        (the Pagefind indexer), so nothing keeps writing into the fresh folder."""
        child = self.child
        if child is not None:
            with suppress(ProcessLookupError, PermissionError):  # all ended already
                os.killpg(child.pid, signal.SIGTERM)

    @contextmanager
    def critical_section(self) -> Iterator[None]:
        """Run a block that a signal must not cut in half; act on the signal after it."""
        self.critical += 1
        try:
            yield
        finally:
            self.critical -= 1
        if self.received and not self.critical:
            raise Interrupted(self.received)

    def run(self, command: Sequence[str], cwd: Path, *, capture: bool = False) -> tuple[int, str]:
        """Run a child process to its end (or until a signal): its status and output.

        With ``capture``, what the child prints is collected (and echoed to stderr).
        """
        pipe = subprocess.PIPE if capture else None
        try:
            # a signal while the child starts is acted on at the end of this section,
            # which raises inside the try: the finally below still stops the child
            with self.critical_section():
                self.child = subprocess.Popen(
                    list(command),
                    cwd=cwd,
                    start_new_session=True,  # its own process group: see stop_child
                    stdout=pipe,
                    stderr=subprocess.STDOUT if capture else None,
                    text=capture,
                    env={**os.environ, "COLUMNS": "200"},
                )
            output, _ = self.child.communicate()
            if output:
                sys.stderr.write(output)
            return self.child.returncode, output or ""
        finally:
            with self.critical_section():
                child = self.child
                if child is not None:
                    self.stop_child()
                    child.wait()
                    _wait_for_group(child.pid)
                self.child = None


def _wait_for_group(pgid: int, timeout: float = 3.0) -> None:
    """Wait (a little) until no process of a stopped child's group is left."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except (ProcessLookupError, PermissionError):
            return
        time.sleep(0.05)


def owner_alive(folder: Path) -> bool:
    """True when the task that made a fresh folder (``.output-<pid>-…``) still runs."""
    pid = folder.name.removeprefix(FRESH_PREFIX).split("-", 1)[0]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's live process
        return True
    return True


def remove_stale_builds(parent: Path) -> None:
    """Remove fresh folders that a killed task (SIGKILL, power cut) left behind.

    A folder whose task still runs (``invoke livereload`` beside ``invoke build``) is
    kept.
    """
    for stale in parent.glob(FRESH_PREFIX + "*"):
        if not owner_alive(stale):
            shutil.rmtree(stale, ignore_errors=True)


def build_command(
    settings_file: str, output: Path, *, require_plan: bool, extra: Sequence[str]
) -> list[str]:
    """The runner's command line for one build into ``output``."""
    command = [sys.executable, "-m", "sitebuild.pelican_runner"]
    if require_plan:
        command.append("--require-plan")
    command += ["-s", settings_file, "-o", str(output)]
    if extra:
        command += ["-e", *extra]
    return command


@contextmanager
def fresh_build(
    guard: SignalGuard,
    root: Path,
    deploy: Path,
    settings_file: str,
    *,
    require_plan: bool = False,
    extra: Sequence[str] = (),
    capture: bool = False,
) -> Iterator[Path]:
    """Build into a new folder beside ``deploy`` and yield it once finished and complete.

    The folder is removed when the block ends, whatever happened (a swapped folder has
    become ``deploy`` and is no longer there to remove). A failed build raises
    :class:`BuildFailed` (exiting the task with the runner's status).
    """
    fresh: Path | None = None
    try:
        # a signal during this section is raised when it ends, once ``fresh`` is set:
        # the finally below removes the folder
        with guard.critical_section():
            remove_stale_builds(deploy.parent)
            fresh = Path(
                tempfile.mkdtemp(prefix=f"{FRESH_PREFIX}{os.getpid()}-", dir=deploy.parent)
            )
        command = build_command(settings_file, fresh, require_plan=require_plan, extra=extra)
        status, output = guard.run(command, root, capture=capture)
        if status != 0:
            sys.stderr.write(f"La construction a échoué : {deploy.name}/ n'a pas été modifié.\n")
            raise BuildFailed(status, output)
        yield fresh
    finally:
        with guard.critical_section():
            if fresh is not None:
                shutil.rmtree(fresh, ignore_errors=True)


def replace_output(guard: SignalGuard, fresh: Path, deploy: Path) -> Path:
    """Swap a finished build into ``deploy``; the previous site is removed afterwards.

    A signal received before or during the swap puts the previous site back (the task
    then stops with "output/ unchanged", which stays true). Once the swap is committed
    the new site is complete and in place and the task ends at once: the previous site
    is removed by a detached ``rm -rf``, not while the task could still be interrupted.
    """
    old = deploy.with_name(deploy.name + ".old")
    with guard.critical_section():
        if guard.received:  # stopped before the swap: the section's end raises
            return deploy
        shutil.rmtree(old, ignore_errors=True)
        fresh.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        had_site = deploy.exists()
        if had_site:
            deploy.rename(old)
        fresh.rename(deploy)
        if guard.received:  # stopped during the swap: put the previous site back
            deploy.rename(fresh)
            if had_site:
                old.rename(deploy)
            return deploy
        guard.received = None  # committed: the new site is complete and in place
    _remove_in_background(old)  # the task ends now: no window where a signal finds
    return deploy  # a half-finished task behind a changed output/


def _remove_in_background(folder: Path) -> None:
    """Remove a folder in a detached process (the next swap removes what is left)."""
    if folder.exists():
        subprocess.Popen(
            ["rm", "-rf", "--", str(folder)],
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )


def report_interrupt(error: Interrupted, what: str) -> None:
    """One French line after an interrupted task, saying what was left as it was."""
    name = signal.Signals(error.signum).name
    sys.stderr.write(f"Interrompu ({name}) : {what}\n")
