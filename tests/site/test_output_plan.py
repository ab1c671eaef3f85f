"""The output plan lists exactly what a build writes; collisions stop the build first."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from complaints.edge.search_index import SEARCH_ENTRY, SEARCH_OUTPUT
from tests.conftest import ROOT, TEST_SITEURL, build_site
from tests.site.test_failures import PIXMANIA, project  # noqa: F401  (fixture)


def build_with_plan(
    output: Path, settings: str, content: Path | None = None
) -> tuple[dict[str, str], set[str]]:
    """Build in a subprocess; return the plan the build computed and the files written."""
    plan_file = output.parent / f"{output.name}-plan.json"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "tests/site/plan_build.py"),
            str(ROOT / settings),
            str(content or ROOT / "content"),
            str(output),
            str(plan_file),
        ],
        cwd=ROOT,
        env={**os.environ, "SITEURL": TEST_SITEURL, "PYTHONPATH": str(ROOT / "plugins")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    plan = json.loads(plan_file.read_text(encoding="utf-8"))
    written = {p.relative_to(output).as_posix() for p in output.rglob("*") if p.is_file()}
    # Pagefind names its files by content hash: the plan holds its entry point only
    index_files = {path for path in written if path.startswith(f"{SEARCH_OUTPUT}/")}
    assert SEARCH_ENTRY in plan and SEARCH_ENTRY in index_files
    return plan, (written - index_files) | {SEARCH_ENTRY}


@pytest.mark.parametrize("settings", ["publishconf.py", "pelicanconf.py"])
def test_the_plan_is_exactly_what_the_build_writes(tmp_path: Path, settings: str) -> None:
    plan, written = build_with_plan(tmp_path / "out", settings)
    assert set(plan) == written
    assert plan["index.html"] == "la page « index » (DIRECT_TEMPLATES)"
    assert plan["2009/07/pixmania-camescope-livre-chez-un-autre/index.html"] == (
        "témoignage content/temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
    )
    assert plan["marchands/pixmania/index.html"] == "la page du marchand « pixmania »"
    assert plan["theme/css/style.css"].startswith("le thème")
    if settings == "publishconf.py":
        assert plan["feeds/all.atom.xml"].startswith("le flux Atom de tous les témoignages")
        assert plan["donnees/temoignages.csv"].startswith("les données ouvertes")
    else:
        assert any(path.startswith("brouillons/") for path in plan)


def add_file(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def copy_of_pixmania(project: Path, name: str, replacements: dict[str, str]) -> Path:  # noqa: F811
    text = (project / PIXMANIA).read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return add_file(project, f"content/temoignages/temoignages/{name}.md", text)


def assert_stopped_before_writing(result: subprocess.CompletedProcess[str], output: Path) -> str:
    log = result.stdout + result.stderr
    assert result.returncode != 0, log
    assert "FileOverwriteFailedError" not in log
    assert not (output.exists() and any(p.is_file() for p in output.rglob("*"))), "files written"
    return log


def test_two_testimonies_with_one_slug_in_one_month_are_one_problem(project: Path) -> None:  # noqa: F811
    copy_of_pixmania(project, "pixmania-bis", {'title: "Pixmania :': 'title: "Pixmania bis :'})
    output = project / "out"
    log = assert_stopped_before_writing(build_site(output, content=project / "content"), output)
    # the validator refuses a slug used twice before the output plan is computed: one
    # problem, naming both files
    problems = [line for line in log.splitlines() if ".md:" in line and " = « " in line]
    assert len(problems) == 1, log
    assert "pixmania-bis.md" in problems[0]
    assert "pixmania-camescope-livre-chez-un-autre.md" in problems[0]
    assert "slug = « pixmania-camescope-livre-chez-un-autre »" in problems[0]


@pytest.mark.parametrize("slug", ["marchands", "etiquettes", "recherche", "problemes"])
def test_a_page_on_a_list_page_path_is_a_problem(
    project: Path,  # noqa: F811
    slug: str,
) -> None:
    """The validator refuses a page named after a folder the site writes (as `invoke
    check` does), before the output plan would report the collision."""
    add_file(project, f"content/pages/{slug}.md", f"---\ntitle: {slug}\n---\n\nTexte.\n")
    output = project / "out"
    log = assert_stopped_before_writing(build_site(output, content=project / "content"), output)
    (line,) = [line for line in log.splitlines() if "écrit par le site" in line]
    assert f"pages/{slug}.md" in line and f"« {slug}/ »" in line


@pytest.mark.parametrize(
    "front_matter",
    [
        "save_as: ../x/pwned.html",
        "save_as: index.html",
        "save_as: feeds/all.atom.xml",
        "save_as: donnees/temoignages.csv",
        "save_as: marchands/pixmania/index.html",
        "url: 'javascript:alert(1)'",
        "slug: ../..",
    ],
)
def test_content_cannot_choose_where_output_goes(project: Path, front_matter: str) -> None:  # noqa: F811
    """Refused by the validator or by the output plan: either way, named and unwritten."""
    key = front_matter.split(":", 1)[0]
    copy_of_pixmania(
        project,
        "detournement",
        {
            "slug: pixmania-camescope-livre-chez-un-autre": "slug: detournement",
            "date: 2009-07-06 10:00": f"date: 2009-07-06 10:00\n{front_matter}",
        }
        if key != "slug"
        else {"slug: pixmania-camescope-livre-chez-un-autre": front_matter},
    )
    output = project / "out"
    log = assert_stopped_before_writing(build_site(output, content=project / "content"), output)
    named = [line for line in log.splitlines() if "detournement.md" in line]
    assert named, log
    assert not (project / "x").exists()
