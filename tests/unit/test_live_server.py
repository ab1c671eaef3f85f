"""Which action a batch of saved files starts in `invoke livereload`, and tab reloads."""

from __future__ import annotations

from pathlib import Path

import pytest
from livereload.handlers import LiveReloadHandler

from sitebuild import live_server
from sitebuild.live_server import first_action

ROOT = Path("/site")


def restart() -> None: ...


def build() -> None: ...


RULES = [
    (ROOT / "pelicanconf.py", restart),
    (ROOT / "plugins", restart),
    (ROOT / "theme", build),
    (ROOT / "content", build),
]


def test_a_content_save_builds() -> None:
    assert first_action(RULES, [ROOT / "content/temoignages/x/a.md"]) is build


def test_settings_or_plugin_code_in_the_batch_restarts() -> None:
    batch = [ROOT / "content/pages/a.md", ROOT / "plugins/complaints/model.py"]
    assert first_action(RULES, batch) is restart
    assert first_action(RULES, [ROOT / "pelicanconf.py"]) is restart


def test_files_outside_every_rule_do_nothing() -> None:
    assert first_action(RULES, [ROOT / "output/index.html", ROOT / "pelicanconf.py.swp"]) is None
    assert first_action(RULES, [ROOT / "content-old/a.md"]) is None  # a prefix is no folder


def test_an_action_can_reload_the_tabs_before_it_ends(monkeypatch: pytest.MonkeyPatch) -> None:
    """The preview reloads the tabs once the saved page is written, then after its build."""
    calls = []

    class Loop:
        def add_callback(self, *args: object) -> None:
            calls.append(args)

    monkeypatch.setattr(live_server.IOLoop, "current", staticmethod(Loop))
    watcher = live_server.SourceWatcher([])  # no rule: nothing is watched
    watcher.reload_tabs()  # not serving yet: nothing to reload
    assert calls == []
    assert watcher.start(lambda: None)
    watcher.reload_tabs()
    assert calls == [(LiveReloadHandler.reload_waiters, "*")]
    watcher.stop()
