"""The output plan lists exactly what a build writes; collisions stop the build first.

The plans are those of the session's production and development builds. Broken copies
of the content are built in this process: the problems are read as the build prints
them (one line each, ``problems_report``), and nothing may have been written.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from complaints.edge.messages import ContentProblems, problems_report
from tests.support.builds import plan_and_written, run_in_process
from tests.support.content import copy_content, write
from tests.support.sample import PIXMANIA


@pytest.mark.parametrize("site", ["production", "development"])
def test_the_plan_is_exactly_what_the_build_writes(
    request: pytest.FixtureRequest, site: str
) -> None:
    built = request.getfixturevalue(site)
    plan, written = plan_and_written(built.output, built.report.plan)
    assert set(plan) == written
    assert plan["index.html"] == "la page « index » (DIRECT_TEMPLATES)"
    assert plan["2009/07/pixmania-camescope-livre-chez-un-autre/index.html"] == (
        "témoignage content/temoignages/temoignages/pixmania-camescope-livre-chez-un-autre.md"
    )
    assert plan["marchands/pixmania/index.html"] == "la page du marchand « pixmania »"
    assert plan["theme/css/style.css"].startswith("le thème")
    if site == "production":
        assert plan["feeds/all.atom.xml"].startswith("le flux Atom de tous les témoignages")
        assert plan["donnees/temoignages.csv"].startswith("les données ouvertes")
    else:
        assert any(path.startswith("brouillons/") for path in plan)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the content that a test may break."""
    return copy_content(tmp_path / "content")


def copy_of_pixmania(content: Path, name: str, replacements: dict[str, str]) -> Path:
    text = (content / PIXMANIA).read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    return write(content / f"temoignages/temoignages/{name}.md", text)


def stopped_before_writing(content: Path, output: Path) -> list[str]:
    """Build ``content`` with publishconf.py: the lines the build prints for its
    problems; it must stop on them (no other error) before writing anything."""
    with pytest.raises(ContentProblems) as stop:
        run_in_process(content, output, config="publishconf.py")
    assert not (output.exists() and any(p.is_file() for p in output.rglob("*"))), "files written"
    return problems_report(stop.value.problems).splitlines()


def test_two_testimonies_with_one_slug_in_one_month_are_one_problem(
    content: Path, tmp_path: Path
) -> None:
    copy_of_pixmania(content, "pixmania-bis", {'title: "Pixmania :': 'title: "Pixmania bis :'})
    log = stopped_before_writing(content, tmp_path / "out")
    # the validator refuses a slug used twice before the output plan is computed: one
    # problem, naming both files
    problems = [line for line in log if ".md:" in line and " = « " in line]
    assert len(problems) == 1, log
    assert "pixmania-bis.md" in problems[0]
    assert "pixmania-camescope-livre-chez-un-autre.md" in problems[0]
    assert "slug = « pixmania-camescope-livre-chez-un-autre »" in problems[0]


@pytest.mark.parametrize("slug", ["marchands", "etiquettes", "recherche", "problemes"])
def test_a_page_on_a_list_page_path_is_a_problem(content: Path, tmp_path: Path, slug: str) -> None:
    """The validator refuses a page named after a folder the site writes (as `invoke
    check` does), before the output plan would report the collision."""
    write(content / f"pages/{slug}.md", f"---\ntitle: {slug}\n---\n\nTexte.\n")
    log = stopped_before_writing(content, tmp_path / "out")
    (line,) = [line for line in log if "écrit par le site" in line]
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
def test_content_cannot_choose_where_output_goes(
    content: Path, tmp_path: Path, front_matter: str
) -> None:
    """Refused by the validator or by the output plan: either way, named and unwritten."""
    key = front_matter.split(":", 1)[0]
    copy_of_pixmania(
        content,
        "detournement",
        {
            "slug: pixmania-camescope-livre-chez-un-autre": "slug: detournement",
            "date: 2009-07-06 10:00": f"date: 2009-07-06 10:00\n{front_matter}",
        }
        if key != "slug"
        else {"slug: pixmania-camescope-livre-chez-un-autre": front_matter},
    )
    output = tmp_path / "out"
    log = stopped_before_writing(content, output)
    named = [line for line in log if "detournement.md" in line]
    assert named, log
    assert not (output.parent / "x").exists()
