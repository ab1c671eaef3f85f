"""A signal that lands while the task makes its fresh build folder leaves no folder."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from sitebuild import supervisor
from sitebuild.supervisor import FRESH_PREFIX, Interrupted, SignalGuard, fresh_build


def test_a_signal_while_the_fresh_folder_is_made_leaves_nothing(tmp_path, monkeypatch):
    deploy = tmp_path / "output"
    guard = SignalGuard()

    def signal_lands(parent: Path) -> None:
        guard._on_signal(signal.SIGINT, None)  # inside the critical section: deferred

    monkeypatch.setattr(supervisor, "remove_stale_builds", signal_lands)
    with pytest.raises(Interrupted), fresh_build(guard, tmp_path, deploy, "pelicanconf.py"):
        pytest.fail("no build runs once interrupted")
    assert not list(tmp_path.glob(FRESH_PREFIX + "*"))
