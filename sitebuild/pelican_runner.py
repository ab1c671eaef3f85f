"""Run one Pelican build in this process and exit 0 only if it finished and is complete.

Usage: ``python -m sitebuild.pelican_runner [--require-plan] PELICAN_ARGUMENTS…``.
``pelican.main()`` returns normally after Ctrl-C, so the build counts as finished only
when ``finalized`` fired after ``run()``; then every file of the output plan, the front
page, the feeds and the data files must exist (``--require-plan``: a missing plan is a
failure). Exit status: 0 finished and complete; 1 content problems, incomplete build
or internal error; 130 or 143 interrupted (SIGINT, SIGTERM).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path
from types import FrameType
from typing import Any


def _stop_quietly(signum: int, _frame: FrameType | None) -> None:
    """Ctrl-C (the whole process group gets it) or the parent's SIGTERM: stop now,
    without a KeyboardInterrupt traceback from the middle of an import. The parent
    removes the fresh folder and says what happened."""
    os._exit(128 + signum)


for _signum in (signal.SIGINT, signal.SIGTERM):  # before the slow imports below
    signal.signal(_signum, _stop_quietly)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))  # the plugin's message filter, before Pelican

from pelican import LOG_HANDLERS, get_instance, parse_arguments, signals  # noqa: E402
from pelican.log import init as init_logging  # noqa: E402

from complaints.edge import messages  # noqa: E402
from sitebuild.completeness import (  # noqa: E402
    PLAN_KEY,
    missing_files,
    missing_report,
    required_files,
)

logger = logging.getLogger("pelican")


class BuildWatch:
    """What the signals told about the build: its shared context and whether it ended."""

    def __init__(self) -> None:
        self.context: dict[str, Any] | None = None
        self.finished = False

    def keep_context(self, generators: list[Any]) -> None:
        self.context = generators[0].context if generators else None

    def mark_finished(self, _pelican: Any) -> None:
        self.finished = True

    def connect(self) -> None:
        signals.all_generators_finalized.connect(self.keep_context, weak=False)
        signals.finalized.connect(self.mark_finished, weak=False)


def incomplete(
    watch: BuildWatch, output: Path, settings: dict[str, Any], require_plan: bool
) -> str:
    """A French report of what is wrong with a build that returned, or ''."""
    if not watch.finished:
        return "La construction s'est arrêtée avant la fin (signal « finalized » absent).\n"
    plan = (watch.context or {}).get(PLAN_KEY)
    if plan is None and require_plan:
        return "Plan de sortie absent : impossible de vérifier que le site est complet.\n"
    missing = missing_files(output, [*(plan or {}), *required_files(settings)])
    return missing_report(missing) if missing else ""


def init_build_logging(args: argparse.Namespace) -> None:
    """Pelican's logging as ``pelican`` sets it up, with the editors' message filter."""
    init_logging(
        level=args.verbosity,
        fatal=args.fatal,
        name="pelican",
        handler=LOG_HANDLERS[args.log_handler],
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    messages.install()


def main(argv: list[str]) -> int:
    own = argparse.ArgumentParser(add_help=False)
    own.add_argument("--require-plan", action="store_true")
    options, pelican_argv = own.parse_known_args(argv)
    args = parse_arguments(pelican_argv)
    init_build_logging(args)
    watch = BuildWatch()
    watch.connect()
    try:
        pelican, settings = get_instance(args)
        pelican.run()
    except Exception as error:  # printed by complaints.edge.messages: problems, or one French line
        logger.critical("%s: %s", type(error).__name__, error, exc_info=True)
        return getattr(error, "exitcode", 1)
    report = incomplete(watch, Path(pelican.output_path), settings, options.require_plan)
    if report:
        sys.stderr.write(report)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
