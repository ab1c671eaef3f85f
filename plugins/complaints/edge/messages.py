"""Build messages for editors: content problems and internal errors, no tracebacks.

Pelican logs every exception that stops a build with its traceback, and readers log
theirs when a file cannot be read. :class:`EditorMessages` is a logging filter put on
every handler: content problems become one plain French line each plus a summary, an
error marked ``for_editors`` its message, any other exception one French line telling
developers to rerun with ``--debug``, which keeps every traceback.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterable

from complaints.domain.problems import ContentError, Problem

DEBUG_HINT = "relancez avec --debug pour voir le détail"


def summary_line(count: int) -> str:
    """One French line closing a list of problems."""
    noun = "problème" if count == 1 else "problèmes"
    return f"{count} {noun} dans le contenu : la construction est arrêtée, rien n'a été écrit."


def problems_report(problems: Iterable[Problem]) -> str:
    """Every problem on its own line, then the summary line."""
    lines = [str(problem) for problem in problems]
    return "".join(f"{line}\n" for line in [*lines, summary_line(len(lines))])


def one_line(error: BaseException, limit: int = 300) -> str:
    """An exception as one short line (YAML errors span several)."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def internal_error_line(error: BaseException) -> str:
    """The one line an editor sees when the build fails for a reason not in the content."""
    return f"Erreur interne ({type(error).__name__} : {one_line(error)}) ; {DEBUG_HINT}."


def developer_mode() -> bool:
    """True when Pelican runs with ``--debug`` (tracebacks are for developers)."""
    return logging.getLogger("pelican").isEnabledFor(logging.DEBUG)


class ContentProblems(Exception):
    """Stops the build on content problems, before any file is written.

    Pelican logs the exception; :class:`EditorMessages` prints the problems, one
    plain line each (not through the log console, which wraps long lines), and a
    French summary instead of the traceback. Pelican then exits with code 1.
    """

    exitcode = 1

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(summary_line(len(problems)))


def content_problems_of(error: BaseException) -> list[Problem] | None:
    """The problems an exception carries when it stops a build on content, else None."""
    if isinstance(error, ContentError | ContentProblems):
        return error.problems
    return None


class EditorMessages(logging.Filter):
    """Turns log records carrying an exception into editor messages."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if error is None:
            return True
        problems = content_problems_of(error)
        if problems is not None and record.levelno >= logging.CRITICAL:
            if not getattr(record, "complaints_reported", False):  # once, whatever the handlers
                record.complaints_reported = True
                sys.stderr.write(problems_report(problems))
                sys.stderr.flush()
            return developer_mode()  # the traceback, for developers only
        if developer_mode():
            return True
        if getattr(error, "for_editors", False):  # a message written for editors
            record.msg, record.args = one_line(error), ()
        elif record.levelno >= logging.CRITICAL:
            record.msg, record.args = internal_error_line(error), ()
        else:
            record.msg, record.args = f"{record.getMessage()} : {one_line(error)}", ()
        record.exc_info, record.exc_text = None, None
        return True


def install() -> None:
    """Put the filter on every handler of the root logger (once)."""
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, EditorMessages) for f in handler.filters):
            handler.addFilter(EditorMessages())
