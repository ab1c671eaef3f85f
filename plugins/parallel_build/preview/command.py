"""The preview's command line: ``python -m parallel_build.preview -s SETTINGS [--serve | --watch]``."""

from __future__ import annotations

import argparse
import json
import os
import selectors
import signal
import sys
from dataclasses import asdict
from typing import Any

from parallel_build.preview.session import SUPERSEDED, BuildResult, Preview


def _answers() -> Any:
    """Standard output for this module's JSON lines; Pelican's own output to stderr."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return answers


def _serve(preview: Preview) -> None:
    """Answer each ``build`` line on stdin with one JSON line, in order: a build's
    result, or for one a newer line superseded, a result saying so. A line
    ``{"early": [names]}`` comes first when the warm path wrote pages.

    A new line stops the build under way at once (see :meth:`Preview.cancel`), so
    its warm path has the processors. Lines that came together are one request: all
    but the last are superseded. Once stdin ends, the build under way is finished.
    """
    answers = _answers()

    def send(data: dict[str, Any]) -> None:
        answers.write(json.dumps(data) + "\n")
        answers.flush()

    def early(names: list[str]) -> None:
        send({"early": names})

    stdin = sys.stdin.fileno()  # read raw: select() knows nothing of a file's buffer
    selector = selectors.DefaultSelector()
    selector.register(stdin, selectors.EVENT_READ)
    unread, reading = b"", True
    while reading or preview.running is not None:
        running = preview.running
        if running is not None:
            selector.register(running, selectors.EVENT_READ)
        ready = {key.fd for key, _events in selector.select()}
        if running is not None:
            selector.unregister(running)
            if running.fileno() in ready:  # ended: its result before any newer line's
                send(asdict(preview.finish()))
        if stdin not in ready:
            continue
        chunk = os.read(stdin, 65536)
        if not chunk:
            selector.unregister(stdin)
            reading = False
        *lines, unread = (unread + chunk).split(b"\n")
        asked = sum(line.strip() == b"build" for line in lines)
        if not asked:
            continue
        if preview.running is not None:
            send(asdict(preview.cancel()))
        for _ in range(asked - 1):
            send(asdict(BuildResult(False, 0.0, message=SUPERSEDED, superseded=True)))
        preview.start(on_early=early)


def _stop_builds_on_signals(preview: Preview) -> None:
    """SIGTERM or SIGINT: kill the build under way and the holder (each leads a group
    of its own, which a signal to this process's group does not reach), then do what
    the signal did before."""
    owner = os.getpid()

    def stop(signum: int, frame: Any, previous: Any) -> None:
        if os.getpid() == owner:  # not in a build's fork, which inherits this handler
            preview.kill()
        if callable(previous):
            previous(signum, frame)
        else:  # the default action
            signal.signal(signum, signal.SIG_DFL)
            os.kill(os.getpid(), signum)

    for signum in (signal.SIGTERM, signal.SIGINT):
        previous = signal.getsignal(signum)
        if previous != signal.SIG_IGN:
            signal.signal(signum, lambda n, f, previous=previous: stop(n, f, previous))


def _watch(preview: Preview, step: float) -> None:
    """Build now, then whenever a file under the content or theme folder changes.

    Changes come from the kernel (inotify, through watchfiles); a build starts once
    no change came for ``step`` seconds (a save in progress is then over).
    """
    from watchfiles import watch

    folders = [preview.settings["PATH"], preview.settings["THEME"]]
    answers = _answers()
    answers.write(json.dumps(asdict(preview.build())) + "\n")
    answers.flush()
    for _changes in watch(*folders, step=max(1, round(step * 1000))):
        answers.write(json.dumps(asdict(preview.build())) + "\n")
        answers.flush()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m parallel_build.preview",
        description="L’aperçu des éditeurs : le site reconstruit à chaque enregistrement.",
    )
    parser.add_argument("-s", "--settings", default="pelicanconf.py")
    parser.add_argument("-o", "--output", help="output folder (default: the settings' OUTPUT_PATH)")
    parser.add_argument("--path", help="content folder (default: the settings' PATH)")
    parser.add_argument("--settings-json", default="{}", help="settings overrides, as JSON")
    parser.add_argument("--serve", action="store_true", help="build on each 'build' line on stdin")
    parser.add_argument("--watch", action="store_true", help="build whenever a source changes")
    parser.add_argument("--step", type=float, default=0.05, help="seconds without change")
    args = parser.parse_args(argv)
    overrides = json.loads(args.settings_json)
    if args.output:
        overrides["OUTPUT_PATH"] = args.output
    if args.path:
        overrides["PATH"] = args.path
    preview = Preview(args.settings, **overrides)
    _stop_builds_on_signals(preview)
    try:
        if args.serve:
            _serve(preview)
        elif args.watch:
            _watch(preview, args.step)
        else:
            print(json.dumps(asdict(preview.build())))
    finally:
        preview.close()
