"""Which action a batch of saved files starts in `invoke livereload`."""

from __future__ import annotations

from pathlib import Path

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
