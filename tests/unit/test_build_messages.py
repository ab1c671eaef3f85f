"""Editor messages without tracebacks, and the completeness check of a build."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from complaints.domain.problems import ContentError, Problem
from complaints.edge.messages import EditorMessages, problems_report, summary_line
from sitebuild.completeness import missing_files, missing_report, required_files

PROBLEM = Problem("temoignages/x.md", "testimony.outcome.as_of", "« 2009-13-06 »", "une date", 12)


def record_with(error: BaseException, level: int) -> logging.LogRecord:
    try:
        raise error
    except BaseException:
        exc_info = sys.exc_info()
    return logging.LogRecord("pelican", level, __file__, 1, "%s: %s", ("E", error), exc_info)


@pytest.fixture
def editor_mode():
    pelican_logger = logging.getLogger("pelican")
    previous = pelican_logger.level
    pelican_logger.setLevel(logging.INFO)
    yield pelican_logger
    pelican_logger.setLevel(previous)


def test_summary_is_french_and_singular_or_plural() -> None:
    assert summary_line(1).startswith("1 problème dans le contenu")
    assert summary_line(3).startswith("3 problèmes dans le contenu")
    assert problems_report([PROBLEM]).splitlines() == [
        "temoignages/x.md:12 : testimony.outcome.as_of = « 2009-13-06 » : une date",
        summary_line(1),
    ]


def test_content_problems_are_printed_once_without_traceback(editor_mode, capsys) -> None:
    record = record_with(ContentError([PROBLEM]), logging.CRITICAL)
    assert EditorMessages().filter(record) is False
    assert EditorMessages().filter(record) is False
    assert capsys.readouterr().err == problems_report([PROBLEM])


def test_content_problems_keep_the_traceback_with_debug(editor_mode, capsys) -> None:
    editor_mode.setLevel(logging.DEBUG)
    record = record_with(ContentError([PROBLEM]), logging.CRITICAL)
    assert EditorMessages().filter(record) is True
    assert record.exc_info is not None
    assert "testimony.outcome.as_of" in capsys.readouterr().err


def test_an_unexpected_error_becomes_one_french_line(editor_mode) -> None:
    record = record_with(RuntimeError("disque\nplein"), logging.CRITICAL)
    assert EditorMessages().filter(record) is True
    assert record.exc_info is None
    assert record.getMessage() == (
        "Erreur interne (RuntimeError : disque plein) ; relancez avec --debug pour voir le détail."
    )


def test_a_reader_error_keeps_its_message_on_one_line(editor_mode) -> None:
    record = record_with(ValueError("month must be\nin 1..12"), logging.ERROR)
    record.msg, record.args = "Error parsing YAML for file '%s'", ("x.md",)
    assert EditorMessages().filter(record) is True
    assert record.exc_info is None
    assert record.getMessage() == "Error parsing YAML for file 'x.md' : month must be in 1..12"


def test_required_files_follow_the_settings() -> None:
    assert required_files({}) == ["index.html", "donnees/marchands.json", "donnees/temoignages.csv"]
    production = required_files({"FEED_ALL_ATOM": "feeds/all.atom.xml", "FEED_ALL_RSS": None})
    assert "feeds/all.atom.xml" in production and None not in production


def test_missing_files_are_named(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text("x", encoding="utf-8")
    (tmp_path / "dossier").mkdir()
    assert missing_files(tmp_path, ["a/index.html", "dossier", "b.xml", "b.xml"]) == [
        "b.xml",
        "dossier",
    ]
    report = missing_report([f"p{i}.html" for i in range(25)], limit=2)
    assert report.splitlines() == [
        "fichier prévu mais absent : p0.html",
        "fichier prévu mais absent : p1.html",
        "… et 23 autres",
        "25 fichier(s) prévu(s) absent(s) : la construction est incomplète.",
    ]


def test_stale_fresh_folders_are_removed_unless_their_task_runs(tmp_path: Path) -> None:
    import os
    import subprocess

    from sitebuild.supervisor import remove_stale_builds

    dead = subprocess.Popen(["true"])
    dead.wait()
    names = [f".output-{os.getpid()}-live", f".output-{dead.pid}-dead", ".output-x1y2", "keep"]
    for name in names:
        (tmp_path / name).mkdir()
    remove_stale_builds(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([names[0], "keep"])
