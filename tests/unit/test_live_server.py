"""Which action a batch of saved files starts in `invoke livereload`, and tab reloads."""

from __future__ import annotations

import threading
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


@pytest.mark.parametrize("actions_reload_tabs", [False, True])
def test_the_tabs_reload_after_an_action_unless_it_reloads_them_itself(
    tmp_path: Path, actions_reload_tabs: bool
) -> None:
    """`invoke livereload`'s actions only ask for a build: the preview reloads the tabs
    once pages are written, not the watcher when the action returns."""
    ran: list[str] = []
    reloads: list[str] = []
    watcher = live_server.SourceWatcher(
        [(tmp_path, lambda: ran.append("build"))], actions_reload_tabs=actions_reload_tabs
    )
    watcher.reload_tabs = lambda: reloads.append("reload")  # type: ignore[method-assign]
    assert watcher.run([tmp_path / "theme.css"], threading.Lock())
    assert watcher.run([Path("/elsewhere/a.css")], threading.Lock())  # no rule: nothing
    assert ran == ["build"]
    assert reloads == ([] if actions_reload_tabs else ["reload"])
    watcher.stop()
    assert not watcher.run([tmp_path / "theme.css"], threading.Lock())
    assert ran == ["build"]
