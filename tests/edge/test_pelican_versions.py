"""Each plugin checks the Pelican release its private touches were written for.

complaints stops the build with a French message; parallel_build and typographie warn
and change nothing of Pelican's build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import parallel_build
import pytest
from bs4 import BeautifulSoup
from parallel_build import pelican_internals as parallel_internals
from parallel_build.listings import IdentityList
from pelican import signals
from pelican.contents import Content

import typographie.plugin
from complaints.edge import pelican_internals as complaints_internals
from complaints.edge.messages import EditorMessages
from complaints.edge.pelican_internals import UnsupportedPelican
from typographie import pelican_internals as typographie_internals

PIXMANIA_PAGE = "2009/07/pixmania-camescope-livre-chez-un-autre/index.html"


def written_for(monkeypatch: pytest.MonkeyPatch, module: Any, releases: Any) -> None:
    """Have ``module`` say it was written for other releases than the installed ones."""
    monkeypatch.setattr(module, "WRITTEN_FOR", releases)


def test_the_installed_releases_are_the_ones_written_for() -> None:
    assert complaints_internals.version_problem() is None
    assert parallel_internals.version_problem() is None
    assert typographie_internals.version_problem() is None


@pytest.mark.parametrize(
    ("package", "expected"),
    [
        ("pelican", "pelican 4.12.0 (écrit pour 4.11)"),
        ("pelican-yaml-metadata", "(écrit pour 4.11)"),
    ],
)
def test_complaints_stops_the_build_with_a_french_message(
    monkeypatch: pytest.MonkeyPatch,
    run_pelican: Any,
    tiny_content: Path,
    package: str,
    expected: str,
) -> None:
    written_for(
        monkeypatch, complaints_internals, {**complaints_internals.WRITTEN_FOR, package: ("4.11",)}
    )
    with pytest.raises(UnsupportedPelican) as stop:
        run_pelican(tiny_content)
    message = str(stop.value)
    assert expected in message and package in message
    assert "pip install -r requirements.txt" in message
    assert not (tiny_content.parent / "output" / PIXMANIA_PAGE).exists()
    record = logging.LogRecord("pelican", logging.CRITICAL, "", 0, "x", (), None)
    record.exc_info = (UnsupportedPelican, stop.value, None)
    assert EditorMessages().filter(record) and record.getMessage() == message


def test_parallel_build_falls_back_to_pelicans_own_build(
    monkeypatch: pytest.MonkeyPatch,
    run_pelican: Any,
    tiny_content: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    written_for(monkeypatch, parallel_internals, ("5.0",))
    seen: list[bool] = []

    def untouched(generators: list[Any]) -> None:
        tags = [
            items for generator in generators for items in getattr(generator, "tags", {}).values()
        ]
        seen.append(
            Content._expand_settings is parallel_internals.PELICAN_EXPAND_SETTINGS
            and not any(isinstance(items, IdentityList) for items in tags)
            and "output_recorder" not in vars(generators[0])
        )

    signals.all_generators_finalized.connect(untouched)
    try:
        with caplog.at_level(logging.WARNING):
            output = run_pelican(tiny_content, PARALLEL_PROCESSES=2)
    finally:
        signals.all_generators_finalized.disconnect(untouched)
        monkeypatch.undo()
        parallel_build.register()  # this process's next builds: the real release again
    assert seen == [True]
    assert parallel_build._supported
    assert (output / PIXMANIA_PAGE).is_file()
    assert any("parallel_build" in r.getMessage() and "5.0" in r.getMessage()
               for r in caplog.records)  # fmt: skip


def test_typographie_warns_and_leaves_the_text_alone(
    monkeypatch: pytest.MonkeyPatch,
    run_pelican: Any,
    tiny_content: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    written_for(monkeypatch, typographie_internals, ("4.11",))
    try:
        with caplog.at_level(logging.WARNING):
            output = run_pelican(tiny_content)
    finally:
        monkeypatch.undo()
        typographie.plugin.register()
    heading = BeautifulSoup((output / PIXMANIA_PAGE).read_bytes(), "lxml").h1.get_text()
    assert heading.startswith("Pixmania : un caméscope")  # no narrow no-break space
    assert any("typographie" in r.getMessage() and "4.11" in r.getMessage()
               for r in caplog.records)  # fmt: skip
