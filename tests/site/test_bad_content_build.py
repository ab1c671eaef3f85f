"""The build refuses what `complaints.check` refuses, line for line.

One build over a copy of the site's content plus every broken fixture: each testimony
of tests/bad_content/ (one problem each, among them 30,000 nested brackets, aliases,
control characters, impossible years and amounts, save_as/url/template/lang) and the
corpus folder
(broken profile, ``..md``, duplicate slug, ``.markdown``/``.MD``/``.rst``/``.html``
files, a page with save_as, a page with « [À COMPLÉTER », and the legal notice that
prints settings still « [À COMPLÉTER »).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.builds import build_site
from tests.support.checks import content_problems, settings_of
from tests.support.content import copy_content
from tests.support.sample import ROOT

BAD = ROOT / "tests" / "bad_content"
FIXTURES = sorted(p for p in BAD.glob("*.md") if p.name != "README.md")


@pytest.fixture(scope="module")
def settings(legal_values: dict[str, str]) -> dict:
    """The build's settings: publishconf.py, with the environment the build gets."""
    return settings_of("publishconf.py", COMPLAINTS_REFUSE_PLACEHOLDERS=True)


@pytest.fixture(scope="module")
def broken(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, str, int]:
    """(content, output, build log, exit status) of the one build over broken content."""
    root = tmp_path_factory.mktemp("broken")
    content = copy_content(root / "content")
    shutil.copytree(BAD / "corpus", content, dirs_exist_ok=True)
    target = content / "temoignages" / "a-corriger"
    target.mkdir()
    for fixture in FIXTURES:
        shutil.copy(fixture, target / fixture.name)
    for folder in ("merchants", "authors"):
        for profile in (BAD / folder).glob("*.md"):
            if not (content / folder / profile.name).exists():
                shutil.copy(profile, content / folder / profile.name)
    output = root / "output"
    result = build_site(output, content=content, extra={"COMPLAINTS_REFUSE_PLACEHOLDERS": "true"})
    return content, output, result.stdout + result.stderr, result.returncode


def test_the_build_fails_cleanly_and_writes_no_page(broken) -> None:
    _content, output, log, status = broken
    assert status == 1, log[-3000:]  # not -11: the deep nesting does not kill Python
    assert not (output.exists() and list(output.rglob("*.html")))


def test_every_problem_check_finds_is_in_the_build_log(broken, settings: dict) -> None:
    content, _output, log, _status = broken
    problems = content_problems(content, settings)
    assert len(problems) >= len(FIXTURES) + 9
    missing = [
        str(p).replace(f"{content}/", "", 2)
        for p in problems
        if str(p).replace(f"{content}/", "", 2) not in log
    ]
    assert not missing, "\n".join(missing)


def test_the_build_reports_nothing_check_does_not(broken, settings: dict) -> None:
    content, _output, log, _status = broken
    files = ("temoignages/", "pages/", "merchants/", "authors/")
    build_lines = [line for line in log.splitlines() if line.startswith(files) and " : " in line]
    assert len(build_lines) == len(content_problems(content, settings))


@pytest.mark.parametrize("fixture", FIXTURES, ids=[p.stem for p in FIXTURES])
def test_each_fixture_is_named_with_its_field_in_the_build(broken, fixture: Path) -> None:
    _content, _output, log, _status = broken
    text = fixture.read_text(encoding="utf-8")
    field = next(line for line in text.split("\n") if line.startswith("# expect-field: "))
    field = field.removeprefix("# expect-field: ").strip()
    lines = [line for line in log.splitlines() if f"a-corriger/{fixture.name}:" in line]
    assert any(f" : {field} = " in line for line in lines), lines
