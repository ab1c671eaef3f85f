"""The output plan's path checks (pure): escapes, absolute paths, collisions."""

from __future__ import annotations

import pytest

from complaints.outputs.output_plan import FIELD, Claim, make_plan, normalise

TESTIMONY = "temoignages/temoignages/x.md"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("index.html", "index.html"),
        ("2009/07/x/index.html", "2009/07/x/index.html"),
        ("a//b/./index.html", "a/b/index.html"),
        ("a/../b.html", "b.html"),
        ("a\\b.html", "a/b.html"),
        ("../x/pwned.html", None),
        ("a/../../x.html", None),
        ("/etc/passwd", None),
        ("C:/x.html", None),
        ("..", None),
        (".", None),
        ("", None),
        ("brouillons/", None),  # a folder, not a file
    ],
)
def test_normalise(path: str, expected: str | None) -> None:
    assert normalise(path) == expected


def test_plan_maps_each_path_to_what_writes_it() -> None:
    plan, problems = make_plan(
        [
            Claim("index.html", "la page « index »"),
            Claim("2009/07/x/index.html", "témoignage content/x.md", TESTIMONY),
        ]
    )
    assert problems == []
    assert plan == {
        "index.html": "la page « index »",
        "2009/07/x/index.html": "témoignage content/x.md",
    }


def test_a_path_claimed_twice_is_one_problem_naming_both_on_the_editors_file() -> None:
    plan, problems = make_plan(
        [
            Claim("index.html", "la page « index » (DIRECT_TEMPLATES)"),
            Claim("./index.html", "témoignage content/x.md", TESTIMONY),
            Claim("feeds/all.atom.xml", "le flux Atom de tous les témoignages"),
        ]
    )
    assert plan["index.html"] == "la page « index » (DIRECT_TEMPLATES)"
    (problem,) = problems
    assert problem.file == TESTIMONY
    assert problem.field == FIELD
    assert problem.value == "« ./index.html »"
    assert "la page « index » (DIRECT_TEMPLATES)" in problem.expected
    assert "témoignage content/x.md" in problem.expected


def test_three_claims_of_one_path_are_two_problems() -> None:
    claims = [Claim("a/index.html", f"témoignage {n}", f"{n}.md") for n in "abc"]
    _, problems = make_plan(claims)
    assert [p.file for p in problems] == ["b.md", "c.md"]


def test_settings_collisions_are_reported_on_the_settings() -> None:
    _, problems = make_plan(
        [Claim("donnees/x.csv", "les données ouvertes"), Claim("donnees/x.csv", "le flux")]
    )
    (problem,) = problems
    assert problem.file == "(réglages)"


@pytest.mark.parametrize("path", ["../x/pwned.html", "/tmp/x.html", "brouillons/"])
def test_paths_outside_the_output_folder_are_problems(path: str) -> None:
    plan, problems = make_plan([Claim(path, "témoignage content/x.md", TESTIMONY)])
    assert plan == {}
    (problem,) = problems
    assert (problem.file, problem.value) == (TESTIMONY, f"« {path} »")
    assert "dossier de sortie" in problem.expected


def test_a_file_where_another_needs_a_folder_is_a_problem() -> None:
    _, problems = make_plan(
        [
            Claim("marchands/index.html", "l'index des marchands"),
            Claim("marchands", "témoignage content/x.md", TESTIMONY),
        ]
    )
    (problem,) = problems
    assert problem.file == TESTIMONY
    assert "l'index des marchands" in problem.expected


def test_str_of_a_problem_names_file_field_and_path() -> None:
    _, (problem,) = make_plan(
        [Claim("index.html", "la une"), Claim("index.html", "témoignage t", TESTIMONY)]
    )
    line = str(problem)
    assert TESTIMONY in line and FIELD in line and "index.html" in line
