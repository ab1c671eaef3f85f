"""`invoke new` and `invoke new-merchant` as an editor runs them (in a project copy)."""

from __future__ import annotations

from pathlib import Path

from complaints.editorial.frontmatter import split_front_matter
from complaints.editorial.profiles import read_merchant
from tests.support.content import copy_project
from tests.support.tasks import run_invoke as invoke


def test_new_and_new_merchant(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    folder = project / "content" / "temoignages" / "temoignages"
    before = sorted(folder.iterdir())

    refused = invoke(project, "new", "--merchant", "pixmana", "--title", "Colis perdu")
    assert refused.returncode == 1
    assert (
        "vouliez-vous dire « pixmania »" in refused.stderr and "Marchands connus" in refused.stderr
    )
    emoji = invoke(project, "new", "--merchant", "pixmania", "--title", "😡📦")
    assert emoji.returncode == 1 and "--slug" in emoji.stderr
    assert sorted(folder.iterdir()) == before
    assert "Traceback" not in refused.stderr + emoji.stderr

    title = 'Pixmania : le "caméscope" # perdu'
    created = invoke(project, "new", "--merchant", "pixmania", "--title", title)
    assert created.returncode == 0, created.stderr
    data, _ = split_front_matter(
        (folder / "pixmania-le-camescope-perdu.md").read_text(encoding="utf-8"), "x.md"
    )
    assert data["title"] == title and data["testimony"]["merchant"] == "pixmania"

    merchant = invoke(
        project,
        "new-merchant",
        "--slug",
        "boutique-exemple",
        "--name",
        "Boutique : exemple",
        "--website",
        "https://boutique.example",
        "--fictional",
    )
    assert merchant.returncode == 0, merchant.stderr
    profile = read_merchant(project / "content" / "merchants" / "boutique-exemple.md")
    assert profile.name == "Boutique : exemple" and profile.fictional
    bad = invoke(project, "new-merchant", "--slug", "../x", "--name", "X")
    assert bad.returncode == 1 and "nom de fichier" in bad.stderr
