"""The preview's command line: ``python -m parallel_build.preview -s SETTINGS [--serve | --watch]``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict
from typing import Any

from parallel_build.preview.session import Preview


def _answers() -> Any:
    """Standard output for this module's JSON lines; Pelican's own output to stderr."""
    answers = os.fdopen(os.dup(sys.stdout.fileno()), "w")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return answers


def _serve(preview: Preview) -> None:
    """Answer each ``build`` line on stdin with one JSON line (after a line
    ``{"early": [names]}`` when the warm path wrote pages)."""
    answers = _answers()

    def early(names: list[str]) -> None:
        answers.write(json.dumps({"early": names}) + "\n")
        answers.flush()

    for line in sys.stdin:
        if line.strip() == "build":
            answers.write(json.dumps(asdict(preview.build(on_early=early))) + "\n")
            answers.flush()


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
    try:
        if args.serve:
            _serve(preview)
        elif args.watch:
            _watch(preview, args.step)
        else:
            print(json.dumps(asdict(preview.build())))
    finally:
        preview.close()
